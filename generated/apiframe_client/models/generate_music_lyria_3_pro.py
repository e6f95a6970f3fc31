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
    from ..models.lyria_params import LyriaParams


T = TypeVar("T", bound="GenerateMusicLyria3Pro")


@_attrs_define
class GenerateMusicLyria3Pro:
    """
    Attributes:
        model (Literal['lyria-3-pro']):  Default: 'lyria-3-pro'.
        prompt (str):
        lyria_params (LyriaParams | Unset):
        webhook_events (list[WebhookEvent] | Unset):
        webhook_url (str | Unset):
    """

    prompt: str
    model: Literal["lyria-3-pro"] = "lyria-3-pro"
    lyria_params: LyriaParams | Unset = UNSET
    webhook_events: list[WebhookEvent] | Unset = UNSET
    webhook_url: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        prompt = self.prompt

        lyria_params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.lyria_params, Unset):
            lyria_params = self.lyria_params.to_dict()

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
        if lyria_params is not UNSET:
            field_dict["lyriaParams"] = lyria_params
        if webhook_events is not UNSET:
            field_dict["webhookEvents"] = webhook_events
        if webhook_url is not UNSET:
            field_dict["webhookUrl"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lyria_params import LyriaParams  # noqa: PLC0415

        d = dict(src_dict)
        model = cast(Literal["lyria-3-pro"], d.pop("model"))
        if model != "lyria-3-pro":
            raise ValueError(f"model must match const 'lyria-3-pro', got '{model}'")

        prompt = d.pop("prompt")

        _lyria_params = d.pop("lyriaParams", UNSET)
        lyria_params: LyriaParams | Unset
        if isinstance(_lyria_params, Unset):
            lyria_params = UNSET
        else:
            lyria_params = LyriaParams.from_dict(_lyria_params)

        _webhook_events = d.pop("webhookEvents", UNSET)
        webhook_events: list[WebhookEvent] | Unset = UNSET
        if _webhook_events is not UNSET:
            webhook_events = []
            for webhook_events_item_data in _webhook_events:
                webhook_events_item = check_webhook_event(webhook_events_item_data)

                webhook_events.append(webhook_events_item)

        webhook_url = d.pop("webhookUrl", UNSET)

        generate_music_lyria_3_pro = cls(
            model=model,
            prompt=prompt,
            lyria_params=lyria_params,
            webhook_events=webhook_events,
            webhook_url=webhook_url,
        )

        return generate_music_lyria_3_pro
