"""A model's parameters are written once: its exhibit's controls read the declaration.

The valid range, the widget's control range, the exhibit's grid and the default all live in
the model's ``@declared`` decorator and signature (``globalsourcing/models``). These tests plant
an exhibit whose slider was typed by hand and check that ``mismatches`` names every way it
differs from the declaration, that an exhibit follows a changed declaration, and that no
number reaches a control or a model call in the exhibit and widget builders except through
a declaration. The defaults docs/models.md states beside their sources are checked against
the declarations too.
"""

from __future__ import annotations

import ast
import re
from dataclasses import replace
from pathlib import Path

import altair as alt
import pandas as pd
import pytest

from globalsourcing import models
from globalsourcing.exhibits import Exhibit, catalog
from globalsourcing.exhibits.controls import Control, mismatches
from globalsourcing.models.params import declared, share

PACKAGE = Path(catalog.__file__).resolve().parents[1]


@declared(fee=share("Offshore fee", (0.3, 1.0, 0.05), grid=(0.4, 0.5, 0.6, 0.7, 0.8, 0.9)))
def toy_cost(fee: float = 0.6) -> float:
    return 10 * fee


def _exhibit(slider, data_fees, controls) -> Exhibit:
    frame = pd.DataFrame({"fee": data_fees, "cost": [10 * f / 100 for f in data_fees]})
    chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(x="fee:O", y="cost:Q")
        .add_params(slider)
        .transform_filter(alt.datum.fee == slider)
    )
    return Exhibit(chart, title="Planted", source="a test", controls=controls)


def test_an_exhibit_built_from_the_declaration_matches_it():
    fee = Control.of(toy_cost, "fee", "fee")
    assert (fee.start, fee.stops) == (60, [40, 50, 60, 70, 80, 90])
    assert mismatches(_exhibit(fee.slider("Fee, % "), fee.stops, (fee,))) == []


def test_a_hand_typed_slider_that_differs_from_the_declaration_is_named():
    fee = Control.of(toy_cost, "fee", "fee")
    # Planted: the default typed as 50 and the range as 30-90, while the declaration says
    # 0.6 and a grid from 0.4 to 0.9; the data was computed on the typed range.
    typed = alt.param(name="fee", value=50, bind=alt.binding_range(min=30, max=90, step=10))
    problems = mismatches(_exhibit(typed, [30, 40, 50, 60, 70, 80, 90], (fee,)))
    text = "\n".join(problems)
    assert "control 'fee' (toy_cost(fee)) opens at 50" in text and "shown as 60" in text
    assert "(30, 90, 10)" in text and "(40, 90, 10)" in text
    assert "holds [30, 40, 50, 60, 70, 80, 90], the control offers [40, 50" in text
    assert len(problems) == 3


def test_a_menu_with_other_options_and_a_control_without_a_declaration_are_named():
    fee = Control.of(toy_cost, "fee", "fee")
    menu = alt.param(
        name="fee", value=60, bind=alt.binding_select(options=[40, 60, 80], name="Fee ")
    )
    assert mismatches(_exhibit(menu, fee.stops, (fee,))) == [
        "control 'fee' (toy_cost(fee)) offers [40, 60, 80]; the declared grid is "
        "[40, 50, 60, 70, 80, 90]"
    ]
    undeclared = _exhibit(fee.slider("Fee, % "), fee.stops, ())
    assert "reads no declaration" in mismatches(undeclared)[0]


def test_a_control_refuses_a_grid_the_page_could_not_use():
    with pytest.raises(ValueError, match="not in the declared grid"):
        Control.of(toy_cost, "fee", "fee", default=0.65)
    uneven = replace(toy_cost.parameters["fee"], grid=(0.1, 0.2, 0.4), default=0.2)
    with pytest.raises(ValueError, match="not evenly spaced"):
        Control("fee", uneven, "toy", 0.2).slider("Fee ")
    with pytest.raises(ValueError, match="declares no grid"):
        Control.of(models.offshore_tco, "severance", "sev")
    with pytest.raises(ValueError, match="not a whole number"):
        Control.of(toy_cost, "fee", "fee", scale=1)


