"""Shared test set-up: no display needed, and a small story pack built in Python.

``QT_QPA_PLATFORM=offscreen`` is set before anything imports Qt. This file imports no Qt
itself, so the story tests can still check that ``loosstory.story`` runs without PySide6.
"""

from __future__ import annotations

import atexit
import os
import shutil
import struct
import tempfile
import zlib
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The tests never read nor write the user's cache of parsed story.yaml files.
os.environ["LOOSSTORY_CACHE_DIR"] = tempfile.mkdtemp(prefix="loosstory-test-cache-")
atexit.register(shutil.rmtree, os.environ["LOOSSTORY_CACHE_DIR"], True)

from loosstory.story.model import (  # noqa: E402
    Chapter,
    Figure,
    LoadResult,
    Look,
    Page,
    Story,
)
from tests.leaks import watch  # noqa: E402


@pytest.fixture(autouse=True)
def _nothing_left_running(request):
    """Every test ends with no timer, animation or thread of its own still running
    (tests/leaks.py says how they are found)."""
    with watch(request.node.nodeid):
        yield


def write_png(path: Path, width: int, height: int, rgb: tuple[int, int, int]) -> Path:
    """A small PNG with a horizontal gradient, written without any imaging library."""
    rows = []
    for y in range(height):
        row = bytearray([0])
        for x in range(width):
            f = 0.55 + 0.45 * x / max(1, width - 1)
            g = 0.8 + 0.2 * y / max(1, height - 1)
            row += bytes(min(255, int(c * f * g)) for c in rgb)
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"".join(rows), 6)) + chunk(b"IEND", b""))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def write_svg(path: Path, sky: str, hill: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="500" viewBox="0 0 800 500">'
        f'<rect width="800" height="500" fill="{sky}"/>'
        '<circle cx="620" cy="120" r="50" fill="#f3dca0"/>'
        f'<path d="M0,500 L220,180 L420,500 Z M300,500 L520,140 L760,500 Z" fill="{hill}"/>'
        "</svg>",
        encoding="utf-8",
    )
    return path


def _figure(root: Path, name: str, caption: str, exists: bool = True) -> Figure:
    file = root / "images" / name
    return Figure(
        id=Path(name).stem,
        src=f"images/{name}",
        alt=f"Texte alternatif de {caption}",
        caption=caption,
        credit="Illustration de test",
        file=file if exists else None,
    )


def build_story(root: Path) -> Story:
    """Three chapters (3, 2 and 2 pages), PNG and SVG figures, a missing one, a view, links."""
    write_svg(root / "images" / "cover.svg", "#cfe2ea", "#2b3a42")
    write_svg(root / "images" / "mine.svg", "#f6e1c0", "#4a4f55")
    write_png(root / "images" / "champ.png", 320, 200, (90, 150, 80))
    write_png(root / "images" / "brique.png", 200, 300, (170, 70, 50))
    text = "<p>" + " ".join(["Le bassin minier raconte une longue histoire."] * 8) + "</p>"
    links = ('<p>Voir <a href="#energie">le chapitre Énergie</a>, '
             '<a href="#culture/base">la base 11/19</a>, '
             '<a href="#pilier-etoile">le pilier</a> et '
             '<a href="https://example.org">un site</a>.</p>')

    def page(pid: str, title: str, chapter: str, figures=(), view=None, html=text) -> Page:
        return Page(id=pid, title=title, html=html, figures=list(figures), view=view,
                    chapter_id=chapter)

    chapters = [
        Chapter(
            id="resilience", title="Résilience", question="Comment une ville se relève-t-elle ?",
            colour="#2b3a42", cover=_figure(root, "mine.svg", "Le carreau de mine"),
            pages=[
                page("intro", "Introduction", "resilience", html=text + links),
                page("mine", "La mine", "resilience", [_figure(root, "mine.svg", "La fosse")]),
                page("frise", "La frise", "resilience", view="timeline"),
            ],
        ),
        Chapter(
            id="culture", title="Culture & Patrimoine", question="Que garder du passé ?",
            colour="#f2c14e", cover=_figure(root, "champ.png", "Les champs"),
            pages=[
                page("debut", "Le début", "culture", [
                    _figure(root, "champ.png", "Les champs"),
                    _figure(root, "brique.png", "Les briques"),
                ]),
                page("base", "La base 11/19", "culture",
                     [_figure(root, "absent.jpg", "Une photo manquante", exists=False)]),
            ],
        ),
        Chapter(
            id="energie", title="Énergie", question="Comment changer d'échelle ?",
            colour="#a4432f", cover=None,
            pages=[
                page("constat", "Le constat", "energie"),
                page("suite", "La suite", "energie", [_figure(root, "brique.png", "Un mur")]),
            ],
        ),
    ]
    return Story(
        id="test", title="Loos-en-Gohelle", subtitle="Une histoire de test",
        language="fr", languages=["fr"], chapters=chapters, root=root,
        cover=_figure(root, "cover.svg", "Les terrils"),
        look=Look(background="#f6f1e7", ink="#1f2326", accent="#a4432f"),
    )


@pytest.fixture
def story(tmp_path: Path) -> Story:
    return build_story(tmp_path / "pack")


@pytest.fixture
def load_result(story: Story) -> LoadResult:
    return LoadResult(story=story, problems=[])


@pytest.fixture(autouse=True)
def _private_qsettings(tmp_path_factory):
    """Remembered settings (QSettings) go to a temporary folder, never the user's own."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder
