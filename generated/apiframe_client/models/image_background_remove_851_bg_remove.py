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
    from ..models.lab_851_bg_remove_params import Lab851BgRemoveParams


T = TypeVar("T", bound="ImageBackgroundRemove851BgRemove")


@_attrs_define
class ImageBackgroundRemove851BgRemove:
    """
    Attributes:
        lab_851_bg_remove_params (Lab851BgRemoveParams):
        model (Literal['851-bg-remove']):  Default: '851-bg-remove'.
        webhook_events (list[WebhookEvent] | Unset):
        webhook_url (str | Unset):
    """

    lab_851_bg_remove_params: Lab851BgRemoveParams
    model: Literal["851-bg-remove"] = "851-bg-remove"
    webhook_events: list[WebhookEvent] | Unset = UNSET
    webhook_url: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        lab_851_bg_remove_params = self.lab_851_bg_remove_params.to_dict()

        model = self.model

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
                "lab851BgRemoveParams": lab_851_bg_remove_params,
                "model": model,
            }
        )
        if webhook_events is not UNSET:
            field_dict["webhookEvents"] = webhook_events
        if webhook_url is not UNSET:
            field_dict["webhookUrl"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lab_851_bg_remove_params import Lab851BgRemoveParams  # noqa: PLC0415

        d = dict(src_dict)
        lab_851_bg_remove_params = Lab851BgRemoveParams.from_dict(d.pop("lab851BgRemoveParams"))

        model = cast(Literal["851-bg-remove"], d.pop("model"))
        if model != "851-bg-remove":
            raise ValueError(f"model must match const '851-bg-remove', got '{model}'")

        _webhook_events = d.pop("webhookEvents", UNSET)
        webhook_events: list[WebhookEvent] | Unset = UNSET
        if _webhook_events is not UNSET:
            webhook_events = []
            for webhook_events_item_data in _webhook_events:
                webhook_events_item = check_webhook_event(webhook_events_item_data)

                webhook_events.append(webhook_events_item)

        webhook_url = d.pop("webhookUrl", UNSET)

        image_background_remove_851_bg_remove = cls(
            lab_851_bg_remove_params=lab_851_bg_remove_params,
            model=model,
            webhook_events=webhook_events,
            webhook_url=webhook_url,
        )

        return image_background_remove_851_bg_remove
