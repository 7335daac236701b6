"""The staff's admin panel (after the PIN): reload the content, last problems, today's
figures, quit, close. French, big buttons; it shows, it does not decide — the controller
connects its signals."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from loosstory.modes.kiosk.theme import KioskLook, scale_for, shade, touch
from loosstory.ui.look.theme import body_font, title_font

ACTIONS = (
    ("reload", "Recharger le contenu"),
    ("problems", "Derniers problèmes"),
    ("figures", "Chiffres du jour"),
    ("quit", "Quitter"),
    ("close", "Fermer"),
)


class AdminPanel(QWidget):
    reload_requested = Signal()
    problems_requested = Signal()
    figures_requested = Signal()
    quit_requested = Signal()
    closed = Signal()

    def __init__(self, look: KioskLook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("adminPanel")
        self.look = look
        self.card = QWidget(self)
        self.card.setObjectName("adminCard")
        self.title = QLabel("Administration du kiosque", self.card)
        self.status = QLabel("", self.card)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # holds the story's title
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        signals = {"reload": self.reload_requested, "problems": self.problems_requested,
                   "figures": self.figures_requested, "quit": self.quit_requested}
        for i, (name, label) in enumerate(ACTIONS):
            button = QPushButton(label, self.card)
            button.setObjectName(f"admin-{name}")
            if name == "close":
                button.setProperty("primary", True)
                button.clicked.connect(self.close_panel)
            else:
                button.clicked.connect(signals[name])
            self.buttons[name] = button
            grid.addWidget(button, i // 3, i % 3)
        self.grid = grid
        self.details = QLabel("", self.card)
        self.details.setObjectName("adminDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.scroll = QScrollArea(self.card)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.details)
        layout = QVBoxLayout(self.card)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addLayout(grid)
        layout.addWidget(self.scroll, 1)
        self.hide()

    def open(self, status: str = "") -> None:
        self.status.setText(status)
        self.details.setText("")
        self.show()
        self.raise_()

    def show_details(self, title: str, text: str) -> None:
        self.details.setText(f"{title}\n\n{text}")

    def close_panel(self) -> None:
        self.hide()
        self.closed.emit()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        event.accept()

    def resizeEvent(self, event) -> None:  # noqa: N802
        s = scale_for(self.width(), self.height())
        w = min(self.width() - 20, round(1500 * s))
        h = min(self.height() - 20, round(900 * s))
        self.card.setGeometry((self.width() - w) // 2, (self.height() - h) // 2, w, h)
        m = round(48 * s)
        self.card.layout().setContentsMargins(m, m, m, m)
        self.card.layout().setSpacing(round(20 * s))
        self.grid.setSpacing(round(18 * s))
        self.title.setFont(title_font(max(28, 60 * s), 640))
        self.status.setFont(body_font(max(18, 28 * s)))
        self.details.setFont(body_font(max(16, 24 * s)))
        for button in self.buttons.values():
            button.setMinimumHeight(touch(s, 110))
            button.setFont(body_font(max(18, 32 * s), bold=True))
        p, look = self.look.palette, self.look
        radius = touch(s, 110) // 2
        self.card.setStyleSheet(
            f"QWidget#adminCard {{ background: {look.card.name()}; border-radius: {round(32 * s)}px; }}"
            f"QLabel {{ color: {p.ink.name()}; background: transparent; }}"
            f"QScrollArea {{ background: {p.surface.name()}; border: none;"
            f" border-radius: {round(16 * s)}px; }}"
            f"QLabel#adminDetails {{ padding: {round(20 * s)}px; }}"
            f"QPushButton {{ background: {p.surface.name()}; color: {p.ink.name()};"
            f" border: {max(2, round(3 * s))}px solid {p.muted.name()};"
            f" border-radius: {radius}px; padding: 0 {round(28 * s)}px; }}"
            f"QPushButton[primary=\"true\"] {{ background: {look.accent.name()};"
            f" color: {look.on_accent.name()}; border-color: {look.accent.name()}; }}")
        super().resizeEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802
        QPainter(self).fillRect(self.rect(), shade(self.look.night, 0.9))
