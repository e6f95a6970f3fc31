"""The hostile-server fuzzer's world: strategies drawn from the spec's response schemas, a server
on 127.0.0.1 that answers what they drew, and the invariants every call must keep.

Strategies: every operation's documented answers (``apiframe._schema.spec()``), with adversarial
values in every string (markup, control and escape sequences, ``..``, ``/``, glob characters,
NUL, very long text, unusual Unicode, copies of the API key in another case or URL-encoded) and
adversarial structure (repeated cursors, large arrays, wrong types, missing fields, undocumented
statuses, non-JSON bodies, redirects). Result URLs point at the same server's ``/files/`` path
(a file host with hostile names, types and redirects).

``APIFRAME_SERVER_FUZZ_EXAMPLES`` sets the examples per target (1 in ``make test``; ``make bench``
raises it); ``APIFRAME_SERVER_FUZZ_SEED`` unset keeps ``make test`` deterministic, set to a number
it draws random examples from that seed (the same number replays them).
"""

from __future__ import annotations

import functools
import json
import os
import re
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

from apiframe._schema import resolve, spec

KEY = "afk_fuzz+key/0123456789=abcdefXYZ"
"""The key every fuzzed client uses: URL-encoding changes it, so an encoded echo is a real variant."""
KEY_ECHOES = (KEY, KEY.upper(), KEY.swapcase(), quote(KEY, safe=""), "Bearer " + KEY, KEY[:20] + "...")

# Markup probes: interpreted as markup they lose their tag, leaving the two halves joined.
MARKUP = {
    "Qb[b]Zb": "QbZb",
    "Ql[link=https://evil.example/]Zl[/link]": "QlZl",
    "Qs[bold red]Zs[/bold red]": "QsZs",
    "Qe:warning:Ze": "Qe\u26a0",
}
NASTY = (
    "[/INST]",
    "[/]",
    "[bold",
    *MARKUP,
    "\x1b[2J\x1b[H",
    "\x1b]8;;https://evil.example/\x07click\x1b]8;;\x07",
    "\x1b]0;pwned\x07",
    "\x9b31m",
    "line\rover",
    "a\nb",
    "tab\there",
    "\x00",
    "\x07\x08\x7f",
    "\u202egnp.exe",
    "zero\u200bwidth\ufeff",
    "\u2028\u2029",
    "\U000e0041\U000e0042",
    "..",
    "../",
    "../../victim",
    "/etc/passwd",
    "a/b",
    "a\\b",
    "C:\\x",
    "*",
    "**/",
    "job*",
    "*j",
    "?",
    "[a-z]",
    "{a,b}",
    "~",
    "$HOME",
    "%2e%2e%2f",
    "%s%n%x",
    "{0}{__class__}",
    "",
    " ",
    "-",
    "--help",
    "nan",
    "e\u0301" * 50,
    "\U0001d518\U0001d52b\U0001d526",
    "\u0627\u0644\u0639\u0631\u0628\u064a\u0629",
    "\U0001f469\u200d\U0001f4bb",
    "\ud800",
    "<script>alert(1)</script>",
    "=cmd|' /C calc'!A0",
    *KEY_ECHOES,
)
LONG = ("A" * 20_000, "\x1b[31m" * 3_000, "/.." * 3_000)
CURSORS = ("c1", "c2", "c1", "../c", "[b]c", KEY.upper())
MAX_EXAMPLES = int(os.environ.get("APIFRAME_SERVER_FUZZ_EXAMPLES", "1"))
SEED = os.environ.get("APIFRAME_SERVER_FUZZ_SEED")
SEEDED = SEED is not None
SHRINK = os.environ.get("APIFRAME_SERVER_FUZZ_SHRINK") == "1"


def fuzz_case(test: Callable[..., None]) -> Callable[..., None]:
    """``@given(data=...)`` with :func:`fuzz_settings`, seeded by ``APIFRAME_SERVER_FUZZ_SEED`` when set."""
    wrapped = fuzz_settings()(given(data=st.data())(test))
    return seed(int(SEED))(wrapped) if SEED else wrapped


