"""The public verbs: list_datasets, load, datasheet, cite (and download_series)."""

from __future__ import annotations

import datetime as _dt
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from globalsourcing.data import download
from globalsourcing.data.errors import DatasetError
from globalsourcing.data.registry import DatasetSpec, get_spec, registry
from globalsourcing.data.schemas import read_schema, validate
from globalsourcing.text import MarkdownText

_MEMO: dict[tuple, object] = {}
_LOCK = threading.Lock()
_READS = threading.local()  # .open: the read logs of track_reads() open in this thread


def list_datasets():
    """One row per dataset: name, kind, title, licence and a one-line summary."""
    import pandas as pd

    rows = [
        {
            "name": s.name,
            "kind": s.kind,
            "title": s.title,
            "licence": s.licence,
            "summary": s.summary,
        }
        for s in registry().values()
    ]
    return pd.DataFrame(rows).astype("string")


def cite(name: str) -> MarkdownText:
    """The citation and licence to give when using a dataset (Markdown in Jupyter)."""
    spec = get_spec(name)
    lines = [spec.citation.strip(), f"Licence: {spec.licence} ({spec.licence_url})"]
    if spec.synthetic:
        lines.append("This dataset is SYNTHETIC: its numbers are generated, not observed.")
    return MarkdownText("\n\n".join(lines))


def datasheet(name: str, *, title: bool = True) -> MarkdownText:
    """The dataset's datasheet as Markdown, ending with its column dictionary.

    Jupyter renders it as a formatted page; ``print()`` and the REPL show the text.

    ``title=False`` drops the leading ``# ...`` line, for pages that give their own title.
    """
    spec = get_spec(name)
    if not spec.datasheet_path.is_file():
        raise DatasetError(
            name,
            f"the datasheet {spec.datasheet_path} is missing",
            "restore datasets/<name>/datasheet.md from the repository",
        )
    text = spec.datasheet_path.read_text(encoding="utf-8").rstrip()
    if not title and text.startswith("# "):
        text = text.split("\n", 1)[1].lstrip("\n") if "\n" in text else ""
    schema = read_schema(name, spec.schema_path)
    return MarkdownText(
        f"{text}\n\n## Columns\n\n{schema.to_markdown()}\n\n"
        f"## Licence and citation\n\n{spec.licence} ({spec.licence_url}).\n\n"
        f"Cite as: {spec.citation.strip()}\n"
    )


def load(name: str, *, refresh: bool = False):
    """Return the named dataset as a validated pandas DataFrame.

    Curated and synthetic datasets are read from the files committed with the
    package. The World Bank and UNCTAD series come from the offline mirror named
    by GLOBALSOURCING_DATA_DIR when it is set, otherwise from the user cache,
    downloading from the publisher on first use (``refresh=True`` downloads again).
    Any problem raises DatasetError; nothing returns partial data.
    """
    spec = get_spec(name)
    if spec.kind == "external":
        path, expected = _external_file(spec, refresh=refresh)
    else:
        path, expected = spec.path, spec.sha256
        if path is None or not path.is_file():
            raise DatasetError(
                name,
                f"the data file {path} is missing",
                "reinstall globalsourcing or restore datasets/ from the repository",
            )
    identity = _identity(path, expected)
    frame = _read_verified(spec, path, identity).copy()
    note_reads({name: identity})
    return frame


def version(name: str) -> tuple | None:
    """The identity of the file ``load(name)`` would read now, or None when there is none.

    The same identity that ``load`` memoises its parsed frame on: the file's path, its
    modification time in nanoseconds, its size and the checksum it must have. It changes
    when a test or an instructor points GLOBALSOURCING_DATA_DIR elsewhere, edits or
    replaces the file, or downloads the series again. Cheap (one ``stat``); it never
    downloads, reads or checks the file, and a series that is not there yet gives None.
    """
    spec = get_spec(name)
    try:
        if spec.kind == "external":
            path, expected = _located_external_file(spec)
        else:
            path, expected = spec.path, spec.sha256
        return None if path is None else _identity(path, expected)
    except (OSError, DatasetError):
        return None


