"""The student process: runs student cells inside the sandbox and answers requests.

This module is imported by the fork server before any submission is seen, so the
process that runs student code never held test sources, hidden modules, gradebook
rows or other students' work.  It receives only the code cells it must run
(student cells and the instructor's public setup cells); test cells never reach it.

Protocol (JSON over a pipe, one request, one reply):
  {"op": "run", "cell": i}                  -> {"ok", "stdout", "result", "error"}
  {"op": "get", "names": [...]}             -> {"values": {name: encoded or UNCHANGED}}
  {"op": "call", "name", "args", "kwargs"}  -> {"ok", "value"} or {"ok": false, "error"}
The parent never unpickles anything it receives from here.

A value whose encoding is the same as the one this process last sent under that name
(a frame that several tests read) is answered with UNCHANGED instead of being sent and
decoded again: the checker reuses a copy of what it decoded then. A student who fakes it
only makes the checker see their own earlier value of that name.
"""

from __future__ import annotations

import ast
import builtins
import json
import linecache
import signal
import sys
import traceback
import types

from . import codec
from .sandbox import Limits, confine


class _CappedText:
    """A stdout/stderr replacement that keeps at most ``budget`` characters overall."""

    def __init__(self, budget: list[int]):
        self.budget = budget
        self.parts: list[str] = []
        self.truncated = False

    def write(self, text: str) -> int:
        text = str(text)
        room = self.budget[0]
        if len(text) > room:
            self.truncated = True
            text = text[: max(room, 0)]
        self.budget[0] -= len(text)
        self.parts.append(text)
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def take(self) -> str:
        out = "".join(self.parts)
        if self.truncated:
            out += "\n[output truncated by the grader]\n"
        self.parts, self.truncated = [], False
        return out


class RawReply(str):
    """A reply that is JSON text already (sent as it is, not dumped again)."""


class _IPythonStub:
    """Enough of get_ipython() for magics that nbgrader notebooks commonly contain."""

    def run_line_magic(self, *args, **kwargs):
        return None

    def run_cell_magic(self, *args, **kwargs):
        return None

    def system(self, *args, **kwargs):
        return None

    getoutput = system


def _error(exc: BaseException, tb_limit: int = 8) -> dict:
    lines = traceback.format_exception(type(exc), exc, exc.__traceback__, limit=-tb_limit)
    return {
        "ename": type(exc).__name__,
        "evalue": str(exc)[:2000],
        "traceback": "".join(lines)[-6000:],
    }


class StudentRunner:
    def __init__(self, cells: list[str], output_budget: int):
        self.cells = cells
        self.budget = [output_budget]
        self.out = _CappedText(self.budget)
        main = types.ModuleType("__main__")
        self.ns = main.__dict__
        self.ns.update(
            {"__builtins__": builtins, "get_ipython": _IPythonStub, "display": self._display}
        )
        sys.modules["__main__"] = main
        sys.stdout = sys.stderr = self.out
        self.sent: dict[str, str] = {}  # name -> the JSON text last sent for it

    def _display(self, *objs, **kwargs):
        for obj in objs:
            print(repr(obj))

    def run(self, i: int) -> dict:
        src = self.cells[i]
        name = f"<cell {i}>"
        linecache.cache[name] = (len(src), None, src.splitlines(True), name)
        result = None
        try:
            tree = ast.parse(src, name)
            last = None
            if tree.body and isinstance(tree.body[-1], ast.Expr):
                last = ast.Expression(tree.body.pop().value)
            exec(compile(tree, name, "exec"), self.ns)
            if last is not None:
                value = eval(compile(last, name, "eval"), self.ns)
                if value is not None:
                    result = repr(value)[:5000]
            return {"ok": True, "stdout": self.out.take(), "result": result}
        except BaseException as exc:  # SystemExit and KeyboardInterrupt too, like a kernel
            return {"ok": False, "stdout": self.out.take(), "error": _error(exc)}

    def get(self, names: list[str]) -> RawReply:
        """The encoded values, as JSON text built here (each value is dumped only once)."""
        parts = []
        for name in names:
            if name not in self.ns or name.startswith("__"):
                continue
            value = self.ns[name]
            if callable(value) and not isinstance(value, type):
                text = json.dumps({"$": "callable"})
            else:
                try:
                    text = json.dumps(codec.encode(value), allow_nan=False)
                except MemoryError:
                    raise  # the grader's trouble, not the answer's: an error reply says so
                except BaseException:
                    text = json.dumps({"$": "opaque", "type": type(value).__name__})
                if self.sent.get(name) == text:
                    text = json.dumps(codec.UNCHANGED)
                else:
                    self.sent[name] = text
            parts.append(f"{json.dumps(name)}: {text}")
        return RawReply('{"values": {' + ", ".join(parts) + "}}")

    def call(self, name: str, args: list, kwargs: dict) -> dict:
        fn = self.ns.get(name)
        if not callable(fn):
            return {
                "ok": False,
                "error": {"ename": "NameError", "evalue": f"{name} is not a function"},
            }
        try:
            value = fn(*codec.decode(args), **codec.decode(kwargs))
            self.out.take()
            return {"ok": True, "value": codec.encode(value)}
        except BaseException as exc:
            self.out.take()
            return {"ok": False, "error": _error(exc, tb_limit=3)}


def main(conn, cells: list[str], limits: Limits) -> None:
    """Entry point of the sandboxed process (target of the fork server)."""
    try:
        applied, missing = confine(limits, keep_fds={conn.fileno()})
    except BaseException as exc:  # never run student code half-confined
        conn.send_bytes(
            json.dumps({"op": "hello", "fatal": f"{type(exc).__name__}: {exc}"}).encode()
        )
        return
    sys.argv = [""]  # as in an interactive interpreter; nothing of the grader's command line
    # A grader started in the background (nohup, cron, `cmd &`) may have SIGINT ignored,
    # and that would be inherited: timeouts need SIGINT to raise KeyboardInterrupt here.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    runner = StudentRunner(cells, limits.output_bytes)
    conn.send_bytes(json.dumps({"op": "hello", "applied": applied, "missing": missing}).encode())
    handlers = {
        "run": lambda m: runner.run(m["cell"]),
        "get": lambda m: runner.get(m["names"]),
        "call": lambda m: runner.call(m["name"], m["args"], m["kwargs"]),
    }
    while True:
        try:
            msg = json.loads(conn.recv_bytes())
        except (EOFError, OSError, KeyboardInterrupt):
            return
        if msg.get("op") == "exit":
            return
        try:
            reply = handlers[msg["op"]](msg)
            data = reply if isinstance(reply, RawReply) else json.dumps(reply, allow_nan=False)
        except BaseException as exc:
            data = json.dumps(
                {"ok": False, "error": {"ename": type(exc).__name__, "evalue": str(exc)[:500]}}
            )
        try:
            conn.send_bytes(data.encode())
        except (OSError, ValueError, KeyboardInterrupt):
            return
