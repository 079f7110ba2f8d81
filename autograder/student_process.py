"""Parent-side handle on one sandboxed student process.

Student processes come from a multiprocessing *fork server*: a process started
early, with numpy and pandas already imported, that forks a child per request.
Forking costs milliseconds (no kernel start), and the fork server never sees test
sources or the gradebook, so neither can leak into a student process's memory.

There is one fork server per preload, warm-up and data environment (``fork_server``),
started with an environment built for it (``server_env``); the grader's own
``os.environ`` is never touched.
"""

from __future__ import annotations

import contextlib
import io
import json
import multiprocessing
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from multiprocessing import connection, forkserver, popen_forkserver, resource_tracker, spawn, util
from multiprocessing.context import ForkServerProcess, reduction, set_spawning_popen
from typing import Any

from .sandbox import Limits

PRELOAD = ["autograder.student_process", "autograder.inside_sandbox", "numpy", "pandas"]
WARMUP = "autograder.warmup"  # imported last: runs the setup cells
# What the fork server's environment keeps of the grader's (never a secret such as a
# database password): the interpreter's paths and locale. What the course's setup cells
# need comes from its declaration (``environment`` in grading.toml, through Limits.env).
KEEP_ENV = ("PATH", "LANG", "LC_ALL", "PYTHONPATH", "VIRTUAL_ENV")
_lock = threading.Lock()
# Seconds a cell gets to stop after the interrupt (generous: a busy machine may be slow to
# schedule the interrupted process).
INTERRUPT_GRACE = 5.0
STARTUP_SECONDS = 120.0
STOP_SECONDS = 10.0


class SandboxDied(RuntimeError):
    """The student process ended or was killed; ``reason`` says why in plain words."""


class SandboxTimeout(RuntimeError):
    pass


class SandboxReplyError(RuntimeError):
    """The student process answered a value request with an error instead of the values."""