@contextmanager
def track_reads() -> Iterator[dict[str, tuple]]:
    """Log, while open, the identity of every dataset ``load`` reads in this thread.

    Yields a dict {dataset name: identity as given by :func:`version`} that fills as
    datasets are loaded; logs opened inside each other all receive each read, so a
    cached result built from other cached results still knows every file behind it.
    """
    logs = _READS.__dict__.setdefault("open", [])
    log: dict[str, tuple] = {}
    logs.append(log)
    try:
        yield log
    finally:
        logs.remove(log)


def note_reads(reads: Mapping[str, tuple]) -> None:
    """Record reads in every log open in this thread (a cache that serves a result built
    from these datasets without loading them calls this, as ``load`` does)."""
    for log in getattr(_READS, "open", ()):
        log.update(reads)


def download_series(name: str, *, base_url: str | None = None, cache: Path | None = None) -> Path:
    """Download an external series from its publisher into the cache; return the file.

    ``base_url`` replaces the publisher's address (tests point it at 127.0.0.1).
    """
    spec = get_spec(name)
    if spec.kind != "external":
        raise DatasetError(
            name, "it ships with the package and is never downloaded", "call load(name) directly"
        )
    directory = cache or download.cache_dir()
    directory.mkdir(parents=True, exist_ok=True)
    frame = _build_external(spec, directory, base_url)
    schema = read_schema(name, spec.schema_path)
    validate(frame, schema, "the downloaded series")
    target = directory / f"{name}.csv"
    note = {
        "dataset": name,
        "publisher": spec.source.get("publisher", ""),
        "base_url": _source_base_url(spec, base_url),
        "retrieved_at": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
    }
    download.install_atomically(lambda p: frame.to_csv(p, index=False), target, name, note)
    return target


def _source_base_url(spec: DatasetSpec, override: str | None) -> str:
    if spec.source["type"] == "worldbank_api":
        from globalsourcing.data import worldbank

        return worldbank.base_url(override)
    from globalsourcing.data import unctad

    return unctad.base_url(override)


def _build_external(spec: DatasetSpec, directory: Path, base_url: str | None):
    if spec.source["type"] == "worldbank_api":
        from globalsourcing.data import worldbank

        return worldbank.build_panel(spec.name, spec.source, directory, base_url)
    if spec.source["type"] == "unctad_bulk":
        from globalsourcing.data import unctad

        return unctad.build_services(spec.name, spec.source, spec.folder, directory, base_url)
    raise DatasetError(
        spec.name, f"unknown source type {spec.source['type']!r}", "correct datasets/registry.yaml"
    )


def _located_external_file(spec: DatasetSpec) -> tuple[Path, str]:
    """The file and checksum ``load`` reads for an external series, without downloading it.

    Raises DatasetError when the mirror lacks the file or the cache has no readable manifest.
    """
    mirror = download.mirror_dir()
    if mirror is not None:
        return mirror / spec.mirror["file"], spec.mirror["sha256"]
    target = download.cache_dir() / f"{spec.name}.csv"
    manifest = download.read_manifest(target)
    if manifest is None or "sha256" not in manifest:
        raise DatasetError(spec.name, f"{target} has no readable manifest", "load it first")
    return target, manifest["sha256"]


