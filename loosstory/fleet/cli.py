"""Command line of the fleet: ``loosstory pack seal|verify DIR``, ``loosstory fleet status
DIR…`` and ``loosstory stats --merge DIR…`` (called from :mod:`loosstory.cli`)."""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path


def add_commands(sub) -> None:
    pack = sub.add_parser("pack", help="sceller ou vérifier un paquet de contenu (parc)")
    pack_sub = pack.add_subparsers(dest="pack_command", required=True)
    seal = pack_sub.add_parser("seal", help="écrire le manifeste du paquet (après vérification)")
    seal.add_argument("directory", type=Path)
    seal.add_argument("--id", default=None, metavar="NOM",
                      help="nom de cette version du paquet (défaut : dossier-date-heure)")
    verify = pack_sub.add_parser("verify", help="comparer un dossier à son manifeste")
    verify.add_argument("directory", type=Path)

    fleet = sub.add_parser("fleet", help="état du parc de kiosques (boîtes d'envoi)")
    fleet_sub = fleet.add_subparsers(dest="fleet_command", required=True)
    status = fleet_sub.add_parser("status", help="quel kiosque joue quel paquet, lesquels "
                                                 "sont silencieux")
    status.add_argument("folders", nargs="+", type=Path, metavar="DOSSIER")
    status.add_argument("--pack", type=Path, default=None, metavar="DOSSIER",
                        help="le paquet publié, pour dire quels kiosques sont à jour")
    status.add_argument("--silent-after", type=float, default=26.0, metavar="HEURES",
                        help="silencieux après ce nombre d'heures sans nouvelles (défaut 26)")


def run(args: argparse.Namespace) -> int:
    if args.command == "pack":
        return seal(args.directory, args.id) if args.pack_command == "seal" \
            else verify(args.directory)
    return status(args.folders, args.pack, args.silent_after)


def seal(directory: Path, pack_id: str | None) -> int:
    from loosstory.fleet.manifest import ManifestError
    from loosstory.fleet.manifest import seal as write_manifest
    from loosstory.story.loader import check_pack

    if not (directory / "story.yaml").is_file():
        print(f"loosstory: {directory} : pas de story.yaml, ce n'est pas un dossier de contenu",
              file=sys.stderr)
        return 2
    checked = check_pack(directory)
    if checked.errors:
        for problem in checked.errors:
            print(problem.format(), file=sys.stderr)
        print(f"loosstory: {directory} : {len(checked.errors)} erreur(s), paquet non scellé "
              "(corrigez-les puis recommencez)", file=sys.stderr)
        return 1
    try:
        manifest = write_manifest(directory, pack_id)
    except (ManifestError, OSError) as error:
        print(f"loosstory: {error}", file=sys.stderr)
        return 1
    print(f"paquet « {manifest.pack_id} » scellé : {len(manifest.files)} fichier(s), "
          f"manifeste {manifest.digest[:12]}")
    return 0


def verify(directory: Path) -> int:
    from loosstory.fleet.manifest import verify as compare

    verdict = compare(directory)
    print(f"{directory} : {verdict.summary()}")
    return 0 if verdict.ok else 1


def status(folders: list[Path], pack: Path | None, silent_after: float) -> int:
    from loosstory.fleet.manifest import ManifestError, read_manifest
    from loosstory.fleet.outbox import find_outboxes, read_outbox
    from loosstory.fleet.report import fleet_rows, fleet_text

    found, problems = find_outboxes(folders)
    hub_digest = hub_label = ""
    if pack is not None:
        try:
            manifest = read_manifest(pack)
            hub_digest, hub_label = manifest.digest, f"{manifest.pack_id} ({manifest.digest[:12]})"
        except ManifestError as error:
            problems.append(str(error))
    outboxes = [read_outbox(folder) for folder in found]
    for outbox in outboxes:
        problems += outbox.problems
    now = datetime.now(timezone.utc)
    rows = fleet_rows(outboxes, now, timedelta(hours=silent_after), hub_digest)
    print(fleet_text(rows, now, hub_label), end="")
    for problem in problems:
        print(f"attention : {problem}", file=sys.stderr)
    if not found:
        return 2
    return 1 if any(r.silent for r in rows) else 0


def merge(folders: list[Path], since: date | None, csv_file: Path | None,
          html_file: Path | None, labels: tuple[list[str], dict[str, str]]) -> int:
    from loosstory.fleet.outbox import find_outboxes, read_outbox
    from loosstory.fleet.report import merged_csv, merged_report, merged_text
    from loosstory.stats.report import as_html

    found, problems = find_outboxes(folders)
    if not found:
        for problem in problems:
            print(f"loosstory: {problem}", file=sys.stderr)
        return 2
    outboxes = [read_outbox(folder) for folder in found]
    names = [o.name for o in outboxes]
    for name in sorted({n for n in names if names.count(n) > 1}):
        problems.append(f"deux boîtes d'envoi portent le nom « {name} » : donnez à chaque "
                        "kiosque son propre kiosk_name")
    rows, total, report = merged_report(outboxes, since, *labels)
    print(merged_text(rows, total, report), end="")
    for outbox in outboxes:
        problems += outbox.problems
    for problem in problems:
        print(f"attention : {problem}", file=sys.stderr)
    from loosstory.output import write_files

    return write_files([(csv_file, lambda: merged_csv(rows, total)),
                        (html_file, lambda: as_html(report, "Fréquentation de tous les kiosques"))])
