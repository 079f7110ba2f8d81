"""Reading a chapter's MyST source the way the part-structure tests need it.

Shared by tests/book/test_*_part.py: what counts as prose, its sections, its fenced blocks,
its exhibit cells, and running an exhibit cell as Jupyter would.
"""

from __future__ import annotations

import ast
import re

FENCE = re.compile(r"^(`{3,})\{?([\w-]*)\}?[^\n]*\n(.*?)^\1\s*$", re.S | re.M)
ROLE = re.compile(r"\{[\w:-]+\}`[^`]*`")
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.-]*")
CITE = re.compile(r"\{footcite:[tp]\}`([^`]+)`")
BIB_KEY = re.compile(r"^@\w+\{([^,\s]+),", re.M)

# The sections every teaching chapter shows, in this order (docs/authoring.md); prefixes match.
TEACHING_SECTIONS = (
    "Learning objectives",
    "Evidence",
    "Check your understanding",
    "Discussion questions",
    "Key terms",
    "Further reading",
    "References",
)


def assert_sections_in_order(name: str, found: list[str], required=TEACHING_SECTIONS) -> None:
    """Every required section is present (as a title prefix) and they come in order."""
    positions = []
    for section in required:
        hits = [i for i, title in enumerate(found) if title.startswith(section)]
        assert hits, f"{name}: missing section '## {section}' (has {found})"
        positions.append(hits[0])
    assert positions == sorted(positions), f"{name}: sections out of order: {found}"


def body(text: str) -> str:
    """The chapter without its front matter."""
    if text.startswith("---\n"):
        return text[text.index("\n---\n", 4) + 5 :]
    return text


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


def fenced_blocks(text: str) -> list[tuple[str, str]]:
    """(directive name, body) for every fenced block, e.g. ('code-cell', ...), ('quiz', ...)."""
    return [(m.group(2), m.group(3)) for m in FENCE.finditer(body(text))]


def exhibit_cells(text: str) -> list[str]:
    """Code cells whose input the page hides: the exhibits."""
    return [
        src
        for name, src in fenced_blocks(text)
        if name == "code-cell" and re.search(r"^:tags:.*remove-input", src, re.M)
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
