"""Render any screen of the reader to a PNG, with no display."""

from __future__ import annotations

import os
import sys
from pathlib import Path

SPECIAL_PAGES = ("cover", "sommaire", "problems")


def png_bytes(image) -> bytes:
    """``image`` (a QImage) as PNG data, lossless, written for speed.

    Qt's PNG writer tries five row filters on every row and took ~90 ms (~50 ms at zlib
    level 1) for a photographic page at 1920x1080; rows left unfiltered and deflated at
    level 1 take ~15 ms and, for these pages, are as small. Opaque images are written as
    8-bit RGB, images with transparency as 8-bit RGBA (non-premultiplied, as PNG wants).
    """
    import struct
    import zlib

    from PySide6.QtGui import QImage

    alpha = image.hasAlphaChannel()
    image = image.convertToFormat(
        QImage.Format.Format_RGBA8888 if alpha else QImage.Format.Format_RGB888
    )
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    row = width * (4 if alpha else 3)
    pixels = memoryview(image.constBits()).cast("B")
    raw = bytearray((row + 1) * height)  # each row: filter type 0 (None), then its pixels
    for y in range(height):
        start = y * (row + 1) + 1
        raw[start:start + row] = pixels[y * stride:y * stride + row]

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 6 if alpha else 2, 0, 0, 0)
    return b"".join((
        b"\x89PNG\r\n\x1a\n",
        chunk(b"IHDR", header),
        chunk(b"IDAT", zlib.compress(raw, 1)),
        chunk(b"IEND", b""),
    ))


def save_png(image, out: Path) -> bool:
    """Write ``image`` (a QImage) to ``out`` as PNG; False when the file cannot be written
    (or the image is empty)."""
    if image.isNull():
        return False
    try:
        Path(out).write_bytes(png_bytes(image))
    except OSError:
        return False
    return True


def snapshot(content: Path, page: str, size: tuple[int, int], out: Path) -> int:
    """Render ``page`` of the pack in ``content`` at ``size`` into ``out`` (PNG).

    ``page`` is "cover", "sommaire", "problems", a chapter id (its first page) or
    "chapter-id/page-id". Returns 0, or 2 (with a French message on stderr) for an unknown
    page. When the pack has errors, the problems screen is rendered, as the app would show.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # The pack first (no Qt in it): PySide6 reads the source of every module imported after
    # it (to look for `from __feature__ import`), so the story's modules come before it.
    from loosstory.story.packcache import load_story_cached

    result = load_story_cached(Path(content))

    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from loosstory.ui.fonts import register_in_background

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "loosstory"])
    fonts = register_in_background()  # while the reader's modules are imported

    from loosstory.ui.config import ReaderConfig
    from loosstory.ui.reader import build_reader, wait_until_drawn

    fonts.join()
    state, loader, window = build_reader(
        result, ReaderConfig(transition_ms=0, prefetch=False), eager=False
    )
    try:
        width, height = size
        if state.playable:
            if page == "cover":
                state.show_cover()
            elif page == "sommaire":
                state.show_sommaire()
            elif page == "problems":
                state.show_problems()
            elif not state.go_to_ref(page):
                print(f"loosstory : page inconnue « {page} ». Indiquez cover, sommaire, problems, "
                      "un identifiant de chapitre ou « chapitre/page ».", file=sys.stderr)
                return 2
        window.setFixedSize(width, height)
        window.show()
        window.resize(width, height)
        wait_until_drawn(window)
        image = window.grab().toImage()
        if image.width() != width or image.height() != height:
            image = image.scaled(width, height)
        out = Path(out)
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass  # said just below, as for any file that cannot be written
        if not save_png(image, out):
            print(f"loosstory : impossible d'écrire l'image « {out} ».", file=sys.stderr)
            return 1
        return 0
    finally:
        window.close()
        loader.wait_for_done()
        window.deleteLater()
        # processEvents() never runs deferred deletes: without this the window (and its key
        # and swipe filters) would outlive the call and eat later input.
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
