"""A chapter's Markdown body cut into pages: headings, figures, links and HTML."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import markdown
from markdown.extensions import Extension
from markdown.extensions.nl2br import Nl2BrExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.treeprocessors import Treeprocessor

from loosstory.story import refs
from loosstory.story.levels import check_easy, split_levels
from loosstory.story.model import Figure, Link, Page, Problem
from loosstory.story.notes import split_notes
from loosstory.story.precisions import inject, split_precisions
from loosstory.story.refs import is_valid_id, resolve_in_pack, slugify

# `## Title {#id key=value}`
_HEADING = re.compile(r"^##(?!#)\s*(?P<title>.*?)\s*(?:\{(?P<attrs>[^{}]*)\})?\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
# `![alt](src "caption"){#id credit="..."}`
_IMAGE = re.compile(
    r"!\[(?P<alt>[^\]]*)\]\(\s*(?P<src><[^>]*>|[^\s)]*)(?:\s+[\"'](?P<caption>[^\"']*)[\"'])?\s*\)"
    r"(?:\{(?P<attrs>[^{}]*)\})?"
)
# `[text](target)` not preceded by "!"
_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]*)\]\(\s*(?P<target>[^\s)]*)(?:\s+\"[^\"]*\")?\s*\)")
_ATTR = re.compile(
    r"#(?P<id>[^\s}]+)|(?P<key>[\w-]+)\s*=\s*(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|(?P<bare>[^\s}]+))"
)
_RAW_HTML = re.compile(r"</?[A-Za-z][^>]*>")

VIEWS = ("schematic", "timeline")
PAGE_ATTRIBUTES = {"view"}
IMAGE_ATTRIBUTES = {"credit"}


def parse_attributes(text: str) -> tuple[str | None, dict[str, str], list[str]]:
    """`#id key="value" other=x` -> (id, {key: value}, [unreadable fragments])."""
    found_id: str | None = None
    values: dict[str, str] = {}
    rest = text
    for match in _ATTR.finditer(text):
        if match.group("id"):
            found_id = match.group("id")
        else:
            key = match.group("key")
            values[key] = next(
                v
                for v in (match.group("dq"), match.group("sq"), match.group("bare"), "")
                if v is not None
            )
        rest = rest.replace(match.group(0), " ", 1)
    leftovers = rest.split()
    return found_id, values, leftovers


class _LinkSanitizer(Treeprocessor):
    """Keep internal links (`#target`) only; any other link becomes plain text."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.tag == "a":
                href = element.get("href", "")
                if not href.startswith("#"):
                    element.tag = "span"
                    element.attrib.clear()
            elif element.tag == "img":  # never reached in practice: images are extracted
                element.tag = "span"
                element.attrib.clear()


class _SafeMarkdown(Extension):
    """Raw HTML is shown as text, never interpreted; external links are disarmed."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (library API)
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_LinkSanitizer(md), "loosstory_links", 0)


def make_renderer(line_breaks: bool = False) -> Callable[[str], str]:
    """``line_breaks``: each line of the source is a line on screen (easy-to-read texts put
    one sentence on each line, as the FALC rules ask)."""
    # Extensions as objects, not names: a name makes Markdown scan every installed package's
    # entry points (importlib.metadata, ~30 ms of every load and check).
    extensions: list[Extension] = [SaneListExtension(), _SafeMarkdown()]
    if line_breaks:
        extensions.append(Nl2BrExtension())
    renderer = markdown.Markdown(extensions=extensions, output_format="html")

    def render(text: str) -> str:
        renderer.reset()
        return renderer.convert(text)

    return render


render_markdown = make_renderer()
_render_lines = make_renderer(line_breaks=True)


def render_level(name: str, text: str) -> str:
    """A reading level's HTML: the *facile* text keeps one sentence a line."""
    return (_render_lines if name == "facile" else render_markdown)(text)


@dataclass
class _Draft:
    title: str
    id: str | None
    attrs: dict[str, str]
    line: int  # 1-based line of the heading (or of the first body line for the intro)
    body: list[tuple[int, str]] = field(default_factory=list)  # (line number, text)


