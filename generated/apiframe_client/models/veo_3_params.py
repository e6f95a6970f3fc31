from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.veo_3_params_duration import (
    Veo3ParamsDuration,
    check_veo_3_params_duration,
)
from ..models.veo_3_params_resolution import (
    Veo3ParamsResolution,
    check_veo_3_params_resolution,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="Veo3Params")


@_attrs_define
class Veo3Params:
    """
    Attributes:
        aspect_ratio (str | Unset):
        duration (Veo3ParamsDuration | Unset):
        generate_audio (bool | Unset):
        image (str | Unset):
        last_frame (str | Unset):
        negative_prompt (str | Unset):
        reference_images (list[str] | Unset):
        resolution (Veo3ParamsResolution | Unset):
        seed (int | Unset):
    """

    aspect_ratio: str | Unset = UNSET
    duration: Veo3ParamsDuration | Unset = UNSET
    generate_audio: bool | Unset = UNSET
    image: str | Unset = UNSET
    last_frame: str | Unset = UNSET
    negative_prompt: str | Unset = UNSET
    reference_images: list[str] | Unset = UNSET
    resolution: Veo3ParamsResolution | Unset = UNSET
    seed: int | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        aspect_ratio = self.aspect_ratio

        duration: int | Unset = UNSET
        if not isinstance(self.duration, Unset):
            duration = self.duration

        generate_audio = self.generate_audio

        image = self.image

        last_frame = self.last_frame

        negative_prompt = self.negative_prompt

        reference_images: list[str] | Unset = UNSET
        if not isinstance(self.reference_images, Unset):
            reference_images = self.reference_images

        resolution: str | Unset = UNSET
        if not isinstance(self.resolution, Unset):
            resolution = self.resolution

        seed = self.seed

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if duration is not UNSET:
            field_dict["duration"] = duration
        if generate_audio is not UNSET:
            field_dict["generate_audio"] = generate_audio
        if image is not UNSET:
            field_dict["image"] = image
        if last_frame is not UNSET:
            field_dict["last_frame"] = last_frame
        if negative_prompt is not UNSET:
            field_dict["negative_prompt"] = negative_prompt
        if reference_images is not UNSET:
            field_dict["reference_images"] = reference_images
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if seed is not UNSET:
            field_dict["seed"] = seed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        aspect_ratio = d.pop("aspect_ratio", UNSET)

        _duration = d.pop("duration", UNSET)
        duration: Veo3ParamsDuration | Unset
        if isinstance(_duration, Unset):
            duration = UNSET
        else:
            duration = check_veo_3_params_duration(_duration)

        generate_audio = d.pop("generate_audio", UNSET)

        image = d.pop("image", UNSET)

        last_frame = d.pop("last_frame", UNSET)

        negative_prompt = d.pop("negative_prompt", UNSET)

        reference_images = cast(list[str], d.pop("reference_images", UNSET))

        _resolution = d.pop("resolution", UNSET)
        resolution: Veo3ParamsResolution | Unset
        if isinstance(_resolution, Unset):
            resolution = UNSET
        else:
            resolution = check_veo_3_params_resolution(_resolution)

        seed = d.pop("seed", UNSET)

        veo_3_params = cls(
            aspect_ratio=aspect_ratio,
            duration=duration,
            generate_audio=generate_audio,
            image=image,
            last_frame=last_frame,
            negative_prompt=negative_prompt,
            reference_images=reference_images,
            resolution=resolution,
            seed=seed,
        )

        return veo_3_params
