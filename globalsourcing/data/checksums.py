"""Check or rewrite the SHA-256 values recorded in ``datasets/registry.yaml``.

``python -m globalsourcing.data.checksums`` lists every recorded and actual value;
``--write`` records the actual ones (run it after changing a committed data file on
purpose, or after re-pinning the mirror). Comments and layout of the registry are kept.
"""

from __future__ import annotations

import argparse
import re
import sys

from globalsourcing.data import download
from globalsourcing.data.registry import REGISTRY_FILE, _read_registry, datasets_root, registry


def actual_checksums() -> dict[str, str | None]:
    """Current SHA-256 of each dataset's file (mirror files need GLOBALSOURCING_DATA_DIR)."""
    result: dict[str, str | None] = {}
    mirror = download.mirror_dir()
    for name, spec in registry().items():
        if spec.kind == "external":
            path = mirror / spec.mirror["file"] if mirror else None
        else:
            path = spec.path
        result[name] = download.sha256_of(path) if path and path.is_file() else None
    return result


def rewrite(text: str, new: dict[str, str]) -> str:
    """Replace the ``sha256:`` line inside each named dataset's block of the registry."""
    out, current = [], None
    for line in text.splitlines(keepends=True):
        head = re.match(r"^  ([a-z0-9_]+):\s*$", line)
        if head:
            current = head.group(1)
        sha = re.match(r"^(\s+sha256:\s*)([0-9a-f]*)\s*$", line)
        if sha and current in new and new[current]:
            line = f"{sha.group(1)}{new[current]}\n"
        out.append(line)
    return "".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="record the actual checksums")
    args = parser.parse_args(argv)
    actual = actual_checksums()
    specs = registry()
    stale = 0
    for name, digest in actual.items():
        spec = specs[name]
        recorded = spec.mirror.get("sha256") if spec.kind == "external" else spec.sha256
        state = "ok" if digest == recorded else ("no file" if digest is None else "differs")
        stale += state == "differs"
        print(f"{name:20} {state:8} recorded {str(recorded)[:12]}  actual {str(digest)[:12]}")
    if args.write:
        path = datasets_root() / REGISTRY_FILE
        path.write_text(rewrite(path.read_text(encoding="utf-8"), actual), encoding="utf-8")
        _read_registry.cache_clear()
        print(f"wrote {path}")
        return 0
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
