"""A desktop user's settings, remembered between runs (QSettings); kiosks never keep them."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from loosstory.ui.state.settings import DEFAULT_SETTINGS, Settings

GROUP = "visitor"


def _qsettings() -> QSettings:
    # INI format, user scope: ~/.config/loosstory/loosstory.ini (tests point it elsewhere)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "loosstory",
                     "loosstory")


def load_settings() -> Settings:
    """The settings saved by the last run (defaults for anything missing or unreadable)."""
    store = _qsettings()
    store.beginGroup(GROUP)
    try:
        scale = float(store.value("text_scale", DEFAULT_SETTINGS.text_scale))
    except (TypeError, ValueError):
        scale = DEFAULT_SETTINGS.text_scale
    scale = min(2.0, max(1.0, scale))

    def flag(name: str, default: bool) -> bool:
        value = store.value(name, default)
        return value in (True, "true", "1", 1)

    settings = Settings(
        text_scale=scale,
        high_contrast=flag("high_contrast", DEFAULT_SETTINGS.high_contrast),
        reduced_motion=flag("reduced_motion", DEFAULT_SETTINGS.reduced_motion),
        read_aloud=False,  # never starts speaking by itself at start-up
    )
    store.endGroup()
    return settings


def save_settings(settings: Settings) -> None:
    store = _qsettings()
    store.beginGroup(GROUP)
    store.setValue("text_scale", settings.text_scale)
    store.setValue("high_contrast", settings.high_contrast)
    store.setValue("reduced_motion", settings.reduced_motion)
    store.endGroup()
    store.sync()
