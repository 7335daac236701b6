"""Command line: `loosstory` (play), `loosstory check`, `loosstory snapshot`,
`loosstory --kiosk` (kiosk mode), `loosstory stats`, `loosstory kiosk-pin`, and for a fleet
of kiosks `loosstory pack seal|verify`, `loosstory fleet status`, `loosstory stats --merge`."""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from loosstory import __version__
from loosstory.resources import content_dir

COMMANDS = ("run", "check", "snapshot", "stats", "kiosk-pin", "pack", "fleet", "export")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="loosstory",
        description="Raconte l'histoire de Loos-en-Gohelle (ou de tout dossier de contenu).",
    )
    parser.add_argument("--version", action="version", version=f"loosstory {__version__}")
    sub = parser.add_subparsers(dest="command")

    run = sub.add_parser("run", help="ouvrir l'histoire (par défaut)")
    run.add_argument("--content", type=Path, default=None, help="dossier de contenu à jouer")
    run.add_argument("--fullscreen", action="store_true", help="ouvrir en plein écran")
    run.add_argument("--lang", default=None, metavar="LANGUE",
                     help="langue du récit et de l'interface (fr, en ; défaut : la première "
                          "du contenu)")
    run.add_argument("--kiosk", action="store_true",
                     help="mode kiosque : plein écran verrouillé, retour à l'accueil après "
                          "inactivité (voir GUIDE-KIOSQUE.md)")
    run.add_argument("--workshop", action="store_true",
                     help="mode atelier (classe) : glossaire, niveaux de lecture, quiz et fiches "
                          "à imprimer bien visibles ; pas de retour automatique à l'accueil")
    run.add_argument("--level", choices=("facile", "standard", "approfondi"), default=None,
                     help="atelier : niveau de lecture de la classe (défaut standard)")
    run.add_argument("--idle-timeout", type=float, default=None, metavar="SECONDES",
                     help="kiosque : secondes sans toucher avant le compte à rebours (défaut 90)")
    run.add_argument("--kiosk-config", type=Path, default=None, metavar="FICHIER",
                     help="kiosque : fichier de réglages (défaut "
                          "~/.config/loosstory/kiosk.yaml)")

    run.add_argument("--present", action="store_true",
                     help="mode présentateur : l’histoire au projecteur, les notes, la page "
                          "suivante et le chronomètre sur l’écran du portable")
    run.add_argument("--duration", type=float, default=0.0, metavar="MIN",
                     help="présentateur : durée prévue de l’exposé, en minutes (rythme)")
    run.add_argument("--audience-screen", default="", metavar="NOM",
                     help="présentateur : sortie du projecteur (par exemple HDMI-1) ; "
                          "retenue pour la fois suivante")

    from loosstory.export.cli import add_export

    add_export(sub)

    stats = sub.add_parser("stats", help="chiffres de fréquentation du kiosque")
    stats.add_argument("--since", default=None, metavar="DATE",
                       help="à partir de ce jour (AAAA-MM-JJ ou JJ/MM/AAAA)")
    stats.add_argument("--csv", type=Path, default=None, metavar="FICHIER",
                       help="écrire aussi les chiffres en CSV (tableur)")
    stats.add_argument("--html", type=Path, default=None, metavar="FICHIER",
                       help="écrire aussi un rapport HTML lisible dans un navigateur")
    stats.add_argument("--db", type=Path, default=None, metavar="FICHIER",
                       help="base de chiffres (défaut ~/.local/share/loosstory/stats.sqlite3)")
    stats.add_argument("--content", type=Path, default=None, metavar="DOSSIER",
                       help="contenu joué, pour nommer les pages (défaut : celui du kiosque)")
    stats.add_argument("--merge", nargs="+", type=Path, default=None, metavar="DOSSIER",
                       help="réunir les boîtes d'envoi de plusieurs kiosques (une ligne par "
                            "kiosque et le total)")

    pin = sub.add_parser("kiosk-pin", help="changer le code PIN du personnel du kiosque")
    pin.add_argument("--kiosk-config", type=Path, default=None, metavar="FICHIER")
    pin.add_argument("--stdin", action="store_true",
                     help="lire le nouveau code sur l'entrée standard (scripts)")

    from loosstory.fleet.cli import add_commands

    add_commands(sub)

    check = sub.add_parser("check", help="vérifier un dossier de contenu")
    check.add_argument("directory", nargs="?", type=Path, default=None)
    check.add_argument("--layout", action="store_true",
                       help="afficher chaque page hors écran (1920x1080, 1366x768, 1024x768) "
                            "et signaler celles qu’il faut faire défiler")

    snap = sub.add_parser("snapshot", help="enregistrer un écran en PNG, sans affichage")
    snap.add_argument("--content", type=Path, default=None)
    snap.add_argument(
        "--page", default="cover",
        help="cover, sommaire, problems, ending, about, un chapitre ou chapitre/page"
    )
    snap.add_argument("--lang", default=None, metavar="LANGUE",
                      help="langue du récit et de l'interface (fr, en)")
    snap.add_argument("--size", default="1920x1080", help="LARGEURxHAUTEUR (défaut 1920x1080)")
    snap.add_argument("-o", "--output", type=Path, required=True, help="fichier PNG à écrire")
    return parser


