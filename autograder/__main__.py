import sys

# jsonschema (imported with nbformat) compiles an RFC 3987 grammar with lark when the
# optional rfc3987_syntax is installed: about 1.2 s of CPU in every run, for IRI string
# formats that neither nbformat's nor nbgrader's schemas use. Skip it in the grader.
if "jsonschema" not in sys.modules:
    sys.modules.setdefault("rfc3987_syntax", None)

from autograder.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
