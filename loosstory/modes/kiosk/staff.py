"""What the staff panel does that is not about screens: the new PIN, the day's figures,
the problems' text, the pack's name. Pure Python (no Qt), called by the controller."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from loosstory.modes.kiosk import paths
from loosstory.modes.kiosk.pin import hash_pin
from loosstory.modes.kiosk.settings import KioskSettings, write_pin_hash

log = logging.getLogger("loosstory.kiosk")


def save_new_pin(settings: KioskSettings, pin: str) -> tuple[str, str]:
    """Hash ``pin`` into kiosk.yaml: (the new hash, "") or ("", why not, in French)."""
    file = settings.config_file or paths.config_file()
    pin_hash = hash_pin(pin)
    try:
        write_pin_hash(file, pin_hash)
    except OSError as error:
        log.error("nouveau code PIN non enregistré dans %s : %s", file, error)
        return "", error.strerror or "erreur d’écriture"
    log.info("code PIN d’usine remplacé par le personnel (enregistré haché dans %s)", file)
    return pin_hash, ""


def figures_of_today(settings: KioskSettings) -> str:
    try:
        from loosstory.stats.report import as_text, build_report
        from loosstory.stats.store import read_events
    except ImportError:
        return "Chiffres indisponibles (sqlite3 absent)."
    today = datetime.now().replace(hour=0, minute=0, second=0, microsecond=0)
    events = read_events(settings.stats_file, today.timestamp())
    return as_text(build_report(events, today.date()))


def pack_label(folder: Path) -> str:
    """« — paquet expo-v2 » for a sealed pack, "" otherwise (the admin panel's status)."""
    from loosstory.fleet.manifest import ManifestError, read_manifest

    try:
        return f" — paquet {read_manifest(folder).pack_id}"
    except ManifestError:
        return ""


def problems_text(last_source: str, last_problems: list, shown: list, records: list) -> str:
    """« Derniers problèmes »: the last content check, the story on screen, the log."""
    lines: list[str] = []
    if last_source:
        lines.append(f"Dernière vérification de contenu ({last_source}) :")
        lines += [f"  {p.format()}" for p in last_problems[:40]] or ["  aucun"]
    if shown:
        lines.append("Histoire affichée :")
        lines += [f"  {p.format()}" for p in shown[:20]]
    if records:
        lines.append("Journal (derniers avertissements et erreurs) :")
        lines += [f"  {r}" for r in records[-15:]]
    return "\n".join(lines) or "Aucun problème signalé."