@dataclass
class ParsedPages:
    pages: list[Page]
    problems: list[Problem]


def _split(lines: list[str], first_line: int) -> list[_Draft]:
    drafts: list[_Draft] = [_Draft("", "intro", {}, first_line)]
    in_fence = False
    for offset, text in enumerate(lines):
        number = first_line + offset
        if _FENCE.match(text):
            in_fence = not in_fence
        heading = None if in_fence else _HEADING.match(text)
        if heading:
            page_id, attrs, _ = parse_attributes(heading.group("attrs") or "")
            drafts.append(_Draft(heading.group("title"), page_id, attrs, number))
        else:
            drafts[-1].body.append((number, text))
    intro = drafts[0]
    if not any(text.strip() for _, text in intro.body):
        drafts.pop(0)
    return drafts


def parse_pages(
    body: str,
    first_line: int,
    *,
    chapter_id: str,
    chapter_title: str,
    rel_path: str,
    root: Path,
    credit_required: bool = True,
) -> ParsedPages:
    """Cut a chapter body into pages; collect figures, links and problems."""
    problems: list[Problem] = []

    def report(line: int, column: int, severity: str, message: str, blocking: bool = True) -> None:
        problems.append(Problem(rel_path, line, column, severity, message, blocking))  # type: ignore[arg-type]

    pages: list[Page] = []
    seen: dict[str, int] = {}
    for index, draft in enumerate(_split(body.split("\n"), first_line)):
        title = draft.title or chapter_title
        page_id = draft.id
        if page_id is None:
            page_id = slugify(title)
            report(
                draft.line,
                1,
                "warning",
                f"la page « {title} » n'a pas d'identifiant : ajoutez {{#{page_id}}} à la fin "
                "du titre pour que les liens vers elle ne cassent pas si le titre change",
            )
        elif not is_valid_id(page_id):
            report(
                draft.line,
                1,
                "error",
                f"identifiant de page « {page_id} » invalide : lettres minuscules sans accent, "
                "chiffres et tirets seulement (par exemple {#ma-page})",
            )
        if not draft.title and draft.id != "intro":
            report(draft.line, 1, "error", "titre de page vide après « ## » : écrivez un titre")
        _check_title(draft.title, draft.line, report)
        if page_id in seen:
            report(
                draft.line,
                1,
                "error",
                f"identifiant de page « {page_id} » déjà utilisé ligne {seen[page_id]} dans ce "
                "chapitre : donnez un identifiant différent à chaque page",
            )
        seen.setdefault(page_id, draft.line)
        warning = refs.html_warning(draft.title, "le titre de la page")
        if warning:
            report(draft.line, 1, "warning", warning)
        view = draft.attrs.get("view")
        for key in draft.attrs:
            if key not in PAGE_ATTRIBUTES:
                report(
                    draft.line, 1, "warning", f"attribut de page inconnu « {key} » (connu : view)"
                )
        if view is not None and view not in VIEWS:
            report(
                draft.line,
                1,
                "error",
                f"vue « {view} » inconnue : écrivez view=schematic ou view=timeline",
            )
            view = None

        figures: list[Figure] = []
        links: list[Link] = []
        kept: list[str] = []
        in_fence = False
        body, notes = split_notes(draft.body, report)
        body, levels = split_levels(body, report)  # reading levels (issue 18)
        for level in levels.values():
            if level.level == "facile":
                for number, message in check_easy(level, rel_path.startswith("fr/")):
                    report(number, 1, "warning", message, False)
        body_lines, pending = split_precisions(body, report, str(index))
        for number, text in body_lines:
            if _FENCE.match(text):
                in_fence = not in_fence
            if in_fence:
                kept.append(text)
                continue
            for match in _IMAGE.finditer(text):
                figures.append(
                    _figure(match, number, root, report, credit_required=credit_required)
                )
            text = _IMAGE.sub("", text)
            for match in _LINK.finditer(text):
                target = match.group("target")
                column = match.start("target") + 1
                if target.startswith("#") and len(target) > 1:
                    links.append(Link(target[1:], match.group("text"), number, column))
                else:
                    report(
                        number,
                        column,
                        "error",
                        f"lien « {target} » refusé : seuls les liens internes sont permis, "
                        "par exemple (#energie) ou (#energie/eglise-solaire)",
                    )
            raw = _RAW_HTML.search(text)
            if raw:
                report(
                    number,
                    raw.start() + 1,
                    "warning",
                    f"HTML « {raw.group(0)[:30]} » affiché tel quel : utilisez la syntaxe Markdown",
                )
            kept.append(text)
        markdown_text = "\n".join(kept).strip()
        if not markdown_text and not figures and view is None:
            report(
                draft.line,
                1,
                "error",
                f"page « {title} » vide : écrivez du texte ou ajoutez une image, ou supprimez le titre",
            )
        html = render_markdown(markdown_text) if markdown_text else ""
        html, precisions = inject(html, pending, render_markdown, chapter_id=chapter_id,
                                  page_id=page_id)
        pages.append(
            Page(
                id=page_id,
                title=title,
                html=html,
                figures=figures,
                links=links,
                view=view,
                line=draft.line,
                chapter_id=chapter_id,
                precisions=precisions,
                notes=notes,
                notes_html=render_markdown(notes) if notes else "",
                levels={name: render_level(name, level.markdown) for name, level in levels.items()},
            )
        )
    return ParsedPages(pages, problems)


