"""The staff PIN pad: big digits, « Effacer », « Annuler », « Valider ».

The typed code is checked against the stored hash (:mod:`.pin`). Each wrong code makes the
pad wait longer (:class:`.pinguard.PinGuard`: 2 s, 4 s, 8 s… kept across restarts); the
wait is shown and counted down on the pad. The factory code (2468) opens nothing by itself:
the pad first asks for a new code, twice, and saves it through ``save_pin`` (stages
``check`` → ``new`` → ``confirm``). The pad closes by itself when nobody touches it (the
controller's idle timer covers it like any other screen).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from loosstory.modes.kiosk.pin import DEFAULT_PIN, valid_pin, verify_pin
from loosstory.modes.kiosk.pinguard import PinGuard
from loosstory.modes.kiosk.theme import KioskLook, scale_for, touch
from loosstory.ui.look.theme import body_font, title_font

CHECK, NEW, CONFIRM = "check", "new", "confirm"
TITLE = "Accès du personnel"
TYPE_CODE = "Tapez le code"
NEW_TITLE = "Nouveau code"
NEW_HINT = ("Le code d’usine 2468 est connu de tous : choisissez un code à vous, "
            "de 4 à 12 chiffres, puis « Valider ».")
CONFIRM_HINT = "Tapez le nouveau code une seconde fois, puis « Valider »."


def wait_text(seconds: float) -> str:
    seconds = max(1, math.ceil(seconds))
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} min {rest:02d} s" if minutes else f"{rest} s"


def _no_save(pin: str) -> str:
    return "enregistrement impossible"


class PinPad(QWidget):
    accepted = Signal()
    cancelled = Signal()
    pin_changed = Signal()

    def __init__(self, look: KioskLook, pin_hash: str, guard: PinGuard | None = None,
                 save_pin: Callable[[str], str] = _no_save,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pinPad")
        self.look = look
        self.pin_hash = pin_hash
        self.guard = guard
        self.save_pin = save_pin  # new PIN -> "" when saved, else why not (French)
        self.code = ""
        self.stage = CHECK
        self._first = ""  # the new code typed once, waiting for its confirmation
        self.tick = QTimer(self)  # counts the wait down on the pad
        self.tick.setInterval(250)
        self.tick.timeout.connect(self._tick)

        self.card = QWidget(self)
        self.card.setObjectName("pinCard")
        self.title = QLabel(TITLE, self.card)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.dots = QLabel("", self.card)
        self.dots.setObjectName("pinDots")
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel(TYPE_CODE, self.card)
        self.message.setObjectName("pinMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
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
        self._set_stage(CHECK)
        self._refresh(TYPE_CODE)
        self._keys_enabled(True)
        if self.waiting():
            self._show_wait("Trop d’essais")
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def hideEvent(self, event) -> None:  # noqa: N802
        self.tick.stop()
        super().hideEvent(event)

    def cancel(self) -> None:
        self.code = ""
        self._set_stage(CHECK)
        self.hide()
        self.cancelled.emit()

    def waiting(self) -> float:
        """Seconds before a code may be tried again (0: now)."""
        return self.guard.remaining() if self.guard is not None and self.stage == CHECK else 0.0

    def press(self, key: str) -> None:
        if self.waiting():
            self._show_wait("Patientez")
            return
        if key == "Effacer":
            self.code = self.code[:-1]
        elif key == "Valider":
            self._validate()
            return
        elif key.isdigit() and len(self.code) < 12:
            self.code += key
        self._refresh("")

    def _validate(self) -> None:
        code, self.code = self.code, ""
        if self.stage == NEW:
            if not valid_pin(code):
                self._refresh("Le code compte 4 à 12 chiffres : recommencez.")
            elif code == DEFAULT_PIN:
                self._refresh("Pas le code d’usine : choisissez-en un autre.")
            else:
                self._first = code
                self._set_stage(CONFIRM)
                self._refresh(CONFIRM_HINT)
            return
        if self.stage == CONFIRM:
            if code != self._first:
                self._set_stage(NEW)
                self._refresh("Les deux codes diffèrent : tapez à nouveau le nouveau code.")
                return
            problem = self.save_pin(code)
            if problem:
                self._refresh(f"Nouveau code non enregistré ({problem}). Sur le PC, tapez "
                              "« loosstory kiosk-pin ».")
                return
            self._set_stage(CHECK)
            self.pin_changed.emit()
            self._accept()
            return
        if verify_pin(code, self.pin_hash):
            if self.guard is not None:
                self.guard.succeeded()
            if code == DEFAULT_PIN:  # the factory code: choose a new one before anything else
                self._set_stage(NEW)
                self._refresh(NEW_HINT)
                return
            self._accept()
            return
        if self.guard is not None:
            self.guard.failed()
            self._show_wait("Code incorrect")
        else:
            self._refresh("Code incorrect")

    def _accept(self) -> None:
        self.code = ""
        self.hide()
        self.accepted.emit()

    def _set_stage(self, stage: str) -> None:
        self.stage = stage
        self._first = "" if stage != CONFIRM else self._first
        self.title.setText(TITLE if stage == CHECK else NEW_TITLE)
        self.setAccessibleName(self.title.text())

    def _keys_enabled(self, enabled: bool) -> None:
        """Grey keys while the pad waits: staff see at once that typing is pointless."""
        for button in self.buttons.values():
            button.setEnabled(enabled)

    def _show_wait(self, why: str) -> None:
        left = self.waiting()
        self._keys_enabled(left <= 0)
        if left <= 0:
            self._refresh(TYPE_CODE)
            return
        self._refresh(f"{why} : nouvel essai possible dans {wait_text(left)}")
        self.tick.start()

    def _tick(self) -> None:
        left = self.waiting()
        if self.stage != CHECK:  # the wait is over and staff moved on: leave their message
            self.tick.stop()
            return
        if left <= 0:
            self.tick.stop()
            self._keys_enabled(True)
            self._refresh(TYPE_CODE)
            return
        text = self.message.text()
        head = text.split(" dans ")[0] if " dans " in text else "Patientez : nouvel essai possible"
        self._refresh(f"{head} dans {wait_text(left)}")

    def _refresh(self, message: str) -> None:
        self.dots.setText("●  " * len(self.code) if self.code else "–")
        self.dots.setAccessibleName(f"{len(self.code)} chiffre(s) tapé(s)")
        if message:
            self.message.setText(message)
            self.message.setAccessibleName(message)

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
        h = min(self.height() - 20, key * 4 + round(570 * s))
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
            f"QPushButton:disabled {{ background: {p.background.name()};"
            f" color: {p.muted.name()}; border-style: dashed; }}"
            f"QPushButton:pressed {{ background: {p.muted.name()}; color: {p.background.name()}; }}"
            f"QPushButton[primary=\"true\"] {{ background: {look.accent.name()};"
            f" color: {look.on_accent.name()}; border-color: {look.accent.name()}; }}"
            f"QPushButton[primary=\"true\"]:disabled {{ background: {p.background.name()};"
            f" color: {p.muted.name()}; border-color: {p.muted.name()}; }}")
        super().resizeEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802
        from PySide6.QtGui import QPainter

        from loosstory.modes.kiosk.theme import shade
        QPainter(self).fillRect(self.rect(), shade(self.look.night, 0.9))
