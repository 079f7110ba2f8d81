"""Local storage and downloading for the external series.

Downloads go to a temporary file inside the cache folder, are checked (length,
format), and only then renamed into place, so a failed or partial download never
leaves a file that a later ``load`` would trust.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path

from globalsourcing.data.errors import DatasetError

DATA_DIR_ENV = "GLOBALSOURCING_DATA_DIR"  # offline mirror (development and CI)
CACHE_DIR_ENV = "GLOBALSOURCING_CACHE_DIR"  # overrides the platformdirs cache folder
OFFLINE_ENV = "GLOBALSOURCING_OFFLINE"  # "1": never touch the network
USER_AGENT = "globalsourcing-data/0.1 (+https://pypi.org/project/globalsourcing/)"
CHUNK = 1 << 16


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def mirror_dir() -> Path | None:
    """The offline mirror named by GLOBALSOURCING_DATA_DIR, or None when unset."""
    value = os.environ.get(DATA_DIR_ENV, "").strip()
    return Path(value).expanduser() if value else None


def download_hint(dataset: str) -> str:
    """The command a user of the installed package runs to fetch a series into the cache."""
    return f"'python -m globalsourcing download {dataset}'"


def cache_dir() -> Path:
    """The per-user cache for downloaded series (created on demand)."""
    value = os.environ.get(CACHE_DIR_ENV, "").strip()
    if value:
        path = Path(value).expanduser()
    else:
        import platformdirs

        path = Path(platformdirs.user_cache_dir("globalsourcing", appauthor=False)) / "data"
    path.mkdir(parents=True, exist_ok=True)
    return path


def offline() -> bool:
    return os.environ.get(OFFLINE_ENV, "").strip().lower() in {"1", "true", "yes"}


def fetch(url: str, directory: Path, dataset: str, *, timeout: float = 60.0) -> Path:
    """Download ``url`` to a temporary file in ``directory`` and return its path.

    The caller owns the file (and removes it). A short body, an HTTP error or an
    unreachable host raises DatasetError and leaves nothing behind.
    """
    # Imported here: the HTTP stack costs tens of milliseconds and most loads never need it.
    import http.client
    import urllib.error
    import urllib.request

    fd, name = tempfile.mkstemp(dir=directory, prefix=".download-", suffix=".part")
    tmp = Path(name)
    received = 0
    expected: int | None = None
    try:
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        with os.fdopen(fd, "wb") as out, urllib.request.urlopen(request, timeout=timeout) as resp:
            length = resp.headers.get("Content-Length")
            expected = int(length) if length is not None else None
            while block := resp.read(CHUNK):
                out.write(block)
                received += len(block)
        if expected is not None and received != expected:
            raise http.client.IncompleteRead(b"", expected - received)
        return tmp
    except http.client.IncompleteRead:
        tmp.unlink(missing_ok=True)
        size = f"{expected} bytes were announced" if expected is not None else "the size is unknown"
        raise DatasetError(
            dataset,
            f"the download from {url} was cut short: {received} bytes arrived and {size}",
            "try again later; the connection dropped before the publisher finished sending",
        ) from None
    except urllib.error.HTTPError as exc:
        tmp.unlink(missing_ok=True)
        raise DatasetError(
            dataset,
            f"the publisher answered HTTP {exc.code} ({exc.reason}) for {url}",
            "check the base URL (environment variable or base_url argument) and try again later",
        ) from None
    except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as exc:
        tmp.unlink(missing_ok=True)
        reason = getattr(exc, "reason", exc)
        raise DatasetError(
            dataset,
            f"could not reach {url} ({reason}) and no offline mirror is configured",
            f"connect to the internet and run {download_hint(dataset)} (it saves the series "
            f"in {cache_dir()}), or set {DATA_DIR_ENV} to a folder holding the publisher's files",
        ) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def fetch_json(url: str, directory: Path, dataset: str, publisher: str):
    """Download and parse a JSON document; anything unparsable is reported as garbled."""
    tmp = fetch(url, directory, dataset)
    try:
        raw = tmp.read_bytes()
    finally:
        tmp.unlink(missing_ok=True)
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        preview = raw[:60].decode("utf-8", errors="replace").replace("\n", " ")
        raise DatasetError(
            dataset,
            f"the response from {url} is not {publisher} JSON (it starts with {preview!r})",
            "try again later; if it persists the publisher changed its API or a proxy "
            "is rewriting the response",
        ) from None


def install_atomically(frame_to_csv, target: Path, dataset: str, source_note: dict) -> str:
    """Write a frame's CSV next to ``target``, then rename it into place with a manifest.

    ``frame_to_csv(path)`` writes the file. Returns the SHA-256 recorded in the
    manifest (``<target>.json``), which later loads verify the cached file against.
    """
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}-", suffix=".part")
    os.close(fd)
    tmp = Path(name)
    manifest = target.with_suffix(".json")
    tmp_manifest = manifest.with_name(f".{manifest.name}.part")
    try:
        frame_to_csv(tmp)
        digest = sha256_of(tmp)
        tmp_manifest.write_text(
            json.dumps({**source_note, "sha256": digest}, indent=2) + "\n", encoding="utf-8"
        )
        # Data first, then manifest: a crash in between leaves a file whose manifest
        # is missing or stale, which the next load reports instead of trusting.
        os.replace(tmp, target)
        os.replace(tmp_manifest, manifest)
        return digest
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        with contextlib.suppress(FileNotFoundError):
            tmp_manifest.unlink()


def read_manifest(target: Path) -> dict | None:
    manifest = target.with_suffix(".json")
    if not manifest.is_file():
        return None
    try:
        return json.loads(manifest.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None


def sandbox_environment() -> list[tuple[str, str]]:
    """The data variables for a process with no network and no home folder (the grader's sandbox).

    The course's ``exercises/grading.toml`` names this hook: the grading engine passes these
    pairs to student code, and binds back read-only the folders they name. The offline
    mirror and the user cache that downloads went to are named explicitly and resolved;
    downloads are switched off. Never downloads.
    """
    env = []
    mirror = mirror_dir()
    if mirror is not None:
        if not mirror.is_dir():
            raise DatasetError(
                "data mirror",
                f"{DATA_DIR_ENV} points at {mirror}, which is not a folder; "
                "the setup cells could not load the course data",
                f"point {DATA_DIR_ENV} at the data mirror folder, or unset it",
            )
        env.append((DATA_DIR_ENV, str(mirror.resolve())))
    env.append((CACHE_DIR_ENV, str(cache_dir().resolve())))
    env.append((OFFLINE_ENV, "1"))
    return env
