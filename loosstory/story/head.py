"""The story's head: what story.yaml says (title, languages, look, cover, guided path).

Read on its own, it is all the cover needs: the app shows the cover from it before the
chapters, the views and the sources are loaded (:func:`loosstory.story.loader.load_story`
reads the rest). No Markdown here, so the path to the first frame does not import it, and
with ``cache=True`` no PyYAML either when story.yaml has not changed since the last start
(:mod:`loosstory.story.parsecache`).
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import Any, NamedTuple

from loosstory.story import parsecache
from loosstory.story.about import read_about
from loosstory.story.files import read_text
from loosstory.story.located import Located
from loosstory.story.look import read_look
from loosstory.story.model import Figure, LoadResult, Problem, Story
from loosstory.story.refs import html_warning, is_valid_id, resolve_in_pack
from loosstory.story.typography import french_spacing

FORMAT_VERSION = 1
STORY_KEYS = {
    "format", "id", "title", "subtitle", "languages", "start", "cover", "path", "look", "about",
}
REQUIRED_STORY_KEYS = ("format", "id", "title", "languages", "path")
COVER_KEYS = {"image", "alt", "caption", "credit"}


class StoryHead(NamedTuple):
    """story.yaml, read: the located YAML and a :class:`Story` with no chapters yet."""

    meta: Located
    language: str
    lang_dir: Path
    story: Story


def read_head(
    root: Path, language: str | None, problems: list[Problem], *, cache: bool = False
) -> StoryHead | None:
    """story.yaml of the pack in ``root``; None when the story cannot be played at all.

    With ``cache``, the parse kept from an earlier start is used when the text is unchanged.
    """
    text, problem = (
        read_text(root / "story.yaml", "story.yaml", root)
        if os.path.lexists(root / "story.yaml")
        else (
            None,
            Problem(
                "story.yaml",
                0,
                0,
                "error",
                "story.yaml introuvable : chaque dossier de contenu en a un à sa racine",
            ),
        )
    )
    if problem:
        problems.append(problem)
        return None
    meta, problem = _parse(root / "story.yaml", text or "", cache)
    if problem or meta is None:
        problems.extend([problem] if problem else [])
        return None
    if not isinstance(meta.value, dict):
        problems.append(
            meta.problem((), "error", "story.yaml doit être une liste de « clé: valeur »")
        )
        return None
    data: dict[str, Any] = meta.value
    for key in data:
        if key not in STORY_KEYS:
            problems.append(
                meta.problem((key,), "warning", f"clé « {key} » inconnue dans story.yaml")
            )
    for key in REQUIRED_STORY_KEYS:
        if key not in data:
            problems.append(meta.problem((), "error", f"clé « {key} » manquante dans story.yaml"))
    version = data.get("format")
    if "format" in data and version != FORMAT_VERSION:
        problems.append(
            meta.problem(
                ("format",),
                "error",
                f"format « {version} » non pris en charge : ce lecteur lit le format {FORMAT_VERSION} "
                "(mettez à jour loosstory ou écrivez format: 1)",
            )
        )

    languages = _languages(meta, problems)
    if not languages:
        return None
    if language is None:
        language = languages[0]
    if language not in languages:
        problems.append(
            meta.problem(("languages",), "error", f"langue « {language} » absente de languages")
        )
        return None
    default = languages[0]
    lang_dir = root / language
    real_dir = os.path.realpath(lang_dir)
    if lang_dir.is_dir() and not Path(real_dir).is_relative_to(os.path.realpath(root)):
        problems.append(
            meta.problem(
                ("languages",),
                "error",
                f"dossier « {language}/ » : c'est un lien qui mène hors du dossier du contenu "
                f"({real_dir}) ; copiez les chapitres eux-mêmes dans le dossier",
            )
        )
        return None
    if not lang_dir.is_dir():
        problems.append(
            meta.problem(
                ("languages",),
                "error",
                f"dossier « {language}/ » introuvable : chaque langue a un dossier de chapitres",
            )
        )
        return None

    look = read_look(meta, problems)
    cover = _cover(meta, root, language, default, problems, open_image=not cache)
    story = Story(
        id=str(data.get("id", "")),
        title=_localized(meta, "title", language, default, problems),
        subtitle=_localized(meta, "subtitle", language, default, problems),
        language=language,
        languages=languages,
        chapters=[],
        root=root.resolve(),
        cover=cover,
        start_label=_localized(meta, "start", language, default, problems) or "Commencer",
        look=look,
        about=read_about(meta, problems, language, default),
    )
    if story.id and not is_valid_id(story.id):
        problems.append(meta.problem(("id",), "error", f"identifiant « {story.id} » invalide"))
    if language == "fr":
        story.title = french_spacing(story.title)
        story.subtitle = french_spacing(story.subtitle)
    return StoryHead(meta, language, lang_dir, story)


def load_head(
    root: Path | str, language: str | None = None, *, cache: bool = False
) -> LoadResult:
    """Only story.yaml, as a result whose story has no chapters (the cover's part)."""
    problems: list[Problem] = []
    root = Path(root)
    try:
        head = read_head(root, language, problems, cache=cache) if root.is_dir() else None
    except Exception:  # noqa: BLE001 - load_story reports it properly, later
        return LoadResult(None, problems)
    return LoadResult(head.story if head else None, problems)


def _parse(file: Path, text: str, cache: bool) -> tuple[Located | None, Problem | None]:
    if cache:
        kept = parsecache.load(file, text, "story.yaml")
        if kept is not None:
            return kept, None
    from loosstory.story.yamlsource import load_located  # PyYAML: only when parsing

    meta, problem = load_located(text, "story.yaml")
    if cache and meta is not None and problem is None:
        parsecache.store(file, text, meta)
    return meta, problem


def _languages(meta: Located, problems: list[Problem]) -> list[str]:
    value = meta.value.get("languages")
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value:
        if "languages" in meta.value:
            problems.append(
                meta.problem(
                    ("languages",), "error", "languages doit être une liste de langues : [fr, en]"
                )
            )
        return []
    languages = [str(item) for item in value]
    for index, code in enumerate(languages):
        if not (code.isascii() and code.isalpha() and 2 <= len(code) <= 3 and code.islower()):
            problems.append(
                meta.problem(
                    ("languages", index),
                    "error",
                    f"code de langue « {code} » invalide (exemples : fr, en)",
                )
            )
            return []
    return languages


def _localized(
    meta: Located, key: str, language: str, default: str, problems: list[Problem]
) -> str:
    value = meta.value.get(key)
    if value is None:
        return ""
    if isinstance(value, dict):
        chosen = value.get(language, value.get(default))
        if chosen is None:
            problems.append(
                meta.problem(
                    (key,), "warning", f"« {key} » n'a pas de texte pour la langue « {language} »"
                )
            )
            return ""
        value = chosen
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        problems.append(meta.problem((key,), "error", f"« {key} » doit être un texte"))
        return ""
    warning = html_warning(str(value), key)
    if warning:
        problems.append(meta.problem((key,), "warning", warning))
    return str(value).strip()


def _cover(
    meta: Located,
    root: Path,
    language: str,
    default: str,
    problems: list[Problem],
    *,
    open_image: bool = True,
) -> Figure | None:
    value = meta.section("cover", COVER_KEYS, "image, alt, caption, credit", problems)
    if value is None:
        return None
    sub = Located(
        value,
        meta.path,
        meta.line_offset,
        {k[1:]: v for k, v in meta.positions.items() if k[:1] == ("cover",)},
    )
    image = str(value.get("image") or "")
    file, message = resolve_in_pack(root, image, open_image=open_image)
    if message:
        problem = meta.problem(("cover", "image"), "error", f"image de couverture : {message}")
        problems.append(replace(problem, blocking=False))  # the cover shows a placeholder
    alt = _localized(sub, "alt", language, default, problems)
    credit = _localized(sub, "credit", language, default, problems)
    if not alt:
        problems.append(
            meta.problem(("cover",), "error", "image de couverture sans texte alternatif (alt)")
        )
    if not credit:
        problems.append(
            meta.problem(("cover",), "error", "image de couverture sans crédit (credit)")
        )
    return Figure(
        "couverture",
        image,
        alt,
        _localized(sub, "caption", language, default, problems),
        credit,
        file,
        meta.where("cover")[0],
    )
