from typing import Literal

TopazVideoParamsSubjectDetection = Literal["all", "background", "foreground", "none"]

TOPAZ_VIDEO_PARAMS_SUBJECT_DETECTION_VALUES: set[TopazVideoParamsSubjectDetection] = {
    "all",
    "background",
    "foreground",
    "none",
}


def check_topaz_video_params_subject_detection(value: str) -> TopazVideoParamsSubjectDetection:
    if value in TOPAZ_VIDEO_PARAMS_SUBJECT_DETECTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TOPAZ_VIDEO_PARAMS_SUBJECT_DETECTION_VALUES!r}")
