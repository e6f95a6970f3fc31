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
    from ..models.sora_params import SoraParams


T = TypeVar("T", bound="GenerateVideoSora2Pro")


@_attrs_define
class GenerateVideoSora2Pro:
    """
    Attributes:
        model (Literal['sora-2-pro']):  Default: 'sora-2-pro'.
        prompt (str):
        sora_params (SoraParams | Unset):
        webhook_events (list[WebhookEvent] | Unset):
        webhook_url (str | Unset):
    """

    prompt: str
    model: Literal["sora-2-pro"] = "sora-2-pro"
    sora_params: SoraParams | Unset = UNSET
    webhook_events: list[WebhookEvent] | Unset = UNSET
    webhook_url: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        prompt = self.prompt

        sora_params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.sora_params, Unset):
            sora_params = self.sora_params.to_dict()

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
        if sora_params is not UNSET:
            field_dict["soraParams"] = sora_params
        if webhook_events is not UNSET:
            field_dict["webhookEvents"] = webhook_events
        if webhook_url is not UNSET:
            field_dict["webhookUrl"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sora_params import SoraParams  # noqa: PLC0415

        d = dict(src_dict)
        model = cast(Literal["sora-2-pro"], d.pop("model"))
        if model != "sora-2-pro":
            raise ValueError(f"model must match const 'sora-2-pro', got '{model}'")

        prompt = d.pop("prompt")

        _sora_params = d.pop("soraParams", UNSET)
        sora_params: SoraParams | Unset
        if isinstance(_sora_params, Unset):
            sora_params = UNSET
        else:
            sora_params = SoraParams.from_dict(_sora_params)

        _webhook_events = d.pop("webhookEvents", UNSET)
        webhook_events: list[WebhookEvent] | Unset = UNSET
        if _webhook_events is not UNSET:
            webhook_events = []
            for webhook_events_item_data in _webhook_events:
                webhook_events_item = check_webhook_event(webhook_events_item_data)

                webhook_events.append(webhook_events_item)

        webhook_url = d.pop("webhookUrl", UNSET)

        generate_video_sora_2_pro = cls(
            model=model,
            prompt=prompt,
            sora_params=sora_params,
            webhook_events=webhook_events,
            webhook_url=webhook_url,
        )

        return generate_video_sora_2_pro
