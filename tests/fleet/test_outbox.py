"""Outboxes of a fleet (issue 19, point 4): three kiosks merged into one report whose total
is the sum of their visits; `fleet status` tells which pack each kiosk plays and which are
silent."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

from loosstory.cli import main
from loosstory.fleet.manifest import seal
from loosstory.fleet.outbox import export_events, read_outbox, write_status
from loosstory.stats.store import EventStore, read_events
from tests.story.packs import write_pack

DAY = datetime(2026, 11, 2, 10, 0)


def kiosk_outbox(root, name: str, visits: list[tuple[int, float]], written: datetime,
                 pack=None):
    """A kiosk's database with ``visits`` (day offset, length s), exported to its outbox."""
    store = EventStore(root / f"{name}.sqlite3")
    for number, (offset, length) in enumerate(visits):
        start = (DAY + timedelta(days=offset, minutes=number * 7)).timestamp()
        visit = f"{name}{number:02d}"
        store.record("visit_start", visit, ts=start)
        store.record("page_view", visit, "premier/debut", length / 2, ts=start + length / 2)
        store.record("visit_end", visit, "idle", length, ts=start + length)
    events = list(store.events())
    store.close()
    outbox = root / "hub" / "kiosques" / name
    outbox.mkdir(parents=True)
    last = max((DAY.date() + timedelta(days=o) for o, _ in visits), default=DAY.date())
    export_events(outbox, events, last)
    status = {"kiosk": name, "version": "9.9", "written": written.isoformat(),
              "uptime_s": 7200, "pack_id": "", "manifest_sha256": "", "last_error": ""}
    if pack is not None:
        status.update(pack_id=pack.pack_id, manifest_sha256=pack.digest)
    write_status(outbox, status)
    return outbox


def test_three_kiosks_merge_into_one_report_whose_total_is_the_sum(tmp_path, capsys):
    now = datetime.now(timezone.utc)
    kiosk_outbox(tmp_path, "accueil", [(0, 60), (0, 120), (1, 90)], now)
    kiosk_outbox(tmp_path, "mediatheque", [(0, 30), (2, 300), (2, 200), (3, 100), (3, 40)], now)
    kiosk_outbox(tmp_path, "base-11-19", [(1, 45)], now)
    hub = tmp_path / "hub" / "kiosques"
    csv_file = tmp_path / "parc.csv"
    html_file = tmp_path / "parc.html"
    assert main(["stats", "--merge", str(hub), "--csv", str(csv_file),
                 "--html", str(html_file)]) == 0
    out = capsys.readouterr().out
    rows = {line.split()[0]: line.split() for line in out.splitlines()
            if line.startswith("  ") and line.split()[0] in ("accueil", "mediatheque",
                                                               "base-11-19", "TOTAL")}
    visits = {name: int(row[1]) for name, row in rows.items()}
    assert visits == {"accueil": 3, "mediatheque": 5, "base-11-19": 1, "TOTAL": 9}
    assert visits["TOTAL"] == sum(v for k, v in visits.items() if k != "TOTAL")
    assert "Tous les kiosques ensemble" in out and "visites : 9" in out
    table = csv_file.read_text("utf-8").splitlines()
    assert table[0].startswith("kiosque,visites") and table[-1].startswith("TOTAL,9,")
    assert "Fréquentation de tous les kiosques" in html_file.read_text("utf-8")
    # naming the three outboxes one by one gives the same total
    assert main(["stats", "--merge", *(str(hub / n) for n in ("accueil", "mediatheque",
                                                               "base-11-19"))]) == 0
    assert "visites : 9" in capsys.readouterr().out


def test_merge_counts_each_kiosk_even_if_visit_ids_collide(tmp_path):
    now = datetime.now(timezone.utc)
    a = read_outbox(kiosk_outbox(tmp_path, "a", [(0, 60)], now))
    b = read_outbox(kiosk_outbox(tmp_path, "b", [(0, 60)], now))
    b.events = [e.__class__(e.ts, a.events[0].visit, e.kind, e.ref, e.value) for e in b.events]
    from loosstory.fleet.report import merged_report

    rows, total, _ = merged_report([a, b])
    assert total.visits == 2 == sum(r.visits for r in rows)


