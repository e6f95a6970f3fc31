from typing import Literal

TopazUpscaleParamsModelType = Literal["cgi", "high-fidelity-v2", "low-res-v2", "redefine", "standard-v2", "text-refine"]

TOPAZ_UPSCALE_PARAMS_MODEL_TYPE_VALUES: set[TopazUpscaleParamsModelType] = {
    "cgi",
    "high-fidelity-v2",
    "low-res-v2",
    "redefine",
    "standard-v2",
    "text-refine",
}


def check_topaz_upscale_params_model_type(value: str) -> TopazUpscaleParamsModelType:
    if value in TOPAZ_UPSCALE_PARAMS_MODEL_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TOPAZ_UPSCALE_PARAMS_MODEL_TYPE_VALUES!r}")
