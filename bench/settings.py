"""Issue 15 figures: a visitor setting re-lays out the current screen; read-aloud starts.

    QT_QPA_PLATFORM=offscreen python bench/settings.py --content content [--size 1920x1080]

* Re-layout: on the cover, the sommaire, a text page and the timeline page, change the text
  size (100 → 200 → 100 %) and the contrast (off → on → off) through the state, then send the
  posted layout requests and repaint the window synchronously (``repaint``): the time from
  the change to the end of that paint. Goal ≤ 50 ms.
* Read-aloud: the time from the « Lire à voix haute » button's click to espeak-ng's process
  running (``QProcess.started``) and to its first bytes of audio (espeak-ng ``--stdout``, a
  separate measure of the voice's own start). Goal ≤ 300 ms.

Prints ``JSON {…}`` with every measure (median and max per screen, in ms).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import time
from pathlib import Path

from harness import Reader
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication


def relayout(reader: Reader, change) -> float:
    app = QApplication.instance()
    start = time.perf_counter()
    change()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    reader.window.repaint()
    app.processEvents()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--content", type=Path, default=Path("content"))
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    reader = Reader(args.content, size=(width, height))
    app, state = reader.app, reader.state
    for _ in range(20):
        app.processEvents()
    screens = {"cover": state.show_cover, "sommaire": state.show_sommaire,
               "page": state.start,
               "timeline": lambda: state.go_to_ref("resilience-et-transition/frise")}
    figures: dict[str, dict] = {}
    for name, show in screens.items():
        show()
        for _ in range(30):
            app.processEvents()
        sizes, contrasts = [], []
        for _ in range(args.rounds):
            sizes.append(relayout(reader, lambda: state.change_settings(text_scale=2.0)))
            sizes.append(relayout(reader, lambda: state.change_settings(text_scale=1.0)))
            contrasts.append(relayout(reader, lambda: state.change_settings(high_contrast=True)))
            contrasts.append(relayout(reader, lambda: state.change_settings(high_contrast=False)))
        figures[name] = {"screen": state.screen, "page": state.page.ref if state.page else "",
                         "text_size_ms": {"median": round(statistics.median(sizes), 1),
                                          "max": round(max(sizes), 1)},
                         "contrast_ms": {"median": round(statistics.median(contrasts), 1),
                                         "max": round(max(contrasts), 1)}}

    speech: dict[str, object] = {"voice": shutil.which("espeak-ng") or "none"}
    if shutil.which("espeak-ng"):
        reader.window.open_settings()
        panel = reader.window.settings_panel
        to_process = []
        for _ in range(args.rounds):
            started = []
            panel.speech.started.connect(lambda s=started: s.append(time.perf_counter()))
            begin = time.perf_counter()
            panel.read.click()
            while not started and time.perf_counter() - begin < 5:
                app.processEvents()
            to_process.append((started[0] - begin) * 1000 if started else float("inf"))
            panel.speech.started.disconnect()
            panel.speech.stop()
        to_audio = []
        for _ in range(args.rounds):
            begin = time.perf_counter()
            with subprocess.Popen(["espeak-ng", "-v", "fr", "--stdout", "Bonjour."],
                                  stdout=subprocess.PIPE) as voice:
                voice.stdout.read(64)
                to_audio.append((time.perf_counter() - begin) * 1000)
                voice.kill()
        speech.update(click_to_process_ms={"median": round(statistics.median(to_process), 1),
                                           "max": round(max(to_process), 1)},
                      process_to_first_audio_ms={"median": round(statistics.median(to_audio), 1),
                                                 "max": round(max(to_audio), 1)})
    reader.window.stop_reading()
    print("JSON " + json.dumps({"size": args.size, "relayout": figures, "read_aloud": speech},
                               ensure_ascii=False))
    reader.loader.wait_for_done()


if __name__ == "__main__":
    main()
