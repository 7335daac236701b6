"""Keeping the kiosk alive: a rotating log file and exception hooks that return to the
attract loop instead of dying (the systemd unit restarts whatever still dies)."""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
import traceback
from collections import deque
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger("loosstory.kiosk")


class RecentProblems(logging.Handler):
    """The last warnings and errors, kept in memory for the admin panel."""

    def __init__(self, size: int = 30) -> None:
        super().__init__(logging.WARNING)
        self.records: deque[str] = deque(maxlen=size)
        self.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s",
                                            "%d/%m %H:%M:%S"))

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.records.append(self.format(record).split("\n", 1)[0][:300])
        except Exception:  # noqa: BLE001
            pass


class LogFile(logging.handlers.RotatingFileHandler):
    """The rotating log file, which says once on stderr that it cannot write (a full disk)
    and then drops its messages quietly, instead of printing a « --- Logging error --- »
    traceback for every message (the admin panel's recent problems still get them)."""

    failed = False

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging API)
        if self.failed:
            return
        self.failed = True
        error = sys.exc_info()[1]
        try:
            sys.stderr.write(f"loosstory: journal impossible dans {self.baseFilename} "
                             f"({error}) ; les messages suivants ne sont plus écrits\n")
        except Exception:  # noqa: BLE001 - stderr itself may be gone
            pass

    def close(self) -> None:
        try:
            super().close()
        except OSError:  # the last flush on a full disk
            pass


def setup_logging(log_file: Path, max_bytes: int = 1_000_000,
                  backups: int = 5) -> tuple[logging.Handler | None, RecentProblems]:
    """Log to ``log_file`` (rotating, 5 × 1 MB) and keep recent problems in memory."""
    root = logging.getLogger("loosstory")
    root.setLevel(logging.INFO)
    handler: logging.Handler | None = None
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handler = LogFile(log_file, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    except OSError as error:
        print(f"loosstory: journal impossible dans {log_file} : {error}", file=sys.stderr)
    recent = RecentProblems()
    root.addHandler(recent)
    return handler, recent


class ExceptionHooks:
    """``sys.excepthook`` and ``threading.excepthook`` that log the error and call
    ``recover`` (back to the attract loop) on the UI thread, instead of ending the app."""

    def __init__(self, recover: Callable[[], None],
                 call_soon: Callable[[Callable[[], None]], None]) -> None:
        self.recover = recover
        self.call_soon = call_soon  # runs a function on the UI thread
        self.count = 0
        self._previous = (sys.excepthook, threading.excepthook)

    def install(self) -> None:
        sys.excepthook = self._hook
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous

    def _hook(self, kind, error, tb) -> None:
        self.count += 1
        try:
            log.error("erreur inattendue, retour à l'écran d'accueil :\n%s",
                      "".join(traceback.format_exception(kind, error, tb)))
        except Exception:  # noqa: BLE001 - the hook must never raise
            pass
        try:
            self.call_soon(self._recover)
        except Exception:  # noqa: BLE001
            pass

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        self._hook(args.exc_type, args.exc_value, args.exc_traceback)

    def _recover(self) -> None:
        try:
            self.recover()
        except Exception:  # noqa: BLE001
            log.exception("retour à l'accueil impossible après une erreur")


_M_MMAP_THRESHOLD = -3  # glibc's mallopt() parameter
MMAP_THRESHOLD = 128 * 1024
_allocator_tuned: bool | None = None


def tune_allocator() -> bool:
    """Large allocations (decoded images, 1-10 MB) straight to mmap, for a kiosk running for
    months: glibc otherwise raises its mmap threshold after the first large frees, puts the
    later image buffers in the heap and fragments it as the image cache churns (bench
    figure 5: RSS grew ~10 MB per 2,000 steps without, flat with). Setting the threshold also
    turns glibc's dynamic threshold off. The same as MALLOC_MMAP_THRESHOLD_=131072 in the
    environment; True when set (glibc), False elsewhere (musl, macOS, Windows)."""
    global _allocator_tuned
    if _allocator_tuned is None:
        _allocator_tuned = False
        if sys.platform.startswith("linux"):
            try:
                import ctypes

                libc = ctypes.CDLL(None)
                mallopt = getattr(libc, "mallopt", None)
                if mallopt is not None:
                    _allocator_tuned = bool(mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD))
            except OSError:
                pass
    return _allocator_tuned
