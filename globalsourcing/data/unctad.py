"""Build the ``unctad_services`` frame from UNCTADstat's bulk download.

UNCTADstat serves each report as a 7-Zip archive holding one CSV with columns
``Year, Economy, Economy Label, Flow, Flow Label, Category, Category Label`` and a
value column in millions of US dollars (plus footnote and missing-value columns).
We keep category S (all services), flows 01 (imports) and 02 (exports), and the
economies listed in ``datasets/unctad_services/m49_iso3.csv``.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from globalsourcing.data.errors import DatasetError

DEFAULT_BASE_URL = "https://unctadstat-api.unctad.org"
BASE_URL_ENV = "GLOBALSOURCING_UNCTAD_API"
SEVEN_ZIP_MAGIC = b"7z\xbc\xaf\x27\x1c"
VALUE_PREFIX = "us$ at current prices in millions"
MAX_CSV_BYTES = 512 * 1024 * 1024
FLOWS = {"01": "services_imports_usd_m", "02": "services_exports_usd_m"}
RETRY = "try again later; if it persists UNCTADstat changed its bulk files"


def base_url(override: str | None = None) -> str:
    return (override or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL).rstrip("/")


def bulk_url(source: dict, override: str | None = None) -> str:
    return f"{base_url(override)}/bulkdownload/{source['report']}/{source['file']}"


def _csv_from_archive(raw: bytes, url: str, dataset: str, directory: Path) -> bytes:
    import tempfile

    import py7zr

    if not raw.startswith(SEVEN_ZIP_MAGIC):
        preview = raw[:40].decode("utf-8", errors="replace")
        raise DatasetError(
            dataset,
            f"the answer from {url} is not a 7-Zip archive (it starts with {preview!r})",
            RETRY,
        )
    try:
        with py7zr.SevenZipFile(io.BytesIO(raw), mode="r") as archive:
            members = [m for m in archive.list() if not m.is_directory]
            csvs = [m for m in members if m.filename.lower().endswith(".csv")]
            if len(csvs) != 1:
                raise DatasetError(
                    dataset,
                    f"the archive from {url} holds {len(csvs)} CSV files instead of one",
                    RETRY,
                )
            if (csvs[0].uncompressed or 0) > MAX_CSV_BYTES:
                raise DatasetError(dataset, f"the CSV in {url} is implausibly large", RETRY)
            with tempfile.TemporaryDirectory(dir=directory, prefix=".unpack-") as tmp:
                archive.extract(path=tmp, targets=[csvs[0].filename])
                return (Path(tmp) / csvs[0].filename).read_bytes()
    except DatasetError:
        raise
    except Exception as exc:  # py7zr raises many types for damaged archives
        raise DatasetError(
            dataset, f"the archive from {url} is damaged ({type(exc).__name__}: {exc})", RETRY
        ) from None


def _column(columns: list[str], wanted: str) -> str | None:
    for c in columns:
        if c.strip().lower() == wanted:
            return c
    return None


def _numbers(text, url: str, dataset: str):
    """Numbers from a text column: blanks become missing, anything else unparsable is an error."""
    import pandas as pd

    stripped = text.str.strip()
    filled = stripped != ""
    numbers = pd.to_numeric(stripped.where(filled), errors="coerce")
    bad = filled & numbers.isna()
    if bad.any():
        raise DatasetError(
            dataset,
            f"the CSV inside {url} has values that are not numbers (first: {stripped[bad].iloc[0]!r})",
            RETRY,
        )
    return numbers


def parse_bulk_csv(data: bytes, mapping, first_year: int, category: str, url: str, dataset: str):
    """Turn the bulk CSV into the tidy frame (one row per economy and year)."""
    import pandas as pd

    try:
        raw = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise DatasetError(dataset, f"the CSV inside {url} cannot be read ({exc})", RETRY) from None
    columns = raw.columns.tolist()
    names = {
        w: _column(columns, w) for w in ("year", "economy", "economy label", "flow", "category")
    }
    values = [
        c
        for c in columns
        if c.strip().lower().startswith(VALUE_PREFIX)
        and not c.strip().lower().endswith(("footnote", "missing value"))
    ]
    missing = [w for w, c in names.items() if c is None] + ([] if values else [VALUE_PREFIX])
    if missing:
        raise DatasetError(
            dataset,
            f"the CSV inside {url} lacks the columns {missing} (it has {columns[:12]})",
            "UNCTADstat changed the layout of its bulk file; use the offline mirror "
            "(GLOBALSOURCING_DATA_DIR) until globalsourcing is updated",
        )
    partner = _column(columns, "partner")
    rows = raw[
        (raw[names["category"]].str.strip() == category)
        & raw[names["flow"]].str.strip().isin(FLOWS)
    ]
    if partner is not None:
        rows = rows[rows[partner].str.strip().isin({"0", "0000"})]
    tidy = pd.DataFrame(
        {
            "unctad_code": rows[names["economy"]].str.strip(),
            "year": pd.to_numeric(rows[names["year"]], errors="coerce"),
            "flow": rows[names["flow"]].str.strip().map(FLOWS),
            "value": _numbers(rows[values[0]], url, dataset),
        }
    )
    if tidy["year"].isna().any():
        raise DatasetError(dataset, f"the CSV inside {url} has years that are not numbers", RETRY)
    tidy = tidy[(tidy["year"] >= first_year) & tidy["unctad_code"].isin(mapping["unctad_code"])]
    if tidy.duplicated(["unctad_code", "year", "flow"]).any():
        raise DatasetError(dataset, f"the CSV inside {url} repeats economy-years", RETRY)
    missing_flows = sorted(set(FLOWS.values()) - set(tidy["flow"]))
    if missing_flows:
        raise DatasetError(
            dataset, f"the CSV inside {url} has no total-services rows for {missing_flows}", RETRY
        )
    wide = (
        tidy.pivot(index=["unctad_code", "year"], columns="flow", values="value")
        .reindex(columns=["services_exports_usd_m", "services_imports_usd_m"])
        .dropna(how="all")
        .reset_index()
    )
    wide["year"] = wide["year"].astype("int64")
    frame = mapping.merge(wide, on="unctad_code", how="inner")
    frame = frame[
        [
            "country_code",
            "unctad_code",
            "unctad_name",
            "year",
            "services_exports_usd_m",
            "services_imports_usd_m",
        ]
    ]
    frame.columns.name = None
    return frame.sort_values(["country_code", "year"], ignore_index=True)


def build_services(dataset: str, source: dict, folder: Path, directory: Path, base: str | None):
    """Download the bulk archive and return the tidy services-trade frame."""
    import pandas as pd

    from globalsourcing.data.download import fetch

    url = bulk_url(source, base)
    tmp = fetch(url, directory, dataset)
    try:
        raw = tmp.read_bytes()
    finally:
        tmp.unlink(missing_ok=True)
    data = _csv_from_archive(raw, url, dataset, directory)
    mapping = pd.read_csv(folder / "m49_iso3.csv", dtype=str, keep_default_na=False)
    return parse_bulk_csv(
        data, mapping, int(source["first_year"]), str(source["category"]), url, dataset
    )
