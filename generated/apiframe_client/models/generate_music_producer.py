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
    from ..models.producer_params import ProducerParams


T = TypeVar("T", bound="GenerateMusicProducer")


@_attrs_define
class GenerateMusicProducer:
    """
    Attributes:
        model (Literal['producer']):  Default: 'producer'.
        prompt (str):
        producer_params (ProducerParams | Unset):
        webhook_events (list[WebhookEvent] | Unset):
        webhook_url (str | Unset):
    """

    prompt: str
    model: Literal["producer"] = "producer"
    producer_params: ProducerParams | Unset = UNSET
    webhook_events: list[WebhookEvent] | Unset = UNSET
    webhook_url: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        prompt = self.prompt

        producer_params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.producer_params, Unset):
            producer_params = self.producer_params.to_dict()

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
        if producer_params is not UNSET:
            field_dict["producerParams"] = producer_params
        if webhook_events is not UNSET:
            field_dict["webhookEvents"] = webhook_events
        if webhook_url is not UNSET:
            field_dict["webhookUrl"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.producer_params import ProducerParams  # noqa: PLC0415

        d = dict(src_dict)
        model = cast(Literal["producer"], d.pop("model"))
        if model != "producer":
            raise ValueError(f"model must match const 'producer', got '{model}'")

        prompt = d.pop("prompt")

        _producer_params = d.pop("producerParams", UNSET)
        producer_params: ProducerParams | Unset
        if isinstance(_producer_params, Unset):
            producer_params = UNSET
        else:
            producer_params = ProducerParams.from_dict(_producer_params)

        _webhook_events = d.pop("webhookEvents", UNSET)
        webhook_events: list[WebhookEvent] | Unset = UNSET
        if _webhook_events is not UNSET:
            webhook_events = []
            for webhook_events_item_data in _webhook_events:
                webhook_events_item = check_webhook_event(webhook_events_item_data)

                webhook_events.append(webhook_events_item)

        webhook_url = d.pop("webhookUrl", UNSET)

        generate_music_producer = cls(
            model=model,
            prompt=prompt,
            producer_params=producer_params,
            webhook_events=webhook_events,
            webhook_url=webhook_url,
        )

        return generate_music_producer
