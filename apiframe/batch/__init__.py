"""Batches at scale: one engine for the ``apiframe batch`` command and for Python.

- :func:`run` / :func:`arun`: run one shard of a batch of JSONL lines into a folder or an
  fsspec URL; call again (anywhere) to resume. :class:`BatchRun` is the engine underneath.
- :class:`Shard` (``"K/N"``) and :func:`shard_number`: which shard runs which input line.
- :func:`open_store`: a local folder or any fsspec URL (``s3://``, ``gs://``, ``az://``,
  ``memory://``) as a :class:`Store` with atomic, bounded-memory writes.
- :class:`BatchState`: one immutable record per state change of a line, found by any shard
  on any machine.
- :func:`summarise`: every shard of a batch, from its store alone.
- :func:`save_outputs`: a job's result files streamed from the CDN into a store.
"""

from __future__ import annotations

from .._public import publish as _publish
from ._lines import BatchLine, batch_identity, line_key, parse_lines, read_batch
from ._results import SaveProgress, save_outputs
from ._run import BatchResult, BatchRun, LineResult, arun, run
from ._shard import Shard, shard_number
from ._state import BatchState, DamagedRecord, LineRecord, RecordName, ShardPlan, StateScan, StateView
from ._store import FsspecStore, Listing, LocalStore, ObjectInfo, StorageError, Store, check_name, open_store
from ._summary import DONE, FAILED, BatchSummary, FailedLine, ShardSummary, summarise

__all__ = [
    "DONE",
    "FAILED",
    "BatchLine",
    "BatchResult",
    "BatchRun",
    "BatchState",
    "BatchSummary",
    "DamagedRecord",
    "FailedLine",
    "FsspecStore",
    "LineRecord",
    "LineResult",
    "Listing",
    "LocalStore",
    "ObjectInfo",
    "RecordName",
    "SaveProgress",
    "Shard",
    "ShardPlan",
    "ShardSummary",
    "StateScan",
    "StateView",
    "StorageError",
    "Store",
    "arun",
    "batch_identity",
    "check_name",
    "line_key",
    "open_store",
    "parse_lines",
    "read_batch",
    "run",
    "save_outputs",
    "shard_number",
    "summarise",
]

_publish(__name__, __all__, globals())
