"""Chapter quizzes (issue 18): reading, checking and scoring."""

from __future__ import annotations

import shutil
from pathlib import Path

from loosstory.story.loader import load_story

PACK = Path(__file__).resolve().parents[1] / "packs" / "workshop"

BROKEN = """\
questions:
  - type: single
    question: "Une question sans bonne réponse valable"
    answers: ["A", "B"]
    correct: 5
  - type: find
    view: schematic
    question: "Touchez ce qui n’existe pas."
    correct: pas-la
    page: energie/nulle-part
  - type: riddle
    question: "?"
"""


def test_the_workshop_quiz_has_one_question_of_each_type() -> None:
    result = load_story(PACK)
    assert result.errors == []
    quiz = result.story.quizzes["code-source"]
    assert [q.type for q in quiz.questions] == ["single", "multiple", "truefalse", "order",
                                                "match", "find"]
    single, multiple, truefalse, order, match, find = quiz.questions
    assert single.is_right(1) and not single.is_right(0)
    assert multiple.is_right({0, 2}) and not multiple.is_right({0})
    assert truefalse.answers == ("Vrai", "Faux") and truefalse.is_right(0)
    assert order.is_right([0, 1, 2]) and not order.is_right([1, 0, 2])
    assert order.shuffled() != [0, 1, 2] and sorted(order.shuffled()) == [0, 1, 2]
    assert match.is_right({0: 0, 1: 1, 2: 2}) and not match.is_right({0: 1, 1: 0, 2: 2})
    assert find.is_right("pilier-etoile") and not find.is_right("pilier-implication")
    assert single.question.endswith("\u00a0?")  # French typography
    assert match.right_answer().startswith("Implication ↔ Pilier 1")


def test_check_reports_bad_answers_pages_elements_types_and_short_quizzes(tmp_path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(PACK, pack)
    (pack / "fr" / "quiz" / "energie.yaml").write_text(BROKEN, encoding="utf-8")
    (pack / "fr" / "quiz" / "nulle-part.yaml").write_text("questions: []\n", encoding="utf-8")
    result = load_story(pack)
    found = sorted(p.format() for p in result.problems if "/quiz/" in p.path)
    assert any(m.startswith("fr/quiz/energie.yaml:5:") and "« correct » doit donner" in m
               for m in found), found
    assert any(":6:" in m and "page « energie/nulle-part » inconnue" in m for m in found), found
    assert any(":6:" in m and "« pas-la » n’est pas dans la vue schematic" in m for m in found)
    assert any(":11:" in m and "type de question « riddle » inconnu" in m for m in found), found
    assert any("warning" in m and "0 question(s)" in m for m in found) is False
    assert any("fr/quiz/nulle-part.yaml" in m and "aucun chapitre « nulle-part »" in m
               for m in found), found
    assert any("fr/quiz/energie.yaml" in m and "un quiz en pose au moins 5" in m for m in found)