def test_export_rewrites_only_the_days_still_open(tmp_path):
    store = EventStore(tmp_path / "k.sqlite3")
    for offset in range(3):
        store.record("visit_start", f"v{offset}", ts=(DAY + timedelta(days=offset)).timestamp())
    outbox = tmp_path / "outbox"
    export_events(outbox, read_events(tmp_path / "k.sqlite3"), DAY.date() + timedelta(days=2))
    names = sorted(p.name for p in outbox.iterdir())
    assert names == ["events-2026-11-02.csv", "events-2026-11-03.csv", "events-2026-11-04.csv"]
    first = outbox / names[0]
    first.write_text(first.read_text("utf-8") + "", encoding="utf-8")
    stamp = first.stat().st_mtime_ns
    store.record("visit_start", "v9", ts=(DAY + timedelta(days=2, hours=1)).timestamp())
    since = datetime.combine(date(2026, 11, 4), datetime.min.time()).timestamp()
    export_events(outbox, read_events(tmp_path / "k.sqlite3", since),
                  DAY.date() + timedelta(days=2))
    assert first.stat().st_mtime_ns == stamp  # a finished day is left alone
    assert len(read_outbox(outbox).events) == 4
    store.close()


def test_a_damaged_outbox_is_reported_not_fatal(tmp_path, capsys):
    now = datetime.now(timezone.utc)
    good = kiosk_outbox(tmp_path, "accueil", [(0, 60)], now)
    bad = tmp_path / "hub" / "kiosques" / "abime"
    bad.mkdir()
    (bad / "status.json").write_text("{pas du json", encoding="utf-8")
    (bad / "events-2026-11-02.csv").write_text("ts,visit,kind,ref,value\n1.0,x,visit_st",
                                               encoding="utf-8")
    assert main(["stats", "--merge", str(good.parent)]) == 0
    captured = capsys.readouterr()
    assert "status.json\u00a0: illisible" in captured.err and "ligne illisible" in captured.err
    assert main(["stats", "--merge", str(tmp_path / "nulle-part")]) == 2
    assert "dossier introuvable" in capsys.readouterr().err


def test_fleet_status_lists_packs_and_silent_kiosks(tmp_path, capsys):
    hub_pack = write_pack(tmp_path / "publie")
    old = seal(hub_pack, "expo-v1")
    (hub_pack / "fr" / "01-premier.md").write_text(
        (hub_pack / "fr" / "01-premier.md").read_text("utf-8") + "\nUne ligne de plus.\n",
        encoding="utf-8")
    new = seal(hub_pack, "expo-v2")
    now = datetime.now(timezone.utc)
    kiosk_outbox(tmp_path, "accueil", [(0, 60)], now - timedelta(hours=2), new)
    kiosk_outbox(tmp_path, "mediatheque", [(0, 60)], now - timedelta(hours=1), old)
    kiosk_outbox(tmp_path, "base-11-19", [(0, 60)], now - timedelta(days=3), new)
    hub = tmp_path / "hub" / "kiosques"
    code = main(["fleet", "status", str(hub), "--pack", str(hub_pack)])
    out = capsys.readouterr().out
    assert code == 1  # one kiosk is silent: a script (cron, monitoring) can tell
    assert "Parc\u00a0: 3 kiosque(s), 1 silencieux" in out
    assert "expo-v2" in out and new.digest[:12] in out
    lines = {line.split()[0]: line for line in out.splitlines() if line.startswith("  ")}
    assert "SILENCIEUX" in lines["base-11-19"] and "à jour" in lines["base-11-19"]
    assert "ancien paquet" in lines["mediatheque"] and "expo-v1" in lines["mediatheque"]
    assert "ok" in lines["accueil"] and "à jour" in lines["accueil"]
    assert main(["fleet", "status", str(hub), "--silent-after", "100"]) == 0
    status = json.loads((hub / "accueil" / "status.json").read_text("utf-8"))
    assert status["pack_id"] == "expo-v2"


def test_merge_since_a_date_counts_only_the_visits_from_that_day(tmp_path, capsys):
    now = datetime.now(timezone.utc)
    kiosk_outbox(tmp_path, "accueil", [(0, 60), (2, 120)], now)
    kiosk_outbox(tmp_path, "mediatheque", [(1, 30), (3, 300)], now)
    assert main(["stats", "--merge", str(tmp_path / "hub" / "kiosques"),
                 "--since", "2026-11-04"]) == 0
    out = capsys.readouterr().out
    totals = [line.split() for line in out.splitlines() if line.strip().startswith("TOTAL")]
    assert totals[0][1] == "2" and "depuis le 04/11/2026" in out
