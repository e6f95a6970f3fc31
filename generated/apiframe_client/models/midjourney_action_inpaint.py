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
from ..models.webhook_event import WebhookEvent, check_webhook_event
from ..types import UNSET, Unset

T = TypeVar("T", bound="MidjourneyActionInpaint")


@_attrs_define
class MidjourneyActionInpaint:
    """
    Attributes:
        action (Literal['inpaint']):  Default: 'inpaint'.
        mask (str):
        parent_job_id (str):
        prompt (str | Unset):
        webhook_events (list[WebhookEvent] | Unset):
        webhook_url (str | Unset):
    """

    mask: str
    parent_job_id: str
    action: Literal["inpaint"] = "inpaint"
    prompt: str | Unset = UNSET
    webhook_events: list[WebhookEvent] | Unset = UNSET
    webhook_url: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        mask = self.mask

        parent_job_id = self.parent_job_id

        prompt = self.prompt

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
                "mask": mask,
                "parentJobId": parent_job_id,
            }
        )
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if webhook_events is not UNSET:
            field_dict["webhookEvents"] = webhook_events
        if webhook_url is not UNSET:
            field_dict["webhookUrl"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = cast(Literal["inpaint"], d.pop("action"))
        if action != "inpaint":
            raise ValueError(f"action must match const 'inpaint', got '{action}'")

        mask = d.pop("mask")

        parent_job_id = d.pop("parentJobId")

        prompt = d.pop("prompt", UNSET)

        _webhook_events = d.pop("webhookEvents", UNSET)
        webhook_events: list[WebhookEvent] | Unset = UNSET
        if _webhook_events is not UNSET:
            webhook_events = []
            for webhook_events_item_data in _webhook_events:
                webhook_events_item = check_webhook_event(webhook_events_item_data)

                webhook_events.append(webhook_events_item)

        webhook_url = d.pop("webhookUrl", UNSET)

        midjourney_action_inpaint = cls(
            action=action,
            mask=mask,
            parent_job_id=parent_job_id,
            prompt=prompt,
            webhook_events=webhook_events,
            webhook_url=webhook_url,
        )

        return midjourney_action_inpaint
