"""The kept parse of story.yaml and the kept loaded pack: a start can be faster, never different.

No Qt here: the story layer and its tests run without PySide6.
"""

from __future__ import annotations

import json
import marshal
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import loosstory.story.loader as loader_module
import loosstory.story.yamlsource as yamlsource
from loosstory.story import parsecache
from loosstory.story.head import load_head
from loosstory.story.loader import load_story
from loosstory.story.model import Problem
from loosstory.story.packcache import fingerprint, load_story_cached
from tests.packs import MINI
from tests.story.packs import FIRST, PNG, SECOND, STORY_YAML, write_pack

ROOT = Path(__file__).resolve().parents[2]

# An unknown key gives a located warning: the problems then carry lines and columns that a
# cache which lost the positions of the keys would get wrong.
STORY_WITH_WARNING = STORY_YAML + "remarque: une clé que le lecteur ne connaît pas\n"


# --- helpers -----------------------------------------------------------------------------


@pytest.fixture
def cache(tmp_path: Path, monkeypatch) -> Path:
    """A cache folder of this test's own (it does not exist until something is kept)."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("LOOSSTORY_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    return write_pack(tmp_path / "pack", story=STORY_WITH_WARNING)


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """The path of every YAML parse made through ``yamlsource.load_located`` (the head
    imports it when it parses, so patching the module's attribute reaches it)."""
    calls: list[str] = []
    real = yamlsource.load_located

    def counting(text, path, line_offset=0):
        calls.append(path)
        return real(text, path, line_offset)

    monkeypatch.setattr(yamlsource, "load_located", counting)
    return calls


@pytest.fixture
def loads(monkeypatch) -> list[tuple[Path, str | None]]:
    """Every real load made by the pack cache (it imports ``load_story`` from the loader
    module when it needs it). ``load_story`` imported above stays the real one."""
    calls: list[tuple[Path, str | None]] = []
    real = loader_module.load_story

    def counting(root, language=None):
        calls.append((Path(root), language))
        return real(root, language)

    monkeypatch.setattr(loader_module, "load_story", counting)
    return calls


def described(problems: list[Problem]) -> list[tuple[Problem, bool]]:
    """Problems with their ``blocking`` flag, which Problem's equality leaves out."""
    return [(problem, problem.blocking) for problem in problems]


def summary(result) -> list:
    """What a reader sees of a loaded pack, spelled out (for readable failures)."""
    story = result.story
    if story is None:
        return []
    return [
        (chapter.id, chapter.title, chapter.question, chapter.colour, chapter.cover,
         [(page.id, page.title, page.html, page.figures, page.links) for page in chapter.pages])
        for chapter in story.chapters
    ]


def assert_same(got, expected) -> None:
    assert summary(got) == summary(expected)
    assert described(got.problems) == described(expected.problems)
    assert got == expected  # every field of the story, the views and the sources too


def rewrite_keeping_size_and_times(file: Path, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` (as long) in ``file``, then put its times back: only the
    text tells the edit apart."""
    assert len(old.encode("utf-8")) == len(new.encode("utf-8"))
    before = file.stat()
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    os.utime(file, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = file.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)


def head_file(pack: Path) -> Path:
    file = parsecache.entry(pack, "head.marshal")
    assert file is not None
    return file


def pack_file(pack: Path) -> Path:
    file = parsecache.entry(pack, "pack.pickle")
    assert file is not None
    return file


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def two_language_pack(root: Path) -> Path:
    story = STORY_YAML.replace("languages: [fr]", "languages: [fr, en]").replace(
        "title: Une histoire d'essai\n",
        "title:\n  fr: Une histoire d'essai\n  en: A test story\n",
    )
    write_pack(root, story=story)
    (root / "en").mkdir()
    (root / "en" / "01-premier.md").write_text(
        FIRST.replace("title: Premier chapitre", "title: First chapter"), encoding="utf-8"
    )
    (root / "en" / "02-second.md").write_text(SECOND, encoding="utf-8")
    return root


# --- the parse of story.yaml (parsecache, through load_head) -----------------------------


def test_cached_head_equals_a_parsed_one_and_the_second_start_parses_nothing(
    pack, cache, parses
) -> None:
    parsed = load_head(pack)
    assert parsed.story is not None and parsed.problems, "the test pack has a warning"
    assert parses == ["story.yaml"]

    first = load_head(pack, cache=True)
    assert parses == ["story.yaml"] * 2
    assert head_file(pack).is_file()
    second = load_head(pack, cache=True)
    assert parses == ["story.yaml"] * 2, "the second start must not parse story.yaml"

    for got in (first, second):
        assert got.story.title == "Une histoire d\u2019essai"
        assert got.story.cover == parsed.story.cover
        assert described(got.problems) == described(parsed.problems)
        assert got == parsed


def test_cached_head_works_with_the_yaml_parser_broken(pack, cache, monkeypatch) -> None:
    parsed = load_head(pack)
    load_head(pack, cache=True)

    def broken(*args, **kwargs):
        raise AssertionError("story.yaml parsed again")

    monkeypatch.setattr(yamlsource, "load_located", broken)
    assert load_head(pack).story is None, "the broken parser is the one the head would use"
    assert load_head(pack, cache=True) == parsed


def test_story_yaml_edited_within_the_same_size_and_times_is_parsed_again(
    pack, cache, parses
) -> None:
    assert load_head(pack, cache=True).story.title == "Une histoire d\u2019essai"
    rewrite_keeping_size_and_times(pack / "story.yaml", "Une histoire d'essai",
                                   "Une aventure d'essai")
    again = load_head(pack, cache=True)
    assert again.story.title == "Une aventure d\u2019essai"
    assert again == load_head(pack)
    assert len(parses) == 3
    # and the new text is the one kept now
    assert load_head(pack, cache=True).story.title == "Une aventure d\u2019essai"
    assert len(parses) == 3


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: b"", id="empty"),
        pytest.param(lambda data: b"\x00garbage\xff" * 10, id="garbage"),
        pytest.param(lambda data: marshal.dumps([1, 2, 3]), id="wrong-shape"),
        pytest.param(lambda data: marshal.dumps(("x", "y", "z", 0, [])), id="wrong-types"),
    ],
)
def test_a_damaged_head_cache_file_is_ignored_then_rewritten(
    pack, cache, parses, damage
) -> None:
    parsed = load_head(pack)
    load_head(pack, cache=True)
    file = head_file(pack)
    file.write_bytes(damage(file.read_bytes()))
    assert len(parses) == 2

    assert load_head(pack, cache=True) == parsed
    assert len(parses) == 3, "the damaged file was not read as a miss"
    assert load_head(pack, cache=True) == parsed
    assert len(parses) == 3, "a good file replaces the damaged one"


def test_head_cache_file_from_another_engine_is_ignored(pack, cache) -> None:
    text = (pack / "story.yaml").read_text(encoding="utf-8")
    parsed = load_head(pack)
    load_head(pack, cache=True)
    kept = marshal.loads(head_file(pack).read_bytes())
    value = dict(kept[2], title="Un faux titre")

    # Written by this engine for this very text: it is used as it is (so the file is where
    # and what the test thinks)...
    head_file(pack).write_bytes(marshal.dumps((kept[0], text, value, kept[3], kept[4])))
    assert load_head(pack, cache=True).story.title == "Un faux titre"
    # ...written by another engine (or version, or parser), it is not.
    head_file(pack).write_bytes(
        marshal.dumps((kept[0] + "-older", text, value, kept[3], kept[4]))
    )
    assert load_head(pack, cache=True) == parsed


@pytest.mark.parametrize("setting", ["off", "OFF", " off ", "", "0", "no"])
def test_head_cache_turned_off_writes_nothing(
    pack, tmp_path, monkeypatch, parses, setting
) -> None:
    monkeypatch.setenv("LOOSSTORY_CACHE_DIR", setting)
    # where the cache would go if the setting were not read
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert parsecache.cache_dir() is None
    assert parsecache.entry(pack, "head.marshal") is None

    parsed = load_head(pack)
    assert load_head(pack, cache=True) == parsed
    assert load_head(pack, cache=True) == parsed
    assert len(parses) == 3, "with the cache off every start parses"
    assert not (tmp_path / "xdg").exists() and not (tmp_path / "home").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack"]


def test_head_cache_in_a_folder_that_cannot_be_made_is_skipped(
    pack, tmp_path, monkeypatch, parses
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("LOOSSTORY_CACHE_DIR", str(blocker / "cache"))
    parsed = load_head(pack)
    assert load_head(pack, cache=True) == parsed
    assert load_head(pack, cache=True) == parsed
    assert len(parses) == 3
    assert blocker.read_text(encoding="utf-8") == "not a folder"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "pack"]


def test_story_yaml_marshal_cannot_hold_is_parsed_every_time(tmp_path, cache, parses) -> None:
    # a YAML date is a datetime.date: an unknown-key warning, and nothing marshal can write
    pack = write_pack(tmp_path / "pack", story=STORY_YAML + "released: 2024-05-01\n")
    parsed = load_head(pack)
    assert parsed.story is not None
    assert any("released" in p.message for p in parsed.warnings)

    assert load_head(pack, cache=True) == parsed
    assert not head_file(pack).exists()
    assert files_under(cache) == []
    assert load_head(pack, cache=True) == parsed
    assert len(parses) == 3


def test_a_story_yaml_that_does_not_parse_is_not_kept(tmp_path, cache, parses) -> None:
    pack = write_pack(tmp_path / "pack", story=STORY_YAML + "title: [pas fermé\n")
    parsed = load_head(pack)
    assert parsed.story is None and parsed.errors
    assert load_head(pack, cache=True) == parsed
    assert load_head(pack, cache=True) == parsed
    assert files_under(cache) == []


def test_two_packs_with_the_same_folder_name_keep_their_own_head(
    tmp_path, cache, parses
) -> None:
    one = write_pack(tmp_path / "a" / "pack")
    two = write_pack(tmp_path / "b" / "pack",
                     story=STORY_YAML.replace("Une histoire d'essai", "Une autre histoire"))
    assert head_file(one) != head_file(two)
    for _ in range(2):
        assert load_head(one, cache=True).story.title == "Une histoire d\u2019essai"
        assert load_head(two, cache=True).story.title == "Une autre histoire"
    assert len(parses) == 2


def test_cache_dir_setting_and_fallbacks(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("LOOSSTORY_CACHE_DIR", str(tmp_path / "mine"))
    assert parsecache.cache_dir() == tmp_path / "mine"
    monkeypatch.delenv("LOOSSTORY_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert parsecache.cache_dir() == tmp_path / "xdg" / "loosstory"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert parsecache.cache_dir() == tmp_path / "home" / ".cache" / "loosstory"


def test_engine_stamp_tells_kinds_apart_and_is_stable() -> None:
    assert parsecache.engine_stamp("a") == parsecache.engine_stamp("a")
    assert parsecache.engine_stamp("a") != parsecache.engine_stamp("b")


def test_write_atomically_writes_whole_files_or_nothing(tmp_path) -> None:
    target = tmp_path / "deep" / "er" / "file.bin"
    assert parsecache.write_atomically(target, b"one")
    assert parsecache.write_atomically(target, b"two, longer")
    assert target.read_bytes() == b"two, longer"
    assert [p.name for p in target.parent.iterdir()] == ["file.bin"], "no partial file left"

    blocker = tmp_path / "a-file"
    blocker.write_bytes(b"x")
    assert not parsecache.write_atomically(blocker / "sub" / "file.bin", b"data")

    folder = tmp_path / "a-folder"
    (folder / "file.bin").mkdir(parents=True)  # os.replace cannot put a file there
    assert not parsecache.write_atomically(folder / "file.bin", b"data")
    assert [p.name for p in folder.iterdir()] == ["file.bin"], "no partial file left"


# --- the whole loaded pack (packcache) ----------------------------------------------------


def test_cached_pack_equals_a_loaded_one_and_the_second_is_not_loaded(
    pack, cache, loads
) -> None:
    expected = load_story(pack)
    assert expected.ok and expected.warnings, "the test pack loads, with a warning"

    first = load_story_cached(pack)
    assert len(loads) == 1
    assert pack_file(pack).is_file()
    second = load_story_cached(pack)
    assert len(loads) == 1, "the second load must come from the cache"
    for got in (first, second):
        assert_same(got, expected)
    assert second.story.chapters[0].pages[1].figures[0].file == (
        pack / "images" / "terril.png"
    ).resolve()


def test_cached_pack_works_with_the_loader_broken(pack, cache, monkeypatch) -> None:
    expected = load_story(pack)
    load_story_cached(pack)

    def broken(*args, **kwargs):
        raise AssertionError("the pack was loaded again")

    monkeypatch.setattr(loader_module, "load_story", broken)
    assert_same(load_story_cached(pack), expected)


@pytest.mark.parametrize(
    ("rel", "old", "new", "seen"),
    [
        ("fr/02-second.md", "Texte de la fin.", "Texte de la FIN.",
         lambda r: "Texte de la FIN." in r.story.chapter("second").pages[-1].html),
        ("story.yaml", "Pour les tests", "Pour les TESTS",
         lambda r: r.story.subtitle == "Pour les TESTS"),
        ("sources.yaml", "Article B", "Article Z",
         lambda r: r.story.sources["SRC-B"].title == "Article Z"),
    ],
    ids=["markdown", "story-yaml", "sources-yaml"],
)
def test_a_text_edit_within_the_same_size_and_times_is_seen(
    pack, cache, loads, rel, old, new, seen
) -> None:
    before = load_story_cached(pack)
    assert not seen(before)
    rewrite_keeping_size_and_times(pack / rel, old, new)
    after = load_story_cached(pack)
    assert seen(after)
    assert len(loads) == 2
    assert_same(after, load_story(pack))
    assert_same(load_story_cached(pack), after)
    assert len(loads) == 2, "the edited pack is kept in its turn"


def test_an_added_then_deleted_image_is_seen(tmp_path, cache, loads) -> None:
    pack = write_pack(tmp_path / "pack", images=("couverture.png",))

    def missing(result) -> list[Problem]:
        return [p for p in result.errors if "terril.png" in p.message]

    assert missing(load_story_cached(pack))
    assert load_story_cached(pack).story.chapters[0].pages[1].figures[0].file is None

    (pack / "images" / "terril.png").write_bytes(PNG)
    added = load_story_cached(pack)
    assert not missing(added)
    assert added.story.chapters[0].pages[1].figures[0].file is not None
    assert_same(added, load_story(pack))

    (pack / "images" / "terril.png").unlink()
    deleted = load_story_cached(pack)
    assert missing(deleted)
    assert_same(deleted, load_story(pack))
    assert len(loads) == 3


def test_any_new_file_of_the_pack_is_a_miss(pack, cache, loads) -> None:
    load_story_cached(pack)
    (pack / "images" / "autre.png").write_bytes(PNG)
    load_story_cached(pack)
    assert len(loads) == 2


def _broken_front_matter(root: Path) -> Path:
    return write_pack(root, chapters={
        "01-premier.md": FIRST.replace("title: Premier chapitre", "title: [pas fermé"),
        "02-second.md": SECOND,
    })


def _unknown_chapter(root: Path) -> Path:
    return write_pack(root, story=STORY_YAML.replace("  - second\n", "  - inconnu\n"))


def _no_story_yaml(root: Path) -> Path:
    write_pack(root)
    (root / "story.yaml").unlink()
    return root


def _unreadable_story_yaml(root: Path) -> Path:
    return write_pack(root, story="title: [pas fermé\n")


@pytest.mark.parametrize(
    "make",
    [_broken_front_matter, _unknown_chapter, _no_story_yaml, _unreadable_story_yaml],
    ids=["broken-front-matter", "unknown-chapter", "no-story-yaml", "unreadable-story-yaml"],
)
def test_a_pack_with_errors_is_kept_with_the_same_problems(tmp_path, cache, loads, make) -> None:
    pack = make(tmp_path / "pack")
    expected = load_story(pack)
    assert expected.errors
    first = load_story_cached(pack)
    second = load_story_cached(pack)
    assert len(loads) == 1
    for got in (first, second):
        assert_same(got, expected)
        assert [p.format() for p in got.problems] == [p.format() for p in expected.problems]
        assert got.playable == expected.playable


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: b"", id="empty"),
        pytest.param(lambda data: b"\x00garbage\xff" * 10, id="garbage"),
        pytest.param(lambda data: pickle.dumps(("not the key", None)), id="other-key"),
        pytest.param(lambda data: pickle.dumps([1, 2, 3]), id="wrong-shape"),
        # the right key, but not a LoadResult
        pytest.param(lambda data: pickle.dumps((pickle.loads(data)[0], "nonsense")),
                     id="not-a-result"),
    ],
)
def test_a_damaged_pack_cache_file_is_ignored_then_rewritten(pack, cache, loads, damage) -> None:
    expected = load_story(pack)
    load_story_cached(pack)
    file = pack_file(pack)
    file.write_bytes(damage(file.read_bytes()))

    assert_same(load_story_cached(pack), expected)
    assert len(loads) == 2, "the damaged file was not read as a miss"
    assert_same(load_story_cached(pack), expected)
    assert len(loads) == 2, "a good file replaces the damaged one"


def test_pack_cache_turned_off_writes_nothing(pack, tmp_path, monkeypatch, loads) -> None:
    monkeypatch.setenv("LOOSSTORY_CACHE_DIR", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    expected = load_story(pack)
    assert_same(load_story_cached(pack), expected)
    assert_same(load_story_cached(pack), expected)
    assert len(loads) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack"]


def test_pack_cache_in_a_folder_that_cannot_be_made_is_skipped(
    pack, tmp_path, monkeypatch, loads
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("LOOSSTORY_CACHE_DIR", str(blocker / "cache"))
    expected = load_story(pack)
    assert_same(load_story_cached(pack), expected)
    assert_same(load_story_cached(pack), expected)
    assert len(loads) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "pack"]


def test_a_missing_folder_is_loaded_not_cached(tmp_path, cache, loads) -> None:
    expected = load_story(tmp_path / "nulle-part")
    assert_same(load_story_cached(tmp_path / "nulle-part"), expected)
    assert_same(load_story_cached(str(tmp_path / "nulle-part")), expected)
    assert len(loads) == 2
    assert files_under(cache) == []


def test_each_language_gets_its_own_story_from_the_cache(tmp_path, cache, loads) -> None:
    pack = two_language_pack(tmp_path / "pack")
    expected = {language: load_story(pack, language) for language in (None, "fr", "en")}
    assert expected["en"].ok and expected["fr"].ok
    assert expected["en"].story.title == "A test story"
    assert expected["fr"].story.title == "Une histoire d\u2019essai"

    for language in ("en", "fr", None, "en", "en", "fr"):
        assert_same(load_story_cached(pack, language), expected[language])
    assert loads[-2:] == [(pack, "en"), (pack, "fr")], "a switch of language is a miss"
    assert load_story_cached(pack, "en").story.chapters[0].title == "First chapter"


def test_two_packs_with_the_same_folder_name_are_not_confused(tmp_path, cache, loads) -> None:
    one = write_pack(tmp_path / "a" / "pack")
    two = write_pack(tmp_path / "b" / "pack",
                     story=STORY_YAML.replace("Une histoire d'essai", "Une autre histoire"))
    for _ in range(2):
        assert load_story_cached(one).story.title == "Une histoire d\u2019essai"
        assert load_story_cached(two).story.title == "Une autre histoire"
    assert len(loads) == 2


def test_a_pack_copied_elsewhere_points_at_its_own_files(tmp_path, cache, loads) -> None:
    import shutil

    one = write_pack(tmp_path / "a" / "pack")
    load_story_cached(one)
    two = tmp_path / "b" / "pack"
    shutil.copytree(one, two, copy_function=shutil.copy2)  # same names, sizes and times
    moved = load_story_cached(two)
    assert moved.story.root == two.resolve()
    assert all(str(f.file).startswith(str(two.resolve()))
               for f in moved.story.figures() if f.file is not None)
    assert_same(moved, load_story(two))


def test_fingerprint_lists_every_file_with_its_text_checksum(pack) -> None:
    prints = fingerprint(pack)
    assert prints == fingerprint(pack)
    names = [row[0] for row in prints]
    assert names == sorted(names)
    assert {"story.yaml", "sources.yaml", "fr/01-premier.md", "fr/02-second.md",
            "images/couverture.png", "images/terril.png", "fr/", "images/"} == set(names)
    text_rows = {row[0]: row for row in prints}
    assert text_rows["fr/01-premier.md"][3] != 0
    assert text_rows["images/terril.png"][3] == 0  # images: size and time only
    assert fingerprint(pack / "nulle-part") is None


def test_an_empty_language_folder_created_after_a_load_is_seen(tmp_path, cache) -> None:
    pack = write_pack(
        tmp_path / "pack", story=STORY_YAML.replace("languages: [fr]", "languages: [fr, en]")
    )
    assert any("en/" in p.message for p in load_story_cached(pack, "en").errors)
    (pack / "en").mkdir()
    assert_same(load_story_cached(pack, "en"), load_story(pack, "en"))


# --- a second process: no PyYAML, no Markdown ---------------------------------------------


def test_a_second_start_imports_neither_yaml_nor_markdown(tmp_path) -> None:
    code = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from loosstory.story.head import load_head\n"
        "from loosstory.story.packcache import load_story_cached\n"
        f"pack = Path({str(MINI)!r})\n"
        "head = load_head(pack, cache=True)\n"
        "result = load_story_cached(pack)\n"
        "print(json.dumps({\n"
        "    'yaml': 'yaml' in sys.modules,\n"
        "    'markdown': 'markdown' in sys.modules,\n"
        "    'title': head.story.title,\n"
        "    'playable': result.playable,\n"
        "    'chapters': [c.id for c in result.story.chapters],\n"
        "    'pages': sum(len(c.pages) for c in result.story.chapters),\n"
        "}))\n"
    )
    env = {**os.environ, "LOOSSTORY_CACHE_DIR": str(tmp_path / "cache")}

    def start() -> dict:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              cwd=ROOT, env=env, timeout=120)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    expected = load_story(MINI)
    first = start()
    assert first["yaml"] and first["markdown"], "the first start parses the pack"
    second = start()
    assert not second["yaml"], "PyYAML imported on a start with everything cached"
    assert not second["markdown"], "Markdown imported on a start with everything cached"
    assert second["playable"] and expected.playable
    assert second["title"] == expected.story.title
    assert second["chapters"] == [c.id for c in expected.story.chapters]
    assert second["pages"] == sum(len(c.pages) for c in expected.story.chapters)
