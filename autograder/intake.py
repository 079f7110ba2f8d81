"""Read submission folders without trusting them.

Everything under ``submitted/`` was written by students or copied from an LMS, so each
entry is checked with ``lstat`` before it is used, files are opened with ``O_NOFOLLOW``
and ``O_NONBLOCK`` (a named pipe never blocks the run), and reads stop at a size cap.
A symbolic link, a pipe, a device or an oversized notebook is refused with a reason
that names it; nothing is skipped silently.
"""

from __future__ import annotations

import errno
import fnmatch
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

MAX_NOTEBOOK_MB = 50  # one notebook; also the total read while looking for a renamed copy
MAX_TIMESTAMP_BYTES = 200


def kind_of(mode: int) -> str:
    """A file type in words, for refusals."""
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "a regular file"


@dataclass
class Folders:
    """Submission folders to grade, and student entries refused before reading anything."""

    found: dict[str, Path] = field(default_factory=dict)
    refused: dict[str, str] = field(default_factory=dict)


def find_submissions(root: Path, assignment: str, patterns: list[str] | None = None) -> Folders:
    """``submitted/<student>/<assignment>/`` folders, checked with lstat (links refused)."""
    base = root / "submitted"
    out = Folders()
    try:
        entries = sorted(os.scandir(base), key=lambda e: e.name)
    except FileNotFoundError:
        return out
    for entry in entries:
        student = entry.name
        if patterns and not any(fnmatch.fnmatch(student, p) for p in patterns):
            continue
        try:
            mode = os.lstat(entry.path).st_mode
        except OSError as exc:  # removed or unreadable while the run started
            out.refused[student] = f"refused: the student folder could not be examined ({exc})"
            continue
        if stat.S_ISREG(mode):
            continue  # a stray file beside the student folders is not a submission
        if not stat.S_ISDIR(mode):
            out.refused[student] = f"refused: the student folder is {kind_of(mode)}"
            continue
        folder = Path(entry.path) / assignment
        try:
            mode = os.lstat(folder).st_mode
        except FileNotFoundError:
            continue
        except OSError as exc:  # e.g. a student folder without read permission
            out.refused[student] = f"refused: the submission folder could not be examined ({exc})"
            continue
        if student.startswith("."):
            out.refused[student] = "refused: a student id cannot start with '.'"
        elif not stat.S_ISDIR(mode):
            out.refused[student] = f"refused: the submission folder {assignment} is {kind_of(mode)}"
        else:
            out.found[student] = folder
    return out


class TooLarge(Exception):
    pass


def read_capped(path: Path, max_bytes: int) -> bytes:
    """A regular file's bytes, never following a link; raises OSError/TooLarge with a reason."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise OSError(f"it is {kind_of(st.st_mode)}")
        if st.st_size > max_bytes:
            raise TooLarge()
        chunks, size = [], 0
        while chunk := os.read(fd, min(1 << 20, max_bytes + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > max_bytes:
                raise TooLarge()  # it grew while being read
        return b"".join(chunks)
    finally:
        os.close(fd)


@dataclass
class SubmissionFiles:
    files: dict[str, bytes] = field(default_factory=dict)
    refused: dict[str, str] = field(default_factory=dict)  # file name -> reason


def read_notebooks(
    folder: Path, expected: list[str], max_mb: int = MAX_NOTEBOOK_MB
) -> SubmissionFiles:
    """The notebooks grading needs: the expected ones, or (if one is missing) the others.

    At most ``max_mb`` MB are read per notebook and, while looking for renamed copies, in
    total, so a folder of junk notebooks costs bounded memory.
    """
    cap = max_mb * 1024 * 1024
    out = SubmissionFiles()
    names = sorted(e.name for e in os.scandir(folder) if e.name.endswith(".ipynb"))
    wanted = [n for n in names if n in expected]
    if len(wanted) < len(expected):
        wanted += [n for n in names if n not in expected and not n.startswith(".")]
    budget = cap
    for name in wanted:
        path = folder / name
        mode = os.lstat(path).st_mode
        if not stat.S_ISREG(mode):
            out.refused[name] = f"refused: {name} is {kind_of(mode)} (only regular files are read)"
            continue
        if name not in expected and os.lstat(path).st_size > budget:
            out.refused[name] = (
                f"refused: {name} was not read (the notebooks here exceed {max_mb} MB in total)"
            )
            continue
        try:
            data = read_capped(path, cap)
        except TooLarge:
            out.refused[name] = f"refused: {name} is larger than {max_mb} MB (limit)"
            continue
        except OSError as exc:
            out.refused[name] = f"refused: {name} could not be read ({exc.strerror or exc})"
            continue
        out.files[name] = data
        if name not in expected:
            budget -= len(data)
    return out


def read_timestamp(folder: Path) -> tuple[str | None, str | None]:
    """(timestamp, problem): a missing file is no problem, an unusable one is named."""
    from nbgrader.utils import parse_utc

    path = folder / "timestamp.txt"
    try:
        data = read_capped(path, MAX_TIMESTAMP_BYTES)
    except FileNotFoundError:
        return None, None
    except TooLarge:
        return None, f"timestamp.txt ignored: longer than {MAX_TIMESTAMP_BYTES} bytes"
    except OSError as exc:
        reason = str(exc) if exc.errno is None else (exc.strerror or str(exc))
        if exc.errno == errno.ELOOP:  # what O_NOFOLLOW gives for a link
            reason = "it is a symbolic link"
        return None, f"timestamp.txt ignored: {reason}"
    try:
        text = data.decode("utf-8").strip()
    except UnicodeDecodeError:
        return None, "timestamp.txt ignored: it is not UTF-8 text"
    try:
        parse_utc(text)
    except Exception:  # noqa: BLE001 - dateutil raises several types for bad dates
        return None, f"timestamp.txt ignored: {text[:40]!r} is not a valid date"
    return text, None
