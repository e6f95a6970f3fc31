from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.topaz_video_params_enhance_model import (
    TopazVideoParamsEnhanceModel,
    check_topaz_video_params_enhance_model,
)
from ..models.topaz_video_params_subject_detection import (
    TopazVideoParamsSubjectDetection,
    check_topaz_video_params_subject_detection,
)
from ..models.topaz_video_params_target_fps import (
    TopazVideoParamsTargetFps,
    check_topaz_video_params_target_fps,
)
from ..models.topaz_video_params_target_resolution import (
    TopazVideoParamsTargetResolution,
    check_topaz_video_params_target_resolution,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="TopazVideoParams")


@_attrs_define
class TopazVideoParams:
    """
    Attributes:
        target_fps (TopazVideoParamsTargetFps):
        target_resolution (TopazVideoParamsTargetResolution):
        video (str):
        enhance_model (TopazVideoParamsEnhanceModel | Unset):
        subject_detection (TopazVideoParamsSubjectDetection | Unset):
    """

    target_fps: TopazVideoParamsTargetFps
    target_resolution: TopazVideoParamsTargetResolution
    video: str
    enhance_model: TopazVideoParamsEnhanceModel | Unset = UNSET
    subject_detection: TopazVideoParamsSubjectDetection | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        target_fps: int = self.target_fps

        target_resolution: str = self.target_resolution

        video = self.video

        enhance_model: str | Unset = UNSET
        if not isinstance(self.enhance_model, Unset):
            enhance_model = self.enhance_model

        subject_detection: str | Unset = UNSET
        if not isinstance(self.subject_detection, Unset):
            subject_detection = self.subject_detection

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "target_fps": target_fps,
                "target_resolution": target_resolution,
                "video": video,
            }
        )
        if enhance_model is not UNSET:
            field_dict["enhance_model"] = enhance_model
        if subject_detection is not UNSET:
            field_dict["subject_detection"] = subject_detection

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        target_fps = check_topaz_video_params_target_fps(d.pop("target_fps"))

        target_resolution = check_topaz_video_params_target_resolution(d.pop("target_resolution"))

        video = d.pop("video")

        _enhance_model = d.pop("enhance_model", UNSET)
        enhance_model: TopazVideoParamsEnhanceModel | Unset
        if isinstance(_enhance_model, Unset):
            enhance_model = UNSET
        else:
            enhance_model = check_topaz_video_params_enhance_model(_enhance_model)

        _subject_detection = d.pop("subject_detection", UNSET)
        subject_detection: TopazVideoParamsSubjectDetection | Unset
        if isinstance(_subject_detection, Unset):
            subject_detection = UNSET
        else:
            subject_detection = check_topaz_video_params_subject_detection(_subject_detection)

        topaz_video_params = cls(
            target_fps=target_fps,
            target_resolution=target_resolution,
            video=video,
            enhance_model=enhance_model,
            subject_detection=subject_detection,
        )

        return topaz_video_params
