"""The one exception every data problem raises."""

from __future__ import annotations


class DatasetError(ValueError):
    """A dataset could not be listed, found, downloaded, verified or validated.

    The message always names the dataset, says what is wrong and how to fix it;
    the three parts are also kept as attributes for code that wants them.
    """

    def __init__(self, dataset: str, problem: str, fix: str) -> None:
        self.dataset = dataset
        self.problem = problem
        self.fix = fix
        super().__init__(f"dataset {dataset!r}: {problem}\nFix: {fix}")
