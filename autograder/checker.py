"""The clean side of grading: instructor test cells run here, never in the sandbox.

For each test cell, the checker asks the student process for the values the test
refers to (decoded from safe JSON), turns student functions into remote calls that
execute in the sandbox, and runs the instructor's code with the real builtins, the
real ``assert`` and freshly imported helper modules.  Names the instructor imported
in read-only cells (``pd``, ``np``, ``check`` ...) are imported here too and are
never taken from the student, so redefining or monkeypatching them has no effect.

Scores follow nbgrader's rules: an error or any stderr output gives 0, a numeric
last expression gives partial credit, anything else gives full points.
"""

from __future__ import annotations

import ast
import builtins
import contextlib
import copy
import importlib
import io
import sys
import threading
import traceback
import types
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from . import codec
from .outcome import CellError, CellKind, CellResult, CellStatus, StepKind, StepOutput, VisibleTest
from .plan import Plan, Step, to_python
from .spec import SpecCell
from .student_process import SandboxDied, SandboxReplyError, StudentProcess

# Modules the checker may import for a student value that is a module; the course's own
# packages come from its declaration (Checker(modules=...), the top level of its preload).
SAFE_MODULES = {
    "numpy", "pandas", "math", "statistics", "re", "json", "datetime", "collections", "itertools",
    "functools", "decimal", "fractions", "random", "string", "operator", "altair",
}  # fmt: skip
BUILTIN_NAMES = set(dir(builtins))


class StudentCodeError(Exception):
    """An exception raised by student code during a remote call."""


class FailedImport:
    """Stands in for a setup import that failed in the checker: any use fails the test."""

    def __init__(self, name: str, reason: str):
        self._name, self._reason = name, reason

    def _fail(self, *args: Any, **kwargs: Any) -> Any:
        raise ImportError(f"the grader could not import {self._name!r}: {self._reason}")

    __call__ = __getattr__ = __getitem__ = __iter__ = __bool__ = _fail
    __eq__ = _fail  # type: ignore[assignment]
    __hash__ = object.__hash__

    def __repr__(self) -> str:
        return f"<failed import {self._name}>"


def _module(name: str, course_modules: frozenset[str] = frozenset()) -> Any:
    """The checker's own copy of a module a student global refers to, or an opaque marker."""
    module = sys.modules.get(name)
    if module is not None:
        return module
    if name.split(".")[0] in SAFE_MODULES | course_modules:
        try:
            return importlib.import_module(name)
        except Exception:  # noqa: BLE001 - e.g. ModuleNotFoundError for a made-up submodule
            return codec.Opaque(f"module {name} (the grader cannot import it)")
    return codec.Opaque(f"module {name}")


class RemoteFunction:
    """A student function: calling it runs it inside the sandbox."""

    def __init__(self, proc: StudentProcess, name: str):
        self._proc, self.__name__ = proc, name

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        try:
            a, k = codec.encode(list(args)), codec.encode(dict(kwargs))
        except ValueError as exc:
            raise TypeError(f"cannot pass these arguments to {self.__name__}(): {exc}") from None
        if any(v.get("$") == "opaque" for v in _walk(a) + _walk(k)):
            raise TypeError(f"{self.__name__}() can only be called with plain values")
        reply = self._proc.call(self.__name__, a, k)
        if reply.get("ok"):
            return codec.decode(reply.get("value"))
        err = reply.get("error") or {}
        raise _rebuild(str(err.get("ename", "Error")), str(err.get("evalue", "")))

    def __repr__(self) -> str:
        return f"<student function {self.__name__}>"


