from typing import Literal

FluxFillParamsMode = Literal["inpaint", "outpaint"]

FLUX_FILL_PARAMS_MODE_VALUES: set[FluxFillParamsMode] = {
    "inpaint",
    "outpaint",
}


def check_flux_fill_params_mode(value: str) -> FluxFillParamsMode:
    if value in FLUX_FILL_PARAMS_MODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FLUX_FILL_PARAMS_MODE_VALUES!r}")
