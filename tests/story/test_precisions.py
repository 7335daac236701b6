"""Précisions: sourced side notes under a paragraph, parsed, checked, rendered and listed."""

from __future__ import annotations

import re
from pathlib import Path

from loosstory.cli import main
from loosstory.resources import content_dir
from loosstory.story.chapters import short_address
from loosstory.story.loader import check_pack, load_story
from tests.story.packs import FIRST, write_pack

NOTE = """\
---
id: second
title: Second chapitre
question: Et ensuite ?
---

## La suite {#suite}

Le village comptait 500 âmes.

> [!précision] SRC-A, SRC-B
> Les sources disent *environ 900* habitants
> vers 1820.

Un autre paragraphe.

## La fin {#fin}

Texte de la fin.
"""


def pack_with(tmp_path: Path, second: str) -> Path:
    return write_pack(tmp_path / "pack", chapters={"01-premier.md": FIRST, "02-second.md": second})


def test_a_precision_is_parsed_rendered_under_its_paragraph_and_sourced(tmp_path: Path) -> None:
    result = load_story(pack_with(tmp_path, NOTE))
    assert result.errors == [] and result.warnings == []
    page = result.story.chapter("second").pages[0]
    [precision] = page.precisions
    assert precision.sources == ("SRC-A", "SRC-B")
    assert precision.text == "Les sources disent *environ 900* habitants vers 1820."
    assert precision.ref == "second/suite"
    assert precision.line == NOTE.splitlines().index("> [!précision] SRC-A, SRC-B") + 1
    assert precision.paragraph_line == NOTE.splitlines().index("Le village comptait 500 âmes.") + 1
    # the note sits right under its paragraph, before the next one, never as a quote
    html = page.html
    assert "<blockquote>" not in html and "[!" not in html
    order = [html.index("500"), html.index('class="precision"'), html.index("Un autre")]
    assert order == sorted(order)
    assert re.search(r'<p class="precision"><b>Précision</b> — Les sources disent '
                     r"<em>environ 900</em> habitants vers 1820\.</p>", html)
    # its sources join the chapter's Sources page (this chapter lists none itself)
    sources = result.story.chapter("second").pages[-1]
    assert sources.kind == "sources" and "Source officielle A" in sources.html
    assert result.story.precisions() == [precision]


def test_precision_mistakes_are_reported_with_file_and_line(tmp_path: Path) -> None:
    text = NOTE.replace("> [!précision] SRC-A, SRC-B", "> [!precision] SRC-A, INCONNUE, pas bon!")
    text = text.replace("## La fin {#fin}\n", "## La fin {#fin}\n\n> [!précision]\n> Seule.\n")
    result = load_story(pack_with(tmp_path, text))
    lines = text.splitlines()
    marker = lines.index("> [!precision] SRC-A, INCONNUE, pas bon!") + 1
    lone = lines.index("> [!précision]") + 1
    found = [(p.path, p.line, p.message) for p in result.errors]

    def reported(line: int, start: str) -> bool:
        return any((f, n) == ("fr/02-second.md", line) and m.startswith(start) for f, n, m in found)

    assert reported(marker, "clé de source « bon! » mal écrite dans la précision")
    assert reported(marker, "source « INCONNUE » de la précision inconnue")
    assert reported(lone, "précision sans source")
    assert reported(lone, "précision sans paragraphe au-dessus")
    empty = NOTE.replace("> Les sources disent *environ 900* habitants\n> vers 1820.\n", "")
    problems = load_story(pack_with(tmp_path / "b", empty)).errors
    assert [(p.line, p.message.split(" :")[0]) for p in problems] == [
        (empty.splitlines().index("> [!précision] SRC-A, SRC-B") + 1, "précision vide")]


def test_a_precision_inside_a_code_fence_is_text(tmp_path: Path) -> None:
    text = NOTE.replace("> [!précision] SRC-A, SRC-B\n> Les sources disent *environ 900* "
                        "habitants\n> vers 1820.\n",
                        "```\n> [!précision] SRC-A\n> pas une note\n```\n")
    result = load_story(pack_with(tmp_path, text))
    assert result.errors == [] and result.story.precisions() == []


def test_check_lists_every_precision_and_counts_them(tmp_path: Path, capsys) -> None:
    root = pack_with(tmp_path, NOTE)
    assert main(["check", str(root)]) == 0
    out = capsys.readouterr().out.splitlines()
    line = NOTE.splitlines().index("Le village comptait 500 âmes.") + 1
    assert f"fr/02-second.md:{line}:1: précision: second/suite [SRC-A, SRC-B] Les sources " \
           "disent *environ 900* habitants vers 1820." in out
    assert out[-1].endswith("(2 chapitres, 7 pages, 1 précision(s)) — OK")


def test_the_bundled_pack_has_as_many_precisions_as_curation_md_lists() -> None:
    result = check_pack(content_dir())
    assert result.errors == [] and result.warnings == []
    precisions = result.story.precisions()
    curation = (content_dir() / "CURATION.md").read_text(encoding="utf-8")
    section = curation.split("## 3. Précisions")[1].split("\n## ")[0]
    rows = [row for row in section.splitlines() if re.match(r"^\| P\d+ \|", row)]
    assert len(rows) == len(precisions) >= 5
    for row, precision in zip(rows, precisions, strict=True):
        assert f"`{precision.ref}`" in row
        for key in precision.sources:
            assert key in row


def test_addresses_are_shown_short_and_readable() -> None:
    assert short_address("https://villepilote.loos-en-gohelle.fr/energie") == \
        "villepilote.loos-en-gohelle.fr/energie"
    assert short_address("http://www.loos-en-gohelle.fr/vivre/") == "loos-en-gohelle.fr/vivre"
    long = ("https://www.cerdd.org/Parcours-thematiques/Transitions-economiques/"
            "Initiatives-sur-les-transitions-economiques/Agenda-21-de-Loos-en-Gohelle")
    assert short_address(long) == "cerdd.org/…/Agenda-21-de-Loos-en-Gohelle"
    wiki = "https://fr.m.wikipedia.org/wiki/Fosse_n%C2%B0_11_-_19_des_mines_de_Lens"
    assert short_address(wiki) == "fr.m.wikipedia.org/…/Fosse_n°_11_-_19_des_mines_de_Lens"
    for source in load_story(content_dir()).story.sources.values():
        assert len(short_address(source.url)) <= 60, source.key


def test_titles_ending_in_a_colon_or_in_capitals_are_warnings(tmp_path: Path) -> None:
    text = NOTE.replace("## La suite {#suite}", "## CELA PRODUIT DES RÉSULTATS : {#suite}")
    warnings = load_story(pack_with(tmp_path, text)).warnings
    line = text.splitlines().index("## CELA PRODUIT DES RÉSULTATS : {#suite}") + 1
    found = sorted(p.message.split(" : ")[-1][:25] for p in warnings if p.line == line)
    assert len(found) == 2 and all(p.path == "fr/02-second.md" for p in warnings)
