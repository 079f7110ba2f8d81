"""Hidden tests for ps2_geography: reference tables from the WDI panel."""

from __future__ import annotations

import pandas as pd

from globalsourcing.checks import (
    as_frame,
    expect_frame_equal,
    expect_one_of,
    expect_wide_equal,
    fail,
    read_choice,
    reference,
)
from globalsourcing.checks.ps2_geography import GROUP_OF, growth_by_group
from globalsourcing.data import load

# The precision the header states: US$ bn to 1 decimal, shares and rates to 3 decimals.
BN, SHARE = 1, 3


TOP10_ADVICE = "ict_exports_usd_bn is the economy's 2024 ict_service_exports_usd / 1e9; world_share divides the same value by the WLD row's 2024 value."

PER_WORKER_ADVICE = "ict_per_worker_usd divides exports by the labour force of the same year, the latest year in which both are available."


@reference
def _panel() -> pd.DataFrame:
    return load("wdi_panel")


@reference
def _economies() -> pd.DataFrame:
    """The panel without its aggregate rows: what Q1's `economies` must hold."""
    panel = _panel()
    return panel[~panel["is_aggregate"]]


ECONOMIES_ADVICE = (
    "`economies` keeps the panel's rows for the economies exactly as they are: drop the "
    "aggregate rows only, without filling, rescaling or changing any value."
)
KEYS = ["country_code", "year"]


def q1(economies) -> None:
    """Every economy-year of the panel, with the panel's own values in every kept column.

    The visible test asks for the key columns and is_aggregate only, so a column the
    student dropped is not required here either; every panel column they kept is
    compared with the panel (numbers at full precision, text exactly).
    """
    expected = _economies()  # the panel's columns and dtypes, without the aggregates
    frame = as_frame(economies, "economies", keys=KEYS)
    if len(frame) != len(expected):
        fail(
            f"`economies` has {len(frame)} rows, but every year of every economy makes "
            f"{len(expected)}: drop only the aggregate rows, not years or columns' missing values."
        )
    kept = [c for c in expected.columns if c in frame.columns and c not in KEYS]
    if _unchanged(frame, expected, kept):
        return  # the panel's own rows and values, as most students keep them: no tolerance needed
    numbers = [
        c
        for c in kept
        if pd.api.types.is_numeric_dtype(expected[c]) or pd.api.types.is_bool_dtype(expected[c])
    ]
    expect_frame_equal(
        frame,
        expected,
        "economies",
        keys=KEYS,
        values=numbers,
        advice=ECONOMIES_ADVICE,
    )
    _expect_same_text(frame, expected, [c for c in kept if c not in numbers])


def _unchanged(frame: pd.DataFrame, expected: pd.DataFrame, columns: list[str]) -> bool:
    """True when ``frame`` holds exactly the panel's economy-years and, in ``columns``, values.

    A quick exact test (dtypes included) for the usual answer, a filter of the panel; any
    other answer, right or wrong, goes through the tolerant comparison below.
    """
    try:
        got = frame.set_index(KEYS)
        want = expected.set_index(KEYS)
        if not (got.index.is_unique and got.index.isin(want.index).all()):
            return False
        got = got.reindex(want.index)
        return all(got[col].equals(want[col]) for col in columns)
    except (TypeError, ValueError, KeyError):
        return False


def _expect_same_text(frame: pd.DataFrame, expected: pd.DataFrame, columns: list[str]) -> None:
    """Text columns (names, regions, income groups) hold the panel's text in every row."""

    def text(table: pd.DataFrame, col: str) -> pd.Series:
        keys = pd.MultiIndex.from_arrays(
            [table["country_code"].map(str), pd.to_numeric(table["year"]).astype(int)]
        )
        values = table[col].astype(object)
        values = values.where(table[col].notna(), None).map(lambda v: v if v is None else str(v))
        return pd.Series(values.to_numpy(), index=keys)

    for col in columns:
        want = text(expected, col)
        got = text(frame, col).reindex(want.index)
        differs = want.index[~((got == want) | (got.isna() & want.isna()))]
        if len(differs):
            fail(
                f"`economies`: column '{col}' differs from the panel's in {len(differs)} rows, "
                f"for example {list(differs[:3])}. " + ECONOMIES_ADVICE
            )


@reference
def _world_ict_2024() -> float:
    """The WLD row's 2024 ICT service exports, the denominator of every world share."""
    panel = _panel()
    world = panel.loc[
        (panel["country_code"] == "WLD") & (panel["year"] == 2024), "ict_service_exports_usd"
    ]
    return float(world.iloc[0])


