"""What an image file of the pack really is, read from its first and last bytes (no Qt).

``loosstory check`` and the loader open every image a pack names: a text file named
``.jpg``, an empty or truncated file, a 30000×30000 PNG or an SVG that refers to a file
(``<image href="/etc/…">``, ``url(file:…)``) are reported, and the story then gives the
image no file, so the visitor sees the neat placeholder and the renderer never decodes it.

Raster images: the declared width and height are read from the header (PNG IHDR, JPEG SOF,
WebP VP8/VP8L/VP8X, GIF) and the end of the file is looked at (PNG IEND, JPEG EOI, RIFF
size, GIF trailer). SVG: parsed with expat as a stream; entity declarations, external
references (anything other than ``#id`` and embedded ``data:image/…``) and more than
:data:`MAX_SVG_ELEMENTS` elements stop it.
"""

from __future__ import annotations

import os
import re
import stat
import struct
from pathlib import Path

from loosstory.story.safefs import (
    MAX_IMAGE_BYTES,
    OPEN_FLAGS,
    TooLarge,
    read_bounded,
    size_text,
)

MAX_IMAGE_PIXELS = 40_000_000  # 40 megapixels: e.g. 8000 × 5000; a screen shows 2 Mpx
MAX_SVG_BYTES = 5 * 1024 * 1024
MAX_SVG_ELEMENTS = 50_000  # the bundled drawings have 60 to 900

_PNG = b"\x89PNG\r\n\x1a\n"
_URL = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]*)", re.IGNORECASE)
_IMPORT = re.compile(r"@import", re.IGNORECASE)
_SAFE_DATA = re.compile(r"^data:image/(png|jpeg|jpg|gif|webp)[;,]", re.IGNORECASE)

_checked: dict[tuple[str, int, int], str | None] = {}


def check_image(path: Path) -> str | None:
    """None when ``path`` (a regular file of the pack) looks like an image a visitor will
    see; else a French message saying what is wrong and what to do."""
    try:
        info = os.stat(path)
    except OSError as error:
        return f"image illisible : {error.strerror or error}"
    key = (str(path), info.st_size, info.st_mtime_ns)
    if key not in _checked:
        if len(_checked) > 4096:
            _checked.clear()
        _checked[key] = _check(path, info)
    return _checked[key]


def _check(path: Path, info: os.stat_result) -> str | None:
    if not stat.S_ISREG(info.st_mode):
        return "ce n'est pas un fichier ordinaire"
    if info.st_size == 0:
        return "fichier vide (0 octet) : copiez de nouveau l'image"
    if path.suffix.lower() == ".svg":
        return _check_svg(path, info.st_size)
    if info.st_size > MAX_IMAGE_BYTES:
        return (
            f"image trop lourde ({size_text(info.st_size)}, limite {size_text(MAX_IMAGE_BYTES)}) : "
            "enregistrez-la en JPEG d'environ 1 920 pixels de large"
        )
    try:
        fd = os.open(path, OPEN_FLAGS)
    except OSError as error:
        return f"image illisible : {error.strerror or error}"
    try:
        head = _pread(fd, 64, 0)
        tail = _pread(fd, 32, max(0, info.st_size - 32))
        if head.startswith(_PNG):
            size, complete = _png(head), b"IEND" in tail
        elif head.startswith(b"\xff\xd8\xff"):
            size, complete = _jpeg(fd, info.st_size), _jpeg_end(fd, info.st_size)
        elif head[:4] == b"RIFF" and head[8:12] == b"WEBP":
            size = _webp(head)
            complete = struct.unpack("<I", head[4:8])[0] + 8 <= info.st_size
        elif head[:6] in (b"GIF87a", b"GIF89a"):
            size, complete = struct.unpack("<HH", head[6:10]), tail.endswith(b";")
        else:
            return (
                "ce fichier n'est pas une image lisible (ni PNG, ni JPEG, ni WebP, ni SVG) : "
                "le visiteur verrait un cadre vide ; exportez l'image de nouveau"
            )
    except (OSError, struct.error, IndexError):
        return "image illisible (en-tête abîmé) : exportez l'image de nouveau"
    finally:
        os.close(fd)
    if size is None or min(size) <= 0:
        return "image illisible (en-tête abîmé) : exportez l'image de nouveau"
    width, height = size
    if width * height > MAX_IMAGE_PIXELS:
        return (
            f"image trop grande ({width} × {height} pixels, limite "
            f"{MAX_IMAGE_PIXELS // 1_000_000} millions de pixels) : le visiteur verrait un "
            "cadre vide ; réduisez-la (1 920 pixels de large suffisent)"
        )
    if not complete:
        return (
            "image incomplète (fichier tronqué) : le visiteur verrait un cadre vide ; "
            "copiez ou exportez l'image de nouveau"
        )
    return None


