"""A kiosk day must not pile up Python wrappers of the readers it throws away.

Every reset builds a fresh reader and deletes the old one. Nothing long-lived (the kiosk
window, the controller, a module, a signal connection) may keep a Python wrapper of any of
its Qt objects: a wrapper whose C++ object is deleted is never freed while it is referenced,
so a museum kiosk running for months would grow without bound. (PySide6 detail: the
``findChildren`` binding makes the object it is called on the Python-side parent of every
wrapper it returns, so calling it on the kiosk window would keep them all.)
"""

from __future__ import annotations

import gc
from collections import Counter

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtWidgets import QApplication

from loosstory.modes.kiosk import controller as modes

PAGES = ("resilience/intro", "resilience/mine", "resilience/frise", "culture/debut",
         "culture/base", "energie/suite")


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _dead_wrappers() -> Counter:
    """Wrappers still reachable from Python whose C++ object is gone, by type."""
    gc.collect()
    return Counter(type(o).__name__ for o in gc.get_objects()
                   if isinstance(o, QObject) and not shiboken6.isValid(o))


def _day(kiosk, qtbot, visits: int) -> None:
    for _ in range(visits):
        if kiosk.mode == modes.ATTRACT:
            qtbot.mouseClick(kiosk.attract, Qt.MouseButton.LeftButton, pos=QPoint(600, 400))
        assert kiosk.mode == modes.VISIT
        for ref in PAGES:
            kiosk.state.go_to_ref(ref)
            QApplication.processEvents()
        kiosk.state.show_sommaire()
        QApplication.processEvents()
        kiosk.reset("idle")
        _settle()


def test_resets_leave_no_wrapper_of_a_deleted_reader_behind(kiosk, qtbot):
    before = _dead_wrappers()  # what earlier tests in this process left (not the kiosk's)
    _day(kiosk, qtbot, 3)
    after_3 = _dead_wrappers()
    _day(kiosk, qtbot, 7)
    after_10 = _dead_wrappers()
    grown = {name: after_10[name] - after_3[name] for name in after_10
             if after_10[name] > after_3[name]}
    assert grown == {}, f"wrappers of deleted Qt objects pile up with resets: {grown}"
    kept = after_10 - before
    assert sum(kept.values()) == 0, f"wrappers of deleted Qt objects kept: {kept}"
    # nothing of the old readers stays a Python-side child of the long-lived kiosk window
    kept = [o for o in gc.get_referents(kiosk.window)
            if isinstance(o, QObject) and o is not kiosk.window.reader_host
            and not any(o is layer for layer in kiosk.window._layers)]
    assert len(kept) <= 2, [type(o).__name__ for o in kept]


def test_a_kiosk_puts_large_allocations_in_mmap_on_glibc() -> None:
    """A kiosk runs for months: image buffers must not fragment the heap (bench figure 5)."""
    import platform

    from loosstory.modes.kiosk.resilience import tune_allocator

    tuned = tune_allocator()
    if platform.system() == "Linux" and platform.libc_ver()[0] == "glibc":
        assert tuned is True
    else:
        assert tuned is False
