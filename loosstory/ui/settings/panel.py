"""The « Aa » button on every screen and the settings panel it opens (issue 15, section 4).

Text size 100 / 150 / 200 %, high contrast, reduced motion and read-aloud, each a field of
:class:`~loosstory.ui.state.settings.Settings` changed through the state. The panel keeps the
focus while it is open (Tab cycles inside it), Esc or « Fermer » closes it and gives the
focus back to the « Aa » button.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from loosstory.ui.look.theme import TypeScale
from loosstory.ui.settings.announce import announce
from loosstory.ui.speech.reader import ReadAloud
from loosstory.ui.state.state import ReaderState

TEXT_SCALES = (1.0, 1.5, 2.0)




class SettingsPanel(QFrame):
    """The settings, over the current screen; built on the first press of « Aa »."""

    def __init__(self, state: ReaderState, speech: ReadAloud, text_to_read: Callable[[], str],
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("settingsPanel")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAutoFillBackground(True)
        self.setAccessibleName(QCoreApplication.translate("SettingsPanel", "Réglages"))
        self.state = state
        self.speech = speech
        self._text_to_read = text_to_read
        self._return_to: QWidget | None = None

        layout = QVBoxLayout(self)
        self.title = QLabel(QCoreApplication.translate("SettingsPanel", "Réglages"), self)
        self.title.setObjectName("settingsTitle")
        layout.addWidget(self.title)

        layout.addWidget(self._label(QCoreApplication.translate("SettingsPanel", "Taille du texte")))
        sizes = QHBoxLayout()
        self.size_group = QButtonGroup(self)
        self.size_buttons: list[QPushButton] = []
        for scale in TEXT_SCALES:
            button = self._button(f"{round(scale * 100)}\u202f%", checkable=True)
            button.setAccessibleName(QCoreApplication.translate("SettingsPanel", "Texte à {0} %").format(round(scale * 100)))
            self.size_group.addButton(button)
            button.clicked.connect(lambda _c=False, s=scale: state.change_settings(text_scale=s))
            sizes.addWidget(button)
            self.size_buttons.append(button)
        layout.addLayout(sizes)

        self.contrast = self._button(QCoreApplication.translate("SettingsPanel", "Contraste élevé"), checkable=True)
        self.contrast.toggled.connect(lambda on: self._change(high_contrast=on))
        self.motion = self._button(QCoreApplication.translate("SettingsPanel", "Mouvements réduits"), checkable=True)
        self.motion.toggled.connect(lambda on: self._change(reduced_motion=on))
        layout.addWidget(self.contrast)
        layout.addWidget(self.motion)

        self.read = self._button(QCoreApplication.translate("SettingsPanel", "Lire à voix haute"))
        self.read.clicked.connect(self.toggle_reading)
        layout.addWidget(self.read)
        self.no_voice = self._label(QCoreApplication.translate("SettingsPanel", "Lecture à voix haute indisponible : aucune voix "
                                        "n’est installée sur cet ordinateur."))
        self.no_voice.setWordWrap(True)
        layout.addWidget(self.no_voice)
        available = speech.available
        self.read.setEnabled(available)
        self.no_voice.setVisible(not available)

        self.close_button = self._button(QCoreApplication.translate("SettingsPanel", "Fermer"))
        self.close_button.clicked.connect(self.close_panel)
        layout.addWidget(self.close_button)

        speech.finished.connect(self._show_reading_state)
        speech.started.connect(self._show_reading_state)
        state.settings_changed.connect(self._show_settings)
        self._show_settings()
        self.hide()

    def _label(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName("settingsLabel")
        return label

    def _button(self, text: str, *, checkable: bool = False) -> QPushButton:
        button = QPushButton(self)
        button.setText(text)
        button.setCheckable(checkable)
        button.setAutoDefault(False)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return button

    def _change(self, **fields: bool) -> None:
        self.state.change_settings(**fields)  # the state ignores a change to the same value

    def _show_settings(self, *_args: object) -> None:
        settings = self.state.settings
        for scale, button in zip(TEXT_SCALES, self.size_buttons, strict=True):
            button.setChecked(abs(settings.text_scale - scale) < 0.01)
        for button, on, text in ((self.contrast, settings.high_contrast, QCoreApplication.translate("SettingsPanel", "Contraste élevé")),
                                 (self.motion, settings.reduced_motion, QCoreApplication.translate("SettingsPanel", "Mouvements réduits"))):
            button.blockSignals(True)
            button.setChecked(on)
            button.blockSignals(False)
            button.setText(("✓ " if on else "") + text)  # not by colour alone
        if self.isVisible():
            announce(self, QCoreApplication.translate("SettingsPanel", "Texte à {0} %, contraste élevé {1}, mouvements réduits {2}").format(
                round(settings.text_scale * 100), QCoreApplication.translate("SettingsPanel", "activé") if settings.high_contrast
                else QCoreApplication.translate("SettingsPanel", "désactivé"), QCoreApplication.translate("SettingsPanel", "activés") if settings.reduced_motion
                else QCoreApplication.translate("SettingsPanel", "désactivés")))

    def _show_reading_state(self) -> None:
        self.read.setText(QCoreApplication.translate("SettingsPanel", "Arrêter la lecture") if self.speech.speaking
                          else QCoreApplication.translate("SettingsPanel", "Lire à voix haute"))

    # -- reading ----------------------------------------------------------------------------
    def toggle_reading(self) -> None:
        if self.speech.speaking:
            self.speech.stop()
            return
        language = self.state.story.language if self.state.story else "fr"
        if self.speech.read(self._text_to_read(), language):
            if not self.state.settings.read_aloud:
                self.state.change_settings(read_aloud=True)
        self._show_reading_state()

    # -- opening, closing, focus ------------------------------------------------------------
    def open_panel(self, return_to: QWidget | None) -> None:
        self._return_to = return_to
        self.place()
        self.show()
        self.raise_()
        checked = self.size_group.checkedButton()
        (checked or self.size_buttons[0]).setFocus(Qt.FocusReason.PopupFocusReason)
        announce(self, QCoreApplication.translate("SettingsPanel", "Réglages ouverts"))

    def close_panel(self) -> None:
        if not self.isVisible():
            return
        self.hide()
        if self._return_to is not None:
            self._return_to.setFocus(Qt.FocusReason.PopupFocusReason)
        announce(self.parentWidget(), QCoreApplication.translate("SettingsPanel", "Réglages fermés"))

    def place(self) -> None:
        parent = self.parentWidget()
        self.adjustSize()
        width = min(parent.width() - 16, max(self.sizeHint().width(), parent.width() // 3))
        height = min(parent.height() - 16, self.sizeHint().height())
        self.setGeometry(parent.width() - width - 8, 8, width, height)

    def apply_scale(self, scale: TypeScale) -> None:
        margin = scale.gap
        self.layout().setContentsMargins(margin, margin, margin, margin)
        self.layout().setSpacing(round(scale.gap * 0.6))
        if self.isVisible():
            self.place()

    def buttons(self) -> list[QAbstractButton]:
        return [b for b in self.findChildren(QAbstractButton) if b.isVisibleTo(self)
                and b.isEnabled()]

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802
        """Tab stays inside the open panel."""
        buttons = self.buttons()
        if not buttons:
            return False
        focus = self.focusWidget()
        index = buttons.index(focus) if focus in buttons else -1
        buttons[(index + (1 if forward else -1)) % len(buttons)].setFocus(
            Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.close_panel()
            event.accept()
            return
        super().keyPressEvent(event)


class ReadingBand(QLabel):
    """The sentence being read, shown large at the foot of the window while reading."""

    def __init__(self, speech: ReadAloud, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("readingBand")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAccessibleName(QCoreApplication.translate("SettingsPanel", "Phrase lue"))
        speech.sentence_started.connect(self._show)
        speech.finished.connect(self.hide)
        self.hide()

    def _show(self, _index: int, sentence: str) -> None:
        self.setText(sentence)
        self.place()
        self.show()
        self.raise_()

    def place(self) -> None:
        parent = self.parentWidget()
        width = round(parent.width() * 0.8)
        height = self.heightForWidth(width) + 24
        self.setGeometry((parent.width() - width) // 2, parent.height() - height - 12,
                         width, height)
