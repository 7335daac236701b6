"""Tell screen readers what just changed (a page, a panel, a setting)."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget


def announce(widget: QWidget, message: str) -> None:
    """A polite announcement from ``widget`` (QAccessible), and its description updated."""
    widget.setAccessibleDescription(message)
    if QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, message))
