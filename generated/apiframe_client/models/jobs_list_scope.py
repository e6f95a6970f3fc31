from typing import Literal

JobsListScope = Literal["team", "user"]

JOBS_LIST_SCOPE_VALUES: set[JobsListScope] = {
    "team",
    "user",
}


def check_jobs_list_scope(value: str) -> JobsListScope:
    if value in JOBS_LIST_SCOPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {JOBS_LIST_SCOPE_VALUES!r}")
