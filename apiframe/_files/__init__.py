"""File inputs for uploads, and a streaming ``multipart/form-data`` encoder.

:func:`file_source` turns anything a caller may pass as a file (a path, bytes, a binary file
object, an iterable of bytes, or an httpx-style ``(filename, file[, content_type])`` tuple) into
a :class:`FileSource`, validating it before any request is sent. :class:`MultipartBody` encodes
form fields and file sources per RFC 7578 while streaming: a file is read chunk by chunk, never
held in memory whole.
"""

from ._multipart import MultipartBody
from ._sniff import EXTENSIONS, SNIFF_BYTES, sniff_content_type
from ._sources import DEFAULT_CHUNK_SIZE, FileContent, FileInput, FileSource, file_source

__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "EXTENSIONS",
    "SNIFF_BYTES",
    "FileContent",
    "FileInput",
    "FileSource",
    "MultipartBody",
    "file_source",
    "sniff_content_type",
]
