"""The kiosk against hostile input (issue 13): content updates apply exactly what `check`
accepts and never follow a link out of the pack; any number in its settings or on its
command line falls back to a default with a warning, and the kiosk starts."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from loosstory.modes.kiosk.bounds import RANGES, check_number
from loosstory.modes.kiosk.content import ContentUpdates
from loosstory.modes.kiosk.controller import KioskController
from loosstory.modes.kiosk.pin import DEFAULT_PIN_HASH
from loosstory.modes.kiosk.settings import TEST_TIMINGS_ENV, load_settings
from loosstory.stats.store import EventStore
from loosstory.story.loader import load_story
from loosstory.ui.state.config import ReaderConfig
from tests.hostile.make_packs import CASES, RED, Case, make, png
from tests.story.packs import write_pack

ROOT = Path(__file__).resolve().parents[2]


def _update(qtbot, data: Path, folder: Path) -> ContentUpdates:
    updates = ContentUpdates(data)
    with qtbot.waitSignal(updates.checked, timeout=30000):
        assert updates.submit(folder)
    qtbot.waitUntil(lambda: not updates.busy, timeout=5000)
    return updates


def _every_file(folder: Path) -> list[Path]:
    return [Path(top) / name for top, _, files in os.walk(folder) for name in files]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_content_update_applies_exactly_what_check_accepts(case: Case, qtbot, tmp_path):
    pack, _ = make(case, tmp_path / "usb")
    data = tmp_path / "data"
    updates = _update(qtbot, data, pack)
    problems = updates.last_problems
    before_copy = [p for p in problems if p.line == 0 and (
        "lien qui mène hors" in p.message or "n'est pas un fichier ordinaire" in p.message)]
    if before_copy:  # refused by the scan before copying: every problem is of that kind
        assert before_copy == problems
    else:  # checked on the copy: the same report as `loosstory check`
        for path, line, severity, text in case.expected:
            assert any(p.path == path and p.line == line and p.severity == severity
                       and text in p.message for p in problems), (path, text, problems)
    if case.kiosk_refuses:
        assert updates.pending is None
        assert any(p.is_error for p in problems)
        assert not (data / "packs").exists() or list((data / "packs").iterdir()) == []
    else:
        assert updates.pending is not None
    secret = png(64, 48, RED)
    for file in _every_file(data):  # never a bait's bytes copied in as pack content
        if not file.is_symlink():
            assert file.read_bytes() != secret, file


def test_an_update_keeps_links_inside_the_pack_as_links(qtbot, tmp_path):
    pack = write_pack(tmp_path / "usb")
    (pack / "images" / "terril.png").unlink()
    os.symlink("couverture.png", pack / "images" / "terril.png")
    updates = _update(qtbot, tmp_path / "data", pack)
    assert updates.pending is not None, [p.format() for p in updates.last_problems]
    copy, loaded = updates.pending
    assert (copy / "images" / "terril.png").is_symlink()
    assert loaded.playable and not loaded.errors


def test_an_update_refuses_a_link_out_before_copying(qtbot, tmp_path):
    pack = write_pack(tmp_path / "usb")
    secret = tmp_path / "secret.png"
    secret.write_bytes(png(8, 8, RED))
    (pack / "images" / "couverture.png").unlink()
    os.symlink(secret, pack / "images" / "couverture.png")
    os.mkfifo(pack / "fr" / "99.md")  # would hang a copy that opened it
    updates = _update(qtbot, tmp_path / "data", pack)
    assert updates.pending is None
    messages = {p.path: p.message for p in updates.last_problems}
    assert "lien qui mène hors du dossier du contenu" in messages["images/couverture.png"]
    assert "n'est pas un fichier ordinaire" in messages["fr/99.md"]
    assert not (tmp_path / "data" / "packs").exists() or not any(
        (tmp_path / "data" / "packs").iterdir())


# -- settings ----------------------------------------------------------------------------
BAD_VALUES = ["9999999", "1.0e+12", ".inf", "-.inf", ".nan", "-5", "0", "abc", "[1, 2]"]
KEYS = {"idle_timeout": "idle_timeout", "attract.slide_seconds": "attract_slide_seconds",
        "admin_long_press": "admin_long_press", "watch_seconds": "watch_seconds",
        "countdown": "countdown", "admin_corner_window": "admin_corner_window",
        "admin_corner_taps": "admin_corner_taps"}


def _settings_text(key: str, value: str) -> str:
    if key.startswith("attract."):
        return f"attract:\n  {key.split('.')[1]}: {value}\n"
    return f"{key}: {value}\n"


@pytest.mark.parametrize("value", BAD_VALUES)
@pytest.mark.parametrize("key", list(KEYS))
def test_a_bad_number_falls_back_to_its_default_with_a_warning(key, value, tmp_path, monkeypatch):
    monkeypatch.delenv(TEST_TIMINGS_ENV, raising=False)
    file = tmp_path / "kiosk.yaml"
    file.write_text(_settings_text(key, value), encoding="utf-8")
    settings = load_settings(file)
    default = load_settings(tmp_path / "absent.yaml")
    name = KEYS[key]
    assert getattr(settings, name) == getattr(default, name)
    lowest, highest, _ = RANGES[name]
    assert [w for w in settings.warnings if f"« {key} »" in w and "valeur par défaut" in w
            and f"{lowest:g}".replace(".", ",") in w], settings.warnings


def test_a_good_number_is_kept(tmp_path, monkeypatch):
    monkeypatch.delenv(TEST_TIMINGS_ENV, raising=False)
    file = tmp_path / "kiosk.yaml"
    file.write_text("idle_timeout: 45.5\nadmin_corner_taps: 4\nattract:\n  slide_seconds: 12\n",
                    encoding="utf-8")
    settings = load_settings(file)
    assert (settings.idle_timeout, settings.admin_corner_taps,
            settings.attract_slide_seconds, settings.warnings) == (45.5, 4, 12.0, ())


def test_an_alias_bomb_or_duplicate_in_kiosk_yaml_means_defaults(tmp_path):
    file = tmp_path / "kiosk.yaml"
    bomb = "\n".join(["a: &a [x, x, x, x, x, x, x, x, x, x]"] + [
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 10) + "]"
        for i in range(8)])
    file.write_text(bomb + "\n", encoding="utf-8")
    settings = load_settings(file)
    assert settings.idle_timeout == 90 and "trop volumineux" in " ".join(settings.warnings)
    file.write_text("idle_timeout: 60\nidle_timeout: 30\n", encoding="utf-8")
    assert "écrite deux fois" in " ".join(load_settings(file).warnings)


@pytest.mark.parametrize("value", ["9999999", "1.0e+12", ".inf", ".nan", "-5"])
def test_the_kiosk_starts_with_every_number_bad(value, qtbot, tmp_path, monkeypatch):
    """Every number setting at once set to ``value``: the window comes up, in attract."""
    monkeypatch.delenv(TEST_TIMINGS_ENV, raising=False)
    file = tmp_path / "kiosk.yaml"
    file.write_text("".join(_settings_text(k, value) for k in KEYS if not k.startswith("att"))
                    + _settings_text("attract.slide_seconds", value), encoding="utf-8")
    settings = load_settings(file).with_overrides(data_dir=tmp_path / "data")
    assert len(settings.warnings) == len(KEYS)
    store = EventStore(settings.stats_file)
    kiosk = KioskController(settings, load_story(write_pack(tmp_path / "pack")),
                            tmp_path / "pack", store, ReaderConfig(transition_ms=0))
    kiosk.quit_app = lambda status: None
    kiosk.window.keep_fullscreen = False
    qtbot.addWidget(kiosk.window)
    try:
        kiosk.start(show=False)
        kiosk.window.resize(1024, 768)
        kiosk.window.show()
        qtbot.waitExposed(kiosk.window)
        assert kiosk.window.isVisible() and kiosk.mode == "attract"
    finally:
        kiosk.stop()
        kiosk.window.allow_close()
        kiosk.window.close()
        store.close()
        QApplication.processEvents()


@pytest.mark.parametrize("value", [float("nan"), float("inf"), -5.0, 1e12, 0.0])
def test_a_bad_idle_timeout_on_the_command_line_is_refused(value):
    kept, warning = check_number("idle_timeout", "--idle-timeout", value, float, 90.0)
    assert kept == 90.0 and "« --idle-timeout »" in warning and "10 à 86400" in warning


def test_loosstory_kiosk_starts_with_a_bad_file_and_a_bad_command_line(tmp_path):
    """The real command: `loosstory --kiosk --idle-timeout nan` with every number of its
    file bad; it logs its warnings, reaches attract, and stops cleanly on SIGTERM."""
    config = tmp_path / "kiosk.yaml"
    config.write_text("idle_timeout: .nan\ncountdown: 1.0e+12\nattract:\n  slide_seconds: .inf"
                      "\nwatch_seconds: 9999999\nadmin_long_press: -5\n", encoding="utf-8")
    data = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LOOSSTORY_DATA_DIR": str(data),
           "LOOSSTORY_CACHE_DIR": "off", "PYTHONPATH": str(ROOT)}
    env.pop(TEST_TIMINGS_ENV, None)
    kiosk = subprocess.Popen([sys.executable, "-m", "loosstory", "--kiosk", "--idle-timeout",
                              "nan", "--kiosk-config", str(config)], env=env, cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    log = data / "logs" / "loosstory.log"
    try:
        _wait_for_log(kiosk, log, "mode : attract")
        kiosk.send_signal(signal.SIGTERM)
        _, stderr = kiosk.communicate(timeout=30)
    finally:
        if kiosk.poll() is None:
            kiosk.kill()
            kiosk.wait()
    assert kiosk.returncode == 0, stderr
    assert "Traceback" not in stderr
    text = log.read_text(encoding="utf-8")
    for key in ("idle_timeout", "countdown", "attract.slide_seconds", "watch_seconds",
                "admin_long_press", "--idle-timeout"):
        assert f"« {key} »" in text, key
    assert "inactivité 90,0 s" in text or "inactivité 90.0 s" in text


def _wait_for_log(process: subprocess.Popen, log: Path, text: str) -> None:
    """Block on the child's log until ``text`` appears (the child writes it; no sleep: each
    wait is for the child's own progress, bounded by a deadline)."""
    import select
    import time

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        if log.exists() and text in log.read_text(encoding="utf-8", errors="replace"):
            return
        select.select([process.stderr], [], [], 0.1)  # woken early by anything on stderr
    raise AssertionError(f"{text!r} never logged")


