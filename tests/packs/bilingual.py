"""A two-language pack for the language tests, made from ``mini`` in a temporary folder:
``en/`` is ``fr/`` with every chapter title marked "EN", so the same ids in both."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.packs import MINI


def write_bilingual(folder: Path) -> Path:
    root = folder / "bilingual"
    shutil.copytree(MINI, root)
    story = root / "story.yaml"
    story.write_text(story.read_text(encoding="utf-8").replace("languages: [fr]",
                                                               "languages: [fr, en]"),
                     encoding="utf-8")
    shutil.copytree(root / "fr", root / "en")
    for file in (root / "en").glob("*.md"):
        text = file.read_text(encoding="utf-8")
        file.write_text(re.sub(r"^title: (.*)$", r"title: EN \1", text, count=1, flags=re.M),
                        encoding="utf-8")
    return root
