"""Export quizzes as Moodle XML, the question format Moodle's question bank imports.

Each quiz becomes a question category ``$course$/top/globalsourcing/<quiz id>`` holding its
questions: single and multiple choice as ``multichoice`` (options shuffled by Moodle, every
option's feedback kept), numeric as ``numerical`` with the tolerance. The structure follows
the documented format (https://docs.moodle.org/en/Moodle_XML_format); ``moodle_quiz.xsd``
beside this module writes that structure down as a schema, and the tests validate against it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

from .markup import inline_html
from .model import Question, Quiz, QuizError
from .numbers import format_number

SCHEMA = Path(__file__).with_name("moodle_quiz.xsd")
CATEGORY_ROOT = "$course$/top/globalsourcing"
# Moodle accepts only these grades for an option (its question_bank fraction list), in percent.
MOODLE_FRACTIONS = [
    "100",
    "90",
    "83.33333",
    "80",
    "75",
    "70",
    "66.66667",
    "60",
    "50",
    "40",
    "33.33333",
    "30",
    "25",
    "20",
    "16.66667",
    "14.28571",
    "12.5",
    "11.11111",
    "10",
    "5",
    "0",
]


def _fraction(percent: float) -> str:
    text = f"{abs(percent):.5f}".rstrip("0").rstrip(".")
    if text not in MOODLE_FRACTIONS:
        raise QuizError(
            f"Moodle has no grade of {percent:g}% for one option; a multiple-choice question "
            "exports only with 1 to 10 right options and 1 to 10 wrong ones"
        )
    return ("-" if percent < 0 and text != "0" else "") + text


def _text(parent: ET.Element, tag: str, content: str, fmt: str | None = "html") -> ET.Element:
    node = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(node, "text").text = content
    return node


def _html(markdown: str) -> str:
    return f"<p>{inline_html(markdown)}</p>" if markdown else ""


def _common(node: ET.Element, quiz: Quiz, q: Question, prompt: str) -> None:
    ET.SubElement(ET.SubElement(node, "name"), "text").text = f"{quiz.id}/{q.id}"
    _text(node, "questiontext", prompt)
    _text(node, "generalfeedback", _html(q.explanation))
    ET.SubElement(node, "defaultgrade").text = "1"
    ET.SubElement(node, "penalty").text = "0.3333333"
    ET.SubElement(node, "hidden").text = "0"
    ET.SubElement(node, "idnumber").text = f"{quiz.id}/{q.id}"


def _tags(node: ET.Element, quiz: Quiz, q: Question) -> None:
    tags = ET.SubElement(node, "tags")
    for tag in ["globalsourcing", quiz.id, f"level-{q.level}" if q.level else None]:
        if tag:
            ET.SubElement(ET.SubElement(tags, "tag"), "text").text = tag


def _choice(quiz: Quiz, q: Question) -> ET.Element:
    node = ET.Element("question", {"type": "multichoice"})
    _common(node, quiz, q, _html(q.prompt))
    ET.SubElement(node, "single").text = "true" if q.type == "single" else "false"
    ET.SubElement(node, "shuffleanswers").text = "true"
    ET.SubElement(node, "answernumbering").text = "abc"
    _text(node, "correctfeedback", "<p>Correct.</p>")
    _text(
        node, "partiallycorrectfeedback", "<p>Partly right: read the feedback on each option.</p>"
    )
    _text(node, "incorrectfeedback", "<p>Not quite: read the feedback on your choice.</p>")
    right = sum(o.correct for o in q.options)
    wrong = len(q.options) - right
    for opt in q.options:
        if q.type == "single":
            percent = 100.0 if opt.correct else 0.0
        else:
            # Right options share full marks; each wrong tick takes an equal share back.
            percent = 100.0 / right if opt.correct else -100.0 / wrong
        answer = _text(node, "answer", _html(opt.text))
        answer.set("fraction", _fraction(percent))
        _text(answer, "feedback", _html(opt.feedback))
    _tags(node, quiz, q)
    return node


def _numeric(quiz: Quiz, q: Question) -> ET.Element:
    node = ET.Element("question", {"type": "numerical"})
    # Moodle grades the number alone (showunits 3), so the prompt names the unit.
    unit = f" (answer in {q.unit})" if q.unit else ""
    _common(node, quiz, q, _html(q.prompt + unit))
    for fraction, value, tolerance, feedback in (
        ("100", format_number(q.answer), format_number(q.tolerance), q.feedback_correct),
        ("0", "*", "0", q.feedback_incorrect),
    ):
        answer = _text(node, "answer", value, fmt="moodle_auto_format")
        answer.set("fraction", fraction)
        _text(answer, "feedback", _html(feedback))
        ET.SubElement(answer, "tolerance").text = tolerance
    for tag, value in (
        ("unitgradingtype", "0"),
        ("unitpenalty", "0.1000000"),
        ("showunits", "3"),
        ("unitsleft", "0"),
    ):
        ET.SubElement(node, tag).text = value
    _tags(node, quiz, q)
    return node


def to_moodle_xml(quizzes: Iterable[Quiz]) -> bytes:
    """One Moodle XML document holding every quiz given, each in its own category."""
    root = ET.Element("quiz")
    count = 0
    for quiz in quizzes:
        category = ET.SubElement(root, "question", {"type": "category"})
        ET.SubElement(
            ET.SubElement(category, "category"), "text"
        ).text = f"{CATEGORY_ROOT}/{quiz.id}"
        _text(category, "info", f"<p>{quiz.title} (globalsourcing quiz {quiz.id})</p>")
        for q in quiz.questions:
            root.append(_numeric(quiz, q) if q.type == "numeric" else _choice(quiz, q))
            count += 1
    if count == 0:
        raise QuizError("nothing to export: no quiz was selected")
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
