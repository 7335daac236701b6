"""The usage figures survive the kiosk being killed mid-visit (issue 4, point 7)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from loosstory.stats.report import build_report
from loosstory.stats.store import read_events

ROOT = Path(__file__).resolve().parents[2]


def test_kill_9_mid_visit_keeps_a_sound_database(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    acknowledged, errors = 0, ""
    with subprocess.Popen([sys.executable, "-m", "tests.modes.kiosk_child", str(tmp_path)],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          cwd=ROOT, env=env) as child:  # closes its pipes when done
        assert child.stdout is not None and child.stderr is not None
        try:
            for line in child.stdout:
                acknowledged = int(line)
                if acknowledged >= 40:
                    break
        finally:
            os.kill(child.pid, signal.SIGKILL)
            child.wait(20)
        if acknowledged < 40:
            errors = child.stderr.read()
    assert acknowledged >= 40, errors
    db = sqlite3.connect(tmp_path / "stats.sqlite3")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    db.close()
    # every event the kiosk had written before the kill is there; at most the one being
    # written when it died is missing (it was never acknowledged)
    assert stored >= acknowledged
    report = build_report(read_events(tmp_path / "stats.sqlite3"))
    assert len(report.visits) == 1 and report.visits[0].ended_by == "coupure"
    assert report.visits[0].pages  # where this visitor "left": the last page recorded
