"""The figures the staff read, computed from the events (pure Python).

A visit is every event sharing a visit id. Its length runs from ``visit_start`` to
``visit_end`` (or, for a visit cut short by a crash or a power cut, to its last event).
"Where visitors leave" is the last page each visit viewed.
"""

from __future__ import annotations

import csv
import html
import io
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from loosstory.stats.store import Event
from loosstory.story.model import Story

PAGE_REFS_EXCLUDED = ("cover", "sommaire", "ending", "about")


@dataclass
class Visit:
    id: str
    start: float
    end: float
    pages: list[str] = field(default_factory=list)  # in the order viewed
    ended_by: str = ""

    @property
    def seconds(self) -> float:
        return max(0.0, self.end - self.start)

    @property
    def day(self) -> date:
        return datetime.fromtimestamp(self.start).date()

    @property
    def exit_page(self) -> str:
        return self.pages[-1] if self.pages else "(couverture)"


@dataclass
class Report:
    visits: list[Visit]
    page_views: Counter
    page_dwell: dict[str, float]  # mean dwell per page, s
    schematic_taps: int = 0
    timeline_taps: int = 0
    idle_resets: int = 0
    language_changes: Counter = field(default_factory=Counter)  # language -> switches to it
    since: date | None = None
    labels: dict[str, str] = field(default_factory=dict)  # ref -> "Chapitre › Page"
    pages_by_language: Counter = field(default_factory=Counter)  # language -> pages read

    def label(self, ref: str) -> str:
        return self.labels.get(ref, ref)

    @property
    def visits_per_day(self) -> list[tuple[date, int]]:
        days = Counter(visit.day for visit in self.visits)
        return sorted(days.items())

    @property
    def median_seconds(self) -> float:
        return statistics.median(v.seconds for v in self.visits) if self.visits else 0.0

    def most_viewed(self, n: int = 5) -> list[tuple[str, int]]:
        viewed = [kv for kv in self.page_views.items() if kv[1] > 0]
        return sorted(viewed, key=lambda kv: (-kv[1], kv[0]))[:n]

    def least_viewed(self, n: int = 5) -> list[tuple[str, int]]:
        return sorted(self.page_views.items(), key=lambda kv: (kv[1], kv[0]))[:n]

    def exits(self, n: int = 5) -> list[tuple[str, int]]:
        counts = Counter(visit.exit_page for visit in self.visits)
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]

    def named(self, rows: list[tuple[str, int]]) -> list[tuple[str, int]]:
        """The same rows with page titles instead of ids (when the story is known)."""
        return [(self.label(ref), n) for ref, n in rows]


def story_pages(story: Story | None) -> dict[str, str]:
    """ref -> "Chapter › Page" for every page of a story (in reading order)."""
    labels: dict[str, str] = {}
    for chapter in story.chapters if story is not None else []:
        for page in chapter.pages:
            labels[page.ref] = (chapter.title if page.title == chapter.title
                                else f"{chapter.title} › {page.title}")
    return labels


