"""The main window: the screens in a stack, keyboard and swipe input, transitions, scale."""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Slot
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from loosstory.story.model import Look
from loosstory.ui.look.styles import stylesheet
from loosstory.ui.look.theme import Palette, TypeScale
from loosstory.ui.pictures.images import ImageLoader
from loosstory.ui.qtlazy import Qt, set_enum_property
from loosstory.ui.reader.transitions import Transition
from loosstory.ui.screens.cover import CoverScreen
from loosstory.ui.state import state as screens
from loosstory.ui.state.state import ReaderState
from loosstory.ui.views.registry import preload_views

if TYPE_CHECKING:  # built when the story is there, imported then (not before the cover)
    from loosstory.ui.page.screen import PageScreen
    from loosstory.ui.reader.gestures import SwipeDetector
    from loosstory.ui.screens.problems import ProblemsScreen
    from loosstory.ui.screens.sommaire import SommaireScreen

WINDOW_TITLE = "Loos-en-Gohelle — loosstory"


def _next_keys() -> tuple[int, ...]:  # functions, not constants: see qtlazy
    return (Qt.Key.Key_Right, Qt.Key.Key_PageDown)


def _previous_keys() -> tuple[int, ...]:
    return (Qt.Key.Key_Left, Qt.Key.Key_PageUp)


# Keys left to a focused interactive view; PageUp/PageDown (clicker keys) still turn pages.
def _view_wants_key(view: QWidget, key: int) -> bool:
    """Ask the view (Escape is its own only while a panel is open); VIEW_KEYS otherwise."""
    from loosstory.ui.views.interactive import VIEW_KEYS  # a view is there: imported already

    wants_key = getattr(view, "wants_key", None)
    return wants_key(key) if callable(wants_key) else key in VIEW_KEYS


