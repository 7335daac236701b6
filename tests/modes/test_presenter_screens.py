"""Where the presenter's windows go, on virtual screens with names (the offscreen platform
reads them from a file; they come back in any order, so they are picked by name)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.story.packs import write_pack

ROOT = Path(__file__).resolve().parents[2]


def screens_file(tmp_path: Path, screens: list[tuple[str, int, int, int]]) -> Path:
    config = {"screens": [{"name": name, "x": x, "y": 0, "width": w, "height": h,
                           "logicalDpiX": 96, "logicalDpiY": 96, "dpr": 1}
                          for name, x, w, h in screens]}
    file = tmp_path / "screens.json"
    file.write_text(json.dumps(config), encoding="utf-8")
    return file


def place(tmp_path: Path, screens, wanted: str = "", settings: Path | None = None) -> list[dict]:
    pack = write_pack(tmp_path / "pack")
    settings = settings or tmp_path / "presenter.ini"
    env = {**os.environ,
           "QT_QPA_PLATFORM": f"offscreen:configfile={screens_file(tmp_path, screens)}"}
    done = subprocess.run([sys.executable, "-m", "tests.modes.presenter_child", str(pack),
                           str(settings), wanted], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


LAPTOP = ("eDP-1", 0, 1366, 768)
PROJECTOR = ("HDMI-1", 1366, 1920, 1080)
OTHER = ("DP-2", 3286, 1280, 1024)


def test_the_projector_is_chosen_by_name_and_remembered(tmp_path) -> None:
    listed, placed, swapped = place(tmp_path, [LAPTOP, OTHER, PROJECTOR], wanted="HDMI-1")
    assert set(listed["screens"]) == {"eDP-1", "HDMI-1", "DP-2"}
    assert placed["audience"] == "HDMI-1" and placed["presenter"] == listed["primary"]
    assert placed["audience_rect"] == [1366, 0, 1920, 1080] and placed["frameless"]
    assert swapped["audience"] == listed["primary"] and swapped["presenter"] == "HDMI-1"
    # Next time, with no --audience-screen: the remembered one.
    again = place(tmp_path, [LAPTOP, OTHER, PROJECTOR])[1]
    assert again["audience"] == "HDMI-1"


def test_without_a_name_the_projector_is_the_screen_that_is_not_primary(tmp_path) -> None:
    listed, placed, _ = place(tmp_path, [LAPTOP, PROJECTOR])
    assert placed["audience"] != listed["primary"] and placed["audience"]


def test_one_screen_is_a_rehearsal_in_the_presenter_window(tmp_path) -> None:
    _, placed, _ = place(tmp_path, [LAPTOP])
    assert placed["audience"] == "" and placed["presenter"] == "eDP-1"


def test_an_unknown_name_falls_back_to_the_screen_that_is_not_primary(tmp_path) -> None:
    listed, placed, _ = place(tmp_path, [LAPTOP, PROJECTOR], wanted="VGA-9")
    assert placed["audience"] and placed["audience"] != listed["primary"]
