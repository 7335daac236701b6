"""What covers the projector when the presenter asks: black (B or « . »), white (W), or the
picture it showed when frozen (F) while the talk moves on underneath."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QWidget

BLACK, WHITE, FROZEN = "black", "white", "frozen"


class Curtain(QWidget):
    """A child of the audience window, over all of it; hidden when the curtain is open."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("presenterCurtain")
        self.kind = ""
        self.picture: QPixmap | None = None
        self.hide()
        parent.installEventFilter(self)

    def close_curtain(self, kind: str) -> None:
        if kind == FROZEN:
            self.hide()
            self.picture = self.parentWidget().grab()
        self.kind = kind
        self.setGeometry(self.parentWidget().rect())
        self.setAccessibleName({BLACK: "Écran noir", WHITE: "Écran blanc",
                                FROZEN: "Écran figé"}[kind])
        self.show()
        self.raise_()

    def open_curtain(self) -> None:
        self.kind = ""
        self.picture = None
        self.hide()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (follow the window's size)
        if obj is self.parentWidget() and event.type() == event.Type.Resize:
            self.setGeometry(obj.rect())
        return False

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        if self.kind == FROZEN and self.picture is not None:
            painter.drawPixmap(self.rect(), self.picture)
        else:
            painter.fillRect(self.rect(), QColor("white" if self.kind == WHITE else "black"))
        painter.end()
