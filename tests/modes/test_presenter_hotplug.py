"""A projector plugged in and out during the talk, on a real X server: Xvfb with RandR
monitors added and deleted by ``xrandr --setmonitor`` / ``--delmonitor`` (Qt sees them as
screens coming and going). Skipped, with its reason, where Xvfb or xrandr is missing."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.story.packs import write_pack

ROOT = Path(__file__).resolve().parents[2]
CHILD = """
import json, subprocess, sys
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from loosstory.modes.presenter.controller import Presenter
from loosstory.story.loader import load_story
app = QApplication([])
p = Presenter(load_story(sys.argv[1]), audience_screen="HDMI-1",
              settings=QSettings(sys.argv[2], QSettings.Format.IniFormat))
p.show()
p.start_talk(); p.next()
log = []
def state(what):
    log.append({"what": what, "screens": sorted(s.name() for s in app.screens()),
                "audience": p.audience.screen().name() if p.audience.isVisible() else "",
                "step": p.state.path.index})
state("start")
steps = [["xrandr", "--setmonitor", "HDMI-1", "1920/500x1080/280+1366+0", "none"],
         ["xrandr", "--delmonitor", "HDMI-1"]]
def after_change(_screen=None):
    QTimer.singleShot(0, lambda: (state("changed"), next_step()))
def next_step():
    if steps:
        subprocess.run(steps.pop(0), check=True)
    else:
        print(json.dumps(log)); p.close(); app.quit()
app.screenAdded.connect(after_change)
app.screenRemoved.connect(after_change)
QTimer.singleShot(0, next_step)
QTimer.singleShot(20000, app.quit)  # a safety net: the test fails on the missing output
app.exec()
"""


@pytest.mark.skipif(shutil.which("Xvfb") is None or shutil.which("xrandr") is None,
                    reason="Xvfb or xrandr is not installed")
def test_projector_plugged_in_and_out_during_the_talk(tmp_path) -> None:
    display = ":92"
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", "3286x1080x24", "-nolisten",
                               "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        pack = write_pack(tmp_path / "pack")
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        done = None
        for _ in range(50):  # the server takes a moment to accept clients
            done = subprocess.run([sys.executable, "-c", CHILD, str(pack),
                                   str(tmp_path / "p.ini")], cwd=ROOT, env=env,
                                  capture_output=True, text=True, timeout=60)
            if done.returncode == 0 or "could not connect to display" not in done.stderr:
                break
        assert done is not None and done.returncode == 0, done.stderr
        start, plugged, unplugged = json.loads(done.stdout.strip().splitlines()[-1])
        assert start["audience"] == "" and "HDMI-1" not in start["screens"]  # rehearsal
        assert "HDMI-1" in plugged["screens"] and plugged["audience"] == "HDMI-1"
        assert "HDMI-1" not in unplugged["screens"] and unplugged["audience"] == ""
        assert start["step"] == plugged["step"] == unplugged["step"] == 1  # the talk goes on
    finally:
        server.terminate()
        server.wait(10)
