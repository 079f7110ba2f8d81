"""``collect``: bring submissions into ``submitted/<student>/<assignment>/``.

Two sources:
* the nbgrader exchange (delegated to nbgrader's own ``collect``);
* an LMS bulk download (a zip), with Canvas or Moodle file naming.  The LMS user is
  mapped to a course student id through the gradebook's ``lms_user_id`` column or a
  roster CSV (columns ``lms_id,student_id``); unmapped users keep the LMS id.

Zip members are streamed to disk with a size cap (never read whole into memory), links
inside the zip are refused, and every folder on the way to ``submitted/`` is checked
with lstat, so a symbolic link planted there cannot redirect a write.
"""

from __future__ import annotations

import contextlib
import csv
import os
import re
import shutil
import stat
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from .course import Course
from .intake import MAX_NOTEBOOK_MB, kind_of

# Canvas: "<lastfirst>[_LATE]_<user id>_<submission id>_<original name>[-<n>].ipynb"
CANVAS = re.compile(r"^(?P<name>[^_/]+)_(?:LATE_)?(?P<user>\d+)_(?P<sub>\d+)_(?P<file>.+)$")
# Moodle: "<Full Name>_<participant id>_assignsubmission_file_/<original name>" (folder per
# student) or the same prefix joined to the file name.
MOODLE = re.compile(r"^(?P<name>.+?)_(?P<user>\d+)_assignsubmission_file_/?(?P<file>.+)$")


class CollectError(RuntimeError):
    pass


@dataclass
class Collected:
    student: str
    lms_id: str
    filename: str
    path: Path


@dataclass
class ZipCollection:
    """What a zip gave: the notebooks written, and members refused (name -> reason)."""

    collected: list[Collected] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)

    def __iter__(self):
        return iter(self.collected)

    def __len__(self) -> int:
        return len(self.collected)


class Refused(Exception):
    pass


def check_student_id(student: str) -> str:
    """A student id that is safe as one folder name, or Refused naming the problem."""
    if not student or student in (".", "..") or student.startswith("."):
        raise Refused(f"the student id {student!r} is empty or starts with '.'")
    if any(ch in student for ch in "/\\\0") or not student.isprintable():
        raise Refused(f"the student id {student!r} has a path separator or control character")
    return student


def _real_folder(path: Path) -> None:
    """Create ``path`` if needed; refuse it if it (or it was replaced by) anything but a folder."""
    with contextlib.suppress(FileExistsError):
        path.mkdir()
    mode = os.lstat(path).st_mode
    if not stat.S_ISDIR(mode):
        raise Refused(f"{path} is {kind_of(mode)}, not a folder")


def _target_folder(course: Course, student: str, assignment: str) -> Path:
    folder = course.root
    for part in ("submitted", student, assignment):
        folder = folder / part
        _real_folder(folder)
    return folder


