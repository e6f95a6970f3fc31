from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.grok_imagine_video_params_aspect_ratio import (
    GrokImagineVideoParamsAspectRatio,
    check_grok_imagine_video_params_aspect_ratio,
)
from ..models.grok_imagine_video_params_duration import (
    GrokImagineVideoParamsDuration,
    check_grok_imagine_video_params_duration,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="GrokImagineVideoParams")


@_attrs_define
class GrokImagineVideoParams:
    """
    Attributes:
        aspect_ratio (GrokImagineVideoParamsAspectRatio | Unset):
        duration (GrokImagineVideoParamsDuration | Unset):
        reference_images (list[str] | Unset):
    """

    aspect_ratio: GrokImagineVideoParamsAspectRatio | Unset = UNSET
    duration: GrokImagineVideoParamsDuration | Unset = UNSET
    reference_images: list[str] | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        aspect_ratio: str | Unset = UNSET
        if not isinstance(self.aspect_ratio, Unset):
            aspect_ratio = self.aspect_ratio

        duration: int | Unset = UNSET
        if not isinstance(self.duration, Unset):
            duration = self.duration

        reference_images: list[str] | Unset = UNSET
        if not isinstance(self.reference_images, Unset):
            reference_images = self.reference_images

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if duration is not UNSET:
            field_dict["duration"] = duration
        if reference_images is not UNSET:
            field_dict["reference_images"] = reference_images

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _aspect_ratio = d.pop("aspect_ratio", UNSET)
        aspect_ratio: GrokImagineVideoParamsAspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = check_grok_imagine_video_params_aspect_ratio(_aspect_ratio)

        _duration = d.pop("duration", UNSET)
        duration: GrokImagineVideoParamsDuration | Unset
        if isinstance(_duration, Unset):
            duration = UNSET
        else:
            duration = check_grok_imagine_video_params_duration(_duration)

        reference_images = cast(list[str], d.pop("reference_images", UNSET))

        grok_imagine_video_params = cls(
            aspect_ratio=aspect_ratio,
            duration=duration,
            reference_images=reference_images,
        )

        return grok_imagine_video_params
