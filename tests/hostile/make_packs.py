"""The hostile-pack corpus: packs that try to reach outside their folder, exhaust the
machine or hang the app, each with the report ``loosstory check`` must give.

Generated, not stored: every pack is a copy of the small test pack (tests/story/packs.py)
with one hostile change, written next to an ``outside/`` folder holding bait files (a red
PNG, a valid chapter, a secret text) that no case may open. Large files are sparse
(``truncate``) or header-only, so the corpus costs a few MB at most.

    python -m tests.hostile.make_packs /tmp/corpus      # write every case, for a manual try
"""

from __future__ import annotations

import os
import socket
import struct
import sys
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.story.packs import FIRST, SECOND, STORY_YAML, write_pack

Expected = tuple[str, int | None, str, str]  # (path, line or None for any, severity, text)


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A real RGB PNG of one colour."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    row = b"\x00" + bytes(rgb) * width
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(row * height))
            + chunk(b"IEND", b""))


def png_header_only(width: int, height: int) -> bytes:
    """A PNG declaring ``width`` × ``height`` pixels with one tiny data chunk: what a
    decompression bomb looks like to a header reader, in 60 bytes."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
            + chunk(b"IEND", b""))


RED = (255, 0, 0)


@dataclass
class Case:
    name: str
    build: Callable[[Path, Path], None]  # (pack, outside)
    expected: list[Expected]
    exit_code: int = 1  # of `loosstory check`
    snapshot_page: str = "cover"  # the page `snapshot` renders (the problems screen on errors)
    kiosk_refuses: bool = True
    bait: list[str] = field(default_factory=list)  # outside files that must never be opened


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


FIGURE = '![Un terril au soleil](images/terril.png "Le terril"){#terril credit="Illustration d\'essai"}'
FIGURE_LINE = line_of(FIRST, FIGURE)


def _with_figure(pack: Path, src: str) -> None:
    (pack / "fr" / "01-premier.md").write_text(
        FIRST.replace("images/terril.png", src), encoding="utf-8")


def _svg(body: str, prolog: str = "") -> str:
    return (f'<?xml version="1.0"?>{prolog}\n<svg xmlns="http://www.w3.org/2000/svg" '
            'xmlns:xlink="http://www.w3.org/1999/xlink" width="400" height="300">\n'
            f'<rect width="400" height="300" fill="#2d4f7c"/>\n{body}\n</svg>\n')


def _svg_case(name: str, body: str, found: str, prolog: str = "") -> Case:
    def build(pack: Path, outside: Path) -> None:
        text = _svg(body.replace("{outside}", str(outside)), prolog)
        (pack / "images" / "dessin.svg").write_text(text, encoding="utf-8")
        _with_figure(pack, "images/dessin.svg")

    return Case(name, build, [("fr/01-premier.md", FIGURE_LINE, "error", found)],
                snapshot_page="premier/debut", bait=["secret.png"])


def _link(target: Callable[[Path], str], where: str) -> Callable[[Path, Path], None]:
    def build(pack: Path, outside: Path) -> None:
        (pack / where).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target(outside), pack / where)
    return build


def _fifo(where: str) -> Callable[[Path, Path], None]:
    def build(pack: Path, _outside: Path) -> None:
        os.mkfifo(pack / where)
    return build


def _socket(where: str) -> Callable[[Path, Path], None]:
    def build(pack: Path, _outside: Path) -> None:
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        server.bind(str(pack / where))
        server.close()  # the socket file stays
    return build


def _sparse(where: str, size: int, start: bytes = b"") -> Callable[[Path, Path], None]:
    def build(pack: Path, _outside: Path) -> None:
        with open(pack / where, "wb") as out:
            out.write(start)
            out.truncate(size)
    return build


def _image(data: bytes, name: str = "dessin.png") -> Callable[[Path, Path], None]:
    def build(pack: Path, _outside: Path) -> None:
        (pack / "images" / name).write_bytes(data)
        _with_figure(pack, f"images/{name}")
    return build


BOMB = "\n".join(
    ["bomb0: &b0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    + [f"bomb{i}: &b{i} [" + ", ".join([f"*b{i - 1}"] * 10) + "]" for i in range(1, 9)])


def _story_with(extra: str) -> Callable[[Path, Path], None]:
    def build(pack: Path, _outside: Path) -> None:
        from tests.story.packs import STORY_YAML

        (pack / "story.yaml").write_text(STORY_YAML + extra, encoding="utf-8")
    return build


def _second_front(extra: str) -> Callable[[Path, Path], None]:
    def build(pack: Path, _outside: Path) -> None:
        (pack / "fr" / "02-second.md").write_text(
            SECOND.replace("question: Et ensuite ?\n", "question: Et ensuite ?\n" + extra),
            encoding="utf-8")
    return build


def _html_labels(pack: Path, _outside: Path) -> None:
    from tests.story.packs import STORY_YAML

    (pack / "story.yaml").write_text(STORY_YAML.replace(
        "subtitle: Pour les tests", "subtitle: '<img src=\"file:///etc/hostname\">'"),
        encoding="utf-8")
    (pack / "fr" / "01-premier.md").write_text(
        FIRST.replace("question: Comment commence l'histoire ?",
                      "question: <b>Comment</b> commence l'histoire ?")
             .replace("## Le début {#debut}", "## Le début <img src=/etc/hostname> {#debut}")
             .replace('"Le terril"', '"<img src=/etc/hostname>"'),
        encoding="utf-8")


def _language_outside(pack: Path, outside: Path) -> None:
    (outside / "fr").mkdir()
    for chapter in (pack / "fr").iterdir():
        (outside / "fr" / chapter.name).write_bytes(chapter.read_bytes())
    for chapter in (pack / "fr").iterdir():
        chapter.unlink()
    (pack / "fr").rmdir()
    os.symlink(outside / "fr", pack / "fr")


def _duplicate(pack: Path, _outside: Path) -> None:
    from tests.story.packs import STORY_YAML

    (pack / "story.yaml").write_text(STORY_YAML + "title: Un autre titre\n", encoding="utf-8")


def _truncated_png(pack: Path, _outside: Path) -> None:
    data = png(64, 48, (40, 80, 120))
    _image(data[: len(data) // 2])(pack, _outside)


STORY_LINES = STORY_YAML.count("\n")

CASES: list[Case] = [
    # 1. A pack putting a file of the machine on screen
    _svg_case("svg-absolute-image", '<image xlink:href="{outside}/secret.png" width="400" '
              'height="300"/>', "fait référence à « /"),
    _svg_case("svg-relative-image", '<image href="../../outside/secret.png" width="400" '
              'height="300"/>', "fait référence à « ../../outside/secret.png »"),
    _svg_case("svg-file-url", '<image href="file://{outside}/secret.png" width="9" height="9"/>',
              "fait référence à « file://"),
    _svg_case("svg-css-url", '<rect width="9" height="9" style="fill:url(file:///etc/hostname)"/>',
              "fait référence à « file:///etc/hostname »"),
    _svg_case("svg-style-import", "<style>@import url(/etc/hostname.css);</style>",
              "importe une feuille de style"),
    _svg_case("svg-use-outside", '<use href="{outside}/other.svg#x"/>', "fait référence à « /"),
    _svg_case("svg-entities", "<text>&lol4;</text>", "déclare des entités XML",
              prolog='<!DOCTYPE svg [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">'
                     '<!ENTITY lol3 "&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;">]>'),
    _svg_case("svg-too-complex", "<rect width='1' height='1'/>" * 50_001,
              "dessin SVG trop complexe (plus de 50000 éléments)"),
    Case("svg-too-heavy", lambda p, o: (_sparse("images/dessin.svg", 6 * 1024 * 1024,
                                                b"<svg>")(p, o),
                                        _with_figure(p, "images/dessin.svg")),
         [("fr/01-premier.md", FIGURE_LINE, "error", "dessin SVG trop lourd (6,0 Mo, limite 5,0 Mo)")],
         snapshot_page="premier/debut"),
    Case("html-in-labels", _html_labels,
         [("story.yaml", 4, "warning", "HTML « <img src=\"file:///etc/hostname\"> » dans subtitle"),
          ("fr/01-premier.md", 4, "warning", "HTML « <b> » dans question"),
          ("fr/01-premier.md", line_of(FIRST, "## Le début"), "warning",
           "HTML « <img src=/etc/hostname> » dans le titre de la page"),
          ("fr/01-premier.md", FIGURE_LINE, "warning", "dans la légende")],
         exit_code=0, snapshot_page="premier/debut", kiosk_refuses=False),
    Case("chapter-link-outside", _link(lambda o: str(o / "secret.md"), "fr/03-secret.md"),
         [("fr/03-secret.md", 0, "error", "est un lien qui mène hors du dossier du contenu")],
         bait=["secret.md"]),
    Case("chapter-link-etc", _link(lambda o: "/etc/hostname", "fr/03-hote.md"),
         [("fr/03-hote.md", 0, "error", "lien qui mène hors du dossier du contenu (/etc/hostname)")],
         snapshot_page="cover"),
    Case("chapter-link-dev-zero", _link(lambda o: "/dev/zero", "fr/03-zero.md"),
         [("fr/03-zero.md", 0, "error", "lien qui mène hors du dossier du contenu (/dev/zero)")],
         snapshot_page="cover"),
    Case("images-link-to-root",
         lambda p, o: (_link(lambda _o: "/", "img")(p, o), _with_figure(p, "img/etc/hostname")),
         [("fr/01-premier.md", FIGURE_LINE, "error", "est un lien qui mène hors du dossier")]),
    Case("cover-link-outside", lambda p, o: ((p / "images" / "couverture.png").unlink(),
                                             _link(lambda o: str(o / "secret.png"),
                                                   "images/couverture.png")(p, o)),
         [("story.yaml", 7, "error", "image de couverture : « images/couverture.png » est un "
           "lien qui mène hors du dossier")], bait=["secret.png"], snapshot_page="cover"),
    Case("language-folder-outside", _language_outside,
         [("story.yaml", 5, "error", "dossier « fr/ » : c'est un lien qui mène hors du dossier")]),
    Case("fifo-chapter", _fifo("fr/99.md"),
         [("fr/99.md", 0, "error", "« fr/99.md » est un tube nommé (FIFO), pas un fichier "
           "ordinaire")], snapshot_page="premier"),
    Case("fifo-timeline", _fifo("fr/timeline.yaml"),
         [("fr/timeline.yaml", 0, "error", "est un tube nommé (FIFO)")]),
    Case("socket-chapter", _socket("fr/98.md"),
         [("fr/98.md", 0, "error", "« fr/98.md » est une socket, pas un fichier ordinaire")]),
    # 3. Tiny inputs exhausting the machine
    Case("yaml-alias-bomb-story", _story_with(BOMB + "\n"),
         [("story.yaml", STORY_LINES + 5, "error", "trop volumineux une fois les alias")],
         snapshot_page="cover"),
    Case("yaml-alias-bomb-chapter", _second_front(BOMB + "\n"),
         [("fr/02-second.md", 9, "error", "trop volumineux une fois les alias")]),
    Case("yaml-recursive-alias", _story_with("boucle: &a [1, *a]\n"),
         [("story.yaml", STORY_LINES + 1, "error", "l'alias *a est à l'intérieur")]),
    Case("yaml-duplicate-key", _duplicate,
         [("story.yaml", STORY_LINES + 1, "error",
           f"clé « title » écrite deux fois dans le même bloc (lignes 3 et {STORY_LINES + 1})")]),
    Case("chapter-too-large", _sparse("fr/03-gros.md", 3 * 1024 * 1024, b"---\n"),
         [("fr/03-gros.md", 0, "error", "fichier trop gros (3,0 Mo, limite 2,0 Mo)")]),
    Case("image-too-heavy", lambda p, o: (_sparse("images/lourde.jpg", 41 * 1024 * 1024,
                                                  b"\xff\xd8\xff")(p, o),
                                          _with_figure(p, "images/lourde.jpg")),
         [("fr/01-premier.md", FIGURE_LINE, "error", "image trop lourde (41,0 Mo, limite 40,0 Mo)")]),
    Case("png-30000", _image(png_header_only(30000, 30000)),
         [("fr/01-premier.md", FIGURE_LINE, "error",
           "image trop grande (30000 × 30000 pixels, limite 40 millions de pixels)")],
         snapshot_page="premier/debut"),
    # 6. Smaller ones
    Case("text-named-jpg", _image(b"Ceci n'est pas une image.\n", "photo.jpg"),
         [("fr/01-premier.md", FIGURE_LINE, "error", "n'est pas une image lisible")],
         snapshot_page="premier/debut"),
    Case("empty-image", _image(b""),
         [("fr/01-premier.md", FIGURE_LINE, "error", "fichier vide (0 octet)")]),
    Case("truncated-png", _truncated_png,
         [("fr/01-premier.md", FIGURE_LINE, "error", "image incomplète (fichier tronqué)")]),
]
BY_NAME = {case.name: case for case in CASES}


def make(case: Case, folder: Path) -> tuple[Path, Path]:
    """Write ``case`` under ``folder``: (the pack, the outside folder of baits)."""
    outside = folder / "outside"
    outside.mkdir(parents=True)
    (outside / "secret.png").write_bytes(png(64, 48, RED))
    (outside / "secret.md").write_text(SECOND.replace("id: second", "id: secret"),
                                       encoding="utf-8")
    (outside / "secret.txt").write_text("secret\n", encoding="utf-8")
    pack = write_pack(folder / "pack")
    case.build(pack, outside)
    return pack, outside


def main(argv: list[str]) -> int:
    target = Path(argv[0] if argv else "hostile-packs")
    for case in CASES:
        pack, _ = make(case, target / case.name)
        print(pack)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
