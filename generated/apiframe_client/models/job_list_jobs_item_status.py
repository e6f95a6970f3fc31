from typing import Literal

JobListJobsItemStatus = Literal["CANCELLED", "COMPLETED", "FAILED", "PROCESSING", "QUEUED"]

JOB_LIST_JOBS_ITEM_STATUS_VALUES: set[JobListJobsItemStatus] = {
    "CANCELLED",
    "COMPLETED",
    "FAILED",
    "PROCESSING",
    "QUEUED",
}


def check_job_list_jobs_item_status(value: str) -> JobListJobsItemStatus:
    if value in JOB_LIST_JOBS_ITEM_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {JOB_LIST_JOBS_ITEM_STATUS_VALUES!r}")
