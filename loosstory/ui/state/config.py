"""Reader settings: durations, cache sizes, gesture thresholds.

Tests build a ``ReaderConfig(transition_ms=0)`` so nothing waits on an animation.
"""

from __future__ import annotations

from typing import NamedTuple


class ReaderConfig(NamedTuple):
    """How a reader behaves: timings, gestures, image cache and prefetch (kiosk, tests)."""

    transition_ms: int = 280  # page / screen transition; 0 = none (reduced motion, tests)
    # decoded images kept in memory; 48 MB keeps peak memory within floor + 150 MB with
    # 24-megapixel photographs (bench figure 4) and still holds ~20 figures at 1080p
    image_cache_bytes: int = 48 * 1024 * 1024
    decode_threads: int = 2  # background threads decoding images
    prefetch: bool = True  # decode the next page's figures while the reader reads
    swipe_min_fraction: float = 0.06  # a swipe is at least this fraction of the width…
    swipe_min_px: int = 50  # …and at least this many pixels
    resize_debounce_ms: int = 60  # re-decode images this long after the last resize