def _external_file(spec: DatasetSpec, *, refresh: bool) -> tuple[Path, str]:
    """Locate the file to read for an external series and the SHA-256 it must have."""
    mirror = download.mirror_dir()
    if mirror is not None:
        path = mirror / spec.mirror["file"]
        if not path.is_file():
            raise DatasetError(
                spec.name,
                f"{download.DATA_DIR_ENV} points at {mirror}, which has no {spec.mirror['file']}",
                f"copy {spec.mirror['file']} there, point {download.DATA_DIR_ENV} at the "
                f"folder that has it, or unset it so that {download.download_hint(spec.name)} "
                f"fetches it from the publisher into {download.cache_dir()}",
            )
        return path, spec.mirror["sha256"]
    target = download.cache_dir() / f"{spec.name}.csv"
    if refresh or not target.is_file():
        if download.offline():
            raise DatasetError(
                spec.name,
                f"it is not in the cache ({target}), {download.OFFLINE_ENV} forbids downloading "
                f"and {download.DATA_DIR_ENV} is not set",
                f"set {download.DATA_DIR_ENV} to a folder holding {spec.mirror['file']}, "
                f"or unset {download.OFFLINE_ENV} and run {download.download_hint(spec.name)}",
            )
        download_series(spec.name, cache=target.parent)
    manifest = download.read_manifest(target)
    if manifest is None or "sha256" not in manifest:
        raise DatasetError(
            spec.name,
            f"the cached file {target} has no readable manifest {target.with_suffix('.json')}",
            f"download it again with load({spec.name!r}, refresh=True)",
        )
    return target, manifest["sha256"]


def _read_verified(spec: DatasetSpec, path: Path, identity: tuple):
    """Checksum, parse and validate a file; memoised per file version in this process."""
    expected = identity[-1]
    key = (spec.name, *identity)
    with _LOCK:
        if key in _MEMO:
            return _MEMO[key]
    actual = download.sha256_of(path)
    if expected is None or actual != expected:
        raise DatasetError(
            spec.name,
            f"{path} has SHA-256 {actual[:16]}…, but {expected and expected[:16]}… is recorded; "
            "the file is corrupted, edited or from another release",
            _checksum_fix(spec),
        )
    frame = _parse(spec, path)
    with _LOCK:
        for old in [k for k in _MEMO if k[0] == spec.name]:
            del _MEMO[old]  # one version per dataset: a changed file replaces the old frame
        _MEMO[key] = frame
    return frame


def _identity(path: Path, expected: str | None) -> tuple:
    """One version of a data file: path, mtime in ns, size, and the checksum it must have."""
    stat = path.stat()
    return (str(path), stat.st_mtime_ns, stat.st_size, expected)


def _checksum_fix(spec: DatasetSpec) -> str:
    if spec.kind == "external" and download.mirror_dir() is None:
        return f"download it again with load({spec.name!r}, refresh=True)"
    if spec.kind == "external":
        return (
            f"restore {spec.mirror['file']} in {download.mirror_dir()} from the shared data "
            f"(pinned vintage), or unset {download.DATA_DIR_ENV} to download the current one"
        )
    return (
        "restore the file from the repository or reinstall globalsourcing; a maintainer who "
        "changed it on purpose runs `python -m globalsourcing.data.checksums --write`"
    )


def _parse(spec: DatasetSpec, path: Path):
    import pandas as pd

    schema = read_schema(spec.name, spec.schema_path)
    try:
        header = pd.read_csv(path, nrows=0, encoding="utf-8").columns.tolist()
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise DatasetError(
            spec.name, f"{path} is not a readable UTF-8 CSV ({exc})", _checksum_fix(spec)
        ) from None
    if header != schema.names:
        missing = [c for c in schema.names if c not in header]
        extra = [c for c in header if c not in schema.names]
        raise DatasetError(
            spec.name,
            f"{path} has columns that differ from its schema "
            f"(missing: {missing or 'none'}; unexpected: {extra or 'none'}; or a different order)",
            _checksum_fix(spec),
        )
    try:
        frame = pd.read_csv(
            path,
            dtype=schema.read_dtypes(),
            keep_default_na=False,
            na_values=[""],
            encoding="utf-8",
        )
    except (ValueError, TypeError, pd.errors.ParserError) as exc:
        raise DatasetError(
            spec.name, f"{path} has values its schema's types reject ({exc})", _checksum_fix(spec)
        ) from None
    frame = validate(frame, schema, str(path))
    frame.attrs.update(
        dataset=spec.name,
        title=spec.title,
        kind=spec.kind,
        synthetic=spec.synthetic,
        licence=spec.licence,
        citation=spec.citation.strip(),
    )
    return frame
