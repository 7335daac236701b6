"""The layers of docs/architecture.md, enforced: import-linter's contracts (pyproject.toml,
``[tool.importlinter]``) and the rules that keep them honest."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold() -> None:
    """story imports no Qt/ui/modes/app; ui no modes, YAML or Markdown; modes do not import
    each other; no import cycle anywhere in loosstory."""
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "BROKEN" not in done.stdout
    assert done.stdout.count("KEPT") >= 5


def test_a_broken_contract_is_caught(tmp_path) -> None:
    """The same configuration fails on a package that breaks it (a cycle, Qt in story)."""
    package = tmp_path / "loosstory"
    (package / "story").mkdir(parents=True)
    (package / "ui").mkdir()
    (package / "modes" / "kiosk").mkdir(parents=True)
    for folder in (package, package / "story", package / "ui", package / "modes",
                   package / "modes" / "kiosk"):
        (folder / "__init__.py").write_text("", encoding="utf-8")
    (package / "story" / "a.py").write_text("import loosstory.story.b\n", encoding="utf-8")
    (package / "story" / "b.py").write_text("import loosstory.story.a\nimport PySide6\n",
                                            encoding="utf-8")
    (package / "app.py").write_text("", encoding="utf-8")
    (package / "cli.py").write_text("", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text(encoding="utf-8"),
                                             encoding="utf-8")
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(lint), "--no-cache"], cwd=tmp_path, capture_output=True,
                          text=True, timeout=300, env={"PYTHONPATH": str(tmp_path)})
    assert done.returncode != 0
    assert "story is pure Python" in done.stdout and "no import cycle" in done.stdout
    assert done.stdout.count("BROKEN") >= 2


# getattr/hasattr/setattr on other libraries' objects, each for a reason; never on ours.
DUCK_TYPING_ALLOWED = {
    ("loosstory/ui/qtlazy.py", "getattr"),  # the lazy proxy of PySide6's Qt namespace…
    ("loosstory/ui/qtlazy.py", "setattr"),  # …which keeps each enum it looked up
    ("loosstory/story/yamlsource.py", "getattr"),  # PyYAML's CSafeLoader, when libyaml is there
    ("loosstory/modes/kiosk/lockdown.py", "getattr"),  # Qt.Key.Key_0 … Key_9 by name
    ("loosstory/modes/kiosk/resilience.py", "getattr"),  # glibc's mallopt, when it is glibc
    ("loosstory/story/safefs.py", "getattr"),  # os.O_NOFOLLOW / O_NONBLOCK / O_BINARY per OS
    ("loosstory/story/imagecheck.py", "hasattr"),  # os.pread, missing on Windows
}


def test_no_duck_typing_between_our_own_classes() -> None:
    """Our classes talk through declared types (Screen, InteractiveView, ReaderState…), not
    by asking an object whether it happens to have a method."""
    import ast

    found = []
    for path in sorted((ROOT / "loosstory").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("getattr", "hasattr", "setattr")
                    and (rel, node.func.id) not in DUCK_TYPING_ALLOWED):
                found.append(f"{rel}:{node.lineno}: {node.func.id}")
    assert not found, "\n".join(found)


def test_the_look_is_defined_in_one_module() -> None:
    """Font families and contrast maths live in ui/look/theme.py: a text-size or contrast
    setting changes one module. (look/fonts.py names the font files; the stats report is
    an HTML page for staff, outside the Qt layers.)"""
    allowed = {"loosstory/ui/look/theme.py", "loosstory/ui/look/fonts.py",
               "loosstory/stats/report.py"}
    for path in sorted((ROOT / "loosstory").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel in allowed:
            continue
        text = path.read_text(encoding="utf-8")
        for mark in ("Fraunces", "Atkinson Hyperlegible", "0.2126", "12.92"):
            assert mark not in text, f"{rel} defines part of the look ({mark!r}): use ui/look"
