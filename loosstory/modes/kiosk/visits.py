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

from PySide6.QtCore import QObject

from loosstory.stats.ids import new_visit_id
from loosstory.ui.state import ReaderState
from loosstory.ui.state.state import PAGE

log = logging.getLogger("loosstory.kiosk")
TAP_KINDS = {"schematic": "schematic_tap", "timeline": "timeline_tap"}


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
        self._state: ReaderState | None = None

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
    def follow(self, state: ReaderState) -> None:
        """Watch a (new) reader state; the old one is forgotten (it goes with its reader)."""
        self._state = state
        state.screen_changed.connect(self._on_move)
        state.position_changed.connect(self._on_move)
        state.language_changed.connect(self.language_changed)
        state.entity_opened.connect(self._on_entity_opened)
        self._settings = state.settings
        state.settings_changed.connect(self._on_settings_changed)

    def _on_settings_changed(self, settings) -> None:
        """Each setting a visitor changes, counted (which one and its new value; anonymous)."""
        before, self._settings = self._settings, settings
        for name, value in settings._asdict().items():
            if before._asdict()[name] != value and self.visit:
                self._record("setting_change", name, float(value))

    def language_changed(self, language: str) -> None:
        if self.visit:
            self._record("language_change", str(language))

    def _where(self) -> tuple[str, str]:
        state = self._state
        if state is None:
            return "", ""
        screen = state.screen
        if screen != PAGE:
            return screen, ""
        page, chapter = state.page, state.chapter
        return (page.ref if page is not None else ""), (chapter.id if chapter is not None else "")

    def _on_move(self, *_args) -> None:
        if self.visit:
            self._look_at_position()

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

    # -- taps on the interactive views (reported by the state) ---------------------------------
    def _on_entity_opened(self, view: str, entity: str) -> None:
        kind = TAP_KINDS.get(view)
        if kind is not None:
            self.tap(kind, entity)
        elif view == "quiz" and self.visit:  # "start:CHAPTER" or "score:CHAPTER:RIGHT/TOTAL"
            what, _, rest = entity.partition(":")
            if what == "start":
                self._record("quiz_start", rest)
            elif what == "score":
                chapter, _, score = rest.rpartition(":")
                right, _, total = score.partition("/")
                if right.isdigit() and total.isdigit() and int(total):
                    self._record("quiz_end", chapter, int(right) / int(total))

    def tap(self, kind: str, ref: str) -> None:
        if self.visit:
            self._record(kind, str(ref))
