"""Loading a content pack: story.yaml, sources.yaml, the chapters of one language.

`load_story` never raises for anything a pack contains: every problem becomes a `Problem`.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from loosstory.story.chapters import load_chapter
from loosstory.story.checker import check_cross_references, load_views
from loosstory.story.files import read_text
from loosstory.story.look import read_look
from loosstory.story.model import Chapter, Figure, LoadResult, Problem, Story
from loosstory.story.refs import is_valid_id, resolve_in_pack
from loosstory.story.sources import read_sources
from loosstory.story.typography import apply_french_typography
from loosstory.story.yamlsource import Located, load_located

FORMAT_VERSION = 1
STORY_KEYS = {"format", "id", "title", "subtitle", "languages", "start", "cover", "path", "look"}
REQUIRED_STORY_KEYS = ("format", "id", "title", "languages", "path")
COVER_KEYS = {"image", "alt", "caption", "credit"}


def load_story(root: Path | str, language: str | None = None) -> LoadResult:
    """Load the pack in ``root`` in ``language`` (default: the pack's first language)."""
    root = Path(root)
    try:
        return _load(root, language)
    except Exception as error:  # noqa: BLE001 - a bug of ours must still not reach a visitor
        return LoadResult(
            None,
            [
                Problem(
                    "story.yaml",
                    0,
                    0,
                    "error",
                    f"erreur interne en lisant le contenu ({type(error).__name__}: {error}) ; "
                    "merci de signaler ce message aux développeurs avec le dossier de contenu",
                )
            ],
        )


def _load(root: Path, language: str | None) -> LoadResult:
    if not root.is_dir():
        return LoadResult(
            None,
            [
                Problem(
                    str(root),
                    0,
                    0,
                    "error",
                    "dossier de contenu introuvable : indiquez le dossier qui contient story.yaml",
                )
            ],
        )
    problems: list[Problem] = []
    text, problem = (
        read_text(root / "story.yaml", "story.yaml")
        if (root / "story.yaml").is_file()
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
        return LoadResult(None, [problem])
    meta, problem = load_located(text or "", "story.yaml")
    if problem or meta is None:
        return LoadResult(None, [problem] if problem else [])
    if not isinstance(meta.value, dict):
        return LoadResult(
            None, [meta.problem((), "error", "story.yaml doit être une liste de « clé: valeur »")]
        )
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
        return LoadResult(None, problems)
    if language is None:
        language = languages[0]
    if language not in languages:
        problems.append(
            meta.problem(("languages",), "error", f"langue « {language} » absente de languages")
        )
        return LoadResult(None, problems)
    default = languages[0]
    lang_dir = root / language
    if not lang_dir.is_dir():
        problems.append(
            meta.problem(
                ("languages",),
                "error",
                f"dossier « {language}/ » introuvable : chaque langue a un dossier de chapitres",
            )
        )
        return LoadResult(None, problems)

    look = read_look(meta, problems)
    sources = read_sources(root, problems)
    cover = _cover(meta, root, language, default, problems)

    chapters: dict[str, Chapter] = {}
    unordered: list[Chapter] = []
    for file in sorted(lang_dir.glob("*.md")):
        rel = f"{language}/{file.name}"
        chapter, found = load_chapter(
            file,
            rel,
            root,
            palette=look.palette,
            sources=sources,
            default_colour=look.ink,
        )
        problems.extend(found)
        if chapter is None or not chapter.id:
            continue
        if chapter.id in chapters:
            problems.append(
                Problem(
                    rel,
                    2,
                    1,
                    "error",
                    f"identifiant de chapitre « {chapter.id} » déjà utilisé par "
                    f"{chapters[chapter.id].file} : chaque chapitre a le sien",
                )
            )
            continue
        chapters[chapter.id] = chapter
        unordered.append(chapter)

    ordered = _guided_path(meta, chapters, problems)
    story = Story(
        id=str(data.get("id", "")),
        title=_localized(meta, "title", language, default, problems),
        subtitle=_localized(meta, "subtitle", language, default, problems),
        language=language,
        languages=languages,
        chapters=ordered,
        root=root.resolve(),
        cover=cover,
        start_label=_localized(meta, "start", language, default, problems) or "Commencer",
        look=look,
        sources=sources,
    )
    if story.id and not is_valid_id(story.id):
        problems.append(meta.problem(("id",), "error", f"identifiant « {story.id} » invalide"))
    if language == "fr":
        apply_french_typography(story)
    load_views(story, lang_dir, language, problems)
    check_cross_references(story, unordered, problems)
    if not ordered:
        return LoadResult(None, problems)
    return LoadResult(story, problems)


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
    return str(value).strip()


def _cover(
    meta: Located, root: Path, language: str, default: str, problems: list[Problem]
) -> Figure | None:
    value = meta.value.get("cover")
    if value is None:
        return None
    if not isinstance(value, dict):
        problems.append(
            meta.problem(("cover",), "error", "cover doit contenir image, alt, caption, credit")
        )
        return None
    for key in value:
        if key not in COVER_KEYS:
            problems.append(
                meta.problem(("cover", key), "warning", f"clé « {key} » inconnue dans cover")
            )
    sub = Located(
        value,
        meta.path,
        meta.line_offset,
        {k[1:]: v for k, v in meta.positions.items() if k[:1] == ("cover",)},
    )
    image = str(value.get("image") or "")
    file, message = resolve_in_pack(root, image)
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


def _guided_path(
    meta: Located, chapters: dict[str, Chapter], problems: list[Problem]
) -> list[Chapter]:
    value = meta.value.get("path")
    if value is None:
        return []
    if not isinstance(value, list):
        problems.append(
            meta.problem(("path",), "error", "path doit être la liste des chapitres, dans l'ordre")
        )
        return []
    ordered: list[Chapter] = []
    seen: set[str] = set()
    for index, item in enumerate(value):
        chapter_id = str(item)
        if chapter_id in seen:
            problems.append(
                meta.problem(
                    ("path", index),
                    "error",
                    f"le chapitre « {chapter_id} » figure deux fois dans path",
                )
            )
            continue
        seen.add(chapter_id)
        chapter = chapters.get(chapter_id)
        if chapter is None:
            known = ", ".join(sorted(chapters)) or "aucun"
            problems.append(
                meta.problem(
                    ("path", index),
                    "error",
                    f"path nomme un chapitre inconnu « {chapter_id} » (chapitres trouvés : {known})",
                )
            )
            continue
        ordered.append(chapter)
    for chapter_id, chapter in chapters.items():
        if chapter_id not in seen:
            problems.append(
                Problem(
                    chapter.file,
                    2,
                    1,
                    "warning",
                    f"le chapitre « {chapter_id} » n'est pas dans path (story.yaml) : il ne sera pas montré",
                )
            )
    return ordered
