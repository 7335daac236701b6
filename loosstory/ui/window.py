"""The main window: the screens in a stack, keyboard and swipe input, transitions, scale."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from loosstory.story.model import Look
from loosstory.ui import state as screens
from loosstory.ui.cover import CoverScreen
from loosstory.ui.gestures import SwipeDetector, gesture_owner
from loosstory.ui.images import ImageLoader
from loosstory.ui.interactive import VIEW_KEYS
from loosstory.ui.page_view import PageScreen
from loosstory.ui.problems_view import ProblemsScreen
from loosstory.ui.sommaire import SommaireScreen
from loosstory.ui.state import ReaderState
from loosstory.ui.styles import stylesheet
from loosstory.ui.theme import Palette, TypeScale
from loosstory.ui.transitions import Transition

WINDOW_TITLE = "Loos-en-Gohelle — loosstory"

_NEXT_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_PageDown)
_PREVIOUS_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_PageUp)
# Keys left to a focused interactive view; PageUp/PageDown (clicker keys) still turn pages.
def _view_wants_key(view: QWidget, key: int) -> bool:
    """Ask the view (Escape is its own only while a panel is open); VIEW_KEYS otherwise."""
    wants_key = getattr(view, "wants_key", None)
    return wants_key(key) if callable(wants_key) else key in VIEW_KEYS


class ReaderWindow(QMainWindow):
    """Shows whatever screen the state is on; owns no story logic itself."""

    def __init__(
        self,
        state: ReaderState,
        loader: ImageLoader,
        parent: QWidget | None = None,
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
        self.setCentralWidget(root)

        self.screens: dict[str, QWidget] = {}
        self.problems = ProblemsScreen(state, self.palette_)
        self._add(screens.PROBLEMS, self.problems)
        self.cover: CoverScreen | None = None
        self.sommaire: SommaireScreen | None = None
        self.page: PageScreen | None = None
        if state.playable:
            self.cover = CoverScreen(state, loader, self.palette_)
            self.sommaire = SommaireScreen(state, loader, self.palette_)
            self.page = PageScreen(state, loader, self.palette_)
            self._add(screens.COVER, self.cover)
            self._add(screens.SOMMAIRE, self.sommaire)
            self._add(screens.PAGE, self.page)
            self.swipes = SwipeDetector(self.page, state.config.swipe_min_px,
                                        state.config.swipe_min_fraction)
            self.swipes.swiped.connect(self._on_swipe)
            QApplication.instance().installEventFilter(self.swipes)

        self.transition = Transition(root, state.config.transition_ms)
        self._scale: TypeScale | None = None
        state.about_to_change.connect(self.transition.capture)
        state.screen_changed.connect(self._show_screen)
        state.position_changed.connect(self._after_move)
        QApplication.instance().installEventFilter(self)
        self._show_screen(state.screen)
        self.resize(1280, 800)

    def _add(self, name: str, widget: QWidget) -> None:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
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
        palette = QPalette(self.palette())
        for role, colour in (
            (QPalette.ColorRole.Window, p.background), (QPalette.ColorRole.WindowText, p.ink),
            (QPalette.ColorRole.Base, p.background), (QPalette.ColorRole.Text, p.ink),
            (QPalette.ColorRole.Button, p.surface), (QPalette.ColorRole.ButtonText, p.ink),
            (QPalette.ColorRole.Highlight, p.accent), (QPalette.ColorRole.HighlightedText, p.on_accent),
            (QPalette.ColorRole.Link, p.accent_text), (QPalette.ColorRole.PlaceholderText, p.muted),
        ):
            palette.setColor(role, QColor(colour))
        self.setPalette(palette)

    # -- screens --------------------------------------------------------------------------
    def current_screen(self) -> QWidget:
        return self.stack.currentWidget()

    def _show_screen(self, name: str) -> None:
        widget = self.screens.get(name, self.problems)
        self.stack.setCurrentWidget(widget)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
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
        size = self.centralWidget().size() if self.centralWidget() else self.size()
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

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress or not isinstance(obj, QWidget):
            return False
        if obj.window() is not self:
            return False
        return self.handle_key(event)  # type: ignore[arg-type]

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
        view = gesture_owner(focus) if screen == screens.PAGE else None
        if view is not None and _view_wants_key(view, key):
            return False  # an interactive view with the focus uses this key itself
        if screen == screens.PAGE:
            if key in _NEXT_KEYS or key == Qt.Key.Key_Space and not shift and not on_button:
                state.next()
            elif key in _PREVIOUS_KEYS or key == Qt.Key.Key_Space and shift and not on_button:
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
            if key in _NEXT_KEYS or key in (Qt.Key.Key_Space, Qt.Key.Key_Return,
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
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
            if self.page is not None:
                app.removeEventFilter(self.swipes)
        super().closeEvent(event)
