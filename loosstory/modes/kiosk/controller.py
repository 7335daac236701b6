"""The kiosk policy: attract loop → visit → idle countdown → reset, plus the staff's way in.

It owns no story logic: it builds a reader (state + window) with the same factory as the
normal app, hosts it in the locked :class:`KioskWindow`, and at every reset throws it away
and builds a fresh one from the story's defaults — so whatever a visitor changed (page,
open panels of the schematic or the timeline, language, text size, contrast, any setting
added later) is gone, without the kiosk having to know about it.

Modes: ``attract`` (the loop runs), ``visit`` (the reader, idle timer running),
``countdown`` (« Vous êtes toujours là ? »), ``pin`` and ``admin`` (staff), ``closed``
(outside opening hours: black screen, no visits).

One tap on the attract loop opens the chapter it shows. The countdown only asks a visitor
who touched the story after that tap; a screen nobody touched goes back to the loop
quietly, after the same idle + countdown time.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from loosstory import __version__
from loosstory.modes.kiosk.admin import AdminPanel
from loosstory.modes.kiosk.attract import AttractLoop
from loosstory.modes.kiosk.closed import ClosedScreen, HoursKeeper
from loosstory.modes.kiosk.content import ContentUpdates
from loosstory.modes.kiosk.fleetlink import FleetLink
from loosstory.modes.kiosk.idle import IdleWatcher
from loosstory.modes.kiosk.lockdown import Lockdown
from loosstory.modes.kiosk.overlay import IdleOverlay
from loosstory.modes.kiosk.pinguard import PinGuard
from loosstory.modes.kiosk.pinpad import PinPad
from loosstory.modes.kiosk.resilience import ExceptionHooks, RecentProblems, tune_allocator
from loosstory.modes.kiosk.settings import KioskSettings
from loosstory.modes.kiosk.shell import KioskWindow
from loosstory.modes.kiosk.staff import (
    figures_of_today,
    pack_label,
    problems_text,
    save_new_pin,
)
from loosstory.modes.kiosk.theme import KioskLook
from loosstory.modes.kiosk.visits import VisitRecorder
from loosstory.story.model import LoadResult
from loosstory.ui.pictures.images import ImageLoader
from loosstory.ui.reader.window import ReaderWindow
from loosstory.ui.state import ReaderConfig, ReaderState

log = logging.getLogger("loosstory.kiosk")

ATTRACT, VISIT, COUNTDOWN, PIN, ADMIN = "attract", "visit", "countdown", "pin", "admin"
CLOSED = "closed"
KIOSK = "kiosk"  # the reader state's mode under this controller
# Exit status of the staff's « Quitter »: the systemd unit does not restart after it
# (RestartPreventExitStatus=64), while it restarts after anything else.
STAFF_QUIT_STATUS = 64
Reader = tuple[ReaderState, ImageLoader, ReaderWindow]
ReaderFactory = Callable[[LoadResult, ReaderConfig | None], Reader]


def default_factory(result: LoadResult, config: ReaderConfig | None) -> Reader:
    from loosstory.ui.reader.build import build_reader

    return build_reader(result, config)


class KioskController(QObject):
    mode_changed = Signal(str)
    reader_rebuilt = Signal()

    def __init__(self, settings: KioskSettings, result: LoadResult, source: Path,
                 store: object = None, reader_config: ReaderConfig | None = None,
                 factory: ReaderFactory = default_factory, frame_ms: int = 50,
                 recent: RecentProblems | None = None, parent: QObject | None = None,
                 clock: Callable[[], datetime] = datetime.now) -> None:
        super().__init__(parent)
        tune_allocator()  # a kiosk runs for months: image buffers must not fragment the heap
        self.settings = settings
        self.result = result
        self.source = source  # the folder staff update (the kiosk plays a checked copy)
        self.played = source  # the folder on screen (launch.py sets the checked copy)
        self.store = store
        self.reader_config = reader_config
        self.factory = factory
        self.recent = recent
        self.mode = ""
        self._before_staff = ATTRACT
        self.resets = 0
        self.state: ReaderState | None = None
        self.loader: ImageLoader | None = None
        self.reader: ReaderWindow | None = None
        self.quit_app: Callable[[int], None] = QApplication.exit  # tests replace it

        story = result.story
        self.look = KioskLook.from_look(story.look if story else None)
        self.window = KioskWindow()
        self.attract = AttractLoop(story, self.look, round(settings.attract_slide_seconds * 1000),
                                   frame_ms, settings.attract_motion)
        self.hours = HoursKeeper(settings.opening_hours, clock, parent=self)
        self.closed = ClosedScreen(self.hours.next_opening, settings.idle_ms)
        self.overlay = IdleOverlay(self.look, settings.countdown_ms)
        self.pinpad = PinPad(self.look, settings.pin_hash, PinGuard(settings.data_dir),
                             self._save_pin)
        self.admin = AdminPanel(self.look)
        for layer in (self.attract, self.closed, self.overlay, self.pinpad, self.admin):
            self.window.add_layer(layer)
        self.touched_in_visit = False  # a touch after the tap that opened the visit
        self.quiet_reset = QTimer(self)  # an untouched screen: back to the loop, no question
        self.quiet_reset.setSingleShot(True)
        self.quiet_reset.setInterval(settings.countdown_ms)
        self.quiet_reset.timeout.connect(self.reset)  # (a bound method: no cycle through Qt)

        self.idle = IdleWatcher(settings.idle_ms, self)
        self.lockdown = Lockdown(self.window, settings.admin_chord, settings.admin_corner_taps,
                                 settings.admin_corner_window, settings.admin_long_press, self)
        self.lockdown.forward_key = self._forward_key
        self.recorder = VisitRecorder(store, parent=self)
        self.content = ContentUpdates(settings.data_dir, settings.watch_folder,
                                      round(settings.watch_seconds * 1000), source, self)
        self.content.require_manifest = settings.require_manifest
        self.hooks = ExceptionHooks(self.recover, lambda f: QTimer.singleShot(0, f))
        self.fleet = FleetLink(settings.outbox, settings.name, settings.stats_file,
                               lambda: self.played, recent, parent=self)
        self.fleet.is_open = self.hours.is_open

        self.attract.touched.connect(self.start_visit)
        from loosstory.modes.kiosk.language import AttractLanguageButton

        self.attract_language = AttractLanguageButton(self.attract, self.start_in_other_language)
        self.attract_language.set_story(story)
        self.idle.idle.connect(self._on_idle)
        self.idle.pressed.connect(self._on_press)
        self.hours.changed.connect(self._hours_changed)
        self.overlay.continued.connect(self._continue)
        self.overlay.expired.connect(lambda: self.reset("idle"))
        self.lockdown.admin_requested.connect(self.open_pin)
        self.pinpad.accepted.connect(self._open_admin)
        self.pinpad.cancelled.connect(self._back_from_staff)
        self.admin.closed.connect(self._back_from_staff)
        self.admin.reload_requested.connect(self.reload_content)
        self.admin.problems_requested.connect(self.show_problems)
        self.admin.figures_requested.connect(self.show_figures)
        self.admin.quit_requested.connect(self.quit)
        self.content.checked.connect(self._content_checked)
        self._build_reader(result)

    # -- life -------------------------------------------------------------------------------
    def start(self, show: bool = True) -> None:
        app = QApplication.instance()
        app.installEventFilter(self.idle)
        self.lockdown.install(app)
        self.hooks.install()
        QApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)  # touch screen: no pointer
        self.content.start()
        self.hours.start()
        self.fleet.start()
        if show:
            self.window.show_kiosk()
        self.go_attract()

    def stop(self) -> None:
        """Undo :meth:`start` (tests; the real kiosk only stops by quitting)."""
        app = QApplication.instance()
        app.removeEventFilter(self.idle)
        self.lockdown.uninstall(app)
        self.hooks.uninstall()
        while QApplication.overrideCursor() is not None:
            QApplication.restoreOverrideCursor()
        self.idle.stop()
        self.attract.stop()
        self.attract.loader.wait_for_done(5000)  # its slides' decodes, like the reader's below
        self.overlay.stop()
        self.content.poll.stop()
        self.hours.timer.stop()
        self.quiet_reset.stop()
        self.closed.stop()
        self.fleet.stop()
        self._drop_reader()

    def quit(self, why: str = "quit") -> None:
        log.info("arrêt du kiosque (%s)", "personnel" if why == "quit" else why)
        self.recorder.end_visit(why)
        self.fleet.write("arrêt")
        self.stop()
        self.window.allow_close()
        self.window.close()
        self.quit_app(STAFF_QUIT_STATUS if why == "quit" else 0)

    def _set_mode(self, mode: str) -> None:
        if mode != self.mode:
            self.mode = mode
            log.info("mode : %s", mode)  # the day test (and staff reading the log) follow this
            self.mode_changed.emit(mode)

    # -- the reader -------------------------------------------------------------------------
    def _drop_reader(self) -> None:
        """Throw the reader away whole: nothing of it (widgets, decoded images, pending
        decodes, connections) may outlive it, or each reset would leave some behind."""
        old, loader, state = self.reader, self.loader, self.state
        self.state = self.loader = self.reader = None
        if old is None:
            return
        old.stop_input()  # its key and swipe filters
        if loader is not None:
            loader.wait_for_done(5000)
            loader.blockSignals(True)  # decodes still under way deliver to nobody
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)  # "nothing to disconnect"
                for signal in (loader.image_ready, loader.image_failed, loader.idle):
                    try:
                        signal.disconnect()
                    except (RuntimeError, TypeError):
                        pass
            loader.clear()
        old.hide()
        old.setParent(None)
        for obj in (state, loader):
            if obj is not None:
                obj.deleteLater()
        old.deleteLater()

    def _build_reader(self, result: LoadResult) -> None:
        """A fresh reader from the story's defaults: the reset's heart."""
        self._drop_reader()
        from loosstory.ui import i18n  # the next visitor finds the default language again

        if result.story is not None and i18n.interface_language() != result.story.language:
            i18n.install(result.story.language)
            self.attract.set_story(result.story)  # its words in that language too
            self.overlay.retranslate()
        self.state, self.loader, self.reader = self.factory(result, self.reader_config)
        self.window.set_reader(self.reader)
        Lockdown.harden(self.reader)
        self.state.set_mode(KIOSK)
        self.recorder.follow(self.state)
        self.state.language_changed.connect(self.overlay.retranslate)  # a visitor's switch
        self.reader_rebuilt.emit()

    def _forward_key(self, obj: QObject, event) -> bool:
        """Reading keys reach the embedded reader (its own filter only serves top-level)."""
        reader = self.reader
        if self.mode != VISIT or reader is None or not isinstance(obj, QWidget):
            return False
        if obj is not reader and not reader.isAncestorOf(obj):
            return False
        return reader.handle_key(event)

    # -- attract → visit → countdown → reset -----------------------------------------------
    def go_attract(self) -> None:
        self.idle.stop()
        self.quiet_reset.stop()
        self.overlay.stop()
        self.pinpad.hide()
        self.admin.hide()
        pending = self.content.take_pending()
        if pending is not None:
            folder, result = pending
            log.info("nouveau contenu en place : %s", folder)
            self.played = folder
            self.result = result
            self.attract.set_story(result.story)
            self.attract_language.set_story(result.story)
            self.look = KioskLook.from_look(result.story.look if result.story else None)
            if self.fleet.enabled:
                self.fleet.write("nouveau paquet")  # the hub sees the switch at once
        self._build_reader(self.result)
        self.attract.unavailable = self.state is None or not self.state.playable
        if not self.hours.is_open():
            self.attract.stop()
            self.closed.begin()  # black, display asleep; a touch only wakes it for staff
            self._set_mode(CLOSED)
            return
        self.closed.stop()
        self.attract.begin()
        self._set_mode(ATTRACT)

    def start_in_other_language(self) -> None:
        """« English » on the attract loop: the visit starts, in the other language."""
        self.start_visit()
        if self.mode == VISIT and self.reader is not None:
            self.reader.language_button.switcher.switch()

    def _hours_changed(self, now_open: bool) -> None:
        if now_open and self.mode == CLOSED:
            self.closed.display(True)
            self.go_attract()
        elif not now_open and self.mode == ATTRACT:
            self.go_attract()  # a visit under way ends first: it closes at its reset

    def start_visit(self) -> None:
        if self.mode != ATTRACT:
            return
        if self.lockdown.last_press_in_corner:
            return  # the staff's corner: counting taps towards the PIN pad is not a visit
        if self.state is None or not self.state.playable:
            return  # no playable story: the attract loop says so, staff see the problems
        chapter = self.attract.shown_ref
        self.attract.stop()
        self._set_mode(VISIT)
        # one tap, straight into the chapter the loop was showing (the cover slide: page 1)
        if not (chapter and self.state.go_to_ref(chapter)):
            self.state.start()
        self.recorder.start_visit()
        self.touched_in_visit = False
        if self.reader is not None:
            self.reader.setFocus(Qt.FocusReason.OtherFocusReason)
        self.idle.start()

    def _on_press(self) -> None:
        if self.mode == VISIT:
            self.touched_in_visit = True
            if self.quiet_reset.isActive():  # someone came back before the quiet reset
                self.quiet_reset.stop()
                self.idle.start()

    def _on_idle(self) -> None:
        if self.mode == VISIT and not self.touched_in_visit:
            self.quiet_reset.start()  # nobody touched the story: no question on screen
        elif self.mode == VISIT:
            self._set_mode(COUNTDOWN)
            self.overlay.begin()
        elif self.mode in (PIN, ADMIN):
            log.info("panneau du personnel laissé ouvert : retour à l'accueil")
            self.reset("idle")

    def _continue(self) -> None:
        if self.mode == COUNTDOWN:
            self._set_mode(VISIT)
            self.touched_in_visit = True
            self.idle.start()

    def reset(self, why: str = "idle") -> None:
        """End the visit and return to the attract loop with a fresh reader."""
        self.resets += 1
        self.recorder.end_visit(why)
        self.go_attract()

    def recover(self) -> None:
        """After an unexpected exception: back to the attract loop, whatever happened."""
        try:
            self.reset("crash")
        except Exception:  # noqa: BLE001
            log.exception("reconstruction impossible ; la boucle d'accueil reste affichée")
            self.attract.begin()
            self._set_mode(ATTRACT)

    # -- staff ------------------------------------------------------------------------------
    def open_pin(self) -> None:
        if self.mode in (PIN, ADMIN):
            return
        self._before_staff = self.mode if self.mode in (ATTRACT, CLOSED) else VISIT
        self.overlay.stop()
        self.quiet_reset.stop()
        self._set_mode(PIN)
        self.pinpad.open()
        self.idle.start()  # a pad left open closes by itself

    def _open_admin(self) -> None:
        self._set_mode(ADMIN)
        story = self.result.story
        title = story.title if story else "(histoire illisible)"
        self.admin.open(f"Histoire affichée : {title} — contenu : {self.source}"
                        f"{pack_label(self.played)} — loosstory {__version__}")
        self.idle.start()

    def _back_from_staff(self) -> None:
        if self.mode not in (PIN, ADMIN):
            return
        self.pinpad.hide()
        self.admin.hide()
        if self.content.pending is not None or self._before_staff in (ATTRACT, CLOSED):
            self.reset("admin") if self.recorder.in_visit else self.go_attract()
            return
        self._set_mode(VISIT)
        self.idle.start()

    def _save_pin(self, pin: str) -> str:
        """The staff's new PIN into kiosk.yaml ("" when saved, else why not)."""
        pin_hash, problem = save_new_pin(self.settings, pin)
        if pin_hash:
            self.pinpad.pin_hash = pin_hash
        return problem

    def reload_content(self) -> None:
        folder = self.settings.watch_folder or self.source
        if self.content.submit(folder):
            self.admin.show_details("Recharger le contenu",
                                    f"Vérification de {folder} en cours…")

    def _content_checked(self, ok: bool, source: str) -> None:
        problems = self.content.last_problems
        errors = [p for p in problems if p.is_error]
        if self.mode == ADMIN and self.content.waiting:
            self.admin.show_details("Contenu en attente : l’histoire actuelle continue",
                                    self.content.waiting)
        elif self.mode == ADMIN:
            if ok:
                self.admin.show_details(
                    "Recharger le contenu",
                    f"Contenu vérifié ({source}) : il s'affichera à la fermeture de ce panneau."
                    + (f"\n{len(problems)} avertissement(s) : voir « Derniers problèmes »."
                       if problems else ""))
            else:
                self.admin.show_details(
                    "Contenu refusé : l'histoire actuelle continue",
                    "\n".join(p.format() for p in errors[:40]) or "contenu illisible")
        elif ok and self.mode in (ATTRACT, CLOSED):
            self.go_attract()  # nobody is visiting: the new story takes over now

    def show_problems(self) -> None:
        self.admin.show_details("Derniers problèmes", problems_text(
            self.content.last_source, self.content.last_problems, self.result.problems,
            list(self.recent.records) if self.recent is not None else []))

    def show_figures(self) -> None:
        self.admin.show_details("Chiffres du jour", figures_of_today(self.settings))