def _walk(data: Any) -> list[dict]:
    found: list[dict] = []
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            found.append(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def _rebuild(ename: str, evalue: str) -> BaseException:
    cls = getattr(builtins, ename, None)
    if isinstance(cls, type) and issubclass(cls, Exception):
        try:
            return cls(evalue)
        except Exception:
            pass
    return StudentCodeError(f"{ename}: {evalue}")


# ------------------------------------------------------------------- per-thread output capture


class _ThreadStreams:
    """sys.stdout/sys.stderr that write to a per-thread buffer while a test runs."""

    local = threading.local()

    def __init__(self, name: str, real):
        self.name, self.real = name, real

    def write(self, text: str) -> int:
        buf = getattr(self.local, self.name, None)
        return (buf or self.real).write(text)

    def flush(self) -> None:
        buf = getattr(self.local, self.name, None)
        (buf or self.real).flush()

    def __getattr__(self, item: str) -> Any:
        return getattr(self.real, item)


_capture_lock = threading.Lock()
_capture_depth = 0
_capture_saved: tuple[Any, Any, Any] | None = None


def _grading_warning_filters() -> None:
    # Like a fresh kernel for every submission: a warning shows each time it is raised
    # (no once-per-process registry), deprecations only from test code.
    warnings.filterwarnings("always")
    for category in (DeprecationWarning, PendingDeprecationWarning, ImportWarning, ResourceWarning):
        warnings.filterwarnings("ignore", category=category)
    warnings.filterwarnings("always", category=DeprecationWarning, module="__main__")


@contextlib.contextmanager
def captured_output() -> Iterator[None]:
    """Per-thread stdout/stderr capture and the grading warning filters, for one run only.

    On entry sys.stdout and sys.stderr become streams that a test running in the same
    thread writes to its own buffer (every other thread writes through, unchanged), and
    the warning filters are those of a fresh kernel. Nested and concurrent runs share
    them; when the last one leaves, the streams and the filters the process had before
    are back (whatever a grading run changed in between).
    """
    global _capture_depth, _capture_saved
    with _capture_lock:
        if _capture_depth == 0:
            catcher = warnings.catch_warnings()
            catcher.__enter__()
            _capture_saved = (sys.stdout, sys.stderr, catcher)
            sys.stdout = _ThreadStreams("stdout", sys.stdout)
            sys.stderr = _ThreadStreams("stderr", sys.stderr)
            _grading_warning_filters()
        _capture_depth += 1
    try:
        yield
    finally:
        with _capture_lock:
            _capture_depth -= 1
            if _capture_depth == 0 and _capture_saved is not None:
                stdout, stderr, catcher = _capture_saved
                _capture_saved = None
                sys.stdout, sys.stderr = stdout, stderr
                catcher.__exit__(None, None, None)


# ------------------------------------------------------------------------------- the checker


def _referenced_names(code: types.CodeType) -> set[str]:
    names: set[str] = set()
    stack = [code]
    while stack:
        co = stack.pop()
        names.update(co.co_names)
        stack.extend(c for c in co.co_consts if isinstance(c, types.CodeType))
    return names


def _message_is_safe(exc: BaseException, policy: str, safe: tuple[str, ...] = ()) -> bool:
    """``safe``: modules (the course's ``safe_messages``) whose exceptions carry messages
    written for students (the problem without the expected values), so "auto" shows them
    for hidden tests too."""
    if policy == "full":
        return True
    if policy == "auto":
        module = type(exc).__module__
        return any(module == m or module.startswith(m + ".") for m in safe)
    return False


def _partial_grade(text: str, points: float) -> float:
    from nbgrader.utils import get_partial_grade

    return float(get_partial_grade({"data": {"text/plain": text}}, points))


class Checker:
    def __init__(
        self,
        proc: StudentProcess,
        hidden_messages: str = "auto",
        safe_messages: tuple[str, ...] = (),
        modules: frozenset[str] = frozenset(),
    ):
        self.proc = proc
        self.hidden_messages = hidden_messages
        self.safe_messages = tuple(safe_messages)
        self.modules = frozenset(modules)
        self.ns: dict[str, Any] = {"__name__": "__main__", "__builtins__": builtins}
        self.protected: set[str] = set()
        self.student_names: set[str] = set()
        self.decoded: dict[str, Any] = {}  # name -> the value as last decoded (kept pristine)

    def import_setup(self, source: str) -> None:
        """Run the import statements of an instructor read-only cell here as well.

        Fails closed: a name whose import fails here is still protected (never taken from
        the student), and a test that uses it fails with the import error.
        """
        try:
            tree = ast.parse(to_python(source))
        except SyntaxError:
            return
        for node in tree.body:
            if isinstance(node, ast.Import | ast.ImportFrom):
                before = set(self.ns)
                names = [alias.asname or alias.name.split(".")[0] for alias in node.names]
                try:
                    exec(compile(ast.Module([node], []), "<setup imports>", "exec"), self.ns)
                except Exception as exc:  # noqa: BLE001 - any import error must fail closed
                    reason = f"{type(exc).__name__}: {exc}"
                    for name in names:
                        if name != "*":
                            self.ns.setdefault(name, FailedImport(name, reason))
                self.protected |= set(self.ns) - before
                self.protected.update(n for n in names if n != "*")

    def _bring(self, name: str, value: Any) -> Any:
        if isinstance(value, dict) and value.get("$") == "callable":
            return RemoteFunction(self.proc, name)
        if value == codec.UNCHANGED:
            # Sent before under this name and not changed since: a copy of what was
            # decoded then (the tests that ran in between may have altered theirs).
            if name not in self.decoded:
                raise codec.DecodeError(
                    "malformed value from the sandbox: 'unchanged' for a value never sent"
                )
            return copy.deepcopy(self.decoded[name])
        decoded = codec.decode(value)
        if isinstance(decoded, codec.ModuleRef):
            return _module(decoded.name, self.modules)
        self.decoded[name] = decoded
        return copy.deepcopy(decoded)

    def run_test(self, sc: SpecCell) -> CellResult:
        filename = f"<test {sc.grade_id}>"
        code = to_python(sc.source)
        try:
            tree = ast.parse(code, filename)
            last = None
            if tree.body and isinstance(tree.body[-1], ast.Expr):
                last = ast.Expression(tree.body.pop().value)
            body = compile(tree, filename, "exec")
            tail = compile(last, filename, "eval") if last is not None else None
        except SyntaxError as exc:
            return self._outcome(
                sc, 0.0, CellStatus.ERROR, f"the test itself has a syntax error: {exc}", "", False
            )
        wanted = _referenced_names(body) | (_referenced_names(tail) if tail else set())
        wanted -= BUILTIN_NAMES | self.protected
        try:
            fetched = self.proc.get(sorted(wanted))
            for name in wanted & self.student_names - set(fetched):
                self.ns.pop(name, None)  # deleted by the student since the last test
            for name, value in fetched.items():
                if name in wanted:
                    self.ns[name] = self._bring(name, value)
                    self.student_names.add(name)
        except SandboxDied as exc:
            return self._outcome(sc, 0.0, CellStatus.FAILED, f"not tested: {exc}", "", False)
        except SandboxReplyError as exc:
            message = f"not tested: the grader could not read the answer from the sandbox ({exc})"
            return self._outcome(sc, 0.0, CellStatus.FAILED, message, "", False)
        except codec.DecodeError as exc:
            return self._outcome(sc, 0.0, CellStatus.FAILED, str(exc), "", False)
        except Exception as exc:  # noqa: BLE001 - a hostile reply fails this test, not the run
            message = f"not tested: the answer could not be read ({type(exc).__name__}: {exc})"
            return self._outcome(sc, 0.0, CellStatus.FAILED, message[:500], "", False)

        import linecache

        linecache.cache[filename] = (len(code), None, code.splitlines(True), filename)
        out, err = io.StringIO(), io.StringIO()
        if not isinstance(sys.stdout, _ThreadStreams) or not isinstance(sys.stderr, _ThreadStreams):
            raise RuntimeError("a test runs only inside captured_output() (run_plan enters it)")
        _ThreadStreams.local.stdout, _ThreadStreams.local.stderr = out, err
        result = None
        try:
            exec(body, self.ns)
            if tail is not None:
                result = eval(tail, self.ns)
        except BaseException as exc:  # noqa: BLE001 - a test may raise anything, even SystemExit
            return self._failure(sc, exc, filename, out.getvalue())
        finally:
            _ThreadStreams.local.stdout = _ThreadStreams.local.stderr = None
            linecache.cache.pop(filename, None)
        points = sc.points or 0.0
        if err.getvalue():
            msg = (
                "the test wrote to stderr (nbgrader counts this as a failure): "
                + err.getvalue()[:300]
            )
            return self._outcome(
                sc, 0.0, CellStatus.FAILED, msg, out.getvalue() + err.getvalue(), False
            )
        if result is not None:
            try:
                score = _partial_grade(repr(result), points)
            except ValueError as exc:
                return self._outcome(
                    sc,
                    0.0,
                    CellStatus.ERROR,
                    f"the test's partial credit is invalid: {exc}",
                    "",
                    False,
                )
            status = CellStatus.PASSED if score >= points else CellStatus.PARTIAL
            return self._outcome(sc, score, status, "", out.getvalue() + repr(result), False)
        return self._outcome(sc, points, CellStatus.PASSED, "", out.getvalue(), False)

    def _failure(self, sc: SpecCell, exc: BaseException, filename: str, stdout: str) -> CellResult:
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == filename]
        lineno = frames[-1].lineno if frames else None
        ename, evalue = type(exc).__name__, str(exc)
        if isinstance(exc, StudentCodeError):
            ename, _, evalue = evalue.partition(": ")
        hidden = lineno is not None and lineno in sc.hidden_lines()
        if isinstance(exc, SandboxDied):
            message = f"not tested: {exc}"
        elif hidden:
            message = f"A hidden test failed ({ename})."
            if evalue and _message_is_safe(exc, self.hidden_messages, self.safe_messages):
                message = (
                    evalue if evalue.startswith("A hidden test failed") else f"{message} {evalue}"
                )
        else:
            line = sc.source.splitlines()[lineno - 1].strip() if lineno else ""
            message = f"{ename}: {evalue}" if evalue else ename
            if line:
                message = f"line {lineno}: {line}\n{message}"
        detail = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        return self._outcome(sc, 0.0, CellStatus.FAILED, message, stdout + detail, hidden)

    def _outcome(
        self,
        sc: SpecCell,
        score: float,
        status: CellStatus,
        message: str,
        detail: str,
        hidden: bool,
    ) -> CellResult:
        return CellResult(
            grade_id=sc.grade_id,
            kind=CellKind.TEST,
            points=sc.points,
            score=score,
            status=status,
            message=message,
            hidden_failed=hidden,
            detail=detail[-8000:],
        )


