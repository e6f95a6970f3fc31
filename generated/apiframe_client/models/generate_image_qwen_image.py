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
    from ..models.qwen_image_params import QwenImageParams


T = TypeVar("T", bound="GenerateImageQwenImage")


@_attrs_define
class GenerateImageQwenImage:
    """
    Attributes:
        model (Literal['qwen-image']):  Default: 'qwen-image'.
        prompt (str):
        qwen_image_params (QwenImageParams | Unset):
        webhook_events (list[WebhookEvent] | Unset):
        webhook_url (str | Unset):
    """

    prompt: str
    model: Literal["qwen-image"] = "qwen-image"
    qwen_image_params: QwenImageParams | Unset = UNSET
    webhook_events: list[WebhookEvent] | Unset = UNSET
    webhook_url: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        prompt = self.prompt

        qwen_image_params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.qwen_image_params, Unset):
            qwen_image_params = self.qwen_image_params.to_dict()

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
        if qwen_image_params is not UNSET:
            field_dict["qwenImageParams"] = qwen_image_params
        if webhook_events is not UNSET:
            field_dict["webhookEvents"] = webhook_events
        if webhook_url is not UNSET:
            field_dict["webhookUrl"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.qwen_image_params import QwenImageParams  # noqa: PLC0415

        d = dict(src_dict)
        model = cast(Literal["qwen-image"], d.pop("model"))
        if model != "qwen-image":
            raise ValueError(f"model must match const 'qwen-image', got '{model}'")

        prompt = d.pop("prompt")

        _qwen_image_params = d.pop("qwenImageParams", UNSET)
        qwen_image_params: QwenImageParams | Unset
        if isinstance(_qwen_image_params, Unset):
            qwen_image_params = UNSET
        else:
            qwen_image_params = QwenImageParams.from_dict(_qwen_image_params)

        _webhook_events = d.pop("webhookEvents", UNSET)
        webhook_events: list[WebhookEvent] | Unset = UNSET
        if _webhook_events is not UNSET:
            webhook_events = []
            for webhook_events_item_data in _webhook_events:
                webhook_events_item = check_webhook_event(webhook_events_item_data)

                webhook_events.append(webhook_events_item)

        webhook_url = d.pop("webhookUrl", UNSET)

        generate_image_qwen_image = cls(
            model=model,
            prompt=prompt,
            qwen_image_params=qwen_image_params,
            webhook_events=webhook_events,
            webhook_url=webhook_url,
        )

        return generate_image_qwen_image
