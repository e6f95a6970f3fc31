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
    from ..models.gpt_image_params import GptImageParams


T = TypeVar("T", bound="GenerateImageGptImage15")


@_attrs_define
class GenerateImageGptImage15:
    """
    Attributes:
        model (Literal['gpt-image-1.5']):  Default: 'gpt-image-1.5'.
        prompt (str):
        gpt_image_params (GptImageParams | Unset):
        webhook_events (list[WebhookEvent] | Unset):
        webhook_url (str | Unset):
    """

    prompt: str
    model: Literal["gpt-image-1.5"] = "gpt-image-1.5"
    gpt_image_params: GptImageParams | Unset = UNSET
    webhook_events: list[WebhookEvent] | Unset = UNSET
    webhook_url: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        prompt = self.prompt

        gpt_image_params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.gpt_image_params, Unset):
            gpt_image_params = self.gpt_image_params.to_dict()

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
        if gpt_image_params is not UNSET:
            field_dict["gptImageParams"] = gpt_image_params
        if webhook_events is not UNSET:
            field_dict["webhookEvents"] = webhook_events
        if webhook_url is not UNSET:
            field_dict["webhookUrl"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.gpt_image_params import GptImageParams  # noqa: PLC0415

        d = dict(src_dict)
        model = cast(Literal["gpt-image-1.5"], d.pop("model"))
        if model != "gpt-image-1.5":
            raise ValueError(f"model must match const 'gpt-image-1.5', got '{model}'")

        prompt = d.pop("prompt")

        _gpt_image_params = d.pop("gptImageParams", UNSET)
        gpt_image_params: GptImageParams | Unset
        if isinstance(_gpt_image_params, Unset):
            gpt_image_params = UNSET
        else:
            gpt_image_params = GptImageParams.from_dict(_gpt_image_params)

        _webhook_events = d.pop("webhookEvents", UNSET)
        webhook_events: list[WebhookEvent] | Unset = UNSET
        if _webhook_events is not UNSET:
            webhook_events = []
            for webhook_events_item_data in _webhook_events:
                webhook_events_item = check_webhook_event(webhook_events_item_data)

                webhook_events.append(webhook_events_item)

        webhook_url = d.pop("webhookUrl", UNSET)

        generate_image_gpt_image_15 = cls(
            model=model,
            prompt=prompt,
            gpt_image_params=gpt_image_params,
            webhook_events=webhook_events,
            webhook_url=webhook_url,
        )

        return generate_image_gpt_image_15
