"""A kiosk in a fleet (issue 19, point 4): a pack arriving file by file is taken only once
it matches its manifest and passes `check`; the outbox gets the status and the figures.
Driven step by step: the watched folder is looked at by hand, never after a sleep."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from loosstory import __version__
from loosstory.fleet.manifest import MANIFEST_NAME, pack_files, seal
from loosstory.modes.kiosk import controller as modes
from loosstory.story.loader import load_story
from tests.modes.conftest import make_kiosk
from tests.story.packs import FIRST, STORY_YAML, write_pack

OLD, NEW = "L’histoire actuelle", "La nouvelle exposition"


def _pack(root: Path, title: str, extra_image: str = "") -> Path:
    images = ("couverture.png", "terril.png", *((extra_image,) if extra_image else ()))
    return write_pack(root, story=STORY_YAML.replace("Une histoire d'essai", title),
                      chapters={"01-premier.md": FIRST.replace("Premier chapitre",
                                                               f"Premier chapitre — {title}"),
                                "02-second.md": (Path(__file__).parent.parent / "story"
                                                 / "packs.py").read_text("utf-8").split(
                                    'SECOND = """\\\n')[1].split('"""')[0]},
                      images=images)


@pytest.fixture
def fleet_kiosk(qtbot, tmp_path):
    inbox = tmp_path / "inbox"  # the folder Syncthing receives from the hub
    source = _pack(tmp_path / "installed", OLD)
    kiosk = make_kiosk(qtbot, load_story(source), tmp_path / "data", source=source,
                       watch_folder=inbox, require_manifest=True, outbox=tmp_path / "outbox",
                       kiosk_name="accueil-1")
    kiosk.content.poll.stop()  # the test looks at the folder itself, step by step
    yield kiosk
    kiosk.stop()
    kiosk.window.allow_close()
    kiosk.window.close()
    kiosk.store.close()
    QApplication.processEvents()


def look(kiosk, qtbot) -> tuple[bool, str]:
    """Two polls of the watched folder: it changed, then stayed still → checked."""
    content = kiosk.content
    content.look_at_watch_folder()
    with qtbot.waitSignal(content.checked, timeout=10000) as blocker:
        content.look_at_watch_folder()
    return blocker.args[0], content.waiting


def test_a_pack_copied_file_by_file_is_taken_only_when_complete(fleet_kiosk, qtbot, tmp_path):
    kiosk = fleet_kiosk
    hub = _pack(tmp_path / "hub", NEW, extra_image="nouvelle.png")
    manifest = seal(hub, "expo-v2")
    inbox = kiosk.settings.watch_folder
    inbox.mkdir()
    (inbox / ".stfolder").mkdir()  # Syncthing's own marker
    files = [MANIFEST_NAME, *pack_files(hub)]  # the manifest may well arrive first
    for number, name in enumerate(files[:-1], start=1):
        target = inbox / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(hub / name, target)
        ok, waiting = look(kiosk, qtbot)
        assert not ok and kiosk.content.pending is None, name
        assert waiting.startswith("en attente") and "conformes au manifeste" in waiting
        # meanwhile visitors come and go: the current story keeps running
        kiosk.start_visit()
        kiosk.reset("idle")
        assert kiosk.state.story.title == OLD, f"after {number} file(s)"
    assert kiosk.content.waiting and "manquant" in kiosk.content.waiting
    kiosk.open_pin()
    kiosk.pinpad.code = "1357"
    kiosk.pinpad.press("Valider")
    kiosk.show_problems()
    assert "en attente" in kiosk.admin.details.text()  # staff see why, visitors nothing
    kiosk.admin.buttons["close"].click()
    # the last file arrives: complete, matching, checked → taken at the next reset
    shutil.copy2(hub / files[-1], inbox / files[-1])
    kiosk.start_visit()
    ok, waiting = look(kiosk, qtbot)
    assert ok and not waiting and kiosk.content.pending is not None
    assert kiosk.state.story.title == OLD  # not in the middle of a visit
    kiosk.reset("idle")
    assert kiosk.state.story.title == NEW and kiosk.mode == modes.ATTRACT
    assert kiosk.played.parent.name == "packs"  # the checked copy, with its manifest
    kiosk.open_pin()
    kiosk.pinpad.code = "1357"
    kiosk.pinpad.press("Valider")
    assert "paquet expo-v2" in kiosk.admin.status.text()  # staff see which pack plays
    status = json.loads((tmp_path / "outbox" / "status.json").read_text("utf-8"))
    assert status["reason"] == "nouveau paquet"  # written at the switch, for the hub
    assert status["pack_id"] == "expo-v2" and status["manifest_sha256"] == manifest.digest


def test_a_pack_whose_files_do_not_match_its_manifest_is_not_taken(fleet_kiosk, qtbot,
                                                                   tmp_path):
    kiosk = fleet_kiosk
    inbox = _pack(kiosk.settings.watch_folder, NEW)
    seal(inbox, "expo-v2")
    chapter = inbox / "fr" / "01-premier.md"
    chapter.write_text(chapter.read_text("utf-8").replace("chapitre", "chapître"),
                       encoding="utf-8")  # changed after sealing
    ok, waiting = look(kiosk, qtbot)
    assert not ok and "différent(s)\u00a0: fr/01-premier.md" in waiting
    kiosk.reset("idle")
    assert kiosk.state.story.title == OLD
    assert not list((kiosk.settings.data_dir / "packs").glob("*"))  # no copy left behind


def test_a_complete_pack_that_fails_check_is_refused(fleet_kiosk, qtbot, tmp_path):
    kiosk = fleet_kiosk
    inbox = _pack(kiosk.settings.watch_folder, NEW)
    broken = inbox / "fr" / "01-premier.md"
    broken.write_text(broken.read_text("utf-8").replace("(#second)", "(#fantome)"),
                      encoding="utf-8")
    seal(inbox, "expo-cassee")  # sealed as it is (the hub skipped `pack seal`'s check)
    ok, waiting = look(kiosk, qtbot)
    assert not ok and not waiting  # complete, so not waiting: refused by check
    assert any("fantome" in p.message for p in kiosk.content.last_problems if p.is_error)
    kiosk.reset("idle")
    assert kiosk.state.story.title == OLD


def test_a_fleet_kiosk_ignores_a_pack_without_manifest(fleet_kiosk, qtbot):
    kiosk = fleet_kiosk
    _pack(kiosk.settings.watch_folder, NEW)
    ok, waiting = look(kiosk, qtbot)
    assert not ok and "pas de manifeste" in waiting
    kiosk.reset("idle")
    assert kiosk.state.story.title == OLD


def test_the_outbox_gets_status_and_figures_at_start_daily_and_at_shutdown(fleet_kiosk,
                                                                         qtbot, tmp_path):
    kiosk = fleet_kiosk
    outbox = tmp_path / "outbox"
    status = json.loads((outbox / "status.json").read_text("utf-8"))  # written at start
    assert status["kiosk"] == "accueil-1" and status["version"] == __version__
    assert status["reason"] == "démarrage" and status["uptime_s"] >= 0
    assert status["pack_id"] == "" and status["last_error"] == ""  # installed: no manifest
    for _ in range(2):
        kiosk.start_visit()
        kiosk.reset("idle")
    kiosk.fleet.daily()  # same day: nothing new to write
    assert json.loads((outbox / "status.json").read_text("utf-8"))["reason"] == "démarrage"
    kiosk.fleet.last_written = None  # the day changed
    kiosk.fleet.daily()
    assert json.loads((outbox / "status.json").read_text("utf-8"))["reason"] == "quotidien"
    kiosk.start_visit()
    kiosk.quit("system")  # systemctl stop, shutdown
    status = json.loads((outbox / "status.json").read_text("utf-8"))
    assert status["reason"] == "arrêt"
    exported = sorted(outbox.glob("events-*.csv"))
    assert len(exported) == 1
    rows = exported[0].read_text("utf-8").splitlines()
    assert rows[0] == "ts,visit,kind,ref,value"
    assert sum(",visit_start," in r for r in rows) == 3
    assert not list(outbox.glob(".*"))  # no temporary file left for the copy tool


def test_the_status_carries_the_last_error_of_the_log():
    import logging

    from loosstory.modes.kiosk.fleetlink import last_error
    from loosstory.modes.kiosk.resilience import RecentProblems

    recent = RecentProblems()
    log = logging.getLogger("loosstory.test-fleet")
    log.addHandler(recent)
    try:
        log.warning("un avertissement")
        assert last_error(recent.records) == ""  # a warning is not an error
        log.error("écriture impossible : disque plein")
        log.warning("un autre avertissement")
        assert last_error(recent.records).endswith("ERROR écriture impossible : disque plein")
    finally:
        log.removeHandler(recent)
