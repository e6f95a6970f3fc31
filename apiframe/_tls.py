"""The one verifying SSL context of the HTTP clients the SDK makes.

httpx builds a new SSL context for every client it makes (and for every proxy transport in it),
loading the whole CA bundle each time: ~17 ms of CPU, paid by each ``Apiframe`` on its first
request, each async client once per event loop, each ``apiframe`` command. The SDK's clients share
one instead, made on first use with httpx's own defaults (``verify=True``, ``trust_env=True``:
``SSL_CERT_FILE``, else ``SSL_CERT_DIR``, else certifi's bundle), and made again when those
variables change. Verification is unchanged: hostname checks and ``CERT_REQUIRED``, as httpx does.
A client passed in by the user (``http_client=``) keeps its own settings.
"""

from __future__ import annotations

import os
import ssl
import threading

import httpx

__all__ = ["verifying_context"]

_lock = threading.Lock()
_made: tuple[tuple[str, str], ssl.SSLContext] | None = None


def verifying_context() -> ssl.SSLContext:
    """The shared SSL context for the environment's CA settings (made once per setting)."""
    global _made
    key = (os.environ.get("SSL_CERT_FILE", ""), os.environ.get("SSL_CERT_DIR", ""))
    made = _made
    if made is not None and made[0] == key:
        return made[1]
    with _lock:
        if _made is None or _made[0] != key:
            _made = (key, httpx.create_ssl_context(verify=True, trust_env=True))
        return _made[1]
