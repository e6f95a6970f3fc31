"""The client's resources: ``client.images``, ``client.jobs``, ... (sync and async twins)."""

from .assets import Assets, AsyncAssets
from .images import AsyncImages, Images
from .jobs import AsyncJobPage, AsyncJobs, JobPage, Jobs
from .loras import AsyncLoras, Loras
from .models import AsyncModels, Models
from .music import AsyncMusic, Music
from .uploads import AsyncUploads, Uploads
from .videos import AsyncVideos, Videos

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
