"""The Qt style sheet: buttons, focus ring, text areas, scroll bars."""

from __future__ import annotations

from collections.abc import Iterable

from loosstory.ui.look.theme import BODY_FAMILY, DARK_INK, Palette, TypeScale, mix


def gradient_background(
    rgb: tuple[int, int, int], stops: Iterable[tuple[float, float]], *, vertical: bool
) -> str:
    """A widget's own style sheet: its background ``rgb`` at these (position, opacity)
    stops, down its height (``vertical``) or across its width. Qt draws it: no Python paint
    and no PySide6 gradient type (QGradient alone is ~2 ms to build; bench/README.md)."""
    towards = "x2:0, y2:1" if vertical else "x2:1, y2:0"
    r, g, b = rgb
    colours = ", ".join(f"stop:{at:g} rgba({r}, {g}, {b}, {round(255 * opacity)})"
                        for at, opacity in stops)
    return f"background: qlineargradient(x1:0, y1:0, {towards}, {colours});"


def stylesheet(palette: Palette, scale: TypeScale) -> str:
    """Every focusable control gets a thick focus ring in the accent colour."""
    p = palette
    ring = scale.focus_width
    radius = round(scale.touch * 0.5)
    pad_h = round(scale.body * 1.0)
    label = round(scale.label)
    hover = mix(p.accent, "#000000", 0.12).name()
    border = mix(p.ink, p.background, 0.55).name()
    base = TypeScale.for_size(scale.width, scale.height)  # the « Aa » button: not text-sized
    return f"""
* {{ outline: none; }}
QWidget#readerRoot, QStackedWidget#screens {{ background: {p.background.name()}; }}
QLabel#caption {{ color: {p.ink.name()}; }}
QLabel#credit, QLabel#progressLabel, QLabel#muted {{ color: {p.muted.name()}; }}
QPushButton {{
  font-family: "{BODY_FAMILY}";
  font-size: {label}px; font-weight: 700;
  min-height: {scale.touch - 2 * ring}px; min-width: {scale.touch - 2 * ring}px;
  padding: 0 {pad_h}px; border-radius: {radius}px;
  background: {p.surface.name()}; color: {p.ink.name()};
  border: {ring}px solid {border};
}}
QPushButton:hover {{ border-color: {p.accent.name()}; }}
QPushButton:focus {{ border: {ring}px solid {p.accent_text.name()}; }}
QPushButton:disabled {{ color: {p.muted.name()}; border-color: transparent;
  background: transparent; }}
QPushButton[primary="true"] {{
  background: {p.accent.name()}; color: {p.on_accent.name()};
  border: {ring}px solid {p.accent.name()};
}}
QPushButton[primary="true"]:hover {{ background: {hover}; border-color: {hover}; }}
QPushButton[primary="true"]:focus {{
  background: {p.background.name()}; color: {p.accent_text.name()};
  border: {ring}px solid {p.accent_text.name()};
}}
QLabel#moreText {{ background: {p.accent.name()}; color: {p.on_accent.name()};
  border-radius: {radius}px; }}
QWidget#cover QPushButton:focus, QPushButton#settingsButton[onDark="true"]:focus {{
  border: {ring}px solid #ffffff; background: {DARK_INK}; color: #ffffff; }}
QLabel#coverEyebrow {{ color: #f1e3c8; }}
QLabel#coverTitle, QLabel#coverSubtitle {{ color: #ffffff; }}
QLabel#coverCredit {{ color: #e9e4da; }}
QPushButton#startButton {{ font-size: {round(scale.body * 1.2)}px;
  min-height: {round(scale.touch * 1.3) - 2 * ring}px;
  min-width: {round(scale.touch * 4.5) - 2 * ring - 2 * pad_h}px; }}
QTextBrowser {{ background: transparent; border: {ring}px solid transparent;
  border-radius: {ring * 2}px; }}
QTextBrowser:focus {{ border: {ring}px solid {p.accent_text.name()}; }}
QFrame#settingsPanel {{ background: {p.surface.name()}; border: {ring}px solid {p.ink.name()};
  border-radius: {ring * 3}px; }}
QLabel#settingsTitle, QLabel#settingsLabel, QLabel#readingBand {{
  font-family: "{BODY_FAMILY}"; }}
QLabel#settingsTitle {{ color: {p.ink.name()}; font-size: {round(scale.body * 1.2)}px;
  font-weight: 700; }}
QLabel#settingsLabel {{ color: {p.ink.name()}; font-size: {label}px; }}
QPushButton:checked {{ background: {p.ink.name()}; color: {p.background.name()}; }}
QPushButton:checked:focus {{ border: {ring}px solid {p.accent_text.name()}; }}
QPushButton#settingsButton {{ padding: 0; font-size: {round(base.body * 0.95)}px;
  min-height: 0; min-width: 0; border-radius: {base.touch // 2}px; }}
QLabel#readingBand {{ background: {p.ink.name()}; color: {p.background.name()};
  font-size: {round(scale.body * 1.1)}px; padding: {scale.gap}px;
  border-radius: {ring * 2}px; }}
QScrollArea {{ background: transparent; border: none; }}
QScrollArea > QWidget > QWidget {{ background: transparent; }}
QScrollBar:vertical {{ background: transparent; width: {max(10, ring * 3)}px; margin: 0; }}
QScrollBar::handle:vertical {{ background: {border}; border-radius: {max(5, ring)}px;
  min-height: 40px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ height: 0; width: 0; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
"""
