"""Whatever shape a pack's folder takes — links in and out, loops, special files, nested
folders where files were expected — loading, checking, the pack cache and the kiosk's
pre-copy scan never raise, never hang, and nothing outside the pack gets in."""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loosstory.modes.kiosk.content import outside_links
from loosstory.story.loader import check_pack, load_story
from loosstory.story.packcache import fingerprint
from tests.story.packs import SECOND, write_pack

PLACES = [
    "story.yaml", "sources.yaml", "fr", "images", "fr/01-premier.md", "fr/02-second.md",
    "fr/03.md", "fr/timeline.yaml", "fr/schematic.yaml", "images/couverture.png",
    "images/terril.png", "fr/sous", "fr/sous/x.md", "images/a/b/c.png",
]
SHAPES = [
    "link-inside", "link-outside-file", "link-outside-dir", "link-dangling", "link-loop",
    "link-root", "link-absolute-inside", "fifo", "socket", "folder", "empty", "nested",
]
operations = st.lists(st.tuples(st.sampled_from(PLACES), st.sampled_from(SHAPES)),
                      min_size=1, max_size=5)

FS_FUZZ = settings(
    max_examples=int(os.environ.get("LOOSSTORY_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _clear(path: Path) -> None:
    if path.is_symlink() or (path.exists() and not path.is_dir()):
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)


def _shape(pack: Path, outside: Path, place: str, shape: str) -> None:
    path = pack / place
    for parent in list(path.relative_to(pack).parents)[:-1]:
        if os.path.islink(pack / parent):
            return  # a parent is now a link: never create anything through it
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        return  # a parent is now a file: this place cannot be made
    _clear(path)
    if shape == "link-inside":
        os.symlink(os.path.relpath(pack / "images" / "couverture.png", path.parent), path)
    elif shape == "link-outside-file":
        os.symlink(outside / "secret.md", path)
    elif shape == "link-outside-dir":
        os.symlink(outside, path)
    elif shape == "link-dangling":
        os.symlink(pack / "nulle-part", path)
    elif shape == "link-loop":
        os.symlink(path.name, path)
    elif shape == "link-root":
        os.symlink("/", path)
    elif shape == "link-absolute-inside":
        os.symlink(pack / "story.yaml", path)
    elif shape == "fifo":
        os.mkfifo(path)
    elif shape == "socket":
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            server.bind(str(path))
        except OSError:  # a path too long for a socket address
            pass
        server.close()
    elif shape == "folder":
        path.mkdir()
    elif shape == "empty":
        path.write_bytes(b"")
    elif shape == "nested":
        (path / "a" / "b" / "c").mkdir(parents=True)
        (path / "a" / "b" / "c" / "d.md").write_text(SECOND, encoding="utf-8")


def _inside(path: Path | None, pack: Path) -> bool:
    return path is None or Path(os.path.realpath(path)).is_relative_to(os.path.realpath(pack))


@FS_FUZZ
@given(changes=operations)
def test_any_folder_shape_loads_inside_the_pack(changes: list[tuple[str, str]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        outside = Path(folder) / "outside"
        outside.mkdir()
        (outside / "secret.md").write_text(SECOND.replace("id: second", "id: secret"),
                                           encoding="utf-8")
        pack = write_pack(Path(folder) / "pack")
        for place, shape in changes:
            _shape(pack, outside, place, shape)
        start = time.perf_counter()
        for result in (load_story(pack), check_pack(pack)):
            assert not [p for p in result.problems if "erreur interne" in p.message]
            story = result.story
            if story is None:
                continue
            assert "secret" not in [c.id for c in story.chapters]
            for chapter in story.chapters:
                assert _inside(chapter.cover.file if chapter.cover else None, pack)
                for page in chapter.pages:
                    assert all(_inside(f.file, pack) for f in page.figures)
            assert _inside(story.cover.file if story.cover else None, pack)
        prints = fingerprint(pack)
        assert prints is None or len(prints) < 60  # never walked out (a link to / is 1 entry)
        refused = {p.path for p in outside_links(pack)}
        for top, dirs, files in os.walk(pack):
            for name in dirs + files:
                path = Path(top) / name
                rel = path.relative_to(pack).as_posix()
                if path.is_symlink() and not _inside(path, pack):
                    assert rel in refused, rel
        assert time.perf_counter() - start < 10
