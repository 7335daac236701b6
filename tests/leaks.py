"""Fail a test that leaves something running behind it: a Python thread, or (once PySide6 is
imported) an active ``QTimer``, a running animation, a running ``QThread``, a thread pool
still working, or a ``QTimer.singleShot`` with a delay that has not fired yet.

Such leftovers fire in a later test, which then fails (or passes) for a reason of its own
making, and they make the suite depend on timing and order. ``tests/conftest.py`` wraps
every test in :func:`watch`.

How the Qt objects are found: the constructors of the few classes that run on their own
(``QTimer``, ``QVariantAnimation``, ``QPropertyAnimation``, ``QThread``, ``QThreadPool``) and
``QTimer.singleShot`` are wrapped once, on the first test run after PySide6 is imported, so
that each object made *during a test* is noted (a weak reference; nothing is kept alive).
After the test, and after pytest-qt has closed the widgets it was given, the deferred
deletions are delivered; whatever of those objects still exists and still runs is a leak.
No walk through the widget tree: a timer with no parent (held by a Python attribute) is
found as well, and the cost is one list per test.
"""

from __future__ import annotations

import gc
import sys
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager

# A thread that has been asked to stop gets this long to end before it counts as a leak
# (a join: the check returns as soon as the thread is done).
THREAD_GRACE_S = 5.0

_made: list[tuple[str, weakref.ref]] | None = None  # objects made during the running test
_shots: list[_Shot] | None = None  # QTimer.singleShot calls with a delay, not fired yet
_installed = False
_in_single_shot = False  # PySide makes a QTimer of its own for a delayed singleShot


class _Shot:
    """One ``QTimer.singleShot(msec, …)`` call: fired yet? its context object, if any."""

    def __init__(self, msec: int, target: object, context: object | None) -> None:
        self.msec, self.target, self.fired = msec, target, False
        self.context = weakref.ref(context) if context is not None else None

    def pending(self) -> bool:
        if self.fired:
            return False
        if self.context is None:
            return True
        import shiboken6

        context = self.context()
        return context is not None and shiboken6.isValid(context)

    def __repr__(self) -> str:
        return f"QTimer.singleShot({self.msec}, {self.target!r}) not fired"


def _install_qt() -> None:
    """Wrap the constructors and ``QTimer.singleShot`` (once per session)."""
    global _installed
    if _installed:
        return
    _installed = True
    from PySide6.QtCore import (
        QObject,
        QPropertyAnimation,
        QThread,
        QThreadPool,
        QTimer,
        QVariantAnimation,
    )

    for cls in (QTimer, QVariantAnimation, QPropertyAnimation, QThread, QThreadPool):
        original = cls.__init__

        def init(self, *args, __original=original, __name=cls.__name__, **kwargs) -> None:
            __original(self, *args, **kwargs)
            if _made is not None and not _in_single_shot:
                _made.append((__name, weakref.ref(self)))

        cls.__init__ = init

    single_shot = QTimer.singleShot

    def tracked_single_shot(msec, *args):
        # singleShot(msec, functor) / (msec, context, functor) / (msec, receiver, member) /
        # (msec, timerType, …): only a Python callable can tell us it has fired. With a
        # context object, Qt drops the call when the context is deleted: not a leak then.
        global _in_single_shot
        if _shots is None or not msec or not args or not callable(args[-1]):
            return single_shot(msec, *args)
        target, head = args[-1], list(args[:-1])
        context = next((a for a in reversed(head) if isinstance(a, QObject)), None)
        if context is None and isinstance(getattr(target, "__self__", None), QObject):
            # a QObject's bound method is its own context for Qt: keep it so with the wrapper
            context = target.__self__
            head.append(context)
        shot = _Shot(msec, target, context)
        _shots.append(shot)

        def fire(*fire_args):
            shot.fired = True
            return target(*fire_args)

        _in_single_shot = True
        try:
            return single_shot(msec, *head, fire)
        finally:
            _in_single_shot = False

    QTimer.singleShot = staticmethod(tracked_single_shot)


def _running_qt() -> list[str]:
    """What of the objects made during the test still exists and still runs."""
    import shiboken6

    found = []
    for name, ref in _made or []:
        obj = ref()
        if obj is None or not shiboken6.isValid(obj):
            continue
        if name == "QTimer":
            running = obj.isActive()
        elif name in ("QVariantAnimation", "QPropertyAnimation"):
            running = obj.state() == obj.State.Running
        elif name == "QThread":
            running = obj.isRunning()
        else:  # QThreadPool
            running = obj.activeThreadCount() > 0
        if running:
            found.append(f"a running {name} {_describe(obj)}")
    found += [repr(shot) for shot in _shots or [] if shot.pending()]
    return found


def _describe(obj) -> str:
    parent = obj.parent() if hasattr(obj, "parent") else None
    name = obj.objectName()
    owner = f"of {type(parent).__name__}" if parent is not None else "with no parent"
    return f"{name!r} {owner}" if name else owner


def _stop_qt() -> None:
    """Stop what leaked so that it cannot fire into the next test."""
    import shiboken6

    for name, ref in _made or []:
        obj = ref()
        if obj is None or not shiboken6.isValid(obj):
            continue
        if name in ("QTimer", "QVariantAnimation", "QPropertyAnimation"):
            obj.stop()
        elif name == "QThread":
            obj.quit()
            obj.wait(int(THREAD_GRACE_S * 1000))
        elif name == "QThreadPool":
            obj.waitForDone(int(THREAD_GRACE_S * 1000))


def _deliver_deletions() -> None:
    """``deleteLater`` of the widgets pytest-qt closed, and of what the test let go."""
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _new_threads(before: set[threading.Thread]) -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t not in before and t.is_alive()
            # a Qt thread that ran Python code shows up as a dummy: the pools cover them
            and not isinstance(t, threading._DummyThread)]


@contextmanager
def watch(test_name: str) -> Iterator[None]:
    """Run one test and fail it if it leaves something running (see the module's text)."""
    global _made, _shots
    qt = "PySide6.QtCore" in sys.modules
    outer = _made, _shots  # a watch inside a watch (tests/test_leaks.py) keeps the outer one
    if qt:
        _install_qt()
        _made, _shots = [], []
    before = set(threading.enumerate())
    try:
        yield
        problems: list[str] = []
        if qt:
            _deliver_deletions()
            if _running_qt():  # maybe only held by a reference cycle: collect, then look again
                gc.collect()
                _deliver_deletions()
                problems += _running_qt()
        for thread in _new_threads(before):
            thread.join(THREAD_GRACE_S)
        problems += [f"a running thread {t.name!r}" for t in _new_threads(before)]
        if problems:
            raise AssertionError(f"{test_name} left running behind it: " + "; ".join(problems))
    finally:
        if qt:
            _stop_qt()
        _made, _shots = outer
