"""Generated content packs for the benchmarks, built once into the cache directory.

* ``photos``: 10 chapters x 10 pages = 100 pages, each with its own 24-megapixel JPEG
  (6000x4000, textured so that it compresses like a photograph: ~5-9 MB a file).
* ``chapters200``: 200 chapters (3-5 pages each, text, links, one SVG per chapter) that
  pass ``loosstory check`` without errors.

    python bench/gen_pack.py photos|chapters200|all      # prints the pack folder(s)

The packs live outside the repository (``$LOOSSTORY_BENCH_CACHE`` or
``~/.cache/loosstory-bench``); a finished pack carries a ``.complete`` stamp and is reused.
"""

from __future__ import annotations

import os
import random
import shutil
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import CACHE  # noqa: E402

VERSION = "2"  # bump to rebuild the packs when this generator changes
PHOTO_SIZE = (6000, 4000)
LOREM = (
    "Le carreau de fosse s'éveille avant l'aube ; les mineurs descendent, les femmes tiennent "
    "les jardins ouvriers et la cité vit au rythme des sirènes. Quand la dernière gaillette "
    "remonte, la ville choisit de garder ses terrils, de les planter et d'en faire un symbole. "
    "Les habitants inventent des fêtes, réparent les maisons, posent des panneaux solaires sur "
    "l'église et apprennent à décider ensemble de ce que sera la commune demain."
)

STORY_HEAD = """format: 1
id: {id}
title: {title}
subtitle: Pack généré pour les mesures de performance
languages: [fr]
start: Commencer
cover:
  image: images/{cover}
  alt: Image de couverture générée
  caption: Couverture générée
  credit: loosstory bench
look:
  palette:
    charbon: "#1f2326"
    brique: "#8c3b2e"
    terril: "#2f6b45"
  background: "#f6f1e7"
  ink: "#1f2326"
  accent: brique
path:
"""


def _photo(args: tuple[str, int]) -> str:
    """Write one 6000x4000 JPEG: gradient sky, hills, many shapes, fine grain."""
    path, seed = args
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QBrush, QColor, QImage, QLinearGradient, QPainter, QPainterPath
    from pyside_refcount import immortalise

    immortalise(force=True)  # thousands of void QPainter calls: see pyside_refcount.py
    rng = random.Random(seed)
    w, h = PHOTO_SIZE
    image = QImage(w, h, QImage.Format.Format_RGB32)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    sky = QLinearGradient(QPointF(0, 0), QPointF(0, h))
    sky.setColorAt(0, QColor.fromHsv(rng.randrange(180, 240), 120, 230))
    sky.setColorAt(1, QColor.fromHsv(rng.randrange(20, 60), 90, 200))
    p.fillRect(0, 0, w, h, sky)
    for layer in range(6):  # hills and spoil heaps
        hill = QPainterPath(QPointF(0, h))
        x = 0.0
        base = h * (0.45 + 0.08 * layer)
        while x < w:
            hill.lineTo(x, base - rng.random() * h * 0.25)
            x += rng.randrange(200, 900)
        hill.lineTo(w, h)
        hill.closeSubpath()
        p.fillPath(hill, QColor.fromHsv(rng.randrange(60, 140), 90 + 20 * layer, 140 - 15 * layer))
    for _ in range(2500):  # houses, trees, fields: many small edges like a photo
        colour = QColor.fromHsv(rng.randrange(0, 360), rng.randrange(30, 200), rng.randrange(40, 240),
                                rng.randrange(80, 255))
        p.setBrush(QBrush(colour))
        p.setPen(Qt.PenStyle.NoPen)
        x, y = rng.random() * w, h * 0.35 + rng.random() * h * 0.65
        s = rng.randrange(8, 160)
        if rng.random() < 0.5:
            p.drawEllipse(QRectF(x, y, s, s * rng.uniform(0.5, 1.5)))
        else:
            # (fillRect, not drawRect: drawRect(QRectF) trips a refcount bug in PySide6 6.12)
            p.fillRect(QRectF(x, y, s, s * rng.uniform(0.4, 1.2)), colour)
    # Grain: a tile of random pixels blended softly over the whole picture.
    tile = QImage(rng.randbytes(512 * 512 * 4), 512, 512,
                  QImage.Format.Format_RGB32).copy()
    p.setOpacity(0.10)
    for ty in range(0, h, 512):
        for tx in range(0, w, 512):
            p.drawImage(tx, ty, tile)
    p.end()
    if not image.save(path, "JPEG", 88):
        raise RuntimeError(f"could not write {path}")
    return path


def _svg(path: Path, hue: int) -> None:
    path.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="500" viewBox="0 0 800 500">'
        f'<rect width="800" height="500" fill="hsl({hue},45%,78%)"/>'
        '<circle cx="620" cy="120" r="50" fill="#f3dca0"/>'
        f'<path d="M0,500 L220,180 L420,500 Z M300,500 L520,140 L760,500 Z" fill="hsl({hue},35%,30%)"/>'
        "</svg>",
        encoding="utf-8",
    )


