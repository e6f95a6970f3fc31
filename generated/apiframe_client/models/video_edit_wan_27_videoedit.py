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
    from ..models.wan_27_videoedit_params import Wan27VideoeditParams


T = TypeVar("T", bound="VideoEditWan27Videoedit")


@_attrs_define
class VideoEditWan27Videoedit:
    """
    Attributes:
        model (Literal['wan-2.7-videoedit']):  Default: 'wan-2.7-videoedit'.
        prompt (str):
        wan_27_videoedit_params (Wan27VideoeditParams):
        webhook_events (list[WebhookEvent] | Unset):
        webhook_url (str | Unset):
    """

    prompt: str
    wan_27_videoedit_params: Wan27VideoeditParams
    model: Literal["wan-2.7-videoedit"] = "wan-2.7-videoedit"
    webhook_events: list[WebhookEvent] | Unset = UNSET
    webhook_url: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        prompt = self.prompt

        wan_27_videoedit_params = self.wan_27_videoedit_params.to_dict()

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
                "wan27VideoeditParams": wan_27_videoedit_params,
            }
        )
        if webhook_events is not UNSET:
            field_dict["webhookEvents"] = webhook_events
        if webhook_url is not UNSET:
            field_dict["webhookUrl"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.wan_27_videoedit_params import Wan27VideoeditParams  # noqa: PLC0415

        d = dict(src_dict)
        model = cast(Literal["wan-2.7-videoedit"], d.pop("model"))
        if model != "wan-2.7-videoedit":
            raise ValueError(f"model must match const 'wan-2.7-videoedit', got '{model}'")

        prompt = d.pop("prompt")

        wan_27_videoedit_params = Wan27VideoeditParams.from_dict(d.pop("wan27VideoeditParams"))

        _webhook_events = d.pop("webhookEvents", UNSET)
        webhook_events: list[WebhookEvent] | Unset = UNSET
        if _webhook_events is not UNSET:
            webhook_events = []
            for webhook_events_item_data in _webhook_events:
                webhook_events_item = check_webhook_event(webhook_events_item_data)

                webhook_events.append(webhook_events_item)

        webhook_url = d.pop("webhookUrl", UNSET)

        video_edit_wan_27_videoedit = cls(
            model=model,
            prompt=prompt,
            wan_27_videoedit_params=wan_27_videoedit_params,
            webhook_events=webhook_events,
            webhook_url=webhook_url,
        )

        return video_edit_wan_27_videoedit
