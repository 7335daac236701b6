"""Turns what a visitor does into anonymous events in the :class:`EventStore`.

A visit starts at the first input after the attract loop and ends at the idle reset (or
when staff quit). Pages and chapters are recorded when they are left, with their dwell
time; taps on the schematic and the timeline as they happen. Writing never raises into
the UI: a failing disk only loses figures, never the kiosk.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from loosstory.stats.ids import new_visit_id

log = logging.getLogger("loosstory.kiosk")
_COUNTED = "kioskTapsCounted"


class VisitRecorder(QObject):
    def __init__(self, store, clock: Callable[[], float] = time.time,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.clock = clock
        self.visit = ""
        self.started = 0.0
        self._page: tuple[str, float] | None = None  # (ref, since)
        self._chapter: tuple[str, float] | None = None
        self._state = None
        self._window: QWidget | None = None

    # -- writing -----------------------------------------------------------------------------
    def _record(self, kind: str, ref: str = "", value: float | None = None) -> None:
        if self.store is None:
            return
        try:
            self.store.record(kind, self.visit, ref, value)
        except Exception:  # noqa: BLE001 - figures are never worth a crash
            log.exception("chiffres : événement « %s » non enregistré", kind)

    # -- visits ------------------------------------------------------------------------------
    @property
    def in_visit(self) -> bool:
        return bool(self.visit)

    def start_visit(self) -> None:
        if self.visit:
            return
        self.visit = new_visit_id()
        self.started = self.clock()
        self._record("visit_start")
        self._look_at_position()

    def end_visit(self, why: str) -> None:
        if not self.visit:
            return
        self._leave_page()
        self._leave_chapter()
        if why == "idle":
            self._record("idle_reset")
        self._record("visit_end", why, round(self.clock() - self.started, 3))
        self.visit = ""

    # -- following the reader ----------------------------------------------------------------
    def follow(self, state, window: QWidget | None) -> None:
        """Watch a (new) reader state and window; the old ones are forgotten."""
        self._state, self._window = state, window
        state.screen_changed.connect(self._on_move)
        state.position_changed.connect(self._on_move)
        language = getattr(state, "language_changed", None)
        if language is not None:
            language.connect(self.language_changed)
        self._scan_views()

    def language_changed(self, language: str) -> None:
        if self.visit:
            self._record("language_change", str(language))

    def _where(self) -> tuple[str, str]:
        state = self._state
        if state is None:
            return "", ""
        screen = getattr(state, "screen", "")
        if screen != "page":
            return screen, ""
        page, chapter = getattr(state, "page", None), getattr(state, "chapter", None)
        return (page.ref if page is not None else ""), (chapter.id if chapter is not None else "")

    def _on_move(self, *_args) -> None:
        if self.visit:
            self._look_at_position()
        self._scan_views()  # views are built with their page, usually before this slot…
        QTimer.singleShot(0, self._scan_views)  # …and otherwise just after it

    def _look_at_position(self) -> None:
        page_ref, chapter_id = self._where()
        now = self.clock()
        if self._page is None or self._page[0] != page_ref:
            self._leave_page()
            if page_ref:
                self._page = (page_ref, now)
        if self._chapter is None or self._chapter[0] != chapter_id:
            self._leave_chapter()
            if chapter_id:
                self._chapter = (chapter_id, now)

    def _leave_page(self) -> None:
        if self._page is not None:
            ref, since = self._page
            self._page = None
            self._record("page_view", ref, round(self.clock() - since, 3))

    def _leave_chapter(self) -> None:
        if self._chapter is not None:
            ref, since = self._chapter
            self._chapter = None
            self._record("chapter_view", ref, round(self.clock() - since, 3))

    # -- taps on the interactive views ---------------------------------------------------------
    def _scan_views(self) -> None:
        window = self._window
        if window is None:
            return
        try:
            from loosstory.ui.views.schematic import SchematicView
            from loosstory.ui.views.timeline import TimelineView
        except ImportError:
            return
        for view in window.findChildren(SchematicView):
            if not view.property(_COUNTED):
                view.setProperty(_COUNTED, True)
                view.element_opened.connect(lambda ref: self.tap("schematic_tap", ref))
        for view in window.findChildren(TimelineView):
            if not view.property(_COUNTED):
                view.setProperty(_COUNTED, True)
                view.event_opened.connect(lambda ref: self.tap("timeline_tap", ref))

    def tap(self, kind: str, ref: str) -> None:
        if self.visit:
            self._record(kind, str(ref))
