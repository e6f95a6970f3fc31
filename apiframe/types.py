"""Every generated model and request type, under one import.

``from apiframe.types import Job, GenerateImageMidjourney, MidjourneyParamsDict``. Names load on
first use, so importing this module stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from apiframe_client.models import *  # noqa: F403  # pyright: ignore[reportWildcardImportFromLibrary]
    from apiframe_client.surface import *  # noqa: F403  # pyright: ignore[reportWildcardImportFromLibrary]


def __getattr__(name: str) -> Any:
    import apiframe_client.models as models

    if name in models.__all__:
        value = getattr(models, name)
    else:
        import apiframe_client.surface as surface

        if name not in surface.__all__:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(surface, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    import apiframe_client.models as models
    import apiframe_client.surface as surface

    return sorted({*models.__all__, *surface.__all__})
