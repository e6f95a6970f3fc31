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
    from ..models.seedance_params import SeedanceParams


T = TypeVar("T", bound="GenerateVideoSeedance1Lite")


@_attrs_define
class GenerateVideoSeedance1Lite:
    """
    Attributes:
        model (Literal['seedance-1-lite']):  Default: 'seedance-1-lite'.
        prompt (str):
        seedance_params (SeedanceParams | Unset):
        webhook_events (list[WebhookEvent] | Unset):
        webhook_url (str | Unset):
    """

    prompt: str
    model: Literal["seedance-1-lite"] = "seedance-1-lite"
    seedance_params: SeedanceParams | Unset = UNSET
    webhook_events: list[WebhookEvent] | Unset = UNSET
    webhook_url: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        prompt = self.prompt

        seedance_params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.seedance_params, Unset):
            seedance_params = self.seedance_params.to_dict()

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
        if seedance_params is not UNSET:
            field_dict["seedanceParams"] = seedance_params
        if webhook_events is not UNSET:
            field_dict["webhookEvents"] = webhook_events
        if webhook_url is not UNSET:
            field_dict["webhookUrl"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.seedance_params import SeedanceParams  # noqa: PLC0415

        d = dict(src_dict)
        model = cast(Literal["seedance-1-lite"], d.pop("model"))
        if model != "seedance-1-lite":
            raise ValueError(f"model must match const 'seedance-1-lite', got '{model}'")

        prompt = d.pop("prompt")

        _seedance_params = d.pop("seedanceParams", UNSET)
        seedance_params: SeedanceParams | Unset
        if isinstance(_seedance_params, Unset):
            seedance_params = UNSET
        else:
            seedance_params = SeedanceParams.from_dict(_seedance_params)

        _webhook_events = d.pop("webhookEvents", UNSET)
        webhook_events: list[WebhookEvent] | Unset = UNSET
        if _webhook_events is not UNSET:
            webhook_events = []
            for webhook_events_item_data in _webhook_events:
                webhook_events_item = check_webhook_event(webhook_events_item_data)

                webhook_events.append(webhook_events_item)

        webhook_url = d.pop("webhookUrl", UNSET)

        generate_video_seedance_1_lite = cls(
            model=model,
            prompt=prompt,
            seedance_params=seedance_params,
            webhook_events=webhook_events,
            webhook_url=webhook_url,
        )

        return generate_video_seedance_1_lite
