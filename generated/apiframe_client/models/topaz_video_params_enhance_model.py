from typing import Literal

TopazVideoParamsEnhanceModel = Literal[
    "apollo", "auto", "iris", "rhea", "theia-fine-tune-detail", "theia-fine-tune-fidelity"
]

TOPAZ_VIDEO_PARAMS_ENHANCE_MODEL_VALUES: set[TopazVideoParamsEnhanceModel] = {
    "apollo",
    "auto",
    "iris",
    "rhea",
    "theia-fine-tune-detail",
    "theia-fine-tune-fidelity",
}


def check_topaz_video_params_enhance_model(value: str) -> TopazVideoParamsEnhanceModel:
    if value in TOPAZ_VIDEO_PARAMS_ENHANCE_MODEL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TOPAZ_VIDEO_PARAMS_ENHANCE_MODEL_VALUES!r}")
