"""The interface's languages: French is the source, other languages come from Qt's .ts files.

``loosstory/i18n/loosstory_<lang>.ts`` are kept in the repository (``make i18n`` refreshes
them from the code with ``pyside6-lupdate``). Their ``.qm`` are never committed: the wheel
and the bundle build them (``hatch_build.py``, ``packaging/build-bundle.sh``), and a source
checkout or an editable install builds them on first use when missing or older than their
``.ts`` (:func:`compiled`), with the ``lrelease`` that ships with PySide6-Essentials.

Qt's own translations (``qtbase_fr``, ``qtbase_en``: standard dialogs, context menus) are
installed with ours, from PySide6's translations folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo

I18N_DIR = Path(__file__).resolve().parents[1] / "i18n"
SOURCE_LANGUAGE = "fr"
LANGUAGE_NAMES = {"fr": "Français", "en": "English"}  # each in its own language

_installed: list = []  # the QTranslator objects installed
_language = SOURCE_LANGUAGE


def qt_tool(name: str) -> Path | None:
    """PySide6's ``lrelease`` or ``lupdate`` binary (None in a frozen bundle)."""
    import PySide6

    folder = Path(PySide6.__file__).resolve().parent
    for candidate in (folder / name, folder / f"{name}.exe", folder / "Qt" / "libexec" / name):
        if candidate.is_file():
            return candidate
    return None


def release(ts: Path, qm: Path) -> bool:
    """Compile ``ts`` into ``qm``; False when lrelease is missing or fails."""
    tool = qt_tool("lrelease")
    if tool is None:
        return False
    qm.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([str(tool), "-silent", str(ts), "-qm", str(qm)],
                          capture_output=True, text=True, check=False)
    return done.returncode == 0 and qm.is_file()


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "loosstory" / "i18n"


def _fresh(qm: Path, ts: Path) -> bool:
    return qm.is_file() and (not ts.is_file() or qm.stat().st_mtime >= ts.stat().st_mtime)


def compiled(language: str) -> Path | None:
    """The ``.qm`` of ``language``, built now if missing or older than its ``.ts``."""
    ts = I18N_DIR / f"loosstory_{language}.ts"
    beside = I18N_DIR / f"loosstory_{language}.qm"
    if _fresh(beside, ts):
        return beside
    if not ts.is_file():
        return None
    cached = _cache_dir() / beside.name
    if _fresh(cached, ts):
        return cached
    if os.access(I18N_DIR, os.W_OK) and release(ts, beside):
        return beside
    if release(ts, cached):
        return cached
    print(f"loosstory : traductions « {language} » introuvables ({ts.name} non compilé)",
          file=sys.stderr)
    return None


def interface_language() -> str:
    """The language the interface's translators were last installed for."""
    return _language


def install(language: str | None) -> bool:
    """Show the interface in ``language`` from now on (widgets retranslate on
    ``LanguageChange``, the state's ``language_changed``); True when a translation of ours
    was loaded or none is needed (French)."""
    global _language
    from PySide6.QtCore import QTranslator  # not before the first frame (start-up rules)

    app = QCoreApplication.instance()
    language = language or SOURCE_LANGUAGE
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _language = language
    ok = language == SOURCE_LANGUAGE
    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator(app)
    if qtbase.load(f"qtbase_{language}", qt_translations):
        app.installTranslator(qtbase)
        _installed.append(qtbase)
    if language != SOURCE_LANGUAGE:
        qm = compiled(language)
        ours = QTranslator(app)
        if qm is not None and ours.load(str(qm)):
            app.installTranslator(ours)
            _installed.append(ours)
            ok = True
    return ok
