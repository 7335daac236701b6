"""The leak check of every test (tests/leaks.py) finds what it is meant to find."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QObject, QTimer, QVariantAnimation
from PySide6.QtWidgets import QWidget

from tests.leaks import watch


def test_a_timer_left_running_fails_the_test(qapp) -> None:
    with pytest.raises(AssertionError, match="a running QTimer 'tictac' with no parent"):
        with watch("leaky"):
            timer = QTimer(objectName="tictac")
            timer.start(60_000)
    assert not timer.isActive()  # stopped, so that it cannot fire into the next test


def test_a_timer_of_a_closed_widget_is_not_a_leak(qtbot) -> None:
    with watch("clean"):
        widget = QWidget()
        qtbot.addWidget(widget)
        QTimer(widget).start(60_000)
        widget.deleteLater()  # what pytest-qt does with the widgets it was given


def test_an_animation_and_a_delayed_single_shot_are_leaks(qapp) -> None:
    with pytest.raises(AssertionError) as failure:
        with watch("leaky"):
            animation = QVariantAnimation(startValue=0.0, endValue=1.0, duration=60_000)
            animation.start()
            QTimer.singleShot(60_000, lambda: None)
    assert "a running QVariantAnimation" in str(failure.value)
    assert "QTimer.singleShot(60000" in str(failure.value)


def test_a_single_shot_whose_context_is_gone_is_not_a_leak(qapp) -> None:
    class Owner(QObject):
        def later(self) -> None:
            raise AssertionError("called on a deleted object")

    with watch("clean"):
        context, owner = QObject(), Owner()
        QTimer.singleShot(60_000, context, lambda: None)
        QTimer.singleShot(60_000, owner.later)  # a QObject's method: the object is the context
        context.deleteLater()
        owner.deleteLater()


def test_a_thread_left_running_fails_the_test(monkeypatch) -> None:
    import tests.leaks

    monkeypatch.setattr(tests.leaks, "THREAD_GRACE_S", 0.05)
    stop = threading.Event()
    try:
        with pytest.raises(AssertionError, match="a running thread 'fil'"):
            with watch("leaky"):
                threading.Thread(target=stop.wait, name="fil", daemon=True).start()
    finally:
        stop.set()
