"""Image decoding: off the UI thread, scaled, cached within bounds, placeholders."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter

from loosstory.story.model import Figure, Look
from loosstory.ui.look.theme import Palette, TypeScale
from loosstory.ui.pictures.figure import FigureWidget, ImageView
from loosstory.ui.pictures.images import COVER, FIT, ImageLoader, decode, image_key


@pytest.fixture(scope="session")
def big_jpeg(tmp_path_factory) -> Path:
    """A 6000×4000 photo-sized JPEG (24 megapixels)."""
    path = tmp_path_factory.mktemp("photos") / "grand.jpg"
    image = QImage(6000, 4000, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    gradient = QLinearGradient(0, 0, 6000, 4000)
    gradient.setColorAt(0, QColor("#2f6b45"))
    gradient.setColorAt(1, QColor("#f3dca0"))
    painter.fillRect(image.rect(), gradient)
    painter.end()
    assert image.save(str(path), "JPEG", 70)
    return path


def test_decodes_off_the_ui_thread(qtbot, story):
    loader = ImageLoader()
    path = story.root / "images" / "champ.png"
    assert loader.request(path, QSize(160, 100)) is None
    with qtbot.waitSignal(loader.image_ready, timeout=5000) as blocker:
        pass
    key, image = blocker.args
    assert key == image_key(path, QSize(160, 100), FIT)
    assert image.width() <= 160 and image.height() <= 100
    assert loader.decode_threads and threading.get_ident() not in loader.decode_threads
    assert loader.request(path, QSize(160, 100)) is image or loader.cached_count == 1
    loader.wait_for_done()


def test_large_jpeg_is_decoded_small_without_blocking(qtbot, big_jpeg):
    loader = ImageLoader()
    ticks = []
    timer = QTimer(interval=5)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    box = QSize(800, 600)
    assert loader.request(big_jpeg, box) is None  # returns at once
    with qtbot.waitSignal(loader.image_ready, timeout=20000) as blocker:
        pass
    timer.stop()
    image = blocker.args[1]
    assert image.width() <= 800 and image.height() <= 600
    assert image.sizeInBytes() <= 800 * 600 * 4
    assert ticks, "the UI thread kept processing events while the photo was decoded"
    assert threading.get_ident() not in loader.decode_threads
    loader.wait_for_done()


def test_large_jpeg_shown_in_a_figure_keeps_ui_responsive(qtbot, big_jpeg):
    loader = ImageLoader()
    palette = Palette.from_look(Look())
    figure = Figure("grand", "images/grand.jpg", "Un grand paysage", "Paysage", "Photo", big_jpeg)
    widget = FigureWidget(figure, loader, palette, TypeScale.for_size(1280, 800))
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    assert not widget.image.is_ready  # decoding, and the call above did not wait for it
    qtbot.waitUntil(lambda: widget.image.is_ready, timeout=20000)
    assert widget.image.image.width() <= widget.image.box().width()
    loader.wait_for_done()


def test_cache_stays_within_its_byte_bound(qtbot, tmp_path):
    path = tmp_path / "carre.png"
    source = QImage(800, 800, QImage.Format.Format_RGB32)
    source.fill(QColor("#285aa0"))
    assert source.save(str(path))
    bound = 1_000_000
    loader = ImageLoader(max_bytes=bound)
    for side in range(200, 520, 40):  # each decode ~160 kB to ~1 MB
        loader.request(path, QSize(side, side))
        qtbot.waitUntil(lambda: loader.pending == 0, timeout=5000)
        assert loader.cached_bytes <= bound
    assert 0 < loader.cached_count < 8
    loader.wait_for_done()


def test_cover_mode_fills_and_crops_centre(story):
    image = decode(story.root / "images" / "cover.svg", QSize(300, 300), COVER)
    assert (image.width(), image.height()) == (300, 300)
    image = decode(story.root / "images" / "brique.png", QSize(400, 100), COVER)
    assert (image.width(), image.height()) == (400, 100)


def test_svg_is_rendered_into_an_image(story):
    image = decode(story.root / "images" / "mine.svg", QSize(400, 400), FIT)
    assert image.width() == 400 and image.height() == 250
    assert image.pixelColor(10, 10).name() == "#f6e1c0"


def test_unreadable_file_fails_cleanly(qtbot, tmp_path):
    broken = tmp_path / "casse.jpg"
    broken.write_bytes(b"pas une image")
    loader = ImageLoader()
    loader.request(broken, QSize(100, 100))
    with qtbot.waitSignal(loader.image_failed, timeout=5000):
        pass
    assert loader.has_failed(broken, QSize(100, 100))
    loader.wait_for_done()


def test_missing_image_shows_a_placeholder(qtbot, tmp_path):
    loader = ImageLoader()
    palette = Palette.from_look(Look())
    view = ImageView(loader, palette)
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.set_file(None, "Une photo absente", "La légende")
    view.show()
    assert view.is_placeholder and view.is_ready
    picture = view.grab().toImage()
    colours = {picture.pixel(x, y) for x in range(0, 400, 7) for y in range(0, 300, 7)}
    assert len(colours) >= 2  # a tinted box with an icon drawn on it
    broken = tmp_path / "casse.png"
    broken.write_bytes(b"\x89PNG pas vraiment")
    view.set_file(broken, "Image illisible", "Légende")
    qtbot.waitUntil(lambda: view.is_placeholder, timeout=5000)
    loader.wait_for_done()


def test_placeholder_in_the_reader(reader):
    reader.state.go_to_ref("culture/base")
    page = reader.window.page
    reader.qtbot.waitUntil(lambda: page.figures and page.figures[0].isVisible())
    figure = page.figures[0]
    assert figure.image.is_placeholder
    assert figure.caption.text() == "Une photo manquante"
    assert figure.credit.text() == "Illustration de test"


def test_next_page_figures_are_prefetched(reader):
    reader.state.go_to_ref("energie/constat")  # no figure; the next page has one
    following = reader.state.path.peek_next()
    suffix = f"|{following.figures[0].file}"
    reader.qtbot.waitUntil(lambda: reader.loader.pending == 0
                           and any(k.endswith(suffix) for k in reader.loader._cache),
                           timeout=5000)
    reader.state.next()
    figure = reader.window.page.figures[0]
    assert figure.image.image is not None  # shown with the page, nothing to wait for
    assert reader.loader.pending == 0
