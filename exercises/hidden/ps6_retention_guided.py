"""Hidden tests for ps6_retention_guided: references from the coding variant's model."""

from __future__ import annotations

from globalsourcing.checks import expect_number, fail, read_choice

from . import ps6_retention as coding

SHARE = coding.SHARE


def _final(codified: float) -> float:
    return float(coding._simulate(coding.MONTHS, 0.25, codified, 0.05)["knowledge"].iloc[-1])


def q1(monthly_25, monthly_15) -> None:
    expect_number(
        monthly_25,
        coding._monthly(0.25),
        "monthly_25",
        decimals=SHARE,
        hints=[(0.25 / 12, "That is a twelfth of the annual rate; use monthly_attrition.")],
    )
    expect_number(
        monthly_15,
        coding._monthly(0.15),
        "monthly_15",
        decimals=SHARE,
        hints=[(coding._monthly(0.25), "That is the rate for 25%; change ANNUAL to 0.15.")],
    )


def q2(final_baseline, final_codified_80) -> None:
    expect_number(final_baseline, _final(0.2), "final_baseline", decimals=SHARE)
    expect_number(
        final_codified_80,
        _final(0.8),
        "final_codified_80",
        decimals=SHARE,
        hints=[(_final(0.2), "That is the baseline; change CODIFIED to 0.8.")],
    )


def q3(knowledge_12_documentation, output_12_documentation) -> None:
    runs = coding._runs()
    row = runs[(runs["scenario"] == "documentation") & (runs["month"] == 12)].iloc[0]
    expect_number(
        knowledge_12_documentation,
        float(row["knowledge"]),
        "knowledge_12_documentation",
        decimals=SHARE,
        hints=[(float(row["output"]), "That is the output; store the knowledge column.")],
    )
    expect_number(
        output_12_documentation,
        float(row["output"]),
        "output_12_documentation",
        decimals=SHARE,
        hints=[(float(row["knowledge"]), "That is the knowledge; store the output column.")],
    )


def q4(months_below_90_baseline, mean_output_documentation) -> None:
    summary = coding._summary().set_index("scenario")
    expect_number(
        months_below_90_baseline,
        float(summary.loc["baseline", "months_below_90"]),
        "months_below_90_baseline",
        rel=0,
        decimals=0,
    )
    expect_number(
        mean_output_documentation,
        float(summary.loc["documentation", "mean_output"]),
        "mean_output_documentation",
        decimals=SHARE,
        hints=[
            (
                float(summary.loc["documentation", "final_knowledge"]),
                "That is the final knowledge; store the mean output.",
            )
        ],
    )


def q5(best_without_pay) -> None:
    summary = coding._summary().set_index("scenario")["mean_output"]
    best = summary[["documentation", "directory"]].idxmax()
    chosen = read_choice(best_without_pay, list(summary.index))
    if chosen == "retention_bonus":
        fail("`best_without_pay`: the retention bonus changes pay; compare the other levers.")
    if chosen != best:
        fail("`best_without_pay` is not the lever with the highest mean output without a pay rise.")
