"""Build the ``wdi_panel`` frame from the World Bank Indicators API (v2, JSON).

One request pages through the country list (region, income group, aggregates);
one request per indicator pages through its values for every economy. The
result has the same columns, grid and order as the pinned mirror file.
"""

from __future__ import annotations

import datetime as _dt
import os
import urllib.parse
from pathlib import Path

from globalsourcing.data.errors import DatasetError

DEFAULT_BASE_URL = "https://api.worldbank.org/v2"
BASE_URL_ENV = "GLOBALSOURCING_WB_API"
PUBLISHER = "World Bank Indicators API"
PER_PAGE = 20000
MAX_PAGES = 200  # a safety stop: the panel needs a handful of pages per indicator


def base_url(override: str | None = None) -> str:
    return (override or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL).rstrip("/")


def _pages(url: str, params: dict, directory: Path, dataset: str) -> list[dict]:
    """Every record of a paged API answer ([header, records] per page)."""
    from globalsourcing.data.download import fetch_json

    records: list[dict] = []
    page, pages = 1, 1
    totals: set[int] = set()
    while page <= pages:
        query = urllib.parse.urlencode({**params, "format": "json", "page": page})
        full = f"{url}?{query}"
        body = fetch_json(full, directory, dataset, PUBLISHER)
        if isinstance(body, list) and body and isinstance(body[0], dict) and "message" in body[0]:
            messages = "; ".join(str(m.get("value", m)) for m in body[0]["message"])
            raise DatasetError(
                dataset,
                f"the World Bank API refused {full}: {messages}",
                "check the indicator codes in datasets/registry.yaml",
            )
        if not (
            isinstance(body, list)
            and len(body) == 2
            and isinstance(body[0], dict)
            and "pages" in body[0]
            and isinstance(body[1], list | type(None))
        ):
            raise DatasetError(
                dataset,
                f"the answer from {full} is JSON but not the API's [header, records] shape",
                "try again later; if it persists the World Bank changed its API",
            )
        pages = int(body[0]["pages"] or 0)
        if pages > MAX_PAGES:
            raise DatasetError(
                dataset,
                f"{full} announces {pages} pages",
                "the API answer looks wrong; try again later",
            )
        records.extend(body[1] or [])
        if body[0].get("total") is not None:
            totals.add(int(body[0]["total"]))
        page += 1
    if totals and totals != {len(records)}:
        raise DatasetError(
            dataset,
            f"{url} announced {' or '.join(map(str, sorted(totals)))} records "
            f"but {len(records)} arrived",
            "try again later; the answer changed while it was being paged",
        )
    return records


def _countries(base: str, directory: Path, dataset: str):
    import pandas as pd

    rows = []
    for rec in _pages(f"{base}/country", {"per_page": 1000}, directory, dataset):
        region = (rec.get("region") or {}).get("value", "").strip()
        income = (rec.get("incomeLevel") or {}).get("value", "").strip()
        aggregate = region == "Aggregates"
        rows.append(
            {
                "country_code": rec["id"],
                "iso2": rec.get("iso2Code", ""),
                "country_name": rec.get("name", "").strip(),
                "region": None if aggregate or not region else region,
                "income_group": None if aggregate or income in {"", "Not classified"} else income,
                "is_aggregate": aggregate,
            }
        )
    if not rows:
        raise DatasetError(
            dataset, f"the country list at {base}/country is empty", "try again later"
        )
    return pd.DataFrame(rows)


def build_panel(dataset: str, source: dict, directory: Path, base: str | None = None):
    """Download every indicator named in the registry and return the wide panel."""
    import pandas as pd

    root = base_url(base)
    first_year = int(source["first_year"])
    indicators: dict[str, str] = source["indicators"]
    countries = _countries(root, directory, dataset)
    by_iso2 = dict(zip(countries["iso2"], countries["country_code"], strict=False))
    known = set(countries["country_code"])
    date = f"{first_year}:{_dt.date.today().year}"
    frames = []
    for code, column in indicators.items():
        records = _pages(
            f"{root}/country/all/indicator/{urllib.parse.quote(code)}",
            {"per_page": PER_PAGE, "date": date},
            directory,
            dataset,
        )
        rows = []
        for rec in records:
            value = rec.get("value")
            if value is None:
                continue
            iso3 = rec.get("countryiso3code") or by_iso2.get((rec.get("country") or {}).get("id"))
            if iso3 in known:
                rows.append((iso3, int(rec["date"]), float(value)))
        if not rows:
            raise DatasetError(
                dataset,
                f"the World Bank API returned no values for indicator {code}",
                "check the indicator code in datasets/registry.yaml (it may have been "
                "retired), or use the offline mirror (GLOBALSOURCING_DATA_DIR)",
            )
        frame = pd.DataFrame(rows, columns=["country_code", "year", column])
        if frame.duplicated(["country_code", "year"]).any():
            raise DatasetError(
                dataset,
                f"indicator {code} has repeated economy-years",
                "try again later; the API answer looks inconsistent",
            )
        frames.append(frame.set_index(["country_code", "year"]))
    values = pd.concat(frames, axis=1)
    years = range(first_year, int(values.index.get_level_values("year").max()) + 1)
    grid = pd.MultiIndex.from_product([sorted(known), years], names=["country_code", "year"])
    panel = values.reindex(grid).reset_index()
    meta = countries.drop(columns="iso2")
    panel = meta.merge(panel, on="country_code", how="right")
    ordered = ["country_code", "country_name", "region", "income_group", "is_aggregate", "year"]
    panel = panel[ordered + list(indicators.values())]
    return panel.sort_values(["country_code", "year"], ignore_index=True)
