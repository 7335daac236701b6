from __future__ import annotations

from pathlib import Path

import pytest

from loosstory.story.loader import load_story
from tests.story.packs import FIRST, SECOND, STORY_YAML, write_pack


def problems_of(result, severity=None):
    return [p for p in result.problems if severity is None or p.severity == severity]


def find(result, fragment: str, severity: str = "error"):
    matches = [p for p in result.problems if fragment in p.message and p.severity == severity]
    assert matches, (
        f"no {severity} containing {fragment!r} in {[p.format() for p in result.problems]}"
    )
    return matches[0]


def test_good_pack_loads_in_guided_path_order(tmp_path: Path) -> None:
    result = load_story(write_pack(tmp_path / "pack"))
    assert result.errors == [], [p.format() for p in result.errors]
    story = result.story
    assert story is not None and result.ok
    assert story.title == "Une histoire d\u2019essai"
    assert [c.id for c in story.chapters] == ["premier", "second"]
    first = story.chapters[0]
    # intro page + 2 pages + the Sources page made from the front matter
    assert [p.id for p in first.pages] == ["intro", "debut", "milieu", "sources"]
    assert first.pages[0].title == "Premier chapitre"
    assert first.colour == "#2d4f7c"
    assert story.look.ink == "#1f2326" and story.look.accent == "#2d4f7c"
    assert first.cover is not None and first.cover.file is not None
    assert first.question == "Comment commence l\u2019histoire\u00a0?"  # French spacing


def test_page_content_figures_and_links(tmp_path: Path) -> None:
    story = load_story(write_pack(tmp_path / "pack")).story
    page = story.chapters[0].pages[1]
    assert "<strong>important</strong>" in page.html
    assert '<a href="#second/fin">lien vers la suite</a>' in page.html
    assert "terril.png" not in page.html, "figures are taken out of the flowing text"
    (figure,) = page.figures
    assert (figure.id, figure.alt, figure.caption, figure.credit) == (
        "terril",
        "Un terril au soleil",
        "Le terril",
        "Illustration d'essai",
    )
    assert figure.file is not None and figure.file.name == "terril.png"
    assert (
        figure.line
        == FIRST.splitlines().index(
            next(line for line in FIRST.splitlines() if line.startswith("![Un terril"))
        )
        + 1
    )
    assert [(link.target, link.line) for link in page.links] == [("second/fin", 16)]


def test_sources_page_lists_titles_and_addresses_as_text(tmp_path: Path) -> None:
    story = load_story(write_pack(tmp_path / "pack")).story
    sources = story.chapters[0].pages[-1]
    assert sources.kind == "sources" and sources.title == "Sources"
    shown = sources.html.replace("\u200b", "").replace("\u2060", "")  # break hints (issue 15)
    assert "Source officielle A" in shown and "example.org/a" in shown
    assert "https://" not in sources.html, "addresses are shown short, without the scheme"
    assert "★" not in sources.html and "☆" not in sources.html, "confidence is for authors"
    assert "<a " not in sources.html, "addresses are shown, never linked"


def test_missing_story_yaml(tmp_path: Path) -> None:
    (tmp_path / "vide").mkdir()
    result = load_story(tmp_path / "vide")
    assert result.story is None
    assert result.errors[0].path == "story.yaml" and "introuvable" in result.errors[0].message


def test_missing_directory(tmp_path: Path) -> None:
    result = load_story(tmp_path / "nulle-part")
    assert result.story is None and "introuvable" in result.errors[0].message


def test_yaml_syntax_error_has_its_line(tmp_path: Path) -> None:
    broken = STORY_YAML.replace("title: Une histoire d'essai", "title: [Une histoire")
    result = load_story(write_pack(tmp_path / "pack", story=broken))
    problem = find(result, "YAML illisible")
    assert problem.path == "story.yaml" and problem.line in (3, 4, 5)


