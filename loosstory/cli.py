"""Command line: `loosstory` (play), `loosstory check`, `loosstory snapshot`."""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from loosstory import __version__
from loosstory.resources import content_dir

COMMANDS = ("run", "check", "snapshot")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="loosstory",
        description="Raconte l'histoire de Loos-en-Gohelle (ou de tout dossier de contenu).",
    )
    parser.add_argument("--version", action="version", version=f"loosstory {__version__}")
    sub = parser.add_subparsers(dest="command")

    run = sub.add_parser("run", help="ouvrir l'histoire (par défaut)")
    run.add_argument("--content", type=Path, default=None, help="dossier de contenu à jouer")
    run.add_argument("--fullscreen", action="store_true", help="ouvrir en plein écran")

    check = sub.add_parser("check", help="vérifier un dossier de contenu")
    check.add_argument("directory", nargs="?", type=Path, default=None)

    snap = sub.add_parser("snapshot", help="enregistrer un écran en PNG, sans affichage")
    snap.add_argument("--content", type=Path, default=None)
    snap.add_argument(
        "--page", default="cover", help="cover, sommaire, problems, un chapitre ou chapitre/page"
    )
    snap.add_argument("--size", default="1920x1080", help="LARGEURxHAUTEUR (défaut 1920x1080)")
    snap.add_argument("-o", "--output", type=Path, required=True, help="fichier PNG à écrire")
    return parser


def _normalise(argv: list[str]) -> list[str]:
    """`loosstory --content X` means `loosstory run --content X`."""
    if any(arg in ("-h", "--help", "--version") for arg in argv[:1]):
        return argv
    if not argv or argv[0] not in COMMANDS:
        return ["run", *argv]
    return argv


def check(directory: Path) -> int:
    from loosstory.story.checker import check_pack

    result = check_pack(directory)
    for problem in result.problems:
        print(problem.format())
    errors, warnings = len(result.errors), len(result.warnings)
    story = result.story
    if story is not None:
        pages = sum(len(chapter.pages) for chapter in story.chapters)
        scope = f"{len(story.chapters)} chapitres, {pages} pages"
    else:
        scope = "histoire illisible"
    verdict = "OK" if errors == 0 else "À CORRIGER"
    print(f"{directory}: {errors} erreur(s), {warnings} avertissement(s) ({scope}) — {verdict}")
    return 1 if errors else 0


def _size(text: str) -> tuple[int, int] | None:
    match = re.fullmatch(r"\s*(\d{2,5})\s*[xX×]\s*(\d{2,5})\s*", text)
    if not match:
        return None
    return int(match.group(1)), int(match.group(2))


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(_normalise(list(sys.argv[1:] if argv is None else argv)))
    command = args.command or "run"
    if command == "check":
        return check(args.directory or content_dir())
    if command == "snapshot":
        size = _size(args.size)
        if size is None:
            print(
                f"loosstory: taille « {args.size} » illisible : écrivez par exemple 1920x1080",
                file=sys.stderr,
            )
            return 2
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from loosstory.ui.snapshot import snapshot

        return snapshot(args.content or content_dir(), args.page, size, args.output)
    from loosstory.app import run

    return run(args.content or content_dir(), fullscreen=args.fullscreen)
