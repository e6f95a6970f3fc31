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
    from ..models.veo_3_params import Veo3Params


T = TypeVar("T", bound="GenerateVideoVeo31Fast")


@_attrs_define
class GenerateVideoVeo31Fast:
    """
    Attributes:
        model (Literal['veo-3.1-fast']):  Default: 'veo-3.1-fast'.
        prompt (str):
        veo_params (Veo3Params | Unset):
        webhook_events (list[WebhookEvent] | Unset):
        webhook_url (str | Unset):
    """

    prompt: str
    model: Literal["veo-3.1-fast"] = "veo-3.1-fast"
    veo_params: Veo3Params | Unset = UNSET
    webhook_events: list[WebhookEvent] | Unset = UNSET
    webhook_url: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        prompt = self.prompt

        veo_params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.veo_params, Unset):
            veo_params = self.veo_params.to_dict()

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
        if veo_params is not UNSET:
            field_dict["veoParams"] = veo_params
        if webhook_events is not UNSET:
            field_dict["webhookEvents"] = webhook_events
        if webhook_url is not UNSET:
            field_dict["webhookUrl"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.veo_3_params import Veo3Params  # noqa: PLC0415

        d = dict(src_dict)
        model = cast(Literal["veo-3.1-fast"], d.pop("model"))
        if model != "veo-3.1-fast":
            raise ValueError(f"model must match const 'veo-3.1-fast', got '{model}'")

        prompt = d.pop("prompt")

        _veo_params = d.pop("veoParams", UNSET)
        veo_params: Veo3Params | Unset
        if isinstance(_veo_params, Unset):
            veo_params = UNSET
        else:
            veo_params = Veo3Params.from_dict(_veo_params)

        _webhook_events = d.pop("webhookEvents", UNSET)
        webhook_events: list[WebhookEvent] | Unset = UNSET
        if _webhook_events is not UNSET:
            webhook_events = []
            for webhook_events_item_data in _webhook_events:
                webhook_events_item = check_webhook_event(webhook_events_item_data)

                webhook_events.append(webhook_events_item)

        webhook_url = d.pop("webhookUrl", UNSET)

        generate_video_veo_31_fast = cls(
            model=model,
            prompt=prompt,
            veo_params=veo_params,
            webhook_events=webhook_events,
            webhook_url=webhook_url,
        )

        return generate_video_veo_31_fast
