"""Image decoding off the UI thread, scaled to the displayed size, with a bounded cache.

Widgets ask :meth:`ImageLoader.request` for a file at a box size; they get the image at
once when it is cached, otherwise ``None`` now and ``image_ready(key, QImage)`` later.
Raster files are decoded by :class:`QImageReader` with ``setScaledSize`` (a 24-megapixel
JPEG never exists at full size in memory); SVG files are rendered by :class:`QSvgRenderer`
into a :class:`QImage`. No ``QPixmap`` is ever made off the GUI thread.
"""

from __future__ import annotations

import os
import stat
import threading
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path

from PySide6 import QtCore
from PySide6.QtCore import (
    QObject,
    QRect,
    QRunnable,
    QSize,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QImage, QImageReader, QPainter

from loosstory.story.imagecheck import MAX_IMAGE_PIXELS

FIT = "fit"  # the whole image inside the box
COVER = "cover"  # the box filled, centred crop

ImageKey = str


def image_key(path: Path | str, size: QSize | tuple[int, int], mode: str = FIT) -> ImageKey:
    w, h = (size.width(), size.height()) if isinstance(size, QSize) else size
    return f"{mode}|{w}x{h}|{path}"


class _Enums:
    """Enum values the decoders use, looked up once on the GUI thread by :func:`warm_up`
    (worker threads only read them).

    Not at import: the first look-up of PySide6's ``Qt`` namespace builds all of its ~100
    Python enums (~20 ms), and the cover's first frame needs none of them (bench/README.md,
    start-up). ``tests/ui/test_startup.py`` checks that the first frame leaves ``Qt`` unbuilt.
    """

    expand = keep = argb32_pm = rgb32 = transparent = antialias = smooth = None

    @classmethod
    def resolve(cls) -> None:
        if cls.keep is not None:
            return
        qt = QtCore.Qt
        cls.expand = qt.AspectRatioMode.KeepAspectRatioByExpanding
        cls.argb32_pm = QImage.Format.Format_ARGB32_Premultiplied
        cls.rgb32 = QImage.Format.Format_RGB32
        cls.transparent = qt.GlobalColor.transparent
        cls.antialias = QPainter.RenderHint.Antialiasing
        cls.smooth = QPainter.RenderHint.SmoothPixmapTransform
        cls.keep = qt.AspectRatioMode.KeepAspectRatio  # last: the "resolved" mark


_E = _Enums


# A cached image up to this much larger than needed is still used (drawn scaled down),
# and one at most SLACK_PX smaller (drawn 2 px larger: no visible blur), so a layout a few
# pixels off does not decode the same file again.
TOLERANCE = 1.25
SLACK_PX = 2


def _within(have: int, need: int) -> bool:
    return need - SLACK_PX <= have <= TOLERANCE * need + 1


def _fits(image: QSize, box: QSize, mode: str) -> bool:
    """True when an image decoded for another box can be drawn sharp in ``box``."""
    if image.isEmpty() or box.isEmpty():
        return False
    if mode == COVER:  # cropped to its box: it must have the same shape
        if abs(image.width() * box.height() - image.height() * box.width()) > \
                0.01 * image.width() * box.height():
            return False
        shown = box
    else:
        shown = image.scaled(box, _E.keep)
    return _within(image.width(), shown.width()) and _within(image.height(), shown.height())


def _smaller(image: QSize, box: QSize) -> bool:
    """The image, fitted in ``box``, would be drawn larger than it is (a small raster is
    never decoded beyond twice its size: for any bigger box, it would come out the same)."""
    shown = image.scaled(box, _E.keep)
    return shown.width() > image.width() + SLACK_PX and shown.height() > image.height() + SLACK_PX


def _box_covers(bigger: QSize, box: QSize) -> bool:
    """A decode for the box ``bigger`` will fit ``box``, whatever the source's shape."""
    return _within(bigger.width(), box.width()) and _within(bigger.height(), box.height())


def _target_size(source: QSize, box: QSize, mode: str) -> QSize:
    """Size to decode ``source`` at for ``box``: inside it (fit) or covering it (cover)."""
    if source.isEmpty():
        return QSize(box)
    scaled = source.scaled(box, _E.expand if mode == COVER else _E.keep)
    if mode == FIT and scaled.width() > source.width() and not source.isEmpty():
        # Never enlarge a small raster beyond 2x: it only costs memory.
        limit = source * 2
        if scaled.width() > limit.width():
            scaled = source.scaled(limit, _E.keep)
    return QSize(max(1, scaled.width()), max(1, scaled.height()))


def _crop_centre(image: QImage, box: QSize) -> QImage:
    if image.width() <= box.width() and image.height() <= box.height():
        return image
    x = max(0, (image.width() - box.width()) // 2)
    y = max(0, (image.height() - box.height()) // 2)
    return image.copy(QRect(x, y, min(box.width(), image.width()), min(box.height(), image.height())))


def decode(path: Path, box: QSize, mode: str = FIT) -> QImage:
    """Decode ``path`` for ``box``. Thread-safe (no QPixmap); returns a null image on failure.

    The loader calls :func:`warm_up` on the GUI thread before its first decode; a direct
    caller on the GUI thread gets the enums resolved here."""
    _E.resolve()
    if box.isEmpty() or not _regular(path):
        return QImage()
    if path.suffix.lower() == ".svg":
        from PySide6.QtCore import QByteArray
        from PySide6.QtSvg import QSvgRenderer  # first imported by warm_up, on the GUI thread

        from loosstory.story.imagecheck import MAX_SVG_BYTES, svg_problem
        from loosstory.story.safefs import read_bounded

        # From its bytes, once checked: an SVG referring to any file (an <image> of
        # /etc/…, a url(file:…)) or too complex is never drawn (loosstory.story.imagecheck).
        data = read_bounded(path, MAX_SVG_BYTES)
        if svg_problem(data) is not None:
            return QImage()
        renderer = QSvgRenderer(QByteArray(data))
        if not renderer.isValid():
            return QImage()
        size = _target_size(renderer.defaultSize(), box, mode)
        image = QImage(size, _E.argb32_pm)
        image.fill(_E.transparent)
        painter = QPainter(image)
        painter.setRenderHint(_E.antialias)
        painter.setRenderHint(_E.smooth)
        renderer.render(painter)
        painter.end()
    else:
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)
        source = reader.size()
        if source.width() * source.height() > MAX_IMAGE_PIXELS:
            return QImage()  # declared larger than the pixel limit: never decoded
        if source.isValid() and not source.isEmpty():
            reader.setScaledSize(_target_size(source, box, mode))
        image = reader.read()
        if image.isNull():
            return QImage()
        if image.format() not in (_E.rgb32, _E.argb32_pm):
            image = image.convertToFormat(_E.argb32_pm if image.hasAlphaChannel() else _E.rgb32)
    return _crop_centre(image, box) if mode == COVER else image


def _regular(path: Path) -> bool:
    """Only a regular file is handed to a decoder (never a FIFO or a device)."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


_warmed_up = False
# Qt refuses to allocate more than this for one decoded image (a PNG "bomb"); the loader
# already refuses images over MAX_IMAGE_PIXELS (loosstory.story.imagecheck).
ALLOCATION_LIMIT_MB = 256


def warm_up() -> None:
    """Run every decoding path once on the calling (GUI) thread.

    PySide resolves some enums and types lazily on first use; doing that first in two
    threads at once can deadlock. After this, worker threads only reuse what exists.
    The loader calls it before its first decode, not when it is made: ~10 ms that the
    cover's first frame does not wait for (its picture is asked for after that frame).
    """
    global _warmed_up
    if _warmed_up:
        return
    _warmed_up = True
    _E.resolve()
    QImageReader.setAllocationLimit(ALLOCATION_LIMIT_MB)
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice  # for this only: not at start-up
    from PySide6.QtSvg import QSvgRenderer
    svg = QByteArray(b'<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4">'
                     b'<rect width="4" height="4" fill="#123456"/></svg>')
    renderer = QSvgRenderer(svg)
    image = QImage(QSize(4, 4), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(_E.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    for fmt in (b"PNG", b"JPG"):
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, fmt.decode())
        buffer.close()
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        reader = QImageReader(buffer)
        reader.setAutoTransform(True)
        source = reader.size()
        reader.setScaledSize(_target_size(source, QSize(2, 2), FIT))
        _target_size(source, QSize(2, 2), COVER)
        decoded = reader.read()
        decoded.convertToFormat(QImage.Format.Format_RGB32)
        decoded.hasAlphaChannel()
        _crop_centre(image, QSize(2, 2))
        decoded.sizeInBytes()


class _Relay(QObject):
    """Carries results from worker threads to the loader.

    Parentless and held by every running task, so a task finishing after its loader was
    deleted emits into nothing instead of into a dead object.
    """

    decoded = Signal(str, QImage)

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self.threads: set[int] = set()

    def note_thread(self, ident: int) -> None:
        with self._lock:
            self.threads.add(ident)


class _DecodeTask(QRunnable):
    def __init__(self, relay: _Relay, key: ImageKey, path: Path, box: QSize, mode: str):
        super().__init__()
        self.setAutoDelete(True)
        self._relay = relay
        self._key, self._path, self._box, self._mode = key, path, QSize(box), mode

    def run(self) -> None:
        relay = self._relay
        relay.note_thread(threading.get_ident())
        try:
            image = decode(self._path, self._box, self._mode)
        except Exception:  # noqa: BLE001 - a broken file must never reach the UI as an error
            image = QImage()
        # Emitted from the worker thread; the loader lives in the GUI thread, so Qt
        # queues the delivery there.
        try:
            relay.decoded.emit(self._key, image)
        except RuntimeError:  # the application is shutting down
            pass
        # A wrapper the pool may still reference must not pin the relay, path or image.
        self._relay = self._path = self._box = None
        del image


class ImageLoader(QObject):
    """Background decoder with an LRU cache bounded in bytes.

    Signals: ``image_ready(key, QImage)``, ``image_failed(key)``, ``idle()`` when no
    decode is pending.
    """

    image_ready = Signal(str, QImage)
    image_failed = Signal(str)
    idle = Signal()

    def __init__(
        self,
        max_bytes: int = 96 * 1024 * 1024,
        threads: int = 2,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.max_bytes = max_bytes
        self._cache: OrderedDict[ImageKey, QImage] = OrderedDict()
        self._bytes = 0
        self._pending: dict[ImageKey, QSize] = {}  # key -> the box it is decoded for
        self._failed: set[ImageKey] = set()
        self._whole: set[ImageKey] = set()  # decoded smaller than their box: never larger
        self._relay = _Relay()
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(max(1, threads))
        # Emitted from the decoding threads, received here on the GUI thread: the automatic
        # connection queues it (the explicit QueuedConnection would look up PySide6's `Qt`
        # namespace before the first frame, see _Enums).
        self._relay.decoded.connect(self._on_decoded)

    # -- asking ---------------------------------------------------------------------------
    def request(self, path: Path | None, box: QSize, mode: str = FIT) -> QImage | None:
        """The image if cached (and marked recently used); else start decoding, return None."""
        if path is None or box.isEmpty():
            return None
        key = image_key(path, box, mode)
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return cached
        if key not in self._pending and key not in self._failed:
            warm_up()  # on this (GUI) thread, before any decoding thread starts
            self._pending[key] = QSize(box)
            self._pool.start(_DecodeTask(self._relay, key, Path(path), box, mode))
        return None

    def lookup(self, path: Path | None, box: QSize, mode: str = FIT) -> QImage | None:
        """A cached image of ``path`` that can be drawn sharp in ``box``, or None; never
        decodes. Exact key first, then any size between the one needed and TOLERANCE x it."""
        if path is None or box.isEmpty():
            return None
        key = image_key(path, box, mode)
        cached = self._cache.get(key)
        if cached is None:
            prefix, suffix = f"{mode}|", f"|{path}"
            for other, image in reversed(self._cache.items()):  # most recent first
                if other.startswith(prefix) and other.endswith(suffix) and (
                        _fits(image.size(), box, mode)
                        or other in self._whole and _smaller(image.size(), box)):
                    key, cached = other, image
                    break
            else:
                return None
        self._cache.move_to_end(key)
        return cached

    def pending_key(self, path: Path | None, box: QSize, mode: str = FIT) -> ImageKey | None:
        """The key of a decode under way that will suit ``box`` (exact or a bit larger)."""
        if path is None or box.isEmpty():
            return None
        key = image_key(path, box, mode)
        if key in self._pending:
            return key
        prefix, suffix = f"{mode}|", f"|{path}"
        for other, wanted in self._pending.items():
            if other.startswith(prefix) and other.endswith(suffix) and _box_covers(wanted, box):
                return other
        return None

    def prefetch(self, paths: Iterable[Path | None], box: QSize, mode: str = FIT) -> None:
        for path in paths:
            self.request(path, box, mode)

    def has_failed(self, path: Path | None, box: QSize, mode: str = FIT) -> bool:
        return path is None or image_key(path, box, mode) in self._failed

    def is_pending(self, key: ImageKey) -> bool:
        return key in self._pending

    @property
    def pending(self) -> int:
        return len(self._pending)

    @property
    def cached_bytes(self) -> int:
        return self._bytes

    @property
    def cached_count(self) -> int:
        return len(self._cache)

    def clear(self) -> None:
        self._cache.clear()
        self._whole.clear()
        self._bytes = 0
        self._failed.clear()

    def wait_for_done(self, msecs: int = 30000) -> bool:
        """Block until the worker threads are idle (for shutdown and tools, not the UI)."""
        return self._pool.waitForDone(msecs)

    # -- receiving --------------------------------------------------------------------------
    @property
    def decode_threads(self) -> set[int]:
        """Idents of the threads that decoded images (never the GUI thread)."""
        return set(self._relay.threads)

    def _on_decoded(self, key: ImageKey, image: QImage) -> None:
        box = self._pending.pop(key, None)
        if image.isNull():
            self._failed.add(key)
            self.image_failed.emit(key)
        else:
            self._store(key, image)
            if key in self._cache and box is not None and key.startswith(FIT) \
                    and _smaller(image.size(), box):
                self._whole.add(key)  # a small raster at its largest (2x): fits bigger boxes
            self.image_ready.emit(key, image)
        if not self._pending:
            self.idle.emit()

    def _store(self, key: ImageKey, image: QImage) -> None:
        size = image.sizeInBytes()
        if size > self.max_bytes:
            return  # delivered, never kept
        old = self._cache.pop(key, None)
        if old is not None:
            self._bytes -= old.sizeInBytes()
        self._cache[key] = image
        self._bytes += size
        while self._bytes > self.max_bytes and self._cache:
            gone, evicted = self._cache.popitem(last=False)
            self._bytes -= evicted.sizeInBytes()
            self._whole.discard(gone)
