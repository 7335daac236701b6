"""The hub's two views of the fleet, from the kiosks' outboxes (pure Python):

- :func:`merged_report` — ``loosstory stats --merge DIR…``: one row per kiosk and the
  total (visits, median length, days with visits, last visit), then the usual report on
  every visit of every kiosk;
- :func:`fleet_rows` — ``loosstory fleet status DIR…``: which kiosk plays which pack,
  since when it has been silent, its last error.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from loosstory.fleet.outbox import Outbox
from loosstory.stats.report import Report, as_text, build_report, duration
from loosstory.stats.store import Event


@dataclass(frozen=True)
class KioskRow:
    name: str
    visits: int
    median_seconds: float
    days: int
    last_visit: datetime | None


def kiosk_events(outbox: Outbox) -> list[Event]:
    """The outbox's events with visit ids made unique across the fleet."""
    prefix = f"{outbox.name}:"
    return [Event(e.ts, prefix + e.visit if e.visit else "", e.kind, e.ref, e.value)
            for e in outbox.events]


def merged_report(outboxes: list[Outbox], since=None, pages=None,
                  labels=None) -> tuple[list[KioskRow], KioskRow, Report]:
    start = datetime.combine(since, datetime.min.time()).timestamp() if since else None
    rows: list[KioskRow] = []
    every: list[Event] = []
    for outbox in outboxes:
        events = [e for e in kiosk_events(outbox) if start is None or e.ts >= start]
        every += events
        report = build_report(events, since)
        rows.append(_row(outbox.name, report))
    every.sort(key=lambda e: e.ts)
    total = build_report(every, since, pages, labels)
    return rows, _row("TOTAL", total), total


def _row(name: str, report: Report) -> KioskRow:
    last = max((v.start for v in report.visits), default=None)
    return KioskRow(name, len(report.visits), report.median_seconds,
                    len(report.visits_per_day),
                    datetime.fromtimestamp(last) if last is not None else None)


def merged_text(rows: list[KioskRow], total: KioskRow, report: Report) -> str:
    out = io.StringIO()
    out.write(f"Fréquentation de {len(rows)} kiosque(s)\n")
    width = max(len("kiosque"), *(len(r.name) for r in [*rows, total]))
    out.write(f"  {'kiosque':<{width}}  {'visites':>8}  {'durée médiane':>13}  "
              f"{'jours':>5}  dernière visite\n")
    out.write(f"  {'-' * width}  {'-' * 8}  {'-' * 13}  {'-' * 5}  {'-' * 16}\n")
    for row in [*rows, total]:
        last = f"{row.last_visit:%d/%m/%Y %H:%M}" if row.last_visit else "—"
        out.write(f"  {row.name:<{width}}  {row.visits:>8}  {duration(row.median_seconds):>13}"
                  f"  {row.days:>5}  {last}\n")
    out.write("\n")
    out.write(as_text(report).replace("Fréquentation du kiosque",
                                      "Tous les kiosques ensemble", 1))
    return out.getvalue()


def merged_csv(rows: list[KioskRow], total: KioskRow) -> str:
    import csv

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["kiosque", "visites", "durée médiane (s)", "jours", "dernière visite"])
    for row in [*rows, total]:
        writer.writerow([row.name, row.visits, round(row.median_seconds, 1), row.days,
                         row.last_visit.isoformat(timespec="minutes") if row.last_visit else ""])
    return out.getvalue()


# -- fleet status --------------------------------------------------------------------------
@dataclass(frozen=True)
class StatusRow:
    name: str
    version: str
    pack: str
    manifest: str
    written: datetime | None
    uptime: str
    last_error: str
    silent: bool
    up_to_date: bool | None  # None: no hub pack given


def _as_utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.astimezone(timezone.utc)


def fleet_rows(outboxes: list[Outbox], now: datetime, silent_after: timedelta,
               hub_manifest: str = "") -> list[StatusRow]:
    rows = []
    for outbox in outboxes:
        status = outbox.status
        written = outbox.written
        silent = written is None or _as_utc(now) - _as_utc(written) > silent_after
        manifest = str(status.get("manifest_sha256") or "")
        uptime = status.get("uptime_s")
        rows.append(StatusRow(
            outbox.name, str(status.get("version") or "?"),
            str(status.get("pack_id") or "(paquet sans manifeste)"), manifest,
            written,
            duration_long(float(uptime)) if isinstance(uptime, (int, float)) else "?",
            str(status.get("last_error") or ""), silent,
            (manifest == hub_manifest) if hub_manifest else None))
    return sorted(rows, key=lambda r: r.name)


def duration_long(seconds: float) -> str:
    days, rest = divmod(int(seconds), 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    return f"{days} j {hours} h" if days else f"{hours} h {minutes:02d}"


def fleet_text(rows: list[StatusRow], now: datetime, hub_pack: str = "") -> str:
    out = io.StringIO()
    silent = [r for r in rows if r.silent]
    out.write(f"Parc : {len(rows)} kiosque(s), {len(silent)} silencieux\n")
    if hub_pack:
        out.write(f"Paquet publié par le poste central : {hub_pack}\n")
    width = max(len("kiosque"), *(len(r.name) for r in rows)) if rows else 7
    pack_w = max(len("paquet"), *(len(r.pack) for r in rows)) if rows else 6
    out.write(f"  {'kiosque':<{width}}  {'paquet':<{pack_w}}  {'manifeste':<12}  "
              f"{'dernier signe de vie':<20}  {'en marche':>9}  état\n")
    for r in rows:
        seen = f"{r.written.astimezone():%d/%m/%Y %H:%M}" if r.written else "jamais"
        state = ["SILENCIEUX"] if r.silent else ["ok"]
        if r.up_to_date is False:
            state.append("ancien paquet")
        elif r.up_to_date:
            state.append("à jour")
        if r.last_error:
            state.append(f"dernière erreur : {r.last_error}")
        out.write(f"  {r.name:<{width}}  {r.pack:<{pack_w}}  {r.manifest[:12] or '—':<12}  "
                  f"{seen:<20}  {r.uptime:>9}  {' ; '.join(state)}\n")
    return out.getvalue()
