"""Reading a chapter's MyST source the way the build reads it, and the book's .bib files.

Front matter, fenced blocks (code cells, quizzes, directives) and roles are not prose; ``##``
headings are the sections a reader sees; ``{footcite:t}`` and ``{footcite:p}`` roles cite
keys that live in ``book/bib/*.bib`` (and, for the instructor edition,
``instructor/teaching-notes.bib``). One copy of each pattern, used by the chapter linter and
by the tests.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

FENCE = re.compile(r"^(`{3,})\{?([\w-]*)\}?[^\n]*\n(.*?)^\1\s*$", re.S | re.M)
ROLE = re.compile(r"\{[\w:-]+\}`[^`]*`")
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.-]*")
# A citation role; its text is one key or several separated by commas.
CITE = re.compile(r"\{(?:foot)?cite:[tp]\}`([^`]+)`")
# A link to another page of the book, with an optional #anchor.
DOC_LINK = re.compile(r"\]\(([^)#\s:]+\.md)(?:#[^)]*)?\)")
_BIB_START = re.compile(r"^(?=@)", re.M)
_BIB_HEAD = re.compile(r"@(\w+)\{([^,\s]+),")
_BIB_FIELD = re.compile(r"^\s*(\w+)\s*=\s*\{(.*)\},?\s*$", re.M)


def body(text: str) -> str:
    """The chapter without its front matter."""
    if text.startswith("---\n"):
        return text[text.index("\n---\n", 4) + 5 :]
    return text


def front_matter_lines(text: str) -> int:
    """How many lines the front matter takes (0 without one)."""
    return text[: len(text) - len(body(text))].count("\n")


def prose(text: str) -> str:
    """The chapter without front matter and fenced blocks (code cells, quizzes, directives)."""
    return FENCE.sub("", body(text))


def prose_words(text: str) -> int:
    """Words a reader reads: no code, quiz YAML, citation keys, headings, table rules or link targets."""
    lines = []
    for line in ROLE.sub("", prose(text)).splitlines():
        stripped = line.strip()
        if stripped.startswith("#") or re.fullmatch(r"\|?[\s:|-]+\|?", stripped or "x"):
            continue
        lines.append(re.sub(r"\]\([^)]*\)", "]", line))
    return len(WORD.findall("\n".join(lines)))


def headings(text: str) -> list[str]:
    """The chapter's second-level section titles, in order."""
    return [m.group(1).strip() for m in re.finditer(r"^## (.+)$", prose(text), re.M)]


def sections(text: str) -> dict[str, str]:
    """Each ``##`` heading mapped to the prose under it (the first of two equal titles wins)."""
    parts = re.split(r"^## (.+)$", prose(text), flags=re.M)
    found: dict[str, str] = {}
    for i in range(1, len(parts), 2):
        found.setdefault(parts[i].strip(), parts[i + 1])
    return found


def blocks(text: str) -> list[tuple[int, str, str]]:
    """(line of the opening fence, directive name, body) for every fenced block."""
    offset = front_matter_lines(text)
    rest = body(text)
    return [
        (offset + rest.count("\n", 0, m.start()) + 1, m.group(2), m.group(3))
        for m in FENCE.finditer(rest)
    ]


def fenced_blocks(text: str) -> list[tuple[str, str]]:
    """(directive name, body) for every fenced block, e.g. ('code-cell', ...), ('quiz', ...)."""
    return [(name, src) for _, name, src in blocks(text)]


def is_exhibit_cell(source: str) -> bool:
    """A code cell whose input the page hides."""
    return bool(re.search(r"^:tags:.*remove-input", source, re.M))


def exhibit_cells(text: str) -> list[str]:
    """Code cells whose input the page hides: the exhibits."""
    return [
        src for name, src in fenced_blocks(text) if name == "code-cell" and is_exhibit_cell(src)
    ]


def run_cell(source: str, namespace: dict):
    """Execute a cell as Jupyter does and return the value of its last expression."""
    code = "\n".join(line for line in source.splitlines() if not line.startswith(":tags:"))
    tree = ast.parse(code)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    exec(compile(tree, "<cell>", "exec"), namespace)
    if last is None:
        return None
    return eval(compile(ast.Expression(last.value), "<cell>", "eval"), namespace)


def cited_keys(text: str) -> set[str]:
    """Every key the text cites."""
    return {key for _, key in citations(text)}


def citations(text: str) -> list[tuple[int, str]]:
    """(line, key) for every key of every citation role in the text."""
    return [
        (text.count("\n", 0, m.start()) + 1, key.strip())
        for m in CITE.finditer(text)
        for key in m.group(1).split(",")
        if key.strip()
    ]


def line_of(text: str, snippet: str) -> int:
    """The line where ``snippet`` (or its first line) first stands in the text; 1 if nowhere."""
    first = snippet.strip().splitlines()[0][:80] if snippet.strip() else ""
    at = text.find(first) if first else -1
    return text.count("\n", 0, at) + 1 if at >= 0 else 1


def parse_bib(text: str, file: str = "") -> list[dict]:
    """Entries of a .bib text: key, file, type and lower-case field names."""
    entries = []
    for chunk in _BIB_START.split(text):
        head = _BIB_HEAD.match(chunk)
        if not head:
            continue
        fields = {name.lower(): value.strip() for name, value in _BIB_FIELD.findall(chunk)}
        entries.append(
            {"key": head.group(2), "file": file, "type": head.group(1).lower(), **fields}
        )
    return entries


def bib_entries(files: list[Path]) -> list[dict]:
    """Every entry of the given .bib files, in file order."""
    return [e for f in files for e in parse_bib(f.read_text(encoding="utf-8"), f.name)]


def book_bib_files(root: Path) -> list[Path]:
    """The student book's .bib files (book/bib/*.bib)."""
    return sorted((root / "book" / "bib").glob("*.bib"))


def edition_bib_files(root: Path) -> list[Path]:
    """The instructor edition's .bib files: the book's and the teaching notes'."""
    notes = root / "instructor" / "teaching-notes.bib"
    return [*book_bib_files(root), *([notes] if notes.is_file() else [])]
