"""MyST roles that render figures from the fact base (``datasets/facts``) with their citation.

- ``{fact}`sainsburys_term``` renders one recorded value with its unit ("7 years") followed
  by a footnote citation of the row's source.
- ``{fact-spread}`sainsburys_value``` renders every reported value of a claim, each with its
  own citation ("£1.7 billion[1], £1.8 billion[2] and $3.2 billion[3]"), for claims on which
  sources disagree.

A fact the research brief marks UNVERIFIED, an unknown id, or ``{fact}`` used on a claim
whose sources disagree stops the build with the reason: a page never shows one value of a
disputed figure, and never states an unverified one.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxRole

SYMBOLS = {"USD m": "$", "GBP m": "£", "EUR m": "€"}


def _number(value: float) -> str:
    """1700.0 -> '1,700'; 9.5 -> '9.5'; 96.26 -> '96.26'."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _money(value: float, unit: str) -> str:
    symbol = SYMBOLS[unit]
    if value >= 1000:
        return f"{symbol}{_number(value / 1000)} billion"
    if value >= 1:
        return f"{symbol}{_number(value)} million"
    return f"{symbol}{_number(round(value * 1e6, 2))}"


def render_value(row) -> str:
    """A row's value (or range) with its unit, as a reader expects to see it."""
    low, high, unit, kind = row["value_low"], row["value_high"], row["unit"], row["kind"]
    ends = [low] if low == high else [low, high]
    if kind == "money":
        return " to ".join(_money(v, unit) for v in ends)
    text = " to ".join(_number(v) for v in ends)
    if kind == "percent":
        return text.replace(" to ", "% to ") + "%"
    if kind == "duration":
        return f"{text} year" if text == "1" else f"{text} years"
    if kind == "multiple":
        return f"{text} times"
    return text


def _facts(env):
    from globalsourcing.data import load
    from globalsourcing.data.registry import get_spec

    # A change to the table rebuilds every page that renders from it.
    env.note_dependency(str(get_spec("facts").path))
    return load("facts")


def _cite(role: SphinxRole, key: str) -> list[nodes.Node]:
    from sphinxcontrib.bibtex.foot_roles import FootCiteRole

    made, messages = FootCiteRole()(
        "footcite:p", f":footcite:p:`{key}`", key, role.lineno, role.inliner, {}, []
    )
    return [*made, *messages]


class _FactRoleBase(SphinxRole):
    def _fail(self, reason: str):
        message = self.inliner.reporter.error(
            f"{self.name} `{self.text}`: {reason}", line=self.lineno
        )
        problem = self.inliner.problematic(self.rawtext, self.rawtext, message)
        return [problem], [message]

    def _rows(self, column: str):
        facts = _facts(self.env)
        rows = facts[facts[column] == self.text.strip()]
        return facts, rows


class FactRole(_FactRoleBase):
    """``{fact}`id```: one value with its citation."""

    def run(self):
        facts, rows = self._rows("fact_id")
        if rows.empty:
            return self._fail("no such fact_id in datasets/facts/facts.csv")
        row = rows.iloc[0]
        if row["confidence"] == "UNVERIFIED":
            return self._fail("the research brief marks this figure UNVERIFIED; it is never stated")
        same_claim = facts[(facts["claim"] == row["claim"]) & (facts["confidence"] != "UNVERIFIED")]
        if len(same_claim) > 1:
            return self._fail(
                f"sources disagree on claim {row['claim']!r}: use {{fact-spread}}`{row['claim']}`"
            )
        return [nodes.Text(render_value(row)), *_cite(self, row["source_key"])], []


class FactSpreadRole(_FactRoleBase):
    """``{fact-spread}`claim```: every reported value of a claim, each with its citation."""

    def run(self):
        _, rows = self._rows("claim")
        rows = rows[rows["confidence"] != "UNVERIFIED"]
        if rows.empty:
            return self._fail("no verified fact with this claim in datasets/facts/facts.csv")
        out: list[nodes.Node] = []
        for i, (_, row) in enumerate(rows.iterrows()):
            if i:
                out.append(nodes.Text(" and " if i == len(rows) - 1 else ", "))
            out.append(nodes.Text(render_value(row)))
            out.extend(_cite(self, row["source_key"]))
        return out, []
