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
    from ..models.kling_image_params import KlingImageParams


T = TypeVar("T", bound="GenerateImageKlingImage")


@_attrs_define
class GenerateImageKlingImage:
    """
    Attributes:
        model (Literal['kling-image']):  Default: 'kling-image'.
        prompt (str):
        kling_image_params (KlingImageParams | Unset):
        webhook_events (list[WebhookEvent] | Unset):
        webhook_url (str | Unset):
    """

    prompt: str
    model: Literal["kling-image"] = "kling-image"
    kling_image_params: KlingImageParams | Unset = UNSET
    webhook_events: list[WebhookEvent] | Unset = UNSET
    webhook_url: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        prompt = self.prompt

        kling_image_params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.kling_image_params, Unset):
            kling_image_params = self.kling_image_params.to_dict()

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
        if kling_image_params is not UNSET:
            field_dict["klingImageParams"] = kling_image_params
        if webhook_events is not UNSET:
            field_dict["webhookEvents"] = webhook_events
        if webhook_url is not UNSET:
            field_dict["webhookUrl"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.kling_image_params import KlingImageParams  # noqa: PLC0415

        d = dict(src_dict)
        model = cast(Literal["kling-image"], d.pop("model"))
        if model != "kling-image":
            raise ValueError(f"model must match const 'kling-image', got '{model}'")

        prompt = d.pop("prompt")

        _kling_image_params = d.pop("klingImageParams", UNSET)
        kling_image_params: KlingImageParams | Unset
        if isinstance(_kling_image_params, Unset):
            kling_image_params = UNSET
        else:
            kling_image_params = KlingImageParams.from_dict(_kling_image_params)

        _webhook_events = d.pop("webhookEvents", UNSET)
        webhook_events: list[WebhookEvent] | Unset = UNSET
        if _webhook_events is not UNSET:
            webhook_events = []
            for webhook_events_item_data in _webhook_events:
                webhook_events_item = check_webhook_event(webhook_events_item_data)

                webhook_events.append(webhook_events_item)

        webhook_url = d.pop("webhookUrl", UNSET)

        generate_image_kling_image = cls(
            model=model,
            prompt=prompt,
            kling_image_params=kling_image_params,
            webhook_events=webhook_events,
            webhook_url=webhook_url,
        )

        return generate_image_kling_image
