from typing import Literal

JobListJobsItemWebhookStatus = Literal["delivered", "failed", "pending"]

JOB_LIST_JOBS_ITEM_WEBHOOK_STATUS_VALUES: set[JobListJobsItemWebhookStatus] = {
    "delivered",
    "failed",
    "pending",
}


def check_job_list_jobs_item_webhook_status(value: str) -> JobListJobsItemWebhookStatus:
    if value in JOB_LIST_JOBS_ITEM_WEBHOOK_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {JOB_LIST_JOBS_ITEM_WEBHOOK_STATUS_VALUES!r}")
