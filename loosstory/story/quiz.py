"""Chapter quizzes (issue 18): ``<lang>/quiz/<chapter-id>.yaml`` read and checked, and the
scoring of an answer (no Qt here).

Field names follow H5P's (question, answers, correct, tip, feedback) so that an import stays
possible. Types:

- ``single`` / ``truefalse``: ``answers`` (for true/false: « Vrai », « Faux » by default),
  ``correct``: the index of the right answer (true/false: ``true`` or ``false``);
- ``multiple``: ``correct``: the list of the right answers' indexes;
- ``order``: ``answers`` in the right order (shown shuffled, the pupil taps them in order);
- ``match``: ``pairs``: ``[{left: …, right: …}]`` (shown with the right column shuffled);
- ``find``: ``view: schematic | timeline`` and ``correct``: the id of the element or event
  to tap.

Every question may say ``page``: the chapter/page that tells the answer (linked from the
feedback), ``tip`` (a hint) and ``feedback`` (the short explanation shown after answering).
"""

from __future__ import annotations

import os
import random
from dataclasses import dataclass, field
from pathlib import Path

from loosstory.story.located import Located
from loosstory.story.model import Problem, Story

QUIZ_DIR = "quiz"
TYPES = ("single", "multiple", "truefalse", "order", "match", "find")
KEYS = {"id", "type", "question", "answers", "correct", "pairs", "view", "tip", "feedback", "page"}
MIN_QUESTIONS = 5


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    question: str
    answers: tuple[str, ...] = ()
    correct: tuple = ()  # indexes (single, multiple, truefalse), element id (find)
    pairs: tuple[tuple[str, str], ...] = ()
    view: str = ""
    tip: str = ""
    feedback: str = ""
    page: str = ""
    line: int = 0

    def shuffled(self, seed: int = 0) -> list[int]:
        """The order in which ``answers`` (order) or the right column (match) are shown:
        never already the right one when there is another."""
        count = len(self.answers) if self.type == "order" else len(self.pairs)
        indexes = list(range(count))
        if count < 2:
            return indexes
        rng = random.Random(f"{self.id}:{seed}")
        while indexes == list(range(count)):
            rng.shuffle(indexes)
        return indexes

    def is_right(self, given: object) -> bool:
        """``given``: an index (single, truefalse), a set of indexes (multiple), the list of
        answer indexes in the order tapped (order), {left index: right index} (match), an
        element id (find)."""
        if self.type in ("single", "truefalse"):
            return given == self.correct[0]
        if self.type == "multiple":
            return set(given) == set(self.correct)  # type: ignore[arg-type]
        if self.type == "order":
            return list(given) == list(range(len(self.answers)))  # type: ignore[arg-type]
        if self.type == "match":
            return dict(given) == {i: i for i in range(len(self.pairs))}  # type: ignore[arg-type]
        if self.type == "find":
            return given == self.correct[0]
        return False

    def right_answer(self) -> str:
        """The right answer in words (feedback, answer key)."""
        if self.type in ("single", "truefalse"):
            return self.answers[self.correct[0]]
        if self.type == "multiple":
            return " ; ".join(self.answers[i] for i in self.correct)
        if self.type == "order":
            return " → ".join(self.answers)
        if self.type == "match":
            return " ; ".join(f"{left} ↔ {right}" for left, right in self.pairs)
        return str(self.correct[0]) if self.correct else ""


@dataclass
class Quiz:
    chapter_id: str
    title: str
    questions: list[Question] = field(default_factory=list)
    path: str = ""


