"""Where the project's datasets live and what the registry says about each one.

The top-level ``datasets/`` folder of a clone holds the registry, one folder per
dataset (data file, ``schema.yaml``, ``datasheet.md``) and the generators. A wheel
ships the same folder as ``globalsourcing/_datasets``; both layouts are found here.
"""

from __future__ import annotations

import difflib
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from globalsourcing.data.errors import DatasetError

REGISTRY_FILE = "registry.yaml"
KINDS = ("external", "curated", "synthetic")


def datasets_root() -> Path:
    """Return the folder holding ``registry.yaml`` (wheel layout first, then a clone)."""
    return find_datasets_root(Path(__file__).resolve().parent.parent)


def find_datasets_root(package_dir: Path) -> Path:
    """``<package>/_datasets`` in an installed wheel, ``<package>/../datasets`` in a clone."""
    for candidate in (package_dir / "_datasets", package_dir.parent / "datasets"):
        if (candidate / REGISTRY_FILE).is_file():
            return candidate
    raise DatasetError(
        "(registry)",
        f"no {REGISTRY_FILE} in {package_dir / '_datasets'} or {package_dir.parent / 'datasets'}",
        "reinstall globalsourcing (pip install --force-reinstall globalsourcing), "
        "or run from a full clone of the repository",
    )


@dataclass(frozen=True)
class DatasetSpec:
    """One registry entry, as read from ``datasets/registry.yaml``."""

    name: str
    title: str
    kind: str
    summary: str
    licence: str
    licence_url: str
    citation: str
    folder: Path
    file: str | None = None
    sha256: str | None = None
    bibkeys: tuple[str, ...] = ()
    mirror: dict[str, Any] = field(default_factory=dict)
    source: dict[str, Any] = field(default_factory=dict)

    @property
    def path(self) -> Path | None:
        """The committed data file (curated and synthetic datasets only)."""
        return self.folder / self.file if self.file else None

    @property
    def schema_path(self) -> Path:
        return self.folder / "schema.yaml"

    @property
    def datasheet_path(self) -> Path:
        return self.folder / "datasheet.md"

    @property
    def synthetic(self) -> bool:
        return self.kind == "synthetic"


@functools.cache
def _read_registry(root: Path) -> dict[str, DatasetSpec]:
    import yaml

    raw = yaml.safe_load((root / REGISTRY_FILE).read_text(encoding="utf-8"))
    specs: dict[str, DatasetSpec] = {}
    for name, entry in raw["datasets"].items():
        if entry["kind"] not in KINDS:
            raise DatasetError(
                name,
                f"registry kind {entry['kind']!r} is not one of {KINDS}",
                f"correct the entry in {root / REGISTRY_FILE}",
            )
        specs[name] = DatasetSpec(
            name=name,
            title=entry["title"],
            kind=entry["kind"],
            summary=entry["summary"],
            licence=entry["licence"],
            licence_url=entry["licence_url"],
            citation=entry["citation"],
            folder=root / name,
            file=entry.get("file"),
            sha256=entry.get("sha256"),
            bibkeys=tuple(entry.get("bibkeys", ())),
            mirror=entry.get("mirror", {}),
            source=entry.get("source", {}),
        )
    return specs


def registry() -> dict[str, DatasetSpec]:
    """Every registered dataset, in registry order."""
    return _read_registry(datasets_root())


def get_spec(name: str) -> DatasetSpec:
    """Look a dataset up by name; an unknown name suggests the closest valid ones."""
    specs = registry()
    if not isinstance(name, str):
        raise DatasetError(
            repr(name), "a dataset name must be a string", f"pass one of: {', '.join(specs)}"
        )
    if name in specs:
        return specs[name]
    close = difflib.get_close_matches(name, specs, n=3, cutoff=0.5)
    hint = f"did you mean {' or '.join(repr(c) for c in close)}? " if close else ""
    raise DatasetError(
        name,
        "no dataset of that name is registered",
        f"{hint}valid names: {', '.join(specs)} (see globalsourcing.data.list_datasets())",
    )
