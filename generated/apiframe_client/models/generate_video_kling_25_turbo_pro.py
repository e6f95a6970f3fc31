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
    from ..models.kling_25_turbo_pro_params import Kling25TurboProParams


T = TypeVar("T", bound="GenerateVideoKling25TurboPro")


@_attrs_define
class GenerateVideoKling25TurboPro:
    """
    Attributes:
        model (Literal['kling-2.5-turbo-pro']):  Default: 'kling-2.5-turbo-pro'.
        prompt (str):
        kling_params (Kling25TurboProParams | Unset):
        webhook_events (list[WebhookEvent] | Unset):
        webhook_url (str | Unset):
    """

    prompt: str
    model: Literal["kling-2.5-turbo-pro"] = "kling-2.5-turbo-pro"
    kling_params: Kling25TurboProParams | Unset = UNSET
    webhook_events: list[WebhookEvent] | Unset = UNSET
    webhook_url: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        prompt = self.prompt

        kling_params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.kling_params, Unset):
            kling_params = self.kling_params.to_dict()

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
        if kling_params is not UNSET:
            field_dict["klingParams"] = kling_params
        if webhook_events is not UNSET:
            field_dict["webhookEvents"] = webhook_events
        if webhook_url is not UNSET:
            field_dict["webhookUrl"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.kling_25_turbo_pro_params import Kling25TurboProParams  # noqa: PLC0415

        d = dict(src_dict)
        model = cast(Literal["kling-2.5-turbo-pro"], d.pop("model"))
        if model != "kling-2.5-turbo-pro":
            raise ValueError(f"model must match const 'kling-2.5-turbo-pro', got '{model}'")

        prompt = d.pop("prompt")

        _kling_params = d.pop("klingParams", UNSET)
        kling_params: Kling25TurboProParams | Unset
        if isinstance(_kling_params, Unset):
            kling_params = UNSET
        else:
            kling_params = Kling25TurboProParams.from_dict(_kling_params)

        _webhook_events = d.pop("webhookEvents", UNSET)
        webhook_events: list[WebhookEvent] | Unset = UNSET
        if _webhook_events is not UNSET:
            webhook_events = []
            for webhook_events_item_data in _webhook_events:
                webhook_events_item = check_webhook_event(webhook_events_item_data)

                webhook_events.append(webhook_events_item)

        webhook_url = d.pop("webhookUrl", UNSET)

        generate_video_kling_25_turbo_pro = cls(
            model=model,
            prompt=prompt,
            kling_params=kling_params,
            webhook_events=webhook_events,
            webhook_url=webhook_url,
        )

        return generate_video_kling_25_turbo_pro
