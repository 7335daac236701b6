"""Reading a pack's files without ever leaving the pack or blocking on a special file.

Every file the engine reads for a pack goes through :func:`pack_file` (is it a regular file
whose real location is inside the pack?) and :func:`read_bounded` (open it without
following a last symlink and without blocking, check again what was opened, read at most a
limit). The checks are ``lstat``/``stat`` calls: a few microseconds a file.

A symlink is allowed when it stays inside the pack (``images/a.png -> b.png``); one that
leads outside, a device (``/dev/zero``), a named pipe (FIFO) or a socket is refused with a
message for the author, and never opened.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

# A chapter, story.yaml, sources.yaml, schematic.yaml or timeline.yaml larger than this is
# a mistake (the bundled ones are under 30 KB); it is refused before being read.
MAX_TEXT_BYTES = 2 * 1024 * 1024
# An image file (raster or SVG) larger than this is refused before being decoded.
MAX_IMAGE_BYTES = 40 * 1024 * 1024

OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(
    os, "O_BINARY", 0
)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "un dossier"
    if stat.S_ISFIFO(mode):
        return "un tube nommé (FIFO)"
    if stat.S_ISSOCK(mode):
        return "une socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "un périphérique"
    return "un fichier spécial"


def pack_file(root: Path, file: Path, rel: str) -> tuple[Path | None, str | None]:
    """``file`` (under ``root``) resolved, when it is a regular file inside the pack; else
    (None, French message). A missing file gives (None, None): callers say « introuvable »
    in their own words."""
    try:
        info = os.lstat(file)
    except FileNotFoundError:
        return None, None
    except OSError as error:
        return None, f"« {rel} » illisible : {error.strerror or error}"
    real = file
    if stat.S_ISLNK(info.st_mode) or not _plain_parents(root, file, rel):
        base = Path(os.path.realpath(root))
        real = Path(os.path.realpath(file))
        if not real.is_relative_to(base):
            return None, (
                f"« {rel} » est un lien qui mène hors du dossier du contenu ({real}) : "
                "copiez le fichier lui-même dans le dossier"
            )
        try:
            info = os.stat(real)
        except OSError:
            return None, f"« {rel} » est un lien cassé : remplacez-le par le fichier lui-même"
    if not stat.S_ISREG(info.st_mode):
        return None, (
            f"« {rel} » est {_kind(info.st_mode)}, pas un fichier ordinaire : "
            "remplacez-le par un vrai fichier"
        )
    return real, None


def _plain_parents(root: Path, file: Path, rel: str) -> bool:
    """True when no folder between ``root`` and ``file`` is a symlink (lstat only).
    ``rel`` is ``file`` relative to ``root`` when the caller wrote it so ("fr/01.md")."""
    if os.path.join(root, rel) != os.fspath(file):
        try:
            rel = file.relative_to(root).as_posix()
        except ValueError:
            return False
    folder = os.fspath(root)
    for part in rel.split("/")[:-1]:
        folder = os.path.join(folder, part)
        try:
            if stat.S_ISLNK(os.lstat(folder).st_mode):
                return False
        except OSError:
            return False
    return True


class TooLarge(Exception):
    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    Opened without following a symlink and without blocking (a FIFO put in the file's
    place after :func:`pack_file` looked at it is not waited for); raises :class:`TooLarge`
    when the file holds more than ``limit`` bytes, OSError when it is not a regular file.
    """
    fd = os.open(path, OPEN_FLAGS)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(0, f"{_kind(info.st_mode)}, pas un fichier ordinaire")
        if info.st_size > limit:
            raise TooLarge(info.st_size)
        chunks = []
        total = 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # grew while being read
                raise TooLarge(total)
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_head_tail(path: Path, head: int, tail: int) -> tuple[bytes, bytes, int]:
    """The first ``head`` and last ``tail`` bytes of a regular file, and its size."""
    fd = os.open(path, OPEN_FLAGS)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(0, f"{_kind(info.st_mode)}, pas un fichier ordinaire")
        first = os.read(fd, head)
        last = b""
        if info.st_size > head and tail:
            os.lseek(fd, max(head, info.st_size - tail), os.SEEK_SET)
            last = os.read(fd, tail)
        elif tail:
            last = first[-tail:]
        return first, last, info.st_size
    finally:
        os.close(fd)


def size_text(size: int) -> str:
    """A byte count for authors: « 3,2 Mo », « 850 Ko »."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} Mo".replace(".", ",")
    return f"{max(1, size // 1024)} Ko"
