"""The kiosk's one window: frameless, full screen, in front, and it refuses to close.

It hosts layers that all cover the whole screen, bottom to top: the reader (rebuilt at
every reset), the attract loop, the idle countdown, the PIN pad, the admin panel. Only the
controller decides which are visible; :meth:`allow_close` is the only way out.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

log = logging.getLogger("loosstory.kiosk")

KIOSK_FLAGS = (Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint
               | Qt.WindowType.WindowStaysOnTopHint)


class KioskWindow(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, KIOSK_FLAGS)
        self.setObjectName("kioskWindow")
        self.setWindowTitle("Loos-en-Gohelle — loosstory (kiosque)")
        self.setAcceptDrops(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.reader_host = QWidget(self)
        self.reader_host.setObjectName("kioskReaderHost")
        layout = QVBoxLayout(self.reader_host)
        layout.setContentsMargins(0, 0, 0, 0)
        self._layers: list[QWidget] = []
        self._closing_allowed = False
        self.keep_fullscreen = True  # tests at a fixed size set this to False
        self.close_attempts = 0

    # -- layers -----------------------------------------------------------------------------
    def add_layer(self, widget: QWidget) -> QWidget:
        """A full-window layer above those added before (hidden until shown)."""
        widget.setParent(self)
        widget.setGeometry(self.rect())
        widget.hide()
        self._layers.append(widget)
        return widget

    def set_reader(self, reader: QWidget | None) -> None:
        layout = self.reader_host.layout()
        while layout.count():
            item = layout.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()
        if reader is not None:
            reader.setParent(self.reader_host)  # the top-level reader embedded as a child widget
            reader.setWindowFlags(Qt.WindowType.Widget)
            layout.addWidget(reader)
            reader.show()

    def top_layer(self) -> QWidget | None:
        for widget in reversed(self._layers):
            if widget.isVisible():
                return widget
        return None

    def resizeEvent(self, event) -> None:  # noqa: N802
        self.reader_host.setGeometry(self.rect())
        for widget in self._layers:
            widget.setGeometry(self.rect())
        super().resizeEvent(event)

    # -- staying full screen and open -------------------------------------------------------
    def show_kiosk(self) -> None:
        self.showFullScreen()
        self.raise_()
        self.activateWindow()

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if (event.type() == QEvent.Type.WindowStateChange and self.keep_fullscreen
                and not self._closing_allowed and self.isVisible()
                and not self.isFullScreen()):
            log.warning("la fenêtre a quitté le plein écran : rétablissement")
            QTimer.singleShot(0, self.show_kiosk)

    def allow_close(self) -> None:
        """The staff's "Quitter" (after the PIN): the next close is accepted."""
        self._closing_allowed = True

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self._closing_allowed:
            event.accept()
            return
        self.close_attempts += 1
        log.info("tentative de fermeture ignorée (%d)", self.close_attempts)
        event.ignore()
