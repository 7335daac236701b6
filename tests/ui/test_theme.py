"""Colours, contrast, fonts and the type scale."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontInfo, QImage, QPainter

from loosstory.story.model import Look
from loosstory.ui.look.theme import (
    TITLE_FAMILY,
    Palette,
    TypeScale,
    body_font,
    contrast_ratio,
    ink_on,
    load_fonts,
    readable_on,
    title_font,
)

hex_colour = st.integers(0, 0xFFFFFF).map(lambda v: f"#{v:06x}")


def test_contrast_ratio_known_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21.0)
    assert contrast_ratio("#a4432f", "#a4432f") == pytest.approx(1.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@given(hex_colour, hex_colour)
def test_contrast_ratio_is_symmetric_and_bounded(a, b):
    ratio = contrast_ratio(a, b)
    assert 1.0 <= ratio <= 21.0
    assert ratio == pytest.approx(contrast_ratio(b, a))


@given(hex_colour)
def test_ink_on_any_chapter_colour_reads(colour):
    # white or dark ink: the better of the two always reaches 4.5:1
    assert contrast_ratio(ink_on(colour), colour) >= 4.5


@given(hex_colour, hex_colour)
def test_readable_on_reaches_the_minimum(fg, bg):
    assert contrast_ratio(readable_on(fg, bg), bg) >= 4.5


def test_ink_choice_on_known_colours():
    assert ink_on("#f2c14e").name() == "#1f2326"  # dark ink on sun yellow
    assert ink_on("#2b3a42").name() == "#ffffff"  # white on slate


@given(hex_colour, hex_colour, hex_colour)
def test_palette_text_always_has_contrast(background, ink, accent):
    p = Palette.from_look(Look(background=background, ink=ink, accent=accent))
    assert contrast_ratio(p.ink, p.background) >= 4.5
    assert contrast_ratio(p.muted, p.background) >= 4.5
    assert contrast_ratio(p.accent_text, p.background) >= 4.5
    assert contrast_ratio(p.on_accent, p.accent) >= 4.5


def test_type_scale():
    hd = TypeScale.for_size(1920, 1080)
    assert 26 <= hd.body <= 30
    assert hd.page_title > 1.6 * hd.body and hd.display > 3 * hd.body
    small = TypeScale.for_size(1024, 600)
    assert small.body >= 18 and small.small >= 14
    assert small.touch >= 44 and hd.touch > small.touch
    assert TypeScale.for_size(3840, 2160).body > hd.body


def test_fonts_are_bundled_and_load(qapp):
    loaded = load_fonts()
    families = {f for fams in loaded.values() for f in fams}
    assert {"Atkinson Hyperlegible", "Fraunces"} <= families
    assert QFontInfo(body_font(20)).family() == "Atkinson Hyperlegible"
    assert QFontInfo(title_font(40)).family() == TITLE_FAMILY


def _ink(font) -> int:
    image = QImage(600, 120, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, "Loos-en-Gohelle")
    painter.end()
    return sum(1 for x in range(0, 600, 2) for y in range(0, 120, 2)
               if QColor(image.pixel(x, y)).lightness() < 128)


def test_fraunces_weight_axis_really_changes_the_weight(qapp):
    load_fonts()
    light, regular, black = _ink(title_font(60, 300)), _ink(title_font(60, 600)), _ink(title_font(60, 900))
    assert light < regular < black
