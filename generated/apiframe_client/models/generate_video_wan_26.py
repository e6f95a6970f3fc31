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
    from ..models.wan_26_params import Wan26Params


T = TypeVar("T", bound="GenerateVideoWan26")


@_attrs_define
class GenerateVideoWan26:
    """
    Attributes:
        model (Literal['wan-2.6']):  Default: 'wan-2.6'.
        prompt (str):
        wan_params (Wan26Params | Unset):
        webhook_events (list[WebhookEvent] | Unset):
        webhook_url (str | Unset):
    """

    prompt: str
    model: Literal["wan-2.6"] = "wan-2.6"
    wan_params: Wan26Params | Unset = UNSET
    webhook_events: list[WebhookEvent] | Unset = UNSET
    webhook_url: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        prompt = self.prompt

        wan_params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.wan_params, Unset):
            wan_params = self.wan_params.to_dict()

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
        if wan_params is not UNSET:
            field_dict["wanParams"] = wan_params
        if webhook_events is not UNSET:
            field_dict["webhookEvents"] = webhook_events
        if webhook_url is not UNSET:
            field_dict["webhookUrl"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.wan_26_params import Wan26Params  # noqa: PLC0415

        d = dict(src_dict)
        model = cast(Literal["wan-2.6"], d.pop("model"))
        if model != "wan-2.6":
            raise ValueError(f"model must match const 'wan-2.6', got '{model}'")

        prompt = d.pop("prompt")

        _wan_params = d.pop("wanParams", UNSET)
        wan_params: Wan26Params | Unset
        if isinstance(_wan_params, Unset):
            wan_params = UNSET
        else:
            wan_params = Wan26Params.from_dict(_wan_params)

        _webhook_events = d.pop("webhookEvents", UNSET)
        webhook_events: list[WebhookEvent] | Unset = UNSET
        if _webhook_events is not UNSET:
            webhook_events = []
            for webhook_events_item_data in _webhook_events:
                webhook_events_item = check_webhook_event(webhook_events_item_data)

                webhook_events.append(webhook_events_item)

        webhook_url = d.pop("webhookUrl", UNSET)

        generate_video_wan_26 = cls(
            model=model,
            prompt=prompt,
            wan_params=wan_params,
            webhook_events=webhook_events,
            webhook_url=webhook_url,
        )

        return generate_video_wan_26