def _chapter(chapter_id: str, number: int, pages: list[tuple[str, str, str | None]],
             cover: str | None, next_id: str | None) -> str:
    head = [
        "---",
        f"id: {chapter_id}",
        f'title: "Chapitre {number} — mesure"',
        f'question: "Que montre la page {number} ?"',
    ]
    if cover:
        head += [f"cover: images/{cover}", "cover_alt: Couverture générée",
                 "cover_credit: loosstory bench"]
    head += ["colour: terril" if number % 2 else "colour: brique", "---", ""]
    body = []
    for index, (page_id, title, image) in enumerate(pages):
        body.append(f"## {title} {{#{page_id}}}")
        body.append("")
        body.append(LOREM)
        body.append("")
        body.append(f"Une **deuxième** phrase pour la page {index + 1}, avec *de l'italique* et une liste :")
        body.append("")
        body.append("- premier point\n- deuxième point\n- troisième point")
        body.append("")
        if next_id:
            body.append(f"Voir aussi [le chapitre suivant](#{next_id}).")
            body.append("")
        if image:
            body.append(f'![Photographie générée {page_id}](images/{image} "Photographie {page_id}")'
                        f'{{#img-{chapter_id}-{page_id} credit="loosstory bench"}}')
            body.append("")
    return "\n".join(head + body) + "\n"


def _finish(folder: Path, tmp: Path) -> Path:
    (tmp / ".complete").write_text(VERSION)
    if folder.exists():
        shutil.rmtree(folder)
    tmp.rename(folder)
    return folder


def _ready(folder: Path) -> bool:
    stamp = folder / ".complete"
    return stamp.is_file() and stamp.read_text() == VERSION


def photo_pack(chapters: int = 10, pages_per_chapter: int = 10, workers: int = 2) -> Path:
    folder = CACHE / f"photos-{chapters * pages_per_chapter}"
    if _ready(folder):
        return folder
    tmp = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    (tmp / "fr").mkdir(parents=True)
    (tmp / "images").mkdir()
    _svg(tmp / "images" / "couverture.svg", 30)
    story = STORY_HEAD.format(id="photos", title="Cent photographies", cover="couverture.svg")
    jobs = []
    for c in range(chapters):
        chapter_id = f"chapitre-{c + 1:03d}"
        story += f"  - {chapter_id}\n"
        pages = []
        for p in range(pages_per_chapter):
            name = f"photo-{c + 1:03d}-{p + 1:02d}.jpg"
            jobs.append((str(tmp / "images" / name), c * 1000 + p))
            pages.append((f"page-{p + 1:02d}", f"Photographie {c + 1}.{p + 1}", name))
        next_id = f"chapitre-{c + 2:03d}" if c + 1 < chapters else None
        (tmp / "fr" / f"{c + 1:03d}-{chapter_id}.md").write_text(
            _chapter(chapter_id, c + 1, pages, None, next_id), encoding="utf-8")
    (tmp / "story.yaml").write_text(story, encoding="utf-8")
    (tmp / "sources.yaml").write_text("{}\n", encoding="utf-8")
    print(f"writing {len(jobs)} JPEGs of {PHOTO_SIZE[0]}x{PHOTO_SIZE[1]} into {tmp} …",
          file=sys.stderr)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for done, _ in enumerate(pool.map(_photo, jobs), 1):
            if done % 10 == 0:
                print(f"  {done}/{len(jobs)}", file=sys.stderr)
    return _finish(folder, tmp)


def chapters_pack(chapters: int = 200) -> Path:
    folder = CACHE / f"chapters-{chapters}"
    if _ready(folder):
        return folder
    tmp = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    (tmp / "fr").mkdir(parents=True)
    (tmp / "images").mkdir()
    _svg(tmp / "images" / "couverture.svg", 30)
    story = STORY_HEAD.format(id="chapitres", title="Deux cents chapitres", cover="couverture.svg")
    sources = []
    rng = random.Random(200)
    for c in range(chapters):
        chapter_id = f"chapitre-{c + 1:03d}"
        story += f"  - {chapter_id}\n"
        cover = f"couverture-{c + 1:03d}.svg"
        _svg(tmp / "images" / cover, (c * 37) % 360)
        pages = [(f"page-{p + 1:02d}", f"Page {p + 1} du chapitre {c + 1}", None)
                 for p in range(rng.randrange(3, 6))]
        next_id = f"chapitre-{c + 2:03d}" if c + 1 < chapters else "chapitre-001"
        text = _chapter(chapter_id, c + 1, pages, cover, next_id)
        key = f"SRC-{c + 1:03d}"
        text = text.replace("colour:", f"sources: [{key}]\ncolour:", 1)
        sources.append(f"{key}:\n  title: Source {c + 1}\n  url: https://exemple.org/{c + 1}\n"
                       f"  confidence: {c % 3}\n")
        (tmp / "fr" / f"{c + 1:03d}-{chapter_id}.md").write_text(text, encoding="utf-8")
    (tmp / "story.yaml").write_text(story, encoding="utf-8")
    (tmp / "sources.yaml").write_text("".join(sources), encoding="utf-8")
    return _finish(folder, tmp)


def main(argv: list[str]) -> int:
    which = argv[0] if argv else "all"
    if which in ("photos", "all"):
        print(photo_pack())
    if which in ("chapters200", "all"):
        print(chapters_pack())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
