from typing import Literal

ElevenlabsParamsOutputFormat = Literal[
    "mp3_high_quality", "mp3_standard", "wav_16khz", "wav_22khz", "wav_24khz", "wav_cd_quality"
]

ELEVENLABS_PARAMS_OUTPUT_FORMAT_VALUES: set[ElevenlabsParamsOutputFormat] = {
    "mp3_high_quality",
    "mp3_standard",
    "wav_16khz",
    "wav_22khz",
    "wav_24khz",
    "wav_cd_quality",
}


def check_elevenlabs_params_output_format(value: str) -> ElevenlabsParamsOutputFormat:
    if value in ELEVENLABS_PARAMS_OUTPUT_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ELEVENLABS_PARAMS_OUTPUT_FORMAT_VALUES!r}")
