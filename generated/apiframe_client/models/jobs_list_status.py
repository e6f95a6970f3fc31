from typing import Literal

JobsListStatus = Literal["CANCELLED", "COMPLETED", "FAILED", "PROCESSING", "QUEUED"]

JOBS_LIST_STATUS_VALUES: set[JobsListStatus] = {
    "CANCELLED",
    "COMPLETED",
    "FAILED",
    "PROCESSING",
    "QUEUED",
}


def check_jobs_list_status(value: str) -> JobsListStatus:
    if value in JOBS_LIST_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {JOBS_LIST_STATUS_VALUES!r}")
