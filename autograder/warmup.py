"""Prepare the fork server once, before any fork: shared spots, then the setup cells.

Imports and data caches they fill (``load("market_size")`` and the like) are then
inherited by every student process instead of being rebuilt per submission.  The
cells are the instructor's public setup code, the same text students receive in the
release; no test code or gradebook content comes here.  Failures are ignored: the
setup cells run again, for real, in each student process.
"""

import contextlib
import io
import json
import os

from autograder.sandbox import shared_spots

# Found once here, inherited by every student process (a walk of /etc, /var and /dev).
shared_spots()

_code = os.environ.pop("AUTOGRADER_WARMUP", None)
_fd = os.environ.pop("AUTOGRADER_WARMUP_FD", None)
if _fd is not None:
    # Started early (student_process.start_early): the setup cells arrive on this pipe
    # once the grader knows them; an empty read (the grader stopped it) means none.
    with open(int(_fd), "rb") as _pipe:
        _code = _pipe.read().decode() or None
if _code:
    _ns: dict = {"__name__": "__warmup__"}
    for _src in json.loads(_code):
        try:
            with (
                contextlib.redirect_stdout(io.StringIO()),
                contextlib.redirect_stderr(io.StringIO()),
            ):
                exec(compile(_src, "<warmup>", "exec"), _ns)
        except BaseException:  # noqa: BLE001, S110 - best effort only
            pass
    del _ns

# Everything imported and cached by now (numpy, pandas, the course package, the data the
# setup cells loaded) is shared with every student process. Frozen, it is left out of the
# children's garbage collections, which would otherwise write to those objects' pages and
# make the kernel copy them in every child (docs/benchmarks/grading.md).
import gc  # noqa: E402

gc.collect()
gc.freeze()
