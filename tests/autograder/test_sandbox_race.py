"""A shared spot that vanishes between the scan and the mount is skipped, not fatal.

The world-writable folders and host sockets are found once, when the fork server
starts (``sandbox.shared_spots``), and covered in every student process later. One that
is removed in between can no longer carry anything from one student to another, so the
student process goes on: the rest are still covered and the submission is graded.
"""

from __future__ import annotations

import ctypes
import json
import os
import socket
import sys

import pytest

from autograder import sandbox

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or os.geteuid() != 0,
    reason="mounting in a private mount namespace needs Linux and root (as in CI)",
)


def _in_private_mount_namespace(work) -> dict:
    """Run ``work()`` in a forked child with its own mount namespace; return what it reports."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        os.close(read)
        report: dict = {}
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            sandbox._check(libc.unshare(sandbox.CLONE_NEWNS), "unshare")
            sandbox._mount(libc, None, "/", None, sandbox.MS_REC | sandbox.MS_PRIVATE, None)
            report = work(libc)
        except BaseException as exc:  # noqa: BLE001 - reported to the parent
            report = {"error": f"{type(exc).__name__}: {exc}"}
        finally:
            os.write(write, json.dumps(report).encode())
            os.close(write)
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as fh:
        text = fh.read().decode()
    os.waitpid(pid, 0)
    return json.loads(text)


def test_a_folder_or_socket_removed_after_the_scan_is_skipped_and_the_rest_covered(tmp_path):
    spots = tmp_path / "var"
    kept, vanishing = spots / "lock", spots / "cache" / "shared"
    for folder in (kept, vanishing):
        folder.mkdir(parents=True)
        folder.chmod(0o1777)
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(spots / "daemon.sock"))
    gone_socket = socket.socket(socket.AF_UNIX)
    gone_socket.bind(str(spots / "gone.sock"))
    try:
        folders, files = sandbox.shared_spots(roots=(str(spots),))  # step 1: the scan
        assert sorted(folders) == sorted([str(kept), str(vanishing)])
        assert sorted(files) == sorted([str(spots / "daemon.sock"), str(spots / "gone.sock")])
        vanishing.rmdir()  # between the two steps
        (spots / "gone.sock").unlink()
        (kept / "left-by-another-student").write_text("answers")

        def mount_step(libc) -> dict:  # step 2: what each student process does
            gone = sandbox.make_private(libc, folders, "size=1m,mode=1777")
            gone += sandbox.cover_files(libc, files)
            return {
                "gone": gone,
                "kept_contents": os.listdir(kept),
                "kept_is_a_new_mount": os.stat(kept).st_dev != os.stat(spots).st_dev,
                "socket_covered": os.stat(spots / "daemon.sock").st_rdev
                == os.stat(os.devnull).st_rdev,
            }

        report = _in_private_mount_namespace(mount_step)
    finally:
        listener.close()
        gone_socket.close()
    assert "error" not in report, report["error"]
    assert sorted(report["gone"]) == sorted([str(vanishing), str(spots / "gone.sock")])
    assert report["kept_is_a_new_mount"] and report["kept_contents"] == []
    assert report["socket_covered"]
    # The host never saw the student's mounts.
    assert os.listdir(kept) == ["left-by-another-student"]


def test_a_spot_that_is_still_there_but_cannot_be_covered_stays_an_error(tmp_path):
    """Only a vanished spot is skipped: any other mount failure still stops the student."""

    def mount_step(libc) -> dict:
        sandbox.make_private(libc, [str(tmp_path)], "size=1m,not_an_option=1")
        return {}

    report = _in_private_mount_namespace(mount_step)
    assert report.get("error", "").startswith("OSError"), report
