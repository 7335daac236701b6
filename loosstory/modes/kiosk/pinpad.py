"""The staff PIN pad: big digits, « Effacer », « Annuler », « Valider ».

The typed code is checked against the stored hash (:mod:`.pin`); after ``max_failures``
wrong codes the pad refuses input for ``lockout_ms``. The pad closes by itself when nobody
touches it (the controller's idle timer covers it like any other screen).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from loosstory.modes.kiosk.pin import verify_pin
from loosstory.modes.kiosk.theme import KioskLook, scale_for, touch
from loosstory.ui.look.theme import body_font, title_font


class PinPad(QWidget):
    accepted = Signal()
    cancelled = Signal()

    def __init__(self, look: KioskLook, pin_hash: str, max_failures: int = 5,
                 lockout_ms: int = 30000, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pinPad")
        self.look = look
        self.pin_hash = pin_hash
        self.code = ""
        self.failures = 0
        self.max_failures = max_failures
        self.lockout = QTimer(self)
        self.lockout.setSingleShot(True)
        self.lockout.setInterval(lockout_ms)
        self.lockout.timeout.connect(self._unlock)

        self.card = QWidget(self)
        self.card.setObjectName("pinCard")
        self.title = QLabel("Accès du personnel", self.card)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.dots = QLabel("", self.card)
        self.dots.setObjectName("pinDots")
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel("Tapez le code", self.card)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "Effacer", "0", "Valider"]
        for i, key in enumerate(keys):
            button = QPushButton(key, self.card)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setObjectName("pinKey" if key.isdigit() else f"pin{key}")
            if key == "Valider":
                button.setProperty("primary", True)
            button.clicked.connect(lambda _=False, k=key: self.press(k))
            self.buttons[key] = button
            grid.addWidget(button, i // 3, i % 3)
        self.cancel_button = QPushButton("Annuler", self.card)
        self.cancel_button.setObjectName("pinCancel")
        self.cancel_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.cancel_button.clicked.connect(self.cancel)
        self.grid = grid
        layout = QVBoxLayout(self.card)
        layout.addWidget(self.title)
        layout.addWidget(self.dots)
        layout.addWidget(self.message)
        layout.addLayout(grid, 1)
        layout.addWidget(self.cancel_button)
        self.hide()

    def open(self) -> None:
        self.code = ""
        self._refresh("Tapez le code" if not self.lockout.isActive()
                      else "Trop d'essais : patientez 30 secondes")
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def cancel(self) -> None:
        self.code = ""
        self.hide()
        self.cancelled.emit()

    def press(self, key: str) -> None:
        if self.lockout.isActive():
            return
        if key == "Effacer":
            self.code = self.code[:-1]
        elif key == "Valider":
            self._check()
            return
        elif key.isdigit() and len(self.code) < 12:
            self.code += key
        self._refresh("")

    def _check(self) -> None:
        if verify_pin(self.code, self.pin_hash):
            self.failures = 0
            self.code = ""
            self.hide()
            self.accepted.emit()
            return
        self.failures += 1
        self.code = ""
        if self.failures >= self.max_failures:
            self.failures = 0
            self.lockout.start()
            self._refresh("Trop d'essais : patientez 30 secondes")
        else:
            self._refresh("Code incorrect")

    def _unlock(self) -> None:
        self._refresh("Tapez le code")

    def _refresh(self, message: str) -> None:
        self.dots.setText("●  " * len(self.code) if self.code else "–")
        if message:
            self.message.setText(message)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        text = event.text()
        if text.isdigit():
            self.press(text)
        elif event.key() == Qt.Key.Key_Backspace:
            self.press("Effacer")
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.press("Valider")

    def mousePressEvent(self, event) -> None:  # noqa: N802
        event.accept()  # taps around the card do not reach the story below

    def resizeEvent(self, event) -> None:  # noqa: N802
        s = scale_for(self.width(), self.height())
        key = touch(s, 120)
        w = min(self.width() - 20, max(key * 3 + round(200 * s), round(700 * s)))
        h = min(self.height() - 20, key * 4 + round(520 * s))
        self.card.setGeometry((self.width() - w) // 2, (self.height() - h) // 2, w, h)
        m = round(40 * s)
        self.card.layout().setContentsMargins(m, m, m, m)
        self.card.layout().setSpacing(round(16 * s))
        self.grid.setSpacing(round(18 * s))
        self.title.setFont(title_font(max(26, 52 * s), 640))
        self.dots.setFont(body_font(max(26, 48 * s), bold=True))
        self.message.setFont(body_font(max(18, 30 * s)))
        for button in [*self.buttons.values(), self.cancel_button]:
            button.setMinimumSize(key, key if button is not self.cancel_button else touch(s, 90))
            button.setFont(body_font(max(20, (44 if button.text().isdigit() else 30) * s),
                                     bold=True))
        p, look = self.look.palette, self.look
        self.card.setStyleSheet(
            f"QWidget#pinCard {{ background: {look.card.name()}; border-radius: {round(32 * s)}px; }}"
            f"QLabel {{ color: {p.ink.name()}; background: transparent; }}"
            f"QPushButton {{ background: {p.surface.name()}; color: {p.ink.name()};"
            f" border: {max(2, round(3 * s))}px solid {p.muted.name()};"
            f" border-radius: {key // 2}px; }}"
            f"QPushButton#pinCancel {{ border-radius: {touch(s, 90) // 2}px; }}"
            f"QPushButton:pressed {{ background: {p.muted.name()}; color: {p.background.name()}; }}"
            f"QPushButton[primary=\"true\"] {{ background: {look.accent.name()};"
            f" color: {look.on_accent.name()}; border-color: {look.accent.name()}; }}")
        super().resizeEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802
        from PySide6.QtGui import QPainter

        from loosstory.modes.kiosk.theme import shade
        QPainter(self).fillRect(self.rect(), shade(self.look.night, 0.9))
