__version__ = "2.0.0a1"
"""The 2.x line is the v2 API (the 1.x releases of ``apiframe-sdk`` on PyPI are the v1 SDK)."""
