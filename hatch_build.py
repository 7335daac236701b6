"""Wheel build hook: compile loosstory/i18n/*.ts into .qm (never committed) inside the wheel."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class TranslationsHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        import PySide6  # a build dependency of this hook (pyproject)

        tool = Path(PySide6.__file__).resolve().parent / "lrelease"
        out = Path(tempfile.mkdtemp(prefix="loosstory-qm-"))
        for ts in sorted(Path(self.root, "loosstory", "i18n").glob("*.ts")):
            qm = out / f"{ts.stem}.qm"
            subprocess.run([str(tool), "-silent", str(ts), "-qm", str(qm)], check=True)
            build_data["force_include"][str(qm)] = f"loosstory/i18n/{qm.name}"
