from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.midjourney_action_variation_index import (
    MidjourneyActionVariationIndex,
    check_midjourney_action_variation_index,
)
from ..models.webhook_event import WebhookEvent, check_webhook_event
from ..types import UNSET, Unset

T = TypeVar("T", bound="MidjourneyActionVariation")


@_attrs_define
class MidjourneyActionVariation:
    """
    Attributes:
        action (Literal['variation']):  Default: 'variation'.
        index (MidjourneyActionVariationIndex):
        parent_job_id (str):
        webhook_events (list[WebhookEvent] | Unset):
        webhook_url (str | Unset):
    """

    index: MidjourneyActionVariationIndex
    parent_job_id: str
    action: Literal["variation"] = "variation"
    webhook_events: list[WebhookEvent] | Unset = UNSET
    webhook_url: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        index: int = self.index

        parent_job_id = self.parent_job_id

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
                "action": action,
                "index": index,
                "parentJobId": parent_job_id,
            }
        )
        if webhook_events is not UNSET:
            field_dict["webhookEvents"] = webhook_events
        if webhook_url is not UNSET:
            field_dict["webhookUrl"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = cast(Literal["variation"], d.pop("action"))
        if action != "variation":
            raise ValueError(f"action must match const 'variation', got '{action}'")

        index = check_midjourney_action_variation_index(d.pop("index"))

        parent_job_id = d.pop("parentJobId")

        _webhook_events = d.pop("webhookEvents", UNSET)
        webhook_events: list[WebhookEvent] | Unset = UNSET
        if _webhook_events is not UNSET:
            webhook_events = []
            for webhook_events_item_data in _webhook_events:
                webhook_events_item = check_webhook_event(webhook_events_item_data)

                webhook_events.append(webhook_events_item)

        webhook_url = d.pop("webhookUrl", UNSET)

        midjourney_action_variation = cls(
            action=action,
            index=index,
            parent_job_id=parent_job_id,
            webhook_events=webhook_events,
            webhook_url=webhook_url,
        )

        return midjourney_action_variation
