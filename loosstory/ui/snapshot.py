"""Render any screen of the reader to a PNG, with no display."""

from __future__ import annotations

import os
import struct
import sys
import threading
import zlib
from pathlib import Path

SPECIAL_PAGES = ("cover", "sommaire", "problems", "ending", "about")


def _filtered_rows(pixels: memoryview, first: int, last: int, row: int, stride: int) -> bytearray:
    """Rows ``first``..``last - 1`` as PNG scanlines: filter type 0 (None), then the pixels."""
    raw = bytearray((row + 1) * (last - first))
    for index, y in enumerate(range(first, last)):
        start = index * (row + 1) + 1
        raw[start:start + row] = pixels[y * stride:y * stride + row]
    return raw


def _deflate(raw: bytearray, last: bool) -> bytes:
    """Raw deflate (no zlib header) of one part of a stream, at level 1: a part that is not
    the last ends on a byte boundary (Z_SYNC_FLUSH) so that the next part can follow it."""
    engine = zlib.compressobj(1, zlib.DEFLATED, -15)
    return engine.compress(raw) + engine.flush(zlib.Z_FINISH if last else zlib.Z_SYNC_FLUSH)


def png_bytes(image) -> bytes:
    """``image`` (a QImage) as PNG data, lossless, written for speed.

    Qt's PNG writer tries five row filters on every row and took ~90 ms (~50 ms at zlib
    level 1) for a photographic page at 1920x1080; rows left unfiltered and deflated at
    level 1 take ~20 ms and, for these pages, are as small. A large image is deflated in two
    halves at once, as pigz does (zlib lets other threads run while it compresses): the top
    half in a thread while the bottom half's rows are prepared and compressed here; the two
    raw deflate parts follow each other behind one zlib header, then the Adler-32 of the
    whole (~7 ms less on two cores). Opaque images are written as 8-bit RGB, images with
    transparency as 8-bit RGBA (non-premultiplied, as PNG wants).
    """
    from PySide6.QtGui import QImage

    alpha = image.hasAlphaChannel()
    image = image.convertToFormat(
        QImage.Format.Format_RGBA8888 if alpha else QImage.Format.Format_RGB888
    )
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    row = width * (4 if alpha else 3)
    pixels = memoryview(image.constBits()).cast("B")
    if row * height < 1 << 20 or height < 2:  # small: one part, no thread
        data = zlib.compress(_filtered_rows(pixels, 0, height, row, stride), 1)
    else:
        half = height // 2
        top = _filtered_rows(pixels, 0, half, row, stride)
        done: list[bytes] = []
        worker = threading.Thread(target=lambda: done.append(_deflate(top, last=False)),
                                  name="loosstory-png", daemon=True)
        worker.start()
        bottom = _filtered_rows(pixels, half, height, row, stride)
        tail = _deflate(bottom, last=True)
        adler = zlib.adler32(bottom, zlib.adler32(top))
        worker.join()
        data = b"\x78\x01" + done[0] + tail + struct.pack(">I", adler)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(
            ">I", zlib.crc32(kind + body)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 6 if alpha else 2, 0, 0, 0)
    return b"".join((
        b"\x89PNG\r\n\x1a\n",
        chunk(b"IHDR", header),
        chunk(b"IDAT", data),
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


def snapshot(content: Path, page: str, size: tuple[int, int], out: Path,
             language: str | None = None) -> int:
    """Render ``page`` of the pack in ``content`` at ``size`` into ``out`` (PNG).

    ``page`` is "cover", "sommaire", "problems", "ending", "about", a chapter id (its first page) or
    "chapter-id/page-id". Returns 0, or 2 (with a French message on stderr) for an unknown
    page. When the pack has errors, the problems screen is rendered, as the app would show.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # The pack first (no Qt in it): PySide6 reads the source of every module imported after
    # it (to look for `from __feature__ import`), so the story's modules come before it.
    from loosstory.story.packcache import load_story_cached

    result = load_story_cached(Path(content), language)

    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from loosstory.ui.look.fonts import register_in_background

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "loosstory"])
    fonts = register_in_background()  # while the reader's modules are imported

    from loosstory.ui.reader.build import build_reader, wait_until_drawn
    from loosstory.ui.state.config import ReaderConfig

    fonts.join()
    from loosstory.ui import i18n

    before = i18n.interface_language()
    i18n.install(result.story.language if result.story is not None else language)
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
            elif page == "ending":
                state.show_ending()
            elif page == "about":
                state.show_about()
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
        i18n.install(before)  # a test calling snapshot() goes on in its own language
        window.close()
        loader.wait_for_done()
        window.deleteLater()
        # processEvents() never runs deferred deletes: without this the window (and its key
        # and swipe filters) would outlive the call and eat later input.
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
