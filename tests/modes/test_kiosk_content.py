"""Content updates cannot brick the kiosk (issue 4, point 5), and the kiosk's settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from loosstory.cli import main
from loosstory.modes.kiosk import controller as modes
from loosstory.modes.kiosk.content import remembered_pack
from loosstory.modes.kiosk.pin import DEFAULT_PIN, DEFAULT_PIN_HASH, verify_pin
from loosstory.modes.kiosk.settings import MIN_COUNTDOWN, load_settings
from loosstory.story.loader import load_story
from tests.modes.conftest import STAFF_PIN, make_kiosk
from tests.story.packs import FIRST, STORY_YAML, write_pack


def _good(root: Path, title: str = "Une nouvelle histoire") -> Path:
    return write_pack(root, story=STORY_YAML.replace("Une histoire d'essai", title))


def _broken(root: Path) -> Path:
    return write_pack(root, chapters={"01-premier.md": FIRST.replace("(#second)", "(#fantome)"),
                                      "02-second.md": "---\nid: second\n---\n"})


@pytest.fixture
def kiosk_on_pack(qtbot, tmp_path):
    source = _good(tmp_path / "source", "L’histoire actuelle")
    kiosk = make_kiosk(qtbot, load_story(source), tmp_path / "data", source=source,
                       watch_folder=tmp_path / "depot")
    yield kiosk
    kiosk.stop()
    kiosk.window.allow_close()
    kiosk.window.close()
    kiosk.store.close()


def test_an_invalid_new_pack_leaves_the_old_story_running(kiosk_on_pack, qtbot, tmp_path):
    kiosk = kiosk_on_pack
    kiosk.start_visit()
    kiosk.state.start()
    with qtbot.waitSignal(kiosk.content.checked, timeout=10000) as blocker:
        kiosk.content.submit(_broken(tmp_path / "mauvais"))
    assert blocker.args[0] is False
    assert kiosk.content.pending is None
    kiosk.reset("idle")
    assert kiosk.state.story.title == "L’histoire actuelle" and kiosk.state.playable
    assert not list((tmp_path / "data" / "packs").glob("*"))  # the rejected copy is gone
    kiosk.open_pin()
    kiosk.pinpad.code = STAFF_PIN
    kiosk.pinpad.press("Valider")
    kiosk.show_problems()
    shown = kiosk.admin.details.text()
    assert "fantome" in shown and "error" in shown  # for the staff only, in the admin panel
    assert kiosk.mode == modes.ADMIN


def test_a_valid_pack_takes_over_at_the_next_idle_reset(kiosk_on_pack, qtbot, tmp_path):
    kiosk = kiosk_on_pack
    kiosk.start_visit()
    kiosk.state.start()
    with qtbot.waitSignal(kiosk.content.checked, timeout=10000) as blocker:
        kiosk.content.submit(_good(tmp_path / "nouveau"))
    assert blocker.args[0] is True
    assert kiosk.state.story.title == "L’histoire actuelle"  # not in the middle of a visit
    qtbot.waitUntil(lambda: kiosk.mode == modes.ATTRACT, timeout=3000)
    assert kiosk.state.story.title == "Une nouvelle histoire"
    assert kiosk.attract.slides[0].title == "Une nouvelle histoire"
    played = remembered_pack(kiosk.settings.data_dir)
    assert played is not None and played.parent.name == "packs"  # a checked copy, remembered


def test_the_watched_folder_is_checked_once_it_is_still(kiosk_on_pack, qtbot, tmp_path):
    kiosk = kiosk_on_pack
    assert kiosk.mode == modes.ATTRACT
    with qtbot.waitSignal(kiosk.content.checked, timeout=10000) as blocker:
        _good(tmp_path / "depot", "Déposée par le personnel")
    assert blocker.args[0] is True
    # nobody was visiting: the new story is on the attract loop straight away
    qtbot.waitUntil(lambda: kiosk.state.story.title == "Déposée par le personnel", timeout=3000)
    assert kiosk.mode == modes.ATTRACT


def test_admin_reload_with_a_broken_folder_keeps_the_story(kiosk_on_pack, qtbot, tmp_path):
    kiosk = kiosk_on_pack
    _broken(tmp_path / "depot")
    kiosk.open_pin()
    kiosk.pinpad.code = STAFF_PIN
    kiosk.pinpad.press("Valider")
    assert kiosk.mode == modes.ADMIN
    # The staff wait for the check: with this fixture's idle timeout (0.15 s) a slow check
    # (a loaded machine) would see the panel close by itself first.
    kiosk.idle.timer.setInterval(60_000)
    with qtbot.waitSignal(kiosk.content.checked, timeout=10000):
        kiosk.admin.buttons["reload"].click()
    qtbot.waitUntil(lambda: kiosk.admin.details.text().startswith("Contenu refusé"))
    assert kiosk.mode == modes.ADMIN
    kiosk.admin.buttons["close"].click()
    assert kiosk.mode == modes.ATTRACT and kiosk.state.story.title == "L’histoire actuelle"


# -- settings and PIN ----------------------------------------------------------------------
def test_settings_file_keys_warnings_and_countdown_floor(tmp_path, monkeypatch):
    monkeypatch.delenv("LOOSSTORY_KIOSK_TEST_TIMINGS", raising=False)
    file = tmp_path / "kiosk.yaml"
    file.write_text("idle_timeout: 45\ncountdown: 5\nattract:\n  motion: false\n"
                    "watch_folder: depot\nidel_timeout: 3\n", encoding="utf-8")
    settings = load_settings(file)
    assert settings.idle_ms == 45000 and settings.attract_motion is False
    assert settings.countdown_ms == MIN_COUNTDOWN * 1000  # never under 20 s on a real kiosk
    assert settings.watch_folder == tmp_path / "depot"
    assert any("idel_timeout" in w for w in settings.warnings)
    assert settings.pin_hash == DEFAULT_PIN_HASH and verify_pin(DEFAULT_PIN, settings.pin_hash)
    monkeypatch.setenv("LOOSSTORY_KIOSK_TEST_TIMINGS", "1")  # the clearly marked test override
    assert load_settings(file).countdown_ms == 5000
    file.write_text("[not, a, mapping]\n", encoding="utf-8")
    assert load_settings(file).idle_timeout == 90  # broken file: defaults, and a warning
    assert load_settings(tmp_path / "absent.yaml").warnings == ()


def test_kiosk_pin_command_stores_a_new_hash(tmp_path, monkeypatch, capsys):
    file = tmp_path / "kiosk.yaml"
    file.write_text("# mes réglages\nidle_timeout: 60\n", encoding="utf-8")
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("975310\n"))
    assert main(["kiosk-pin", "--kiosk-config", str(file), "--stdin"]) == 0
    text = file.read_text(encoding="utf-8")
    assert "975310" not in text and "# mes réglages" in text
    settings = load_settings(file)
    assert verify_pin("975310", settings.pin_hash) and not verify_pin("2468", settings.pin_hash)
    assert settings.idle_timeout == 60
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("12\n"))
    assert main(["kiosk-pin", "--kiosk-config", str(file), "--stdin"]) == 2
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("2468\n"))
    assert main(["kiosk-pin", "--kiosk-config", str(file), "--stdin"]) == 2  # factory code
    assert "code d’usine" in capsys.readouterr().err
    assert verify_pin("975310", load_settings(file).pin_hash)  # unchanged


def test_kiosk_options_are_parsed(monkeypatch, tmp_path):
    seen = {}
    import loosstory.modes.kiosk.launch as launch

    monkeypatch.setattr(launch, "run_kiosk", lambda **kw: seen.update(kw) or 0)
    assert main(["--kiosk", "--idle-timeout", "12.5", "--kiosk-config",
                 str(tmp_path / "k.yaml")]) == 0
    assert seen == {"content": None, "idle_timeout": 12.5, "config_file": tmp_path / "k.yaml"}


# -- which pack plays at start-up ------------------------------------------------------------
def test_start_up_plays_the_bundled_story_when_the_configured_pack_is_broken(tmp_path,
                                                                             monkeypatch):
    from loosstory.modes.kiosk import launch
    from loosstory.modes.kiosk.launch import choose_content
    from loosstory.modes.kiosk.settings import KioskSettings
    from tests.packs import MINI

    monkeypatch.setattr(launch, "content_dir", lambda: MINI)  # the "bundled" story, for the test
    broken = _broken(tmp_path / "casse")
    settings = KioskSettings(content=broken, data_dir=tmp_path / "data")
    source, played, result, problems = choose_content(settings)
    assert source == broken and played == MINI and result.playable
    assert result.story.title == "Récit d’essai"
    assert any("fantome" in p.message for p in problems)  # kept for the admin panel


def test_start_up_plays_the_accepted_copy_of_the_configured_pack(tmp_path):
    from loosstory.modes.kiosk.content import ACTIVE_FILE
    from loosstory.modes.kiosk.launch import choose_content
    from loosstory.modes.kiosk.settings import KioskSettings

    configured = _good(tmp_path / "config", "Configurée")
    copy = _good(tmp_path / "data" / "packs" / "20260101-000000", "Copie vérifiée")
    (tmp_path / "data" / ACTIVE_FILE).write_text(f"{copy}\n{configured}\n", encoding="utf-8")
    settings = KioskSettings(content=configured, data_dir=tmp_path / "data")
    assert choose_content(settings)[1] == copy
    other = _good(tmp_path / "autre", "Une autre")
    settings = KioskSettings(content=other, data_dir=tmp_path / "data")
    assert choose_content(settings)[1] == other  # staff changed `content:`: that one wins


def test_no_visit_starts_without_a_playable_story(qtbot, tmp_path):
    kiosk = make_kiosk(qtbot, load_story(_broken(tmp_path / "casse")), tmp_path / "data")
    try:
        assert kiosk.attract.unavailable
        kiosk.start_visit()
        assert kiosk.mode == modes.ATTRACT  # visitors never see the list of problems
    finally:
        kiosk.stop()
        kiosk.window.allow_close()
        kiosk.window.close()
