"""What a course tells the grading engine: its ``grading.toml``, read and checked here.

The engine (everything in ``autograder/``) knows no course. A course folder may hold one
file, ``grading.toml``, that names what the engine needs to grade it:

``format``        1 (required): the version of this format.
``root``          the folder the paths below are relative to, itself relative to the
                  file's folder (default ``"."``, the course folder) or absolute.
``root_env``      an environment variable that, when set, names ``root`` instead (a copy
                  of the course folder elsewhere still finds its repository).
``import_path``   folders the grader imports from (after every other place), so that
                  the test cells' imports of the hidden tests and the ``environment``
                  hook work; they are hidden from student code.
``hidden_tests``  the package of hidden tests the test cells import (for the
                  ``autograder.hidden`` compatibility alias of released notebooks).
``preload``       modules the fork server imports once, before any submission is read;
                  ``"package.*"`` stands for every module of the package.  The checker
                  may also import these packages for a student value that is a module.
``preload_for``   a table of assignment name -> more modules to preload when grading that
                  assignment only (a library its answers commonly import, too slow to
                  import in every student process and not worth it for the others).
``safe_messages`` modules whose exception messages are written for students: a failed
                  hidden test from one of them shows its message (``--hidden-messages auto``).
``hide``          paths student code must not see, on top of those the engine always
                  hides (the course folder, the engine and its test suite, the journal,
                  a SQLite gradebook).
``readable``      folders student code may read although the sandbox covers where they
                  live; never one that holds a hidden path.
``environment``   ``"module:function"``: the engine calls it (in the grader, before any
                  submission) for the ``(name, value)`` pairs student code gets in its
                  otherwise empty environment; a value that is an absolute path to a
                  folder is bound back read-only too.

A course without the file is graded with none of these: no preload, nothing hidden or
readable beyond the engine's own rules, no environment.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import importlib.util
import os
import pkgutil
import re
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FILE = "grading.toml"
FORMAT = 1
_DOTTED = re.compile(r"^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$")
_PRELOAD = re.compile(r"^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*(\.\*)?$")
_HOOK = re.compile(r"^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*:[A-Za-z_]\w*$")
_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_LISTS = ("import_path", "preload", "safe_messages", "hide", "readable")
_STRINGS = ("root", "root_env", "hidden_tests", "environment")


class _CourseImports:
    """Finds top-level modules in a course's ``import_path`` folders (a meta path finder)."""

    def __init__(self, folders: tuple[str, ...]):
        self.folders = folders

    def find_spec(self, name: str, path=None, target=None):
        if path is not None:  # a submodule: its package's own __path__ finds it
            return None
        return importlib.machinery.PathFinder.find_spec(name, list(self.folders))


class CourseError(RuntimeError):
    """The course cannot be graded as it is (a missing folder, a wrong declaration...)."""