def _check_title(title: str, line: int, report: Callable[..., None]) -> None:
    """A page title is not a sentence cut at its colon, nor shouted in capitals."""
    if title.rstrip().endswith(":"):
        report(line, 1, "warning",
               f"le titre « {title} » finit par « : » : un titre de page se suffit à lui-même")
    letters = [c for c in title if c.isalpha()]
    if len(letters) >= 6 and all(c.isupper() for c in letters):
        report(line, 1, "warning",
               f"le titre « {title} » est tout en capitales : écrivez-le en minuscules, "
               "avec une majuscule au début")


def _figure(
    match: re.Match[str],
    line: int,
    root: Path,
    report: Callable[..., None],
    *,
    credit_required: bool,
) -> Figure:
    column = match.start() + 1
    src = match.group("src").strip("<>").strip()
    alt = match.group("alt").strip()
    caption = (match.group("caption") or "").strip()
    image_id, attrs, leftovers = parse_attributes(match.group("attrs") or "")
    credit = attrs.get("credit", "").strip()
    for key in attrs:
        if key not in IMAGE_ATTRIBUTES:
            report(line, column, "warning", f"attribut d'image inconnu « {key} » (connu : credit)")
    if leftovers:
        report(line, column, "warning", f"attributs d'image illisibles : {' '.join(leftovers)}")
    for text, what in ((alt, "le texte alternatif"), (caption, "la légende"), (credit, "le crédit")):
        warning = refs.html_warning(text, what)
        if warning:
            report(line, column, "warning", warning)
    if image_id is None:
        image_id = slugify(Path(src).stem) if src else "image"
    elif not is_valid_id(image_id):
        report(
            line,
            column,
            "error",
            f"identifiant d'image « {image_id} » invalide : minuscules sans accent, chiffres, tirets",
        )
    if not alt:
        report(
            line,
            column,
            "error",
            f"image « {src} » sans texte alternatif : décrivez l'image entre les crochets "
            "![…] pour les visiteurs aveugles",
        )
    if not caption:
        report(
            line,
            column,
            "warning",
            f"image « {src} » sans légende : ajoutez-la entre guillemets après le fichier",
        )
    if not credit and credit_required:
        report(
            line,
            column,
            "error",
            f'image « {src} » sans crédit : ajoutez {{#{image_id} credit="Auteur ou source"}} '
            "juste après l'image",
        )
    file, problem = resolve_in_pack(root, src)
    if problem:
        report(line, match.start("src") + 1, "error", f"image : {problem}", blocking=False)
    return Figure(image_id, src, alt, caption, credit, file, line)
