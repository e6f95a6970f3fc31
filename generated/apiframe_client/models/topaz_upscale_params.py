from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.topaz_upscale_params_model_type import (
    TopazUpscaleParamsModelType,
    check_topaz_upscale_params_model_type,
)
from ..models.topaz_upscale_params_output_format import (
    TopazUpscaleParamsOutputFormat,
    check_topaz_upscale_params_output_format,
)
from ..models.topaz_upscale_params_upscale_factor import (
    TopazUpscaleParamsUpscaleFactor,
    check_topaz_upscale_params_upscale_factor,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="TopazUpscaleParams")


@_attrs_define
class TopazUpscaleParams:
    """
    Attributes:
        image (str):
        face_enhance (bool | Unset):
        face_enhance_creativity (float | Unset):
        face_enhance_strength (float | Unset):
        model_type (TopazUpscaleParamsModelType | Unset):
        output_format (TopazUpscaleParamsOutputFormat | Unset):
        seed (int | Unset):
        upscale_factor (TopazUpscaleParamsUpscaleFactor | Unset):
    """

    image: str
    face_enhance: bool | Unset = UNSET
    face_enhance_creativity: float | Unset = UNSET
    face_enhance_strength: float | Unset = UNSET
    model_type: TopazUpscaleParamsModelType | Unset = UNSET
    output_format: TopazUpscaleParamsOutputFormat | Unset = UNSET
    seed: int | Unset = UNSET
    upscale_factor: TopazUpscaleParamsUpscaleFactor | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        image = self.image

        face_enhance = self.face_enhance

        face_enhance_creativity = self.face_enhance_creativity

        face_enhance_strength = self.face_enhance_strength

        model_type: str | Unset = UNSET
        if not isinstance(self.model_type, Unset):
            model_type = self.model_type

        output_format: str | Unset = UNSET
        if not isinstance(self.output_format, Unset):
            output_format = self.output_format

        seed = self.seed

        upscale_factor: int | Unset = UNSET
        if not isinstance(self.upscale_factor, Unset):
            upscale_factor = self.upscale_factor

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "image": image,
            }
        )
        if face_enhance is not UNSET:
            field_dict["face_enhance"] = face_enhance
        if face_enhance_creativity is not UNSET:
            field_dict["face_enhance_creativity"] = face_enhance_creativity
        if face_enhance_strength is not UNSET:
            field_dict["face_enhance_strength"] = face_enhance_strength
        if model_type is not UNSET:
            field_dict["model_type"] = model_type
        if output_format is not UNSET:
            field_dict["output_format"] = output_format
        if seed is not UNSET:
            field_dict["seed"] = seed
        if upscale_factor is not UNSET:
            field_dict["upscale_factor"] = upscale_factor

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        image = d.pop("image")

        face_enhance = d.pop("face_enhance", UNSET)

        face_enhance_creativity = d.pop("face_enhance_creativity", UNSET)

        face_enhance_strength = d.pop("face_enhance_strength", UNSET)

        _model_type = d.pop("model_type", UNSET)
        model_type: TopazUpscaleParamsModelType | Unset
        if isinstance(_model_type, Unset):
            model_type = UNSET
        else:
            model_type = check_topaz_upscale_params_model_type(_model_type)

        _output_format = d.pop("output_format", UNSET)
        output_format: TopazUpscaleParamsOutputFormat | Unset
        if isinstance(_output_format, Unset):
            output_format = UNSET
        else:
            output_format = check_topaz_upscale_params_output_format(_output_format)

        seed = d.pop("seed", UNSET)

        _upscale_factor = d.pop("upscale_factor", UNSET)
        upscale_factor: TopazUpscaleParamsUpscaleFactor | Unset
        if isinstance(_upscale_factor, Unset):
            upscale_factor = UNSET
        else:
            upscale_factor = check_topaz_upscale_params_upscale_factor(_upscale_factor)

        topaz_upscale_params = cls(
            image=image,
            face_enhance=face_enhance,
            face_enhance_creativity=face_enhance_creativity,
            face_enhance_strength=face_enhance_strength,
            model_type=model_type,
            output_format=output_format,
            seed=seed,
            upscale_factor=upscale_factor,
        )

        return topaz_upscale_params