def _normalise(argv: list[str]) -> list[str]:
    """`loosstory --content X` means `loosstory run --content X`."""
    if any(arg in ("-h", "--help", "--version") for arg in argv[:1]):
        return argv
    if not argv or argv[0] not in COMMANDS:
        return ["run", *argv]
    return argv


def check(directory: Path) -> int:
    from loosstory.story.loader import check_pack

    result = check_pack(directory)
    for problem in result.problems:
        print(problem.format())
    errors, warnings = len(result.errors), len(result.warnings)
    story = result.story
    if story is not None:
        files = {chapter.id: chapter.file for chapter in story.chapters}
        precisions = story.precisions()
        for precision in precisions:  # listed for the curator (CURATION.md counts them too)
            text = precision.text if len(precision.text) <= 90 else precision.text[:89] + "…"
            print(f"{files.get(precision.chapter_id, '')}:{precision.paragraph_line}:1: "
                  f"précision: {precision.ref} [{', '.join(precision.sources)}] {text}")
        pages = sum(len(chapter.pages) for chapter in story.chapters)
        scope = f"{len(story.chapters)} chapitres, {pages} pages"
        if precisions:
            scope += f", {len(precisions)} précision(s)"
    else:
        scope = "histoire illisible"
    for summary in result.coverage:  # « en : 57/57 pages, 24/24 images, … »
        print(f"traduction {summary}")
    verdict = "OK" if errors == 0 else "À CORRIGER"
    print(f"{directory}: {errors} erreur(s), {warnings} avertissement(s) ({scope}) — {verdict}")
    return 1 if errors else 0


def _since(text: str):
    from datetime import datetime

    for form in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text.strip(), form).date()
        except ValueError:
            continue
    return None


def _page_labels(content: Path | None) -> tuple[list[str], dict[str, str]]:
    """Every page of the story the kiosk plays (or ``content``), with readable names."""
    from loosstory.modes.kiosk import paths
    from loosstory.modes.kiosk.settings import load_settings
    from loosstory.stats.report import story_pages
    from loosstory.story.loader import load_story

    if content is None:
        configured = load_settings().content or content_dir()
        try:  # the checked copy the kiosk plays, when one replaced the configured pack
            lines = (paths.data_dir() / "active-pack.txt").read_text("utf-8").splitlines()
            active = Path(lines[0]) if lines[1:] and lines[1] == str(configured) else None
        except (OSError, IndexError):
            active = None
        content = active if active and active.is_dir() else configured
    try:
        labels = story_pages(load_story(content).story)
    except Exception:  # noqa: BLE001 - the figures still print with page ids
        labels = {}
    return list(labels), labels


def stats(since_text: str | None, csv_file: Path | None, html_file: Path | None,
          db: Path | None, content: Path | None = None, merge: list[Path] | None = None) -> int:
    from datetime import datetime

    from loosstory.modes.kiosk import paths
    from loosstory.stats.report import as_csv, as_html, as_text, build_report
    from loosstory.stats.store import DamagedDatabase, read_events

    since = None
    if since_text:
        since = _since(since_text)
        if since is None:
            print(f"loosstory: date « {since_text} » illisible : écrivez AAAA-MM-JJ",
                  file=sys.stderr)
            return 2
    if merge:
        from loosstory.fleet.cli import merge as merge_outboxes

        return merge_outboxes(merge, since, csv_file, html_file, _page_labels(content))
    db = db or paths.stats_file()
    start = datetime.combine(since, datetime.min.time()).timestamp() if since else None
    pages, labels = _page_labels(content)
    try:
        events = read_events(db, start)
    except DamagedDatabase as error:
        print(f"loosstory: la base de chiffres {db} est abîmée ou n'en est pas une ({error}) : "
              "ses chiffres ne peuvent pas être lus.\nQue faire : gardez-en une copie pour les "
              "développeurs, puis déplacez le fichier ailleurs ; le kiosque en commence une "
              "nouvelle à son prochain démarrage.", file=sys.stderr)
        return 1
    report = build_report(events, since, pages, labels)
    print(as_text(report), end="")
    from loosstory.output import write_files

    return write_files([(csv_file, lambda: as_csv(report)), (html_file, lambda: as_html(report))])


