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
    from ..models.topaz_video_params import TopazVideoParams


T = TypeVar("T", bound="VideoUpscaleTopazVideoUpscale")


@_attrs_define
class VideoUpscaleTopazVideoUpscale:
    """
    Attributes:
        model (Literal['topaz-video-upscale']):  Default: 'topaz-video-upscale'.
        topaz_video_params (TopazVideoParams):
        webhook_events (list[WebhookEvent] | Unset):
        webhook_url (str | Unset):
    """

    topaz_video_params: TopazVideoParams
    model: Literal["topaz-video-upscale"] = "topaz-video-upscale"
    webhook_events: list[WebhookEvent] | Unset = UNSET
    webhook_url: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        topaz_video_params = self.topaz_video_params.to_dict()

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
                "topazVideoParams": topaz_video_params,
            }
        )
        if webhook_events is not UNSET:
            field_dict["webhookEvents"] = webhook_events
        if webhook_url is not UNSET:
            field_dict["webhookUrl"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.topaz_video_params import TopazVideoParams  # noqa: PLC0415

        d = dict(src_dict)
        model = cast(Literal["topaz-video-upscale"], d.pop("model"))
        if model != "topaz-video-upscale":
            raise ValueError(f"model must match const 'topaz-video-upscale', got '{model}'")

        topaz_video_params = TopazVideoParams.from_dict(d.pop("topazVideoParams"))

        _webhook_events = d.pop("webhookEvents", UNSET)
        webhook_events: list[WebhookEvent] | Unset = UNSET
        if _webhook_events is not UNSET:
            webhook_events = []
            for webhook_events_item_data in _webhook_events:
                webhook_events_item = check_webhook_event(webhook_events_item_data)

                webhook_events.append(webhook_events_item)

        webhook_url = d.pop("webhookUrl", UNSET)

        video_upscale_topaz_video_upscale = cls(
            model=model,
            topaz_video_params=topaz_video_params,
            webhook_events=webhook_events,
            webhook_url=webhook_url,
        )

        return video_upscale_topaz_video_upscale