def fuzz_settings() -> settings:
    """A few deterministic examples per target in ``make test``; many random ones in the bench."""
    return settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        derandomize=not SEEDED,
        database=None,
        suppress_health_check=list(HealthCheck),
        phases=(Phase.explicit, Phase.generate, Phase.shrink) if SHRINK else (Phase.explicit, Phase.generate),
        print_blob=True,
    )


# -- strategies ---------------------------------------------------------------------------


def nasty_text() -> st.SearchStrategy[str]:
    """A string built from one to three hostile pieces (sometimes one very long one)."""
    piece = st.one_of(st.sampled_from(NASTY), st.text(max_size=12))
    joined = st.lists(piece, min_size=1, max_size=3).map("".join)
    return st.one_of(joined, joined, joined, st.sampled_from(LONG))


def plain_text() -> st.SearchStrategy[str]:
    return st.sampled_from(("midjourney", "flux-pro", "ok", "Example", "2026-11-23T10:00:00Z"))


def junk() -> st.SearchStrategy[Any]:
    """A value of the wrong type."""
    return st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**70), max_value=2**70),
        st.floats(allow_nan=False, allow_infinity=False),
        st.sampled_from(([], {}, [[[]]], {"a": {"b": {}}})),
        nasty_text(),
    )


NASTY_TEXT = nasty_text()
PLAIN_TEXT = plain_text()
JUNK = junk()
TEXT = st.one_of(PLAIN_TEXT, NASTY_TEXT)
IDS = st.one_of(st.uuids().map(str), st.uuids().map(str), st.sampled_from(NASTY), NASTY_TEXT)
NUMBERS = st.one_of(st.integers(0, 100), st.integers(-(2**64), 2**64), st.floats(allow_nan=False, allow_infinity=False))
CURSOR = st.one_of(st.none(), st.sampled_from(CURSORS), NASTY_TEXT)
DATES = st.sampled_from(("2026-11-23T10:00:00Z", "2026-11-23T10:00:00.123456+02:00"))


@dataclass
class World:
    """What the strategies need to know: where the file host is, and whether this example breaks
    the documented shapes (else only the values are hostile, so calls get past parsing)."""

    base: str
    broken: bool = True


def _types(schema: Mapping[str, Any]) -> list[str]:
    kind = schema.get("type")
    if isinstance(kind, list):
        return [str(k) for k in kind]
    if isinstance(kind, str):
        return [kind]
    if "properties" in schema:
        return ["object"]
    return []


@st.composite
def from_schema(draw: st.DrawFn, schema: Mapping[str, Any], world: World, name: str = "", depth: int = 0) -> Any:
    """A value for ``schema``: usually of its shape, sometimes hostile in shape or content."""
    schema = resolve(schema)
    if depth > 8:
        return None
    if world.broken and draw(st.integers(0, 24)) == 0:
        return draw(JUNK)
    if name == "result":
        return draw(results(world, many=depth <= 1))
    if name in ("nextCursor", "next_cursor"):
        return draw(CURSOR)
    options = schema.get("anyOf") or schema.get("oneOf")
    if options:
        return draw(from_schema(draw(st.sampled_from(options)), world, name, depth))
    if "const" in schema:
        return schema["const"] if not world.broken or draw(st.integers(0, 5)) else draw(NASTY_TEXT)
    if "enum" in schema:
        chosen = draw(st.sampled_from(schema["enum"]))
        return chosen if not world.broken or draw(st.integers(0, 5)) else draw(NASTY_TEXT)
    types = _types(schema)
    kind = draw(st.sampled_from(types)) if types else "any"
    if kind == "null":
        return None
    if kind == "object":
        return draw(objects(schema, world, depth))
    if kind == "array":
        item = draw(from_schema(schema.get("items", {}), world, name, depth + 1))
        size = draw(st.sampled_from((0, 1, 1, 2, 3, 2000) if depth <= 1 else (0, 1, 2)))
        more = [draw(from_schema(schema.get("items", {}), world, name, depth + 1)) for _ in range(min(size, 3) - 1)]
        return [item, *more] + [_trim(item)] * max(0, size - 3) if size else []
    if kind == "string":
        fmt = schema.get("format")
        if fmt == "date-time" and (not world.broken or draw(st.integers(0, 3))):
            return draw(DATES)
        if fmt == "uri":
            return draw(urls(world))
        if fmt == "uuid" or name in ("id", "jobId", "assetId"):
            return draw(IDS)
        return draw(TEXT)
    if kind in ("integer", "number"):
        if not world.broken:
            return draw(st.integers(0, 100))
        return draw(NUMBERS)
    if kind == "boolean":
        return draw(st.booleans())
    return draw(st.one_of(JUNK, st.dictionaries(st.text(max_size=5), NASTY_TEXT, max_size=2)))


