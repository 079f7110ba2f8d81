"""Show a failed check as its message alone in IPython, for this one cell."""

from __future__ import annotations

import sys


def show_message_only() -> None:
    """In IPython, print the traceback of the exception being raised as just its message.

    A check's message is what the student needs; the traceback would quote the checking
    code and the lines around the call (in a graded test cell, the hidden-test block too),
    and nbgrader keeps that output in the feedback. The previous mode returns after the
    cell has run. Outside IPython this does nothing.
    """
    ipython = sys.modules.get("IPython")  # imported by any running shell; never import it here
    if ipython is None:
        return
    shell = ipython.get_ipython()
    if shell is None or not hasattr(shell, "InteractiveTB"):
        return
    formatter = shell.InteractiveTB
    previous = formatter.mode
    formatter.set_mode("Minimal")

    def restore(*_args) -> None:
        formatter.set_mode(previous)
        shell.events.unregister("post_run_cell", restore)

    shell.events.register("post_run_cell", restore)
