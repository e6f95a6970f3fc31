"""Text from outside, made inert: the one function that removes escape sequences.

A server's job error, a model or LoRA name, a file name or a header value may carry what a
terminal, a log viewer or a text widget would act on rather than show: escape sequences (ESC,
CSI, OSC hyperlinks and titles, DCS and the other string controls, in their 7-bit and 8-bit
forms, each removed with its parameters or body), the other C1 controls, bidirectional
overrides, embeddings, isolates and marks (which reorder what is shown: ``\\u202egnp.exe``), and
lone surrogates (half of a character, which no UTF-8 stream can carry). :func:`without_escapes`
removes all of them. Every sink of outside text runs it first, then does what is particular to
itself: the message guard (``_logging.clean_message``, ``outside``) shows what is left of the
controls as visible escapes, the terminal guard (``cli/_terminal.clean``) and the notebook's text
display drop them.
"""

from __future__ import annotations

import re

__all__ = ["without_escapes"]

_STRING_BODY = r"[^\x00-\x1f\x7f\x9c]*"
"""The body of an OSC, DCS, SOS, PM or APC string: up to its terminator, or up to any other
control character (a terminal would end or abort the string there; what follows is kept)."""
_TERMINATOR = r"(?:\x07|\x1b\\|\x9c)?"

_SEQUENCES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"  # CSI: ESC [ parameters, intermediates, final byte
    rf"|\x1b[\]PX^_]{_STRING_BODY}{_TERMINATOR}"  # OSC, DCS, SOS, PM, APC: ESC ] ... BEL or ST
    r"|\x1b[ -/]*[0-~]?"  # any other escape (two or three bytes), or a lone ESC
    r"|\x9b[0-?]*[ -/]*[@-~]?"  # 8-bit CSI
    rf"|[\x90\x98\x9d\x9e\x9f]{_STRING_BODY}{_TERMINATOR}"  # 8-bit DCS, SOS, OSC, PM, APC strings
    "|[\x80-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"  # C1, bidi, lone surrogates
)
_ANY = re.compile("[\x1b\x80-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""Whether there is anything to remove: most texts hold none of it and are returned as they are."""


def without_escapes(text: str) -> str:
    """``text`` without escape sequences (with their bodies), C1 controls, bidirectional controls
    and lone surrogates. Other control characters (C0, DEL) are left to the sink."""
    if _ANY.search(text) is None:
        return text
    return _SEQUENCES.sub("", text)
