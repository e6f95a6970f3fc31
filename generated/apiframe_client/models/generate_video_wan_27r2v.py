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
    from ..models.wan_27r2v_params import Wan27R2VParams


T = TypeVar("T", bound="GenerateVideoWan27R2V")


@_attrs_define
class GenerateVideoWan27R2V:
    """
    Attributes:
        model (Literal['wan-2.7-r2v']):  Default: 'wan-2.7-r2v'.
        prompt (str):
        wan_27r2_v_params (Wan27R2VParams):
        webhook_events (list[WebhookEvent] | Unset):
        webhook_url (str | Unset):
    """

    prompt: str
    wan_27r2_v_params: Wan27R2VParams
    model: Literal["wan-2.7-r2v"] = "wan-2.7-r2v"
    webhook_events: list[WebhookEvent] | Unset = UNSET
    webhook_url: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        prompt = self.prompt

        wan_27r2_v_params = self.wan_27r2_v_params.to_dict()

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
                "wan27R2vParams": wan_27r2_v_params,
            }
        )
        if webhook_events is not UNSET:
            field_dict["webhookEvents"] = webhook_events
        if webhook_url is not UNSET:
            field_dict["webhookUrl"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.wan_27r2v_params import Wan27R2VParams  # noqa: PLC0415

        d = dict(src_dict)
        model = cast(Literal["wan-2.7-r2v"], d.pop("model"))
        if model != "wan-2.7-r2v":
            raise ValueError(f"model must match const 'wan-2.7-r2v', got '{model}'")

        prompt = d.pop("prompt")

        wan_27r2_v_params = Wan27R2VParams.from_dict(d.pop("wan27R2vParams"))

        _webhook_events = d.pop("webhookEvents", UNSET)
        webhook_events: list[WebhookEvent] | Unset = UNSET
        if _webhook_events is not UNSET:
            webhook_events = []
            for webhook_events_item_data in _webhook_events:
                webhook_events_item = check_webhook_event(webhook_events_item_data)

                webhook_events.append(webhook_events_item)

        webhook_url = d.pop("webhookUrl", UNSET)

        generate_video_wan_27r2v = cls(
            model=model,
            prompt=prompt,
            wan_27r2_v_params=wan_27r2_v_params,
            webhook_events=webhook_events,
            webhook_url=webhook_url,
        )

        return generate_video_wan_27r2v
