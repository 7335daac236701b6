"""Presenter mode: one state, two windows (the projector's and the laptop's), the clicker's
keys, the curtain, and the screens coming and going.

A policy over the reader (docs/architecture.md, "A new mode"): both windows are readers
built with ``build_reader`` on the one state; the presenter's keys extend the reader's
keymap; nothing of the reader's code changes.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QSettings, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent, QScreen

from loosstory.modes.presenter import placement
from loosstory.modes.presenter.curtain import BLACK, FROZEN, WHITE, Curtain
from loosstory.modes.presenter.timing import TalkTimer
from loosstory.modes.presenter.window import PresenterWindow
from loosstory.story.model import LoadResult
from loosstory.ui.qtlazy import Qt
from loosstory.ui.reader.build import build_reader
from loosstory.ui.reader.keymap import ANY_SCREEN, Binding, Keymap, reader_keymap
from loosstory.ui.reader.window import ReaderWindow
from loosstory.ui.state.config import ReaderConfig
from loosstory.ui.state.state import COVER, ENDING, PAGE, ReaderState

PRESENTER = "presenter"
OVERVIEW = "overview"


def presenter_keymap() -> Keymap:
    """The clicker's keys on top of the reader's (README, « Mode présentateur »)."""
    key = Qt.Key
    bindings = [
        Binding(ANY_SCREEN, (key.Key_Escape,), "escape"),
        Binding(ANY_SCREEN, (key.Key_B, key.Key_Period), "black"),
        Binding(ANY_SCREEN, (key.Key_W,), "white"),
        Binding(ANY_SCREEN, (key.Key_F,), "freeze"),
        Binding(ANY_SCREEN, (key.Key_G,), "goto"),
        Binding(ANY_SCREEN, (key.Key_O,), "overview"),
        Binding(ANY_SCREEN, (key.Key_F5,), "start_talk"),
        Binding(ANY_SCREEN, (key.Key_S,), "swap"),
        Binding(ANY_SCREEN, (key.Key_A,), "audience_fullscreen"),
        Binding(ANY_SCREEN, (key.Key_P,), "pause"),
        Binding(ANY_SCREEN, (key.Key_R,), "reset_timer"),
        Binding(ANY_SCREEN, (key.Key_Plus, key.Key_Equal), "notes_larger"),
        Binding(ANY_SCREEN, (key.Key_Minus,), "notes_smaller"),
        *[Binding(ANY_SCREEN, (key.Key_0 + digit,), f"digit_{digit}") for digit in range(10)],
    ]
    for screen in (COVER, PAGE, ENDING):
        bindings += [
            Binding(screen, (key.Key_Right, key.Key_PageDown, key.Key_Down), "next"),
            Binding(screen, (key.Key_Space,), "next", shift=False, not_on_a_button=True),
            Binding(screen, (key.Key_Left, key.Key_PageUp, key.Key_Up), "previous"),
            Binding(screen, (key.Key_Space,), "previous", shift=True, not_on_a_button=True),
            Binding(screen, (key.Key_Home,), "first_step"),
            Binding(screen, (key.Key_End,), "last_step"),
            Binding(screen, (key.Key_Return, key.Key_Enter), "enter", not_on_a_button=True),
        ]
    return reader_keymap().extend(bindings)


class Presenter(QObject):
    """Builds and places the two windows and runs the talk."""

    def __init__(self, result: LoadResult, *, duration_min: float = 0.0,
                 audience_screen: str = "", settings: QSettings | None = None,
                 config: ReaderConfig | None = None,
                 clock: Callable[[], float] | None = None) -> None:
        super().__init__()
        self.settings = settings or placement.presenter_settings()
        if audience_screen:
            placement.remember_screen(self.settings, audience_screen)
        self.wanted_screen = audience_screen or placement.remembered_screen(self.settings)
        self.state = ReaderState(result, config)  # the talk's one state
        self.state.set_mode(PRESENTER)
        self.timer = TalkTimer(clock) if clock is not None else TalkTimer()
        self.typed = ""  # a step number being typed (G, digits, Enter)
        self.swapped = False
        self._mirroring = False
        self.tour_index = -1  # where the current page's tour is (-1: not started)
        _, self.audience_loader, self.audience = build_reader(result, state=self.state)
        _, self.live_loader, self.live = build_reader(result, state=self.state)
        self.curtain = Curtain(self.audience)
        self.rehearsal_curtain = Curtain(self.live)  # one screen: the live view is the wall
        self.window = PresenterWindow(self.state, self.live, self.timer, duration_min,
                                      self.handle_presenter_key)
        keymap = presenter_keymap()
        for reader in (self.audience, self.live):
            reader.keymap = keymap
            reader.actions.update(self._actions())
        self.window.buttons["overview"].clicked.connect(self.overview)
        self.window.buttons["swap"].clicked.connect(self.swap)
        self.state.position_changed.connect(self._moved)
        self.state.entity_opened.connect(self._mirror_entity)
        app = QGuiApplication.instance()
        app.screenAdded.connect(self._screens_changed)
        app.screenRemoved.connect(self._screens_changed)
        self.audience_on: QScreen | None = None

    def _actions(self) -> dict[str, Callable[[], object]]:
        state = self.state
        actions: dict[str, Callable[[], object]] = {
            "escape": self.escape, "black": lambda: self.toggle_curtain(BLACK),
            "white": lambda: self.toggle_curtain(WHITE),
            "freeze": lambda: self.toggle_curtain(FROZEN), "goto": self.start_typing,
            "overview": self.overview, "start_talk": self.start_talk, "swap": self.swap,
            "audience_fullscreen": self.audience_fullscreen,
            "pause": self.window.toggle_pause, "reset_timer": self.window.reset_timer,
            "notes_larger": lambda: self.window.set_notes_size(self.window.notes_px + 4),
            "notes_smaller": lambda: self.window.set_notes_size(self.window.notes_px - 4),
            "next": self.next, "previous": self.previous,
            "first_step": lambda: self.go_to_step(1),
            "last_step": lambda: self.go_to_step(state.path.total if state.path else 1),
            "enter": self.enter,
        }
        for digit in range(10):
            actions[f"digit_{digit}"] = lambda d=digit: self.type_digit(d)
        return actions

    # -- placement ------------------------------------------------------------------------
    def show(self) -> None:
        """Place the windows: the audience on the projector, the presenter on the laptop;
        with one screen, the presenter window alone (its live page is the rehearsal view)."""
        audience = placement.pick_audience_screen(self.wanted_screen)
        if self.swapped and audience is not None:
            audience = placement.other_screen(audience)
        self.audience_on = audience
        if audience is None:
            self.audience.hide()
            primary = QGuiApplication.primaryScreen()
            placement.put_on(self.window, primary, primary.availableGeometry())
        else:
            if not self.swapped:
                placement.remember_screen(self.settings, audience.name())
            placement.cover_screen(self.audience, audience)
            laptop = placement.other_screen(audience)
            placement.put_on(self.window, laptop, laptop.availableGeometry())
        self._update_status()

    def _screens_changed(self, _screen: QScreen) -> None:
        """A projector plugged in or out: place the windows again once Qt has finished
        (during screenRemoved the screen is still listed). Unplugged, the talk goes on in
        the presenter window (rehearsal view); plugged, the audience window appears on it."""
        QTimer.singleShot(0, self, self.show)

    def swap(self) -> None:
        """The projector's window goes to the other screen, and the presenter's to this one."""
        self.swapped = not self.swapped
        self.show()

    def audience_fullscreen(self) -> None:
        """With one screen: show the audience view full screen (again: back to rehearsal)."""
        if self.audience_on is not None:
            return
        if self.audience.isVisible():
            self.audience.hide()
            self.window.show()
            self.window.activateWindow()
        else:
            placement.cover_screen(self.audience, QGuiApplication.primaryScreen())
            self.audience.activateWindow()  # full screen, on top: its keys reach it

    # -- the talk -------------------------------------------------------------------------
    def _moved(self, *_args: int) -> None:
        self.timer.start()
        self.tour_index = -1  # a new page: its tour (if any) starts again

    def tour(self) -> tuple[str, ...]:
        """The tour of the interactive view on the current page (story/tour.py), or ()."""
        page, story = self.state.page, self.state.story
        if self.state.screen != PAGE or page is None or story is None:
            return ()
        view = story.schematic if page.view == "schematic" else \
            story.timeline if page.view == "timeline" else None
        return view.tour if view is not None else ()

    def _close_panels(self) -> None:
        from loosstory.ui.views.interactive import InteractiveView

        for reader in (self.audience, self.live):
            view = reader.page.view if reader.page is not None else None
            if isinstance(view, InteractiveView):
                view.close_panel()

    def _mirror_entity(self, _view: str, entity: str) -> None:
        """A panel opened in one window (a tap on the laptop) opens in the other too."""
        from loosstory.ui.views.interactive import InteractiveView

        if self._mirroring:
            return
        self._mirroring = True
        try:
            self._open_everywhere(entity, InteractiveView)
        finally:
            self._mirroring = False

    def _open_everywhere(self, entity: str, view_class: type) -> None:
        for reader in (self.audience, self.live):
            page = reader.page
            view = page.view if page is not None else None
            if isinstance(view, view_class) and view.owns(entity) and (
                    not view.panel_open() or view.panel.current_id != entity):
                view.open_entity(entity)

    def start_talk(self) -> None:
        """F5 / Shift+F5: from the first page, the clock running."""
        self.state.start()
        self.timer.start()

    def next(self) -> None:
        """The clicker's next: through the page's tour first (each panel in turn), then on."""
        if self.state.screen == ENDING:
            return
        tour = self.tour()
        if self.tour_index + 1 < len(tour):
            self.tour_index += 1
            self.state.navigate("#" + tour[self.tour_index])
            return
        self.state.next()

    def previous(self) -> None:
        """Back through the page's tour (the last step closes the panel), then back."""
        tour = self.tour()
        if tour and self.tour_index >= 0:
            self.tour_index -= 1
            if self.tour_index >= 0:
                self.state.navigate("#" + tour[self.tour_index])
            else:
                self._close_panels()
            return
        if self.state.screen == PAGE and self.state.path is not None and \
                self.state.path.at_start:
            self.state.show_cover()
            return
        self.state.previous()

    def go_to_step(self, step: int) -> bool:
        path, story = self.state.path, self.state.story
        if path is None or story is None or not 1 <= step <= path.total:
            return False
        chapter, page = path.steps[step - 1]
        return self.state.go_to_ref(story.chapters[chapter].pages[page].ref)

    def start_typing(self) -> None:
        self.typed = self.typed or " "  # G: a number follows
        self._update_status()

    def type_digit(self, digit: int) -> None:
        self.typed = (self.typed.strip() + str(digit))[-4:]
        self._update_status()

    def enter(self) -> None:
        typed, self.typed = self.typed.strip(), ""
        if typed:
            self.go_to_step(int(typed))
        self._update_status()

    def escape(self) -> None:
        """Never leaves the story: cancels a number, opens the curtain, closes the overview."""
        if self.typed:
            self.typed = ""
        elif self.state.screen == OVERVIEW:
            overview = self.audience.screens.get(OVERVIEW)
            if overview is not None:
                overview.handle_key(QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_Escape,
                                              Qt.KeyboardModifier.NoModifier))
        elif self.curtain.kind:
            self.curtain.open_curtain()
            self.rehearsal_curtain.open_curtain()
        self._update_status()

    def overview(self) -> None:
        if self.state.screen == OVERVIEW:
            self.escape()
        else:
            self.state.show_screen(OVERVIEW)

    def toggle_curtain(self, kind: str) -> None:
        curtains = [self.curtain]
        if self.audience_on is None and not self.audience.isVisible():
            curtains.append(self.rehearsal_curtain)
        closing = self.curtain.kind != kind
        for curtain in (self.curtain, self.rehearsal_curtain):
            curtain.open_curtain()
        if closing:
            for curtain in curtains:
                curtain.close_curtain(kind)
        self._update_status()

    def _update_status(self) -> None:
        words = {BLACK: "Projecteur : écran noir (B pour revenir)",
                 WHITE: "Projecteur : écran blanc (W pour revenir)",
                 FROZEN: "Projecteur : figé (F pour revenir)"}
        parts = []
        if self.curtain.kind:
            parts.append(self.window.tr(words[self.curtain.kind]))
        if self.typed:
            parts.append(self.window.tr("Aller à l’étape : %1").replace(
                "%1", self.typed.strip() or "…"))
        if self.audience_on is None and self.state.screen:
            parts.append(self.window.tr("Un seul écran : répétition (A : plein écran)"))
        self.window.status.setText("   ".join(parts))

    # -- keys -----------------------------------------------------------------------------
    def handle_presenter_key(self, event: QKeyEvent) -> bool:
        """Keys typed on the presenter's window: Tab opens the overview, the rest goes
        through the live reader's keymap (the same as the projector's)."""
        if event.key() == Qt.Key.Key_Tab and self.state.screen != OVERVIEW:
            self.overview()
            return True
        return self.live.handle_key(event)

    def close(self) -> None:
        app = QGuiApplication.instance()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            for signal in (app.screenAdded, app.screenRemoved):
                try:
                    signal.disconnect(self._screens_changed)
                except (RuntimeError, TypeError):
                    pass
        self.window.stop_input()
        for reader, loader in ((self.audience, self.audience_loader),
                               (self.live, self.live_loader)):
            if shiboken6.isValid(loader):
                loader.wait_for_done(5000)
            if shiboken6.isValid(reader):
                reader.stop_input()
                reader.close()
        if shiboken6.isValid(self.window):
            self.window.close()


__all__ = ["PRESENTER", "Presenter", "ReaderWindow", "presenter_keymap"]
