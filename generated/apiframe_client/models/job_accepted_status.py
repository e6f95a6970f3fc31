from typing import Literal

JobAcceptedStatus = Literal["COMPLETED", "FAILED", "PROCESSING", "QUEUED"]

JOB_ACCEPTED_STATUS_VALUES: set[JobAcceptedStatus] = {
    "COMPLETED",
    "FAILED",
    "PROCESSING",
    "QUEUED",
}


def check_job_accepted_status(value: str) -> JobAcceptedStatus:
    if value in JOB_ACCEPTED_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {JOB_ACCEPTED_STATUS_VALUES!r}")
