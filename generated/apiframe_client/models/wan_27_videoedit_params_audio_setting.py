from typing import Literal

Wan27VideoeditParamsAudioSetting = Literal["auto", "origin"]

WAN_27_VIDEOEDIT_PARAMS_AUDIO_SETTING_VALUES: set[Wan27VideoeditParamsAudioSetting] = {
    "auto",
    "origin",
}


def check_wan_27_videoedit_params_audio_setting(value: str) -> Wan27VideoeditParamsAudioSetting:
    if value in WAN_27_VIDEOEDIT_PARAMS_AUDIO_SETTING_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WAN_27_VIDEOEDIT_PARAMS_AUDIO_SETTING_VALUES!r}")
