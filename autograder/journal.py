"""One journal file per submission, written atomically.

A grade is recorded in the journal before it goes to the gradebook, and a small
marker says when the gradebook has it.  A run killed at any point (even SIGKILL)
leaves either a complete journal file or none, and a rerun re-applies journaled
grades (idempotent) and grades only what is missing.

Each file holds one ``SubmissionResult`` (``outcome.py``) and the schema version it was
written with (``schema_version``). A file from the grader before versions existed (no
``schema_version``, the same fields) is read as version 0, so a run interrupted before
an upgrade resumes after it. A file of an unknown version, or one whose fields do not
check, is refused with what to do: it is never overwritten or read as a zero.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from .outcome import ResultError, SubmissionResult

SCHEMA_VERSION = 1
READABLE_VERSIONS = (0, 1)  # 0: written before the journal had a version (same fields)


class JournalError(ValueError):
    """A journal file this grader cannot use; the message names the file and what to do."""


def encode(result: SubmissionResult) -> bytes:
    """A journal file's bytes: the schema version, then the result's fields."""
    return json.dumps({"schema_version": SCHEMA_VERSION, **result.to_json()}, indent=1).encode()


def decode(data: Any, path: Path) -> SubmissionResult:
    """The result in a journal file's parsed JSON; JournalError when this grader cannot use it."""
    version = data.get("schema_version", 0) if isinstance(data, dict) else 0
    if version not in READABLE_VERSIONS or isinstance(version, bool):
        raise JournalError(
            f"{path}: journal schema version {version!r}, but this grader reads versions "
            f"{', '.join(map(str, READABLE_VERSIONS))} (a newer autograder wrote it?). Nothing "
            "was changed. Grade with the autograder that wrote it, or move the file out of "
            "the journal folder and grade again to regrade this submission."
        )
    fields = {k: v for k, v in data.items() if k != "schema_version"}
    try:
        return SubmissionResult.from_json(fields)
    except ResultError as exc:
        raise JournalError(
            f"{path}: not a valid journal entry ({exc}). Nothing was changed. Move the file out "
            "of the journal folder and grade again to regrade this submission."
        ) from None


def atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    try:
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass


class Journal:
    def __init__(self, folder: Path):
        self.folder = folder  # created on the first write: reading never changes the course

    def _ensure(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)

    def _path(self, student: str, suffix: str) -> Path:
        if "/" in student or student.startswith("."):
            raise ValueError(f"invalid student id {student!r}")
        return self.folder / f"{student}{suffix}"

    def load(self, student: str) -> SubmissionResult | None:
        """The journaled result, None when there is none (or it is unreadable: regraded).

        Raises JournalError for a file of an unknown schema version or with a bad field.
        """
        path = self._path(student, ".json")
        try:
            data = json.loads(path.read_text())
        except (OSError, ValueError):
            return None
        return decode(data, path)

    def save(self, result: SubmissionResult) -> None:
        self._ensure()
        atomic_write(self._path(result.student, ".json"), encode(result))

    def applied(self, student: str) -> str | None:
        try:
            return self._path(student, ".applied").read_text().strip()
        except OSError:
            return None

    def mark_applied(self, student: str, submission_hash: str) -> None:
        self._ensure()
        atomic_write(self._path(student, ".applied"), submission_hash.encode())

    def all(self) -> dict[str, SubmissionResult]:
        """Every journaled result by student; JournalError for a file this grader cannot use."""
        out = {}
        for path in sorted(self.folder.glob("*.json")):
            try:
                data = json.loads(path.read_text())
            except (OSError, ValueError):
                continue
            out[path.stem] = decode(data, path)
        return out
