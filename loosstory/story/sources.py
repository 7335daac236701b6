"""sources.yaml: the source keys that chapters and timeline events cite."""

from __future__ import annotations

import os
from pathlib import Path

from loosstory.story.files import read_text
from loosstory.story.model import Problem, Source
from loosstory.story.yamlsource import load_located

SOURCE_KEYS = {"title", "url", "confidence"}


def read_sources(root: Path, problems: list[Problem]) -> dict[str, Source]:
    file = root / "sources.yaml"
    if not os.path.lexists(file):
        return {}
    text, problem = read_text(file, "sources.yaml", root)
    if problem:
        problems.append(problem)
        return {}
    meta, problem = load_located(text or "", "sources.yaml")
    if problem or meta is None:
        problems.extend([problem] if problem else [])
        return {}
    if meta.value is None:
        return {}
    if not isinstance(meta.value, dict):
        problems.append(meta.problem((), "error", "sources.yaml : une entrée « CLE: » par source"))
        return {}
    sources: dict[str, Source] = {}
    for key, entry in meta.value.items():
        if not isinstance(entry, dict):
            problems.append(
                meta.problem((key,), "error", f"source « {key} » : title, url, confidence attendus")
            )
            continue
        for name in entry:
            if name not in SOURCE_KEYS:
                problems.append(
                    meta.problem((key, name), "warning", f"clé « {name} » inconnue pour une source")
                )
        title = entry.get("title")
        if not isinstance(title, str) or not title.strip():
            problems.append(meta.problem((key,), "error", f"source « {key} » sans titre (title)"))
            title = str(key)
        confidence = entry.get("confidence", 1)
        if confidence not in (0, 1, 2):
            problems.append(meta.problem((key, "confidence"), "error", "confidence vaut 0, 1 ou 2"))
            confidence = 1
        url = entry.get("url", "")
        sources[str(key)] = Source(str(key), title.strip(), str(url or ""), int(confidence))
    return sources
