"""The talk's clock: elapsed time from the first move (pause, reset), and the pace against
the planned duration. Pure Python; the clock is injected (tests use a fake one)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import NamedTuple

AHEAD, ON_TIME, BEHIND = "ahead", "on-time", "behind"
SLACK_S = 60.0  # more than a minute ahead or behind is said


class TalkTimer:
    """Elapsed seconds of the talk: it starts at :meth:`start` (the first move)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._started: float | None = None  # clock value when (re)started
        self._banked = 0.0  # seconds counted before the last pause
        self._paused = False

    @property
    def started(self) -> bool:
        return self._started is not None or self._banked > 0

    @property
    def paused(self) -> bool:
        return self._paused

    def start(self) -> None:
        """Start counting (nothing if already counting or paused by the presenter)."""
        if self._started is None and not self._paused:
            self._started = self._clock()

    def elapsed(self) -> float:
        running = self._clock() - self._started if self._started is not None else 0.0
        return self._banked + running

    def toggle_pause(self) -> None:
        if self._paused:
            self._paused = False
            self._started = self._clock()
        else:
            self._banked = self.elapsed()
            self._started = None
            self._paused = True

    def reset(self) -> None:
        """Back to 0:00, waiting for the next move."""
        self._started = None
        self._banked = 0.0
        self._paused = False


class Pace(NamedTuple):
    expected_s: float
    delta_s: float  # elapsed - expected: > 0 behind, < 0 ahead
    verdict: str  # AHEAD, ON_TIME, BEHIND


def pace(elapsed_s: float, step: int, steps: int, duration_min: float) -> Pace:
    """Where the talk should be at ``step`` (1-based) of ``steps``: expected time =
    duration × (step − ½) / steps; more than :data:`SLACK_S` off is ahead or behind."""
    steps = max(1, steps)
    step = min(max(1, step), steps)
    expected = duration_min * 60.0 * (step - 0.5) / steps
    delta = elapsed_s - expected
    verdict = BEHIND if delta > SLACK_S else AHEAD if delta < -SLACK_S else ON_TIME
    return Pace(expected, delta, verdict)


def clock_text(seconds: float) -> str:
    """``12:05`` or ``1:02:05``."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
