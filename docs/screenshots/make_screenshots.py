"""Render the reader's main screens to docs/screenshots/*.png (no display needed).

    .venv/bin/python docs/screenshots/make_screenshots.py [--content DIR] [--only NAME...]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from a source checkout

from loosstory.resources import content_dir  # noqa: E402
from loosstory.ui.snapshot import snapshot  # noqa: E402

HERE = Path(__file__).resolve().parent
SIZES = [(1920, 1080), (1024, 768)]
PAGES = [
    ("cover", "cover"),
    ("sommaire", "sommaire"),
    ("chapitre1", "resilience-et-transition"),
    ("figures", "resilience-et-transition/crise-fermeture-des-mines"),
    ("frise", "resilience-et-transition/frise"),
    ("chapitre2", "culture-et-patrimoine"),
    ("chapitre3", "implication-habitante"),
    ("chapitre4", "agriculture-et-alimentation"),
    ("eglise", "energie/eglise-solaire"),
    ("chapitre5", "energie"),
    ("chapitre6", "biodiversite-et-cadre-de-vie"),
    ("chapitre7", "code-source"),
    ("sources", "energie/sources"),
    ("maison", "code-source/maison"),
    ("fin", "ending"),
    ("apropos", "about"),
]
EXTRA = [("figures", "resilience-et-transition/crise-fermeture-des-mines", (1024, 600)),
         ("cover", "cover", (1024, 600)), ("sommaire", "sommaire", (1024, 600)),
         ("figures", "resilience-et-transition/crise-fermeture-des-mines", (3840, 2160))]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--content", type=Path, default=content_dir())
    parser.add_argument("--only", nargs="*")
    parser.add_argument("--views", action="store_true",
                        help="register the timeline and schematic views (issue 3) first")
    args = parser.parse_args()
    if args.views:
        from loosstory.ui.views import schematic, timeline
        from loosstory.ui.views.registry import register_view

        register_view("timeline", timeline.create)
        register_view("schematic", schematic.create)
    jobs = [(n, p, s) for n, p in PAGES for s in SIZES] + EXTRA
    for name, page, (w, h) in jobs:
        if args.only and name not in args.only:
            continue
        out = HERE / f"{name}-{w}x{h}.png"
        started = time.perf_counter()
        code = snapshot(args.content, page, (w, h), out)
        print(f"{out.name}: {code} ({time.perf_counter() - started:.2f} s)")
        if code:
            return code
    return 0


if __name__ == "__main__":
    sys.exit(main())
