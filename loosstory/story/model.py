"""The story's model: plain data, no Qt, no file access.

Everything the loader builds from a content pack ends up in these classes; the UI only
reads them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

Severity = Literal["error", "warning"]
# Files of the interactive views (issue 3), in each language folder.
VIEW_FILE_NAMES = ("schematic.yaml", "timeline.yaml")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a content pack, located for its author."""

    path: str  # relative to the pack root, with "/" separators
    line: int  # 1-based; 0 when the problem concerns the whole file
    column: int  # 1-based; 0 when unknown
    severity: Severity
    message: str  # French, for authors
    # An error the app can play around (a missing image shows a placeholder) does not stop
    # the story; `loosstory check` still fails on it.
    blocking: bool = field(default=True, compare=False)

    def format(self) -> str:
        """Compiler-style line: ``path:line:col: severity: message``."""
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


@dataclass(frozen=True)
class Source:
    """An entry of sources.yaml: what a page's facts come from."""

    key: str
    title: str
    url: str = ""  # shown as text, never opened
    confidence: int = 1  # 2 = official, 1 = press or specialist, 0 = weak


@dataclass(frozen=True)
class Figure:
    """An image with what every image must carry: alt text, caption and credit."""

    id: str
    src: str  # as written, relative to the pack root
    alt: str
    caption: str
    credit: str
    file: Path | None  # resolved absolute path, None when it is missing or refused
    line: int = 0

    @property
    def is_svg(self) -> bool:
        return self.src.lower().endswith(".svg")


@dataclass(frozen=True)
class Link:
    """An internal link written in a page: ``[text](#target)``."""

    target: str  # without the leading "#"
    text: str
    line: int
    column: int


@dataclass(frozen=True)
class Precision:
    """A short, sourced side note attached to the paragraph above it (``> [!précision] KEYS``).

    It says where the text above and the sources differ, without changing that text.
    """

    text: str  # Markdown as written (without the "> " marks)
    html: str  # rendered, inline (no surrounding <p>)
    sources: tuple[str, ...]  # source keys (sources.yaml)
    line: int  # line of the "> [!précision]" marker
    paragraph_line: int  # first line of the paragraph it is attached to
    chapter_id: str = ""
    page_id: str = ""

    @property
    def ref(self) -> str:
        return f"{self.chapter_id}/{self.page_id}"


@dataclass
class Page:
    """One screen of a chapter: its text as HTML, its figures, links and optional view."""

    id: str
    title: str
    html: str  # body rendered from Markdown, figures taken out, links as "#target"
    figures: list[Figure] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    view: str | None = None  # "schematic" or "timeline": an interactive view on the page
    kind: Literal["text", "sources"] = "text"
    line: int = 0
    chapter_id: str = ""
    precisions: list[Precision] = field(default_factory=list)
    fallback: str = ""  # the language it is shown in when its translation is missing
    notes: str = ""  # speaker notes, Markdown (story/notes.py): the presenter's screen only
    notes_html: str = ""
    terms: list[str] = field(default_factory=list)  # glossary terms marked on it (issue 18)
    # reading levels beside the standard text (story/levels.py): {"facile": html, …}
    levels: dict[str, str] = field(default_factory=dict)

    def html_at(self, level: str) -> str:
        """Its text at ``level`` ("facile", "standard", "approfondi"): the standard text
        when it has no such version."""
        return self.levels.get(level, self.html)

    @property
    def ref(self) -> str:
        """The page's address in the pack: ``chapter/page``."""
        return f"{self.chapter_id}/{self.id}"


@dataclass
class Chapter:
    """A chapter file: its pages in order, its colour, cover and sources."""

    id: str
    title: str
    question: str
    pages: list[Page]
    cover: Figure | None = None
    colour: str = "#1f2326"  # resolved hex
    sources: list[Source] = field(default_factory=list)
    file: str = ""  # relative path of its Markdown file
    author: str = ""  # who wrote its text (front matter ``author``), "" when not said

    def page_index(self, page_id: str) -> int | None:
        for index, page in enumerate(self.pages):
            if page.id == page_id:
                return index
        return None


@dataclass(frozen=True)
class Look:
    """The pack's colours (story.yaml ``look``), as hex codes."""

    background: str = "#f6f1e7"
    ink: str = "#1f2326"
    accent: str = "#a4432f"
    palette: dict[str, str] = field(default_factory=dict)


@dataclass
class Story:
    """A whole loaded pack in one language: head, chapters, sources and views."""

    id: str
    title: str
    subtitle: str
    language: str  # the language this Story was loaded in
    languages: list[str]
    chapters: list[Chapter]  # in guided-path order
    root: Path
    cover: Figure | None = None
    start_label: str = "Commencer"
    look: Look = field(default_factory=Look)
    sources: dict[str, Source] = field(default_factory=dict)
    # Interactive views (issue 3), loaded from <lang>/schematic.yaml and <lang>/timeline.yaml
    # when present; their classes live in story/schematic.py and story/timeline.py.
    schematic: Any = None
    timeline: Any = None
    # story.yaml's ``about`` (story/about.py): credits for the « À propos » screen
    about: Any = None
    # <lang>/glossary.yaml (story/glossary.py, issue 18), None when the pack has none
    glossary: Any = None
    # <lang>/quiz/<chapter-id>.yaml (story/quiz.py, issue 18): {chapter id: Quiz}
    quizzes: dict[str, Any] = field(default_factory=dict)

    def chapter(self, chapter_id: str) -> Chapter | None:
        for chapter in self.chapters:
            if chapter.id == chapter_id:
                return chapter
        return None

    def chapter_index(self, chapter_id: str) -> int | None:
        for index, chapter in enumerate(self.chapters):
            if chapter.id == chapter_id:
                return index
        return None

    def view_page_ref(self, view_name: str) -> str:
        """The "chapter/page" that shows the interactive view ``view_name``, or ""."""
        for chapter in self.chapters:
            for page in chapter.pages:
                if page.view == view_name:
                    return f"{chapter.id}/{page.id}"
        return ""

    def precisions(self) -> list[Precision]:
        """Every précision of the story, in reading order."""
        return [p for chapter in self.chapters for page in chapter.pages for p in page.precisions]

    def figures(self) -> list[Figure]:
        """Every figure of the story, covers first, in reading order."""
        found: list[Figure] = []
        if self.cover is not None:
            found.append(self.cover)
        for chapter in self.chapters:
            if chapter.cover is not None:
                found.append(chapter.cover)
            for page in chapter.pages:
                found.extend(page.figures)
        return found


@dataclass
class LoadResult:
    """What loading a pack gives: the story (None when it cannot be built) and every problem."""

    story: Story | None
    problems: list[Problem]
    coverage: list[str] = field(default_factory=list)  # check_pack: per translation

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    @property
    def ok(self) -> bool:
        return self.story is not None and not self.errors

    @property
    def blocking_errors(self) -> list[Problem]:
        """Errors that stop the story from playing: all but missing image files (shown as
        placeholders) and those of the interactive views' own files (the view shows a
        notice while the rest of the story plays)."""
        return [p for p in self.errors if p.blocking and not p.path.endswith(VIEW_FILE_NAMES)]

    @property
    def playable(self) -> bool:
        return self.story is not None and not self.blocking_errors
