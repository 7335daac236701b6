"""The `export` command's arguments."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_export(sub: argparse._SubParsersAction) -> None:
    export = sub.add_parser("export", help="exporter l’histoire (diapositives PDF)")
    kinds = export.add_subparsers(dest="kind", required=True)
    slides = kinds.add_parser("slides", help="chaque page en diapositive 16:9, dans un PDF")
    slides.add_argument("-o", "--output", type=Path, required=True, help="fichier PDF à écrire")
    slides.add_argument("--notes", action="store_true",
                        help="les notes de l’orateur sous chaque diapositive")
    slides.add_argument("--lang", default=None, help="langue du contenu (fr, en…)")
    slides.add_argument("--content", type=Path, default=None, help="dossier de contenu")


def run_export(args: argparse.Namespace) -> int:
    from loosstory.export.slides import export_slides
    from loosstory.resources import content_dir

    return export_slides(args.content or content_dir(), args.output, notes=args.notes,
                         language=args.lang)
