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
    from ..models.reve_params import ReveParams


T = TypeVar("T", bound="GenerateImageReveCreate")


@_attrs_define
class GenerateImageReveCreate:
    """
    Attributes:
        model (Literal['reve-create']):  Default: 'reve-create'.
        prompt (str):
        reve_params (ReveParams | Unset):
        webhook_events (list[WebhookEvent] | Unset):
        webhook_url (str | Unset):
    """

    prompt: str
    model: Literal["reve-create"] = "reve-create"
    reve_params: ReveParams | Unset = UNSET
    webhook_events: list[WebhookEvent] | Unset = UNSET
    webhook_url: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        prompt = self.prompt

        reve_params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.reve_params, Unset):
            reve_params = self.reve_params.to_dict()

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
        if reve_params is not UNSET:
            field_dict["reveParams"] = reve_params
        if webhook_events is not UNSET:
            field_dict["webhookEvents"] = webhook_events
        if webhook_url is not UNSET:
            field_dict["webhookUrl"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reve_params import ReveParams  # noqa: PLC0415

        d = dict(src_dict)
        model = cast(Literal["reve-create"], d.pop("model"))
        if model != "reve-create":
            raise ValueError(f"model must match const 'reve-create', got '{model}'")

        prompt = d.pop("prompt")

        _reve_params = d.pop("reveParams", UNSET)
        reve_params: ReveParams | Unset
        if isinstance(_reve_params, Unset):
            reve_params = UNSET
        else:
            reve_params = ReveParams.from_dict(_reve_params)

        _webhook_events = d.pop("webhookEvents", UNSET)
        webhook_events: list[WebhookEvent] | Unset = UNSET
        if _webhook_events is not UNSET:
            webhook_events = []
            for webhook_events_item_data in _webhook_events:
                webhook_events_item = check_webhook_event(webhook_events_item_data)

                webhook_events.append(webhook_events_item)

        webhook_url = d.pop("webhookUrl", UNSET)

        generate_image_reve_create = cls(
            model=model,
            prompt=prompt,
            reve_params=reve_params,
            webhook_events=webhook_events,
            webhook_url=webhook_url,
        )

        return generate_image_reve_create
