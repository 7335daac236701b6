"""The hand-written PNG writer of snapshots: lossless, valid, and honest about failures."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QLinearGradient, QPainter, QPen

from loosstory.ui.snapshot import png_bytes, save_png, snapshot

SIGNATURE = b"\x89PNG\r\n\x1a\n"


def chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """The (type, data) chunks of a PNG, each CRC checked."""
    assert data[:8] == SIGNATURE
    found, at = [], 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at:at + 4])
        kind, body = data[at + 4:at + 8], data[at + 8:at + 8 + length]
        (crc,) = struct.unpack(">I", data[at + 8 + length:at + 12 + length])
        assert crc == zlib.crc32(kind + body), f"bad CRC in {kind!r}"
        found.append((kind, body))
        at += 12 + length
    assert at == len(data), "bytes after the last chunk"
    return found


def header(data: bytes) -> tuple[int, int, int, int]:
    """Width, height, bit depth and colour type from IHDR."""
    kind, body = chunks(data)[0]
    assert kind == b"IHDR"
    width, height, depth, colour, _, _, _ = struct.unpack(">IIBBBBB", body)
    return width, height, depth, colour


def opaque_picture(width: int = 301, height: int = 77) -> QImage:
    """A gradient, text and antialiased shapes: many colours, rows not 4-byte aligned in RGB."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#f6f1e7"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    gradient = QLinearGradient(QPointF(0, 0), QPointF(width, height))
    gradient.setColorAt(0.0, QColor(12, 80, 200))
    gradient.setColorAt(0.5, QColor(240, 200, 20))
    gradient.setColorAt(1.0, QColor(160, 20, 60))
    painter.fillRect(QRectF(0, 0, width, height), gradient)
    painter.setPen(QPen(QColor(255, 255, 255), 3))
    painter.drawEllipse(QRectF(10.5, 8.25, width / 3, height - 16))
    font = QFont()
    font.setPixelSize(28)
    painter.setFont(font)
    painter.setPen(QColor(20, 20, 20))
    painter.drawText(QRectF(0, 0, width, height), Qt.AlignmentFlag.AlignCenter, "Loos 11/19 é")
    painter.end()
    return image


def translucent_picture(width: int = 97, height: int = 31) -> QImage:
    """Premultiplied pixels of every opacity, over a transparent background."""
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    gradient = QLinearGradient(QPointF(0, 0), QPointF(width, 0))
    gradient.setColorAt(0.0, QColor(200, 40, 90, 10))
    gradient.setColorAt(1.0, QColor(30, 180, 250, 250))
    painter.fillRect(QRectF(0, 0, width, height - 6), gradient)
    painter.setBrush(QColor(250, 250, 10, 128))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(QRectF(20.5, 3.5, 40, 24))
    painter.end()
    return image


def colours(image: QImage) -> set[int]:
    return {image.pixel(x, y) for x in range(image.width()) for y in range(image.height())}


