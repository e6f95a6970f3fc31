from typing import Literal

IdeogramParamsMagicPromptOption = Literal["Auto", "Off", "On"]

IDEOGRAM_PARAMS_MAGIC_PROMPT_OPTION_VALUES: set[IdeogramParamsMagicPromptOption] = {
    "Auto",
    "Off",
    "On",
}


def check_ideogram_params_magic_prompt_option(value: str) -> IdeogramParamsMagicPromptOption:
    if value in IDEOGRAM_PARAMS_MAGIC_PROMPT_OPTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {IDEOGRAM_PARAMS_MAGIC_PROMPT_OPTION_VALUES!r}")
