"""The floor for snapshots: a bare PySide6 program rendering one label to a PNG.

    python bench/floor_snapshot.py OUT.png [WIDTHxHEIGHT]
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QLabel  # noqa: E402


def main() -> int:
    out = sys.argv[1]
    w, h = (int(v) for v in (sys.argv[2] if len(sys.argv) > 2 else "1920x1080").split("x"))
    app = QApplication(sys.argv[:1])
    label = QLabel("Loos-en-Gohelle — de la mine à la ville durable")
    label.resize(w, h)
    label.show()
    app.processEvents()
    ok = label.grab().toImage().save(out, "PNG")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
