"""Render the app icon's PNG sizes, the Windows .ico and the macOS .icns from the SVG.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/icons/render_icons.py

Reads assets/icons/loosstory.svg and writes assets/icons/loosstory-<N>.png (16 … 512),
packaging/windows/loosstory.ico and packaging/macos/loosstory.icns. Qt renders every
size (QSvgRenderer → QImage → PNG), so nothing but PySide6 is needed; the .ico and .icns
containers are written here with PNG-compressed entries (supported since Windows Vista
and macOS 10.7). Run it again after changing the SVG, and commit the results.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SVG = ROOT / "assets" / "icons" / "loosstory.svg"
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# icns entry type → pixel size (PNG payloads)
ICNS_TYPES = (
    (b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256),
    (b"ic09", 512), (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256),
    (b"ic14", 512),
)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("PNG encoding failed")
    buffer.close()
    return bytes(data.data())


def ico(entries: list[tuple[int, bytes]]) -> bytes:
    header = struct.pack("<HHH", 0, 1, len(entries))
    offset = 6 + 16 * len(entries)
    directory, payload = b"", b""
    for size, png in entries:
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        payload += png
        offset += len(png)
    return header + directory + payload


def icns(entries: list[tuple[bytes, bytes]]) -> bytes:
    body = b"".join(kind + struct.pack(">I", 8 + len(png)) + png for kind, png in entries)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"cannot read {SVG}", file=sys.stderr)
        return 1
    cache: dict[int, bytes] = {}

    def png_of(size: int) -> bytes:
        if size not in cache:
            cache[size] = png_bytes(render(renderer, size))
        return cache[size]

    for size in PNG_SIZES:
        out = SVG.with_name(f"loosstory-{size}.png")
        out.write_bytes(png_of(size))
        print(f"{out.relative_to(ROOT)}  {size}×{size}  {out.stat().st_size} bytes")
    windows = ROOT / "packaging" / "windows" / "loosstory.ico"
    windows.parent.mkdir(parents=True, exist_ok=True)
    windows.write_bytes(ico([(size, png_of(size)) for size in ICO_SIZES]))
    print(f"{windows.relative_to(ROOT)}  {len(ICO_SIZES)} sizes  {windows.stat().st_size} bytes")
    mac = ROOT / "packaging" / "macos" / "loosstory.icns"
    mac.parent.mkdir(parents=True, exist_ok=True)
    mac.write_bytes(icns([(kind, png_of(size)) for kind, size in ICNS_TYPES]))
    print(f"{mac.relative_to(ROOT)}  {len(ICNS_TYPES)} entries  {mac.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
