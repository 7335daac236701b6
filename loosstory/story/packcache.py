"""The whole loaded pack kept between runs, for as long as no file of the pack changes.

Loading the bundled pack imports PyYAML and Markdown and parses every file: ~120 ms, most
of a ``loosstory snapshot`` and of the work the app does in the background after its first
frame (holding Python's lock while the cover is being drawn). The result of
:func:`loosstory.story.loader.load_story` (story and problems) is kept with
:mod:`pickle` in the cache folder of :mod:`loosstory.story.parsecache`, under a
fingerprint of the pack: every file's path, size and modification time, and the text of
every YAML and Markdown file (an edit is seen even within the file system's time
resolution). Any difference, a newer or edited engine, or a file that cannot be read back
means an ordinary load, kept for next time. ``loosstory check`` never uses it: it always
reads the pack itself.
"""

from __future__ import annotations

import os
import pickle
import stat
import zlib
from pathlib import Path

from loosstory.story.model import LoadResult
from loosstory.story.parsecache import engine_stamp, entry, write_atomically
from loosstory.story.safefs import MAX_TEXT_BYTES, TooLarge, pack_file, read_bounded

_KIND = "loosstory-pack-1"  # bumped when what is kept changes
_TEXT_SUFFIXES = (".md", ".yaml", ".yml")
_MAX_FILES = 5000  # a folder this big is not a story pack: no cache


def fingerprint(root: Path) -> tuple | None:
    """Every file under ``root``: (relative path, size, mtime, crc32 of its text if it is
    YAML or Markdown), and every folder ("path/"), sorted; None if it cannot be walked.

    Nothing outside the pack is walked or opened: symlinks are not followed (a link is
    listed with where it leads, "path@"), special files are listed, never opened, and a
    text file larger than the loader reads means no cache."""
    found: list[tuple[str, int, int, int]] = []
    stack = [(root, "")]
    try:
        while stack:
            folder, prefix = stack.pop()
            with os.scandir(folder) as entries:
                for item in entries:
                    rel = prefix + item.name
                    if item.is_symlink():
                        target = os.path.realpath(item.path).encode("utf-8", "surrogateescape")
                        found.append((rel + "@", 0, 0, zlib.crc32(target)))
                    elif item.is_dir(follow_symlinks=False):  # listed too: a language
                        found.append((rel + "/", 0, 0, 0))  # folder can be there and empty
                        stack.append((Path(item.path), rel + "/"))
                        continue
                    info = item.stat(follow_symlinks=False)
                    if item.is_symlink():
                        try:  # what the loader would read through the link
                            info = item.stat(follow_symlinks=True)
                        except OSError:
                            continue
                    crc = 0
                    if item.name.endswith(_TEXT_SUFFIXES) and stat.S_ISREG(info.st_mode):
                        if info.st_size > MAX_TEXT_BYTES:
                            return None
                        real, _ = pack_file(root, Path(item.path), rel)
                        if real is not None:
                            crc = zlib.crc32(read_bounded(real, MAX_TEXT_BYTES))
                    found.append((rel, info.st_size, info.st_mtime_ns, crc))
                    if len(found) > _MAX_FILES:
                        return None
    except (OSError, TooLarge):
        return None
    found.sort()
    return tuple(found)


def load_story_cached(root: Path | str, language: str | None = None) -> LoadResult:
    """:func:`loosstory.story.loader.load_story`, from the cache when the pack is unchanged."""
    root = Path(root)
    file = entry(root, "pack.pickle") if root.is_dir() else None
    prints = fingerprint(root) if file is not None else None
    if file is None or prints is None:  # cache off, or no pack to fingerprint
        return _load(root, language)
    key = (engine_stamp(_KIND), str(root.resolve()), language, prints)
    try:
        kept_key, result = pickle.loads(file.read_bytes())
    except Exception:  # noqa: BLE001 - missing, truncated, foreign, renamed class: a miss
        kept_key, result = None, None
    if kept_key == key and isinstance(result, LoadResult):
        return result
    result = _load(root, language)
    try:
        data = pickle.dumps((key, result), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - something in the story pickle cannot hold
        return result
    write_atomically(file, data)
    return result


def _load(root: Path, language: str | None) -> LoadResult:
    from loosstory.story.loader import load_story  # PyYAML, Markdown, the parsers: only now

    return load_story(root, language)
