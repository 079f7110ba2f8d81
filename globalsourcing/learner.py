"""Self-study materials for a pip-installed learner: exercise notebooks and chapters.

The wheel ships the self-study copies of the exercises (solutions replaced by stubs, hidden
tests removed: what nbgrader releases) and the chapters as MyST Markdown. ``copy_materials``
writes them as notebooks into a folder the learner chooses, and never overwrites the
learner's own work: when a file is already there, the fresh copy is written beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


_GROUPS = ("all", "exercises", "chapters")


class MaterialsError(ValueError):
    """A name that is no exercise or chapter, or materials missing from the installation."""


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise MaterialsError(
        f"the course materials are missing (looked in {', '.join(map(str, candidates))}); "
        "reinstall with: pip install --force-reinstall globalsourcing"
    )


def exercises_root() -> Path:
    """``_exercises`` inside an installed wheel, ``exercises/selfstudy`` in a clone."""
    return _first_existing(_PACKAGE / "_exercises", _PACKAGE.parent / "exercises" / "selfstudy")


def book_root() -> Path:
    """``_book`` inside an installed wheel, ``book`` in a clone."""
    return _first_existing(_PACKAGE / "_book", _PACKAGE.parent / "book")


def exercises() -> dict[str, Path]:
    """Every self-study exercise notebook, by assignment name (``ps1_market``...)."""
    return {p.stem: p for p in sorted(exercises_root().glob("*.ipynb"))}


def chapters() -> dict[str, Path]:
    """Every chapter, by its path in the book without suffix (``lessons/01-joint-decisions``)."""
    root = book_root()
    found = {}
    for path in sorted(root.rglob("*.md")):
        name = path.relative_to(root).with_suffix("").as_posix()
        found[name] = path
    return found


@dataclass(frozen=True)
class Written:
    """One file written: where, and the learner's file it was written beside (if any)."""

    name: str
    path: Path
    kept: Path | None = None

    def __str__(self) -> str:
        if self.kept is None:
            return f"wrote {self.path}"
        return f"kept your {self.kept.name}; wrote the fresh copy beside it as {self.path.name}"


def resolve(names: list[str] | tuple[str, ...]) -> list[tuple[str, str, Path]]:
    """Turn names into (kind, name, source) triples; raise with the valid names otherwise.

    A name is ``all``, ``exercises``, ``chapters``, an exercise (``ps1_market``), a part of
    the book (``lessons``) or one chapter (``lessons/01-joint-decisions``).
    """
    ex, ch = exercises(), chapters()
    chosen: dict[tuple[str, str], Path] = {}
    for raw in names or ("all",):
        name = raw.strip().removesuffix(".ipynb").removesuffix(".md").strip("/")
        hits: list[tuple[str, str, Path]] = []
        if name in ("all", "exercises"):
            hits += [("exercise", n, p) for n, p in ex.items()]
        if name in ("all", "chapters"):
            hits += [("chapter", n, p) for n, p in ch.items()]
        if name in ex:
            hits.append(("exercise", name, ex[name]))
        if name not in _GROUPS:
            hits += [
                ("chapter", n, p) for n, p in ch.items() if n == name or n.startswith(f"{name}/")
            ]
        if not hits:
            parts = sorted({n.split("/")[0] for n in ch})
            raise MaterialsError(
                f"no exercise or chapter called {raw!r}. Exercises: {', '.join(ex)}. "
                f"Parts of the book: {', '.join(parts)} (or one chapter such as "
                f"{next(iter(ch))!r}). 'all', 'exercises' and 'chapters' pick groups."
            )
        for kind, n, p in hits:
            chosen[(kind, n)] = p
    return [(kind, n, p) for (kind, n), p in chosen.items()]


def _free_path(target: Path) -> tuple[Path, Path | None]:
    """The target itself if free, else the first free ``<stem>.new[N].ipynb`` beside it."""
    if not target.exists():
        return target, None
    for n in range(1, 1000):
        suffix = ".new" if n == 1 else f".new{n}"
        candidate = target.with_name(f"{target.stem}{suffix}{target.suffix}")
        if not candidate.exists():
            return candidate, target
    raise MaterialsError(f"{target.parent} already holds 999 fresh copies of {target.name}")


def _chapter_notebook(source: Path):
    try:
        import jupytext
    except ImportError:
        raise MaterialsError(
            "chapters are converted to notebooks with jupytext, which is not installed: "
            "pip install 'globalsourcing[lab]'"
        ) from None
    return jupytext.read(source)


def copy_materials(names: list[str] | tuple[str, ...], to: str | Path) -> list[Written]:
    """Write the named exercises and chapters as notebooks under ``to``; return what was written.

    Exercises go to ``to/exercises/<name>.ipynb`` and chapters to
    ``to/chapters/<part>/<chapter>.ipynb``. An existing file is never replaced.
    """
    import nbformat

    destination = Path(to).expanduser()
    if destination.exists() and not destination.is_dir():
        raise MaterialsError(f"{destination} exists and is not a folder; choose another --to")
    written = []
    for kind, name, source in resolve(names):
        if kind == "exercise":
            notebook = nbformat.read(source, as_version=4)
            target = destination / "exercises" / f"{name}.ipynb"
        else:
            notebook = _chapter_notebook(source)
            target = destination / "chapters" / f"{name}.ipynb"
        target.parent.mkdir(parents=True, exist_ok=True)
        path, kept = _free_path(target)
        # "x" mode: even a file that appeared since the check above is never overwritten.
        with open(path, "x", encoding="utf-8") as handle:
            nbformat.write(notebook, handle)
        written.append(Written(name, path, kept))
    return written
