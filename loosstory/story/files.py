"""Reading the pack's text files: encoding, line endings, front matter."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from loosstory.story.located import Located
from loosstory.story.model import Problem
from loosstory.story.safefs import MAX_TEXT_BYTES, TooLarge, pack_file, read_bounded, size_text


def read_text(file: Path, rel: str, root: Path) -> tuple[str | None, Problem | None]:
    """UTF-8 text with "\\n" line endings, or a Problem saying why it cannot be read.

    ``file`` must be a regular file inside the pack ``root`` (:mod:`safefs`) and at most
    :data:`MAX_TEXT_BYTES` long; nothing else is opened."""
    real, message = pack_file(root, file, rel)
    if real is None:
        return None, Problem(rel, 0, 0, "error", message or f"« {rel} » introuvable")
    try:
        data = read_bounded(real, MAX_TEXT_BYTES)
    except TooLarge as error:
        return None, Problem(
            rel,
            0,
            0,
            "error",
            f"fichier trop gros ({size_text(error.size)}, limite {size_text(MAX_TEXT_BYTES)}) : "
            "un chapitre ou un fichier YAML dépasse rarement quelques dizaines de Ko ; "
            "découpez-le en plusieurs chapitres ou retirez ce qui n'est pas du texte",
        )
    except OSError as error:
        return None, Problem(rel, 0, 0, "error", f"fichier illisible : {error.strerror or error}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        return None, Problem(
            rel,
            line,
            column,
            "error",
            "caractère illisible : enregistrez le fichier en UTF-8 (dans votre éditeur : "
            "« Enregistrer sous… », codage UTF-8)",
        )
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        return None, Problem(rel, line, 1, "error", "caractère nul : ce n'est pas un fichier texte")
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def internal_problem(rel: str, error: BaseException) -> Problem:
    """A failure of ours while reading ``rel``, filed under that file."""
    if isinstance(error, MemoryError):
        return Problem(
            rel,
            0,
            0,
            "error",
            "mémoire insuffisante en lisant ce fichier : il est trop gros ou trop complexe ; "
            "découpez-le ou simplifiez-le",
        )
    return Problem(
        rel,
        0,
        0,
        "error",
        f"erreur interne en lisant ce fichier ({type(error).__name__}: {error}) ; merci de "
        "signaler ce message aux développeurs avec le dossier de contenu",
    )


class FrontMatter(NamedTuple):
    meta: Located | None  # None when missing or unreadable
    body: str
    body_first_line: int  # 1-based line number of the body's first line
    problems: list[Problem]


def split_front_matter(text: str, rel: str) -> FrontMatter:
    """`---` / YAML / `---` at the top of a Markdown file, then the body."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return FrontMatter(
            None,
            text,
            1,
            [
                Problem(
                    rel,
                    1,
                    1,
                    "error",
                    "en-tête manquant : le fichier doit commencer par une ligne « --- », puis "
                    "id, title, question…, puis une autre ligne « --- »",
                )
            ],
        )
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            yaml_text = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1 :])
            from loosstory.story.yamlsource import load_located  # not on the cover's path

            meta, problem = load_located(yaml_text, rel, line_offset=1)
            return FrontMatter(meta, body, index + 2, [problem] if problem else [])
    return FrontMatter(
        None,
        "",
        len(lines),
        [
            Problem(
                rel,
                1,
                1,
                "error",
                "en-tête non fermé : ajoutez une ligne « --- » après les lignes id, title, question…",
            )
        ],
    )
