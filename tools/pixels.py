"""Render every screen of the reader and of the kiosk to PNGs, and compare two such sets
pixel for pixel (a refactor that must change nothing a visitor sees).

    .venv/bin/python tools/pixels.py render OUT_DIR [--size 1920x1080 ...]
    .venv/bin/python tools/pixels.py compare BEFORE_DIR AFTER_DIR

``render`` writes, at 1920x1080 and 1024x768: the cover, the sommaire, every page of the
bundled story, the house and the timeline with a panel open, the problems screen (a copy
of the pack with one broken chapter) and the kiosk's screens (attract loop, a chapter
slide, the idle countdown, the PIN pad, the staff panel). Everything runs offscreen, with
transitions off and the attract loop's pan and zoom off (still pictures), so that two
renders of the same code are identical. ``compare`` lists every file that is missing or differs (with the number
of differing pixels and their bounding box) and exits 1 if any does.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a source checkout

SIZES = ((1920, 1080), (1024, 768))
# Fixed place for the broken copy of the pack, so its paths on the problems screen are
# the same from one run to the next.
BROKEN = Path(tempfile.gettempdir()) / "loosstory-pixels-broken-pack"


def _engine():
    """(build_reader, wait_until_drawn, ReaderConfig, load_fonts), from this checkout's
    layout or from the flat ui/ of before issue 12 (to render the "before" set)."""
    try:
        from loosstory.ui.look.fonts import load_fonts
        from loosstory.ui.reader.build import build_reader, wait_until_drawn
        from loosstory.ui.state.config import ReaderConfig
    except ImportError:
        from loosstory.ui.config import ReaderConfig
        from loosstory.ui.fonts import load_fonts

        from loosstory.ui.reader import build_reader, wait_until_drawn
    return build_reader, wait_until_drawn, ReaderConfig, load_fonts


def _app():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(sys.argv[:1])


def _grab(window, out: Path) -> None:
    from loosstory.ui.snapshot import save_png

    if not save_png(window.grab().toImage(), out):
        raise SystemExit(f"cannot write {out}")
    print(out.name, flush=True)


def _settle(app, window) -> None:
    """Until the pictures are drawn, then 300 ms more of events (debounced resizes and
    layouts settle: a tool, not a test, so a fixed settling time is fine here)."""
    from PySide6.QtCore import QDeadlineTimer

    _engine()[1](window)
    deadline = QDeadlineTimer(300)
    while not deadline.hasExpired():
        app.processEvents()


def _skip_animations(window) -> None:
    """Put the interactive view shown (if any) at the end of its animations."""
    view = window.page.view if window.page is not None else None
    for name in ("skip_build", "stop_glide"):
        method = getattr(view, name, None)
        if callable(method):
            method()


def render_reader(content: Path, out: Path, size: tuple[int, int]) -> None:
    from loosstory.story.loader import load_story

    build_reader, _, ReaderConfig, _ = _engine()
    app = _app()
    result = load_story(content)
    state, loader, window = build_reader(result, ReaderConfig(transition_ms=0, prefetch=False))
    width, height = size
    tag = f"{width}x{height}"
    window.setFixedSize(width, height)
    window.show()
    window.resize(width, height)
    _settle(app, window)
    _grab(window, out / f"cover-{tag}.png")
    state.show_sommaire()
    _settle(app, window)
    _grab(window, out / f"sommaire-{tag}.png")
    story = state.story
    for chapter in story.chapters:
        for page in chapter.pages:
            ref = f"{chapter.id}/{page.id}"
            assert state.go_to_ref(ref), ref
            _settle(app, window)
            _skip_animations(window)
            _settle(app, window)
            _grab(window, out / f"page-{chapter.id}--{page.id}-{tag}.png")
    entities = []
    if story.schematic is not None:
        entities.append(("house-panel", story.schematic.elements[1].id))
    if story.timeline is not None:
        entities.append(("timeline-panel", story.timeline.events[5].id))
    for name, entity in entities:
        state.show_sommaire()
        _settle(app, window)
        assert state.navigate(f"#{entity}"), entity
        _settle(app, window)
        _skip_animations(window)
        _settle(app, window)
        _grab(window, out / f"{name}-{entity}-{tag}.png")
    window.close()
    loader.wait_for_done()
    window.deleteLater()


def render_problems(content: Path, out: Path, size: tuple[int, int]) -> None:
    from loosstory.story.loader import load_story

    build_reader, _, ReaderConfig, _ = _engine()
    app = _app()
    if BROKEN.exists():
        shutil.rmtree(BROKEN)
    shutil.copytree(content, BROKEN)
    chapter = sorted((BROKEN / "fr").glob("02-*.md"))[0]
    text = chapter.read_text(encoding="utf-8")
    chapter.write_text(text.replace("---\n", "---\ntitle: [unclosed\n", 1), encoding="utf-8")
    result = load_story(BROKEN)
    state, loader, window = build_reader(result, ReaderConfig(transition_ms=0, prefetch=False))
    width, height = size
    window.setFixedSize(width, height)
    window.show()
    window.resize(width, height)
    _settle(app, window)
    _grab(window, out / f"problems-{width}x{height}.png")
    window.close()
    loader.wait_for_done()
    window.deleteLater()


def render_kiosk(content: Path, out: Path, size: tuple[int, int]) -> None:
    """The kiosk's own screens, as tests/modes/kiosk_screenshots.py makes them."""
    from PySide6.QtCore import QDeadlineTimer

    from loosstory.modes.kiosk.controller import KioskController
    from loosstory.modes.kiosk.settings import KioskSettings
    from loosstory.story.loader import load_story

    _, wait_until_drawn, ReaderConfig, _ = _engine()
    app = _app()

    def settle(controller) -> None:
        deadline = QDeadlineTimer(8000)
        while not deadline.hasExpired():
            app.processEvents()
            if controller.attract.loader.pending == 0:
                loader = controller.loader
                if loader is None or loader.pending == 0:
                    break
        deadline = QDeadlineTimer(300)
        while not deadline.hasExpired():
            app.processEvents()

    result = load_story(content)
    data = Path(tempfile.mkdtemp())
    width, height = size
    tag = f"{width}x{height}"
    settings = KioskSettings(data_dir=data, idle_timeout=3600, countdown=30,
                             attract_slide_seconds=3600, attract_motion=False)
    controller = KioskController(settings, result, content, None,
                                 ReaderConfig(transition_ms=0, prefetch=False), frame_ms=1000)
    window = controller.window
    window.keep_fullscreen = False
    controller.start(show=False)
    window.setFixedSize(width, height)
    window.show()
    window.resize(width, height)
    settle(controller)
    controller.attract._frame.stop()
    _grab(window, out / f"kiosk-attract-{tag}.png")
    for _ in range(3):
        controller.attract.advance()
    controller.attract._frame.stop()
    settle(controller)
    _grab(window, out / f"kiosk-attract-chapitre-{tag}.png")
    controller.start_visit()
    controller.state.start()
    controller.state.next()
    wait_until_drawn(controller.reader)
    controller.idle.idle.emit()
    app.processEvents()
    controller.overlay._tick.stop()
    controller.overlay.ring.seconds = 24
    controller.overlay.ring.fraction = 0.8
    app.processEvents()
    _grab(window, out / f"kiosk-countdown-{tag}.png")
    controller.overlay.cancel()
    controller.open_pin()
    for digit in "24":
        controller.pinpad.press(digit)
    app.processEvents()
    _grab(window, out / f"kiosk-pin-{tag}.png")
    controller.pinpad.code = "2468"
    controller.pinpad.press("Valider")
    controller.show_figures()
    app.processEvents()
    _grab(window, out / f"kiosk-admin-{tag}.png")
    controller.stop()
    window.allow_close()
    window.close()
    shutil.rmtree(data, ignore_errors=True)


