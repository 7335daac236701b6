from __future__ import annotations

from pathlib import Path

import pytest

from loosstory.story.loader import load_story
from loosstory.story.path import GuidedPath, Position
from tests.story.packs import write_pack


@pytest.fixture
def path(tmp_path: Path) -> GuidedPath:
    story = load_story(write_pack(tmp_path / "pack")).story
    assert story is not None
    return GuidedPath(story)


def refs(path: GuidedPath) -> str:
    return path.page.ref


def test_walks_every_page_in_order_and_stops_at_the_ends(path: GuidedPath) -> None:
    seen = [refs(path)]
    while path.next():
        seen.append(refs(path))
    assert seen == [
        "premier/intro",
        "premier/debut",
        "premier/milieu",
        "premier/sources",
        "second/suite",
        "second/fin",
    ]
    assert path.at_end and not path.next() and refs(path) == "second/fin"
    while path.previous():
        pass
    assert path.at_start and refs(path) == "premier/intro" and not path.previous()


def test_progress_for_chapter_and_story(path: GuidedPath) -> None:
    path.next()
    assert path.chapter_progress() == (2, 4)
    assert path.story_progress() == (2, 6)
    path.go_to_next_chapter()
    assert path.chapter_progress() == (1, 2) and path.story_progress() == (5, 6)


def test_chapter_end_and_next_chapter(path: GuidedPath) -> None:
    assert not path.at_chapter_end
    path.last_in_chapter()
    assert path.at_chapter_end and refs(path) == "premier/sources"
    assert path.next_chapter().id == "second"
    path.first_in_chapter()
    assert refs(path) == "premier/intro"
    path.go_to_next_chapter()
    assert path.next_chapter() is None and not path.go_to_next_chapter()


def test_jumps_by_reference(path: GuidedPath) -> None:
    assert path.go_to_ref("second/fin") and refs(path) == "second/fin"
    assert path.go_to_ref("premier") and refs(path) == "premier/intro"
    assert not path.go_to_ref("second/nulle") and refs(path) == "premier/intro"
    assert not path.go_to_ref("fantome")
    assert not path.go(5, 0) and not path.go(0, 9)
    assert path.position == Position(0, 0)


def test_peek_next_for_prefetching(path: GuidedPath) -> None:
    assert path.peek_next().ref == "premier/debut"
    path.go_to_ref("second/fin")
    assert path.peek_next() is None
