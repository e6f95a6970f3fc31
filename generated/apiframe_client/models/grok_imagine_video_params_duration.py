from typing import Literal

GrokImagineVideoParamsDuration = Literal[6, 10, 15]

GROK_IMAGINE_VIDEO_PARAMS_DURATION_VALUES: set[GrokImagineVideoParamsDuration] = {
    6,
    10,
    15,
}


def check_grok_imagine_video_params_duration(value: int) -> GrokImagineVideoParamsDuration:
    if value in GROK_IMAGINE_VIDEO_PARAMS_DURATION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GROK_IMAGINE_VIDEO_PARAMS_DURATION_VALUES!r}")
