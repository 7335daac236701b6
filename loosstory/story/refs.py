"""References written by authors: ids, and file paths that must stay inside the pack."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path, PurePosixPath

from loosstory.story.safefs import pack_file

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")
HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_TAG = re.compile(r"</?[A-Za-z][^>]*>|&#?\w+;")


def html_warning(text: str, what: str) -> str | None:
    """A warning when ``text`` (shown as plain text: a title, a caption…) holds HTML."""
    found = _TAG.search(text)
    if found is None:
        return None
    return (
        f"HTML « {found.group(0)[:40]} » dans {what} : ce texte est affiché tel quel, balises "
        "comprises ; écrivez du texte simple"
    )


def is_valid_id(value: str) -> bool:
    return bool(ID_PATTERN.match(value))


def slugify(text: str) -> str:
    """'La crise de la fermeture des mines' -> 'la-crise-de-la-fermeture-des-mines'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "page"


def is_external(ref: str) -> bool:
    """True for anything with a URL scheme (http:, file:, mailto:, data:, …) or '//host'."""
    return bool(_SCHEME.match(ref)) and not _DRIVE.match(ref) or ref.startswith("//")


def resolve_in_pack(
    root: Path, ref: str, *, open_image: bool = True
) -> tuple[Path | None, str | None]:
    """Resolve a file reference written in the pack.

    Returns (absolute path, None) when it is a regular file inside the pack and a readable
    image (:mod:`loosstory.story.imagecheck`), else (None, French message saying what is
    wrong and what to do). Nothing is ever fetched. ``open_image=False`` (the cover's path
    to its first frame) skips opening the image: the renderer refuses a bad one itself
    (``ui/images.py``), and the full load that follows checks it.
    """
    ref = ref.strip()
    if not ref:
        return None, "chemin de fichier vide"
    if is_external(ref):
        return None, (
            f"« {ref} » est une adresse extérieure : le contenu ne doit utiliser que des "
            "fichiers du dossier (copiez le fichier dans images/)"
        )
    if ref.startswith(("/", "\\")) or _DRIVE.match(ref):
        return None, (
            f"« {ref} » est un chemin absolu : écrivez le chemin depuis le dossier du "
            "contenu, par exemple images/photo.jpg"
        )
    if "\\" in ref:
        return None, f"« {ref} » contient « \\ » : séparez les dossiers par « / »"
    if ".." in PurePosixPath(ref).parts:
        return None, f"« {ref} » sort du dossier du contenu (« .. ») : ce n'est pas permis"
    real, message = pack_file(root, root / ref, ref)
    if message:
        return None, message
    if real is None:
        return (
            None,
            f"fichier introuvable : « {ref} » (vérifiez le nom, les majuscules et le dossier)",
        )
    message = None
    if open_image:
        from loosstory.story.imagecheck import check_image  # not on the cover's first path

        message = check_image(real)
    if message:
        return None, f"« {ref} » : {message}"
    return Path(os.path.realpath(real)), None


def resolve_colour(value: object, palette: dict[str, str]) -> tuple[str, str | None]:
    """A palette name or "#rrggbb" -> ("#rrggbb", None), or ("", French message)."""
    if not isinstance(value, str) or not value.strip():
        return "", 'couleur attendue : un nom de la palette ou un code comme "#2d4f7c"'
    value = value.strip()
    if value in palette:
        return palette[value], None
    if HEX_COLOUR.match(value):
        return value.lower(), None
    names = ", ".join(sorted(palette)) or "aucun nom défini"
    return "", (
        f"couleur « {value} » inconnue : écrivez un nom de la palette ({names}) ou un code "
        'entre guillemets comme "#2d4f7c"'
    )
