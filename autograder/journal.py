"""One journal file per submission, written atomically.

A grade is recorded in the journal before it goes to the gradebook, and a small
marker says when the gradebook has it.  A run killed at any point (even SIGKILL)
leaves either a complete journal file or none, and a rerun re-applies journaled
grades (idempotent) and grades only what is missing.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any


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

    def load(self, student: str) -> dict[str, Any] | None:
        path = self._path(student, ".json")
        try:
            return json.loads(path.read_text())
        except (OSError, ValueError):
            return None

    def save(self, result: dict[str, Any]) -> None:
        self._ensure()
        atomic_write(self._path(result["student"], ".json"), json.dumps(result, indent=1).encode())

    def applied(self, student: str) -> str | None:
        try:
            return self._path(student, ".applied").read_text().strip()
        except OSError:
            return None

    def mark_applied(self, student: str, submission_hash: str) -> None:
        self._ensure()
        atomic_write(self._path(student, ".applied"), submission_hash.encode())

    def all(self) -> dict[str, dict[str, Any]]:
        out = {}
        for path in sorted(self.folder.glob("*.json")):
            try:
                out[path.stem] = json.loads(path.read_text())
            except (OSError, ValueError):
                continue
        return out
