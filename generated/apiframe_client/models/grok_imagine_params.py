from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.grok_imagine_params_aspect_ratio import (
    GrokImagineParamsAspectRatio,
    check_grok_imagine_params_aspect_ratio,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="GrokImagineParams")


@_attrs_define
class GrokImagineParams:
    """
    Attributes:
        aspect_ratio (GrokImagineParamsAspectRatio | Unset):
        image (str | Unset):
    """

    aspect_ratio: GrokImagineParamsAspectRatio | Unset = UNSET
    image: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        aspect_ratio: str | Unset = UNSET
        if not isinstance(self.aspect_ratio, Unset):
            aspect_ratio = self.aspect_ratio

        image = self.image

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if image is not UNSET:
            field_dict["image"] = image

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _aspect_ratio = d.pop("aspect_ratio", UNSET)
        aspect_ratio: GrokImagineParamsAspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = check_grok_imagine_params_aspect_ratio(_aspect_ratio)

        image = d.pop("image", UNSET)

        grok_imagine_params = cls(
            aspect_ratio=aspect_ratio,
            image=image,
        )

        return grok_imagine_params
