"""Whatever a person writes in a pack, loading and checking it never raises."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loosstory.story.loader import check_pack, load_story
from loosstory.story.model import LoadResult
from tests.story.packs import FIRST, SECOND, STORY_YAML, write_pack

YAML_LINES = [
    "format: 1",
    "format: 2",
    "id: essai",
    "title: Titre",
    "title: {fr: T, en: T}",
    "languages: [fr]",
    "languages: fr",
    "languages: [FR, 12]",
    "languages: []",
    "path:",
    "  - premier",
    "  - second",
    "  - 3",
    "path: premier",
    "look:",
    "  palette:",
    '    bleu: "#2d4f7c"',
    "    rouge: 12",
    "  accent: bleu",
    '  ink: "#zzz"',
    "cover:",
    "  image: images/couverture.png",
    "  image: ../x",
    "  alt: A",
    "  credit: C",
    "cover: 5",
    "- a",
    "? x",
    ": y",
    "&a [1]",
    "*a",
    "!!python/object:os.system",
    "\t",
    "'",
    '"',
    "{",
    "]",
    "sources: [SRC-A]",
    "id: premier",
    "question: ?",
    "colour: bleu",
    "colour: [1]",
]
MD_LINES = [
    "---",
    "...",
    "## Titre {#page}",
    "## Titre {#page view=schematic}",
    "## {#vide}",
    "##",
    "## Titre {#Bad Id}",
    "### sous-titre",
    "Texte.",
    "",
    "```",
    "~~~",
    '![alt](images/terril.png "l"){#img credit="c"}',
    "![](images/x.png)",
    "![a](/etc/passwd){credit=c}",
    "![a](http://x/y.png)",
    "[lien](#premier)",
    "[lien](#second/fin)",
    "[lien](#nulle/part)",
    "[x](https://x)",
    "<b>gras</b>",
    "<img src=x>",
    "* liste",
    "1. liste",
    "> citation",
    "{#",
    '{credit="',
    "![a](<images/terril.png>)",
]

lines = st.one_of(st.text(max_size=30), st.sampled_from(YAML_LINES + MD_LINES))
documents = st.one_of(st.text(max_size=300), st.lists(lines, max_size=25).map("\n".join))
chapter_text = st.one_of(
    documents,
    st.tuples(
        st.lists(st.sampled_from(YAML_LINES) | st.text(max_size=20), max_size=8),
        st.lists(lines, max_size=20),
    ).map(lambda parts: "---\n" + "\n".join(parts[0]) + "\n---\n" + "\n".join(parts[1])),
)


def assert_no_internal_error(result: LoadResult) -> None:
    internal = [p.format() for p in result.problems if "erreur interne" in p.message]
    assert internal == []
    for problem in result.problems:
        assert problem.severity in ("error", "warning")
        assert problem.line >= 0 and problem.column >= 0 and problem.message


FUZZ = settings(
    max_examples=int(os.environ.get("LOOSSTORY_FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@FUZZ
@given(
    story=st.one_of(documents, st.just(STORY_YAML)),
    first=chapter_text,
    second=st.one_of(chapter_text, st.just(SECOND)),
    sources=st.one_of(st.none(), documents),
)
def test_arbitrary_story_and_chapters_never_raise(
    story: str, first: str, second: str, sources: str | None
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        pack = write_pack(
            Path(folder) / "pack",
            story=story,
            sources=sources,
            chapters={"01.md": first, "02.md": second},
        )
        assert_no_internal_error(load_story(pack))
        assert_no_internal_error(check_pack(pack))


@FUZZ
@given(edit=st.lists(st.tuples(st.integers(0, 2000), st.text(max_size=12)), min_size=1, max_size=6))
def test_small_edits_to_a_good_chapter_never_raise(edit: list[tuple[int, str]]) -> None:
    text = FIRST
    for position, insert in edit:
        position %= len(text) + 1
        text = text[:position] + insert + text[position:]
    with tempfile.TemporaryDirectory() as folder:
        pack = write_pack(Path(folder) / "pack", chapters={"01.md": text, "02.md": SECOND})
        assert_no_internal_error(load_story(pack))


@FUZZ
@given(data=st.binary(max_size=200))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        pack = write_pack(Path(folder) / "pack")
        (pack / "fr" / "02-second.md").write_bytes(data)
        (pack / "sources.yaml").write_bytes(data)
        assert_no_internal_error(check_pack(pack))
