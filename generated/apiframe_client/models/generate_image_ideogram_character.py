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
    from ..models.ideogram_character_params import IdeogramCharacterParams


T = TypeVar("T", bound="GenerateImageIdeogramCharacter")


@_attrs_define
class GenerateImageIdeogramCharacter:
    """
    Attributes:
        ideogram_params (IdeogramCharacterParams):
        model (Literal['ideogram-character']):  Default: 'ideogram-character'.
        prompt (str):
        webhook_events (list[WebhookEvent] | Unset):
        webhook_url (str | Unset):
    """

    ideogram_params: IdeogramCharacterParams
    prompt: str
    model: Literal["ideogram-character"] = "ideogram-character"
    webhook_events: list[WebhookEvent] | Unset = UNSET
    webhook_url: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        ideogram_params = self.ideogram_params.to_dict()

        model = self.model

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
                "ideogramParams": ideogram_params,
                "model": model,
                "prompt": prompt,
            }
        )
        if webhook_events is not UNSET:
            field_dict["webhookEvents"] = webhook_events
        if webhook_url is not UNSET:
            field_dict["webhookUrl"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ideogram_character_params import IdeogramCharacterParams  # noqa: PLC0415

        d = dict(src_dict)
        ideogram_params = IdeogramCharacterParams.from_dict(d.pop("ideogramParams"))

        model = cast(Literal["ideogram-character"], d.pop("model"))
        if model != "ideogram-character":
            raise ValueError(f"model must match const 'ideogram-character', got '{model}'")

        prompt = d.pop("prompt")

        _webhook_events = d.pop("webhookEvents", UNSET)
        webhook_events: list[WebhookEvent] | Unset = UNSET
        if _webhook_events is not UNSET:
            webhook_events = []
            for webhook_events_item_data in _webhook_events:
                webhook_events_item = check_webhook_event(webhook_events_item_data)

                webhook_events.append(webhook_events_item)

        webhook_url = d.pop("webhookUrl", UNSET)

        generate_image_ideogram_character = cls(
            ideogram_params=ideogram_params,
            model=model,
            prompt=prompt,
            webhook_events=webhook_events,
            webhook_url=webhook_url,
        )

        return generate_image_ideogram_character