def rows(image: QImage) -> list[bytes]:
    """The pixel rows of ``image`` as RGB32, without the padding at the end of each row."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    data = bytes(memoryview(image.constBits()).cast("B"))
    stride, used = image.bytesPerLine(), image.width() * 4
    return [data[y * stride:y * stride + used] for y in range(image.height())]


def test_opaque_image_reads_back_pixel_identical() -> None:
    image = opaque_picture()
    assert len(colours(image)) > 200, "the picture is not trivial"
    data = png_bytes(image)
    assert header(data) == (301, 77, 8, 2), "opaque images are written as 8-bit RGB"

    back = QImage.fromData(data)
    assert not back.isNull()
    assert (back.width(), back.height()) == (301, 77)
    assert rows(back) == rows(image)
    assert back.convertToFormat(QImage.Format.Format_RGB32) == image.convertToFormat(
        QImage.Format.Format_RGB32
    )


@pytest.mark.parametrize("size", [(1, 1), (2, 3), (5, 2), (1920, 1)])
def test_small_and_odd_sizes_read_back_identical(size) -> None:
    image = opaque_picture(*size)
    back = QImage.fromData(png_bytes(image))
    assert (back.width(), back.height()) == size
    assert rows(back) == rows(image)


@pytest.mark.parametrize("size", [(1920, 1080), (1201, 701), (700, 1601)])
def test_large_images_deflated_in_two_parts_read_back_identical(size) -> None:
    """From 1 MB of rows on, the two halves are deflated side by side and joined into one
    zlib stream: it must decompress whole (zlib checks the joined Adler-32) and read back
    pixel for pixel, for even and odd heights."""
    image = opaque_picture(*size)
    data = png_bytes(image)
    assert header(data) == (*size, 8, 2)
    idat = b"".join(body for kind, body in chunks(data) if kind == b"IDAT")
    raw = zlib.decompress(idat)  # raises on a bad stream or checksum
    assert len(raw) == (size[0] * 3 + 1) * size[1]
    assert all(raw[y * (size[0] * 3 + 1)] == 0 for y in range(size[1]))  # filter None
    back = QImage.fromData(data)
    assert (back.width(), back.height()) == size
    assert rows(back) == rows(image)


def test_a_large_translucent_image_reads_back_with_its_alpha() -> None:
    image = QImage(800, 500, QImage.Format.Format_ARGB32)
    for y in range(image.height()):
        for x in range(0, image.width(), 7):
            image.setPixelColor(x, y, QColor(x % 256, y % 256, (x + y) % 256, (x * y) % 256))
    data = png_bytes(image)
    assert header(data) == (800, 500, 8, 6)
    back = QImage.fromData(data).convertToFormat(QImage.Format.Format_ARGB32)
    assert rows(back) == rows(image)


def test_translucent_image_keeps_its_alpha_unpremultiplied() -> None:
    image = translucent_picture()
    alphas = {QColor.fromRgba(pixel).alpha() for pixel in colours(image)}
    assert 0 in alphas and any(0 < a < 128 for a in alphas) and any(128 < a < 255 for a in alphas)

    data = png_bytes(image)
    assert header(data) == (97, 31, 8, 6), "images with alpha are written as 8-bit RGBA"
    back = QImage.fromData(data)
    assert not back.isNull() and back.hasAlphaChannel()
    assert (back.width(), back.height()) == (97, 31)
    for y in range(image.height()):
        for x in range(image.width()):
            want, got = image.pixelColor(x, y), back.pixelColor(x, y)  # both unpremultiplied
            assert abs(want.alpha() - got.alpha()) <= 1, (x, y)
            if want.alpha() == 0:
                continue  # a fully transparent pixel has no colour
            # premultiplied pixels with a small alpha only keep a rough colour: compare what
            # the image itself says, to within the rounding of one conversion
            assert abs(want.red() - got.red()) <= 1, (x, y, want.name(), got.name())
            assert abs(want.green() - got.green()) <= 1, (x, y, want.name(), got.name())
            assert abs(want.blue() - got.blue()) <= 1, (x, y, want.name(), got.name())


def test_png_is_well_formed() -> None:
    data = png_bytes(opaque_picture())
    assert data.startswith(SIGNATURE)
    found = chunks(data)
    assert [kind for kind, _ in found] == [b"IHDR", b"IDAT", b"IEND"]
    width, height, _, _ = header(data)
    raw = zlib.decompress(found[1][1])
    assert len(raw) == (width * 3 + 1) * height
    assert all(raw[y * (width * 3 + 1)] == 0 for y in range(height)), "each row: filter 0"


def test_save_png_writes_a_readable_file(tmp_path: Path) -> None:
    image = opaque_picture()
    out = tmp_path / "shot.png"
    assert save_png(image, out) is True
    assert out.read_bytes().startswith(SIGNATURE)
    assert rows(QImage(str(out))) == rows(image)
    assert save_png(image, str(tmp_path / "as-text.png")) is True


def test_save_png_says_when_the_file_cannot_be_written(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_bytes(b"not a folder")
    image = opaque_picture(20, 10)
    assert save_png(image, blocker / "shot.png") is False
    assert save_png(image, tmp_path / "missing" / "shot.png") is False
    assert save_png(image, tmp_path) is False  # a folder, not a file
    assert blocker.read_bytes() == b"not a folder"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


@pytest.fixture
def fake_pack(monkeypatch, load_result, tmp_path):
    """``load_story`` answers with the test story, whatever folder it is given (the folder
    does not exist, so the pack cache loads it every time)."""
    import loosstory.story.loader as loader_module

    monkeypatch.setattr(loader_module, "load_story", lambda root, language=None: load_result)
    return tmp_path / "pack"


@pytest.mark.parametrize("page", ["cover", "culture/debut"])
def test_a_snapshot_is_a_png_of_the_requested_size(qapp, fake_pack, tmp_path, page) -> None:
    out = tmp_path / "shots" / "page.png"
    assert snapshot(fake_pack, page, (643, 401), out) == 0
    data = out.read_bytes()
    assert data.startswith(SIGNATURE)
    assert header(data)[:3] == (643, 401, 8)
    image = QImage(str(out))
    assert not image.isNull() and (image.width(), image.height()) == (643, 401)
    assert len(colours(image.scaled(64, 40))) >= 12, "not blank"


def test_a_snapshot_into_a_folder_says_it_cannot_write(qapp, fake_pack, tmp_path, capsys) -> None:
    out = tmp_path / "taken.png"
    out.mkdir()  # a folder where the PNG should go: save_png answers False
    assert snapshot(fake_pack, "cover", (320, 200), out) == 1
    assert "impossible d'écrire l'image" in capsys.readouterr().err


def test_a_snapshot_under_a_file_says_it_cannot_write(qapp, fake_pack, tmp_path, capsys) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_bytes(b"not a folder")
    assert snapshot(fake_pack, "cover", (320, 200), blocker / "shot.png") == 1
    assert "impossible d'écrire l'image" in capsys.readouterr().err
