"""Hidden tests for ps2_geography: reference tables from the WDI panel."""

from __future__ import annotations

import numpy as np
import pandas as pd

from globalsourcing.checks import as_frame, expect_frame_equal, fail
from globalsourcing.data import load

CEE = ["POL", "ROU", "BGR", "CZE", "HUN", "UKR", "SRB", "BLR", "LTU", "EST"]
GROUP_OF = {"IND": "India", "PHL": "Philippines", **dict.fromkeys(CEE, "CEE")}


def _panel() -> pd.DataFrame:
    return load("wdi_panel")


def q1(economies) -> None:
    panel = _panel()
    frame = as_frame(economies, "economies")
    expected = panel[~panel["is_aggregate"]]
    if len(frame) != len(expected):
        fail(f"`economies` should keep every year of every economy: {len(expected)} rows.")


def _top10() -> pd.DataFrame:
    panel = _panel()
    world = panel.loc[
        (panel["country_code"] == "WLD") & (panel["year"] == 2024), "ict_service_exports_usd"
    ]
    rows = panel[~panel["is_aggregate"] & (panel["year"] == 2024)].nlargest(
        10, "ict_service_exports_usd"
    )
    return pd.DataFrame(
        {
            "country_code": rows["country_code"],
            "ict_exports_usd_bn": rows["ict_service_exports_usd"] / 1e9,
            "world_share": rows["ict_service_exports_usd"] / float(world.iloc[0]),
        }
    )


def q2(top10_2024) -> None:
    expect_frame_equal(top10_2024, _top10(), "top10_2024", keys=["country_code"])


def _groups() -> pd.DataFrame:
    panel = _panel()
    rows = panel[panel["country_code"].isin(GROUP_OF) & panel["year"].between(2005, 2024)]
    rows = rows.assign(group=rows["country_code"].map(GROUP_OF))
    return rows.groupby(["year", "group"])["ict_service_exports_usd"].sum().unstack() / 1e9


def q3(group_exports) -> None:
    reference = _groups().stack().rename("value").reset_index()
    got = (
        group_exports.rename_axis(index="year", columns="group")
        .stack()
        .rename("value")
        .reset_index()
    )
    expect_frame_equal(got, reference, "group_exports", keys=["year", "group"])


def q4(growth) -> None:
    table = _groups()
    reference = (
        ((table.loc[2024] / table.loc[2010]) ** (1 / 14) - 1)
        .rename("cagr")
        .rename_axis("group")
        .reset_index()
    )
    frame = as_frame(growth, "growth", keys=["group"])
    if "group" not in frame.columns:
        frame = frame.reset_index().rename(columns={"index": "group"})
    value = [c for c in frame.columns if c != "group"][0]
    frame = frame.rename(columns={value: "cagr"})
    fifteen = ((table.loc[2024] / table.loc[2010]) ** (1 / 15) - 1).to_numpy()
    got = frame.set_index("group").loc[reference["group"], "cagr"].to_numpy(dtype=float)
    if np.allclose(got, fifteen, rtol=1e-4):
        fail("From 2010 to 2024 there are 14 years of growth, not 15.")
    expect_frame_equal(frame, reference, "growth", keys=["group"])


def q5(latest_per_worker) -> None:
    panel = _panel()
    rows = panel[panel["country_code"].isin(GROUP_OF)].dropna(
        subset=["ict_service_exports_usd", "labor_force"]
    )
    latest = rows.sort_values("year").groupby("country_code").tail(1)
    reference = pd.DataFrame(
        {
            "country_code": latest["country_code"],
            "year": latest["year"],
            "ict_per_worker_usd": latest["ict_service_exports_usd"] / latest["labor_force"],
        }
    )
    expect_frame_equal(latest_per_worker, reference, "latest_per_worker", keys=["country_code"])


def q6(answer_q6) -> None:
    if str(answer_q6).strip().upper() != "B":
        fail(
            "`answer_q6` is not the best explanation; think about where call-centre work is recorded."
        )