def render(out: Path, sizes, content: Path) -> int:

    out.mkdir(parents=True, exist_ok=True)
    _app()
    _engine()[3]()
    for size in sizes:
        render_reader(content, out, size)
        render_problems(content, out, size)
        render_kiosk(content, out, size)
    return 0


def compare(before: Path, after: Path) -> int:
    from PySide6.QtGui import QImage

    _app()
    names = sorted({p.name for p in before.glob("*.png")} | {p.name for p in after.glob("*.png")})
    bad = 0
    for name in names:
        a, b = before / name, after / name
        if not a.exists() or not b.exists():
            print(f"MISSING {name} (in {'after' if a.exists() else 'before'} only)")
            bad += 1
            continue
        one = QImage(str(a)).convertToFormat(QImage.Format.Format_RGBA8888)
        two = QImage(str(b)).convertToFormat(QImage.Format.Format_RGBA8888)
        if one.size() != two.size():
            print(f"DIFFERS {name}: size {one.width()}x{one.height()} vs {two.width()}x{two.height()}")
            bad += 1
            continue
        if bytes(one.constBits()) == bytes(two.constBits()):
            continue
        width, height, count = one.width(), one.height(), 0
        box = [width, height, -1, -1]
        for y in range(height):
            row_a = bytes(one.constScanLine(y))[: width * 4]
            row_b = bytes(two.constScanLine(y))[: width * 4]
            if row_a == row_b:
                continue
            for x in range(width):
                if row_a[x * 4:x * 4 + 4] != row_b[x * 4:x * 4 + 4]:
                    count += 1
                    box = [min(box[0], x), min(box[1], y), max(box[2], x), max(box[3], y)]
        print(f"DIFFERS {name}: {count} pixels in x {box[0]}..{box[2]}, y {box[1]}..{box[3]}")
        bad += 1
    print(f"{len(names)} images, {bad} missing or different")
    return 1 if bad else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("render")
    r.add_argument("out", type=Path)
    r.add_argument("--size", action="append", default=None, help="WIDTHxHEIGHT (repeatable)")
    r.add_argument("--content", type=Path, default=ROOT / "content")
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "compare":
        return compare(args.before, args.after)
    sizes = SIZES if not args.size else [tuple(int(v) for v in s.split("x")) for s in args.size]
    return render(args.out, sizes, args.content)


if __name__ == "__main__":
    sys.exit(main())
