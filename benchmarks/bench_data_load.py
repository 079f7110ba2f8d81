"""Time globalsourcing.data: cold import, first load and repeat load of every dataset.

Run from the repository root:

    GLOBALSOURCING_DATA_DIR=../shared/data .venv/bin/python benchmarks/bench_data_load.py

Each measurement runs in a fresh interpreter (so nothing is memoised or cached by
Python), is repeated, and the median is printed. "first load" is everything
``load(name)`` does on its first call: checksum the file, read the CSV with explicit
dtypes, validate it with pandera. pandas and pandera are imported before the clock
starts and their import time is reported on its own line. "repeat load" is a second
call in the same process (a copy of the memoised, already validated frame).
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPEATS = 5

IMPORT_SNIPPET = """
import time, json, sys
t = time.perf_counter()
import globalsourcing
parent = time.perf_counter() - t
t = time.perf_counter()
import globalsourcing.data
own = time.perf_counter() - t
print(json.dumps({"parent": parent, "own": own, "pandas": "pandas" in sys.modules,
                  "pandera": "pandera" in sys.modules}))
"""

LOAD_SNIPPET = """
import time, json, sys
t = time.perf_counter()
import pandas, pandera.pandas
deps = time.perf_counter() - t
from globalsourcing.data import load
name = sys.argv[1]
t = time.perf_counter(); frame = load(name); first = time.perf_counter() - t
t = time.perf_counter(); load(name); repeat = time.perf_counter() - t
print(json.dumps({"deps": deps, "first": first, "repeat": repeat, "rows": len(frame),
                  "cols": frame.shape[1]}))
"""


def run(snippet: str, *args: str, env: dict | None = None) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", snippet, *args],
        check=True,
        capture_output=True,
        text=True,
        env=env or os.environ,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def median(values: list[float]) -> float:
    return statistics.median(values)


def main() -> None:
    if not os.environ.get("GLOBALSOURCING_DATA_DIR"):
        default = Path(__file__).resolve().parents[1].parent / "shared" / "data"
        os.environ["GLOBALSOURCING_DATA_DIR"] = str(default)
    from globalsourcing.data import list_datasets
    from globalsourcing.data.download import sha256_of
    from globalsourcing.data.registry import registry

    imports = [run(IMPORT_SNIPPET) for _ in range(REPEATS)]
    print(f"python {sys.version.split()[0]}, {REPEATS} runs each, medians")
    print(
        "cold import: globalsourcing (parent package) "
        f"{median([i['parent'] for i in imports]) * 1000:.1f} ms, then globalsourcing.data "
        f"{median([i['own'] for i in imports]) * 1000:.1f} ms "
        f"(pandas imported: {imports[0]['pandas']}, pandera imported: {imports[0]['pandera']})"
    )
    print()
    print(
        f"{'dataset':24} {'rows':>6} {'cols':>4} {'file KB':>8} {'first load ms':>14} "
        f"{'repeat load ms':>15}"
    )
    deps = []
    mirror = Path(os.environ["GLOBALSOURCING_DATA_DIR"])
    for name in list_datasets()["name"]:
        spec = registry()[name]
        path = mirror / spec.mirror["file"] if spec.kind == "external" else spec.path
        runs = [run(LOAD_SNIPPET, name) for _ in range(REPEATS)]
        deps += [r["deps"] for r in runs]
        print(
            f"{name:24} {runs[0]['rows']:6d} {runs[0]['cols']:4d} "
            f"{path.stat().st_size / 1024:8.0f} "
            f"{median([r['first'] for r in runs]) * 1000:14.1f} "
            f"{median([r['repeat'] for r in runs]) * 1000:15.2f}"
        )
    # The external series as a user gets them: from the user cache, with its manifest.
    with tempfile.TemporaryDirectory() as folder:
        env = {k: v for k, v in os.environ.items() if k != "GLOBALSOURCING_DATA_DIR"}
        env.update(GLOBALSOURCING_CACHE_DIR=folder, GLOBALSOURCING_OFFLINE="1")
        for name, spec in registry().items():
            if spec.kind != "external":
                continue
            target = Path(folder) / f"{name}.csv"
            shutil.copyfile(mirror / spec.mirror["file"], target)
            manifest = {"dataset": name, "sha256": sha256_of(target)}
            target.with_suffix(".json").write_text(json.dumps(manifest))
            runs = [run(LOAD_SNIPPET, name, env=env) for _ in range(REPEATS)]
            label = f"{name} (cache)"
            print(
                f"{label:24} {runs[0]['rows']:6d} {runs[0]['cols']:4d} "
                f"{target.stat().st_size / 1024:8.0f} "
                f"{median([r['first'] for r in runs]) * 1000:14.1f} "
                f"{median([r['repeat'] for r in runs]) * 1000:15.2f}"
            )
    print()
    print(
        f"import of pandas + pandera (paid once, before the first load): "
        f"{median(deps) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
