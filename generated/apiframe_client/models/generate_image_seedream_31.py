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
    from ..models.seedream_params import SeedreamParams


T = TypeVar("T", bound="GenerateImageSeedream31")


@_attrs_define
class GenerateImageSeedream31:
    """
    Attributes:
        model (Literal['seedream-3.1']):  Default: 'seedream-3.1'.
        prompt (str):
        seedream_params (SeedreamParams | Unset):
        webhook_events (list[WebhookEvent] | Unset):
        webhook_url (str | Unset):
    """

    prompt: str
    model: Literal["seedream-3.1"] = "seedream-3.1"
    seedream_params: SeedreamParams | Unset = UNSET
    webhook_events: list[WebhookEvent] | Unset = UNSET
    webhook_url: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        prompt = self.prompt

        seedream_params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.seedream_params, Unset):
            seedream_params = self.seedream_params.to_dict()

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
        if seedream_params is not UNSET:
            field_dict["seedreamParams"] = seedream_params
        if webhook_events is not UNSET:
            field_dict["webhookEvents"] = webhook_events
        if webhook_url is not UNSET:
            field_dict["webhookUrl"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.seedream_params import SeedreamParams  # noqa: PLC0415

        d = dict(src_dict)
        model = cast(Literal["seedream-3.1"], d.pop("model"))
        if model != "seedream-3.1":
            raise ValueError(f"model must match const 'seedream-3.1', got '{model}'")

        prompt = d.pop("prompt")

        _seedream_params = d.pop("seedreamParams", UNSET)
        seedream_params: SeedreamParams | Unset
        if isinstance(_seedream_params, Unset):
            seedream_params = UNSET
        else:
            seedream_params = SeedreamParams.from_dict(_seedream_params)

        _webhook_events = d.pop("webhookEvents", UNSET)
        webhook_events: list[WebhookEvent] | Unset = UNSET
        if _webhook_events is not UNSET:
            webhook_events = []
            for webhook_events_item_data in _webhook_events:
                webhook_events_item = check_webhook_event(webhook_events_item_data)

                webhook_events.append(webhook_events_item)

        webhook_url = d.pop("webhookUrl", UNSET)

        generate_image_seedream_31 = cls(
            model=model,
            prompt=prompt,
            seedream_params=seedream_params,
            webhook_events=webhook_events,
            webhook_url=webhook_url,
        )

        return generate_image_seedream_31
