"""Guard against a Qt binding that mis-counts references to None.

PySide6-Essentials 6.12.0 on Python 3.11 drops a reference to None on every Qt call that
returns nothing; after a few thousand calls Python aborts ("none_dealloc"), which would
kill a kiosk within minutes. pyproject.toml excludes that release; this test fails
loudly if a leaking binding is installed anyway.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget


def test_void_qt_calls_keep_none_alive(qtbot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(200):
        widget.setMinimumWidth(10)
        widget.update()
    drift = before - sys.getrefcount(None)
    assert drift < 50, f"the Qt binding leaks references to None ({drift} per 400 calls)"
