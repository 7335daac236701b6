"""The kiosk policy: attract loop → visit → idle countdown → reset, plus the staff's way in.

It owns no story logic: it builds a reader (state + window) with the same factory as the
normal app, hosts it in the locked :class:`KioskWindow`, and at every reset throws it away
and builds a fresh one from the story's defaults — so whatever a visitor changed (page,
open panels of the schematic or the timeline, language, text size, contrast, any setting
added later) is gone, without the kiosk having to know about it.

Modes: ``attract`` (the loop runs), ``visit`` (the reader, idle timer running),
``countdown`` (« Vous êtes toujours là ? »), ``pin`` and ``admin`` (staff).
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
from loosstory.modes.kiosk.content import ContentUpdates
from loosstory.modes.kiosk.idle import IdleWatcher
from loosstory.modes.kiosk.lockdown import Lockdown
from loosstory.modes.kiosk.overlay import IdleOverlay
from loosstory.modes.kiosk.pinpad import PinPad
from loosstory.modes.kiosk.resilience import ExceptionHooks, RecentProblems, tune_allocator
from loosstory.modes.kiosk.settings import KioskSettings
from loosstory.modes.kiosk.shell import KioskWindow
from loosstory.modes.kiosk.theme import KioskLook
from loosstory.modes.kiosk.visits import VisitRecorder
from loosstory.story.model import LoadResult
from loosstory.ui.pictures.images import ImageLoader
from loosstory.ui.reader.window import ReaderWindow
from loosstory.ui.state import ReaderConfig, ReaderState

log = logging.getLogger("loosstory.kiosk")

ATTRACT, VISIT, COUNTDOWN, PIN, ADMIN = "attract", "visit", "countdown", "pin", "admin"
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
                 recent: RecentProblems | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        tune_allocator()  # a kiosk runs for months: image buffers must not fragment the heap
        self.settings = settings
        self.result = result
        self.source = source  # the folder staff update (the kiosk plays a checked copy)
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
        self.overlay = IdleOverlay(self.look, settings.countdown_ms)
        self.pinpad = PinPad(self.look, settings.pin_hash)
        self.admin = AdminPanel(self.look)
        for layer in (self.attract, self.overlay, self.pinpad, self.admin):
            self.window.add_layer(layer)

        self.idle = IdleWatcher(settings.idle_ms, self)
        self.lockdown = Lockdown(self.window, settings.admin_chord, settings.admin_corner_taps,
                                 settings.admin_corner_window, settings.admin_long_press, self)
        self.lockdown.forward_key = self._forward_key
        self.recorder = VisitRecorder(store, parent=self)
        self.content = ContentUpdates(settings.data_dir, settings.watch_folder,
                                      round(settings.watch_seconds * 1000), source, self)
        self.hooks = ExceptionHooks(self.recover, lambda f: QTimer.singleShot(0, f))

        self.attract.touched.connect(self.start_visit)
        self.idle.idle.connect(self._on_idle)
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
        self.overlay.stop()
        self.content.poll.stop()
        self._drop_reader()

    def quit(self, why: str = "quit") -> None:
        log.info("arrêt du kiosque (%s)", "personnel" if why == "quit" else why)
        self.recorder.end_visit(why)
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
        self.state, self.loader, self.reader = self.factory(result, self.reader_config)
        self.window.set_reader(self.reader)
        Lockdown.harden(self.reader)
        self.state.set_mode(KIOSK)
        self.recorder.follow(self.state)
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
        self.overlay.stop()
        self.pinpad.hide()
        self.admin.hide()
        pending = self.content.take_pending()
        if pending is not None:
            folder, result = pending
            log.info("nouveau contenu en place : %s", folder)
            self.result = result
            self.attract.set_story(result.story)
            self.look = KioskLook.from_look(result.story.look if result.story else None)
        self._build_reader(self.result)
        self.attract.unavailable = self.state is None or not self.state.playable
        self.attract.begin()
        self._set_mode(ATTRACT)

    def start_visit(self) -> None:
        if self.mode != ATTRACT:
            return
        if self.lockdown.last_press_in_corner:
            return  # the staff's corner: counting taps towards the PIN pad is not a visit
        if self.state is None or not self.state.playable:
            return  # no playable story: the attract loop says so, staff see the problems
        self.attract.stop()
        self._set_mode(VISIT)
        self.recorder.start_visit()
        if self.reader is not None:
            self.reader.setFocus(Qt.FocusReason.OtherFocusReason)
        self.idle.start()

    def _on_idle(self) -> None:
        if self.mode == VISIT:
            self._set_mode(COUNTDOWN)
            self.overlay.begin()
        elif self.mode in (PIN, ADMIN):
            log.info("panneau du personnel laissé ouvert : retour à l'accueil")
            self.reset("idle")

    def _continue(self) -> None:
        if self.mode == COUNTDOWN:
            self._set_mode(VISIT)
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
        self._before_staff = ATTRACT if self.mode == ATTRACT else VISIT
        self.overlay.stop()
        self._set_mode(PIN)
        self.pinpad.open()
        self.idle.start()  # a pad left open closes by itself

    def _open_admin(self) -> None:
        self._set_mode(ADMIN)
        story = self.result.story
        title = story.title if story else "(histoire illisible)"
        self.admin.open(
            f"Histoire affichée : {title} — contenu : {self.source} — loosstory {__version__}"
        )
        self.idle.start()

    def _back_from_staff(self) -> None:
        if self.mode not in (PIN, ADMIN):
            return
        self.pinpad.hide()
        self.admin.hide()
        if self.content.pending is not None or self._before_staff == ATTRACT:
            self.reset("admin") if self.recorder.in_visit else self.go_attract()
            return
        self._set_mode(VISIT)
        self.idle.start()

    def reload_content(self) -> None:
        folder = self.settings.watch_folder or self.source
        if self.content.submit(folder):
            self.admin.show_details("Recharger le contenu",
                                    f"Vérification de {folder} en cours…")

    def _content_checked(self, ok: bool, source: str) -> None:
        problems = self.content.last_problems
        errors = [p for p in problems if p.is_error]
        if self.mode == ADMIN:
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
        elif ok and self.mode == ATTRACT:
            self.go_attract()  # nobody is visiting: the new story takes over now

    def show_problems(self) -> None:
        lines: list[str] = []
        if self.content.last_source:
            lines.append(f"Dernière vérification de contenu ({self.content.last_source}) :")
            lines += [f"  {p.format()}" for p in self.content.last_problems[:40]] or ["  aucun"]
        if self.result.problems:
            lines.append("Histoire affichée :")
            lines += [f"  {p.format()}" for p in self.result.problems[:20]]
        if self.recent is not None and self.recent.records:
            lines.append("Journal (derniers avertissements et erreurs) :")
            lines += [f"  {r}" for r in list(self.recent.records)[-15:]]
        self.admin.show_details("Derniers problèmes",
                                "\n".join(lines) or "Aucun problème signalé.")

    def show_figures(self) -> None:
        try:
            from loosstory.stats.report import as_text, build_report
            from loosstory.stats.store import read_events
        except ImportError:
            self.admin.show_details("Chiffres du jour", "Chiffres indisponibles (sqlite3 absent).")
            return
        today = datetime.now().replace(hour=0, minute=0, second=0, microsecond=0)
        events = read_events(self.settings.stats_file, today.timestamp())
        self.admin.show_details("Chiffres du jour",
                                as_text(build_report(events, today.date())))
