"""`loosstory.story` must import and work without Qt (architecture rule)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import loosstory.story
from tests.packs import MINI

STORY_DIR = Path(loosstory.story.__file__).parent


def test_no_module_of_the_story_layer_imports_qt() -> None:
    offenders = []
    for file in sorted(STORY_DIR.glob("*.py")):
        tree = ast.parse(file.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            elif isinstance(node, ast.Call):  # importlib.import_module("…")
                names = [
                    arg.value
                    for arg in node.args
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                ]
            offenders += [
                f"{file.name}: {n}"
                for n in names
                if n.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6")
                or n.startswith("loosstory.ui")
            ]
    assert offenders == []


def test_story_layer_loads_a_pack_with_pyside6_unimportable(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "sys.modules['PySide6'] = None\n"  # any `import PySide6…` now raises ImportError
        "sys.modules['shiboken6'] = None\n"
        "import pkgutil, importlib, loosstory.story as s\n"
        "for m in pkgutil.iter_modules(s.__path__):\n"
        "    importlib.import_module('loosstory.story.' + m.name)\n"
        "from loosstory.story.loader import load_story\n"
        "from loosstory.story.loader import check_pack\n"
        "from pathlib import Path\n"
        f"r = check_pack(Path({str(MINI)!r}))\n"
        "assert r.story is not None\n"
        "print('ok', len(r.story.chapters))\n"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=root, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ok")
