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

from autograder.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
