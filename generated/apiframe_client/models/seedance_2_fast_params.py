from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.seedance_2_fast_params_aspect_ratio import (
    Seedance2FastParamsAspectRatio,
    check_seedance_2_fast_params_aspect_ratio,
)
from ..models.seedance_2_fast_params_resolution import (
    Seedance2FastParamsResolution,
    check_seedance_2_fast_params_resolution,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="Seedance2FastParams")


@_attrs_define
class Seedance2FastParams:
    """
    Attributes:
        aspect_ratio (Seedance2FastParamsAspectRatio | Unset):
        camera_fixed (bool | Unset):
        duration (int | Unset):
        end_image (str | Unset):
        generate_audio (bool | Unset):
        reference_audio_urls (list[str] | Unset):
        reference_image_urls (list[str] | Unset):
        reference_video_urls (list[str] | Unset):
        resolution (Seedance2FastParamsResolution | Unset):
        return_last_frame (bool | Unset):
        seed (int | Unset):
        start_image (str | Unset):
        web_search (bool | Unset):
    """

    aspect_ratio: Seedance2FastParamsAspectRatio | Unset = UNSET
    camera_fixed: bool | Unset = UNSET
    duration: int | Unset = UNSET
    end_image: str | Unset = UNSET
    generate_audio: bool | Unset = UNSET
    reference_audio_urls: list[str] | Unset = UNSET
    reference_image_urls: list[str] | Unset = UNSET
    reference_video_urls: list[str] | Unset = UNSET
    resolution: Seedance2FastParamsResolution | Unset = UNSET
    return_last_frame: bool | Unset = UNSET
    seed: int | Unset = UNSET
    start_image: str | Unset = UNSET
    web_search: bool | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        aspect_ratio: str | Unset = UNSET
        if not isinstance(self.aspect_ratio, Unset):
            aspect_ratio = self.aspect_ratio

        camera_fixed = self.camera_fixed

        duration = self.duration

        end_image = self.end_image

        generate_audio = self.generate_audio

        reference_audio_urls: list[str] | Unset = UNSET
        if not isinstance(self.reference_audio_urls, Unset):
            reference_audio_urls = self.reference_audio_urls

        reference_image_urls: list[str] | Unset = UNSET
        if not isinstance(self.reference_image_urls, Unset):
            reference_image_urls = self.reference_image_urls

        reference_video_urls: list[str] | Unset = UNSET
        if not isinstance(self.reference_video_urls, Unset):
            reference_video_urls = self.reference_video_urls

        resolution: str | Unset = UNSET
        if not isinstance(self.resolution, Unset):
            resolution = self.resolution

        return_last_frame = self.return_last_frame

        seed = self.seed

        start_image = self.start_image

        web_search = self.web_search

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if camera_fixed is not UNSET:
            field_dict["camera_fixed"] = camera_fixed
        if duration is not UNSET:
            field_dict["duration"] = duration
        if end_image is not UNSET:
            field_dict["end_image"] = end_image
        if generate_audio is not UNSET:
            field_dict["generate_audio"] = generate_audio
        if reference_audio_urls is not UNSET:
            field_dict["reference_audio_urls"] = reference_audio_urls
        if reference_image_urls is not UNSET:
            field_dict["reference_image_urls"] = reference_image_urls
        if reference_video_urls is not UNSET:
            field_dict["reference_video_urls"] = reference_video_urls
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if return_last_frame is not UNSET:
            field_dict["return_last_frame"] = return_last_frame
        if seed is not UNSET:
            field_dict["seed"] = seed
        if start_image is not UNSET:
            field_dict["start_image"] = start_image
        if web_search is not UNSET:
            field_dict["web_search"] = web_search

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _aspect_ratio = d.pop("aspect_ratio", UNSET)
        aspect_ratio: Seedance2FastParamsAspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = check_seedance_2_fast_params_aspect_ratio(_aspect_ratio)

        camera_fixed = d.pop("camera_fixed", UNSET)

        duration = d.pop("duration", UNSET)

        end_image = d.pop("end_image", UNSET)

        generate_audio = d.pop("generate_audio", UNSET)

        reference_audio_urls = cast(list[str], d.pop("reference_audio_urls", UNSET))

        reference_image_urls = cast(list[str], d.pop("reference_image_urls", UNSET))

        reference_video_urls = cast(list[str], d.pop("reference_video_urls", UNSET))

        _resolution = d.pop("resolution", UNSET)
        resolution: Seedance2FastParamsResolution | Unset
        if isinstance(_resolution, Unset):
            resolution = UNSET
        else:
            resolution = check_seedance_2_fast_params_resolution(_resolution)

        return_last_frame = d.pop("return_last_frame", UNSET)

        seed = d.pop("seed", UNSET)

        start_image = d.pop("start_image", UNSET)

        web_search = d.pop("web_search", UNSET)

        seedance_2_fast_params = cls(
            aspect_ratio=aspect_ratio,
            camera_fixed=camera_fixed,
            duration=duration,
            end_image=end_image,
            generate_audio=generate_audio,
            reference_audio_urls=reference_audio_urls,
            reference_image_urls=reference_image_urls,
            reference_video_urls=reference_video_urls,
            resolution=resolution,
            return_last_frame=return_last_frame,
            seed=seed,
            start_image=start_image,
            web_search=web_search,
        )

        return seedance_2_fast_params