def test_the_exhibit_follows_a_changed_declaration(monkeypatch):
    # Change the offshore fee's declared default and grid in one place; the TCO exhibit's
    # slider, its data and its opening value all follow.
    declared_fee = models.offshore_tco.parameters["offshore_fee"]
    monkeypatch.setitem(
        models.offshore_tco.parameters,
        "offshore_fee",
        replace(declared_fee, default=0.7, grid=(0.5, 0.7, 0.9)),
    )
    exhibit = catalog.tco_exhibit()
    fee = next(p for p in exhibit.vega_lite["params"] if p["name"] == "fee")
    assert fee["value"] == 70 and (fee["bind"]["min"], fee["bind"]["max"]) == (50, 90)
    assert fee["bind"]["step"] == 20
    rows = exhibit.vega_lite["datasets"][exhibit.vega_lite["data"]["name"]]
    assert sorted({r["fee"] for r in rows}) == [50, 70, 90]
    assert mismatches(exhibit) == []


def test_the_widget_and_the_exhibit_open_on_the_same_declared_value():
    from globalsourcing import widgets

    tco = widgets.tco_widget()
    assert (
        tco.controls["offshore_fee"].value == models.offshore_tco.parameters["offshore_fee"].default
    )
    knowledge = widgets.knowledge_widget()
    months = models.knowledge_retention.parameters["months"]
    assert knowledge.controls["months"].value == months.opens_at == 48
    spec = catalog.knowledge_exhibit().vega_lite
    rows = spec["datasets"][spec["data"]["name"]]
    assert max(r["month"] for r in rows) == months.opens_at


# The calls through which a number would reach a model or a control.
CONTROL_CALLS = {"param", "binding_range", "binding_select", "_slider", "_int_slider"}
WIDGETS = {"FloatSlider", "IntSlider", "IntText", "FloatText", "Dropdown", "SelectionSlider"}
WIDGET_KEYWORDS = {"value", "min", "max", "step", "options"}
# Every model module (models/tco.py ...) has its exhibit and its widget under the same name.
MODEL_MODULES = sorted(
    p.stem
    for p in (PACKAGE / "models").glob("*.py")
    if p.stem not in {"__init__", "params", "cases"}
)
BUILDERS = [
    *(PACKAGE / "exhibits" / f"{name}.py" for name in MODEL_MODULES),
    *(PACKAGE / "widgets" / f"{name}.py" for name in MODEL_MODULES),
    PACKAGE / "widgets" / "controls.py",
]


def _numbers(node: ast.AST) -> list[str]:
    """Number literals in an expression, except positions such as ``editions[-1]``."""
    if isinstance(node, ast.Subscript):
        return _numbers(node.value)
    if isinstance(node, ast.Constant):
        number = isinstance(node.value, int | float) and not isinstance(node.value, bool)
        return [ast.unparse(node)] if number else []
    return [n for child in ast.iter_child_nodes(node) for n in _numbers(child)]


