"""Content updates that cannot brick the kiosk.

A new pack (from the watched folder, or the admin panel's « Recharger le contenu ») is first
*copied* into the data folder (``packs/<date-time>/``), then checked there with
:func:`check_pack`, off the UI thread. The kiosk only ever plays such a checked copy, so
staff still copying files into the watched folder cannot break the story on screen.

- errors: the copy is deleted, the current story keeps running, the problems are kept for
  the staff (admin panel, « Derniers problèmes ») and logged;
- valid: it becomes ``pending`` and the controller swaps it in at the next idle reset; it is
  remembered in ``active-pack.txt`` so a restart plays it too.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import threading
import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from loosstory.story.loader import check_pack, load_story
from loosstory.story.model import LoadResult, Problem

log = logging.getLogger("loosstory.kiosk")
ACTIVE_FILE = "active-pack.txt"
WATCH_FILE = "watched-folder.txt"
KEEP_COPIES = 3


def folder_signature(folder: Path) -> str:
    """A fingerprint of every file's path, size and modification time ("" if absent)."""
    if not folder.is_dir():
        return ""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        try:
            info = path.stat()
        except OSError:
            continue
        digest.update(f"{path.relative_to(folder)}|{info.st_size}|{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def remembered_pack(data_dir: Path, configured: Path | str | None = None) -> Path | None:
    """The last checked copy the kiosk played, if it is still there — and if it replaced
    the pack still configured (staff who set another ``content:`` get that one)."""
    try:
        lines = (data_dir / ACTIVE_FILE).read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    if not lines or not lines[0].strip():
        return None
    if configured is not None and (len(lines) < 2 or lines[1].strip() != str(configured)):
        return None
    path = Path(lines[0].strip())
    return path if path.is_dir() else None


class ContentUpdates(QObject):
    """``checked(bool ok, str source)`` after each check; ``pending`` holds a valid new pack."""

    checked = Signal(bool, str)

    def __init__(self, data_dir: Path, watch_folder: Path | None = None,
                 watch_ms: int = 10000, configured: Path | str = "",
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.configured = str(configured)  # the pack of the settings, which a copy replaces
        self.packs = data_dir / "packs"
        self.watch_folder = watch_folder
        self.pending: tuple[Path, LoadResult] | None = None
        self.last_problems: list[Problem] = []
        self.last_source = ""
        self._busy = False
        self._seen = self._read(WATCH_FILE)
        self._candidate = ""
        self.poll = QTimer(self)
        self.poll.setInterval(max(10, watch_ms))
        self.poll.timeout.connect(self.look_at_watch_folder)
        self.checked.connect(self._finished)
        self._result: tuple[bool, str, Path | None, LoadResult | None, list[Problem]] | None = None

    def start(self) -> None:
        if self.watch_folder is not None:
            self.poll.start()

    def _read(self, name: str) -> str:
        try:
            return (self.data_dir / name).read_text(encoding="utf-8").strip()
        except OSError:
            return ""

    def _write(self, name: str, text: str) -> None:
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            (self.data_dir / name).write_text(text + "\n", encoding="utf-8")
        except OSError:
            log.exception("impossible d'écrire %s", name)

    # -- the watched folder ------------------------------------------------------------------
    def look_at_watch_folder(self) -> None:
        """Check the folder once its content changed and then stayed still for one poll."""
        if self.watch_folder is None or self._busy:
            return
        signature = folder_signature(self.watch_folder)
        if not signature or signature == self._seen:
            self._candidate = ""
            return
        if signature != self._candidate:
            self._candidate = signature  # still being copied? look again next time
            return
        self._seen = signature
        self._write(WATCH_FILE, signature)
        self.submit(self.watch_folder)

    # -- checking ----------------------------------------------------------------------------
    def submit(self, folder: Path) -> bool:
        """Copy and check ``folder`` in the background; False if a check is already running."""
        if self._busy:
            return False
        self._busy = True
        threading.Thread(target=self._work, args=(Path(folder),), daemon=True,
                         name="loosstory-content-check").start()
        return True

    @property
    def busy(self) -> bool:
        return self._busy

    def _work(self, folder: Path) -> None:
        copy: Path | None = None
        try:
            if not (folder / "story.yaml").is_file():
                raise FileNotFoundError(f"{folder} : pas de story.yaml, ce n'est pas un dossier "
                                        "de contenu")
            self.packs.mkdir(parents=True, exist_ok=True)
            copy = self.packs / time.strftime("%Y%m%d-%H%M%S")
            suffix = 1
            while copy.exists():
                copy = copy.with_name(f"{copy.name.split('~')[0]}~{suffix}")
                suffix += 1
            shutil.copytree(folder, copy, ignore=shutil.ignore_patterns(".*"))
            checked = check_pack(copy)
            problems = list(checked.problems)
            if checked.errors or checked.story is None:
                shutil.rmtree(copy, ignore_errors=True)
                self._result = (False, str(folder), None, None, problems)
            else:
                self._result = (True, str(folder), copy, load_story(copy), problems)
        except Exception as error:  # noqa: BLE001 - any failure means "keep the old story"
            if copy is not None:
                shutil.rmtree(copy, ignore_errors=True)
            log.exception("vérification du contenu impossible")
            problem = Problem(str(folder), 0, 0, "error", f"contenu illisible : {error}")
            self._result = (False, str(folder), None, None, [problem])
        self.checked.emit(self._result[0], str(folder))

    def _finished(self, ok: bool, source: str) -> None:
        self._busy = False
        result, self._result = self._result, None
        if result is None:
            return
        _, _, copy, loaded, problems = result
        self.last_problems = problems
        self.last_source = source
        if ok and copy is not None and loaded is not None:
            log.info("nouveau contenu vérifié (%s) : il remplacera l'histoire au prochain "
                     "retour à l'accueil", source)
            self.pending = (copy, loaded)
        else:
            errors = [p for p in problems if p.is_error]
            log.warning("nouveau contenu refusé (%s) : %d erreur(s) ; l'histoire actuelle "
                        "continue\n%s", source, len(errors),
                        "\n".join(p.format() for p in errors[:50]))

    def take_pending(self) -> tuple[Path, LoadResult] | None:
        """The valid new pack (once); it is remembered as the active one."""
        pending, self.pending = self.pending, None
        if pending is not None:
            self._write(ACTIVE_FILE, f"{pending[0]}\n{self.configured}")
            self._prune(keep=pending[0])
        return pending

    def _prune(self, keep: Path) -> None:
        if not self.packs.is_dir():
            return
        copies = sorted((p for p in self.packs.iterdir() if p.is_dir()), key=lambda p: p.name)
        for old in copies[:-KEEP_COPIES]:
            if old != keep:
                shutil.rmtree(old, ignore_errors=True)
