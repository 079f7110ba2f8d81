"""What the sandbox covers and what it brings back (the plan, checked without mounting)."""

import sys

from autograder.sandbox import Limits, hiding_plan


def test_other_top_level_folders_are_hidden_and_the_course_stays_hidden(tmp_path):
    other_checkout = tmp_path / "work"
    (other_checkout / "main" / "autograder" / "hidden").mkdir(parents=True)
    course = tmp_path / "srv" / "course"
    course.mkdir(parents=True)
    hide, readable = hiding_plan(
        Limits(hide=(str(course),), readable=(str(course.parent),)),
        roots=[str(other_checkout), str(tmp_path / "srv")],
    )
    assert str(other_checkout) in hide
    # A readable folder that holds a hidden path would re-expose it, so it is dropped.
    assert str(course.parent) not in readable


def test_the_interpreter_and_declared_folders_come_back(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    hide, readable = hiding_plan(Limits(readable=(str(data),)), roots=[str(tmp_path)])
    assert str(tmp_path) in hide
    assert str(data) in readable
    assert any(sys.prefix == r or sys.prefix.startswith(r + "/") for r in readable)


def test_the_repository_root_is_never_brought_back_whole(tmp_path):
    repo = tmp_path / "repo"
    (repo / "autograder").mkdir(parents=True)
    (repo / "globalsourcing").mkdir()
    sys.path.insert(0, str(repo))  # as an editable install puts it there
    try:
        _, readable = hiding_plan(
            Limits(hide=(str(repo / "autograder"),), readable=(str(repo / "globalsourcing"),)),
            roots=[str(tmp_path)],
        )
    finally:
        sys.path.remove(str(repo))
    assert str(repo) not in readable
    assert str(repo / "globalsourcing") in readable


def test_a_folder_inside_a_hidden_path_is_not_brought_back(tmp_path):
    tests = tmp_path / "repo" / "tests"
    (tests / "autograder" / "fixtures").mkdir(parents=True)
    sys.path.insert(0, str(tests / "autograder"))  # as pytest puts a test folder there
    try:
        _, readable = hiding_plan(Limits(hide=(str(tests),)), roots=[str(tmp_path)])
    finally:
        sys.path.remove(str(tests / "autograder"))
    assert not any(r == str(tests) or r.startswith(str(tests) + "/") for r in readable)