class ReaderWindow(QWidget):
    """Shows whatever screen the state is on; owns no story logic itself.

    A plain top-level QWidget, not a QMainWindow: a QMainWindow runs an internal animation
    when shown, and the first such private object to meet a Python event filter makes
    PySide6 create every enum of QtCore/QtGui/QtWidgets (~180 Python enums, ~50 ms) before
    the first frame (bench/README.md, start-up).

    The screens are built when the story can fill them: the cover from story.yaml alone
    (``state.loading``), the sommaire and the page screen when the whole story is there,
    the problems screen the first time it is shown.
    """

    def __init__(
        self,
        state: ReaderState,
        loader: ImageLoader,
        parent: QWidget | None = None,
        *,
        eager: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("readerWindow")
        self.setWindowTitle(QCoreApplication.translate("ReaderWindow", WINDOW_TITLE))
        self.state = state
        self.loader = loader
        story = state.story
        self.palette_ = Palette.from_look(story.look if story else Look())
        self._apply_qpalette()

        root = QWidget(self)
        root.setObjectName("readerRoot")
        self.stack = QStackedWidget(root)
        self.stack.setObjectName("screens")
        layout = QVBoxLayout(root)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(root)

        self.screens: dict[str, QWidget] = {}
        self._problems: ProblemsScreen | None = None
        self.cover: CoverScreen | None = None
        self.sommaire: SommaireScreen | None = None
        self.page: PageScreen | None = None
        self.swipes: SwipeDetector | None = None
        self._key_widget: QWidget | None = None  # the focused widget whose keys we read
        self._scale: TypeScale | None = None
        self._eager = eager
        if eager and (state.playable or state.loading):
            self._ensure_screen(screens.COVER)
        if eager and state.playable:
            self._build_story_screens()

        self.transition = Transition(root, state.config.transition_ms)
        state.about_to_change.connect(self.transition.capture)
        state.screen_changed.connect(self._show_screen)
        state.position_changed.connect(self._after_move)
        state.story_loaded.connect(self._on_story_loaded)
        QApplication.instance().focusChanged.connect(self._on_focus_changed)  # reader keys
        self._show_screen(state.screen)
        self.resize(1280, 800)
        self._rescale()  # the style sheet now, before any widget is polished (at show)

    def _build_story_screens(self) -> None:
        """The sommaire and the page screen, once the chapters are loaded; the interactive
        views' modules are imported right after, in idle time, not on a page turn."""
        self._ensure_screen(screens.SOMMAIRE)
        self._ensure_screen(screens.PAGE)
        QTimer.singleShot(0, self, preload_views)

    def _ensure_screen(self, name: str) -> QWidget | None:
        """The screen called ``name``, built now if it is not yet (None: nothing to show)."""
        if name in self.screens:
            return self.screens[name]
        if name == screens.PROBLEMS:
            return self.problems
        state, loader = self.state, self.loader
        widget: QWidget
        if name == screens.COVER and (state.playable or state.loading):
            widget = self.cover = CoverScreen(state, loader, self.palette_)
        elif name == screens.SOMMAIRE and state.playable:
            from loosstory.ui.screens.sommaire import SommaireScreen

            widget = self.sommaire = SommaireScreen(state, loader, self.palette_)
        elif name == screens.PAGE and state.playable:
            from loosstory.ui.page.screen import PageScreen
            from loosstory.ui.reader.gestures import SwipeDetector

            widget = self.page = PageScreen(state, loader, self.palette_)
            self.swipes = SwipeDetector(self.page, state.config.swipe_min_px,
                                        state.config.swipe_min_fraction)
            self.swipes.swiped.connect(self._on_swipe)
            self.swipes.install()  # the page screen and its window only, not the application
        else:
            return None
        self._add(name, widget)
        apply = getattr(widget, "apply_scale", None)
        if self._scale is not None and apply is not None:
            apply(self._scale)
        return widget

    def _on_story_loaded(self) -> None:
        if self._problems is not None:  # made from story.yaml's problems only: rebuilt on use
            self.screens.pop(screens.PROBLEMS, None)
            self.stack.removeWidget(self._problems)
            self._problems.deleteLater()
            self._problems = None
        if self.state.playable and self._eager:
            self._build_story_screens()

    @property
    def problems(self) -> ProblemsScreen:
        """The problems screen (built on first use: most visits never need it)."""
        if self._problems is None:
            from loosstory.ui.screens.problems import ProblemsScreen

            self._problems = ProblemsScreen(self.state, self.palette_)
            self._add(screens.PROBLEMS, self._problems)
            if self._scale is not None:
                self._problems.apply_scale(self._scale)
        return self._problems

    def _add(self, name: str, widget: QWidget) -> None:
        set_enum_property(widget, "focusPolicy", "StrongFocus")  # the cover: before its first frame
        widget.setAccessibleName({
            screens.COVER: self.tr("Couverture"),
            screens.SOMMAIRE: self.tr("Sommaire"),
            screens.PAGE: self.tr("Page du chapitre"),
            screens.PROBLEMS: self.tr("Erreurs du contenu"),
        }[name])
        self.screens[name] = widget
        self.stack.addWidget(widget)

    def _apply_qpalette(self) -> None:
        p = self.palette_
        palette = self.palette()  # a copy (QPalette(QPalette) would build `Qt`: see qtlazy)
        for role, colour in (
            (QPalette.ColorRole.Window, p.background), (QPalette.ColorRole.WindowText, p.ink),
            (QPalette.ColorRole.Base, p.background), (QPalette.ColorRole.Text, p.ink),
            (QPalette.ColorRole.Button, p.surface), (QPalette.ColorRole.ButtonText, p.ink),
            (QPalette.ColorRole.Highlight, p.accent), (QPalette.ColorRole.HighlightedText, p.on_accent),
            (QPalette.ColorRole.Link, p.accent_text), (QPalette.ColorRole.PlaceholderText, p.muted),
        ):
            palette.setColor(role, colour)
        self.setPalette(palette)

    # -- screens --------------------------------------------------------------------------
    def current_screen(self) -> QWidget:
        return self.stack.currentWidget()

    def _show_screen(self, name: str) -> None:
        widget = self._ensure_screen(name) or self.problems
        self.stack.setCurrentWidget(widget)
        widget.setFocus()  # Qt.FocusReason.OtherFocusReason
        self.transition.play(self.state.direction)

    def _after_move(self, chapter: int, page: int) -> None:
        if self.page is not None and self.stack.currentWidget() is self.page:
            if not self.page.isAncestorOf(QApplication.focusWidget()):
                self.page.setFocus(Qt.FocusReason.OtherFocusReason)
            elif isinstance(QApplication.focusWidget(), QAbstractButton) and not \
                    QApplication.focusWidget().isVisible():
                self.page.setFocus(Qt.FocusReason.OtherFocusReason)
        self.transition.play(self.state.direction)

    def images_ready(self) -> bool:
        """True when every image on the current screen is decoded at its displayed size."""
        widget = self.current_screen()
        return bool(getattr(widget, "images_ready", True))

    # -- scale ----------------------------------------------------------------------------
    def _rescale(self) -> None:
        size = self.size()
        scale = TypeScale.for_size(size.width(), size.height())
        if self._scale == scale:
            return
        self._scale = scale
        self.setStyleSheet(stylesheet(self.palette_, scale))
        for widget in self.screens.values():
            apply = getattr(widget, "apply_scale", None)
            if apply is not None:
                apply(scale)

    def resizeEvent(self, event) -> None:  # noqa: N802
        self.transition.finish()
        self._rescale()
        super().resizeEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802
        self._rescale()
        super().showEvent(event)

    def toggle_fullscreen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    # -- input ----------------------------------------------------------------------------
    def _on_swipe(self, direction: int) -> None:
        if self.state.screen == screens.PAGE:
            if direction > 0:
                self.state.next()
            else:
                self.state.previous()

    # Reader keys are read before the focused widget uses them (a button would move the
    # focus on an arrow, the text would scroll), by an event filter on that one widget: no
    # application-wide filter, which would run Python for every event of the application.
    # Keys the focused widget does not take come up to keyPressEvent (or reach the window
    # directly when nothing inside has the focus). Embedded in another window (the kiosk),
    # the host forwards the keys to handle_key instead.
    @Slot(QWidget, QWidget)
    def _on_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        watched = self._key_widget
        if watched is not None and watched is not new:
            if shiboken6.isValid(watched):
                watched.removeEventFilter(self)
            self._key_widget = None
        if new is not None and new is not self and new is not watched and new.window() is self:
            new.installEventFilter(self)
            self._key_widget = new

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress:
            return False
        if not isinstance(obj, QWidget) or obj.window() is not self:
            return False
        return self.handle_key(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if self.isWindow() and self.handle_key(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def handle_key(self, event: QKeyEvent) -> bool:
        """Reader keys; True when the key was used."""
        key = event.key()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key == Qt.Key.Key_F11:
            self.toggle_fullscreen()
            return True
        screen = self.state.screen
        focus = QApplication.focusWidget()
        on_button = isinstance(focus, QAbstractButton)
        state = self.state
        view = None
        if screen == screens.PAGE:
            from loosstory.ui.reader.gestures import gesture_owner  # imported with the page screen

            view = gesture_owner(focus)
        if view is not None and _view_wants_key(view, key):
            return False  # an interactive view with the focus uses this key itself
        if screen == screens.PAGE:
            if key in _next_keys() or key == Qt.Key.Key_Space and not shift and not on_button:
                state.next()
            elif key in _previous_keys() or key == Qt.Key.Key_Space and shift and not on_button:
                state.previous()
            elif key == Qt.Key.Key_Home:
                state.first_in_chapter()
            elif key == Qt.Key.Key_End:
                state.last_in_chapter()
            elif key == Qt.Key.Key_Escape:
                state.show_sommaire()
            else:
                return False
            return True
        if screen == screens.COVER:
            if key in _next_keys() or key in (Qt.Key.Key_Space, Qt.Key.Key_Return,
                                            Qt.Key.Key_Enter) and not on_button:
                state.start()
                return True
            return False
        if screen == screens.SOMMAIRE:
            if key == Qt.Key.Key_Escape:
                state.show_cover()
                return True
            cards = self.sommaire.cards if self.sommaire else []
            if cards and QApplication.focusWidget() is self.sommaire and key in (
                Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Up,
                Qt.Key.Key_Tab,
            ):
                cards[0].setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return False

    def closeEvent(self, event) -> None:  # noqa: N802
        self.loader.wait_for_done(5000)
        self.stop_input()
        super().closeEvent(event)

    def stop_input(self) -> None:
        """Stop watching keys and gestures (closing, or a kiosk dropping this reader)."""
        app = QApplication.instance()
        if app is not None:
            with warnings.catch_warnings():  # stopped twice (closed, then dropped): no warning
                warnings.simplefilter("ignore", RuntimeWarning)
                try:
                    app.focusChanged.disconnect(self._on_focus_changed)
                except (RuntimeError, TypeError):
                    pass
        watched, self._key_widget = self._key_widget, None
        if watched is not None and shiboken6.isValid(watched):
            watched.removeEventFilter(self)
        if self.swipes is not None:
            self.swipes.uninstall()
