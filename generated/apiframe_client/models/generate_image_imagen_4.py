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
    from ..models.imagen_params import ImagenParams


T = TypeVar("T", bound="GenerateImageImagen4")


@_attrs_define
class GenerateImageImagen4:
    """
    Attributes:
        model (Literal['imagen-4']):  Default: 'imagen-4'.
        prompt (str):
        imagen_params (ImagenParams | Unset):
        webhook_events (list[WebhookEvent] | Unset):
        webhook_url (str | Unset):
    """

    prompt: str
    model: Literal["imagen-4"] = "imagen-4"
    imagen_params: ImagenParams | Unset = UNSET
    webhook_events: list[WebhookEvent] | Unset = UNSET
    webhook_url: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        prompt = self.prompt

        imagen_params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.imagen_params, Unset):
            imagen_params = self.imagen_params.to_dict()

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
        if imagen_params is not UNSET:
            field_dict["imagenParams"] = imagen_params
        if webhook_events is not UNSET:
            field_dict["webhookEvents"] = webhook_events
        if webhook_url is not UNSET:
            field_dict["webhookUrl"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.imagen_params import ImagenParams  # noqa: PLC0415

        d = dict(src_dict)
        model = cast(Literal["imagen-4"], d.pop("model"))
        if model != "imagen-4":
            raise ValueError(f"model must match const 'imagen-4', got '{model}'")

        prompt = d.pop("prompt")

        _imagen_params = d.pop("imagenParams", UNSET)
        imagen_params: ImagenParams | Unset
        if isinstance(_imagen_params, Unset):
            imagen_params = UNSET
        else:
            imagen_params = ImagenParams.from_dict(_imagen_params)

        _webhook_events = d.pop("webhookEvents", UNSET)
        webhook_events: list[WebhookEvent] | Unset = UNSET
        if _webhook_events is not UNSET:
            webhook_events = []
            for webhook_events_item_data in _webhook_events:
                webhook_events_item = check_webhook_event(webhook_events_item_data)

                webhook_events.append(webhook_events_item)

        webhook_url = d.pop("webhookUrl", UNSET)

        generate_image_imagen_4 = cls(
            model=model,
            prompt=prompt,
            imagen_params=imagen_params,
            webhook_events=webhook_events,
            webhook_url=webhook_url,
        )

        return generate_image_imagen_4