def literal_parameter_values(source: str) -> list[str]:
    """Numbers typed into a model call, a grid or a control (what the declarations own)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        owner = (
            func.value.id
            if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
            else ""
        )
        if owner == "models" or name in {"grid_frame"} | CONTROL_CALLS:
            parts = [*node.args, *(k.value for k in node.keywords)]
        elif name in WIDGETS:
            parts = [k.value for k in node.keywords if k.arg in WIDGET_KEYWORDS]
        else:
            continue
        if any(_numbers(part) for part in parts):
            found.append(f"line {node.lineno}: {ast.unparse(node)[:70]}")
    return found


def test_the_rule_finds_a_typed_number():
    planted = (
        "fee = _slider('fee', 60, 40, 90, 10, 'Fee ')\n"
        "frame = grid_frame(models.offshore_tco, {'offshore_fee': [0.4, 0.6]})\n"
        "w.FloatSlider(value=0.6, description='Fee', layout=_LAYOUT)\n"
        "draws = models.simulate_contracts(n_deals=2000)\n"
    )
    assert len(literal_parameter_values(planted)) == 4
    assert literal_parameter_values("w.SelectMultiple(options=opts, rows=4)") == []
    assert literal_parameter_values("w.Dropdown(options=years, value=years[-1])") == []


@pytest.mark.parametrize("path", BUILDERS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_parameter_value_is_typed_in_the_exhibit_or_widget_builders(path):
    # A sound form of "grep for the literal defaults outside the declarations": a plain grep
    # for 0.6 or 60 also hits a chart's axis domain and a text's width, so the rule looks
    # only where a parameter value can enter: model calls, grids and control constructors.
    assert literal_parameter_values(path.read_text(encoding="utf-8")) == []


def _declared_defaults() -> dict[str, set[float]]:
    """Parameter name -> every default a declared model function gives it."""
    found: dict[str, set[float]] = {}
    for name in models.__all__:
        for param, spec in getattr(getattr(models, name), "parameters", {}).items():
            if isinstance(spec.default, int | float) and not isinstance(spec.default, bool):
                found.setdefault(param, set()).add(float(spec.default))
    return found


def stated_defaults_that_differ(text: str) -> list[str]:
    """Prose such as "`offshore_fee` 0.60" whose number is not the declared default."""
    defaults = _declared_defaults()
    wrong = []
    for name, number in re.findall(r"`(\w+)` (-?\d[\d,]*(?:\.\d+)?)\b", text):
        if name in defaults and float(number.replace(",", "")) not in defaults[name]:
            wrong.append(f"`{name}` {number} (declared: {sorted(defaults[name])})")
    return wrong


def test_the_models_guide_states_the_declared_defaults():
    # docs/models.md lists each model's defaults with their sources; a default changed in
    # the declaration must be changed there too, or this fails (planted: 0.70 for 0.60).
    assert stated_defaults_that_differ("`offshore_fee` 0.70 and `n_deals` 2,000") == [
        "`offshore_fee` 0.70 (declared: [0.6])"
    ]
    guide = (PACKAGE.parent / "docs" / "models.md").read_text(encoding="utf-8")
    assert len(re.findall(r"`(\w+)` \d", guide)) >= 10
    assert stated_defaults_that_differ(guide) == []


# -- sliders written in a chapter's own code cell -------------------------------------------

ROOT = PACKAGE.parent
CHAPTERS = sorted((ROOT / "book").rglob("*.md"))
CODE_CELL = re.compile(r"```\{code-cell\}[^\n]*\n(.*?)^```", re.S | re.M)
TYPED_RANGE = re.compile(r"binding_range\(\s*min=\s*-?[\d.]+")


def test_a_declared_slider_opens_on_the_default_and_offers_the_declared_grid():
    from globalsourcing.exhibits.controls import declared_slider

    slider = declared_slider(models.decision_matrix, "contribution_threshold", "cut", "Cut ")
    grid = models.decision_matrix.parameters["contribution_threshold"].grid
    assert slider.param.value == models.decision_matrix.parameters["contribution_threshold"].default
    bind = slider.param.bind
    assert (bind.min, bind.max) == (grid[0], grid[-1])
    assert bind.step == pytest.approx(grid[1] - grid[0])


def test_a_declared_slider_refuses_an_uneven_grid():
    from globalsourcing.exhibits.controls import declared_slider

    @declared(x=share("x", grid=(0.1, 0.2, 0.5)))
    def f(x: float = 0.2) -> float:
        return x

    with pytest.raises(ValueError, match="evenly spaced"):
        declared_slider(f, "x", "x", "x ")


@pytest.mark.parametrize("page", CHAPTERS, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_chapter_cell_that_uses_a_model_takes_its_sliders_from_the_declarations(page):
    # A cell that imports a course model draws a chart of that model: its slider ranges are
    # the model's declared grid (declared_slider or Control), never typed again in the page.
    for cell in CODE_CELL.findall(page.read_text(encoding="utf-8")):
        if "globalsourcing.models" in cell:
            assert not TYPED_RANGE.search(cell), f"{page.name}: a slider range typed by hand"
