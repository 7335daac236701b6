"""The image check reads real images as Qt writes them: accepted whole, refused cut."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage, QImageWriter

from loosstory.story.imagecheck import check_image

FORMATS = [f for f in ("png", "jpg", "webp")
           if f.encode() in [bytes(x) for x in QImageWriter.supportedImageFormats()]]


@pytest.mark.parametrize("fmt", FORMATS)
def test_real_images_pass_and_cut_ones_are_refused(fmt, qapp, tmp_path: Path) -> None:
    image = QImage(1920, 1080, QImage.Format.Format_RGB32)
    image.fill(QColor("#2d4f7c"))
    for y in range(0, 1080, 7):  # some detail, so the file is not trivially small
        for x in range(0, 1920, 97):
            image.setPixelColor(x, y, QColor("#f6f1e7"))
    whole = tmp_path / f"photo.{fmt}"
    assert image.save(str(whole), None if fmt != "jpg" else "JPG", 85)
    assert check_image(whole) is None
    data = whole.read_bytes()
    cut = tmp_path / f"cut.{fmt}"
    cut.write_bytes(data[: len(data) // 2])
    assert "image incomplète" in (check_image(cut) or "")
    renamed = tmp_path / "texte.png"
    renamed.write_text("bonjour\n", encoding="utf-8")
    assert "n'est pas une image lisible" in (check_image(renamed) or "")
