"""nbgrader configuration of the globalsourcing course (run nbgrader from exercises/).

    cd exercises
    nbgrader generate_assignment ps5_tco      # source/ -> release/ (solutions and hidden tests removed)
    nbgrader autograde ps5_tco                # submitted/ -> autograded/ and gradebook.db

The source notebooks are generated from authoring/ by build_source.py; edit those
descriptions, not the notebooks.
"""

import os
from pathlib import Path

c = get_config()  # noqa: F821  (provided by traitlets when it loads this file)

COURSE = Path(__file__).resolve().parent
# The repository that holds exercises/hidden/ (the instructor-only hidden tests). Kernels
# started by nbgrader inherit this process's environment, so putting exercises/ on
# PYTHONPATH lets the hidden-test blocks run `from hidden import <assignment>`, and the
# repository itself lets notebooks released before the move import autograder.hidden.
# Set GLOBALSOURCING_REPO when the course folder has been copied elsewhere. (The grader,
# python -m autograder, reads grading.toml beside this file instead.)
REPO = Path(os.environ.get("GLOBALSOURCING_REPO", COURSE.parent)).resolve()
if (REPO / "exercises" / "hidden").is_dir():
    paths = [str(REPO / "exercises"), str(REPO)]
    paths += filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))
    os.environ["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))

c.CourseDirectory.course_id = "globalsourcing"
c.CourseDirectory.root = str(COURSE)

# Loading and reshaping the World Bank panel takes a few seconds; leave room for it.
c.Execute.timeout = 120
# A graceful kernel shutdown sometimes waits seconds for nothing; grading needs no cleanup.
c.Execute.shutdown_kernel = "immediate"
# A student who deleted a test cell still gets it back, and graded, from the gradebook.
c.OverwriteCells.add_missing_cells = True

c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"

# Feedback shows the test cells as students saw them: the hidden-test block is removed from
# the cell source (by default nbgrader restores it into the feedback). The failing hidden
# test's message still appears, and run_hidden keeps the hidden module's code out of it.
# Named by dotted path: nbconvert's Exporter.register_preprocessor imports them when
# `nbgrader generate_feedback` runs, so reading this file (as `python -m autograder` does
# on every run) does not import nbconvert and nbgrader's preprocessors (about 0.6 s of CPU).
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "nbgrader.preprocessors.ClearHiddenTests",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]
