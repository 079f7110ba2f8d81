"""Where a course lives: its root folder, gradebook URL and the grader's journal."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def data_env() -> tuple[tuple[str, str], ...]:
    """Where the setup cells find the course data, as the sandbox must see it.

    The sandbox clears the environment and moves HOME, so the offline mirror
    (GLOBALSOURCING_DATA_DIR) and the user cache that downloads went to are named
    explicitly, resolved, and bound back read-only. No network there, so never download.
    """
    from globalsourcing.data import download

    env = []
    mirror = download.mirror_dir()
    if mirror is not None:
        if not mirror.is_dir():
            raise CourseError(
                f"{download.DATA_DIR_ENV} points at {mirror}, which is not a folder; "
                "the setup cells could not load the course data"
            )
        env.append((download.DATA_DIR_ENV, str(mirror.resolve())))
    env.append((download.CACHE_DIR_ENV, str(download.cache_dir().resolve())))
    env.append((download.OFFLINE_ENV, "1"))
    return tuple(env)


class CourseError(RuntimeError):
    pass


@dataclass
class Course:
    root: Path
    db_url: str
    course_id: str
    exchange_root: str | None = None

    @classmethod
    def load(cls, root: str | Path = ".", db_url: str | None = None) -> Course:
        """Read ``nbgrader_config.py`` in ``root`` (the keys nbgrader itself uses)."""
        root = Path(root).resolve()
        if not root.is_dir():
            raise CourseError(f"course folder {root} does not exist")
        config_path = root / "nbgrader_config.py"
        course_id, url, exchange = "default_course", None, None
        if config_path.exists():
            from traitlets.config.loader import PyFileConfigLoader

            cfg = PyFileConfigLoader(config_path.name, path=str(root)).load_config()
            course_id = cfg.CourseDirectory.get("course_id", course_id)
            url = cfg.CourseDirectory.get("db_url", None)
            exchange = cfg.Exchange.get("root", None)
            configured_root = cfg.CourseDirectory.get("root", None)
            if configured_root and Path(configured_root).resolve() != root:
                root = Path(configured_root).resolve()
        elif not (root / "source").is_dir():
            raise CourseError(
                f"{root} is not an nbgrader course folder (no nbgrader_config.py and no source/). "
                "Pass --course PATH."
            )
        url = db_url or url or f"sqlite:///{root / 'gradebook.db'}"
        return cls(root=root, db_url=url, course_id=course_id, exchange_root=exchange)

    @property
    def journal_dir(self) -> Path:
        return self.root / ".autograder"

    def submitted(self, assignment: str, students: list[str] | None = None) -> dict[str, Path]:
        base = self.root / "submitted"
        found = {}
        if base.is_dir():
            for folder in sorted(base.glob(f"*/{assignment}")):
                student = folder.parent.name
                if folder.is_dir() and (
                    not students or any(fnmatch.fnmatch(student, p) for p in students)
                ):
                    found[student] = folder
        return found

    def hidden_paths(self, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
        """Paths the student process must not see: the course, hidden tests, the journal."""
        paths = [self.root, REPO_ROOT / "autograder", REPO_ROOT / "exercises", REPO_ROOT / "tests",
                 REPO_ROOT / "instructor", REPO_ROOT / ".git", self.journal_dir]  # fmt: skip
        if self.db_url.startswith("sqlite:///"):
            paths.append(Path(self.db_url[len("sqlite:///") :]).resolve().parent)
        paths.extend(Path(p) for p in extra)
        unique = []
        for p in sorted({p.resolve() for p in paths if p.exists()}, key=lambda p: len(p.parts)):
            if not any(p == q or q in p.parents for q in unique):
                unique.append(p)
        return tuple(str(p) for p in unique)

    def readable_paths(self) -> tuple[str, ...]:
        """What student code may read although the sandbox hides where it lives."""
        paths = [REPO_ROOT / name for name in ("globalsourcing", "datasets", "book")]
        paths.extend(Path(value) for _, value in data_env())
        return tuple(str(p.resolve()) for p in paths if p.exists())

    def sandbox_limits(self, limits, extra_hidden: tuple[str, ...] = ()):
        """``limits`` completed with this course's hidden and readable paths and data env."""
        from dataclasses import replace

        return replace(
            limits,
            hide=self.hidden_paths(extra_hidden + tuple(limits.hide)),
            readable=self.readable_paths() + tuple(limits.readable),
            env=data_env() + tuple(limits.env),
        )

    def gradebook(self):
        from nbgrader.api import Gradebook

        return Gradebook(self.db_url, course_id=self.course_id)