@reference
def _top10(economies: pd.DataFrame | None = None) -> pd.DataFrame:
    """The reference top ten, or the top ten of the student's own `economies`."""
    world = _world_ict_2024()
    kept = _economies() if economies is None else economies
    rows = kept[pd.to_numeric(kept["year"]) == 2024].nlargest(10, "ict_service_exports_usd")
    return pd.DataFrame(
        {
            "country_code": rows["country_code"],
            "country_name": rows["country_name"],
            "ict_exports_usd_bn": rows["ict_service_exports_usd"] / 1e9,
            "world_share": rows["ict_service_exports_usd"] / world,
        }
    )


def _check_top10(top10_2024, reference: pd.DataFrame) -> None:
    expect_frame_equal(
        top10_2024,
        reference,
        "top10_2024",
        keys=["country_code"],
        values=["ict_exports_usd_bn", "world_share"],
        advice=TOP10_ADVICE,
        decimals={"ict_exports_usd_bn": BN, "world_share": SHARE},
    )
    frame = as_frame(top10_2024, "top10_2024", keys=["country_code"])
    names = dict(zip(reference["country_code"], reference["country_name"], strict=True))
    wrong = [
        code
        for code, name in zip(frame["country_code"], frame["country_name"], strict=True)
        if names.get(str(code)) != str(name)
    ]
    if wrong:
        fail(f"`top10_2024`: 'country_name' does not match the country code in rows {wrong[:3]}.")


def q2(top10_2024, economies) -> None:
    """Right for the economies of the panel, or for the student's own `economies`."""
    expect_one_of(
        lambda: _check_top10(top10_2024, _top10()),
        lambda: _check_top10(top10_2024, _top10(as_frame(economies, "economies"))),
    )


@reference
def _groups() -> pd.DataFrame:
    panel = _panel()
    rows = panel[panel["country_code"].isin(GROUP_OF) & panel["year"].between(2005, 2024)]
    rows = rows.assign(group=rows["country_code"].map(GROUP_OF))
    return rows.groupby(["year", "group"])["ict_service_exports_usd"].sum().unstack() / 1e9


def q3(group_exports) -> None:
    expect_wide_equal(
        group_exports,
        _groups(),
        "group_exports",
        rows="years 2005 to 2024",
        columns="groups India, Philippines and CEE",
        decimals=BN,
    )


def _cagr(table: pd.DataFrame, years: int) -> pd.DataFrame:
    rates = (table.loc[2024] / table.loc[2010]) ** (1 / years) - 1
    return rates.rename("cagr").rename_axis("group").reset_index()


def _students_table(group_exports) -> pd.DataFrame:
    """The student's own Q3 table with years as integers and groups as text."""
    table = group_exports.copy()
    table.index = [int(float(str(y))) for y in table.index]
    table.columns = [str(c) for c in table.columns]
    return table.astype(float)


def q4(growth, group_exports) -> None:
    """Right for the reference table, or for the student's own `group_exports`."""
    frame = growth_by_group(growth)
    for table in (lambda: _groups(), lambda: _students_table(group_exports)):
        try:
            expect_frame_equal(frame, _cagr(table(), 15), "growth", keys=["group"], decimals=SHARE)
        except Exception:
            continue
        fail("From 2010 to 2024 there are 14 years of growth, not 15.")
    expect_one_of(
        lambda: expect_frame_equal(
            frame,
            _cagr(_groups(), 14),
            "growth",
            keys=["group"],
            decimals=SHARE,
            labels={"cagr": "the growth rates"},
        ),
        lambda: expect_frame_equal(
            frame,
            _cagr(_students_table(group_exports), 14),
            "growth",
            keys=["group"],
            decimals=SHARE,
        ),
    )


@reference
def _latest_per_worker() -> pd.DataFrame:
    """Q5's reference: exports per worker in each economy's latest year with both values."""
    panel = _panel()
    rows = panel[panel["country_code"].isin(GROUP_OF)].dropna(
        subset=["ict_service_exports_usd", "labor_force"]
    )
    latest = rows.sort_values("year").groupby("country_code").tail(1)
    return pd.DataFrame(
        {
            "country_code": latest["country_code"],
            "year": latest["year"],
            "ict_per_worker_usd": latest["ict_service_exports_usd"] / latest["labor_force"],
        }
    )


def q5(latest_per_worker) -> None:
    expect_frame_equal(
        latest_per_worker,
        _latest_per_worker(),
        "latest_per_worker",
        keys=["country_code"],
        advice=PER_WORKER_ADVICE,
        decimals={"year": 0, "ict_per_worker_usd": 0},
    )


def q6(answer_q6) -> None:
    if read_choice(answer_q6, "ABCD") != "B":
        fail(
            "`answer_q6` is not the best explanation; think about where call-centre work is recorded."
        )
