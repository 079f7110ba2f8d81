"""Text for the instructor's terminal: nothing a student wrote may drive the terminal.

File names, student ids and reasons come from submissions, and a name holding escape
sequences could clear the screen or fake a line of output. Every control or
formatting character (C0, C1, DEL, bidirectional overrides) is shown as an escape.
"""

from __future__ import annotations

import sys
import unicodedata


def clean(text: object) -> str:
    """``text`` with every control or format character replaced by a visible escape."""
    out = []
    for ch in str(text):
        if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp"):
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def say(*parts: object, error: bool = False) -> None:
    """print() for the terminal: each part cleaned, one line."""
    print(" ".join(clean(p) for p in parts), file=sys.stderr if error else sys.stdout)
