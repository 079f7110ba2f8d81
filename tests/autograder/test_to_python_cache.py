"""Cells are turned from IPython syntax into Python once per run, not once per submission.

Every submission brings back the instructor's setup and test cells and the release's
answer stubs; ``plan.to_python`` remembers what it made of each (issue 14 throughput).
What it returns must be what IPython's transformer returns.
"""

from __future__ import annotations

from IPython.core.inputtransformer2 import TransformerManager

from autograder import plan

SOURCES = [
    "x = 1\nx + 1",
    "%matplotlib inline\nimport pandas as pd",
    "!ls -la\nfiles = !ls",
    "%%time\ntotal = sum(range(10))",
    "value = 3  # comment\n",
    "def f(:\n    pass",  # a syntax error: left to the caller to report
]


def test_cached_results_are_ipythons():
    reference = TransformerManager()
    for source in SOURCES:
        assert plan.to_python(source) == reference.transform_cell(source)
        assert plan.to_python(source) == reference.transform_cell(source)  # from the cache


def test_a_repeated_source_is_transformed_once(monkeypatch):
    calls: list[str] = []
    real = plan._to_python

    def counting(source: str) -> str:
        calls.append(source)
        return real(source)

    monkeypatch.setattr(plan, "_to_python", counting)
    plan._to_python_cached.cache_clear()
    for _ in range(5):
        plan.to_python("%time answer = 42")
    assert calls == ["%time answer = 42"]


def test_a_large_source_is_not_remembered():
    plan._to_python_cached.cache_clear()
    big = "x = 1\n" * (plan.CACHED_SOURCE_CHARS // 6 + 1)
    assert plan.to_python(big) == big
    assert plan._to_python_cached.cache_info().currsize == 0
