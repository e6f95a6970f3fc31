"""Every generated model and request type, under one import.

``from apiframe.types import Job, GenerateImageMidjourney, MidjourneyParamsDict``. Names load on
first use, so importing this module stays cheap. ``Job`` is the SDK's job class (with
``.outputs``), the one ``jobs.get``, ``jobs.list`` and every wait return.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import _public

if TYPE_CHECKING:  # type checkers read types.pyi (generated: every name, with the SDK's Job)
    from ._jobs import Job as Job
    from ._jobs import Output as Output

_FACADE = ("Job", "Output")
"""Names the SDK refines: they resolve to its own class, not the generated one."""


def __getattr__(name: str) -> Any:
    import apiframe_client.models as models

    if name == "__all__":  # ``from apiframe.types import *`` and tools that read it: every name
        return __dir__()
    if name in _FACADE:
        from . import _jobs

        value = getattr(_jobs, name)
    elif name in models.__all__:
        value = getattr(models, name)
    else:
        import apiframe_client.surface as surface

        if name not in surface.__all__:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(surface, name)
    import apiframe  # a name apiframe exports too reports apiframe, whichever is imported first

    globals()[name] = value = _public.claim(_public.TOP if name in apiframe.__all__ else __name__, value)
    return value


def __dir__() -> list[str]:
    import apiframe_client.models as models
    import apiframe_client.surface as surface

    return sorted({*models.__all__, *surface.__all__, *_FACADE})
