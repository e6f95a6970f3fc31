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
    from ..models.suno_params import SunoParams


T = TypeVar("T", bound="GenerateMusicSuno")


@_attrs_define
class GenerateMusicSuno:
    """
    Attributes:
        model (Literal['suno']):  Default: 'suno'.
        prompt (str):
        suno_params (SunoParams | Unset):
        webhook_events (list[WebhookEvent] | Unset):
        webhook_url (str | Unset):
    """

    prompt: str
    model: Literal["suno"] = "suno"
    suno_params: SunoParams | Unset = UNSET
    webhook_events: list[WebhookEvent] | Unset = UNSET
    webhook_url: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        prompt = self.prompt

        suno_params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.suno_params, Unset):
            suno_params = self.suno_params.to_dict()

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
        if suno_params is not UNSET:
            field_dict["sunoParams"] = suno_params
        if webhook_events is not UNSET:
            field_dict["webhookEvents"] = webhook_events
        if webhook_url is not UNSET:
            field_dict["webhookUrl"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.suno_params import SunoParams  # noqa: PLC0415

        d = dict(src_dict)
        model = cast(Literal["suno"], d.pop("model"))
        if model != "suno":
            raise ValueError(f"model must match const 'suno', got '{model}'")

        prompt = d.pop("prompt")

        _suno_params = d.pop("sunoParams", UNSET)
        suno_params: SunoParams | Unset
        if isinstance(_suno_params, Unset):
            suno_params = UNSET
        else:
            suno_params = SunoParams.from_dict(_suno_params)

        _webhook_events = d.pop("webhookEvents", UNSET)
        webhook_events: list[WebhookEvent] | Unset = UNSET
        if _webhook_events is not UNSET:
            webhook_events = []
            for webhook_events_item_data in _webhook_events:
                webhook_events_item = check_webhook_event(webhook_events_item_data)

                webhook_events.append(webhook_events_item)

        webhook_url = d.pop("webhookUrl", UNSET)

        generate_music_suno = cls(
            model=model,
            prompt=prompt,
            suno_params=suno_params,
            webhook_events=webhook_events,
            webhook_url=webhook_url,
        )

        return generate_music_suno