def test_yaml_error_in_front_matter_points_into_the_chapter(tmp_path: Path) -> None:
    broken = FIRST.replace("question: Comment commence l'histoire ?", "question: [oups")
    result = load_story(
        write_pack(tmp_path / "pack", chapters={"01-premier.md": broken, "02-second.md": SECOND})
    )
    problem = find(result, "YAML illisible")
    assert problem.path == "fr/01-premier.md" and 4 <= problem.line <= 6


def test_unknown_and_missing_keys(tmp_path: Path) -> None:
    story = STORY_YAML.replace("subtitle: Pour les tests", "sous_titre: Pour les tests")
    chapter = FIRST.replace("colour: bleu\n", "couleur: bleu\n").replace(
        "question: Comment commence l'histoire ?\n", ""
    )
    result = load_story(
        write_pack(
            tmp_path / "pack",
            story=story,
            chapters={"01-premier.md": chapter, "02-second.md": SECOND},
        )
    )
    unknown = find(result, "« sous_titre » inconnue", "warning")
    assert (unknown.path, unknown.line) == ("story.yaml", 4)
    unknown_front = find(result, "« couleur » inconnue", "warning")
    assert (unknown_front.path, unknown_front.line) == ("fr/01-premier.md", 7)
    missing = find(result, "« question » manquante")
    assert missing.path == "fr/01-premier.md"


def test_duplicate_ids(tmp_path: Path) -> None:
    second = SECOND.replace("id: second", "id: premier")
    dup_page = FIRST.replace("## Le milieu {#milieu}", "## Le milieu {#debut}")
    dup_image = FIRST.replace(
        "## Le milieu {#milieu}\n",
        '## Le milieu {#milieu}\n\n![Autre](images/terril.png "x"){#terril credit="c"}\n',
    )
    result = load_story(write_pack(tmp_path / "a", chapters={"01.md": FIRST, "02.md": second}))
    assert find(result, "identifiant de chapitre « premier » déjà utilisé").path == "fr/02.md"
    result = load_story(write_pack(tmp_path / "b", chapters={"01.md": dup_page, "02.md": SECOND}))
    page_dup = find(result, "« debut » déjà utilisé")
    assert page_dup.line == dup_page.splitlines().index("## Le milieu {#debut}") + 1
    result = load_story(write_pack(tmp_path / "c", chapters={"01.md": dup_image, "02.md": SECOND}))
    image_dup = find(result, "« terril » (image) déjà utilisé")
    assert image_dup.path == "fr/01.md" and image_dup.line > 16


def test_broken_internal_link_has_line_and_column(tmp_path: Path) -> None:
    chapter = FIRST.replace("(#second)", "(#troisieme)")
    result = load_story(write_pack(tmp_path / "pack", chapters={"01.md": chapter, "02.md": SECOND}))
    problem = find(result, "lien cassé « #troisieme »")
    line_text = chapter.splitlines()[problem.line - 1]
    assert line_text.startswith("Encore du texte")
    assert line_text[problem.column - 1 :].startswith("#troisieme")


def test_links_to_pages_and_chapters_resolve(tmp_path: Path) -> None:
    chapter = FIRST.replace("(#second)", "(#second/nulle)")
    result = load_story(write_pack(tmp_path / "pack", chapters={"01.md": chapter, "02.md": SECOND}))
    find(result, "lien cassé « #second/nulle »")
    assert len([p for p in result.errors if "lien cassé" in p.message]) == 1  # #second/fin is fine


@pytest.mark.parametrize(
    "target", ["https://example.org", "mailto:a@b.c", "fichier.pdf", "../secret.md"]
)
def test_external_links_are_refused(tmp_path: Path, target: str) -> None:
    chapter = FIRST.replace("(#second)", f"({target})")
    result = load_story(write_pack(tmp_path / "pack", chapters={"01.md": chapter, "02.md": SECOND}))
    find(result, f"lien « {target} » refusé")
    page = result.story.chapters[0].pages[2]
    assert target not in page.html, "a refused link is never kept as a link"


