"""Where the two windows go: the projector is chosen by its output name (remembered), or
the screen that is not the primary one; full screen is a frameless window on the screen's
geometry, which also covers the screen on a bare X server with no window manager."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from loosstory.ui.qtlazy import Qt

SETTINGS_KEY = "presenter/audience_screen"


def presenter_settings() -> QSettings:
    """~/.config/loosstory/presenter.ini (tests point QSettings' user path elsewhere)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                     "loosstory", "presenter")


def remembered_screen(settings: QSettings) -> str:
    value = settings.value(SETTINGS_KEY, "")
    return value if isinstance(value, str) else ""


def remember_screen(settings: QSettings, name: str) -> None:
    settings.setValue(SETTINGS_KEY, name)
    settings.sync()


def pick_audience_screen(wanted: str = "") -> QScreen | None:
    """The projector: the screen called ``wanted`` when there is one, else the first one
    that is not the primary; None with one screen (rehearsal in the presenter window)."""
    screens = QGuiApplication.screens()
    if len(screens) < 2:
        return None
    for screen in screens:
        if wanted and screen.name() == wanted:
            return screen
    primary = QGuiApplication.primaryScreen()
    others = sorted((s for s in screens if s is not primary), key=lambda s: s.name())
    return others[0] if others else None


def other_screen(audience: QScreen | None) -> QScreen:
    """The laptop's screen: the primary one, or whichever is not the projector."""
    primary = QGuiApplication.primaryScreen()
    if audience is None or audience is not primary:
        return primary
    return next(s for s in QGuiApplication.screens() if s is not audience)


def cover_screen(window: QWidget, screen: QScreen) -> None:
    """Full screen on ``screen``: frameless, on its geometry, then full screen (a window
    manager honours it; without one the geometry alone covers the screen)."""
    window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
    put_on(window, screen, screen.geometry())
    window.showFullScreen()


def put_on(window: QWidget, screen: QScreen, geometry) -> None:
    """``window`` on ``screen`` (before it is shown: separate X screens cannot be changed
    by moving a mapped window) at ``geometry``, shown."""
    if window.screen() is not screen:
        visible = window.isVisible()
        if visible:
            window.hide()
        window.setScreen(screen)
    window.setGeometry(geometry)
    window.show()
