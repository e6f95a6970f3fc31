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
    from ..models.hailuo_23_params import Hailuo23Params


T = TypeVar("T", bound="GenerateVideoHailuo23Fast")


@_attrs_define
class GenerateVideoHailuo23Fast:
    """
    Attributes:
        model (Literal['hailuo-2.3-fast']):  Default: 'hailuo-2.3-fast'.
        prompt (str):
        hailuo_params (Hailuo23Params | Unset):
        webhook_events (list[WebhookEvent] | Unset):
        webhook_url (str | Unset):
    """

    prompt: str
    model: Literal["hailuo-2.3-fast"] = "hailuo-2.3-fast"
    hailuo_params: Hailuo23Params | Unset = UNSET
    webhook_events: list[WebhookEvent] | Unset = UNSET
    webhook_url: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        prompt = self.prompt

        hailuo_params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.hailuo_params, Unset):
            hailuo_params = self.hailuo_params.to_dict()

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
        if hailuo_params is not UNSET:
            field_dict["hailuoParams"] = hailuo_params
        if webhook_events is not UNSET:
            field_dict["webhookEvents"] = webhook_events
        if webhook_url is not UNSET:
            field_dict["webhookUrl"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.hailuo_23_params import Hailuo23Params  # noqa: PLC0415

        d = dict(src_dict)
        model = cast(Literal["hailuo-2.3-fast"], d.pop("model"))
        if model != "hailuo-2.3-fast":
            raise ValueError(f"model must match const 'hailuo-2.3-fast', got '{model}'")

        prompt = d.pop("prompt")

        _hailuo_params = d.pop("hailuoParams", UNSET)
        hailuo_params: Hailuo23Params | Unset
        if isinstance(_hailuo_params, Unset):
            hailuo_params = UNSET
        else:
            hailuo_params = Hailuo23Params.from_dict(_hailuo_params)

        _webhook_events = d.pop("webhookEvents", UNSET)
        webhook_events: list[WebhookEvent] | Unset = UNSET
        if _webhook_events is not UNSET:
            webhook_events = []
            for webhook_events_item_data in _webhook_events:
                webhook_events_item = check_webhook_event(webhook_events_item_data)

                webhook_events.append(webhook_events_item)

        webhook_url = d.pop("webhookUrl", UNSET)

        generate_video_hailuo_23_fast = cls(
            model=model,
            prompt=prompt,
            hailuo_params=hailuo_params,
            webhook_events=webhook_events,
            webhook_url=webhook_url,
        )

        return generate_video_hailuo_23_fast
