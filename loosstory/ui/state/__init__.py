"""The reader's one state (position, screen, language, mode, settings) and its config.

Owned by the composition root (:mod:`loosstory.app`, a mode's controller); every window
and view built on it receives it and subscribes to its signals.
"""

from loosstory.ui.state.config import ReaderConfig
from loosstory.ui.state.settings import Settings
from loosstory.ui.state.state import ReaderState

__all__ = ["ReaderConfig", "ReaderState", "Settings"]
