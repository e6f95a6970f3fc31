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
    from ..models.udio_params import UdioParams


T = TypeVar("T", bound="GenerateMusicUdio")


@_attrs_define
class GenerateMusicUdio:
    """
    Attributes:
        model (Literal['udio']):  Default: 'udio'.
        prompt (str):
        udio_params (UdioParams | Unset):
        webhook_events (list[WebhookEvent] | Unset):
        webhook_url (str | Unset):
    """

    prompt: str
    model: Literal["udio"] = "udio"
    udio_params: UdioParams | Unset = UNSET
    webhook_events: list[WebhookEvent] | Unset = UNSET
    webhook_url: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        prompt = self.prompt

        udio_params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.udio_params, Unset):
            udio_params = self.udio_params.to_dict()

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
        if udio_params is not UNSET:
            field_dict["udioParams"] = udio_params
        if webhook_events is not UNSET:
            field_dict["webhookEvents"] = webhook_events
        if webhook_url is not UNSET:
            field_dict["webhookUrl"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.udio_params import UdioParams  # noqa: PLC0415

        d = dict(src_dict)
        model = cast(Literal["udio"], d.pop("model"))
        if model != "udio":
            raise ValueError(f"model must match const 'udio', got '{model}'")

        prompt = d.pop("prompt")

        _udio_params = d.pop("udioParams", UNSET)
        udio_params: UdioParams | Unset
        if isinstance(_udio_params, Unset):
            udio_params = UNSET
        else:
            udio_params = UdioParams.from_dict(_udio_params)

        _webhook_events = d.pop("webhookEvents", UNSET)
        webhook_events: list[WebhookEvent] | Unset = UNSET
        if _webhook_events is not UNSET:
            webhook_events = []
            for webhook_events_item_data in _webhook_events:
                webhook_events_item = check_webhook_event(webhook_events_item_data)

                webhook_events.append(webhook_events_item)

        webhook_url = d.pop("webhookUrl", UNSET)

        generate_music_udio = cls(
            model=model,
            prompt=prompt,
            udio_params=udio_params,
            webhook_events=webhook_events,
            webhook_url=webhook_url,
        )

        return generate_music_udio
