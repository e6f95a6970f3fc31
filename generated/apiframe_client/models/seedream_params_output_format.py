from typing import Literal

SeedreamParamsOutputFormat = Literal["jpg", "png"]

SEEDREAM_PARAMS_OUTPUT_FORMAT_VALUES: set[SeedreamParamsOutputFormat] = {
    "jpg",
    "png",
}


def check_seedream_params_output_format(value: str) -> SeedreamParamsOutputFormat:
    if value in SEEDREAM_PARAMS_OUTPUT_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SEEDREAM_PARAMS_OUTPUT_FORMAT_VALUES!r}")
