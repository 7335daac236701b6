"""The timeline's header: its title, its hint and the "earlier / later" buttons.

Their type sizes follow the view's size. Every size the header can take is a rule of one
style sheet, set once, chosen by the view's ``typeScale`` property: a new size re-polishes
these four widgets only, where a new style sheet would re-polish every widget of the view
(the strip, its scroll bars, the detail card).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from loosstory.ui.look.theme import BODY_FAMILY, TITLE_FAMILY, area_body_px
from loosstory.ui.views.colours import ViewColours

SMALLEST, LARGEST = 16, 22  # body text sizes, in pixels
SCALE_PROPERTY = "typeScale"


def body_px_for(width: float, height: float) -> int:
    """The body text size for a view (or a strip) of this size."""
    return area_body_px(width, height, 0.026, SMALLEST, LARGEST)


def header_style_sheet(colours: ViewColours, object_name: str) -> str:
    c = colours
    sizes = "".join(f"""
QWidget#{object_name}[{SCALE_PROPERTY}="{px}"] QLabel#timelineTitle {{ font-size: {round(px * 1.6)}px; }}
QWidget#{object_name}[{SCALE_PROPERTY}="{px}"] QLabel#timelineHint,
QWidget#{object_name}[{SCALE_PROPERTY}="{px}"] QPushButton {{ font-size: {px}px; }}"""
                    for px in range(SMALLEST, LARGEST + 1))
    return f"""
QLabel#timelineTitle {{ font-family: "{TITLE_FAMILY}"; font-weight: 700; color: {c.ink}; }}
QLabel#timelineHint {{ font-family: "{BODY_FAMILY}"; color: {c.muted}; }}
QPushButton {{ font-family: "{BODY_FAMILY}"; font-weight: 700;
  min-height: 44px; min-width: 44px; padding: 0 14px; border-radius: 10px; color: {c.ink};
  background: {c.surface}; border: 3px solid {c.border}; }}
QPushButton:hover {{ border-color: {c.ink}; }}
QPushButton:focus {{ border: 4px solid {c.focus}; }}
QPushButton:disabled {{ color: {c.muted}; border-color: transparent; background: transparent; }}
{sizes}
"""


class TimelineHeader:
    """The header's widgets, laid out in ``layout`` (the view adds it above the strip)."""

    def __init__(self, view: QWidget, title: str, description: str) -> None:
        self.view = view
        self.scale = 0
        self.title = QLabel(title)
        self.title.setObjectName("timelineTitle")
        self.title.setWordWrap(True)
        self.hint = QLabel(description)
        self.hint.setObjectName("timelineHint")
        self.hint.setWordWrap(True)
        for label in (self.title, self.hint):  # the author's text, never rich text
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.earlier = QPushButton(QCoreApplication.translate("TimelineHeader", "◀  Plus tôt"))
        self.later = QPushButton(QCoreApplication.translate("TimelineHeader", "Plus tard  ▶"))
        self.earlier.setAccessibleName(QCoreApplication.translate("TimelineHeader", "Remonter le temps"))
        self.later.setAccessibleName(QCoreApplication.translate("TimelineHeader", "Avancer dans le temps"))
        self.layout = QHBoxLayout()
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title)
        text.addWidget(self.hint)
        self.layout.addLayout(text, 1)
        self.layout.addWidget(self.earlier, 0, Qt.AlignmentFlag.AlignVCenter)
        self.layout.addWidget(self.later, 0, Qt.AlignmentFlag.AlignVCenter)
        self.layout.setContentsMargins(16, 10, 16, 0)

    def set_scale(self, body_px: int) -> bool:
        """Type sizes for ``body_px``; False (and nothing done) if they are already set."""
        if body_px == self.scale:
            return False
        self.scale = body_px
        self.view.setProperty(SCALE_PROPERTY, str(body_px))
        for widget in (self.title, self.hint, self.earlier, self.later):
            if widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
                style = widget.style()
                style.unpolish(widget)
                style.polish(widget)
                widget.updateGeometry()
        return True
