from typing import Literal

VeoParamsResolution = Literal["1080p", "720p"]

VEO_PARAMS_RESOLUTION_VALUES: set[VeoParamsResolution] = {
    "1080p",
    "720p",
}


def check_veo_params_resolution(value: str) -> VeoParamsResolution:
    if value in VEO_PARAMS_RESOLUTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {VEO_PARAMS_RESOLUTION_VALUES!r}")
