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
    from ..models.ideogram_params import IdeogramParams


T = TypeVar("T", bound="GenerateImageIdeogramV2")


@_attrs_define
class GenerateImageIdeogramV2:
    """
    Attributes:
        model (Literal['ideogram-v2']):  Default: 'ideogram-v2'.
        prompt (str):
        ideogram_params (IdeogramParams | Unset):
        webhook_events (list[WebhookEvent] | Unset):
        webhook_url (str | Unset):
    """

    prompt: str
    model: Literal["ideogram-v2"] = "ideogram-v2"
    ideogram_params: IdeogramParams | Unset = UNSET
    webhook_events: list[WebhookEvent] | Unset = UNSET
    webhook_url: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        prompt = self.prompt

        ideogram_params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ideogram_params, Unset):
            ideogram_params = self.ideogram_params.to_dict()

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
        if ideogram_params is not UNSET:
            field_dict["ideogramParams"] = ideogram_params
        if webhook_events is not UNSET:
            field_dict["webhookEvents"] = webhook_events
        if webhook_url is not UNSET:
            field_dict["webhookUrl"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ideogram_params import IdeogramParams  # noqa: PLC0415

        d = dict(src_dict)
        model = cast(Literal["ideogram-v2"], d.pop("model"))
        if model != "ideogram-v2":
            raise ValueError(f"model must match const 'ideogram-v2', got '{model}'")

        prompt = d.pop("prompt")

        _ideogram_params = d.pop("ideogramParams", UNSET)
        ideogram_params: IdeogramParams | Unset
        if isinstance(_ideogram_params, Unset):
            ideogram_params = UNSET
        else:
            ideogram_params = IdeogramParams.from_dict(_ideogram_params)

        _webhook_events = d.pop("webhookEvents", UNSET)
        webhook_events: list[WebhookEvent] | Unset = UNSET
        if _webhook_events is not UNSET:
            webhook_events = []
            for webhook_events_item_data in _webhook_events:
                webhook_events_item = check_webhook_event(webhook_events_item_data)

                webhook_events.append(webhook_events_item)

        webhook_url = d.pop("webhookUrl", UNSET)

        generate_image_ideogram_v2 = cls(
            model=model,
            prompt=prompt,
            ideogram_params=ideogram_params,
            webhook_events=webhook_events,
            webhook_url=webhook_url,
        )

        return generate_image_ideogram_v2
