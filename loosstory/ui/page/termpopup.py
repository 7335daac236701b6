"""A short pop-up with a glossary term's definition, over the page (issue 18).

Opened by a tap, a click or Enter on an underlined term (the state's ``term_requested``);
« Fermer » (tap, Enter or Space) or Escape closes it and gives the focus back to the text;
turning the page closes it too.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QKeySequence, QPainter, QPen, QShortcut
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from loosstory.story.glossary import Term
from loosstory.ui.look.theme import Palette, TypeScale, body_font, title_font


class GlossaryPopup(QFrame):
    """The term in bold, its definition, and « Fermer »; drawn as a card with a border."""

    def __init__(self, palette: Palette, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("glossaryPopup")
        self._palette = palette
        self.term_id = ""
        self._return_focus: QWidget | None = None
        self.heading = QLabel(self)
        self.heading.setObjectName("glossaryPopupTerm")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.definition = QLabel(self)
        self.definition.setObjectName("glossaryPopupDefinition")
        self.definition.setTextFormat(Qt.TextFormat.PlainText)
        self.definition.setWordWrap(True)
        self.credit = QLabel(self)
        self.credit.setObjectName("muted")
        self.credit.setTextFormat(Qt.TextFormat.PlainText)
        self.credit.setWordWrap(True)
        self.close_button = QPushButton(self)
        self.close_button.setText(self.tr("Fermer"))
        self.close_button.setObjectName("glossaryPopupClose")
        self.close_button.setAccessibleName(self.tr("Fermer la définition"))
        self.close_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.close_button.clicked.connect(self.close_popup)
        # Escape closes the pop-up before the reader's keys see it (Escape = sommaire there)
        self._escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self._escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._escape.activated.connect(self.close_popup)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.definition)
        layout.addWidget(self.credit)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)
        self._layout = layout
        self.apply_scale(TypeScale.for_size(1280, 800))
        self.hide()

    def apply_scale(self, scale: TypeScale) -> None:
        self._scale = scale
        m = round(scale.body)
        self._layout.setContentsMargins(m, m, m, m)
        self._layout.setSpacing(round(scale.body * 0.5))
        self.heading.setFont(title_font(scale.body * 1.2))
        self.definition.setFont(body_font(scale.body))
        self.credit.setFont(body_font(scale.small))
        self.close_button.setMinimumHeight(max(44, scale.touch))
        self.setFixedWidth(round(scale.body * 24))

    def show_term(self, term: Term, anchor: QPoint | None = None) -> None:
        """Show ``term`` near ``anchor`` (parent coordinates), or centred."""
        self.term_id = term.id
        self.heading.setText(term.term)
        self.definition.setText(term.definition)
        credit = f"{term.alt} — {term.credit}" if term.image and term.credit else ""
        self.credit.setText(credit)
        self.credit.setVisible(bool(credit))
        self.setAccessibleName(self.tr("Définition : %1").replace("%1", term.term))
        self.setAccessibleDescription(term.definition)
        self.adjustSize()
        parent = self.parentWidget()
        width, height = self.width(), self.sizeHint().height()
        if anchor is None:
            x, y = (parent.width() - width) // 2, (parent.height() - height) // 2
        else:
            x, y = anchor.x() - width // 3, anchor.y() + round(self._scale.body * 0.8)
            if y + height > parent.height() - 8:
                y = anchor.y() - height - round(self._scale.body * 1.6)
        x = max(8, min(x, parent.width() - width - 8))
        y = max(8, min(y, parent.height() - height - 8))
        self.setGeometry(x, y, width, height)
        focus = self.window().focusWidget() if self.window() else None
        if focus is not None and not self.isAncestorOf(focus):
            self._return_focus = focus
        self.show()
        self.raise_()
        self.close_button.setFocus(Qt.FocusReason.PopupFocusReason)

    def close_popup(self) -> None:
        if not self.isVisible():
            return
        self.hide()
        self.term_id = ""
        target, self._return_focus = self._return_focus, None
        if target is not None:
            target.setFocus(Qt.FocusReason.PopupFocusReason)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # Enter presses « Fermer »
            self.close_popup()
            event.accept()
            return
        super().keyPressEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self._palette.ink)
        pen.setWidthF(2.0)
        painter.setPen(pen)
        painter.setBrush(self._palette.surface)
        radius = self._scale.body * 0.5
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), radius, radius)
        painter.end()
