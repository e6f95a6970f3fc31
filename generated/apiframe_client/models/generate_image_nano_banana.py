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
    from ..models.nano_banana_params import NanoBananaParams


T = TypeVar("T", bound="GenerateImageNanoBanana")


@_attrs_define
class GenerateImageNanoBanana:
    """
    Attributes:
        model (Literal['nano-banana']):  Default: 'nano-banana'.
        prompt (str):
        nano_banana_params (NanoBananaParams | Unset):
        webhook_events (list[WebhookEvent] | Unset):
        webhook_url (str | Unset):
    """

    prompt: str
    model: Literal["nano-banana"] = "nano-banana"
    nano_banana_params: NanoBananaParams | Unset = UNSET
    webhook_events: list[WebhookEvent] | Unset = UNSET
    webhook_url: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        prompt = self.prompt

        nano_banana_params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.nano_banana_params, Unset):
            nano_banana_params = self.nano_banana_params.to_dict()

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
        if nano_banana_params is not UNSET:
            field_dict["nanoBananaParams"] = nano_banana_params
        if webhook_events is not UNSET:
            field_dict["webhookEvents"] = webhook_events
        if webhook_url is not UNSET:
            field_dict["webhookUrl"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.nano_banana_params import NanoBananaParams  # noqa: PLC0415

        d = dict(src_dict)
        model = cast(Literal["nano-banana"], d.pop("model"))
        if model != "nano-banana":
            raise ValueError(f"model must match const 'nano-banana', got '{model}'")

        prompt = d.pop("prompt")

        _nano_banana_params = d.pop("nanoBananaParams", UNSET)
        nano_banana_params: NanoBananaParams | Unset
        if isinstance(_nano_banana_params, Unset):
            nano_banana_params = UNSET
        else:
            nano_banana_params = NanoBananaParams.from_dict(_nano_banana_params)

        _webhook_events = d.pop("webhookEvents", UNSET)
        webhook_events: list[WebhookEvent] | Unset = UNSET
        if _webhook_events is not UNSET:
            webhook_events = []
            for webhook_events_item_data in _webhook_events:
                webhook_events_item = check_webhook_event(webhook_events_item_data)

                webhook_events.append(webhook_events_item)

        webhook_url = d.pop("webhookUrl", UNSET)

        generate_image_nano_banana = cls(
            model=model,
            prompt=prompt,
            nano_banana_params=nano_banana_params,
            webhook_events=webhook_events,
            webhook_url=webhook_url,
        )

        return generate_image_nano_banana
