"""The pack manifest: every file of a pack with its size and SHA-256.

File-copy tools such as Syncthing or rsync copy a pack file by file: a kiosk looking at
the folder mid-copy sees a mix of the old and the new pack. ``loosstory pack seal DIR``
writes ``MANIFEST_NAME`` at the root of the pack; a kiosk switches to a pack only when every
file matches it exactly (no file missing, none different, none extra) — see
:func:`verify`. Hidden files and folders (``.stfolder``, ``.syncthing.*.tmp``,
``.stversions``, ``.git``…) are never part of a pack and are ignored.

The manifest is JSON::

    {"format": 1, "pack_id": "loos-2026-12-04", "sealed": "2026-12-04T17:02:11+00:00",
     "files": {"story.yaml": {"size": 812, "sha256": "…"}, "images/a.jpg": {…}}}

Its own SHA-256 (:func:`manifest_hash`) names a pack version across the fleet.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

MANIFEST_NAME = "pack-manifest.json"
FORMAT = 1
_CHUNK = 1024 * 1024


class ManifestError(ValueError):
    """The manifest is missing or unreadable (the message is for staff, in French)."""


@dataclass(frozen=True)
class Manifest:
    pack_id: str
    files: dict[str, tuple[int, str]]  # relative POSIX path -> (size, sha256 hex)
    sealed: str = ""
    digest: str = ""  # SHA-256 of the manifest file itself


@dataclass
class Verdict:
    """What :func:`verify` found; ``ok`` only when the folder is exactly the sealed pack."""

    manifest: Manifest | None
    missing: list[str] = field(default_factory=list)
    different: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    error: str = ""

    @property
    def ok(self) -> bool:
        return (self.manifest is not None and not self.error and not self.missing
                and not self.different and not self.extra)

    @property
    def matching(self) -> int:
        if self.manifest is None:
            return 0
        return len(self.manifest.files) - len(self.missing) - len(self.different)

    def summary(self) -> str:
        """One French line for the staff and the log."""
        if self.error:
            return self.error
        if self.ok:
            return (f"paquet « {self.manifest.pack_id} » complet : "  # type: ignore[union-attr]
                    f"{self.matching} fichier(s) conformes au manifeste")
        total = len(self.manifest.files) if self.manifest else 0
        parts = [f"{self.matching}/{total} fichier(s) conformes au manifeste"]
        for label, names in (("manquant(s)", self.missing), ("différent(s)", self.different),
                             ("en trop", self.extra)):
            if names:
                shown = ", ".join(names[:5]) + (" …" if len(names) > 5 else "")
                parts.append(f"{len(names)} {label} : {shown}")
        return "copie incomplète ou différente — " + " ; ".join(parts)


def pack_files(folder: Path) -> list[str]:
    """Every regular file of the pack (relative POSIX paths, sorted), hidden ones and the
    manifest excluded. Symbolic links (to files or folders) are listed too, so that
    :func:`seal` and :func:`verify` refuse them."""
    found: list[str] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        # a linked folder is never walked into, but listed: seal and verify refuse it
        files = [*files, *(d for d in dirs if os.path.islink(os.path.join(root, d)))]
        for name in files:
            if name.startswith("."):
                continue
            relative = Path(root, name).relative_to(folder).as_posix()
            if relative != MANIFEST_NAME:
                found.append(relative)
    return sorted(found)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def seal(folder: Path | str, pack_id: str | None = None,
         now: datetime | None = None) -> Manifest:
    """Write ``MANIFEST_NAME`` into ``folder`` (atomically) and return it."""
    folder = Path(folder)
    now = now or datetime.now(timezone.utc)
    pack_id = (pack_id or f"{folder.resolve().name}-{now:%Y%m%d-%H%M%S}").strip()
    files: dict[str, dict[str, object]] = {}
    for relative in pack_files(folder):
        path = folder / relative
        if path.is_symlink():
            raise ManifestError(f"{path} : lien symbolique, un paquet ne contient que des "
                                "fichiers (copiez le fichier lui-même)")
        if not stat.S_ISREG(path.stat().st_mode):  # a FIFO would be read forever
            raise ManifestError(f"{path} : pas un fichier ordinaire (tube nommé, "
                                "périphérique ou socket) : retirez-le")
        files[relative] = {"size": path.stat().st_size, "sha256": file_sha256(path)}
    data = {"format": FORMAT, "pack_id": pack_id,
            "sealed": now.isoformat(timespec="seconds"), "files": files}
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    target = folder / MANIFEST_NAME
    tmp = folder / f".{MANIFEST_NAME}.tmp"
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, target)
    return read_manifest(folder)


def manifest_hash(folder: Path) -> str:
    """SHA-256 of the manifest file ("" when the pack has none)."""
    try:
        return file_sha256(folder / MANIFEST_NAME)
    except OSError:
        return ""


def read_manifest(folder: Path | str) -> Manifest:
    """The manifest of ``folder``; :class:`ManifestError` (in French) when absent or bad."""
    file = Path(folder) / MANIFEST_NAME
    try:
        raw = file.read_bytes()
    except FileNotFoundError:
        raise ManifestError(f"{file} : pas de manifeste (scellez le paquet avec "
                            "« loosstory pack seal DOSSIER »)") from None
    except OSError as error:
        raise ManifestError(f"{file} : illisible ({error.strerror})") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ManifestError(f"{file} : manifeste illisible, incomplet ou abîmé ({error})"
                            ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT \
            or not isinstance(data.get("files"), dict):
        raise ManifestError(f"{file} : ce n'est pas un manifeste de paquet loosstory "
                            f"(format {FORMAT} attendu)")
    files: dict[str, tuple[int, str]] = {}
    for name, entry in data["files"].items():
        size = entry.get("size") if isinstance(entry, dict) else None
        sha = entry.get("sha256") if isinstance(entry, dict) else None
        parts = Path(str(name)).parts
        if (not isinstance(size, int) or isinstance(size, bool) or size < 0
                or not isinstance(sha, str) or len(sha) != 64
                or Path(str(name)).is_absolute() or ".." in parts or not parts):
            raise ManifestError(f"{file} : entrée « {name} » incorrecte (taille, empreinte "
                                "ou chemin hors du paquet)")
        files[str(name)] = (size, sha.lower())
    return Manifest(str(data.get("pack_id") or "?"), files, str(data.get("sealed") or ""),
                    hashlib.sha256(raw).hexdigest())


def verify(folder: Path | str) -> Verdict:
    """Compare ``folder`` with its manifest: sizes first (cheap), then SHA-256."""
    folder = Path(folder)
    try:
        manifest = read_manifest(folder)
    except ManifestError as error:
        return Verdict(None, error=str(error))
    verdict = Verdict(manifest)
    present = set(pack_files(folder))
    verdict.extra = sorted(present - set(manifest.files))
    for name, (size, sha) in sorted(manifest.files.items()):
        path = folder / name
        if name not in present or not path.is_file():
            verdict.missing.append(name)
            continue
        try:
            if path.is_symlink() or path.stat().st_size != size or file_sha256(path) != sha:
                verdict.different.append(name)
        except OSError:
            verdict.missing.append(name)
    return verdict
