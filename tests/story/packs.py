"""Small content packs written to a temporary folder, for the story-layer tests."""

from __future__ import annotations

import base64
from pathlib import Path

# A 1x1 PNG: enough for "the file exists"; the UI tests make real images.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)

STORY_YAML = """\
format: 1
id: essai
title: Une histoire d'essai
subtitle: Pour les tests
languages: [fr]
cover:
  image: images/couverture.png
  alt: Un paysage
  caption: Le paysage
  credit: Illustration d'essai
path:
  - premier
  - second
look:
  palette:
    charbon: "#1f2326"
    bleu: "#2d4f7c"
  background: "#f6f1e7"
  ink: charbon
  accent: bleu
"""

SOURCES_YAML = """\
SRC-A:
  title: Source officielle A
  url: https://example.org/a
  confidence: 2
SRC-B:
  title: Article B
  confidence: 1
"""

FIRST = """\
---
id: premier
title: Premier chapitre
question: Comment commence l'histoire ?
cover: images/couverture.png
cover_alt: Le paysage du premier chapitre
cover_credit: Illustration d'essai
colour: bleu
sources: [SRC-A, SRC-B]
---

Une ouverture avant le premier titre.

## Le début {#debut}

Du texte **important** et un [lien vers la suite](#second/fin).

![Un terril au soleil](images/terril.png "Le terril"){#terril credit="Illustration d'essai"}

## Le milieu {#milieu}

Encore du texte, et [le second chapitre](#second).
"""

SECOND = """\
---
id: second
title: Second chapitre
question: Et ensuite ?
---

## La suite {#suite}

Texte de la suite.

## La fin {#fin}

Texte de la fin.
"""


def write_pack(
    root: Path,
    *,
    story: str = STORY_YAML,
    sources: str | None = SOURCES_YAML,
    chapters: dict[str, str] | None = None,
    images: tuple[str, ...] = ("couverture.png", "terril.png"),
) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "story.yaml").write_text(story, encoding="utf-8")
    if sources is not None:
        (root / "sources.yaml").write_text(sources, encoding="utf-8")
    (root / "fr").mkdir(exist_ok=True)
    (root / "images").mkdir(exist_ok=True)
    for name in images:
        (root / "images" / name).write_bytes(PNG)
    if chapters is None:
        chapters = {"01-premier.md": FIRST, "02-second.md": SECOND}
    for name, text in chapters.items():
        (root / "fr" / name).write_text(text, encoding="utf-8")
    return root
