"""SDK errors in the shell's words: ``--flags`` instead of Python argument names.

The SDK's messages speak Python (``api_key=...``, ``subjectKind``, ``kling_params.duration``).
This module rebuilds the message a shell user sees from the error's structured fields
(``InvalidRequestError.field``, an API error's status, body and details) and the options of the
command that raised it, so no SDK wording changes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

import click

from .._errors import (
    ApiframeError,
    APIStatusError,
    AuthenticationError,
    InvalidRequestError,
    NetworkError,
    RateLimitError,
    WaitTimeoutError,
)
from .._job_requests import params_blocks

if TYPE_CHECKING:
    from ..batch._runner import Task

__all__ = ["flag_for", "shell_message", "shell_words", "task_problem"]

_CAMEL = re.compile(r"(?<=[a-z0-9])([A-Z])")


def _snake(name: str) -> str:
    return _CAMEL.sub(r"_\1", name).lower()


def flag_for(field: str, command: click.Command | None = None) -> str:
    """How the shell spells an SDK field path: ``kling_params.duration`` -> ``--param duration``."""
    head, _, rest = field.partition(".")
    if head in params_blocks():
        return f"--param {rest}" if rest else "--params-json"
    name = _snake(head)
    for param in command.params if command is not None else ():
        if param.name == name:
            if isinstance(param, click.Option):
                longest = max(param.opts, key=len)
                return f"{longest}.{rest}" if rest else longest
            return (param.human_readable_name or name).upper()
    flag = "--" + name.replace("_", "-")
    return f"{flag}.{rest}" if rest else flag


def _reword(error: InvalidRequestError, command: click.Command | None) -> str:
    """The message with every field it names (``error.fields``) spelled as its ``--flag``.

    A field that reads like a Python name (``subject_kind``, ``kling_params.duration``,
    ``gender=``) or that the error lists besides its main one is replaced wherever it stands; the
    main field, when it is a plain word (``model``), only where a clause starts with it.
    """
    text = re.sub(r"^invalid request(?: for (model|action) '[^']*')?: ", "", error.message)
    for field in sorted(error.fields, key=len, reverse=True):  # kling_params.duration before kling_params
        flag = flag_for(field, command)
        if flag == field:
            continue
        anywhere = field != error.field or "_" in field or "." in field
        start = r"(?<![\w.\-'\"`])" if anywhere else r"(?:^|(?<=; ))"

        def spell(match: re.Match[str], flag: str = flag) -> str:
            return flag + (" " if match.group(1) else "")  # subject_kind='style' -> --subject-kind 'style'

        text = re.sub(rf"{start}{re.escape(field)}(?![\w.\[])(=?)", spell, text)
    for block in params_blocks():  # the other problems of the same request, if any
        text = text.replace(f"; {block}.", "; --param ")
    return text


def _server_text(error: APIStatusError) -> str:
    body = error.body
    if isinstance(body, dict):
        raw = body.get("error") or body.get("message")
        if raw is not None:
            return str(raw)
    return ""


def _details(details: Mapping[str, list[str]], command: click.Command | None) -> str:
    parts = []
    for path, messages in details.items():
        parts.append(f"{flag_for(path, command) if path else 'request'}: {'; '.join(messages)}")
    return "; ".join(parts)


_SPELLINGS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bapi_key=\.\.\.(?: to the client)?"), "--api-key"),
    (re.compile(r"\bextra_body=\{\.\.\.\}"), "--extra-body JSON"),
    (re.compile(r"\bextra_body\b"), "--extra-body"),
    (re.compile(r"\bvalidate=False\b"), "--no-validate"),
    (re.compile(r"\bmax_retries=?(?![\w(])"), "--max-retries"),
    (re.compile(r"\bbase_url\b"), "--base-url"),
    (re.compile(r"\bapi_key\b"), "--api-key"),
)
"""How the shell spells what the SDK's messages name in Python (``base_url`` is ``--base-url``)."""
_TIMEOUT = re.compile(r"\btimeout=(?=[\s,;).]|$)")
_WAIT_TIMEOUT = re.compile(r"\b(wait again with a longer) timeout=(?=[\s,;).]|$)")
"""A wait's deadline (``WaitTimeoutError``'s text, also when only the text is left: a task's note)."""


def shell_words(text: str, error: ApiframeError | None = None) -> str:
    """An SDK message with every Python setting it names spelled as the command's option."""
    for pattern, flag in _SPELLINGS:
        text = pattern.sub(flag, text)
    text = _WAIT_TIMEOUT.sub(r"\1 --wait-timeout", text)
    flag = "--wait-timeout" if isinstance(error, WaitTimeoutError) else "--timeout"
    return _TIMEOUT.sub(flag, text)


def shell_message(error: ApiframeError, command: click.Command | None = None, base_url: str | None = None) -> str:
    """One line (or a few) saying what went wrong and which ``--flag`` to change: the SDK's message,
    its fields and settings spelled as the command's options."""
    if isinstance(error, InvalidRequestError) and error.field:
        return shell_words(_reword(error, command), error)
    if isinstance(error, NetworkError) and error.connect_failed:
        where = f" at {base_url}" if base_url else ""
        return f"cannot reach the API{where}; check --base-url (or APIFRAME_BASE_URL) and the network"
    if isinstance(error, APIStatusError):
        head = f"the API answered {error.status_code}"
        text = _server_text(error)
        if text:
            head += f": {text}"
        details = getattr(error, "details", None)
        if isinstance(details, dict) and details:
            head += f" ({_details(details, command)})"
        if isinstance(error, AuthenticationError):
            head += "; check --api-key (or APIFRAME_API_KEY), or use --sandbox"
        elif isinstance(error, RateLimitError):
            wait = f" after {error.retry_after:.0f} s" if error.retry_after is not None else " later"
            head += f"; too many requests: lower --concurrency or retry{wait}"
        elif error.status_code not in (400,):
            return shell_words(str(error), error)
        if error.request_id:
            head += f" (request id {error.request_id})"
        return head
    return shell_words(error.message if hasattr(error, "message") else str(error), error)


def task_problem(task: Task) -> str:
    """Why a job the command ran (``generate``, ``jobs wait``/``download --wait``, a batch line) did
    not complete, in the shell's words: its error, else why this run stopped short; "" if neither.

    Every place the CLI shows a task's error or note (text, tables, ``--json``) takes it from here.
    """
    text = task.error or task.note
    return shell_words(text) if text else ""
