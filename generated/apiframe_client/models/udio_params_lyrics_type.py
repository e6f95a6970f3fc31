from typing import Literal

UdioParamsLyricsType = Literal["generate", "instrumental", "user"]

UDIO_PARAMS_LYRICS_TYPE_VALUES: set[UdioParamsLyricsType] = {
    "generate",
    "instrumental",
    "user",
}


def check_udio_params_lyrics_type(value: str) -> UdioParamsLyricsType:
    if value in UDIO_PARAMS_LYRICS_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {UDIO_PARAMS_LYRICS_TYPE_VALUES!r}")
