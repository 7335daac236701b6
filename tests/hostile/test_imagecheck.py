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


SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9">{}</svg>'


@pytest.mark.parametrize("body, refused", [
    ('<rect fill="url(#g)"/><linearGradient id="g"/>', None),
    ('<rect fill="URL(file:///etc/x)"/>', "file:///etc/x"),
    ('<rect fill="u&#114;l(file:///etc/x)"/>', "file:///etc/x"),
    ('<image href="&#47;etc/x.png"/>', "/etc/x.png"),
    ('<style><![CDATA[ rect { fill: url( "/etc/x.svg#a" ) } ]]></style>', "/etc/x.svg#a"),
    ('<style>@IMPORT "x.css";</style>', "importe une feuille de style"),
    ('<foreignObject><img xmlns="http://www.w3.org/1999/xhtml" src="x.png"/></foreignObject>',
     "« x.png »"),
    ('<image href="data:image/png;base64,iVBORw0KGgo="/>', None),
    ('<image href="data:image/svg+xml;base64,PHN2Zz4="/>', "data:image/svg+xml"),
    ('<use href="#a"/><a href="#b"/>', None),
])
def test_svg_references(body, refused) -> None:
    from loosstory.story.imagecheck import svg_problem

    problem = svg_problem(SVG.format(body).encode("utf-8"))
    if refused is None:
        assert problem is None
    else:
        assert problem is not None and refused in problem, problem


def test_an_svg_in_utf16_is_read_as_text() -> None:
    from loosstory.story.imagecheck import svg_problem

    text = '<?xml version="1.0" encoding="UTF-16"?>' + SVG.format('<image href="/etc/x"/>')
    assert "/etc/x" in (svg_problem(text.encode("utf-16")) or "")
