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
    from ..models.dalle_params import DalleParams


T = TypeVar("T", bound="GenerateImageDallE3")


@_attrs_define
class GenerateImageDallE3:
    """
    Attributes:
        model (Literal['dall-e-3']):  Default: 'dall-e-3'.
        prompt (str):
        dalle_params (DalleParams | Unset):
        webhook_events (list[WebhookEvent] | Unset):
        webhook_url (str | Unset):
    """

    prompt: str
    model: Literal["dall-e-3"] = "dall-e-3"
    dalle_params: DalleParams | Unset = UNSET
    webhook_events: list[WebhookEvent] | Unset = UNSET
    webhook_url: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        prompt = self.prompt

        dalle_params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.dalle_params, Unset):
            dalle_params = self.dalle_params.to_dict()

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
        if dalle_params is not UNSET:
            field_dict["dalleParams"] = dalle_params
        if webhook_events is not UNSET:
            field_dict["webhookEvents"] = webhook_events
        if webhook_url is not UNSET:
            field_dict["webhookUrl"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.dalle_params import DalleParams  # noqa: PLC0415

        d = dict(src_dict)
        model = cast(Literal["dall-e-3"], d.pop("model"))
        if model != "dall-e-3":
            raise ValueError(f"model must match const 'dall-e-3', got '{model}'")

        prompt = d.pop("prompt")

        _dalle_params = d.pop("dalleParams", UNSET)
        dalle_params: DalleParams | Unset
        if isinstance(_dalle_params, Unset):
            dalle_params = UNSET
        else:
            dalle_params = DalleParams.from_dict(_dalle_params)

        _webhook_events = d.pop("webhookEvents", UNSET)
        webhook_events: list[WebhookEvent] | Unset = UNSET
        if _webhook_events is not UNSET:
            webhook_events = []
            for webhook_events_item_data in _webhook_events:
                webhook_events_item = check_webhook_event(webhook_events_item_data)

                webhook_events.append(webhook_events_item)

        webhook_url = d.pop("webhookUrl", UNSET)

        generate_image_dall_e3 = cls(
            model=model,
            prompt=prompt,
            dalle_params=dalle_params,
            webhook_events=webhook_events,
            webhook_url=webhook_url,
        )

        return generate_image_dall_e3
