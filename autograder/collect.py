"""``collect``: bring submissions into ``submitted/<student>/<assignment>/``.

Two sources:
* the nbgrader exchange (delegated to nbgrader's own ``collect``);
* an LMS bulk download (a zip), with Canvas or Moodle file naming.  The LMS user is
  mapped to a course student id through the gradebook's ``lms_user_id`` column or a
  roster CSV (columns ``lms_id,student_id``); unmapped users keep the LMS id.
"""

from __future__ import annotations

import csv
import re
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from .course import Course

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
) -> list[Collected]:
    if lms not in ("canvas", "moodle"):
        raise CollectError(f"unknown LMS {lms!r}: use canvas or moodle")
    if not zipfile.is_zipfile(archive):
        raise CollectError(f"{archive} is not a zip file")
    mapping = _roster(course, roster)
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f UTC")
    collected: list[Collected] = []
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
            student = mapping.get(lms_id, lms_id)
            if notebook:
                filename = f"{notebook}.ipynb"
            target = course.root / "submitted" / student / assignment / filename
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(zf.read(info))
            (target.parent / "timestamp.txt").write_text(stamp)
            collected.append(Collected(student, lms_id, filename, target))
    if not collected:
        raise CollectError(
            f"no notebook in {archive.name} matches {lms}'s naming; first entries: {', '.join(skipped[:3]) or 'none'}"
        )
    return collected


def collect_exchange(course: Course, assignment: str) -> None:
    """Run nbgrader's own exchange collect for this course."""
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config import Config

    config = Config()
    config.CourseDirectory.root = str(course.root)
    config.CourseDirectory.course_id = course.course_id
    if course.exchange_root:
        config.Exchange.root = course.exchange_root
    api = NbGraderAPI(CourseDirectory(config=config), config=config)
    result = api.collect(assignment)
    if not result.get("success"):
        raise CollectError(f"nbgrader collect failed: {result.get('error') or result.get('log')}")
