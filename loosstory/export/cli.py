"""``loosstory export worksheet``: the command line of the worksheets (issue 18)."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def add_commands(sub) -> None:  # noqa: ANN001 - argparse's private sub-parsers type
    export = sub.add_parser("export", help="exporter pour imprimer (fiches de travail)")
    what = export.add_subparsers(dest="export_what")
    sheet = what.add_parser("worksheet", help="fiches de travail A4 par chapitre (PDF)")
    which = sheet.add_mutually_exclusive_group(required=True)
    which.add_argument("--chapter", metavar="ID", help="le chapitre (son identifiant)")
    which.add_argument("--all", action="store_true", help="tous les chapitres")
    sheet.add_argument("--level", choices=("facile", "standard", "approfondi"),
                       default="standard", help="niveau de lecture du texte")
    sheet.add_argument("--answers", action="store_true", help="le corrigé pour l’enseignant")
    sheet.add_argument("--lang", default=None, help="langue (défaut : la première du récit)")
    sheet.add_argument("--content", type=Path, default=None, help="dossier de contenu")
    sheet.add_argument("-o", "--output", type=Path, required=True, help="fichier PDF à écrire")


def run(args, content: Path) -> int:  # noqa: ANN001
    if args.export_what != "worksheet":
        print("loosstory export : précisez « worksheet »", file=sys.stderr)
        return 2
    from loosstory.story.packcache import load_story_cached

    # the pack kept between runs while no file of it changes (as the app does)
    result = load_story_cached(args.content or content, args.lang)
    story = result.story
    if story is None or not result.playable:
        for problem in result.errors:
            print(problem.format(), file=sys.stderr)
        print("loosstory export : le contenu a des erreurs ; corrigez-les (loosstory check)",
              file=sys.stderr)
        return 1
    if args.chapter:
        chapter = story.chapter(args.chapter)
        if chapter is None:
            known = ", ".join(c.id for c in story.chapters)
            print(f"loosstory export : chapitre « {args.chapter} » inconnu (connus : {known})",
                  file=sys.stderr)
            return 2
        chapters = [chapter]
    else:
        chapters = list(story.chapters)
    output: Path = args.output
    if output.suffix.lower() != ".pdf":
        print(f"loosstory export : « {output} » doit finir par .pdf", file=sys.stderr)
        return 2
    if not output.parent.is_dir():
        print(f"loosstory export : dossier « {output.parent} » introuvable", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(["loosstory"])
    from loosstory.export.worksheet import write_worksheets
    from loosstory.ui.look.fonts import load_fonts

    load_fonts()
    write_worksheets(story, chapters, output, level=args.level, answers=args.answers)
    del app
    what = "corrigé" if args.answers else "fiche(s)"
    print(f"{output} : {what} de {len(chapters)} chapitre(s), niveau {args.level}")
    return 0
