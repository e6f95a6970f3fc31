from typing import Literal

JobWebhookStatus = Literal["delivered", "failed", "pending"]

JOB_WEBHOOK_STATUS_VALUES: set[JobWebhookStatus] = {
    "delivered",
    "failed",
    "pending",
}


def check_job_webhook_status(value: str) -> JobWebhookStatus:
    if value in JOB_WEBHOOK_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {JOB_WEBHOOK_STATUS_VALUES!r}")
