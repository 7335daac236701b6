"""`loosstory stats` on a damaged database says so in French and exits non-zero (issue 13);
the kiosk's log file says once that it cannot write, then stays quiet."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from loosstory.cli import main
from loosstory.modes.kiosk.resilience import setup_logging
from loosstory.stats.store import EventStore

CONTENT = Path(__file__).resolve().parents[2] / "content"


def _database(path: Path, events: int = 600) -> Path:
    store = EventStore(path, clock=lambda: 1_700_000_000.0)
    for number in range(events):
        store.record("page_view", visit=f"v{number % 50}", ref="energie/constat", value=3.0)
    store.close()
    return path


def _random(path: Path) -> None:
    path.write_bytes(os.urandom(8192))


def _header(path: Path) -> None:
    _database(path)
    with open(path, "r+b") as file:
        file.write(b"Not SQLite at all")


def _pages(path: Path) -> None:
    _database(path)
    size = path.stat().st_size
    with open(path, "r+b") as file:
        file.seek(4096)
        file.write(b"\xab" * (size - 8192))


def _truncated(path: Path) -> None:
    _database(path)
    with open(path, "r+b") as file:
        file.truncate(path.stat().st_size // 3)


def _folder(path: Path) -> None:
    path.mkdir()


@pytest.mark.parametrize("damage", [_random, _header, _pages, _truncated, _folder],
                         ids=["random", "header", "pages", "truncated", "folder"])
def test_stats_on_a_damaged_database_explains_in_french(damage, tmp_path, capsys):
    db = tmp_path / "stats.sqlite3"
    damage(db)
    for suffix in ("-wal", "-shm"):  # only the damaged file is read
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    code = main(["stats", "--db", str(db), "--content", str(CONTENT)])
    out, err = capsys.readouterr()
    assert code == 1
    assert "Traceback" not in err + out
    assert f"la base de chiffres {db} est abîmée" in err
    assert "Que faire : gardez-en une copie" in err


def test_stats_on_a_sound_or_absent_database_still_reports(tmp_path, capsys):
    assert main(["stats", "--db", str(tmp_path / "absent.sqlite3"),
                 "--content", str(CONTENT)]) == 0
    assert main(["stats", "--db", str(_database(tmp_path / "ok.sqlite3", 10)),
                 "--content", str(CONTENT)]) == 0
    assert "abîmée" not in capsys.readouterr().err


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_is_reported_once_not_per_message(capsys):
    """/dev/full answers every write with ENOSPC, as a full disk does."""
    root = logging.getLogger("loosstory")
    before = list(root.handlers)
    handler, recent = setup_logging(Path("/dev/full"))
    try:
        assert handler is not None
        for number in range(300):
            logging.getLogger("loosstory.kiosk").warning("message %d", number)
        err = capsys.readouterr().err
        assert "--- Logging error ---" not in err and "Traceback" not in err
        assert err.count("journal impossible dans /dev/full") == 1
        assert "message 299" in recent.records[-1]  # the admin panel still gets them
    finally:
        for added in [h for h in root.handlers if h not in before]:
            root.removeHandler(added)
            added.close()