@dataclass
class PlanRun:
    """What running one plan gave: the graded cells, every step's output, the timeouts."""

    cells: list[CellResult]
    outputs: list[StepOutput]
    timed_out_cells: list[int]


def run_plan(
    plan: Plan,
    proc: StudentProcess,
    hidden_messages: str = "auto",
    safe_messages: tuple[str, ...] = (),
    modules: frozenset[str] = frozenset(),
) -> PlanRun:
    """Execute a plan step by step. Returns per-step outputs and per-graded-cell results.

    ``safe_messages`` and ``modules`` come from the course's declaration (its
    ``safe_messages``, and the top-level packages of its ``preload``)."""
    checker = Checker(proc, hidden_messages, safe_messages, modules)
    outputs: list[StepOutput] = []
    cells: list[CellResult] = []
    with captured_output():
        for step in plan.steps:
            kind = StepKind(step.kind)
            source = step.spec.visible_source if kind is StepKind.TEST else step.source
            ran: dict[str, Any] = {}
            if kind is StepKind.SETUP:
                checker.import_setup(step.source)
            if step.code_index is not None:
                ran = _run_code(proc, step)
            test = instructor_output = None
            if kind is StepKind.TEST:
                outcome = checker.run_test(step.spec)
                test = VisibleTest(outcome.status, outcome.message, outcome.score, outcome.points)
                instructor_output = outcome.detail
                cells.append(outcome)
            elif kind in (StepKind.ANSWER, StepKind.MANUAL, StepKind.TASK):
                cells.append(_written(step))
            outputs.append(
                StepOutput(
                    kind,
                    step.grade_id,
                    step.cell_type,
                    source,
                    **ran,
                    test=test,
                    instructor_output=instructor_output or "",
                )  # fmt: skip
            )
    return PlanRun(cells, outputs, proc.timed_out_cells)


