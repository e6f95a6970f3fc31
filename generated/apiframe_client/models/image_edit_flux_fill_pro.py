from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.webhook_event import WebhookEvent, check_webhook_event
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.flux_fill_params import FluxFillParams


T = TypeVar("T", bound="ImageEditFluxFillPro")


@_attrs_define
class ImageEditFluxFillPro:
    """
    Attributes:
        flux_fill_params (FluxFillParams):
        model (Literal['flux-fill-pro']):  Default: 'flux-fill-pro'.
        webhook_events (list[WebhookEvent] | Unset):
        webhook_url (str | Unset):
    """

    flux_fill_params: FluxFillParams
    model: Literal["flux-fill-pro"] = "flux-fill-pro"
    webhook_events: list[WebhookEvent] | Unset = UNSET
    webhook_url: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        flux_fill_params = self.flux_fill_params.to_dict()

        model = self.model

        webhook_events: list[str] | Unset = UNSET
        if not isinstance(self.webhook_events, Unset):
            webhook_events = []
            for webhook_events_item_data in self.webhook_events:
                webhook_events_item: str = webhook_events_item_data
                webhook_events.append(webhook_events_item)

        webhook_url = self.webhook_url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "fluxFillParams": flux_fill_params,
                "model": model,
            }
        )
        if webhook_events is not UNSET:
            field_dict["webhookEvents"] = webhook_events
        if webhook_url is not UNSET:
            field_dict["webhookUrl"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.flux_fill_params import FluxFillParams  # noqa: PLC0415

        d = dict(src_dict)
        flux_fill_params = FluxFillParams.from_dict(d.pop("fluxFillParams"))

        model = cast(Literal["flux-fill-pro"], d.pop("model"))
        if model != "flux-fill-pro":
            raise ValueError(f"model must match const 'flux-fill-pro', got '{model}'")

        _webhook_events = d.pop("webhookEvents", UNSET)
        webhook_events: list[WebhookEvent] | Unset = UNSET
        if _webhook_events is not UNSET:
            webhook_events = []
            for webhook_events_item_data in _webhook_events:
                webhook_events_item = check_webhook_event(webhook_events_item_data)

                webhook_events.append(webhook_events_item)

        webhook_url = d.pop("webhookUrl", UNSET)

        image_edit_flux_fill_pro = cls(
            flux_fill_params=flux_fill_params,
            model=model,
            webhook_events=webhook_events,
            webhook_url=webhook_url,
        )

        return image_edit_flux_fill_pro
