"""The bank exports as Moodle XML that validates against the documented format's schema."""

import math

import pytest
from lxml import etree

from globalsourcing.quiz import QuizError, load_bank, parse_quiz
from globalsourcing.quiz.__main__ import main
from globalsourcing.quiz.moodle import SCHEMA, to_moodle_xml


@pytest.fixture(scope="module")
def schema():
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


@pytest.fixture(scope="module")
def bank():
    return load_bank()


@pytest.fixture(scope="module")
def exported(bank):
    return etree.fromstring(to_moodle_xml(bank.values()))


def _questions(doc):
    return [q for q in doc.findall("question") if q.get("type") != "category"]


def test_the_whole_bank_validates_against_the_schema(schema, exported):
    assert schema.validate(exported), schema.error_log


def test_every_question_is_exported_once_under_its_quizs_category(bank, exported):
    expected = [f"{quiz.id}/{q.id}" for quiz in bank.values() for q in quiz.questions]
    assert [q.findtext("idnumber") for q in _questions(exported)] == expected
    categories = [
        c.findtext("category/text") for c in exported.findall("question[@type='category']")
    ]
    assert categories == [f"$course$/top/globalsourcing/{quiz_id}" for quiz_id in bank]


def test_every_option_keeps_its_grade_and_feedback(bank, exported):
    for node in _questions(exported):
        quiz_id, qid = node.findtext("idnumber").split("/")
        question = bank[quiz_id].question(qid)
        answers = node.findall("answer")
        assert all(a.findtext("feedback/text") for a in answers), f"{quiz_id}/{qid}: empty feedback"
        if question.type == "numeric":
            assert node.get("type") == "numerical"
            right = answers[0]
            assert float(right.findtext("text")) == pytest.approx(question.answer)
            assert float(right.findtext("tolerance")) == pytest.approx(question.tolerance)
            assert [a.get("fraction") for a in answers] == ["100", "0"]
            continue
        assert node.get("type") == "multichoice"
        assert node.findtext("single") == ("true" if question.type == "single" else "false")
        fractions = [float(a.get("fraction")) for a in answers]
        assert [f > 0 for f in fractions] == [o.correct for o in question.options], (
            f"{quiz_id}/{qid}"
        )
        # Moodle needs full marks reachable and, for multiple choice, wrong ticks to cost them.
        assert math.isclose(sum(f for f in fractions if f > 0), 100, abs_tol=0.01)
        if question.type == "multiple" and not all(o.correct for o in question.options):
            assert math.isclose(sum(f for f in fractions if f < 0), -100, abs_tol=0.01)


def test_markdown_in_quiz_text_becomes_html_and_raw_html_stays_text():
    quiz = parse_quiz(
        "demo",
        """
questions:
  - id: q1
    type: multiple
    level: apply
    prompt: "Which are *retained* capabilities? <b>bold</b>"
    options:
      - {text: Informed buying, correct: true, feedback: Yes.}
      - {text: Payroll, feedback: No.}
      - {text: Contract monitoring, correct: true, feedback: Yes.}
""",
    )
    node = _questions(etree.fromstring(to_moodle_xml([quiz])))[0]
    assert node.findtext("questiontext/text") == (
        "<p>Which are <em>retained</em> capabilities? &lt;b&gt;bold&lt;/b&gt;</p>"
    )
    assert [a.get("fraction") for a in node.findall("answer")] == ["50", "-100", "50"]
    assert "level-apply" in [t.findtext("text") for t in node.findall("tags/tag")]


def test_a_question_moodle_cannot_grade_is_refused_not_mangled():
    options = "\n".join(f"      - {{text: o{i}, feedback: f{i}}}" for i in range(11))
    body = f"""
questions:
  - id: q1
    type: multiple
    level: recall
    prompt: Too many wrong options
    options:
      - {{text: right, correct: true, feedback: yes}}
{options}
"""
    with pytest.raises(QuizError, match="Moodle has no grade of -9.09"):
        to_moodle_xml([parse_quiz("demo", body)])


@pytest.mark.parametrize(
    ("xpath", "change", "complaint"),
    [
        ("//question[@type='multichoice']/answer", lambda a: a.set("fraction", "37"), "fraction"),
        (
            "//question[@type='multichoice']/questiontext",
            lambda n: n.getparent().remove(n),
            "questiontext",
        ),
        (
            "//question[@type='numerical']/answer/tolerance",
            lambda n: setattr(n, "text", "wide"),
            "tolerance",
        ),
    ],
)
def test_the_schema_rejects_a_broken_export(schema, exported, xpath, change, complaint):
    doc = etree.fromstring(etree.tostring(exported))
    change(doc.xpath(xpath)[0])
    assert not schema.validate(doc)
    assert complaint in str(schema.error_log)


def test_cli_exports_one_part_and_fails_loudly_on_an_unknown_quiz(tmp_path, capsys, bank, schema):
    out = tmp_path / "lessons.xml"
    assert main(["export", "--part", "lessons", "--out", str(out)]) == 0
    doc = etree.parse(str(out))
    assert schema.validate(doc), schema.error_log
    lessons = [q for q in bank.values() if q.extra["part"] == "lessons"]
    assert len(_questions(doc.getroot())) == sum(len(q.questions) for q in lessons) > 0
    assert main(["export", "--quiz", "no-such-quiz"]) == 2
    assert "no quiz no-such-quiz" in capsys.readouterr().err
