from typing import Literal

GrokImagineParamsAspectRatio = Literal["16:9", "1:1", "2:3", "3:2", "9:16"]

GROK_IMAGINE_PARAMS_ASPECT_RATIO_VALUES: set[GrokImagineParamsAspectRatio] = {
    "16:9",
    "1:1",
    "2:3",
    "3:2",
    "9:16",
}


def check_grok_imagine_params_aspect_ratio(value: str) -> GrokImagineParamsAspectRatio:
    if value in GROK_IMAGINE_PARAMS_ASPECT_RATIO_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GROK_IMAGINE_PARAMS_ASPECT_RATIO_VALUES!r}")
