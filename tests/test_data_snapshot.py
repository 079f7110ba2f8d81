"""The deploy workflow builds from a pinned data snapshot, verified before use."""

import functools
import http.server
import threading
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
MIRROR = ROOT.parent / "shared" / "data"

import importlib.util  # noqa: E402

_spec = importlib.util.spec_from_file_location("data_snapshot", ROOT / "scripts/data_snapshot.py")
snapshot = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(snapshot)

needs_mirror = pytest.mark.skipif(not MIRROR.is_dir(), reason="no offline mirror beside the clone")


def _serve(folder: Path):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@needs_mirror
def test_packing_the_mirror_reproduces_the_pinned_snapshot(tmp_path):
    pin = yaml.safe_load((ROOT / "datasets" / "snapshot.yaml").read_text())
    assert snapshot.pack(MIRROR, tmp_path / "a.tar.gz") == pin["sha256"]


@needs_mirror
def test_fetch_unpacks_a_verified_snapshot_and_refuses_another(tmp_path):
    published = tmp_path / "published"
    published.mkdir()
    digest = snapshot.pack(MIRROR, published / "data.tar.gz")
    server = _serve(published)
    url = f"http://127.0.0.1:{server.server_port}/data.tar.gz"
    try:
        files = snapshot.fetch(tmp_path / "data", url=url, expected=digest)
        for name in files:
            assert (tmp_path / "data" / name).read_bytes() == (MIRROR / name).read_bytes()
        (published / "data.tar.gz").write_bytes(b"not the snapshot")
        with pytest.raises(snapshot.SnapshotError, match="refusing to build"):
            snapshot.fetch(tmp_path / "other", url=url, expected=digest)
        assert not (tmp_path / "other").exists() or not any((tmp_path / "other").iterdir())
    finally:
        server.shutdown()


def test_the_deploy_workflow_tests_first_and_builds_from_the_lock_and_the_snapshot():
    workflow = yaml.safe_load((ROOT / ".github/workflows/deploy-book.yml").read_text())
    jobs = workflow["jobs"]
    assert (
        "test" in jobs and jobs["build"]["needs"] == "test" and jobs["deploy"]["needs"] == "build"
    )
    for job in ("test", "build"):
        steps = " ".join(str(step.get("run", "")) for step in jobs[job]["steps"])
        assert "data_snapshot.py fetch" in steps
    assert "bash .ci/run" in " ".join(str(s.get("run", "")) for s in jobs["test"]["steps"])
    # make book and make test install through setup.sh, which applies requirements.lock.
    assert "-c requirements.lock" in (ROOT / "scripts" / "setup.sh").read_text()
