"""The interface's .ts files: `update` them from the code, `check` that none lacks a string.

    python tools/i18n.py update   # make i18n: new strings come in "unfinished"
    python tools/i18n.py check    # exit 1, listing them, if a string is missing or unfinished

Every visible string of loosstory goes through Qt's tr()/QCoreApplication.translate with the
French text as source; pyside6-lupdate finds them in loosstory/**/*.py. French is the source
language, so the only .ts is loosstory/i18n/loosstory_en.ts (add loosstory_<lang>.ts for
another language: `update` then fills it).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "loosstory" / "i18n"
LANGUAGES = ("en",)


def sources() -> list[str]:
    package = ROOT / "loosstory"
    return sorted(str(p) for p in package.rglob("*.py") if "_bundled" not in p.parts)


def lupdate(ts: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from loosstory.ui.i18n import qt_tool

    tool = qt_tool("lupdate")
    if tool is None:
        raise SystemExit("pyside6-lupdate introuvable : installez PySide6-Essentials")
    subprocess.run([str(tool), *sources(), "-no-obsolete", "-locations", "none",
                    "-source-language", "fr", "-target-language", ts.stem.split("_")[-1],
                    "-silent", "-ts", str(ts)], check=True)


def messages(ts: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """(context, source) -> (translation, type) for every message of ``ts``."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            text = (translation.text or "") if translation is not None else ""
            found[(name, message.findtext("source", ""))] = (text, kind)
    return found


def problems(language: str) -> list[str]:
    """What the code shows that loosstory_<language>.ts lacks or leaves unfinished."""
    ts = I18N / f"loosstory_{language}.ts"
    if not ts.is_file():
        return [f"{ts.relative_to(ROOT)} : fichier absent (make i18n)"]
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / ts.name
        fresh.write_bytes(ts.read_bytes())
        lupdate(fresh)
        now = messages(fresh)
    kept = messages(ts)
    out = []
    for (context, source), (text, kind) in sorted(now.items()):
        if (context, source) not in kept:
            out.append(f"{ts.name}: [{context}] « {source} » : absent du .ts (make i18n)")
        elif kind in ("unfinished", "vanished", "obsolete") or not text.strip():
            out.append(f"{ts.name}: [{context}] « {source} » : traduction à faire")
    for key in sorted(set(kept) - set(now)):
        out.append(f"{ts.name}: [{key[0]}] « {key[1]} » : plus dans le code (make i18n)")
    return out


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "update":
        for language in LANGUAGES:
            lupdate(I18N / f"loosstory_{language}.ts")
        command = "check"
    if command == "check":
        found = [line for language in LANGUAGES for line in problems(language)]
        print("\n".join(found) or "traductions de l'interface : complètes")
        return 1 if found else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