def build_report(events: list[Event], since: date | None = None,
                 all_pages: list[str] | None = None,
                 labels: dict[str, str] | None = None,
                 default_language: str = "fr") -> Report:
    """Group ``events`` into visits. ``all_pages`` (every page of the story) lets pages that
    nobody viewed appear among the least viewed, with 0."""
    by_visit: dict[str, list[Event]] = defaultdict(list)
    views: Counter = Counter({ref: 0 for ref in all_pages or []})
    dwell: dict[str, list[float]] = defaultdict(list)
    schematic = timeline = resets = 0
    languages: Counter = Counter()
    for event in events:
        if event.visit:
            by_visit[event.visit].append(event)
        if event.kind == "page_view" and event.ref not in PAGE_REFS_EXCLUDED:
            views[event.ref] += 1
            if event.value is not None:
                dwell[event.ref].append(event.value)
        elif event.kind == "schematic_tap":
            schematic += 1
        elif event.kind == "timeline_tap":
            timeline += 1
        elif event.kind == "idle_reset":
            resets += 1
        elif event.kind == "language_change":
            languages[event.ref] += 1
    visits = []
    by_language: Counter = Counter()
    for visit_id, items in by_visit.items():
        if not any(e.kind == "visit_start" for e in items):
            continue  # a fragment whose start was lost: not counted as a visit
        start = min(e.ts for e in items if e.kind == "visit_start")
        ends = [e for e in items if e.kind == "visit_end"]
        end = ends[0].ts if ends else max(e.ts for e in items)
        pages = [e.ref for e in items
                 if e.kind == "page_view" and e.ref not in PAGE_REFS_EXCLUDED]
        visits.append(Visit(visit_id, start, end, pages, ends[0].ref if ends else "coupure"))
        language = default_language  # every visit starts in it (the kiosk's reset)
        for item in sorted(items, key=lambda e: e.ts):
            if item.kind == "language_change":
                language = item.ref
            elif item.kind == "page_view" and item.ref not in PAGE_REFS_EXCLUDED:
                by_language[language] += 1
    visits.sort(key=lambda v: v.start)
    mean = {ref: sum(values) / len(values) for ref, values in dwell.items()}
    return Report(visits, views, mean, schematic, timeline, resets, languages, since,
                  dict(labels or {}), by_language)


# -- output ------------------------------------------------------------------------------
def duration(seconds: float) -> str:
    seconds = round(seconds)
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} min {rest:02d} s" if minutes else f"{rest} s"


def as_text(report: Report) -> str:
    out = io.StringIO()
    scope = f" depuis le {report.since:%d/%m/%Y}" if report.since else ""
    out.write(f"Fréquentation du kiosque{scope}\n")
    out.write(f"  visites : {len(report.visits)}    "
              f"durée médiane d'une visite : {duration(report.median_seconds)}\n")
    out.write(f"  touchers : maison du code source {report.schematic_taps}, "
              f"frise {report.timeline_taps}    retours à l'accueil (inactivité) : "
              f"{report.idle_resets}\n")
    if report.language_changes or len(report.pages_by_language) > 1:
        switches = ", ".join(f"vers {lang} {n}" for lang, n in
                             sorted(report.language_changes.items())) or "aucun"
        pages = ", ".join(f"{lang} {n}" for lang, n in sorted(report.pages_by_language.items()))
        out.write(f"  changements de langue : {switches}    pages lues par langue : {pages}\n")
    out.write("\n")

    def table(title: str, header: tuple[str, str], rows: list[tuple[str, object]]) -> None:
        out.write(f"{title}\n")
        if not rows:
            out.write("  (aucune donnée)\n\n")
            return
        width = max(len(header[0]), *(len(str(r[0])) for r in rows))
        out.write(f"  {header[0]:<{width}}  {header[1]:>8}\n")
        out.write(f"  {'-' * width}  {'-' * 8}\n")
        for left, right in rows:
            out.write(f"  {str(left):<{width}}  {str(right):>8}\n")
        out.write("\n")

    table("Visites par jour", ("jour", "visites"),
          [(f"{day:%d/%m/%Y}", n) for day, n in report.visits_per_day])
    table("Pages les plus vues", ("page", "vues"), report.named(report.most_viewed()))
    table("Pages les moins vues", ("page", "vues"), report.named(report.least_viewed()))
    table("Où les visiteurs s'arrêtent (dernière page)", ("page", "visites"),
          report.named(report.exits()))
    return out.getvalue()


