"""Small helpers shared by the sandbox tests."""

from __future__ import annotations

import io
import re
import struct
import time
import wave
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from apiframe.testing._catalog import SpecIndex, SpecOperation
from apiframe.testing._media import make_png
from apiframe.testing._validation import RequestValidator

ClientFactory = Callable[..., httpx.Client]

WEBM_HEAD = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\xf2\x81\x04\x42\xf3\x81\x08\x42\x82\x84webm"
"""The start of a WebM file: an EBML header whose DocType is ``webm`` (Matroska names another)."""


def submit(client: httpx.Client, path: str, body: dict[str, Any], **kwargs: Any) -> str:
    """POST a job and return its id (asserting 202)."""
    response = client.post(path, json=body, **kwargs)
    assert response.status_code == 202, response.text
    job_id: str = response.json()["jobId"]
    return job_id


def wait_for(
    client: httpx.Client,
    job_id: str,
    statuses: tuple[str, ...] = ("COMPLETED", "FAILED"),
    path: str = "/v2/jobs/{}",
    field: str = "status",
) -> dict[str, Any]:
    """Poll until ``field`` reaches one of ``statuses`` (bounded to a few seconds)."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        data: dict[str, Any] = client.get(path.format(job_id)).json()
        if data[field] in statuses:
            return data
        time.sleep(0.01)
    raise AssertionError(f"{job_id} never reached {statuses}")


def png_size(data: bytes) -> tuple[int, int]:
    """Check the PNG signature and IHDR chunk (with CRC); return (width, height)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13
    header = data[16:29]
    (crc,) = struct.unpack(">I", data[29:33])
    assert crc == zlib.crc32(b"IHDR" + header) & 0xFFFFFFFF
    width, height = struct.unpack(">II", header[:8])
    assert data.endswith(b"IEND\xaeB`\x82")
    return width, height


def wav_frames(data: bytes) -> int:
    """Parse a WAV with the wave module and return its frame count."""
    with wave.open(io.BytesIO(data), "rb") as reader:
        assert reader.getnchannels() >= 1
        return reader.getnframes()


def avi_info(data: bytes) -> dict[str, int]:
    """Parse the RIFF AVI header; return width, height, frames and stream count."""
    assert data[:4] == b"RIFF" and data[8:12] == b"AVI "
    assert struct.unpack("<I", data[4:8])[0] == len(data) - 8
    assert data[12:16] == b"LIST" and data[20:24] == b"hdrl" and data[24:28] == b"avih"
    values = struct.unpack("<10I", data[32:72])
    info = {"frames": values[4], "streams": values[6], "width": values[8], "height": values[9]}
    assert b"movi" in data and b"idx1" in data and b"strf" in data
    return info


def png_bytes(seed: str = "upload") -> bytes:
    """A small valid PNG."""
    return make_png(seed, 8, 8)


_PATTERN_GUESSES = ("1:1", "16:9", "x", "1", "a", "#ffffff", "00:00")


def minimal_instance(index: Any, schema: Any) -> Any:
    """A small instance satisfying ``schema`` (required fields only), built generically."""
    import re
    import uuid as _uuid

    node = index.resolve(schema)
    if not isinstance(node, dict):
        return None
    if "const" in node:
        return node["const"]
    if isinstance(node.get("enum"), list):
        return next(v for v in node["enum"] if v is not None)
    for key in ("oneOf", "anyOf"):
        if isinstance(node.get(key), list):
            return minimal_instance(index, node[key][0])
    kind = node.get("type")
    if isinstance(kind, list):
        kind = next(k for k in kind if k != "null")
    if kind == "object" or "properties" in node:
        props = node.get("properties", {})
        return {name: minimal_instance(index, props[name]) for name in node.get("required", [])}
    if kind == "array":
        return [minimal_instance(index, node.get("items", {}))] * int(node.get("minItems", 1))
    if kind in ("integer", "number"):
        if "minimum" in node:
            return node["minimum"]
        if "exclusiveMinimum" in node:
            return node["exclusiveMinimum"] + 1
        return 1
    if kind == "boolean":
        return False
    fmt = node.get("format")
    if fmt == "uri":
        return "https://example.test/input.png"
    if fmt == "uuid":
        return str(_uuid.uuid4())
    if "pattern" in node:
        return next(g for g in _PATTERN_GUESSES if re.search(node["pattern"], g))
    return "x" * max(int(node.get("minLength", 1)), 1)


@dataclass
class Seen:
    method: str
    path: str
    status: int
    operation: str | None


@dataclass
class Conformance:
    """Validates responses against the spec and remembers what was seen."""

    index: SpecIndex
    validator: RequestValidator
    seen: list[Seen] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)

    def operation_for(self, method: str, path: str) -> SpecOperation | None:
        for op in self.index.operations:
            pattern = "^" + re.sub(r"\{[^}]+\}", "[^/]+", op.path) + "$"
            if op.method == method and re.match(pattern, path):
                return op
        return None

    def check(self, response: httpx.Response) -> None:
        request = response.request
        path = request.url.path
        if not path.startswith("/v2/"):
            return
        response.read()
        op = self.operation_for(request.method, path)
        name = f"{op.method} {op.path}" if op else None
        self.seen.append(Seen(request.method, path, response.status_code, name))
        if response.status_code == 204:
            if response.content:
                self.violations.append(f"{request.method} {path}: 204 with a body")
            return
        try:
            body = response.json()
        except ValueError:
            self.violations.append(f"{request.method} {path}: non-JSON {response.status_code}")
            return
        pointer: str | None
        if op is not None and op.declares(response.status_code):
            pointer = op.responses[str(response.status_code)]
        else:
            pointer = "/components/schemas/ErrorResponse"
        if pointer is None:
            return
        errors = self.validator.errors(pointer, body)
        if errors:
            self.violations.append(f"{request.method} {path} -> {response.status_code}: {errors} in {body!r:.300}")
