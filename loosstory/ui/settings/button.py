"""The « Aa » button, on every screen from the first frame (a plain QPushButton: no costly
import before the cover paints; the panel it opens is built on the first press)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton, QWidget


def settings_button(parent: QWidget) -> QPushButton:
    """The « Aa » button (named for screen readers)."""
    button = QPushButton(parent)
    button.setText("Aa")
    button.setObjectName("settingsButton")
    button.setAccessibleName(QCoreApplication.translate(
        "SettingsPanel", "Réglages d’affichage et de lecture"))
    button.setAutoDefault(False)
    return button