def kiosk_pin(config: Path | None, from_stdin: bool) -> int:
    import getpass

    from loosstory.modes.kiosk import paths
    from loosstory.modes.kiosk.pin import DEFAULT_PIN, hash_pin, valid_pin
    from loosstory.modes.kiosk.settings import write_pin_hash

    file = config or paths.config_file()
    if from_stdin:
        pin = sys.stdin.readline().strip()
        again = pin
    else:
        pin = getpass.getpass("Nouveau code PIN (4 à 12 chiffres) : ").strip()
        again = getpass.getpass("Le même code, encore une fois : ").strip()
    if not valid_pin(pin):
        print("loosstory: le code doit compter 4 à 12 chiffres", file=sys.stderr)
        return 2
    if pin != again:
        print("loosstory: les deux codes diffèrent, rien n'a changé", file=sys.stderr)
        return 2
    if pin == DEFAULT_PIN:
        print(f"loosstory: {DEFAULT_PIN} est le code d’usine, connu de tous : choisissez-en "
              "un autre", file=sys.stderr)
        return 2
    write_pin_hash(file, hash_pin(pin))
    print(f"nouveau code enregistré (haché) dans {file} ; il sert au prochain démarrage")
    return 0


SNAPSHOT_SIDES = (240, 7680)  # pixels per side: a small phone to an 8K screen, either way up


def _size(text: str) -> tuple[int, int] | None:
    match = re.fullmatch(r"\s*(\d{2,5})\s*[xX×]\s*(\d{2,5})\s*", text)
    if not match:
        return None
    low, high = SNAPSHOT_SIDES
    width, height = int(match.group(1)), int(match.group(2))
    if not (low <= width <= high and low <= height <= high):
        return None
    return width, height


def _exit_now(code: int) -> None:
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(_normalise(list(sys.argv[1:] if argv is None else argv)))
    command = args.command or "run"
    if command == "check":
        code = check(args.directory or content_dir())
        if args.layout and code == 0:
            from loosstory.ui.layoutcheck import check_layout

            check_layout(args.directory or content_dir())
        return code
    if command == "snapshot":
        size = _size(args.size)
        if size is None:
            print(
                f"loosstory: taille « {args.size} » illisible ou hors limites (de 240 à 7680 "
                "pixels de côté) : écrivez par exemple 1920x1080",
                file=sys.stderr,
            )
            return 2
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from loosstory.ui.snapshot import snapshot

        code = snapshot(args.content or content_dir(), args.page, size, args.output, args.lang)
        if argv is None:  # a process of its own (not a test calling main): once the PNG is
            _exit_now(code)  # written, tearing Qt and Python down is ~100 ms of nothing
        return code
    if command == "stats":
        return stats(args.since, args.csv, args.html, args.db, args.content, args.merge)
    if command in ("pack", "fleet"):
        from loosstory.fleet.cli import run as run_fleet

        return run_fleet(args)
    if command == "kiosk-pin":
        return kiosk_pin(args.kiosk_config, args.stdin)
    if command == "export":
        from loosstory.export.cli import run_export

        code = run_export(args)
        if argv is None:  # a process of its own: once the PDF is written, skip the teardown
            _exit_now(code)
        return code
    if args.present:
        from loosstory.modes.presenter.launch import run_present

        return run_present(args.content or content_dir(), duration_min=args.duration,
                           audience_screen=args.audience_screen)
    if args.kiosk:
        from loosstory.modes.kiosk.launch import run_kiosk

        return run_kiosk(content=args.content, idle_timeout=args.idle_timeout,
                         config_file=args.kiosk_config)
    from loosstory.app import run

    if args.workshop:
        from loosstory.modes.workshop.bar import install

        level = args.level or "standard"
        return run(args.content or content_dir(), fullscreen=args.fullscreen,
                   setup=lambda state, window: install(state, window, level),
                   language=args.lang)
    return run(args.content or content_dir(), fullscreen=args.fullscreen, language=args.lang)
