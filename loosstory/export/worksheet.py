"""Printable worksheets (issue 18): an A4 worksheet per chapter, and the teacher's answer key.

``loosstory export worksheet --chapter ID | --all [--level facile] [--answers] -o fiche.pdf``.
A worksheet: the chapter's title and guiding question, its text at the chosen reading level,
its main figure with caption and credit, the glossary terms it uses, the quiz questions with
room to answer (boxes to tick, events to number, lines to write), and its sources. Written
with Qt's own PDF writer (QPdfWriter, in PySide6-Essentials): fonts embedded (subsets),
page numbers, each chapter from a new page. The answer key is a separate PDF.

Its small helpers are its own for now; the presenter's slides export (issue 17) writes
PDFs the same way, and the two may share them later.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QSize, QUrl
from PySide6.QtGui import QImageReader, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from loosstory.story.model import Chapter, Story
from loosstory.story.quiz import Question
from loosstory.ui.look.theme import BODY_FAMILY, TITLE_FAMILY

BOX = "☐"
LINE = "_" * 60


def tr(text: str) -> str:
    return QCoreApplication.translate("Worksheet", text)


def _e(text: str) -> str:
    return html.escape(text, quote=False)


CSS = f"""
body {{ font-family: '{BODY_FAMILY}', 'DejaVu Sans'; font-size: 11pt; color: #1f2326; }}
h1 {{ font-family: '{TITLE_FAMILY}', 'DejaVu Serif'; font-size: 22pt; font-weight: 600;
     margin-bottom: 2pt; }}
h2 {{ font-family: '{TITLE_FAMILY}', 'DejaVu Serif'; font-size: 14pt; margin-top: 16pt;
     margin-bottom: 4pt; }}
h3 {{ font-size: 11.5pt; margin-top: 8pt; margin-bottom: 2pt; }}
p {{ margin-top: 0; margin-bottom: 5pt; line-height: 130%; }}
p.question {{ font-style: italic; font-size: 13pt; color: #5a3a2c; }}
p.caption {{ font-size: 9pt; color: #555; }}
p.q {{ font-weight: bold; margin-top: 8pt; }}
p.answer {{ margin-left: 14pt; margin-bottom: 2pt; }}
p.lines {{ color: #767676; margin-left: 14pt; }}
td {{ padding: 3pt; }}
a {{ color: #1f2326; text-decoration: none; }}
"""


def _figure(chapter: Chapter, document: QTextDocument, width_px: int) -> str:
    """The chapter's main figure (its cover, else its first figure), as an image resource."""
    figure = chapter.cover or next((f for p in chapter.pages for f in p.figures), None)
    if figure is None or figure.file is None:
        return ""
    reader = QImageReader(str(figure.file))  # drawn at its printed size (an SVG is rendered
    size = reader.size()  # at that size, not at its own and then scaled down)
    if size.isValid() and size.width() > 0:
        reader.setScaledSize(QSize(width_px, round(size.height() * width_px / size.width())))
    image = reader.read()
    if image.isNull():
        return ""
    url = f"figure://{chapter.id}"
    document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), image)
    caption = figure.caption or figure.alt
    return (f'<p align="center"><img src="{url}" width="440" alt="{_e(figure.alt)}"></p>'
            f'<p class="caption" align="center">{_e(caption)} — {_e(figure.credit)}</p>')


def _question_html(number: int, question: Question, titles: dict[str, str]) -> str:
    parts = [f'<p class="q">{number}. {_e(question.question)}</p>']
    if question.type in ("single", "multiple", "truefalse"):
        hint = tr("(plusieurs réponses possibles)") if question.type == "multiple" else ""
        if hint:
            parts.append(f'<p class="answer"><i>{_e(hint)}</i></p>')
        parts += [f'<p class="answer">{BOX} {_e(a)}</p>' for a in question.answers]
    elif question.type == "order":
        parts.append(f'<p class="answer"><i>{_e(tr("Numérotez de 1 à %1.").replace("%1", str(len(question.answers))))}</i></p>')
        shown = question.shuffled()
        parts += [f'<p class="answer">…… {_e(question.answers[i])}</p>' for i in shown]
    elif question.type == "match":
        parts.append(f'<p class="answer"><i>{_e(tr("Reliez chaque élément à sa description."))}</i></p>')
        shown = question.shuffled()
        rows = "".join(f"<tr><td>{_e(left)}</td><td>•      •</td><td>{_e(question.pairs[i][1])}</td></tr>"
                       for (left, _), i in zip(question.pairs, shown, strict=True))
        parts.append(f'<table style="margin-left: 14pt">{rows}</table>')
    else:  # find: on paper, name it
        where = tr("la maison du code source") if question.view == "schematic" else tr("la frise")
        parts.append(f'<p class="answer"><i>{_e(tr("Sur %1, écrivez son nom :").replace("%1", where))}</i></p>')
        parts.append(f'<p class="lines">{LINE}</p>')
    parts.append(f'<p class="lines">{_e(tr("Pourquoi ?"))} {LINE[:48]}</p>')
    return "".join(parts)


def chapter_html(story: Story, chapter: Chapter, level: str, document: QTextDocument,
                 figure_px: int) -> str:
    number = (story.chapter_index(chapter.id) or 0) + 1
    parts = [f"<h1>{number}. {_e(chapter.title)}</h1>"]
    if chapter.question:
        parts.append(f'<p class="question">{_e(chapter.question)}</p>')
    parts.append(_figure(chapter, document, figure_px))
    parts.append(f"<h2>{_e(tr('Le texte'))}</h2>")
    used: list[str] = []
    for page in chapter.pages:
        if page.kind == "sources":
            continue
        parts.append(f"<h3>{_e(page.title)}</h3>")
        parts.append(page.html_at(level))
        for term in _terms_in(page.html_at(level)):  # the terms of the text printed
            if term not in used:
                used.append(term)
    glossary = story.glossary
    if glossary is not None and used:
        parts.append(f"<h2>{_e(tr('Les mots à connaître'))}</h2>")
        for term in sorted((glossary.term(t) for t in used if glossary.term(t)),
                           key=lambda t: t.sort_key):
            parts.append(f"<p><b>{_e(term.term)}</b>\u00a0: {_e(term.definition)}</p>")
    quiz = story.quizzes.get(chapter.id)
    if quiz is not None:
        parts.append(f"<h2>{_e(tr('Les questions'))}</h2>")
        titles: dict[str, str] = {}
        for index, question in enumerate(quiz.questions, 1):
            parts.append(_question_html(index, question, titles))
    if chapter.sources:
        parts.append(f"<h2>{_e(tr('Les sources'))}</h2>")
        parts += [f'<p class="caption">{_e(s.title)}</p>' for s in chapter.sources]
    return "".join(parts)


def _terms_in(page_html: str) -> list[str]:
    marker = 'href="glossaire:'
    found, start = [], 0
    while (at := page_html.find(marker, start)) >= 0:
        end = page_html.find('"', at + len(marker))
        found.append(page_html[at + len(marker):end])
        start = end
    return found


def answers_html(story: Story, chapter: Chapter) -> str:
    number = (story.chapter_index(chapter.id) or 0) + 1
    parts = [f"<h1>{_e(tr('Corrigé'))} — {number}. {_e(chapter.title)}</h1>"]
    quiz = story.quizzes.get(chapter.id)
    if quiz is None:
        parts.append(f"<p>{_e(tr('Pas de quiz pour ce chapitre.'))}</p>")
        return "".join(parts)
    for index, question in enumerate(quiz.questions, 1):
        right = question.right_answer()
        if question.type == "find":
            right = _title_of(story, question.correct[0])
        parts.append(f'<p class="q">{index}. {_e(question.question)}</p>')
        parts.append(f'<p class="answer">{_e(tr("Réponse"))}\u00a0: <b>{_e(right)}</b></p>')
        if question.feedback:
            parts.append(f'<p class="answer">{_e(question.feedback)}</p>')
        if question.page:
            page_title = _page_title(story, question.page)
            parts.append(f'<p class="caption" style="margin-left: 14pt">{_e(tr("Voir la page"))} '
                         f'« {_e(page_title)} »</p>')
    return "".join(parts)


def _title_of(story: Story, entity: str) -> str:
    if story.schematic is not None and story.schematic.element(entity) is not None:
        return story.schematic.element(entity).label
    if story.timeline is not None and story.timeline.event(entity) is not None:
        return story.timeline.event(entity).title
    return entity


def _page_title(story: Story, ref: str) -> str:
    chapter_id, _, page_id = ref.partition("/")
    chapter = story.chapter(chapter_id)
    index = chapter.page_index(page_id) if chapter else None
    return chapter.pages[index].title if chapter is not None and index is not None else ref


def write_worksheets(story: Story, chapters: list[Chapter], output: Path, *, level: str = "standard",
                     answers: bool = False) -> None:
    """Write the worksheets (or, with ``answers``, the answer key) of ``chapters`` to
    ``output`` (needs a QGuiApplication)."""
    writer = QPdfWriter(str(output))
    writer.setCreator("loosstory")
    writer.setTitle(tr("Corrigé") if answers else tr("Fiches de travail"))
    writer.setResolution(150)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    document = QTextDocument()
    document.setDefaultStyleSheet(CSS)
    figure_px = 700  # 12 cm at 150 dpi: the figure's printed width
    blocks = []
    for index, chapter in enumerate(chapters):
        body = answers_html(story, chapter) if answers else chapter_html(
            story, chapter, level, document, figure_px)
        style = ' style="page-break-before: always"' if index else ""
        blocks.append(f"<div{style}>{body}</div>")
    document.setHtml(f"<html><body>{''.join(blocks)}</body></html>")
    # Qt paginates an unpaginated document itself, with 2 cm margins and the page number
    # at the foot of each page
    document.print_(writer)