def test_missing_image_file(tmp_path: Path) -> None:
    result = load_story(write_pack(tmp_path / "pack", images=("couverture.png",)))
    problem = find(result, "fichier introuvable : « images/terril.png »")
    assert problem.path == "fr/01-premier.md" and problem.line == 18
    figure = result.story.chapters[0].pages[1].figures[0]
    assert figure.file is None and figure.caption == "Le terril"
    # `check` fails, but the story still plays with a placeholder in place of the image
    assert not result.ok and result.playable


@pytest.mark.parametrize(
    "src",
    [
        "/etc/passwd",
        "../images/terril.png",
        "http://example.org/a.jpg",
        "C:\\photos\\a.jpg",
        "file:///etc/passwd",
    ],
)
def test_image_paths_must_stay_inside_the_pack(tmp_path: Path, src: str) -> None:
    chapter = FIRST.replace("images/terril.png", src)
    result = load_story(write_pack(tmp_path / "pack", chapters={"01.md": chapter, "02.md": SECOND}))
    problem = find(result, "image :")
    assert problem.line == 18
    assert result.story.chapters[0].pages[1].figures[0].file is None


def test_images_without_alt_or_credit(tmp_path: Path) -> None:
    chapter = FIRST.replace("![Un terril au soleil]", "![]").replace(
        '{#terril credit="Illustration d\'essai"}', "{#terril}"
    )
    result = load_story(write_pack(tmp_path / "pack", chapters={"01.md": chapter, "02.md": SECOND}))
    assert find(result, "sans texte alternatif").line == 18
    assert find(result, "sans crédit").line == 18


def test_image_without_caption_is_a_warning(tmp_path: Path) -> None:
    chapter = FIRST.replace(' "Le terril"', "")
    result = load_story(write_pack(tmp_path / "pack", chapters={"01.md": chapter, "02.md": SECOND}))
    assert find(result, "sans légende", "warning").line == 18


def test_empty_page(tmp_path: Path) -> None:
    chapter = SECOND.replace("Texte de la suite.\n", "\n")
    result = load_story(write_pack(tmp_path / "pack", chapters={"01.md": FIRST, "02.md": chapter}))
    problem = find(result, "page « La suite » vide")
    assert (problem.path, problem.line) == ("fr/02.md", 7)


def test_guided_path_naming_an_unknown_chapter(tmp_path: Path) -> None:
    story = STORY_YAML.replace("  - second\n", "  - second\n  - fantome\n")
    result = load_story(write_pack(tmp_path / "pack", story=story))
    problem = find(result, "chapitre inconnu « fantome »")
    assert (problem.path, problem.line) == ("story.yaml", 14)
    assert [c.id for c in result.story.chapters] == ["premier", "second"]


def test_chapter_not_on_the_path_is_a_warning(tmp_path: Path) -> None:
    story = STORY_YAML.replace("  - second\n", "")
    result = load_story(write_pack(tmp_path / "pack", story=story))
    assert find(result, "n'est pas dans path", "warning").path == "fr/02-second.md"


def test_bad_colour_and_unknown_source(tmp_path: Path) -> None:
    chapter = FIRST.replace("colour: bleu", "colour: violet").replace(
        "[SRC-A, SRC-B]", "[SRC-A, SRC-Z]"
    )
    result = load_story(write_pack(tmp_path / "pack", chapters={"01.md": chapter, "02.md": SECOND}))
    assert find(result, "couleur « violet » inconnue").line == 8
    assert find(result, "source « SRC-Z » inconnue").line == 9


def test_heading_without_id_gets_a_slug_and_a_warning(tmp_path: Path) -> None:
    chapter = SECOND.replace("## La suite {#suite}", "## La suite, écrite à Loos")
    result = load_story(write_pack(tmp_path / "pack", chapters={"01.md": FIRST, "02.md": chapter}))
    assert result.story.chapters[1].pages[0].id == "la-suite-ecrite-a-loos"
    find(result, "n'a pas d'identifiant", "warning")


