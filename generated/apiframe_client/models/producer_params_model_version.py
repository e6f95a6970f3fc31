from typing import Literal

ProducerParamsModelVersion = Literal["FUZZ_1", "FUZZ_1_1_PRO", "FUZZ_1_PRO", "FUZZ_2", "FUZZ_2_PRO", "FUZZ_2_RAW"]

PRODUCER_PARAMS_MODEL_VERSION_VALUES: set[ProducerParamsModelVersion] = {
    "FUZZ_1",
    "FUZZ_1_1_PRO",
    "FUZZ_1_PRO",
    "FUZZ_2",
    "FUZZ_2_PRO",
    "FUZZ_2_RAW",
}


def check_producer_params_model_version(value: str) -> ProducerParamsModelVersion:
    if value in PRODUCER_PARAMS_MODEL_VERSION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PRODUCER_PARAMS_MODEL_VERSION_VALUES!r}")
