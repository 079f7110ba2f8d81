"""Tools for authors of the book: reading chapter sources and the chapter linter.

``python -m globalsourcing lint-chapters`` runs :mod:`globalsourcing.authoring.lint`.
"""
