"""What a hostile student process cannot reach: other students, the host, the grader.

Each test runs hostile code in the real sandbox and asserts what it could not do.
The class-of-two tests run the grader in a subprocess (a fresh fork server that sees
the test's sockets and folders, and an instructor script with a secret in its globals
and its command line), as an instructor would run it.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest

from autograder.course import REPO_ROOT
from autograder.sandbox import Limits, shared_spots
from autograder.student_process import INTERRUPT_GRACE, SandboxDied, StudentProcess

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or os.geteuid() != 0,
    reason="the full sandbox needs Linux and a root grader (as in CI)",
)
SECRET = "s3cret-" + uuid.uuid4().hex[:8]

# An instructor's grading script: a secret in its globals and on its command line.
INSTRUCTOR_SCRIPT = """
import json, sys
SECRET_IN_GLOBALS = {secret!r}
from autograder.sandbox import Limits
from autograder.student_process import StudentProcess

def run(cells):
    p = StudentProcess(cells, Limits(cell_timeout=10, total_timeout=60))
    try:
        return [p.run_cell(i) for i in range(len(cells))]
    finally:
        p.close()

if __name__ == "__main__":
    first, second = json.loads(sys.argv[1]), json.loads(sys.argv[2])
    out = {{"first": run(first), "second": run(second), "grader_pid": __import__("os").getpid()}}
    print(json.dumps(out))
