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
    from ..models.flux_params import FluxParams


T = TypeVar("T", bound="GenerateImageFlux11Pro")


@_attrs_define
class GenerateImageFlux11Pro:
    """
    Attributes:
        model (Literal['flux-1.1-pro']):  Default: 'flux-1.1-pro'.
        prompt (str):
        flux_params (FluxParams | Unset):
        webhook_events (list[WebhookEvent] | Unset):
        webhook_url (str | Unset):
    """

    prompt: str
    model: Literal["flux-1.1-pro"] = "flux-1.1-pro"
    flux_params: FluxParams | Unset = UNSET
    webhook_events: list[WebhookEvent] | Unset = UNSET
    webhook_url: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        prompt = self.prompt

        flux_params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.flux_params, Unset):
            flux_params = self.flux_params.to_dict()

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
                "model": model,
                "prompt": prompt,
            }
        )
        if flux_params is not UNSET:
            field_dict["fluxParams"] = flux_params
        if webhook_events is not UNSET:
            field_dict["webhookEvents"] = webhook_events
        if webhook_url is not UNSET:
            field_dict["webhookUrl"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.flux_params import FluxParams  # noqa: PLC0415

        d = dict(src_dict)
        model = cast(Literal["flux-1.1-pro"], d.pop("model"))
        if model != "flux-1.1-pro":
            raise ValueError(f"model must match const 'flux-1.1-pro', got '{model}'")

        prompt = d.pop("prompt")

        _flux_params = d.pop("fluxParams", UNSET)
        flux_params: FluxParams | Unset
        if isinstance(_flux_params, Unset):
            flux_params = UNSET
        else:
            flux_params = FluxParams.from_dict(_flux_params)

        _webhook_events = d.pop("webhookEvents", UNSET)
        webhook_events: list[WebhookEvent] | Unset = UNSET
        if _webhook_events is not UNSET:
            webhook_events = []
            for webhook_events_item_data in _webhook_events:
                webhook_events_item = check_webhook_event(webhook_events_item_data)

                webhook_events.append(webhook_events_item)

        webhook_url = d.pop("webhookUrl", UNSET)

        generate_image_flux_11_pro = cls(
            model=model,
            prompt=prompt,
            flux_params=flux_params,
            webhook_events=webhook_events,
            webhook_url=webhook_url,
        )

        return generate_image_flux_11_pro