def _write_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, cap: int) -> None:
    """Stream one member to ``target`` (atomically, never through a link), at most ``cap`` bytes."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".collect-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out, zf.open(info) as src:
            size = 0
            while chunk := src.read(1 << 20):
                size += len(chunk)
                if size > cap:
                    raise Refused(f"larger than {cap // (1024 * 1024)} MB unpacked (limit)")
                out.write(chunk)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _roster(course: Course, roster: Path | None) -> dict[str, str]:
    mapping: dict[str, str] = {}
    with course.gradebook() as gb:
        for s in gb.students:
            if s.lms_user_id:
                mapping[str(s.lms_user_id)] = s.id
    if roster:
        with roster.open(newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            if not reader.fieldnames or not {"lms_id", "student_id"} <= set(reader.fieldnames):
                raise CollectError(f"{roster} must have the columns lms_id and student_id")
            for row in reader:
                mapping[row["lms_id"].strip()] = row["student_id"].strip()
    return mapping


def parse_lms_name(member: str, lms: str) -> tuple[str, str] | None:
    """(lms user id, original file name) for one zip member, or None if it does not match."""
    pattern = CANVAS if lms == "canvas" else MOODLE
    name = member if lms == "moodle" else PurePosixPath(member).name
    m = pattern.match(name)
    if not m:
        return None
    filename = m.group("file")
    if lms == "canvas":
        # Canvas appends "-1", "-2" to resubmitted files: ps1-1.ipynb -> ps1.ipynb
        filename = re.sub(r"-\d+(\.ipynb)$", r"\1", filename)
    return m.group("user"), PurePosixPath(filename).name


def collect_zip(
    course: Course,
    assignment: str,
    archive: Path,
    lms: str,
    roster: Path | None = None,
    notebook: str | None = None,
    max_mb: int = MAX_NOTEBOOK_MB,
) -> ZipCollection:
    if lms not in ("canvas", "moodle"):
        raise CollectError(f"unknown LMS {lms!r}: use canvas or moodle")
    if not zipfile.is_zipfile(archive):
        raise CollectError(f"{archive} is not a zip file")
    mapping = _roster(course, roster)
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f UTC")
    got = ZipCollection()
    skipped: list[str] = []
    with zipfile.ZipFile(archive) as zf:
        for info in zf.infolist():
            if info.is_dir():
                continue
            parsed = parse_lms_name(info.filename, lms)
            if parsed is None or not parsed[1].endswith(".ipynb"):
                skipped.append(info.filename)
                continue
            lms_id, filename = parsed
            if notebook:
                filename = f"{notebook}.ipynb"
            try:
                got.collected.append(
                    _collect_member(course, zf, info, mapping.get(lms_id, lms_id), lms_id,
                                    assignment, filename, stamp, max_mb)
                )  # fmt: skip
            except (Refused, OSError) as exc:
                got.refused[info.filename] = str(exc)
    if not got.collected:
        first = ", ".join(skipped[:3]) or "none"
        refused = "; ".join(f"{k}: {v}" for k, v in list(got.refused.items())[:3])
        raise CollectError(
            f"no notebook in {archive.name} matches {lms}'s naming; first entries: {first}"
            + (f"; refused: {refused}" if refused else "")
        )
    return got


def _collect_member(course, zf, info, student, lms_id, assignment, filename, stamp, max_mb):
    if stat.S_ISLNK(info.external_attr >> 16):
        raise Refused("it is a symbolic link inside the zip")
    if info.file_size > max_mb * 1024 * 1024:
        raise Refused(f"larger than {max_mb} MB unpacked (limit)")
    check_student_id(student)
    if filename.startswith(".") or "/" in filename:
        raise Refused(f"the file name {filename!r} is not a plain notebook name")
    folder = _target_folder(course, student, assignment)
    target = folder / filename
    _write_member(zf, info, target, max_mb * 1024 * 1024)
    from .journal import atomic_write

    atomic_write(folder / "timestamp.txt", stamp.encode())
    return Collected(student, lms_id, filename, target)


def _unsafe_entries(src: str) -> bool:
    """True if the tree at ``src`` is a link or holds a link or a special file."""
    if os.path.islink(src):
        return True
    for folder, dirs, files in os.walk(src):
        for name in dirs + files:
            mode = os.lstat(os.path.join(folder, name)).st_mode
            if not (stat.S_ISDIR(mode) or stat.S_ISREG(mode)):
                return True
    return False


def _copy_as_it_is(src: str, dst: str) -> None:
    """copytree's copy function: regular files copied, a named pipe made again, never read."""
    mode = os.lstat(src).st_mode
    if stat.S_ISREG(mode):
        shutil.copy2(src, dst)
    elif stat.S_ISFIFO(mode):
        os.mkfifo(dst)  # grade refuses it by name, as it would the original


def safe_exchange_collect():
    """nbgrader's exchange collect, except that links are never followed.

    nbgrader copies an inbound submission with ``shutil.copytree``, which copies what a
    link points to: a link planted in the exchange to the instructor's source notebook
    would arrive as a regular file.  Here a link (or a tree holding links or pipes) is
    copied as links and pipes, so ``grade`` refuses it by name.
    """
    from nbgrader.exchange.default.collect import ExchangeCollect

    class SafeExchangeCollect(ExchangeCollect):
        def do_copy(self, src, dest, log=None):
            if not _unsafe_entries(src):
                return super().do_copy(src, dest, log)
            if os.path.islink(src):
                os.symlink(os.readlink(src), dest)
                return None
            shutil.copytree(src, dest, symlinks=True, copy_function=_copy_as_it_is)
            return None

    return SafeExchangeCollect


def collect_exchange(course: Course, assignment: str) -> None:
    """Run nbgrader's own exchange collect for this course (links copied, never followed)."""
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config import Config

    config = Config()
    config.ExchangeFactory.collect = safe_exchange_collect()
    config.CourseDirectory.root = str(course.root)
    config.CourseDirectory.course_id = course.course_id
    if course.exchange_root:
        config.Exchange.root = course.exchange_root
    api = NbGraderAPI(CourseDirectory(config=config), config=config)
    result = api.collect(assignment)
    if not result.get("success"):
        raise CollectError(f"nbgrader collect failed: {result.get('error') or result.get('log')}")
