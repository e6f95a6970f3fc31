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
    from ..models.grok_imagine_params import GrokImagineParams


T = TypeVar("T", bound="GenerateImageGrokImagineImage")


@_attrs_define
class GenerateImageGrokImagineImage:
    """
    Attributes:
        model (Literal['grok-imagine-image']):  Default: 'grok-imagine-image'.
        prompt (str):
        grok_imagine_params (GrokImagineParams | Unset):
        webhook_events (list[WebhookEvent] | Unset):
        webhook_url (str | Unset):
    """

    prompt: str
    model: Literal["grok-imagine-image"] = "grok-imagine-image"
    grok_imagine_params: GrokImagineParams | Unset = UNSET
    webhook_events: list[WebhookEvent] | Unset = UNSET
    webhook_url: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        prompt = self.prompt

        grok_imagine_params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.grok_imagine_params, Unset):
            grok_imagine_params = self.grok_imagine_params.to_dict()

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
        if grok_imagine_params is not UNSET:
            field_dict["grokImagineParams"] = grok_imagine_params
        if webhook_events is not UNSET:
            field_dict["webhookEvents"] = webhook_events
        if webhook_url is not UNSET:
            field_dict["webhookUrl"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.grok_imagine_params import GrokImagineParams  # noqa: PLC0415

        d = dict(src_dict)
        model = cast(Literal["grok-imagine-image"], d.pop("model"))
        if model != "grok-imagine-image":
            raise ValueError(f"model must match const 'grok-imagine-image', got '{model}'")

        prompt = d.pop("prompt")

        _grok_imagine_params = d.pop("grokImagineParams", UNSET)
        grok_imagine_params: GrokImagineParams | Unset
        if isinstance(_grok_imagine_params, Unset):
            grok_imagine_params = UNSET
        else:
            grok_imagine_params = GrokImagineParams.from_dict(_grok_imagine_params)

        _webhook_events = d.pop("webhookEvents", UNSET)
        webhook_events: list[WebhookEvent] | Unset = UNSET
        if _webhook_events is not UNSET:
            webhook_events = []
            for webhook_events_item_data in _webhook_events:
                webhook_events_item = check_webhook_event(webhook_events_item_data)

                webhook_events.append(webhook_events_item)

        webhook_url = d.pop("webhookUrl", UNSET)

        generate_image_grok_imagine_image = cls(
            model=model,
            prompt=prompt,
            grok_imagine_params=grok_imagine_params,
            webhook_events=webhook_events,
            webhook_url=webhook_url,
        )

        return generate_image_grok_imagine_image