def test_raw_html_is_shown_as_text_not_interpreted(tmp_path: Path) -> None:
    chapter = SECOND.replace(
        "Texte de la suite.", 'Texte <img src="http://x/y.png"> <script>x</script>'
    )
    result = load_story(write_pack(tmp_path / "pack", chapters={"01.md": FIRST, "02.md": chapter}))
    html = result.story.chapters[1].pages[0].html
    assert "<img" not in html and "<script" not in html and "&lt;script&gt;" in html
    find(result, "HTML", "warning")


def test_missing_front_matter(tmp_path: Path) -> None:
    result = load_story(
        write_pack(tmp_path / "pack", chapters={"01.md": FIRST, "02.md": "## Titre\n\nTexte\n"})
    )
    problem = find(result, "en-tête manquant")
    assert (problem.path, problem.line) == ("fr/02.md", 1)


def test_not_utf8(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "pack")
    (pack / "fr" / "02-second.md").write_bytes(
        SECOND.replace("Texte de la fin.", "Fin é").encode("latin-1")
    )
    problem = find(load_story(pack), "UTF-8")
    assert problem.line == SECOND.splitlines().index("Texte de la fin.") + 1


def test_newer_format_is_refused_clearly(tmp_path: Path) -> None:
    result = load_story(
        write_pack(tmp_path / "pack", story=STORY_YAML.replace("format: 1", "format: 7"))
    )
    assert find(result, "format « 7 » non pris en charge").line == 1


def test_a_broken_view_file_is_an_error_but_the_story_still_plays(tmp_path: Path) -> None:
    chapter = SECOND + "\n## La frise {#frise view=timeline}\n\nTouchez une date.\n"
    pack = write_pack(tmp_path / "pack", chapters={"01.md": FIRST, "02.md": chapter})
    (pack / "fr" / "timeline.yaml").write_text("periods: [\n", encoding="utf-8")
    result = load_story(pack)
    problem = find(result, "YAML illisible")
    assert problem.path == "fr/timeline.yaml" and problem.line >= 1
    assert not result.ok and result.playable and result.story.timeline is None
    assert result.blocking_errors == []


def test_a_view_page_without_its_file_blocks(tmp_path: Path) -> None:
    chapter = SECOND + "\n## La frise {#frise view=timeline}\n\nTouchez une date.\n"
    result = load_story(write_pack(tmp_path / "pack", chapters={"01.md": FIRST, "02.md": chapter}))
    find(result, "fr/timeline.yaml est absent")
    assert not result.playable


def test_cover_and_look_sections_are_checked_alike(tmp_path: Path) -> None:
    """story.yaml's `cover` and `look` are mappings with known keys: an unknown key is a
    warning on its own line, a section that is not a mapping an error saying what it holds."""
    story = STORY_YAML.replace("  credit: Illustration d'essai\n",
                               "  credit: Illustration d'essai\n  legende: en trop\n")
    story = story.replace("  accent: bleu\n", "  accent: bleu\n  police: Fraunces\n")
    result = load_story(write_pack(tmp_path / "pack", story=story))
    cover = find(result, "« legende » inconnue dans cover", "warning")
    look = find(result, "« police » inconnue dans look", "warning")
    assert (cover.path, cover.line) == ("story.yaml", 11)
    assert (look.path, look.line) == ("story.yaml", 22)

    flat = STORY_YAML.split("cover:\n")[0] + "cover: images/couverture.png\n" + \
        STORY_YAML.split("  credit: Illustration d'essai\n")[1]
    flat = flat.split("look:\n")[0] + "look: sombre\n"
    result = load_story(write_pack(tmp_path / "flat", story=flat))
    find(result, "cover doit contenir image, alt, caption, credit", "error")
    find(result, "look doit contenir palette, background, ink, accent", "error")


def test_the_engine_tests_pack_checks_clean() -> None:
    """tests/packs/README.md: the tests rely on `check tests/packs/mini` finding nothing."""
    from tests.packs import MINI

    result = load_story(MINI)
    assert result.problems == [], "\n".join(p.format() for p in result.problems)