def _pread(fd: int, size: int, offset: int) -> bytes:
    """``os.pread`` where there is one; a seek and a read elsewhere (Windows)."""
    if hasattr(os, "pread"):
        return os.pread(fd, size, offset)
    os.lseek(fd, offset, os.SEEK_SET)
    return os.read(fd, size)


def _png(head: bytes) -> tuple[int, int] | None:
    if head[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", head[16:24])


def _jpeg(fd: int, size: int) -> tuple[int, int] | None:
    """Width and height from the first SOF segment, walking the segments with seeks."""
    offset = 2
    for _ in range(512):
        marker = _pread(fd, 4, offset)
        if len(marker) < 4 or marker[0] != 0xFF:
            return None
        kind = marker[1]
        if kind == 0xFF:  # fill byte
            offset += 1
            continue
        length = struct.unpack(">H", marker[2:4])[0]
        if 0xC0 <= kind <= 0xCF and kind not in (0xC4, 0xC8, 0xCC):
            frame = _pread(fd, 5, offset + 4)
            if len(frame) < 5:
                return None
            height, width = struct.unpack(">HH", frame[1:5])
            return width, height
        offset += 2 + length
        if offset >= size:
            return None
    return None


def _jpeg_end(fd: int, size: int) -> bool:
    """The end-of-image marker within the last 64 KB (some cameras add data after it)."""
    start = max(0, size - 65536)
    return b"\xff\xd9" in _pread(fd, size - start, start)


def _webp(head: bytes) -> tuple[int, int] | None:
    chunk = head[12:16]
    if chunk == b"VP8 ":
        width, height = struct.unpack("<HH", head[26:30])
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L":
        bits = struct.unpack("<I", head[21:25])[0]
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X":
        width = int.from_bytes(head[24:27], "little") + 1
        height = int.from_bytes(head[27:30], "little") + 1
        return width, height
    return None


class _Refused(Exception):
    pass


def _check_svg(path: Path, size: int) -> str | None:
    try:
        data = read_bounded(path, MAX_SVG_BYTES)
    except TooLarge:
        return (
            f"dessin SVG trop lourd ({size_text(size)}, limite {size_text(MAX_SVG_BYTES)}) : "
            "simplifiez-le ou exportez-le en PNG"
        )
    except OSError as error:
        return f"image illisible : {error.strerror or error}"
    return svg_problem(data)


_RISKY = (b"href", b"src", b"@", b"&#", b"<!entity", b"<?xml-stylesheet")
_URL_BYTES = re.compile(rb"url\(\s*['\"]?\s*(.)")


def _plainly_inside(data: bytes) -> bool:
    """True when the raw bytes alone show that the document can refer to nothing outside
    itself: ASCII-compatible, no attribute that names a file, no character reference that
    could spell one, no entity, style sheet or import, every ``url(`` an ``url(#id)``, and
    fewer ``<`` than the element limit. Most drawings (the bundled ones) are such, and then
    expat only has to check that they are well formed, with no Python call per element."""
    if data[:2] in (b"\xfe\xff", b"\xff\xfe") or b"\x00" in data[:256]:
        return False  # UTF-16 or UTF-32: the bytes do not read as the text
    lower = data.lower()
    if any(token in lower for token in _RISKY) or data.count(b"<") > MAX_SVG_ELEMENTS:
        return False
    return all(match.group(1) == b"#" for match in _URL_BYTES.finditer(lower))


def svg_problem(data: bytes) -> str | None:
    """None when the SVG document ``data`` refers to nothing outside itself and is not
    too complex; else a French message. Used by the loader and by the renderer."""
    from xml.parsers import expat  # not on the cover's path to its first frame

    if _plainly_inside(data):
        parser = expat.ParserCreate()
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        try:
            parser.Parse(data, True)
        except expat.ExpatError as error:
            return (
                f"dessin SVG illisible ({expat.ErrorString(error.code)}, "
                f"ligne {error.lineno}) : exportez-le de nouveau"
            )
        return None if data.count(b"<") else "dessin SVG vide : exportez-le de nouveau"
    parser = expat.ParserCreate()  # names as written: "xlink:href", "svg:style"
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    count = 0
    in_style = 0

    def refuse(message: str) -> None:
        raise _Refused(message)

    def check_reference(value: str, line: int) -> None:
        value = value.strip()
        if value and not value.startswith("#") and not _SAFE_DATA.match(value):
            refuse(
                f"le dessin SVG fait référence à « {value[:80]} » (ligne {line}) : un SVG du "
                "contenu ne doit utiliser aucun fichier extérieur ; intégrez l'image dans le "
                "SVG ou exportez le dessin en PNG"
            )

    def check_css(text: str, line: int) -> None:
        if _IMPORT.search(text):
            refuse(f"le dessin SVG importe une feuille de style (@import, ligne {line}) : "
                   "retirez-la")
        for match in _URL.finditer(text):
            check_reference(match.group(1), line)

    def start(name: str, attributes: dict[str, str]) -> None:
        nonlocal count, in_style
        count += 1
        if count > MAX_SVG_ELEMENTS:
            refuse(
                f"dessin SVG trop complexe (plus de {MAX_SVG_ELEMENTS} éléments) : "
                "simplifiez-le ou exportez-le en PNG"
            )
        for key, value in attributes.items():  # cheap tests first: ~5000 elements a pack
            if key[-4:] == "href" or key[-3:] == "src":
                check_reference(value, parser.CurrentLineNumber)
            elif "rl(" in value or "RL(" in value or "@" in value:
                check_css(value, parser.CurrentLineNumber)
        if name[-5:] == "style":
            in_style += 1

    def end(name: str) -> None:
        nonlocal in_style
        if name[-5:] == "style":
            in_style -= 1

    def text(data: str) -> None:
        if in_style:
            check_css(data, parser.CurrentLineNumber)

    def entity(*_args: object) -> None:
        refuse("le dessin SVG déclare des entités XML (<!ENTITY>) : exportez-le de nouveau "
               "depuis votre logiciel de dessin")

    def instruction(target: str, _data: str) -> None:
        if target.lower() == "xml-stylesheet":
            refuse("le dessin SVG appelle une feuille de style extérieure (xml-stylesheet) : "
                   "retirez cette ligne")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.EntityDeclHandler = entity
    parser.ExternalEntityRefHandler = lambda *_args: refuse("entité extérieure refusée") or 0
    parser.ProcessingInstructionHandler = instruction
    try:
        parser.Parse(data, True)
    except _Refused as refused:
        return str(refused)
    except expat.ExpatError as error:
        return (
            f"dessin SVG illisible ({expat.ErrorString(error.code)}, "
            f"ligne {error.lineno}) : exportez-le de nouveau"
        )
    if count == 0:
        return "dessin SVG vide : exportez-le de nouveau"
    return None
