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
    from ..models.runway_params import RunwayParams


T = TypeVar("T", bound="GenerateVideoRunwayGen4Turbo")


@_attrs_define
class GenerateVideoRunwayGen4Turbo:
    """
    Attributes:
        model (Literal['runway-gen4-turbo']):  Default: 'runway-gen4-turbo'.
        prompt (str):
        runway_params (RunwayParams | Unset):
        webhook_events (list[WebhookEvent] | Unset):
        webhook_url (str | Unset):
    """

    prompt: str
    model: Literal["runway-gen4-turbo"] = "runway-gen4-turbo"
    runway_params: RunwayParams | Unset = UNSET
    webhook_events: list[WebhookEvent] | Unset = UNSET
    webhook_url: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        prompt = self.prompt

        runway_params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.runway_params, Unset):
            runway_params = self.runway_params.to_dict()

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
        if runway_params is not UNSET:
            field_dict["runwayParams"] = runway_params
        if webhook_events is not UNSET:
            field_dict["webhookEvents"] = webhook_events
        if webhook_url is not UNSET:
            field_dict["webhookUrl"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.runway_params import RunwayParams  # noqa: PLC0415

        d = dict(src_dict)
        model = cast(Literal["runway-gen4-turbo"], d.pop("model"))
        if model != "runway-gen4-turbo":
            raise ValueError(f"model must match const 'runway-gen4-turbo', got '{model}'")

        prompt = d.pop("prompt")

        _runway_params = d.pop("runwayParams", UNSET)
        runway_params: RunwayParams | Unset
        if isinstance(_runway_params, Unset):
            runway_params = UNSET
        else:
            runway_params = RunwayParams.from_dict(_runway_params)

        _webhook_events = d.pop("webhookEvents", UNSET)
        webhook_events: list[WebhookEvent] | Unset = UNSET
        if _webhook_events is not UNSET:
            webhook_events = []
            for webhook_events_item_data in _webhook_events:
                webhook_events_item = check_webhook_event(webhook_events_item_data)

                webhook_events.append(webhook_events_item)

        webhook_url = d.pop("webhookUrl", UNSET)

        generate_video_runway_gen_4_turbo = cls(
            model=model,
            prompt=prompt,
            runway_params=runway_params,
            webhook_events=webhook_events,
            webhook_url=webhook_url,
        )

        return generate_video_runway_gen_4_turbo