"""


class Listener:
    """A unix socket on the host that records whether anybody connected."""

    def __init__(self, path: Path):
        self.path, self.connections = path, 0
        self.sock = socket.socket(socket.AF_UNIX)
        self.sock.bind(str(path))
        os.chmod(path, 0o777)
        self.sock.listen(4)
        self.sock.settimeout(0.2)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self):
        self.stop.set()
        self.thread.join(2)
        self.sock.close()
        self.path.unlink(missing_ok=True)


@pytest.fixture
def host_spots(tmp_path):
    """A socket under /run and under /var, and a new world-writable folder under /var."""
    tag = uuid.uuid4().hex[:10]
    spots = {
        "run_socket": Listener(Path(f"/run/gs-test-{tag}.sock")),
        "var_socket": Listener(Path(f"/var/cache/gs-test-{tag}.sock")),
    }
    shared = Path(f"/var/cache/gs-test-{tag}")
    shared.mkdir()
    shared.chmod(0o1777)
    yield spots, shared, tag
    for listener in spots.values():
        listener.close()
    shutil.rmtree(shared)


def _class_of_two(tmp_path: Path, first: list[str], second: list[str]) -> dict:
    script = tmp_path / "grade_my_class.py"
    script.write_text(INSTRUCTOR_SCRIPT.format(secret=SECRET))
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT), GRADER_DB_PASSWORD=SECRET)
    done = subprocess.run(
        [sys.executable, str(script), json.dumps(first), json.dumps(second), f"--db-url={SECRET}"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


PLACES = ["/run/lock", "/var/lock", "/tmp", "/dev/shm", "/var/tmp", "/run"]


def test_no_answers_pass_between_students_and_nothing_reaches_the_host(tmp_path, host_spots):
    spots, shared, tag = host_spots
    places = [*PLACES, str(shared)]
    name = f"answers-{tag}.py"
    leave = "import os\nleft = []\n"
    leave += f"for d in {places!r}:\n"
    leave += "    try:\n"
    leave += f"        open(os.path.join(d, {name!r}), 'w').write('answer = 42')\n"
    leave += "        left.append(d)\n"
    leave += "    except OSError:\n"
    leave += "        pass\n"
    leave += "left"
    connect = (
        "import socket\nreached = []\n"
        f"for p in {[str(s.path) for s in spots.values()]!r}:\n"
        "    s = socket.socket(socket.AF_UNIX)\n"
        "    try:\n"
        "        s.connect(p); s.sendall(b'exfiltrated'); reached.append(p)\n"
        "    except OSError:\n"
        "        pass\n"
        "reached"
    )
    find = f"import os\n[d for d in {places!r} if os.path.exists(os.path.join(d, {name!r}))]"
    result = _class_of_two(tmp_path, [leave, connect], [find])
    first, second = result["first"], result["second"]
    assert first[0]["ok"], first[0]
    assert "/tmp" in first[0]["result"]  # it could write its own /tmp, which is private
    assert first[1]["result"] == "[]"  # no host socket reached
    assert all(s.connections == 0 for s in spots.values())
    assert second[0]["result"] == "[]"  # the next student finds nothing
    for place in places:  # and nothing landed on the host
        assert not Path(place, name).exists(), place


def test_the_grader_its_command_line_main_module_and_other_processes_are_invisible(tmp_path):
    cells = [
        "import sys\nm = sys.modules.get('__mp_main__')\nm.__dict__.get('SECRET_IN_GLOBALS') if m else None",
        "sys.argv",
        "import os\nsorted(p for p in os.listdir('/proc') if p.isdigit())",
        f"import os\n{SECRET!r} in repr((sys.orig_argv, sys.path, os.getcwd(), dict(os.environ)))",
        "sorted(os.environ)",
    ]
    result = _class_of_two(tmp_path, cells, ["open('/proc/1/cmdline', 'rb').read()"])
    assert all(r["ok"] for r in result["first"]), result["first"]
    main, argv, pids, in_memory, environ = (r.get("result") for r in result["first"])
    assert main is None  # the expression gave None: no instructor globals
    assert argv == "['']"
    visible = eval(pids)  # noqa: S307 - a list of digit strings from our own test
    assert str(result["grader_pid"]) not in visible and len(visible) <= 2  # itself only
    assert in_memory == "False"
    assert "GRADER_DB_PASSWORD" not in environ
    assert not result["second"][0]["ok"]  # pid 1's command line is not readable


def test_student_processes_die_with_the_grader_after_kill_9(tmp_path):
    script = tmp_path / "grader.py"
    script.write_text(
        "import sys, threading\n"
        "from autograder.sandbox import Limits\n"
        "from autograder.student_process import StudentProcess\n"
        "if __name__ == '__main__':\n"
        "    p = StudentProcess(['while True:\\n    pass'], Limits(cell_timeout=600, total_timeout=900))\n"
        "    print(p.proc.pid, flush=True)\n"
        "    p.run_cell(0)\n"
    )
    grader = subprocess.Popen(
        [sys.executable, str(script)],
        cwd=tmp_path,
        env=dict(os.environ, PYTHONPATH=str(REPO_ROOT)),
        stdout=subprocess.PIPE,
        text=True,
    )
    student = int(grader.stdout.readline())
    assert _alive(student)
    time.sleep(1)  # the student is burning CPU in its loop
    grader.send_signal(signal.SIGKILL)
    grader.wait(10)
    deadline = time.monotonic() + 20
    while _alive(student) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _alive(student), "the student process outlived the grader"


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except OSError:
        return False


def test_the_total_timeout_holds_when_every_cell_ignores_the_interrupt():
    # Each cell ignores SIGINT and stops on its own just inside the interrupt grace.
    busy = 1.0 + INTERRUPT_GRACE - 1.0
    cell = (
        "import signal, time\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\n"
        f"t = time.monotonic()\nwhile time.monotonic() - t < {busy}:\n    pass"
    )
    limits = Limits(cell_timeout=1, total_timeout=3)
    proc = StudentProcess([cell] * 10, limits)
    start = time.monotonic()
    ran = 0
    try:
        for i in range(10):
            proc.run_cell(i)
            ran += 1
    except SandboxDied as exc:
        assert "whole submission" in str(exc) and "3 s" in str(exc)
    finally:
        proc.close()
    assert ran <= 2
    assert time.monotonic() - start < limits.total_timeout + INTERRUPT_GRACE + 2


def test_the_output_limit_caps_all_cells_together_even_if_the_student_lifts_its_own():
    lift = "import sys\nsys.stdout.budget[0] = 10**9\nsys.stdout.write = lambda t: len(t)"
    noisy = "print('y' * 5000)\n'x' * 5000"
    proc = StudentProcess([lift] + [noisy] * 40, Limits(output_bytes=20_000))
    try:
        replies = [proc.run_cell(i) for i in range(41)]
    finally:
        proc.close()
    total = sum(len(r.get("stdout") or "") + len(r.get("result") or "") for r in replies)
    assert total < 20_000 + 200
    assert sum("output limit" in (r.get("stdout") or r.get("result") or "") for r in replies) == 1


def test_shared_spots_finds_writable_folders_sockets_pipes_and_writable_files(tmp_path):
    (tmp_path / "lock").mkdir()
    (tmp_path / "lock").chmod(0o1777)
    (tmp_path / "lock" / "inner").mkdir()  # inside a covered folder: not listed again
    (tmp_path / "private").mkdir()
    os.mkfifo(tmp_path / "pipe")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "daemon.sock"))
    (tmp_path / "notes").write_text("")
    (tmp_path / "notes").chmod(0o666)
    (tmp_path / "config").write_text("")
    try:
        folders, files = shared_spots((str(tmp_path),))
    finally:
        sock.close()
    assert folders == [str(tmp_path / "lock")]
    assert files == sorted(str(tmp_path / n) for n in ("daemon.sock", "notes", "pipe"))
    assert stat.S_IMODE((tmp_path / "private").stat().st_mode) & stat.S_IWOTH == 0


def test_a_data_folder_inside_a_world_writable_folder_stays_readable(tmp_path, host_spots):
    _, shared, _ = host_spots
    (shared / "data").mkdir()
    (shared / "data" / "series.csv").write_text("year,value\n")
    cell = f"open({str(shared / 'data' / 'series.csv')!r}).read()"
    script = tmp_path / "grader.py"
    script.write_text(
        "from autograder.sandbox import Limits\n"
        "from autograder.student_process import StudentProcess\n"
        "if __name__ == '__main__':\n"
        f"    p = StudentProcess([{cell!r}], Limits(readable=({str(shared / 'data')!r},)))\n"
        "    print(p.run_cell(0).get('result'))\n"
        "    p.close()\n"
    )
    done = subprocess.run(
        [sys.executable, str(script)],
        cwd=tmp_path,
        env=dict(os.environ, PYTHONPATH=str(REPO_ROOT)),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.stdout.strip() == repr("year,value\n"), done.stdout + done.stderr[-2000:]
