"""One chapter file: front matter, pages, the closing Sources page."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote

from loosstory.story.files import read_text, split_front_matter
from loosstory.story.located import Located
from loosstory.story.model import Chapter, Figure, Page, Problem, Source
from loosstory.story.pages import parse_pages
from loosstory.story.refs import html_warning, is_valid_id, resolve_colour, resolve_in_pack
from loosstory.story.typography import breakable_address

CHAPTER_KEYS = {
    "id",
    "title",
    "question",
    "cover",
    "cover_alt",
    "cover_caption",
    "cover_credit",
    "colour",
    "sources",
    "author",
}
REQUIRED_CHAPTER_KEYS = ("id", "title", "question")
# For authors (check, CURATION.md), never shown to visitors.
CONFIDENCE_MARKS = {
    2: "★★ source officielle",
    1: "★ presse ou source spécialisée",
    0: "☆ source faible",
}
SHORT_ADDRESS = 56  # characters: a longer address is shown as host/…/last-part


def _text(meta: Located, key: str, problems: list[Problem], *, required: bool = False) -> str:
    value = meta.value.get(key) if isinstance(meta.value, dict) else None
    if value is None:
        if required:
            problems.append(meta.problem((), "error", f"clé « {key} » manquante dans l'en-tête"))
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        problems.append(meta.problem((key,), "error", f"« {key} » doit être un texte"))
        return ""
    if required and not value.strip():
        problems.append(meta.problem((key,), "error", f"« {key} » est vide"))
    warning = html_warning(value, key)
    if warning:
        problems.append(meta.problem((key,), "warning", warning))
    return value.strip()


def load_chapter(
    file: Path,
    rel: str,
    root: Path,
    *,
    palette: dict[str, str],
    sources: dict[str, Source],
    default_colour: str,
) -> tuple[Chapter | None, list[Problem]]:
    text, problem = read_text(file, rel, root)
    if problem:
        return None, [problem]
    assert text is not None
    front = split_front_matter(text, rel)
    problems = list(front.problems)
    meta = front.meta
    if meta is None:
        return None, problems
    if not isinstance(meta.value, dict):
        problems.append(
            meta.problem((), "error", "l'en-tête doit être une liste de « clé: valeur »")
        )
        return None, problems
    for key in meta.value:
        if key not in CHAPTER_KEYS:
            problems.append(
                meta.problem(
                    (key,),
                    "warning",
                    f"clé « {key} » inconnue dans l'en-tête (clés connues : {', '.join(sorted(CHAPTER_KEYS))})",
                )
            )
    chapter_id = _text(meta, "id", problems, required=True)
    if chapter_id and not is_valid_id(chapter_id):
        problems.append(
            meta.problem(
                ("id",),
                "error",
                f"identifiant « {chapter_id} » invalide : minuscules sans accent, chiffres et tirets",
            )
        )
    title = _text(meta, "title", problems, required=True)
    question = _text(meta, "question", problems, required=True)

    colour = default_colour
    if "colour" in meta.value:
        resolved, message = resolve_colour(meta.value.get("colour"), palette)
        if message:
            problems.append(meta.problem(("colour",), "error", message))
        else:
            colour = resolved

    cover: Figure | None = None
    cover_src = _text(meta, "cover", problems)
    if cover_src:
        cover_file, message = resolve_in_pack(root, cover_src)
        if message:
            problems.append(
                replace(
                    meta.problem(("cover",), "error", f"image de couverture : {message}"),
                    blocking=False,
                )
            )
        alt = _text(meta, "cover_alt", problems)
        if not alt:
            problems.append(
                meta.problem(
                    ("cover",),
                    "error",
                    "image de couverture sans texte alternatif : ajoutez cover_alt: "
                    "« ce que montre l'image »",
                )
            )
        credit = _text(meta, "cover_credit", problems)
        if not credit:
            problems.append(
                meta.problem(
                    ("cover",),
                    "error",
                    "image de couverture sans crédit : ajoutez cover_credit: "
                    "« Auteur ou source de l'image »",
                )
            )
        cover = Figure(
            id=f"{chapter_id}-couverture",
            src=cover_src,
            alt=alt,
            caption=_text(meta, "cover_caption", problems) or title,
            credit=credit,
            file=cover_file,
            line=meta.where("cover")[0],
        )

    chapter_sources: list[Source] = []
    listed = meta.value.get("sources", [])
    if listed is None:
        listed = []
    if not isinstance(listed, list):
        problems.append(
            meta.problem(("sources",), "error", "« sources » doit être une liste : [CLE-1, CLE-2]")
        )
        listed = []
    for index, key in enumerate(listed):
        key = str(key)
        if key in sources:
            chapter_sources.append(sources[key])
        else:
            problems.append(
                meta.problem(
                    ("sources", index),
                    "error",
                    f"source « {key} » inconnue : ajoutez-la à sources.yaml ou corrigez la clé",
                )
            )

    parsed = parse_pages(
        front.body,
        front.body_first_line,
        chapter_id=chapter_id,
        chapter_title=title,
        rel_path=rel,
        root=root,
    )
    problems.extend(parsed.problems)
    pages = parsed.pages
    listed_keys = {source.key for source in chapter_sources}
    for page in pages:
        for precision in page.precisions:
            for key in precision.sources:
                if key not in sources:
                    problems.append(Problem(
                        rel, precision.line, 1, "error",
                        f"source « {key} » de la précision inconnue : ajoutez-la à sources.yaml "
                        "ou corrigez la clé"))
                elif key not in listed_keys:  # shown on the Sources page with the others
                    listed_keys.add(key)
                    chapter_sources.append(sources[key])
    if not pages:
        problems.append(
            Problem(
                rel,
                front.body_first_line,
                1,
                "error",
                "chapitre sans page : écrivez au moins un titre « ## » suivi d'un texte",
            )
        )
    author = _text(meta, "author", problems)
    if chapter_sources:
        pages.append(sources_page(chapter_id, chapter_sources, line=meta.where("sources")[0],
                                  author=author))
    return Chapter(
        id=chapter_id,
        title=title,
        question=question,
        pages=pages,
        cover=cover,
        colour=colour,
        sources=chapter_sources,
        file=rel,
        author=author,
    ), problems


def short_address(url: str) -> str:
    """An address as a visitor reads it: no scheme, no "www.", decoded, and a long one cut
    to its site and its last part (``cerdd.org/…/Agenda-21-de-Loos-en-Gohelle``)."""
    text = unquote(url.strip())
    text = re.sub(r"^[a-z]+://", "", text, flags=re.IGNORECASE)
    text = re.sub(r"^www\.", "", text).rstrip("/")
    text = text.split(" ")[0]
    if len(text) <= SHORT_ADDRESS:
        return text
    host, _, rest = text.partition("/")
    last = [part for part in re.split(r"[/?&=]", rest) if part][-1:] or [""]
    tail = last[0]
    if len(tail) > SHORT_ADDRESS - len(host) - 3:
        tail = tail[: max(12, SHORT_ADDRESS - len(host) - 4)].rstrip("-_.") + "…"
    return f"{host}/…/{tail}"


def sources_page(chapter_id: str, sources: list[Source], *, line: int, author: str = "") -> Page:
    items = []
    for source in sources:
        address = (
            f'<br/><span class="url">{html.escape(breakable_address(short_address(source.url)))}</span>'
            if source.url else ""
        )
        items.append(f"<li><b>{html.escape(source.title)}</b>{address}</li>")
    text = f"<p>Texte : {html.escape(author)}</p>" if author else ""
    body = (
        f"{text}<p>Les informations de ce chapitre viennent de ces sources :</p>"
        f"<ul>{''.join(items)}</ul>"
    )
    return Page(
        id="sources", title="Sources", html=body, kind="sources", line=line, chapter_id=chapter_id
    )
