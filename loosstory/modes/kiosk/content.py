"""Content updates that cannot brick the kiosk.

A new pack (from the watched folder, or the admin panel's « Recharger le contenu ») is first
*copied* into the data folder (``packs/<date-time>/``), then checked there with
:func:`check_pack`, off the UI thread. The kiosk only ever plays such a checked copy, so
staff still copying files into the watched folder cannot break the story on screen.

- errors: the copy is deleted, the current story keeps running, the problems are kept for
  the staff (admin panel, « Derniers problèmes ») and logged;
- valid: it becomes ``pending`` and the controller swaps it in at the next idle reset; it is
  remembered in ``active-pack.txt`` so a restart plays it too.

A pack that carries a manifest (``loosstory pack seal``; always, with ``require_manifest``)
is taken only when every file matches it, before and after the copy
(:func:`manifest_gate`): a pack still arriving file by file (Syncthing, rsync) is only
"waiting", and the current story keeps running.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import stat
import threading
import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from loosstory.fleet.manifest import MANIFEST_NAME, verify
from loosstory.story.loader import check_pack, load_story
from loosstory.story.model import LoadResult, Problem

log = logging.getLogger("loosstory.kiosk")
ACTIVE_FILE = "active-pack.txt"
WATCH_FILE = "watched-folder.txt"
KEEP_COPIES = 3


MAX_PACK_FILES = 5000
MAX_PACK_BYTES = 2 * 1024 ** 3  # 2 GB: a story pack is a few MB of text and pictures


def _entries(folder: Path):
    """(relative path, lstat) of everything under ``folder``; links are not followed."""
    for top, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(dirs + [f for f in files if not f.startswith(".")]):
            path = Path(top) / name
            try:
                yield path.relative_to(folder).as_posix(), path, os.lstat(path)
            except OSError:
                continue


def folder_signature(folder: Path) -> str:
    """A fingerprint of every file's path, size and modification time ("" if absent)."""
    if not folder.is_dir():
        return ""
    digest = hashlib.sha256()
    for count, (rel, _, info) in enumerate(_entries(folder)):
        if count > MAX_PACK_FILES:
            break
        digest.update(f"{rel}|{info.st_mode}|{info.st_size}|{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def outside_links(folder: Path) -> list[Problem]:
    """What in ``folder`` a copy must not take: links leading out of it, devices, named
    pipes, sockets, and more files or bytes than a pack holds. Nothing is opened."""
    base = Path(os.path.realpath(folder))
    problems: list[Problem] = []
    total = 0
    for count, (rel, path, info) in enumerate(_entries(folder)):
        if count >= MAX_PACK_FILES:
            problems.append(Problem(rel, 0, 0, "error", f"plus de {MAX_PACK_FILES} fichiers : "
                                    "ce n'est pas un dossier de contenu"))
            break
        if stat.S_ISLNK(info.st_mode):
            real = Path(os.path.realpath(path))
            if not real.is_relative_to(base):
                problems.append(Problem(rel, 0, 0, "error", f"« {rel} » est un lien qui mène "
                                        f"hors du dossier du contenu ({real}) : copiez le "
                                        "fichier lui-même dans le dossier"))
        elif not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):
            problems.append(Problem(rel, 0, 0, "error", f"« {rel} » n'est pas un fichier "
                                    "ordinaire (périphérique, tube nommé ou socket) : "
                                    "retirez-le"))
        else:
            total += info.st_size
    if total > MAX_PACK_BYTES:
        problems.append(Problem(".", 0, 0, "error", f"dossier trop lourd ({total // 1024 ** 2} "
                                f"Mo, limite {MAX_PACK_BYTES // 1024 ** 2} Mo) : retirez ce "
                                "qui n'est pas du contenu (vidéos, archives…)"))
    return problems


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


class PackIncomplete(Exception):
    """The pack does not match its manifest (yet): wait, keep the current story."""


def manifest_gate(folder: Path, required: bool) -> str:
    """Raise :class:`PackIncomplete` unless ``folder`` matches its manifest; the pack id
    ("" when the pack has no manifest and none is required)."""
    if not required and not (folder / MANIFEST_NAME).exists():
        return ""
    verdict = verify(folder)
    if not verdict.ok:
        raise PackIncomplete(f"{folder} : {verdict.summary()}")
    return verdict.manifest.pack_id if verdict.manifest else ""


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
        self.require_manifest = False  # fleets: only sealed packs (settings.require_manifest)
        self.waiting = ""  # why the last pack was not taken yet (copy under way), for staff
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
            refused = outside_links(folder)  # before anything reads a file of the folder
            if refused:  # never copied: a link's target would be copied as pack content
                self._result = (False, str(folder), None, None, refused)
                self.checked.emit(False, str(folder))
                return
            manifest_gate(folder, self.require_manifest)  # still being copied? wait
            if not (folder / "story.yaml").is_file():
                raise FileNotFoundError(f"{folder} : pas de story.yaml, ce n'est pas un dossier "
                                        "de contenu")
            self.packs.mkdir(parents=True, exist_ok=True)
            copy = self.packs / time.strftime("%Y%m%d-%H%M%S")
            suffix = 1
            while copy.exists():
                copy = copy.with_name(f"{copy.name.split('~')[0]}~{suffix}")
                suffix += 1
            # Links are copied as links (never their targets); the copy is what is checked
            # and what is played, so the kiosk plays exactly what `check` accepted.
            shutil.copytree(folder, copy, symlinks=True, ignore=shutil.ignore_patterns(".*"))
            manifest_gate(copy, self.require_manifest)  # changed while it was copied?
            checked = check_pack(copy)
            problems = list(checked.problems) + outside_links(copy)
            if checked.errors or checked.story is None or any(p.is_error for p in problems):
                shutil.rmtree(copy, ignore_errors=True)
                self._result = (False, str(folder), None, None, problems)
            else:
                self._result = (True, str(folder), copy, load_story(copy), problems)
        except PackIncomplete as error:
            if copy is not None:
                shutil.rmtree(copy, ignore_errors=True)
            problem = Problem(str(folder), 0, 0, "warning", f"en attente : {error}")
            self._result = (False, str(folder), None, None, [problem])
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
        self.waiting = next((p.message for p in problems if p.message.startswith("en attente")
                             ), "") if not ok else ""
        if self.waiting:
            log.info("nouveau contenu %s", self.waiting)  # a copy under way: not an error
            return
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