def parse_quiz(located: Located, chapter_id: str) -> tuple[Quiz, list[Problem]]:
    problems: list[Problem] = []
    value = located.value
    quiz = Quiz(chapter_id, "", [], located.path)
    if not isinstance(value, dict) or not isinstance(value.get("questions"), list):
        problems.append(located.problem((), "error",
                                        "un quiz contient « questions: », une liste de questions"))
        return quiz, problems
    quiz.title = str(value.get("title") or "")
    seen: set[str] = set()
    for index, item in enumerate(value["questions"]):
        keys = ("questions", index)
        line = located.where(*keys)[0]

        def bad(message: str, *more: object, severity: str = "error",
                keys: tuple = keys) -> None:
            problems.append(located.problem((*keys, *more), severity, message))

        if not isinstance(item, dict):
            bad("chaque question est un bloc (type, question, answers, correct…)")
            continue
        for key in item:
            if key not in KEYS:
                bad(f"clé « {key} » inconnue dans une question (connues : "
                    + ", ".join(sorted(KEYS)) + ")", key, severity="warning")
        kind = str(item.get("type") or "single")
        text = str(item.get("question") or "").strip()
        question_id = str(item.get("id") or f"q{index + 1}")
        if question_id in seen:
            bad(f"question « {question_id} » déjà définie : un identifiant par question", "id")
            continue
        seen.add(question_id)
        if kind not in TYPES:
            bad(f"type de question « {kind} » inconnu : " + ", ".join(TYPES), "type")
            continue
        if not text:
            bad("question sans texte : écrivez « question: »")
            continue
        answers = tuple(str(a) for a in item.get("answers") or ())
        correct = item.get("correct")
        pairs: tuple[tuple[str, str], ...] = ()
        view = str(item.get("view") or "")
        if kind == "truefalse":
            answers = answers or ("Vrai", "Faux")
            if not isinstance(correct, bool):
                bad("« correct » d’une question vrai/faux : true ou false", "correct")
                continue
            correct_t: tuple = (0 if correct else 1,)
        elif kind in ("single", "multiple"):
            wanted = correct if isinstance(correct, list) else [correct]
            if kind == "single" and len(wanted) != 1:
                bad("« correct » d’une question à choix unique : un seul numéro", "correct")
                continue
            if len(answers) < 2 or not all(isinstance(i, int) and 0 <= i < len(answers)
                                           for i in wanted):
                bad("« correct » doit donner le numéro (à partir de 0) d’une des « answers », "
                    "et il faut au moins deux réponses", "correct")
                continue
            correct_t = tuple(wanted)
        elif kind == "order":
            if len(answers) < 3:
                bad("une question « order » donne au moins trois « answers », dans le bon ordre",
                    "answers")
                continue
            correct_t = ()
        elif kind == "match":
            raw = item.get("pairs") or []
            ok = isinstance(raw, list) and all(isinstance(p, dict) and p.get("left")
                                               and p.get("right") for p in raw)
            if not ok or len(raw) < 2:
                bad("une question « match » donne « pairs: » (au moins deux {left, right})",
                    "pairs")
                continue
            pairs = tuple((str(p["left"]), str(p["right"])) for p in raw)
            correct_t = ()
        else:  # find
            if view not in ("schematic", "timeline") or not correct:
                bad("une question « find » dit « view: schematic » ou « view: timeline » et, "
                    "dans « correct », l’identifiant à toucher", "view")
                continue
            correct_t = (str(correct),)
        quiz.questions.append(Question(question_id, kind, text, answers, correct_t, pairs, view,
                                       str(item.get("tip") or ""),
                                       str(item.get("feedback") or ""),
                                       str(item.get("page") or "").lstrip("#"), line))
    if len(quiz.questions) < MIN_QUESTIONS:
        problems.append(located.problem(("questions",), "warning",
                                        f"{len(quiz.questions)} question(s) : un quiz en pose "
                                        f"au moins {MIN_QUESTIONS}"))
    return quiz, problems


def check_quiz(quiz: Quiz, story: Story) -> list[Problem]:
    """Pages and elements a quiz names exist."""
    problems: list[Problem] = []
    pages = {page.ref for chapter in story.chapters for page in chapter.pages}
    for question in quiz.questions:
        if question.page and question.page not in pages:
            problems.append(Problem(quiz.path, question.line, 1, "error",
                                    f"page « {question.page} » inconnue (question "
                                    f"« {question.id} ») : écrivez chapitre/page"))
        if question.type == "find":
            view = story.schematic if question.view == "schematic" else story.timeline
            target = question.correct[0]
            found = view is not None and any(i == target for i, _ in view.ids())
            if not found:
                problems.append(Problem(quiz.path, question.line, 1, "error",
                                        f"« {target} » n’est pas dans la vue {question.view} "
                                        f"(question « {question.id} »)"))
    return problems


def load_quizzes(story: Story, lang_dir: Path, language: str, problems: list[Problem]) -> None:
    """Read ``<lang>/quiz/*.yaml`` into ``story.quizzes`` ({chapter id: Quiz})."""
    from loosstory.story.files import read_text
    from loosstory.story.yamlsource import load_located

    folder = lang_dir / QUIZ_DIR
    if not os.path.isdir(folder):
        return
    quizzes: dict[str, Quiz] = {}
    for file in sorted(folder.glob("*.yaml")):
        rel = f"{language}/{QUIZ_DIR}/{file.name}"
        chapter_id = file.stem
        if story.chapter(chapter_id) is None:
            problems.append(Problem(rel, 0, 0, "error",
                                    f"aucun chapitre « {chapter_id} » : nommez le fichier du quiz "
                                    "d’après l’identifiant de son chapitre"))
            continue
        text, problem = read_text(file, rel, lang_dir.parent)
        if problem:
            problems.append(problem)
            continue
        located, problem = load_located(text or "", rel)
        if problem or located is None:
            problems.extend([problem] if problem else [])
            continue
        quiz, found = parse_quiz(located, chapter_id)
        problems.extend(found)
        if language == "fr":
            _french(quiz)
        problems.extend(check_quiz(quiz, story))
        quizzes[chapter_id] = quiz
    story.quizzes = quizzes


def _french(quiz: Quiz) -> None:
    from dataclasses import replace

    from loosstory.story.typography import french_spacing as f

    quiz.title = f(quiz.title)
    quiz.questions = [replace(q, question=f(q.question), answers=tuple(map(f, q.answers)),
                              pairs=tuple((f(a), f(b)) for a, b in q.pairs), tip=f(q.tip),
                              feedback=f(q.feedback)) for q in quiz.questions]
