from typing import Literal

GrokImagineVideoParamsAspectRatio = Literal["16:9", "1:1", "2:3", "3:2", "3:4", "4:3", "9:16"]

GROK_IMAGINE_VIDEO_PARAMS_ASPECT_RATIO_VALUES: set[GrokImagineVideoParamsAspectRatio] = {
    "16:9",
    "1:1",
    "2:3",
    "3:2",
    "3:4",
    "4:3",
    "9:16",
}


def check_grok_imagine_video_params_aspect_ratio(value: str) -> GrokImagineVideoParamsAspectRatio:
    if value in GROK_IMAGINE_VIDEO_PARAMS_ASPECT_RATIO_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GROK_IMAGINE_VIDEO_PARAMS_ASPECT_RATIO_VALUES!r}")
