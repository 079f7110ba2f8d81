"""MyST roles that render figures from the fact base (``datasets/facts``) with their citation.

- ``{fact}`sainsburys_term``` renders one recorded value with its unit ("7 years") followed
  by a footnote citation of the row's source.
- ``{fact-spread}`sainsburys_value``` renders every reported value of a claim, each with its
  own citation ("£1.7 billion[1], £1.8 billion[2] and $3.2 billion[3]"), for claims on which
  sources disagree.

- The ``facts-table`` directive renders a "numbers you need" table: every verified fact of
  the named cases (``:case:``, rows of the ``cases`` table) and entities (``:entity:``),
  one row per reported value, with its unit, date, citation and confidence, so a class
  can argue from the recorded figures.

A fact the research brief marks UNVERIFIED, an unknown id, or ``{fact}`` used on a claim
whose sources disagree stops the build with the reason: a page never shows one value of a
disputed figure, and never states an unverified one.
"""

from __future__ import annotations

import calendar
import re
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective, SphinxRole

SYMBOLS = {"USD m": "$", "GBP m": "£", "EUR m": "€"}
CONFIDENCE = {
    "SEEN": "seen in the source",
    "DERIVED": "the course's arithmetic",
}


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


def render_date(period: str) -> str:
    """'1989-07-25' -> '25 July 1989'; '1989-10' -> 'October 1989'; '1989' -> '1989'."""
    parts = str(period).split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {calendar.month_name[int(parts[1])]} {parts[0]}"
    if len(parts) == 2:
        return f"{calendar.month_name[int(parts[1])]} {parts[0]}"
    return str(period)


def render_value(row) -> str:
    """A row's value (or range) with its unit, as a reader expects to see it."""
    low, high, unit, kind = row["value_low"], row["value_high"], row["unit"], row["kind"]
    if kind == "date":
        return render_date(row["period"])
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


PAGE_ROLES = re.compile(r"\{(fact|fact-spread)\}`([^`]+)`")


def facts_on_page(text: str) -> tuple[set[str], set[str]]:
    """(fact_ids, claims) that the page's {fact} and {fact-spread} roles render."""
    ids = {name for role, name in PAGE_ROLES.findall(text) if role == "fact"}
    claims = {name for role, name in PAGE_ROLES.findall(text) if role == "fact-spread"}
    return ids, claims


def select_facts(facts, cases=(), entities=(), fact_ids=(), claims=()):
    """Verified facts of the given cases, entities, ids and claims, reports of a claim together."""
    rows = facts[
        (
            facts["case_id"].isin(list(cases))
            | facts["entity"].isin(list(entities))
            | facts["fact_id"].isin(list(fact_ids))
            | facts["claim"].isin(list(claims))
        )
        & (facts["confidence"] != "UNVERIFIED")
    ]
    order = {claim: i for i, claim in enumerate(dict.fromkeys(rows["claim"]))}
    return rows.assign(_claim_order=rows["claim"].map(order)).sort_values(
        "_claim_order", kind="stable"
    )


def _cell(text) -> str:
    """Plain text for a MyST table cell: markup characters are escaped."""
    if text is None or (isinstance(text, float) and text != text):
        return ""
    return re.sub(r"([\\`*_\[\]<>{}|#])", r"\\\1", " ".join(str(text).split()))


def facts_table_markdown(rows, facts, caption: str, name: str = "") -> str:
    """A MyST list-table of the rows: figure, value, date, source, confidence, note."""
    disputed = {
        claim
        for claim, group in facts[facts["confidence"] != "UNVERIFIED"].groupby("claim")
        if len(group) > 1
    }
    lines = ["```{list-table} " + caption, ":header-rows: 1", ":class: gs-facts-table"]
    if name:
        lines.append(f":name: {name}")
    lines.append("")
    lines += [
        "* - Figure",
        "  - Value",
        "  - Date or period",
        "  - Source",
        "  - Confidence",
        "  - Note",
    ]
    for _, row in rows.iterrows():
        note = row["scope_note"] if isinstance(row["scope_note"], str) else ""
        if row["claim"] in disputed:
            note = "sources disagree; each report is a row" + (f"; {note}" if note else "")
        period = str(row["period"])
        if row["kind"] == "date":
            date = ""
        elif re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", period):
            date = render_date(period)
        else:
            date = period
        lines += [
            f"* - {_cell(row['measure'])}",
            f"  - {_cell(render_value(row))}",
            f"  - {_cell(date)}",
            f"  - {{footcite:p}}`{row['source_key']}`",
            f"  - {CONFIDENCE[row['confidence']]}",
            f"  - {_cell(note)}",
        ]
    lines.append("```")
    return "\n".join(lines)


def _names(argument: str) -> list[str]:
    return [n for n in re.split(r"[\s,]+", argument or "") if n]


class FactsTable(SphinxDirective):
    """``facts-table``: the "numbers you need" table of a page, from the fact base.

    Without options it lists every figure the page itself renders with ``{fact}`` or
    ``{fact-spread}`` (on a case page: the figures the case states, and no outcome that only
    its teaching note reveals). ``:case:`` (case_id values of the ``cases`` table) and
    ``:entity:`` (entity values of the fact base), each one or more names separated by
    spaces or commas, add every verified row of those cases or entities; ``:name:`` is a
    label. The directive's argument is the table's caption.
    """

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = False
    option_spec = {
        "case": directives.unchanged,
        "entity": directives.unchanged,
        "name": directives.unchanged,
    }

    def run(self):
        facts = _facts(self.env)
        cases = _names(self.options.get("case", ""))
        entities = _names(self.options.get("entity", ""))
        unknown = [c for c in cases if c not in set(facts["case_id"].dropna())]
        unknown += [e for e in entities if e not in set(facts["entity"])]
        page = self.env.doc2path(self.env.docname)
        ids, claims = facts_on_page(Path(page).read_text(encoding="utf-8"))
        rows = select_facts(facts, cases, entities, ids, claims)
        if unknown or rows.empty:
            reason = f"unknown case or entity {unknown}" if unknown else "no figure to list"
            error = self.state.document.reporter.error(
                f"facts-table: {reason} (datasets/facts/facts.csv)", line=self.lineno
            )
            return [error]
        caption = self.arguments[0] if self.arguments else "Numbers you need"
        text = facts_table_markdown(rows, facts, caption, self.options.get("name", ""))
        left_out = facts[
            (facts["case_id"].isin(cases) | facts["entity"].isin(entities))
            & (facts["confidence"] == "UNVERIFIED")
        ]
        if len(left_out):
            text += (
                f"\n\n{len(left_out)} figure(s) that the research brief marks unverified are"
                " left out."
            )
        container = nodes.container(classes=["gs-facts"])
        self.state.nested_parse(
            StringList(text.splitlines(), source=self.get_source_info()[0]),
            self.content_offset,
            container,
        )
        return [container]
