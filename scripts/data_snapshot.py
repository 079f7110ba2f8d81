"""The pinned data snapshot that the deployed site is built and tested from.

The World Bank and UNCTAD series are not committed. Development and CI read them from the
offline mirror beside the clone (``../shared/data``); a hosted build has no such folder, and
building from whatever the publishers serve that day would deploy data nobody tested. So
the maintainers publish the mirror's files once as a snapshot (a release asset), and the
deploy workflow fetches it, checks its SHA-256 against ``datasets/snapshot.yaml`` and unpacks
it where the mirror would be. The loader then verifies every file against the checksum in
``datasets/registry.yaml`` as usual.

    python scripts/data_snapshot.py pack ../shared/data snapshot.tar.gz   # maintainers
    python scripts/data_snapshot.py fetch ../shared/data                  # the workflow
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import shutil
import sys
import tarfile
import tempfile
import urllib.request
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PIN = ROOT / "datasets" / "snapshot.yaml"
REGISTRY = ROOT / "datasets" / "registry.yaml"


class SnapshotError(RuntimeError):
    pass


def mirror_files() -> list[str]:
    """The files the loader reads from the mirror, with their SOURCE notes (attribution)."""
    entries = yaml.safe_load(REGISTRY.read_text(encoding="utf-8"))["datasets"]
    names = [e["mirror"]["file"] for e in entries.values() if e.get("mirror")]
    return sorted(names + [f"{n}.SOURCE.txt" for n in names])


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _normalised(info: tarfile.TarInfo) -> tarfile.TarInfo:
    # No dates or owners in the archive: packing the same files gives the same SHA-256.
    info.mtime, info.uid, info.gid, info.uname, info.gname, info.mode = 0, 0, 0, "", "", 0o644
    return info


def pack(mirror: Path, out: Path) -> str:
    """Pack the mirror files reproducibly; return the archive's SHA-256."""
    with (
        open(out, "wb") as raw,
        gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as zipped,
        tarfile.open(fileobj=zipped, mode="w") as tar,
    ):
        for name in mirror_files():
            source = mirror / name
            if not source.is_file():
                raise SnapshotError(f"{source} is missing: the snapshot needs every file")
            tar.add(source, arcname=name, filter=_normalised)
    return sha256(out)


def fetch(target: Path, url: str | None = None, expected: str | None = None) -> list[str]:
    """Download the pinned snapshot, verify it, unpack it into ``target``; return the files."""
    pin = yaml.safe_load(PIN.read_text(encoding="utf-8"))
    url, expected = url or pin["url"], expected or pin["sha256"]
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "snapshot.tar.gz"
        with urllib.request.urlopen(url, timeout=120) as answer, open(archive, "wb") as out:
            shutil.copyfileobj(answer, out)
        actual = sha256(archive)
        if actual != expected:
            raise SnapshotError(
                f"the snapshot at {url} has SHA-256 {actual}, but datasets/snapshot.yaml pins "
                f"{expected}: refusing to build from data nobody tested"
            )
        wanted = set(mirror_files())
        target.mkdir(parents=True, exist_ok=True)
        with tarfile.open(archive) as tar:
            members = [m for m in tar.getmembers() if m.isfile() and m.name in wanted]
            missing = wanted - {m.name for m in members}
            if missing:
                raise SnapshotError(f"the snapshot lacks {sorted(missing)}")
            tar.extractall(target, members=members, filter="data")
    return sorted(wanted)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    verbs = parser.add_subparsers(dest="verb", required=True)
    p = verbs.add_parser("pack", help="pack the mirror's files into a snapshot archive")
    p.add_argument("mirror", type=Path)
    p.add_argument("out", type=Path)
    f = verbs.add_parser("fetch", help="download, verify and unpack the pinned snapshot")
    f.add_argument("target", type=Path)
    f.add_argument("--url", help="override the URL pinned in datasets/snapshot.yaml")
    args = parser.parse_args(argv)
    try:
        if args.verb == "pack":
            digest = pack(args.mirror, args.out)
            print(f"{args.out}: sha256 {digest}; publish it and pin url and sha256 in {PIN}")
        else:
            for name in fetch(args.target, args.url):
                print(f"{args.target / name}")
    except (SnapshotError, OSError) as exc:
        print(f"data snapshot: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
