from typing import Literal

WebhookEvent = Literal["completed", "failed", "progress"]

WEBHOOK_EVENT_VALUES: set[WebhookEvent] = {
    "completed",
    "failed",
    "progress",
}


def check_webhook_event(value: str) -> WebhookEvent:
    if value in WEBHOOK_EVENT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WEBHOOK_EVENT_VALUES!r}")
