from typing import Literal

GptImageParamsInputFidelity = Literal["high", "low"]

GPT_IMAGE_PARAMS_INPUT_FIDELITY_VALUES: set[GptImageParamsInputFidelity] = {
    "high",
    "low",
}


def check_gpt_image_params_input_fidelity(value: str) -> GptImageParamsInputFidelity:
    if value in GPT_IMAGE_PARAMS_INPUT_FIDELITY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GPT_IMAGE_PARAMS_INPUT_FIDELITY_VALUES!r}")