def server_env(
    warmup: list[str] | None, env: tuple[tuple[str, str], ...], base: dict[str, str] | None = None
) -> dict[str, str]:
    """The fork server's whole environment, built from ``base`` (default: the grader's).

    Only ``KEEP_ENV`` is taken from ``base``; ``env`` (the course's declared environment,
    here the data locations) is what student processes get too, so the setup cells run in
    the warm-up find the same files and their cached frames are reused after the fork.
    """
    base = os.environ if base is None else base
    out = {k: base[k] for k in KEEP_ENV if k in base}
    out |= {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    out |= dict(env)
    if warmup:
        out["AUTOGRADER_WARMUP"] = json.dumps(warmup)
    return out


class _ForkServer(forkserver.ForkServer):
    """A fork server of our own, started with an environment built for it.

    multiprocessing's shared fork server inherits the grader's ``os.environ`` (a database
    password) and keeps the preload it was first started with. This one is started by
    ``subprocess`` with ``env`` as its entire environment: the grader's own environment is
    never changed, for no thread at any moment.
    """

    def __init__(self, preload: list[str], env: dict[str, str], warmup_later: bool = False):
        super().__init__()
        self.set_forkserver_preload(preload)
        self._env = env
        self._popen: subprocess.Popen | None = None  # held: it must not reap the server
        self.users = 0
        # Started before the setup cells are known (``start_early``): the server imports
        # its modules meanwhile, then waits on this pipe for the cells (``send_warmup``).
        self.warmup_later = warmup_later
        self._warmup_w: int | None = None

    def send_warmup(self, warmup: list[str] | None) -> None:
        """Hand a server started early its setup cells (once; closing the pipe ends the wait)."""
        with self._lock:
            fd, self._warmup_w, self.warmup_later = self._warmup_w, None, False
        if fd is None:
            return
        try:
            with open(fd, "wb", closefd=True) as pipe:
                pipe.write(json.dumps(warmup or []).encode())
        except OSError:
            pass  # the server is gone: ensure_running starts another one

    def ensure_running(self) -> None:
        with self._lock:
            resource_tracker.ensure_running()
            if self._forkserver_pid is not None:
                pid, _status = os.waitpid(self._forkserver_pid, os.WNOHANG)
                if not pid:
                    return
                os.close(self._forkserver_alive_fd)  # it died: start another one
                self._forkserver_address = self._forkserver_alive_fd = None
                self._forkserver_pid = None
            with socket.socket(socket.AF_UNIX) as listener:
                address = connection.arbitrary_address("AF_UNIX")
                listener.bind(address)
                if not util.is_abstract_socket_namespace(address):
                    os.chmod(address, 0o600)
                listener.listen()
                alive_r, alive_w = os.pipe()  # EOF on alive_r tells the server to stop
                env, fds, warmup_r = self._env, (listener.fileno(), alive_r), None
                if self.warmup_later:
                    warmup_r, self._warmup_w = os.pipe()
                    env = {**env, "AUTOGRADER_WARMUP_FD": str(warmup_r)}
                    fds += (warmup_r,)
                try:
                    code = (
                        "from multiprocessing.forkserver import main; "
                        f"main({listener.fileno()}, {alive_r}, {self._preload_modules!r})"
                    )
                    command = [
                        spawn.get_executable(), *util._args_from_interpreter_flags(), "-c", code
                    ]  # fmt: skip
                    self._popen = subprocess.Popen(command, env=env, pass_fds=fds)
                except BaseException:
                    os.close(alive_w)
                    self._close_warmup()
                    raise
                finally:
                    os.close(alive_r)
                    if warmup_r is not None:
                        os.close(warmup_r)
            self._forkserver_address = address
            self._forkserver_alive_fd = alive_w
            self._forkserver_pid = self._popen.pid

    def _close_warmup(self) -> None:
        if self._warmup_w is not None:
            with contextlib.suppress(OSError):
                os.close(self._warmup_w)
            self._warmup_w = None

    def stop(self) -> None:
        """Ask the server to end (it does once no child holds its pipe), kill it if it lingers."""
        with self._lock:
            self._close_warmup()  # a server still waiting for setup cells stops waiting
            if self._forkserver_pid is None:
                return
            os.close(self._forkserver_alive_fd)
            try:
                self._popen.wait(STOP_SECONDS)
            except subprocess.TimeoutExpired:
                self._popen.kill()
                self._popen.wait()
            address = self._forkserver_address
            if address and not util.is_abstract_socket_namespace(address):
                with contextlib.suppress(OSError):
                    os.unlink(address)
            self._forkserver_address = self._forkserver_alive_fd = None
            self._forkserver_pid = self._popen = None


# One fork server per (preload, warm-up, environment): a run with other setup cells or data
# gets its own server instead of silently reusing another run's. Idle servers of other
# runs are stopped when a new one starts.
_servers: dict[tuple, _ForkServer] = {}
_launching = threading.local()


def _key(modules: list[str], environ: dict[str, str]) -> tuple:
    return (tuple(modules), tuple(sorted(environ.items())))


def start_early(preload: list[str] | None = None, env: tuple[tuple[str, str], ...] = ()) -> None:
    """Start a fork server before the setup cells are known (a run's first step).

    It imports numpy, pandas and the course's modules while the grader reads its own
    modules, the gradebook and the submissions; ``fork_server`` then hands it the setup
    cells. Only a later ``fork_server`` call with the same preload and environment uses
    it; any other call stops it like any idle server.
    """
    modules = list(dict.fromkeys(PRELOAD + (preload or []) + [WARMUP]))
    key = ("waiting for setup cells", *_key(modules, server_env(None, env)))
    with _lock:
        if key in _servers:
            return
        server = _servers[key] = _ForkServer(modules, server_env(None, env), warmup_later=True)
    with contextlib.suppress(Exception):  # the first submission meets the failure again
        server.ensure_running()


def fork_server(
    preload: list[str] | None = None,
    warmup: list[str] | None = None,
    env: tuple[tuple[str, str], ...] = (),
) -> _ForkServer:
    """The running fork server for these arguments, started (and the idle others stopped)."""
    modules = list(dict.fromkeys(PRELOAD + (preload or []) + [WARMUP]))
    server_environ = server_env(warmup, env)
    key = _key(modules, server_environ)
    early = ("waiting for setup cells", *_key(modules, server_env(None, env)))
    with _lock:
        server = _servers.get(key)
        if server is None and early in _servers:
            # Started early for this preload and environment: give it these setup cells.
            server = _servers[key] = _servers.pop(early)
            server.send_warmup(warmup)
            server._env = server_environ  # a restart (the server died) starts it the usual way
        if server is None:
            for other_key, other in list(_servers.items()):
                if other.users == 0:
                    other.stop()
                    del _servers[other_key]
            server = _servers[key] = _ForkServer(modules, server_environ)
        server.users += 1
    try:
        server.ensure_running()
    except BaseException:
        release(server)
        raise
    return server


def release(server: _ForkServer) -> None:
    with _lock:
        server.users -= 1


class _CleanPopen(popen_forkserver.Popen):
    """Starts a child of the fork server that learns nothing about the grader process.

    multiprocessing normally hands the child the parent's ``sys.argv`` (a ``--db-url``
    with a password), its working folder, and the name of its main module, which the
    child then re-imports as ``__mp_main__`` (an instructor script and its globals).
    The student process gets only the import path and a fresh authentication key.
    """

    def _launch(self, process_obj):
        prep = {
            "name": process_obj.name,
            "authkey": bytes(process_obj.authkey),
            "sys_path": [p for p in sys.path if p],
            "start_method": "forkserver",
        }
        buf = io.BytesIO()
        set_spawning_popen(self)
        try:
            reduction.dump(prep, buf)
            reduction.dump(process_obj, buf)
        finally:
            set_spawning_popen(None)
        self.sentinel, w = _launching.server.connect_to_new_process(self._fds)
        parent_w = os.dup(w)  # the child watches this end to notice the parent's exit
        self.finalizer = util.Finalize(self, util.close_fds, (parent_w, self.sentinel))
        with open(w, "wb", closefd=True) as f:
            f.write(buf.getbuffer())
        self.pid = forkserver.read_signed(self.sentinel)


class _Student(ForkServerProcess):
    @staticmethod
    def _Popen(process_obj):
        return _CleanPopen(process_obj)


class StudentProcess:
    """Runs cells and answers value requests; every call is bounded in time and size."""

    def __init__(
        self,
        cells: list[str],
        limits: Limits,
        preload: list[str] | None = None,
        warmup: list[str] | None = None,
    ):
        from . import inside_sandbox

        self.server = fork_server(preload, warmup, limits.env)
        self.limits = limits
        # Starting (the fork server's first preload on a busy machine) is not student time.
        self.deadline = time.monotonic() + STARTUP_SECONDS
        self.conn, child = multiprocessing.Pipe(duplex=True)
        self.proc = _Student(target=inside_sandbox.main, args=(child, cells, limits), daemon=False)
        self.proc.authkey = os.urandom(32)  # not the grader's key
        _launching.server = self.server
        try:
            self.proc.start()
        except BaseException:
            release(self.server)
            raise
        finally:
            _launching.server = None
            child.close()
        self.dead_reason: str | None = None
        self.timed_out_cells: list[int] = []
        self.output_left = limits.output_bytes
        self.output_truncated = False
        try:
            hello = self._receive(STARTUP_SECONDS)
        except SandboxTimeout:
            self.kill(f"the sandbox did not start within {STARTUP_SECONDS:.0f} s")
            self.close()
            raise SandboxDied(self.dead_reason) from None
        except SandboxDied:
            self.close()
            raise
        self.deadline = time.monotonic() + limits.total_timeout
        if "fatal" in hello:
            self.close()
            raise SandboxDied(f"the sandbox could not be set up: {hello['fatal']}")
        self.applied: list[str] = hello.get("applied", [])
        self.missing: list[str] = hello.get("missing", [])

    # -- low level -------------------------------------------------------------------------
    def _receive(self, timeout: float) -> dict:
        if self.dead_reason:
            raise SandboxDied(self.dead_reason)
        timeout = max(0.0, min(timeout, self.deadline - time.monotonic()))
        if not self.conn.poll(timeout):
            raise SandboxTimeout()
        try:
            data = self.conn.recv_bytes(self.limits.message_mb * 1024 * 1024)
        except (EOFError, ConnectionError):
            raise SandboxDied(self._death()) from None
        except OSError:
            self.kill(f"it sent more than {self.limits.message_mb} MB at once (limit)")
            raise SandboxDied(self.dead_reason) from None
        try:
            msg = json.loads(data)
        except (ValueError, RecursionError):  # RecursionError: nested too deeply to parse
            self.kill("it sent a malformed message")
            raise SandboxDied(self.dead_reason) from None
        if not isinstance(msg, dict):
            self.kill("it sent a malformed message")
            raise SandboxDied(self.dead_reason)
        return msg

    def _death(self) -> str:
        self.proc.join(2)
        code = self.proc.exitcode
        if code is None:
            reason = "it closed its connection to the grader"
        elif code < 0:
            sig = signal.Signals(-code).name
            reason = {
                "SIGXCPU": f"it used more than {self.limits.cpu_seconds} s of CPU (limit)",
                "SIGKILL": "it was killed (memory or time limit)",
                "SIGSEGV": "it crashed (segmentation fault)",
            }.get(sig, f"it was killed by {sig}")
        else:
            reason = f"student code ended the process (exit code {code}, e.g. os._exit)"
        self.kill(reason)
        return self.dead_reason

    def request(self, msg: dict[str, Any], timeout: float) -> dict:
        if self.dead_reason:
            raise SandboxDied(self.dead_reason)
        if self.remaining() <= 0:  # the wall clock of the whole submission, not per cell
            self.kill(self._over_total())
            raise SandboxDied(self.dead_reason)
        try:
            self.conn.send_bytes(json.dumps(msg).encode())
        except (OSError, ValueError):
            raise SandboxDied(self._death()) from None
        try:
            return self._receive(timeout)
        except SandboxTimeout:
            pass
        # Interrupt like a kernel would; a submission that ignores it is killed.
        try:
            os.kill(self.proc.pid, signal.SIGINT)
            reply = self._receive_grace(INTERRUPT_GRACE)
            if reply is not None:
                reply["timed_out"] = True
                return reply
        except SandboxDied:
            raise
        if self.remaining() <= 0:
            self.kill(self._over_total())
        else:
            self.kill(
                f"it did not stop within the time limit ({timeout:.0f} s) and ignored the interrupt"
            )
        raise SandboxDied(self.dead_reason)

    def _over_total(self) -> str:
        return (
            f"it used up the time limit for the whole submission "
            f"({self.limits.total_timeout:.0f} s, --total-timeout)"
        )

    def _capped(self, text: Any) -> str:
        """Student text, counted against the submission's output limit (all cells together).

        Enforced here, where the text enters the grader: the limit inside the student
        process is only a courtesy, since student code can change it.
        """
        text = text if isinstance(text, str) else ""
        if len(text) <= self.output_left:
            self.output_left -= len(text)
            return text
        kept, self.output_left = text[: self.output_left], 0
        if self.output_truncated:
            return kept
        self.output_truncated = True
        return kept + (
            f"\n[output truncated: the submission's output limit of "
            f"{self.limits.output_bytes} characters is used up]\n"
        )

    def _capped_error(self, error: Any) -> dict | None:
        if not isinstance(error, dict):
            return None
        return {
            "ename": str(error.get("ename", "Error"))[:100],  # kept: the status needs it
            "evalue": self._capped(error.get("evalue")),
            "traceback": self._capped(error.get("traceback")),
        }

    def _receive_grace(self, seconds: float) -> dict | None:
        if self.conn.poll(seconds):
            try:
                return self._receive(seconds)
            except SandboxTimeout:
                return None
        return None

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def kill(self, reason: str) -> None:
        if self.dead_reason is None:
            self.dead_reason = reason
        if self.proc.is_alive():
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.join(5)

    def close(self) -> None:
        try:
            if self.proc.is_alive():
                with contextlib.suppress(OSError, ValueError):
                    self.conn.send_bytes(b'{"op": "exit"}')
            self.kill(self.dead_reason or "finished")
            self.conn.close()
            if self.proc.exitcode is None:  # killed, but the fork server has not reported it
                self.proc.join(30)  # yet (a busy machine): the submission is graded, wait longer
            with contextlib.suppress(ValueError):  # still unreported: closed when freed
                self.proc.close()
        finally:
            if self.server is not None:  # only now may an idle fork server be stopped
                release(self.server)
                self.server = None

    # -- high level ------------------------------------------------------------------------
    def run_cell(self, index: int) -> dict:
        timeout = min(self.limits.cell_timeout, self.remaining())
        reply = self.request({"op": "run", "cell": index}, timeout)
        if reply.pop("timed_out", False):
            reply = {
                "ok": False,
                "stdout": reply.get("stdout", ""),
                "error": {
                    "ename": "TimeoutError",
                    "evalue": f"the cell ran longer than {timeout:.0f} s and was interrupted",
                    "traceback": "",
                },
            }
            self.timed_out_cells.append(index)
        capped = {"ok": bool(reply.get("ok")), "stdout": self._capped(reply.get("stdout"))}
        if isinstance(reply.get("result"), str):
            capped["result"] = self._capped(reply["result"])
        if reply.get("error") is not None:
            capped["error"] = self._capped_error(reply["error"])
        return capped

    def get(self, names: list[str]) -> dict:
        reply = self.request(
            {"op": "get", "names": names}, min(self.limits.cell_timeout, self.remaining())
        )
        values = reply.get("values")
        if isinstance(values, dict):
            return values
        # Never "no such name": the answer exists, reading it failed (e.g. a MemoryError
        # while the reply was built), and the test must say so instead of a NameError.
        error = reply.get("error") if isinstance(reply.get("error"), dict) else {}
        ename = str(error.get("ename", "Error"))[:100]
        evalue = str(error.get("evalue") or "no values in the reply")[:300]
        raise SandboxReplyError(f"{ename}: {evalue}")

    def call(self, name: str, args: Any, kwargs: Any) -> dict:
        timeout = min(self.limits.cell_timeout, self.remaining())
        reply = self.request({"op": "call", "name": name, "args": args, "kwargs": kwargs}, timeout)
        if reply.pop("timed_out", False):
            return {
                "ok": False,
                "error": {
                    "ename": "TimeoutError",
                    "evalue": f"{name}() ran longer than {timeout:.0f} s",
                },
            }
        if not reply.get("ok"):
            reply["error"] = self._capped_error(reply.get("error")) or {"ename": "Error"}
        return reply