def _run_code(proc: StudentProcess, step: Step) -> dict[str, Any]:
    """The student process's reply for one cell, as StepOutput fields (checked here, once)."""
    try:
        reply = proc.run_cell(step.code_index)
    except SandboxDied as exc:
        return {"ok": False, "error": CellError("NotRun", f"not run: {exc}")}
    except Exception as exc:  # noqa: BLE001 - e.g. a reply nested too deeply to parse
        reason = f"the sandbox's reply could not be read ({type(exc).__name__})"
        return {"ok": False, "error": CellError("NotRun", reason)}
    error = reply.get("error")
    return {
        "ok": bool(reply.get("ok")),
        "stdout": str(reply.get("stdout", ""))[:200_000],
        "result": reply.get("result") if isinstance(reply.get("result"), str) else None,
        "error": CellError(
            str(error.get("ename", "Error")),
            str(error.get("evalue") or ""),
            str(error.get("traceback") or ""),
        )
        if isinstance(error, dict)
        else None,
    }


def _written(step: Step) -> CellResult:
    sc = step.spec
    kind = CellKind(step.kind)
    if kind is CellKind.ANSWER:
        status = CellStatus.UNANSWERED if step.unanswered else CellStatus.ANSWERED
        return CellResult(sc.grade_id, kind, sc.points, None, status)
    if step.unanswered:
        msg = "no answer (the cell was deleted)" if step.restored else "no answer"
        return CellResult(sc.grade_id, kind, sc.points, 0.0, CellStatus.NOT_ANSWERED, msg)
    return CellResult(sc.grade_id, kind, sc.points, None, CellStatus.PENDING)
