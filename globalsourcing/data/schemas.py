"""Column schemas: ``datasets/<name>/schema.yaml`` turned into pandas dtypes and pandera.

A schema file lists every column in order with its dtype, whether it may be
missing, a description (shown in the datasheet) and optional checks. pandera is
imported only when a frame is validated, so importing ``globalsourcing.data``
stays fast.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from globalsourcing.data.errors import DatasetError

# dtypes a schema may use, and the pandas dtype each is read as.
DTYPES = {
    "int64": "int64",
    "Int64": "Int64",
    "float64": "float64",
    "string": "string",
    "bool": "bool",
    "boolean": "boolean",
}
CHECKS = ("ge", "le", "isin", "str_matches", "unique")


@dataclass(frozen=True)
class ColumnSpec:
    name: str
    dtype: str
    nullable: bool
    description: str
    checks: tuple[tuple[str, Any], ...]


@dataclass(frozen=True)
class TableSchema:
    dataset: str
    columns: tuple[ColumnSpec, ...]
    unique: tuple[str, ...]

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def read_dtypes(self) -> dict[str, str]:
        """dtype per column for ``pandas.read_csv``."""
        return {c.name: DTYPES[c.dtype] for c in self.columns}

    def to_markdown(self) -> str:
        """The column dictionary shown in every datasheet."""
        lines = ["| column | type | missing allowed | meaning |", "| --- | --- | --- | --- |"]
        for c in self.columns:
            rule = _describe_checks(c.checks)
            meaning = c.description + (f" ({rule})" if rule else "")
            lines.append(
                f"| `{c.name}` | {c.dtype} | {'yes' if c.nullable else 'no'} | {meaning} |"
            )
        if self.unique:
            lines.append("")
            lines.append(f"Each row is identified by ({', '.join(f'`{u}`' for u in self.unique)}).")
        return "\n".join(lines)


def _describe_checks(checks: tuple[tuple[str, Any], ...]) -> str:
    parts = []
    for kind, value in checks:
        if kind == "ge":
            parts.append(f">= {value}")
        elif kind == "le":
            parts.append(f"<= {value}")
        elif kind == "isin":
            parts.append("one of " + ", ".join(f"`{v}`" for v in value))
        elif kind == "str_matches":
            parts.append(f"matches `{value}`")
        elif kind == "unique" and value:
            parts.append("unique")
    return "; ".join(parts)


@functools.cache
def read_schema(dataset: str, path: Path) -> TableSchema:
    """Parse one ``schema.yaml``; a malformed file is a DatasetError."""
    import yaml

    if not path.is_file():
        raise DatasetError(
            dataset,
            f"the schema file {path} is missing",
            "restore datasets/<name>/schema.yaml from the repository",
        )
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    columns = []
    for name, entry in raw["columns"].items():
        dtype = entry["dtype"]
        if dtype not in DTYPES:
            raise DatasetError(
                dataset,
                f"column {name!r} has unknown dtype {dtype!r} in {path}",
                f"use one of {', '.join(DTYPES)}",
            )
        checks = tuple(
            (k, tuple(v) if isinstance(v, list) else v) for k, v in entry.get("checks", {}).items()
        )
        for kind, _ in checks:
            if kind not in CHECKS:
                raise DatasetError(
                    dataset,
                    f"column {name!r} has unknown check {kind!r}",
                    f"use one of {', '.join(CHECKS)} in {path}",
                )
        columns.append(
            ColumnSpec(
                name,
                dtype,
                bool(entry.get("nullable", False)),
                entry["description"].strip(),
                checks,
            )
        )
    return TableSchema(dataset, tuple(columns), tuple(raw.get("unique", ())))


def _pandera_schema(schema: TableSchema):
    import pandera.pandas as pa

    columns = {}
    for c in schema.columns:
        checks = []
        unique = False
        for kind, value in c.checks:
            if kind == "ge":
                checks.append(pa.Check.ge(value))
            elif kind == "le":
                checks.append(pa.Check.le(value))
            elif kind == "isin":
                checks.append(pa.Check.isin(list(value)))
            elif kind == "str_matches":
                checks.append(pa.Check.str_matches(value))
            elif kind == "unique":
                unique = bool(value)
        columns[c.name] = pa.Column(
            DTYPES[c.dtype], checks=checks, nullable=c.nullable, unique=unique
        )
    return pa.DataFrameSchema(
        columns,
        strict=True,
        ordered=True,
        unique=list(schema.unique) or None,
        name=schema.dataset,
    )


_PANDERA_CACHE: dict[TableSchema, Any] = {}


def validate(frame, schema: TableSchema, where: str):
    """Validate a frame; every failure is collected into one DatasetError."""
    import pandera.errors

    if schema not in _PANDERA_CACHE:
        _PANDERA_CACHE[schema] = _pandera_schema(schema)
    try:
        return _PANDERA_CACHE[schema].validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as exc:
        cases = exc.failure_cases
        summary = []
        for _, row in cases.head(8).iterrows():
            summary.append(
                f"column {row['column']!r}: {row['check']} failed"
                f" (value {row['failure_case']!r}, row {row['index']})"
            )
        more = len(cases) - len(summary)
        detail = "; ".join(summary) + (f"; and {more} more" if more > 0 else "")
        raise DatasetError(
            schema.dataset,
            f"{where} does not match its schema: {detail}",
            "restore the file (it may be corrupted or edited by hand), or, if the "
            "publisher changed the series, update datasets/<name>/schema.yaml and the datasheet",
        ) from None
