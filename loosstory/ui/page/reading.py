"""What a page screen does so that nothing is hidden (issue 15): "next" shows the rest of a
long page a screenful at a time before it turns, and a figure opens large over the page.

A mixin of :class:`~loosstory.ui.page.screen.PageScreen`, kept apart to keep that module
short; it uses the screen's ``text``, ``figures``, ``zoom``, ``_state``, ``_loader``,
``_palette``, ``_scale`` and ``_arrive_at_end``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from loosstory.ui.pictures.figure import FigureWidget
from loosstory.ui.pictures.zoom import FigureZoom


class ReadingMixin:
    # -- a page longer than the screen: "next" shows the rest first -------------------------
    def advance(self, step: int) -> bool:
        if self.zoom is not None:  # next or previous first closes the figure opened large
            self.zoom.close_zoom()
            return True
        if self.text.show_more(step):
            return True
        path = self._state.path
        self._arrive_at_end = step < 0 and path is not None and not path.at_start
        return False

    # -- a figure opened large ------------------------------------------------------------
    def open_figure(self, widget: FigureWidget) -> None:
        if self.zoom is not None:
            return
        self.zoom = FigureZoom(widget.figure, self._loader, self._palette, self._scale, self)
        self.zoom.closed.connect(lambda: self._zoom_closed(widget))

    def _zoom_closed(self, widget: FigureWidget) -> None:
        self.zoom = None
        if widget in self.figures and widget.isVisible():
            widget.setFocus(Qt.FocusReason.OtherFocusReason)  # back where the visitor was

    def overlay_key(self, event) -> bool:
        return self.zoom is not None and self.zoom.handle_key(event)

    def overflow(self) -> int:
        """Pixels of this page's text that need scrolling (0: it all shows)."""
        self.layout().activate()
        bar = self.text.verticalScrollBar()
        return bar.maximum()

    def _next(self) -> None:
        if not self.advance(1):
            self._state.next()

    def _previous(self) -> None:
        if not self.advance(-1):
            self._state.previous()
