"""The client's resources: ``client.images``, ``client.jobs``, ... (sync and async twins).

Each public class is assembled in ``_generated.py`` (``make generate``): the job-creating methods
from the spec, the hand-written ``<Name>Methods`` of the other resources, and every resource's
``with_raw_response`` view.
"""

from ._generated import (
    Assets,
    AsyncAssets,
    AsyncImages,
    AsyncJobs,
    AsyncLoras,
    AsyncModels,
    AsyncMusic,
    AsyncUploads,
    AsyncVideos,
    Images,
    Jobs,
    Loras,
    Models,
    Music,
    Uploads,
    Videos,
)
from .jobs import AsyncJobPage, JobPage

__all__ = [
    "Assets",
    "AsyncAssets",
    "AsyncImages",
    "AsyncJobPage",
    "AsyncJobs",
    "AsyncLoras",
    "AsyncModels",
    "AsyncMusic",
    "AsyncUploads",
    "AsyncVideos",
    "Images",
    "JobPage",
    "Jobs",
    "Loras",
    "Models",
    "Music",
    "Uploads",
    "Videos",
]
