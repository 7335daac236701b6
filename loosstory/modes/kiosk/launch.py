"""``loosstory --kiosk``: the kiosk's composition root."""

from __future__ import annotations

import logging
import signal
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from loosstory.modes.kiosk.bounds import check_number
from loosstory.modes.kiosk.content import remembered_pack
from loosstory.modes.kiosk.controller import KioskController
from loosstory.modes.kiosk.resilience import setup_logging
from loosstory.modes.kiosk.settings import KioskSettings, load_settings
from loosstory.resources import content_dir
from loosstory.story.loader import load_story
from loosstory.story.model import LoadResult

log = logging.getLogger("loosstory.kiosk")


def choose_content(settings: KioskSettings) -> tuple[Path, Path, LoadResult, list]:
    """(folder staff update, folder played, its story, problems for the staff).

    In order: the last checked copy (when one was accepted and still loads without
    errors), the configured pack, and — when that one has errors — the story bundled with
    loosstory, so that a broken pack never reaches the visitors."""
    source = settings.content or content_dir()
    remembered = remembered_pack(settings.data_dir, source)
    if remembered is not None:
        result = load_story(remembered)
        if result.playable:
            return source, remembered, result, []
        log.warning("copie de contenu %s illisible : retour au contenu configuré", remembered)
    result = load_story(source)
    if result.playable or Path(source).resolve() == content_dir().resolve():
        return source, source, result, list(result.errors)
    log.warning("le contenu %s a %d erreur(s) : l'histoire livrée avec loosstory est jouée "
                "à la place\n%s", source, len(result.errors),
                "\n".join(p.format() for p in result.errors[:50]))
    bundled = load_story(content_dir())
    if bundled.playable:
        return source, content_dir(), bundled, result.problems
    return source, source, result, result.problems


def run_kiosk(content: Path | None = None, idle_timeout: float | None = None,
              config_file: Path | None = None, argv: list[str] | None = None) -> int:
    settings = load_settings(config_file)
    if idle_timeout is not None:  # --idle-timeout: checked like the file's idle_timeout
        idle_timeout, warning = check_number("idle_timeout", "--idle-timeout", idle_timeout,
                                             float, settings.idle_timeout,
                                             settings.test_timings)
        if warning:
            settings = settings.with_overrides(warnings=(*settings.warnings, warning))
    settings = settings.with_overrides(content=content, idle_timeout=idle_timeout)
    _, recent = setup_logging(settings.log_file)
    for warning in settings.warnings:
        log.warning("%s", warning)
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("loosstory")
    app.setDesktopFileName("fr.loosengohelle.loosstory")
    from loosstory.app import install_translations
    from loosstory.ui.look.fonts import load_fonts

    install_translations(app)
    load_fonts()
    source, played, result, problems = choose_content(settings)
    log.info("mode kiosque : %s (inactivité %.1f s, compte à rebours %.1f s)", played,
             settings.idle_timeout, settings.countdown_ms / 1000)
    store = None
    try:  # sqlite3 may be missing from a trimmed bundle: the kiosk then runs without figures
        from loosstory.stats.store import EventStore

        store = EventStore(settings.stats_file)
    except Exception:  # noqa: BLE001 - no figures is better than no kiosk
        log.exception("chiffres de fréquentation désactivés : %s", settings.stats_file)
    controller = KioskController(settings, result, source, store, recent=recent)
    controller.played = played  # its manifest names the pack in the fleet's status
    if problems:  # the configured pack was refused: its problems wait in the admin panel
        controller.content.last_problems, controller.content.last_source = problems, str(source)
    # SIGTERM (systemctl stop, shutdown): end the visit cleanly; a timer lets Python see it.
    signal.signal(signal.SIGTERM,
                  lambda *_: QTimer.singleShot(0, lambda: controller.quit("system")))
    heartbeat = QTimer(app)
    heartbeat.start(500)
    heartbeat.timeout.connect(lambda: None)
    controller.start()
    try:
        return app.exec()
    finally:
        if store is not None:
            store.close()