@pytest.mark.parametrize("stored", ["pbkdf2-sha256$1000000000000$00$00", "md5$1$2$3", "rien",
                                    "pbkdf2-sha256$-5$00$00"])
def test_a_pin_hash_that_would_freeze_the_pad_falls_back(stored, tmp_path):
    file = tmp_path / "kiosk.yaml"
    file.write_text(f'pin_hash: "{stored}"\n', encoding="utf-8")
    settings = load_settings(file)
    assert settings.pin_hash == DEFAULT_PIN_HASH
    assert any("« pin_hash »" in w and "loosstory kiosk-pin" in w for w in settings.warnings)


def test_the_staff_panel_shows_the_story_title_as_text(qtbot, tmp_path):
    from tests.modes.conftest import make_kiosk
    from tests.story.packs import STORY_YAML

    pack = write_pack(tmp_path / "pack", story=STORY_YAML.replace(
        "title: Une histoire d'essai", "title: <img src=/etc/hostname> Essai"))
    kiosk = make_kiosk(qtbot, load_story(pack), tmp_path / "data", source=pack)
    try:
        kiosk._open_admin()
        assert "<img src=/etc/hostname>" in kiosk.admin.status.text()
        assert kiosk.admin.status.textFormat() == Qt.TextFormat.PlainText
    finally:
        kiosk.stop()
        kiosk.window.allow_close()
        kiosk.window.close()
        kiosk.store.close()
