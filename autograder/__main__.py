import sys

# jsonschema (imported with nbformat) compiles an RFC 3987 grammar with lark when the
# optional rfc3987_syntax is installed: about 1.2 s of CPU in every run, for IRI string
# formats that neither nbformat's nor nbgrader's schemas use. Skip it in the grader.
if "jsonschema" not in sys.modules:
    sys.modules.setdefault("rfc3987_syntax", None)


def light_nbgrader() -> None:
    """Make ``import nbgrader.api`` skip nbgrader's package ``__init__``.

    That ``__init__`` imports nbgrader's four Jupyter server extensions (tornado,
    jupyter_server, nbconvert and every nbgrader app): about 0.4 s of CPU in every
    grading run, before the first submission, for code the grader never calls. The
    submodules it uses (api, utils) need only the package's path and ``__version__``.
    """
    import importlib.util

    if "nbgrader" in sys.modules:
        return
    spec = importlib.util.find_spec("nbgrader")
    if spec is None or not spec.submodule_search_locations:
        return
    package = importlib.util.module_from_spec(spec)
    sys.modules["nbgrader"] = package
    try:
        from nbgrader._version import __version__
    except Exception:  # noqa: BLE001 - an unusual install: import it the ordinary way
        del sys.modules["nbgrader"]
        return
    package.__version__ = __version__


if sys.argv[1:2] == ["grade"] and __name__ == "__main__":
    light_nbgrader()


def leave(code: int) -> None:
    """End a grading run without tearing down every module one by one.

    With pandas, SQLAlchemy and nbgrader loaded, the interpreter's own shutdown takes
    about half a second of CPU after the last result is stored, in every run. Everything
    that matters at exit still happens: other threads are joined, the ``atexit``
    handlers run (multiprocessing's clean-up among them), the streams are flushed.
    """
    import atexit
    import contextlib
    import os
    import threading

    shutdown = getattr(threading, "_shutdown", None)  # joins threads that are not daemons
    if shutdown is not None:
        shutdown()
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):  # a closed pipe: nothing more can be said
            stream.flush()
    os._exit(code)


from autograder.cli import main  # noqa: E402

if __name__ == "__main__":
    status = main()
    if sys.argv[1:2] == ["grade"]:
        leave(status if isinstance(status, int) else 0)
    sys.exit(status)