@dataclass(frozen=True)
class Declaration:
    """A course's ``grading.toml``, checked, with its paths resolved."""

    source: Path | None
    root: Path
    import_path: tuple[Path, ...] = ()
    hidden_tests: str | None = None
    preload: tuple[str, ...] = ()
    preload_for: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (assignment, modules)
    safe_messages: tuple[str, ...] = ()
    hide: tuple[Path, ...] = ()
    readable: tuple[Path, ...] = ()
    environment: str | None = None

    @classmethod
    def read(cls, course_root: Path) -> Declaration:
        """The declaration in ``course_root``, or an empty one when the course has none."""
        path = Path(course_root) / FILE
        if not path.is_file():
            return cls(source=None, root=Path(course_root))
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise CourseError(f"{path}: cannot be read as TOML ({exc})") from None
        return cls.from_dict(data, path)

    @classmethod
    def from_dict(cls, data: dict[str, Any], path: Path) -> Declaration:
        def bad(problem: str) -> CourseError:
            return CourseError(f"{path}: {problem} (see docs/grading.md, 'The course declaration')")

        known = {"format", "preload_for", *_LISTS, *_STRINGS}
        unknown = sorted(set(data) - known)
        if unknown:
            raise bad(f"unknown key(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        if data.get("format") != FORMAT:
            raise bad(f"'format' must be {FORMAT}, not {data.get('format')!r}")
        for key in _STRINGS:
            if key in data and not isinstance(data[key], str):
                raise bad(f"'{key}' must be a string")
        for key in _LISTS:
            value = data.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                raise bad(f"'{key}' must be a list of non-empty strings")
        for key, pattern, what in (
            ("preload", _PRELOAD, "a module name, or a package name followed by .*"),
            ("safe_messages", _DOTTED, "a module name"),
        ):
            for name in data.get(key, []):
                if not pattern.match(name):
                    raise bad(f"'{key}' entry {name!r} is not {what}")
        preload_for = data.get("preload_for", {})
        if not isinstance(preload_for, dict):
            raise bad("'preload_for' must be a table of assignment = [modules]")
        for assignment, names in preload_for.items():
            if not isinstance(names, list) or not all(isinstance(v, str) and v for v in names):
                raise bad(f"'preload_for.{assignment}' must be a list of non-empty strings")
            for name in names:
                if not _PRELOAD.match(name):
                    raise bad(
                        f"'preload_for.{assignment}' entry {name!r} is not a module name, "
                        "or a package name followed by .*"
                    )
        if "hidden_tests" in data and not _DOTTED.match(data["hidden_tests"]):
            raise bad(f"'hidden_tests' {data['hidden_tests']!r} is not a package name")
        if "environment" in data and not _HOOK.match(data["environment"]):
            raise bad(f"'environment' {data['environment']!r} is not 'module:function'")
        if "root_env" in data and not _ENV_NAME.match(data["root_env"]):
            raise bad(f"'root_env' {data['root_env']!r} is not an environment variable name")

        override = os.environ.get(data["root_env"], "").strip() if "root_env" in data else ""
        root = Path(override) if override else path.parent / data.get("root", ".")
        root = root.expanduser().resolve()
        if not root.is_dir():
            raise bad(f"the root folder {root} does not exist")

        def paths(key: str, must_exist: bool) -> tuple[Path, ...]:
            out = []
            for entry in data.get(key, []):
                if Path(entry).is_absolute():
                    raise bad(f"'{key}' entry {entry!r} must be relative to the root folder")
                resolved = (root / entry).resolve()
                if must_exist and not resolved.is_dir():
                    where = (
                        f" (set {data['root_env']} to the right one)" if "root_env" in data else ""
                    )
                    raise bad(
                        f"'{key}' entry {entry!r}: no folder {resolved} under root {root}{where}"
                    )
                out.append(resolved)
            return tuple(out)

        return cls(
            source=path,
            root=root,
            import_path=paths("import_path", must_exist=True),
            hidden_tests=data.get("hidden_tests"),
            preload=tuple(data.get("preload", [])),
            preload_for=tuple((a, tuple(names)) for a, names in sorted(preload_for.items())),
            safe_messages=tuple(data.get("safe_messages", [])),
            hide=paths("hide", must_exist=False),
            readable=paths("readable", must_exist=True),
            environment=data.get("environment"),
        )

    # -- what the engine asks of it ------------------------------------------------------
    def enable_imports(self) -> None:
        """Let this process import from the declared folders, after every other place.

        Not through ``sys.path``: student processes start with the grader's ``sys.path``,
        and the sandbox binds back read-only what is on it, hidden tests included.
        """
        folders = tuple(str(f) for f in self.import_path)
        if folders and not any(
            isinstance(f, _CourseImports) and f.folders == folders for f in sys.meta_path
        ):
            sys.meta_path.append(_CourseImports(folders))

    def preload_modules(self, assignment: str | None = None) -> list[str]:
        """The preload list (and ``assignment``'s own) with every ``package.*`` spelled out."""
        names: list[str] = []
        for entry in self.preload + dict(self.preload_for).get(assignment, ()):
            if not entry.endswith(".*"):
                names.append(entry)
                continue
            package = entry[:-2]
            self.enable_imports()
            try:
                spec = importlib.util.find_spec(package)
            except ImportError:
                spec = None
            if spec is None or not spec.submodule_search_locations:
                raise CourseError(f"{self.source}: preload {entry!r}: no package {package!r}")
            found = pkgutil.iter_modules(spec.submodule_search_locations)
            names.append(package)
            names.extend(f"{package}.{m.name}" for m in sorted(found, key=lambda m: m.name))
        return list(dict.fromkeys(names))

    def checker_modules(self) -> frozenset[str]:
        """Top-level packages the checker may import for a student value that is a module."""
        extra = (name for _, names in self.preload_for for name in names)
        return frozenset(name.split(".")[0] for name in (*self.preload, *extra))

    def environment_pairs(self) -> tuple[tuple[str, str], ...]:
        """The ``(name, value)`` pairs student code gets, from the course's hook."""
        if not self.environment:
            return ()
        module_name, function = self.environment.split(":")
        self.enable_imports()
        try:
            hook = getattr(importlib.import_module(module_name), function)
            pairs = hook()
        except Exception as exc:  # noqa: BLE001 - whatever the hook raised, the run cannot start
            raise CourseError(
                f"the course's environment hook {self.environment} failed: {exc}"
            ) from None
        checked = []
        for pair in pairs:
            if (
                not isinstance(pair, tuple | list)
                or len(pair) != 2
                or not all(isinstance(v, str) for v in pair)
                or not _ENV_NAME.match(pair[0])
            ):
                raise CourseError(
                    f"the course's environment hook {self.environment} returned {pair!r}, "
                    "not a (name, value) pair of strings"
                )
            checked.append((pair[0], pair[1]))
        return tuple(checked)

    def hidden_module(self, name: str):
        """The hidden-test module ``name`` of this course (imported on first use)."""
        if not self.hidden_tests:
            raise CourseError(f"{self.source or self.root}: the course declares no hidden_tests")
        self.enable_imports()
        return importlib.import_module(f"{self.hidden_tests}.{name}")