def as_csv(report: Report) -> str:
    """One table, one row per figure: section, key, value (opens in any spreadsheet)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["section", "clé", "valeur"])
    writer.writerow(["résumé", "visites", len(report.visits)])
    writer.writerow(["résumé", "durée médiane (s)", round(report.median_seconds, 1)])
    writer.writerow(["résumé", "touchers maison", report.schematic_taps])
    writer.writerow(["résumé", "touchers frise", report.timeline_taps])
    writer.writerow(["résumé", "retours à l'accueil", report.idle_resets])
    for language, n in sorted(report.language_changes.items()):
        writer.writerow(["changements de langue", language, n])
    for language, n in sorted(report.pages_by_language.items()):
        writer.writerow(["pages lues par langue", language, n])
    for day, n in report.visits_per_day:
        writer.writerow(["visites par jour", day.isoformat(), n])
    for ref, n in sorted(report.page_views.items(), key=lambda kv: (-kv[1], kv[0])):
        writer.writerow(["vues par page", ref, n])
    for ref, n in report.exits(n=10_000):
        writer.writerow(["dernière page", ref, n])
    for visit in report.visits:
        writer.writerow(["visite", datetime.fromtimestamp(visit.start).isoformat(timespec="seconds"),
                         round(visit.seconds, 1)])
    return out.getvalue()


_CSS = """
body { font-family: "Atkinson Hyperlegible", Verdana, sans-serif; background: #f6f1e7;
  color: #1f2326; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; font-size: 18px; }
h1 { font-family: Fraunces, Georgia, serif; color: #8c3b2e; font-size: 2.2rem; }
h2 { font-family: Fraunces, Georgia, serif; margin-top: 2.5rem; font-size: 1.5rem; }
.cards { display: flex; gap: 1rem; flex-wrap: wrap; }
.card { background: #fff; border-radius: 12px; padding: 1rem 1.4rem; min-width: 12rem; }
.card b { display: block; font-size: 2.2rem; color: #8c3b2e; }
table { border-collapse: collapse; width: 100%; background: #fff; border-radius: 12px; }
th, td { text-align: left; padding: .5rem .8rem; border-bottom: 1px solid #e4dccb; }
td.n { text-align: right; width: 6rem; font-variant-numeric: tabular-nums; }
.bar { background: #8c3b2e; height: .9rem; border-radius: .45rem; }
footer { margin-top: 3rem; color: #4d5257; font-size: .9rem; }
"""


def as_html(report: Report, title: str = "Fréquentation du kiosque") -> str:
    """A self-contained French page (no script, no external file) for the staff."""
    e = html.escape

    def rows(items: list[tuple[str, int]], unit: str) -> str:
        if not items:
            return "<p>Aucune donnée pour l'instant.</p>"
        top = max(n for _, n in items) or 1
        body = "".join(
            f"<tr><td>{e(str(k))}</td><td class='n'>{n}</td>"
            f"<td><div class='bar' style='width:{max(1, round(100 * n / top))}%'></div></td></tr>"
            for k, n in items)
        return f"<table><tr><th>Page</th><th>{unit}</th><th></th></tr>{body}</table>"

    days = [(f"{d:%d/%m/%Y}", n) for d, n in report.visits_per_day]
    scope = f" depuis le {report.since:%d/%m/%Y}" if report.since else ""
    now = datetime.now().strftime("%d/%m/%Y à %H:%M")
    return f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>{e(title)}</title>
<style>{_CSS}</style></head><body>
<h1>{e(title)}{e(scope)}</h1>
<div class="cards">
<div class="card"><b>{len(report.visits)}</b>visites</div>
<div class="card"><b>{e(duration(report.median_seconds))}</b>durée médiane d'une visite</div>
<div class="card"><b>{report.schematic_taps + report.timeline_taps}</b>touchers sur la maison et la frise</div>
<div class="card"><b>{report.idle_resets}</b>retours à l'accueil</div>
</div>
<h2>Visites par jour</h2>{rows(days, "visites").replace("<th>Page</th>", "<th>Jour</th>")}
<h2>Pages les plus vues</h2>{rows(report.named(report.most_viewed(10)), "vues")}
<h2>Pages les moins vues</h2>{rows(report.named(report.least_viewed(10)), "vues")}
<h2>Où les visiteurs s'arrêtent</h2>
<p>La dernière page vue avant de quitter le kiosque.</p>{rows(report.named(report.exits(10)), "visites")}
<footer>Chiffres anonymes enregistrés sur ce kiosque uniquement (aucune donnée personnelle,
aucun envoi sur Internet). Rapport produit le {e(now)} par loosstory.</footer>
</body></html>
"""
