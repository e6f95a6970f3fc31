from typing import Literal

IdeogramCharacterParamsMagicPromptOption = Literal["Auto", "Off", "On"]

IDEOGRAM_CHARACTER_PARAMS_MAGIC_PROMPT_OPTION_VALUES: set[IdeogramCharacterParamsMagicPromptOption] = {
    "Auto",
    "Off",
    "On",
}


def check_ideogram_character_params_magic_prompt_option(value: str) -> IdeogramCharacterParamsMagicPromptOption:
    if value in IDEOGRAM_CHARACTER_PARAMS_MAGIC_PROMPT_OPTION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {IDEOGRAM_CHARACTER_PARAMS_MAGIC_PROMPT_OPTION_VALUES!r}"
    )
