"""The `export` command: `export slides` (a talk as 16:9 PDF slides) and `export worksheet`
(A4 worksheets per chapter and their answer key)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def add_export(sub: argparse._SubParsersAction) -> None:
    export = sub.add_parser("export", help="exporter en PDF (diapositives, fiches de travail)")
    kinds = export.add_subparsers(dest="kind", required=True)
    slides = kinds.add_parser("slides", help="chaque page en diapositive 16:9, dans un PDF")
    slides.add_argument("-o", "--output", type=Path, required=True, help="fichier PDF à écrire")
    slides.add_argument("--notes", action="store_true",
                        help="les notes de l’orateur sous chaque diapositive")
    slides.add_argument("--lang", default=None, help="langue du contenu (fr, en…)")
    slides.add_argument("--content", type=Path, default=None, help="dossier de contenu")
    sheet = kinds.add_parser("worksheet", help="fiches de travail A4 par chapitre (PDF)")
    which = sheet.add_mutually_exclusive_group(required=True)
    which.add_argument("--chapter", metavar="ID", help="le chapitre (son identifiant)")
    which.add_argument("--all", action="store_true", help="tous les chapitres")
    sheet.add_argument("--level", choices=("facile", "standard", "approfondi"),
                       default="standard", help="niveau de lecture du texte")
    sheet.add_argument("--answers", action="store_true", help="le corrigé pour l’enseignant")
    sheet.add_argument("--lang", default=None, help="langue (défaut : la première du récit)")
    sheet.add_argument("--content", type=Path, default=None, help="dossier de contenu")
    sheet.add_argument("-o", "--output", type=Path, required=True, help="fichier PDF à écrire")


def run_export(args: argparse.Namespace) -> int:
    from loosstory.resources import content_dir

    if args.kind == "worksheet":
        return _run_worksheet(args, content_dir())
    from loosstory.export.slides import export_slides

    return export_slides(args.content or content_dir(), args.output, notes=args.notes,
                         language=args.lang)


def _run_worksheet(args: argparse.Namespace, content: Path) -> int:
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
