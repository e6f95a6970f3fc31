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
from ..models.suno_action_add_vocals_index import (
    SunoActionAddVocalsIndex,
    check_suno_action_add_vocals_index,
)
from ..models.webhook_event import WebhookEvent, check_webhook_event
from ..types import UNSET, Unset

T = TypeVar("T", bound="SunoActionAddVocals")


@_attrs_define
class SunoActionAddVocals:
    """
    Attributes:
        action (Literal['add_vocals']):  Default: 'add_vocals'.
        parent_job_id (str):
        prompt (str):
        index (SunoActionAddVocalsIndex | Unset):
        negative_tags (str | Unset):
        style (str | Unset):
        title (str | Unset):
        track_id (str | Unset):
        webhook_events (list[WebhookEvent] | Unset):
        webhook_url (str | Unset):
    """

    parent_job_id: str
    prompt: str
    action: Literal["add_vocals"] = "add_vocals"
    index: SunoActionAddVocalsIndex | Unset = UNSET
    negative_tags: str | Unset = UNSET
    style: str | Unset = UNSET
    title: str | Unset = UNSET
    track_id: str | Unset = UNSET
    webhook_events: list[WebhookEvent] | Unset = UNSET
    webhook_url: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        parent_job_id = self.parent_job_id

        prompt = self.prompt

        index: int | Unset = UNSET
        if not isinstance(self.index, Unset):
            index = self.index

        negative_tags = self.negative_tags

        style = self.style

        title = self.title

        track_id = self.track_id

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
                "parentJobId": parent_job_id,
                "prompt": prompt,
            }
        )
        if index is not UNSET:
            field_dict["index"] = index
        if negative_tags is not UNSET:
            field_dict["negative_tags"] = negative_tags
        if style is not UNSET:
            field_dict["style"] = style
        if title is not UNSET:
            field_dict["title"] = title
        if track_id is not UNSET:
            field_dict["trackId"] = track_id
        if webhook_events is not UNSET:
            field_dict["webhookEvents"] = webhook_events
        if webhook_url is not UNSET:
            field_dict["webhookUrl"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = cast(Literal["add_vocals"], d.pop("action"))
        if action != "add_vocals":
            raise ValueError(f"action must match const 'add_vocals', got '{action}'")

        parent_job_id = d.pop("parentJobId")

        prompt = d.pop("prompt")

        _index = d.pop("index", UNSET)
        index: SunoActionAddVocalsIndex | Unset
        if isinstance(_index, Unset):
            index = UNSET
        else:
            index = check_suno_action_add_vocals_index(_index)

        negative_tags = d.pop("negative_tags", UNSET)

        style = d.pop("style", UNSET)

        title = d.pop("title", UNSET)

        track_id = d.pop("trackId", UNSET)

        _webhook_events = d.pop("webhookEvents", UNSET)
        webhook_events: list[WebhookEvent] | Unset = UNSET
        if _webhook_events is not UNSET:
            webhook_events = []
            for webhook_events_item_data in _webhook_events:
                webhook_events_item = check_webhook_event(webhook_events_item_data)

                webhook_events.append(webhook_events_item)

        webhook_url = d.pop("webhookUrl", UNSET)

        suno_action_add_vocals = cls(
            action=action,
            parent_job_id=parent_job_id,
            prompt=prompt,
            index=index,
            negative_tags=negative_tags,
            style=style,
            title=title,
            track_id=track_id,
            webhook_events=webhook_events,
            webhook_url=webhook_url,
        )

        return suno_action_add_vocals
