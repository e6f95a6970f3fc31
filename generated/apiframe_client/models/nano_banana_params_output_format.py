from typing import Literal

NanoBananaParamsOutputFormat = Literal["jpg", "png", "webp"]

NANO_BANANA_PARAMS_OUTPUT_FORMAT_VALUES: set[NanoBananaParamsOutputFormat] = {
    "jpg",
    "png",
    "webp",
}


def check_nano_banana_params_output_format(value: str) -> NanoBananaParamsOutputFormat:
    if value in NANO_BANANA_PARAMS_OUTPUT_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {NANO_BANANA_PARAMS_OUTPUT_FORMAT_VALUES!r}")
