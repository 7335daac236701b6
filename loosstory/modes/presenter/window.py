"""The presenter's window (the laptop): the current page live, the next page, the speaker
notes in large type, the talk's timer, the clock and the pace, the step, the chapters.

The live page is a whole reader built on the talk's one state: a tap on the house or the
timeline there opens the same panel on the projector. With one screen it is the rehearsal
view of what the audience would see.
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, QTimer, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from loosstory.modes.presenter.timing import AHEAD, BEHIND, TalkTimer, clock_text, pace
from loosstory.ui.look.theme import Palette, body_font
from loosstory.ui.qtlazy import Qt
from loosstory.ui.reader.window import ReaderWindow
from loosstory.ui.state.state import PAGE, ReaderState

OVERVIEW = "overview"
PACE_COLOURS = {AHEAD: "#0b5e8e", BEHIND: "#a1260d", "on-time": "#1d6b32"}  # >= 4.5:1 on white


def tr(text: str) -> str:
    return QCoreApplication.translate("PresenterWindow", text)


class PresenterWindow(QWidget):
    """The laptop's window; keys go to ``key_handler`` (the presenter controller)."""

    def __init__(self, state: ReaderState, live: ReaderWindow, timer: TalkTimer,
                 duration_min: float, key_handler: Callable[[QKeyEvent], bool],
                 wall_clock: Callable[[], float] = time.time) -> None:
        super().__init__()
        self.setObjectName("presenterWindow")
        self.setWindowTitle(tr("Loos-en-Gohelle — présentateur"))
        self.state = state
        self.live = live
        self.timer = timer
        self.duration_min = duration_min
        self.key_handler = key_handler
        self.wall_clock = wall_clock
        self.notes_px = 28
        self._key_widget: QWidget | None = None
        story = state.story
        palette = Palette.from_look(story.look) if story else None

        self.step_label = QLabel(self)
        self.step_label.setObjectName("presenterStep")
        self.status = QLabel(self)  # black / white / frozen / typed step number
        self.status.setObjectName("presenterStatus")
        self.elapsed_label = QLabel(self)
        self.elapsed_label.setObjectName("presenterElapsed")
        self.clock_label = QLabel(self)
        self.clock_label.setObjectName("presenterClock")
        self.pace_label = QLabel(self)
        self.pace_label.setObjectName("presenterPace")
        self.next_label = QLabel(self)
        self.next_label.setObjectName("presenterNext")
        self.next_label.setWordWrap(True)
        self.notes = QTextBrowser(self)
        self.notes.setObjectName("presenterNotes")
        self.notes.setOpenLinks(False)
        self.notes.setAccessibleName(tr("Notes pour l’orateur"))
        self.chapters = QListWidget(self)
        self.chapters.setObjectName("presenterChapters")
        self.chapters.setAccessibleName(tr("Chapitres, pour y aller"))
        for chapter in story.chapters if story else []:
            self.chapters.addItem(chapter.title)
        self.chapters.itemActivated.connect(
            lambda item: state.open_chapter(self.chapters.row(item)))
        self.chapters.itemClicked.connect(
            lambda item: state.open_chapter(self.chapters.row(item)))

        self.buttons: dict[str, QPushButton] = {}
        bar = QGridLayout()
        for name, text, accessible in (
            ("pause", tr("Pause"), tr("Mettre le chronomètre en pause ou le relancer")),
            ("reset", tr("Remettre à zéro"), tr("Remettre le chronomètre à zéro")),
            ("smaller", tr("A−"), tr("Notes plus petites")),
            ("larger", tr("A+"), tr("Notes plus grandes")),
            ("overview", tr("Toutes les pages"), tr("Toutes les pages, en vignettes")),
            ("swap", tr("Échanger les écrans"), tr("Échanger les deux écrans")),
        ):
            button = QPushButton(self)
            button.setText(text)
            button.setAccessibleName(accessible)
            button.setObjectName(f"presenter-{name}")
            button.setMinimumSize(44, 44)
            bar.addWidget(button, len(self.buttons) // 3, len(self.buttons) % 3)
            self.buttons[name] = button
        self.buttons["pause"].clicked.connect(self.toggle_pause)
        self.buttons["reset"].clicked.connect(self.reset_timer)
        self.buttons["smaller"].clicked.connect(lambda: self.set_notes_size(self.notes_px - 4))
        self.buttons["larger"].clicked.connect(lambda: self.set_notes_size(self.notes_px + 4))

        times = QHBoxLayout()
        for widget in (self.elapsed_label, self.pace_label):
            times.addWidget(widget)
        times.addStretch(1)
        times.addWidget(self.clock_label)
        where = QHBoxLayout()
        where.addWidget(self.step_label)
        where.addStretch(1)
        for label in (self.elapsed_label, self.pace_label, self.clock_label, self.step_label,
                      self.status, self.next_label):
            label.setMinimumWidth(0)  # a long text is cut, the window never outgrows its screen
        self.status.setWordWrap(True)
        for row in range(self.chapters.count()):
            self.chapters.item(row).setSizeHint(self.chapters.sizeHintForIndex(
                self.chapters.model().index(row, 0)).expandedTo(QSize(0, 44)))

        left = QVBoxLayout()
        left.addWidget(live, 3)
        left.addWidget(self.next_label)
        left.addWidget(self.chapters, 1)
        right = QVBoxLayout()
        right.addLayout(times)
        right.addLayout(where)
        right.addWidget(self.status)
        right.addWidget(self.notes, 1)
        right.addLayout(bar)
        body = QHBoxLayout(self)
        body.addLayout(left, 3)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.VLine)
        body.addWidget(line)
        body.addLayout(right, 2)
        if palette is not None:
            self.setStyleSheet(
                f"#presenterWindow {{ background: {palette.background.name()}; }}"
                f" QLabel {{ color: {palette.ink.name()}; }}"
                " QPushButton { min-height: 44px; padding: 4px 14px; }"
                " QPushButton:focus, QListWidget:focus, QTextBrowser:focus"
                f" {{ border: 3px solid {palette.accent.name()}; }}")
        self.set_notes_size(self.notes_px)
        self.tick = QTimer(self)
        self.tick.setInterval(500)
        self.tick.timeout.connect(self.refresh_times)
        state.position_changed.connect(self.refresh_page)
        state.screen_changed.connect(lambda _name: self.refresh_page())
        QApplication.instance().focusChanged.connect(self._on_focus_changed)
        self.refresh_page()
        self.refresh_times()

    # -- what is shown --------------------------------------------------------------------
    def set_notes_size(self, px: int) -> None:
        self.notes_px = max(14, min(72, px))
        font = body_font(self.notes_px)
        self.notes.setFont(font)
        self.notes.document().setDefaultFont(font)

    def step(self) -> tuple[int, int]:
        path = self.state.path
        return path.story_progress() if path is not None else (0, 0)

    def refresh_page(self, *_args: int) -> None:
        state, path = self.state, self.state.path
        step, steps = self.step()
        on_page = state.screen in (PAGE, OVERVIEW) and self.timer.started or state.screen == PAGE
        self.step_label.setText(tr("Étape %1 / %2").replace("%1", str(step)).replace(
            "%2", str(steps)) if on_page else tr("Avant la première étape"))
        page = state.page if on_page else None
        if page is not None and page.notes_html:
            self.notes.setHtml(page.notes_html)
        elif page is not None:
            self.notes.setPlainText(tr("(Pas de notes pour cette page.)"))
        else:
            self.notes.setPlainText(tr("F5 ou → : commencer l’exposé."))
        upcoming = ""
        if path is not None and state.story is not None:
            index = path.index + 1 if on_page else 0
            if index < path.total:
                chapter_index, page_index = path.steps[index]
                chapter = state.story.chapters[chapter_index]
                upcoming = f"{chapter.title} — {chapter.pages[page_index].title}"
            else:
                upcoming = tr("Fin de l’histoire")
        self.next_label.setText(tr("Ensuite : %1").replace("%1", upcoming))
        if state.chapter is not None and on_page:
            self.chapters.setCurrentRow(path.position.chapter)
        self.refresh_times()

    def refresh_times(self) -> None:
        elapsed = self.timer.elapsed()
        paused = tr(" (en pause)") if self.timer.paused else ""
        self.elapsed_label.setText(tr("Écoulé %1").replace("%1", clock_text(elapsed)) + paused)
        self.clock_label.setText(time.strftime("%H:%M", time.localtime(self.wall_clock())))
        step, steps = self.step()
        if self.duration_min > 0 and self.timer.started and self.state.screen == PAGE:
            verdict = pace(elapsed, step, steps, self.duration_min)
            minutes = round(abs(verdict.delta_s) / 60)
            words = {AHEAD: tr("En avance de %1 min"), BEHIND: tr("En retard de %1 min")}
            text = words[verdict.verdict].replace("%1", str(minutes)) if verdict.verdict in words \
                else tr("Dans les temps")
            self.pace_label.setText(text)
            self._set_pace(verdict.verdict)
        else:
            self.pace_label.setText("")
            self._set_pace("")

    def _set_pace(self, verdict: str) -> None:
        """The pace's colour, only when it changes (a style sheet re-polishes: ~30 ms)."""
        if self.pace_label.property("pace") == verdict:
            return
        self.pace_label.setProperty("pace", verdict)
        self.pace_label.setStyleSheet(
            f"color: white; background: {PACE_COLOURS[verdict]}; padding: 2px 8px;"
            if verdict else "")

    def apply_type(self) -> None:
        """Timer and step in large type, from the window's height."""
        px = max(18, int(min(self.height() * 0.035, self.width() * 0.018)))
        for label in (self.elapsed_label, self.clock_label, self.pace_label, self.step_label,
                      self.status, self.next_label):
            label.setFont(body_font(px, bold=label is not self.next_label))
        self.chapters.setFont(body_font(max(16, int(px * 0.7))))
        for button in self.buttons.values():
            button.setFont(body_font(max(15, int(px * 0.6)), bold=True))

    def resizeEvent(self, event) -> None:  # noqa: N802
        self.apply_type()
        super().resizeEvent(event)

    def toggle_pause(self) -> None:
        self.timer.toggle_pause()
        self.refresh_times()

    def reset_timer(self) -> None:
        self.timer.reset()
        self.refresh_times()

    def showEvent(self, event) -> None:  # noqa: N802
        self.tick.start()
        super().showEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802
        self.tick.stop()
        super().hideEvent(event)

    # -- keys: read before the focused widget uses them (as the reader does) ---------------
    @Slot(QWidget, QWidget)
    def _on_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        watched = self._key_widget
        if watched is not None and watched is not new:
            watched.removeEventFilter(self)
            self._key_widget = None
        if new is not None and new is not self and new is not watched and new.window() is self:
            new.installEventFilter(self)
            self._key_widget = new

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            return self.key_handler(event)
        return False

    def event(self, event: QEvent) -> bool:
        """Tab reaches the handler before Qt's focus chain takes it (the overview)."""
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress and \
                event.key() == Qt.Key.Key_Tab and self.key_handler(event):
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if self.key_handler(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def stop_input(self) -> None:
        if not shiboken6.isValid(self):
            return
        self.tick.stop()
        with warnings.catch_warnings():  # stopped twice (closed, then dropped): no warning
            warnings.simplefilter("ignore", RuntimeWarning)
            try:
                QApplication.instance().focusChanged.disconnect(self._on_focus_changed)
            except (RuntimeError, TypeError, SystemError):
                pass
        if self._key_widget is not None and shiboken6.isValid(self._key_widget):
            self._key_widget.removeEventFilter(self)
            self._key_widget = None

    def closeEvent(self, event) -> None:  # noqa: N802
        self.stop_input()
        super().closeEvent(event)
