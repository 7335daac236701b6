"""The main window: the screens in a stack, keyboard and swipe input, transitions, scale."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, QTimer, Slot
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from loosstory.story.model import Look
from loosstory.ui.look.styles import stylesheet
from loosstory.ui.look.theme import Palette, TypeScale
from loosstory.ui.pictures.images import ImageLoader
from loosstory.ui.qtlazy import Qt, set_enum_property
from loosstory.ui.reader.language import LanguageButton  # over every screen
from loosstory.ui.reader.screens import SCREENS
from loosstory.ui.reader.transitions import Transition
from loosstory.ui.screens.screen import Screen
from loosstory.ui.state.state import PAGE, PROBLEMS, ReaderState
from loosstory.ui.views.registry import preload_views

if TYPE_CHECKING:  # built when the story is there, imported then (not before the cover)
    from loosstory.ui.page.screen import PageScreen
    from loosstory.ui.reader.gestures import SwipeDetector
    from loosstory.ui.reader.keymap import Keymap
    from loosstory.ui.screens.cover import CoverScreen
    from loosstory.ui.screens.problems import ProblemsScreen
    from loosstory.ui.screens.sommaire import SommaireScreen
    from loosstory.ui.settings.panel import SettingsPanel
    from loosstory.ui.speech.reader import ReadAloud

AFTER_SWITCH_MS = 250  # a language switch builds the screens not shown after the one shown
WINDOW_TITLE = QT_TRANSLATE_NOOP("ReaderWindow", "Loos-en-Gohelle — loosstory")


# Keys left to a focused interactive view; PageUp/PageDown (clicker keys) still turn pages.
def _view_wants_key(view: QWidget, key: int) -> bool:
    """Ask the view (Escape is its own only while a panel is open); VIEW_KEYS otherwise."""
    # a view is there: its module is imported already
    from loosstory.ui.views.interactive import VIEW_KEYS, InteractiveView

    return view.wants_key(key) if isinstance(view, InteractiveView) else key in VIEW_KEYS


class ReaderWindow(QWidget):
    """Shows whatever screen the state is on; owns no story logic itself.

    A plain top-level QWidget, not a QMainWindow: a QMainWindow runs an internal animation
    when shown, and the first such private object to meet a Python event filter makes
    PySide6 create every enum of QtCore/QtGui/QtWidgets (~180 Python enums, ~50 ms) before
    the first frame (bench/README.md, start-up).

    The screens (:data:`loosstory.ui.reader.screens.SCREENS`) are built when the story can
    fill them: the cover from story.yaml alone (``state.loading``), the sommaire and the
    page screen when the whole story is there, the problems screen the first time it is
    shown. Keys go through :attr:`keymap` to :attr:`actions`.
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
        # a screen's minimum size (its controls at 200 % text) never makes the window
        # outgrow the display: the window keeps its size, the screens fit in it
        self.stack.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        layout = QVBoxLayout(root)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(root)
        self.language_button = LanguageButton(state, root)

        self.screens: dict[str, Screen] = {}
        self.swipes: SwipeDetector | None = None
        self._key_widget: QWidget | None = None  # the focused widget whose keys we read
        self._scale: TypeScale | None = None
        self._eager = eager
        self._story_language = state.language
        self._keymap: Keymap | None = None  # built on the first key (see keymap.py)
        self.actions: dict[str, Callable[[], object]] = {
            "next": self.next, "previous": self.previous, "start": state.start,
            "first_in_chapter": state.first_in_chapter,
            "last_in_chapter": state.last_in_chapter, "show_sommaire": state.show_sommaire,
            "show_cover": state.show_cover, "toggle_fullscreen": self.toggle_fullscreen,
        }
        if eager:
            self._build_eager_screens()

        from loosstory.ui.settings.button import settings_button  # a plain QPushButton

        self.settings_button = settings_button(self)
        self.settings_button.clicked.connect(self.open_settings)
        self.settings_panel: SettingsPanel | None = None  # built on the first « Aa »
        self.speech: ReadAloud | None = None
        self._reading_band: QWidget | None = None
        self._back: QWidget | None = None  # « Retour », built after the first link followed
        state.history_changed.connect(self._place_settings_button)

        self.transition = Transition(root, state.config.transition_ms)
        state.about_to_change.connect(self.transition.capture)
        state.screen_changed.connect(self._show_screen)
        state.position_changed.connect(self._after_move)
        state.story_loaded.connect(self._on_story_loaded)
        state.settings_changed.connect(self._on_settings_changed)
        state.language_changed.connect(self._on_language_changed)
        QApplication.instance().focusChanged.connect(self._on_focus_changed)  # reader keys
        self._show_screen(state.screen)
        self.resize(1280, 800)
        self._rescale()  # the style sheet now, before any widget is polished (at show)

    # -- screens, from the registry ------------------------------------------------------
    @property
    def keymap(self) -> Keymap:
        """The keys of this window (a mode may replace it with ``reader_keymap().extend``)."""
        if self._keymap is None:
            from loosstory.ui.reader.keymap import reader_keymap  # on the first key

            self._keymap = reader_keymap()
        return self._keymap

    @keymap.setter
    def keymap(self, keymap: Keymap) -> None:
        self._keymap = keymap

    def _build_eager_screens(self) -> None:
        """Every screen the story can fill now; once the page screen exists, the interactive
        views' modules are imported in idle time (not on a page turn)."""
        for name, spec in SCREENS.items():
            if spec.eager and name not in self.screens and spec.available(self.state):
                self._ensure_screen(name)
                if name == PAGE:
                    QTimer.singleShot(0, self, preload_views)

    def _ensure_screen(self, name: str) -> Screen | None:
        """The screen called ``name``, built now if it is not yet (None: nothing to show)."""
        if name in self.screens:
            return self.screens[name]
        spec = SCREENS.get(name)
        if spec is None or not spec.available(self.state):
            return None
        widget = spec.build(self.state, self.loader, self.palette_)
        # The screen takes the focus when shown (its keys reach the window), but Tab never
        # stops on it: ClickFocus, not StrongFocus (an invisible stop, issue 15)
        set_enum_property(widget, "focusPolicy", "ClickFocus")  # the cover: before its first frame
        widget.setAccessibleName(QCoreApplication.translate("ReaderWindow", spec.title))
        self.screens[name] = widget
        self.stack.addWidget(widget)
        if widget.swipes_turn_pages:
            from loosstory.ui.reader.gestures import SwipeDetector

            self.swipes = SwipeDetector(widget, self.state.config.swipe_min_px,
                                        self.state.config.swipe_min_fraction)
            self.swipes.swiped.connect(self._on_swipe)
            self.swipes.install()  # the page screen and its window only, not the application
        if self._scale is not None:
            widget.apply_scale(self._scale)
        return widget

    def _drop_screen(self, name: str) -> None:
        widget = self.screens.pop(name, None)
        if widget is None:
            return
        if self.swipes is not None and widget.swipes_turn_pages:
            self.swipes.uninstall()
            self.swipes = None
        self.stack.removeWidget(widget)
        # Deleted later, but from now on deaf to the state: a language switch must not
        # have the old page screen and its views turn and open along with the new ones.
        for obj in (widget, *widget.findChildren(QObject)):
            self.state.disconnect(obj)
        widget.deleteLater()

    def _on_story_loaded(self) -> None:
        """The whole story arrived, or another replaced it: the screens made from the story
        before (the problems of story.yaml alone, an older story's pages) are made again."""
        shown = self.stack.currentWidget()
        dropped = False
        for name, spec in SCREENS.items():
            if spec.per_story and name in self.screens:
                dropped = dropped or self.screens[name] is shown
                self._drop_screen(name)
        switched = self.state.language != self._story_language  # the same story, translated
        self._story_language = self.state.language
        if self.state.playable and self._eager and not switched:
            self._build_eager_screens()
        if dropped:
            self.stack.setCurrentWidget(self._ensure_screen(self.state.screen) or self.problems)
        if self.state.playable and self._eager and switched:  # the screen shown first, painted,
            QTimer.singleShot(AFTER_SWITCH_MS, self, self._build_eager_screens)  # then the rest

    def _on_language_changed(self, _language: str) -> None:
        """The composition root installed the language's translations: every screen says
        its texts again, with its accessible name."""
        self.setWindowTitle(QCoreApplication.translate("ReaderWindow", WINDOW_TITLE))
        for name, widget in self.screens.items():
            widget.setAccessibleName(QCoreApplication.translate("ReaderWindow",
                                                                SCREENS[name].title))
            widget.retranslate()

    def _on_settings_changed(self, _settings: object) -> None:
        self.transition.duration_ms = 0 if self.state.reduced_motion else (
            self.state.config.transition_ms)
        story = self.state.story
        palette = Palette.high_contrast() if self.state.settings.high_contrast else (
            Palette.from_look(story.look if story else Look()))
        if palette != self.palette_:
            self.palette_ = palette
            self._apply_qpalette()
            self._scale = None  # the style sheet again, in the new colours
        self._rescale()

    # -- the visitor's settings (ui/settings) ----------------------------------------------
    def open_settings(self) -> None:
        """Open the settings panel over the current screen; the focus goes into it."""
        if self.settings_panel is None:
            from loosstory.ui.settings.panel import ReadingBand, SettingsPanel
            from loosstory.ui.speech.reader import ReadAloud

            self.speech = ReadAloud(parent=self)
            self.settings_panel = SettingsPanel(self.state, self.speech, self.text_to_read, self)
            self._reading_band = ReadingBand(self.speech, self)
            if self._scale is not None:
                self.settings_panel.apply_scale(self._scale)
        self.settings_panel.open_panel(self.settings_button)

    def text_to_read(self) -> str:
        """The visible text of the current screen (an open panel's included), in order."""
        from PySide6.QtGui import QTextDocumentFragment
        from PySide6.QtWidgets import QLabel, QTextBrowser

        parts: list[str] = []
        for widget in self.current_screen().findChildren(QWidget):
            if not widget.isVisibleTo(self):
                continue
            if isinstance(widget, QTextBrowser):
                parts.append(widget.toPlainText())
            elif isinstance(widget, QLabel) and widget.text():
                parts.append(QTextDocumentFragment.fromHtml(widget.text()).toPlainText()
                             if "<" in widget.text() else widget.text())
        return "\n".join(parts)

    def stop_reading(self) -> None:
        if self.speech is not None:
            self.speech.stop()

    def _place_settings_button(self) -> None:
        # sized from the window alone, not the text size: at 200 % it stays out of the headers
        side = TypeScale.for_size(self.width(), self.height()).touch
        margin = max(6, side // 8)
        self.settings_button.setGeometry(self.width() - side - margin, margin, side, side)
        self.settings_button.raise_()
        self.language_button.right_reserve = side + margin  # side by side, not on top
        self.language_button.place()
        if self._back is None and self.state.can_go_back:
            from loosstory.ui.reader.back import BackButton

            self._back = BackButton(self.state, self)
        if self._back is not None:
            self._back.place(self.width() - side - 2 * margin, margin, side)
            self._back.refresh()
        if self.settings_panel is not None and self._scale is not None:
            self.settings_panel.apply_scale(self._scale)
            if self.settings_panel.isVisible():
                self.settings_panel.raise_()  # over the « Aa » button while open

    # screens by name, for the tools and tests that look at one
    @property
    def cover(self) -> CoverScreen | None:
        return self.screens.get("cover")  # type: ignore[return-value]

    @property
    def sommaire(self) -> SommaireScreen | None:
        return self.screens.get("sommaire")  # type: ignore[return-value]

    @property
    def page(self) -> PageScreen | None:
        return self.screens.get(PAGE)  # type: ignore[return-value]

    @property
    def problems(self) -> ProblemsScreen:
        """The problems screen (built on first use: most visits never need it)."""
        return self._ensure_screen(PROBLEMS)  # type: ignore[return-value]

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
    def current_screen(self) -> Screen:
        return self.stack.currentWidget()

    def _show_screen(self, name: str) -> None:
        button = self.settings_button
        if button.property("onDark") != (name == "cover"):
            button.setProperty("onDark", name == "cover")  # its focus ring over the dark scene
            if self.isVisible():  # re-polished (not before the first frame: it builds `Qt`)
                button.style().unpolish(button)
                button.style().polish(button)
        widget = self._ensure_screen(name) or self.problems
        self.stack.setCurrentWidget(widget)
        widget.setFocus()  # Qt.FocusReason.OtherFocusReason
        self.transition.play(self.state.direction)

    def _after_move(self, chapter: int, page: int) -> None:
        self.stop_reading()
        shown, path = self.state.page, self.state.path
        if shown is not None and path is not None and self.isVisible():
            from loosstory.ui.settings.announce import announce  # screen readers

            step, total = path.story_progress()
            announce(self, QCoreApplication.translate("ReaderWindow", "{0}, étape {1} sur {2}")
                     .format(shown.title, step, total))
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
        return widget.images_ready if isinstance(widget, Screen) else True

    # -- scale ----------------------------------------------------------------------------
    def _rescale(self) -> None:
        size = self.size()
        scale = TypeScale.for_size(size.width(), size.height(), self.state.settings.text_scale)
        if self._scale == scale:
            return
        self._scale = scale
        self.setStyleSheet(stylesheet(self.palette_, scale))
        for widget in self.screens.values():
            widget.apply_scale(scale)
        self._place_settings_button()

    def resizeEvent(self, event) -> None:  # noqa: N802
        self.transition.finish()
        self._rescale()
        self._place_settings_button()
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
    def next(self) -> None:
        """"Next" in any form: the rest of the screen first (a long page), then the next page."""
        if not self.current_screen().advance(1):
            self.state.next()

    def previous(self) -> None:
        if not self.current_screen().advance(-1):
            self.state.previous()

    def _on_swipe(self, direction: int) -> None:
        if self.state.screen == PAGE:
            if direction > 0:
                self.next()
            else:
                self.previous()

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
        """Reader keys (:attr:`keymap`), then the screen's own; True when the key was used."""
        key = event.key()
        screen = self.state.screen
        shown = self.screens.get(screen)
        if shown is not None and shown.overlay_key(event):
            return True
        focus = QApplication.focusWidget()
        panel = self.settings_panel
        if panel is not None and panel.isVisible():
            if key == Qt.Key.Key_Escape:
                panel.close_panel()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and isinstance(focus, QAbstractButton):
                focus.click()
                return True
            return False  # the panel's own keys (Tab stays inside it)
        self.stop_reading()  # any key stops read-aloud
        alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if (key == Qt.Key.Key_Backspace or (alt and key == Qt.Key.Key_Left)) and self.state.back():
            return True  # Back after a link
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and self._text_size_key(key):
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and isinstance(focus, QAbstractButton) \
                and focus.window() is self.window() and focus.isEnabled():
            focus.click()  # Enter activates a focused button, as Space does
            return True
        if screen == PAGE and key != Qt.Key.Key_F11:
            from loosstory.ui.reader.gestures import gesture_owner  # imported with the page screen

            view = gesture_owner(focus)
            if view is not None and _view_wants_key(view, key):
                return False  # an interactive view with the focus uses this key itself
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        action = self.keymap.action_for(screen, key, shift, isinstance(focus, QAbstractButton))
        if action is not None:
            self.actions[action]()
            return True
        return shown is not None and shown.handle_key(event)

    def _text_size_key(self, key: int) -> bool:
        """Ctrl+plus / Ctrl+minus / Ctrl+0: the text size steps 100, 150, 200 %."""
        steps = (1.0, 1.5, 2.0)
        current = self.state.settings.text_scale
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            bigger = [s for s in steps if s > current + 0.01]
            target = bigger[0] if bigger else steps[-1]
        elif key == Qt.Key.Key_Minus:
            smaller = [s for s in steps if s < current - 0.01]
            target = smaller[-1] if smaller else steps[0]
        elif key == Qt.Key.Key_0:
            target = 1.0
        else:
            return False
        self.state.change_settings(text_scale=target)
        return True

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.BackButton and self.state.back():
            event.accept()
            return
        self.stop_reading()  # any input stops read-aloud
        super().mousePressEvent(event)

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
        self.stop_reading()
        watched, self._key_widget = self._key_widget, None
        if watched is not None and shiboken6.isValid(watched):
            watched.removeEventFilter(self)
        if self.swipes is not None:
            self.swipes.uninstall()
