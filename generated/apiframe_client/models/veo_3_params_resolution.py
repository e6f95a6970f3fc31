from typing import Literal

Veo3ParamsResolution = Literal["1080p", "720p"]

VEO_3_PARAMS_RESOLUTION_VALUES: set[Veo3ParamsResolution] = {
    "1080p",
    "720p",
}


def check_veo_3_params_resolution(value: str) -> Veo3ParamsResolution:
    if value in VEO_3_PARAMS_RESOLUTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {VEO_3_PARAMS_RESOLUTION_VALUES!r}")
