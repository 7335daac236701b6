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
