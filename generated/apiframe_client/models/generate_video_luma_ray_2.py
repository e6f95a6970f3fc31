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
    from ..models.luma_params import LumaParams


T = TypeVar("T", bound="GenerateVideoLumaRay2")


@_attrs_define
class GenerateVideoLumaRay2:
    """
    Attributes:
        model (Literal['luma-ray-2']):  Default: 'luma-ray-2'.
        prompt (str):
        luma_params (LumaParams | Unset):
        webhook_events (list[WebhookEvent] | Unset):
        webhook_url (str | Unset):
    """

    prompt: str
    model: Literal["luma-ray-2"] = "luma-ray-2"
    luma_params: LumaParams | Unset = UNSET
    webhook_events: list[WebhookEvent] | Unset = UNSET
    webhook_url: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        prompt = self.prompt

        luma_params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.luma_params, Unset):
            luma_params = self.luma_params.to_dict()

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
        if luma_params is not UNSET:
            field_dict["lumaParams"] = luma_params
        if webhook_events is not UNSET:
            field_dict["webhookEvents"] = webhook_events
        if webhook_url is not UNSET:
            field_dict["webhookUrl"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.luma_params import LumaParams  # noqa: PLC0415

        d = dict(src_dict)
        model = cast(Literal["luma-ray-2"], d.pop("model"))
        if model != "luma-ray-2":
            raise ValueError(f"model must match const 'luma-ray-2', got '{model}'")

        prompt = d.pop("prompt")

        _luma_params = d.pop("lumaParams", UNSET)
        luma_params: LumaParams | Unset
        if isinstance(_luma_params, Unset):
            luma_params = UNSET
        else:
            luma_params = LumaParams.from_dict(_luma_params)

        _webhook_events = d.pop("webhookEvents", UNSET)
        webhook_events: list[WebhookEvent] | Unset = UNSET
        if _webhook_events is not UNSET:
            webhook_events = []
            for webhook_events_item_data in _webhook_events:
                webhook_events_item = check_webhook_event(webhook_events_item_data)

                webhook_events.append(webhook_events_item)

        webhook_url = d.pop("webhookUrl", UNSET)

        generate_video_luma_ray_2 = cls(
            model=model,
            prompt=prompt,
            luma_params=luma_params,
            webhook_events=webhook_events,
            webhook_url=webhook_url,
        )

        return generate_video_luma_ray_2
