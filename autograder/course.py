"""Where a course lives: its root folder, gradebook URL, the grader's journal and the
sandbox policy that follows from its declaration (``grading.toml``, see ``declaration.py``).

Nothing here knows a particular course: what to preload, hide, bind back read-only and
pass to student code comes from the course's declaration; the engine adds only its own
rules (the course folder, this package, the journal and a SQLite gradebook are hidden).
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, replace
from pathlib import Path

from .declaration import CourseError, Declaration

REPO_ROOT = Path(__file__).resolve().parent.parent
ENGINE = Path(__file__).resolve().parent  # hidden from student code whatever the course
# The engine's own test suite holds fixture courses with their hidden tests in plain text;
# a course graded from this checkout must not be able to read them either.
ENGINE_TESTS = ENGINE.parent / "tests"

__all__ = ["Course", "CourseError", "REPO_ROOT"]


@dataclass
class Course:
    root: Path
    db_url: str
    course_id: str
    exchange_root: str | None = None
    declaration: Declaration = None  # type: ignore[assignment]  # read from root if not given

    def __post_init__(self) -> None:
        if self.declaration is None:
            self.declaration = Declaration.read(self.root)

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
        declaration = Declaration.read(root)
        return cls(root, url, course_id, exchange, declaration)

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
        """Paths the student process must not see: the engine's, then the course's own."""
        declared = self.declaration
        paths = [
            self.root,
            ENGINE,
            ENGINE_TESTS,
            self.journal_dir,
            *declared.import_path,
            *declared.hide,
        ]
        if self.db_url.startswith("sqlite:///"):
            paths.append(Path(self.db_url[len("sqlite:///") :]).resolve().parent)
        paths.extend(Path(p) for p in extra)
        unique = []
        for p in sorted({p.resolve() for p in paths if p.exists()}, key=lambda p: len(p.parts)):
            if not any(p == q or q in p.parents for q in unique):
                unique.append(p)
        return tuple(str(p) for p in unique)

    def readable_paths(self, env: tuple[tuple[str, str], ...] = ()) -> tuple[str, ...]:
        """What student code may read although the sandbox hides where it lives: the folders
        the course declares readable, and every folder named by an environment value."""
        paths = list(self.declaration.readable)
        paths.extend(Path(v) for _, v in env if os.path.isabs(v) and Path(v).is_dir())
        return tuple(dict.fromkeys(str(p.resolve()) for p in paths if p.exists()))

    def sandbox_limits(self, limits, extra_hidden: tuple[str, ...] = ()):
        """``limits`` completed with this course's hidden and readable paths and environment."""
        env = self.declaration.environment_pairs()
        return replace(
            limits,
            hide=self.hidden_paths(extra_hidden + tuple(limits.hide)),
            readable=self.readable_paths(env) + tuple(limits.readable),
            env=env + tuple(limits.env),
        )

    def gradebook(self):
        from nbgrader.api import Gradebook

        return Gradebook(self.db_url, course_id=self.course_id)
