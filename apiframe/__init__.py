"""Apiframe Python SDK: one typed client for every image, video and music model on Apiframe v2.

from apiframe import Apiframe

client = Apiframe()  # reads APIFRAME_API_KEY
job = client.images.generate(model="midjourney", prompt="a fox in autumn").wait()
print(job.result)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._client import Apiframe, AsyncApiframe
from ._errors import (
    ApiframeError,
    ApiframeTimeoutError,
    APIResponseValidationError,
    APIStatusError,
    AuthenticationError,
    ConfigurationError,
    ConflictError,
    DownloadError,
    InsufficientCreditsError,
    InvalidRequestError,
    JobCancelledError,
    JobFailedError,
    NetworkError,
    NotFoundError,
    PaginationError,
    PermissionDeniedError,
    RateLimitError,
    RequestTimeoutError,
    ResultExpiredError,
    ServerError,
    ValidationError,
    WaitCancelledError,
    WaitTimeoutError,
    WebhookVerificationError,
)
from ._handles import AcceptedJob, AsyncAcceptedJob
from ._options import RequestOptions
from ._pagination import AsyncPage, AsyncPager, Page
from ._public import claim as _claim
from ._public import publish as _publish
from ._response import RawResponse
from ._types import NOT_GIVEN, NotGiven
from ._version import __version__
from ._waiting import WaitPolicy

if TYPE_CHECKING:
    from apiframe_client.models import (
        AssetCreated,
        JobAccepted,
        JobList,
        JobListJobsItem,
        Lora,
        LoraCreated,
        LoraList,
        Me,
        ModelCatalog,
        ModelCatalogEntry,
        Upload,
    )
    from apiframe_client.response_info import ResponseInfo

    from ._aiohttp import AiohttpClient as AiohttpClient  # not in __all__: it needs the aiohttp extra
    from ._credits import CreditEstimate, PriceList, estimate_credits
    from ._download import DownloadProgress
    from ._jobs import Job, Output

_FACADE = {
    "Job": "._jobs",
    "Output": "._jobs",
    "DownloadProgress": "._download",
    "AiohttpClient": "._aiohttp",
    "CreditEstimate": "._credits",
    "PriceList": "._credits",
    "estimate_credits": "._credits",
}
_GENERATED = {"ResponseInfo": "apiframe_client.response_info"}
"""Where the lazy names live; every other lazy name of ``__all__`` is a model of ``apiframe_client.models``."""

__all__ = [
    "NOT_GIVEN",
    "APIResponseValidationError",
    "APIStatusError",
    "AcceptedJob",
    "Apiframe",
    "ApiframeError",
    "ApiframeTimeoutError",
    "AssetCreated",
    "AsyncAcceptedJob",
    "AsyncApiframe",
    "AsyncPage",
    "AsyncPager",
    "AuthenticationError",
    "ConfigurationError",
    "ConflictError",
    "CreditEstimate",
    "DownloadError",
    "DownloadProgress",
    "InsufficientCreditsError",
    "InvalidRequestError",
    "Job",
    "JobAccepted",
    "JobCancelledError",
    "JobFailedError",
    "JobList",
    "JobListJobsItem",
    "Lora",
    "LoraCreated",
    "LoraList",
    "Me",
    "ModelCatalog",
    "ModelCatalogEntry",
    "NetworkError",
    "NotFoundError",
    "NotGiven",
    "Output",
    "Page",
    "PaginationError",
    "PermissionDeniedError",
    "PriceList",
    "RateLimitError",
    "RawResponse",
    "RequestOptions",
    "RequestTimeoutError",
    "ResponseInfo",
    "ResultExpiredError",
    "ServerError",
    "Upload",
    "ValidationError",
    "WaitCancelledError",
    "WaitPolicy",
    "WaitTimeoutError",
    "WebhookVerificationError",
    "__version__",
    "estimate_credits",
]


_publish(__name__, __all__, globals())  # apiframe.InvalidRequestError in tracebacks, help() and pickles


def __dir__() -> list[str]:
    """``__all__`` (the lazy names included) and the module's dunders; no imported helpers."""
    return sorted({*__all__, *(name for name in globals() if name.startswith("__") and name.endswith("__"))})


def __getattr__(name: str) -> Any:
    """The common response models, loaded on first use (``apiframe.Job``)."""
    if name not in __all__ and name not in _FACADE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    source = _FACADE.get(name) or _GENERATED.get(name, "apiframe_client.models")
    value = _claim(__name__, getattr(importlib.import_module(source, __name__), name))
    globals()[name] = value
    return value
