"""story.yaml's ``about``: who made the exhibition, for the « À propos » screen.

Everything about the town and the people comes from the pack; the engine adds only what it
knows itself (its version, its fonts), on the screen.

```yaml
about:
  credits:                      # one line each: « role : name »
    - role: Textes des chapitres « Résilience & Transition » et « Code source »
      name: Ville de Loos-en-Gohelle
  image_licences:               # an image credit (as written on the images) -> its licence
    "Illustration originale réalisée pour loosstory": licence MIT
  version: "2026-12"            # optional: the pack's own edition
```
"""

from __future__ import annotations

from dataclasses import dataclass, field

from loosstory.story.located import Located
from loosstory.story.model import Problem

ABOUT_KEYS = {"credits", "image_licences", "version"}
CREDIT_KEYS = {"role", "name"}


@dataclass(frozen=True)
class Credit:
    role: str
    name: str


@dataclass(frozen=True)
class About:
    credits: tuple[Credit, ...] = ()
    image_licences: dict[str, str] = field(default_factory=dict)
    version: str = ""


def _text(value: object, language: str = "", default: str = "") -> str:
    if isinstance(value, dict):  # {fr: …, en: …}: this language's text, else the default's
        value = value.get(language, value.get(default))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value.strip() if isinstance(value, str) else ""


def read_about(
    meta: Located, problems: list[Problem], language: str = "", default: str = ""
) -> About:
    """The ``about`` section of story.yaml (an empty About when there is none).

    A role, a name or a licence may be a mapping ``{fr: …, en: …}``, like the story's other
    texts: the text of ``language`` is taken, else the one of ``default``.
    """

    def text(value: object) -> str:
        return _text(value, language, default)

    value = meta.section("about", ABOUT_KEYS, "credits, image_licences, version", problems)
    if value is None:
        return About()
    credits: list[Credit] = []
    raw = value.get("credits") or []
    if not isinstance(raw, list):
        problems.append(meta.problem(("about", "credits"), "error",
                                     "about.credits : une liste de « - role: … name: … »"))
        raw = []
    for index, entry in enumerate(raw):
        keys = ("about", "credits", index)
        if not isinstance(entry, dict) or not text(entry.get("name")):
            problems.append(meta.problem(keys, "error",
                                         "crédit illisible : écrivez « - role: … » et « name: … »"))
            continue
        for key in entry:
            if key not in CREDIT_KEYS:
                problems.append(meta.problem(keys + (key,), "warning",
                                             f"clé « {key} » inconnue (connues : role, name)"))
        credits.append(Credit(text(entry.get("role")), text(entry.get("name"))))
    licences = value.get("image_licences") or {}
    if not isinstance(licences, dict):
        problems.append(meta.problem(("about", "image_licences"), "error",
                                     "about.image_licences : « crédit d'image: licence »"))
        licences = {}
    return About(
        credits=tuple(credits),
        image_licences={str(k).strip(): text(v) for k, v in licences.items() if text(v)},
        version=text(value.get("version")),
    )