@st.composite
def objects(draw: st.DrawFn, schema: Mapping[str, Any], world: World, depth: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for prop, sub in (schema.get("properties") or {}).items():
        mode = draw(st.integers(0, 19)) if world.broken else 2
        if mode == 0:
            continue  # missing
        out[prop] = draw(JUNK) if mode == 1 else draw(from_schema(sub, world, prop, depth + 1))
    if world.broken and draw(st.integers(0, 9)) == 0:
        out[draw(NASTY_TEXT)] = draw(JUNK)
    return out


def urls(world: World) -> st.SearchStrategy[str]:
    """A URL: mostly the file host with a hostile name, sometimes another scheme or host."""
    return _urls(world.base)


@functools.cache
def _urls(base: str) -> st.SearchStrategy[str]:
    on_host = st.builds(lambda name: f"{base}/files/{quote(name, safe='/%', errors='surrogatepass')}", NASTY_TEXT)
    other = st.sampled_from(
        (
            "file:///etc/passwd",
            "javascript:alert(1)",
            "http://169.254.169.254/latest/meta-data/",
            "ftp://127.0.0.1/x",
            f"{base}/redirect-loop",
            f"{base}/files/x.png?key={quote(KEY, safe='')}",
            "http://[::1",
            "",
        )
    )
    return st.one_of(on_host, on_host, other, NASTY_TEXT)


def results(world: World, *, many: bool) -> st.SearchStrategy[Any]:
    """A job's untyped ``result``: URLs found by shape, in hostile shapes."""
    return _results(world.base, many)


@functools.cache
def _results(base: str, many: bool) -> st.SearchStrategy[Any]:
    url = _urls(base)
    entry = st.fixed_dictionaries({"url": url}, optional={"contentType": TEXT})
    return st.one_of(
        st.none(),
        st.fixed_dictionaries({"images": st.lists(entry, max_size=3)}),
        st.fixed_dictionaries({"url": url}),
        st.lists(url, max_size=3),
        st.builds(lambda u, n: {"images": [{"url": u}] * n}, url, st.sampled_from((1, 500) if many else (1, 2))),
        JUNK,
    )


@dataclass
class Answer:
    """One drawn HTTP answer."""

    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


BODY_LIMIT = int(os.environ.get("APIFRAME_SERVER_FUZZ_BODY_BYTES", str(2 * 1024 * 1024)))
"""Bytes: the largest body an example sends (huge bodies have their own tests in tests/hostile)."""


def _trim(value: Any) -> Any:
    if isinstance(value, list):
        return [_trim(item) for item in value[:20]]
    if isinstance(value, dict):
        return {key: _trim(item) for key, item in value.items()}
    if isinstance(value, str):
        return value[:2000]
    return value


def _json(value: Any) -> bytes:
    body = json.dumps(value, allow_nan=False, default=str).encode("utf-8", "surrogatepass")
    if len(body) > BODY_LIMIT:
        body = json.dumps(_trim(value), allow_nan=False, default=str).encode("utf-8", "surrogatepass")
    return body


def _header_safe(text: str) -> str:
    """What an HTTP header can carry of ``text``: latin-1, no control characters (the server
    sends any byte above them: a non-ASCII header value is part of the test)."""
    return re.sub(r"[\x00-\x1f\x7f]", "", text.encode("latin-1", "replace").decode("latin-1"))


@functools.cache
def _headers() -> st.SearchStrategy[dict[str, str]]:
    value = NASTY_TEXT.map(
        lambda text: re.sub(r"[\x00-\x1f\x7f]", "", text.encode("latin-1", "replace").decode("latin-1"))[:500]
    )
    return st.fixed_dictionaries(
        {},
        optional={
            "X-Request-Id": value,
            "Retry-After": st.sampled_from(("0", "-1", "1e9", "nan", "Wed, 21 Oct 2099 07:28:00 GMT", "0.01")),
            "X-Echo": st.sampled_from(KEY_ECHOES[:4]),
        },
    )


@st.composite
def answers(draw: st.DrawFn, operation: Mapping[str, Any], world: World) -> Answer:
    """An answer to ``operation``: a documented status and body (mostly), else anything."""
    responses: Mapping[str, Any] = operation.get("responses", {})
    documented = sorted(responses)
    choice = draw(st.integers(0, 19))
    headers = {"Content-Type": "application/json", **draw(_headers())}
    if choice < 12 or not documented:
        status = next((c for c in documented if c.startswith("2")), "200")
    elif choice < 16:
        status = draw(st.sampled_from(documented))
    elif choice == 16:
        return Answer(
            draw(st.sampled_from((200, 500, 418))), draw(st.sampled_from(_NOT_JSON)), {"Content-Type": "text/html"}
        )
    elif choice == 17:
        target = draw(st.sampled_from((f"{world.base}/v2/elsewhere", "http://127.0.0.1:9/", "/v2/me")))
        return Answer(draw(st.sampled_from((301, 302, 307))), b"", {"Location": target})
    else:
        status = str(draw(st.sampled_from((201, 204, 299, 304, 404, 409, 429, 451, 500, 503, 520))))
    content = (responses.get(status) or {}).get("content") or {}
    schema = (content.get("application/json") or {}).get("schema")
    if status == "204" or (schema is None and status.startswith("2") and not content):
        return Answer(int(status), b"", headers)
    body = draw(from_schema(schema, world)) if schema is not None else draw(JUNK)
    return Answer(int(status), _json(body), headers)


_NOT_JSON = (
    b"<html><title>[bold]Qb[b]Zb\x1b[2J " + KEY.encode() + b"</title></html>",
    b"{not json",
    b"[" * 5000 + b"]" * 5000,
    b"\xff\xfe\x00\x00",
    b"",
)


@st.composite
def files(draw: st.DrawFn, world: World) -> Answer:
    """What the file host answers for a result URL."""
    choice = draw(st.integers(0, 7))
    if choice == 0:
        return Answer(200, b"<html>not a file</html>", {"Content-Type": "text/html"})
    if choice == 1:
        return Answer(
            302, b"", {"Location": draw(st.sampled_from((f"{world.base}/redirect-loop", "file:///etc/passwd")))}
        )
    if choice == 2:
        return Answer(draw(st.sampled_from((404, 410, 500))), b"gone", {"Content-Type": "text/plain"})
    kind = draw(st.sampled_from(("image/png", "video/mp4", "audio/wav", "application/octet-stream", "text/x-../../sh")))
    body = b"\x89PNG\r\n\x1a\n" + draw(st.binary(max_size=64)) if kind == "image/png" else draw(st.binary(max_size=64))
    disposition = f'attachment; filename="{draw(NASTY_TEXT)[:200]}"'.encode("latin-1", "replace").decode("latin-1")
    disposition = re.sub(r"[\x00-\x1f\x7f]", "", disposition)
    return Answer(200, body, {"Content-Type": kind, "Content-Disposition": disposition})


def operation_schemas() -> dict[tuple[str, str], Mapping[str, Any]]:
    """(METHOD, path template) -> the spec's operation object, for every operation."""
    out: dict[tuple[str, str], Mapping[str, Any]] = {}
    for path, item in spec()["paths"].items():
        for method, op in item.items():
            if isinstance(op, Mapping) and "responses" in op:
                out[(method.upper(), path)] = op
    return out


OPERATIONS = operation_schemas()


@st.composite
def scripts(draw: st.DrawFn, routes: Sequence[tuple[str, str]], base: str) -> dict[tuple[str, str], list[Answer]]:
    """For each route a call may take, the answers to its first requests (the last one repeats)."""
    world = World(base, broken=draw(st.booleans()))
    script = {route: draw(st.lists(answers(OPERATIONS[route], world), min_size=1, max_size=3)) for route in routes}
    script[("GET", "/files")] = draw(st.lists(files(world), min_size=1, max_size=3))
    return script


# -- the server ------------------------------------------------------------------------------


def _route_of(method: str, path: str) -> tuple[str, str] | None:
    parts = path.rstrip("/").split("/")
    for (op_method, template), _ in OPERATIONS.items():
        if op_method != method:
            continue
        wanted = template.split("/")
        if len(wanted) == len(parts) and all(w.startswith("{") or w == p for w, p in zip(wanted, parts, strict=True)):
            return (op_method, template)
    return None


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """Quiet when the client went away mid-answer (the SDK gave up, as it may); else the default."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return  # printed, it would land in the in-process command's stderr as a traceback
        super().handle_error(request, client_address)


class FuzzServer:
    """An HTTP server on 127.0.0.1 that answers each route with the script the example drew."""

    def __init__(self) -> None:
        self.script: dict[tuple[str, str], list[Answer]] = {}
        self.served: dict[tuple[str, str], int] = {}
        self.requests = 0
        self.key_left_origin = False
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                return

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                elif self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                    while True:
                        size = int(self.rfile.readline().split(b";")[0] or b"0", 16)
                        self.rfile.read(size + 2)
                        if size == 0:
                            break
                answer = server.answer(self.command, self.path, dict(self.headers))
                self.send_response(answer.status)
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(answer.body)))
                self.end_headers()
                self.wfile.write(answer.body)

            do_GET = do_POST = do_DELETE = do_PUT = _answer

        self._http = _Server(("127.0.0.1", 0), Handler)
        self._http.daemon_threads = True
        self.base = f"http://127.0.0.1:{self._http.server_address[1]}"
        self._thread = threading.Thread(
            target=self._http.serve_forever, kwargs={"poll_interval": 0.05}, name="fuzz-server", daemon=True
        )
        self._thread.start()

    def answer(self, method: str, target: str, headers: Mapping[str, str]) -> Answer:
        path = urlsplit(target).path
        with self._lock:
            self.requests += 1
            if path.startswith("/files") or path == "/redirect-loop":
                route: tuple[str, str] | None = ("GET", "/files")
                if any(KEY in str(value) for value in headers.values()):
                    self.key_left_origin = True  # the key went to the file host
                if path == "/redirect-loop":
                    return Answer(302, b"", {"Location": f"{self.base}/redirect-loop"})
            else:
                route = _route_of(method, path)
            if route is None or route not in self.script:
                return Answer(404, b'{"error": "no such route in this example"}', {"Content-Type": "application/json"})
            served = self.served.get(route, 0)
            self.served[route] = served + 1
            listed = self.script[route]
            return listed[min(served, len(listed) - 1)]

    def use(self, script: dict[tuple[str, str], list[Answer]]) -> None:
        with self._lock:
            self.script = script
            self.served = {}
            self.requests = 0
            self.key_left_origin = False

    def close(self) -> None:
        self._http.shutdown()
        self._http.server_close()


# -- invariants ------------------------------------------------------------------------------

_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b-\u200f\u2028\u2029\U000e0000-\U000e007f]"
)


def key_in(text: str) -> str | None:
    """Which copy of the key ``text`` holds (any case, URL-encoded, or a 16-character piece)."""
    lowered = text.lower()
    for form in (KEY.lower(), quote(KEY, safe="").lower()):
        for start in range(0, len(form) - 15):
            if form[start : start + 16] in lowered:
                return form[start : start + 16]
    return None


def control_in(text: str) -> str | None:
    found = _CONTROL.search(text)
    return repr(found.group()) if found else None


def markup_effect_in(text: str) -> str | None:
    for probe, effect in MARKUP.items():
        if effect in text:
            return f"{probe!r} was rendered as markup ({effect!r} in the output)"
    return None


@dataclass
class Tree:
    """Every file under a folder with its size and modification time, to compare before and after."""

    root: Path
    entries: dict[str, tuple[int, int]]

    @classmethod
    def of(cls, root: Path, skip: Path | None = None) -> Tree:
        entries: dict[str, tuple[int, int]] = {}
        for path in sorted(root.rglob("*")):
            if skip is not None and (path == skip or skip in path.parents):
                continue
            try:
                stat = path.lstat()
            except OSError:
                continue
            entries[str(path.relative_to(root))] = (stat.st_size, stat.st_mtime_ns)
        return cls(root, entries)


def plant(root: Path) -> None:
    """Files a hostile id or name would reach outside the folder named: they must stay untouched."""
    (root / "victim.part").write_bytes(b"keep")
    (root / "victim").write_bytes(b"keep")
    (root / "downloads").mkdir(exist_ok=True)
    (root / "downloads" / "movie.mkv.part").write_bytes(b"keep")
    (root / "etc").mkdir(exist_ok=True)
    (root / "etc" / "passwd").write_bytes(b"keep")


def foreign_extension_in(out: Path) -> str | None:
    """A saved file whose extension the SDK did not choose (a media type it knows, or ``.bin``)."""
    from apiframe._files._sniff import EXTENSIONS

    allowed = {*EXTENSIONS.values(), ".bin", ".json", ".jsonl"}
    for path in out.rglob("*") if out.exists() else []:
        if path.is_file() and not path.name.startswith(".") and path.suffix.lower() not in allowed:
            return f"extension: {path.name}"
    return None


def leaks_in_files(root: Path) -> str | None:
    for path in root.rglob("*"):
        if path.is_file() and path.stat().st_size < 5_000_000:
            found = key_in(path.read_bytes().decode("latin-1"))
            if found:
                return f"{path.name} holds {found!r}"
    return None


def watchdog(seconds: float, call: Callable[[], Any]) -> tuple[Any, BaseException | None, float]:
    """Run ``call`` in a thread; ``(result, error, elapsed)``; an AssertionError if it outlives ``seconds``."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["result"] = call()
        except BaseException as error:
            box["error"] = error

    started = time.monotonic()
    thread = threading.Thread(target=run, name="fuzz-call", daemon=True)
    thread.start()
    thread.join(seconds)
    elapsed = time.monotonic() - started
    if thread.is_alive():
        raise AssertionError(f"the call did not end within {seconds} s")
    return box.get("result"), box.get("error"), elapsed


def iter_chain(error: BaseException) -> Iterator[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in seen:
        seen.append(current)
        yield current
        current = current.__cause__ or current.__context__


# -- findings --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """A class of failure the fuzzer found in code being fixed elsewhere, pinned by a regular test
    (``tests/fuzz/test_findings.py``, xfail strict until the fix is merged). The fuzzer tolerates it
    meanwhile, so it keeps looking for the others; remove the entry with the mark."""

    branch: str
    what: str
    test: str
    matches: Callable[[str], bool]


KNOWN: list[Finding] = []
"""Open findings the fuzzer tolerates meanwhile: none (every one found so far is fixed and pinned by
a regular test in tests/fuzz/test_findings.py)."""


def known(text: str) -> Finding | None:
    """The known finding a failure's text (traceback or output) shows, if any."""
    return next((finding for finding in KNOWN if finding.matches(text)), None)


STATS = os.environ.get("APIFRAME_SERVER_FUZZ_STATS")
"""A file each example appends its outcome to (the bench counts cases and classes from it)."""


def record(surface: str, target: str, outcome: str) -> None:
    if STATS:
        with open(STATS, "a", encoding="utf-8") as handle:
            handle.write(json.dumps({"surface": surface, "target": target, "outcome": outcome}) + "\n")
