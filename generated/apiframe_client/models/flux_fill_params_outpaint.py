from typing import Literal

FluxFillParamsOutpaint = Literal[
    "Bottom outpaint", "Left outpaint", "Make square", "Right outpaint", "Top outpaint", "Zoom out 1.5x", "Zoom out 2x"
]

FLUX_FILL_PARAMS_OUTPAINT_VALUES: set[FluxFillParamsOutpaint] = {
    "Bottom outpaint",
    "Left outpaint",
    "Make square",
    "Right outpaint",
    "Top outpaint",
    "Zoom out 1.5x",
    "Zoom out 2x",
}


def check_flux_fill_params_outpaint(value: str) -> FluxFillParamsOutpaint:
    if value in FLUX_FILL_PARAMS_OUTPAINT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FLUX_FILL_PARAMS_OUTPAINT_VALUES!r}")
