"""A cache of parsed story.yaml files, so that the cover's first frame needs no PyYAML.

Importing PyYAML and parsing story.yaml take ~20 ms of a ~250-ms cold start (bench/README.md,
start-up). A kiosk starts every morning on the same pack, so the app keeps the parsed
document (its value and the position of every key) in a small file and, next time, uses it
when story.yaml's text is exactly the text it was parsed from. Any difference, an unreadable
or foreign cache file, or a document that :mod:`marshal` cannot hold (a YAML date) means an
ordinary parse: the cache can make a start faster, never different.

The files live in ``$LOOSSTORY_CACHE_DIR``, else ``$XDG_CACHE_HOME/loosstory``, else
``~/.cache/loosstory``; ``LOOSSTORY_CACHE_DIR=off`` turns the cache off. One file per pack
(named after the pack's folder), overwritten atomically; a cache that cannot be written is
simply not used. :mod:`loosstory.story.packcache` keeps the whole loaded pack the same way.
"""

from __future__ import annotations

import functools
import marshal
import os
import sys
import zlib
from pathlib import Path

from loosstory import __version__
from loosstory.story.located import Located

_KIND = "loosstory-head-1"  # bumped when what is kept changes

_STORY_PACKAGE = Path(__file__).resolve().parent


def engine_stamp(kind: str) -> str:
    """What a kept file was written by: its kind and format, the engine's version, Python's,
    and the size and time of every module of the story package and of PyYAML's and
    Markdown's main files (a checkout whose parser was edited, or an upgraded library, must
    not read what the old code made)."""
    return f"{kind}|{__version__}|{marshal.version}|{sys.version_info[:3]}|{_code_stamp()}"


@functools.cache
def _code_stamp() -> str:
    stamps = []
    for module in sorted(_STORY_PACKAGE.glob("*.py")) + _library_files():
        info = module.stat()
        stamps.append(f"{module}:{info.st_size}:{info.st_mtime_ns};")
    return "".join(stamps)


def _library_files() -> list[Path]:
    """PyYAML's and Markdown's own files, found without importing them (an upgrade of
    either rewrites them, so what the old versions made is not read back)."""
    from importlib.util import find_spec

    files = []
    for name in ("yaml", "markdown"):
        try:
            spec = find_spec(name)
        except (ImportError, ValueError):
            continue
        if spec is not None and spec.origin and os.path.isfile(spec.origin):
            files.append(Path(spec.origin))
    return files


def cache_dir() -> Path | None:
    """Where parsed files are kept, or None when the cache is off."""
    configured = os.environ.get("LOOSSTORY_CACHE_DIR")
    if configured is not None:
        return None if configured.strip().lower() in ("", "off", "0", "no") else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "loosstory"


def entry(folder_of: Path, suffix: str) -> Path | None:
    """The cache file for the pack in ``folder_of`` (one per pack and ``suffix``), or None."""
    folder = cache_dir()
    if folder is None:
        return None
    where = str(folder_of.resolve()).encode("utf-8", "surrogateescape")
    return folder / f"{folder_of.name[:40]}-{zlib.crc32(where):08x}.{suffix}"


def write_atomically(file: Path, data: bytes) -> bool:
    """``data`` into ``file`` whole or not at all (a reader never sees half a file)."""
    partial = file.with_name(f"{file.name}.{os.getpid()}.tmp")
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(data)
        os.replace(partial, file)
    except OSError:
        try:
            partial.unlink(missing_ok=True)
        except OSError:
            pass
        return False
    return True


def load(source: Path, text: str, rel: str) -> Located | None:
    """The parse of ``text`` (the content of ``source``) kept by :func:`store`, or None."""
    file = entry(source.parent, "head.marshal")
    if file is None:
        return None
    try:
        stamp, kept_text, value, line_offset, positions = marshal.loads(file.read_bytes())
    except Exception:  # noqa: BLE001 - missing, unreadable, truncated, foreign: a miss
        return None
    if kept_text != text or stamp != engine_stamp(_KIND) or not isinstance(positions, dict):
        return None
    return Located(value, rel, line_offset, positions)


def store(source: Path, text: str, located: Located) -> bool:
    """Keep ``located`` (parsed from ``text``, the content of ``source``); False if not kept."""
    file = entry(source.parent, "head.marshal")
    if file is None:
        return False
    try:
        data = marshal.dumps(
            (engine_stamp(_KIND), text, located.value, located.line_offset, located.positions)
        )
    except ValueError:  # a value marshal cannot hold (a date, say): parse every time
        return False
    return write_atomically(file, data)
