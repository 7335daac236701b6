"""The start-up rules of docs/architecture.md ("Start-up rules"), as checks.

The modules the app imports before the cover's first frame are found by running the app
(not listed by hand): a module that joins that path gets the rules too. Each rule keeps
a cost of PySide6 off the first frame (bench/README.md, start-up); the subprocess tests of
tests/ui/test_startup.py check the result as a whole (no ``Qt`` namespace built, no
Markdown imported); these say which line breaks it.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# PySide6 types whose Python type (or enums) cost time to build: on the first frame's path
# they are imported inside the function that uses them, after that frame.
LATE_TYPES = {
    "QGradient", "QLinearGradient", "QRadialGradient",  # Preset enum: ~180 values, ~2 ms
    "QIcon",  # ~1.5 ms
    "QEasingCurve", "QVariantAnimation", "QPropertyAnimation",  # transitions
    "QPixmap", "QPainterPath", "QPen",  # placeholder, transitions (QPainter: the cover paints)
    "QBuffer", "QByteArray", "QIODevice",  # decoder warm-up
    "QTranslator",  # only for a story in another language than French
    "QMainWindow",  # its show animation makes PySide6 build ~180 enums (window.py)
}
BUTTONS = {"QPushButton", "QToolButton", "QCheckBox", "QRadioButton", "QCommandLinkButton"}

FIRST_FRAME = (
    "import os, sys\n"
    "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
    "from PySide6.QtCore import QEvent, QObject, QTimer\n"
    "from PySide6.QtWidgets import QApplication\n"
    "app = QApplication([])\n"
    "class Watch(QObject):\n"
    "    seen = False\n"
    "    def eventFilter(self, obj, event):\n"
    "        if not self.seen and event.type() == QEvent.Type.Paint:\n"
    "            self.seen = True\n"
    "            print('MODULES', *sorted(m for m in sys.modules if m.startswith('loosstory')))\n"
    "            QTimer.singleShot(0, app.quit)\n"
    "        return False\n"
    "watch = Watch()\n"
    "app.installEventFilter(watch)\n"
    "from loosstory.app import run\n"
    "from loosstory.resources import content_dir\n"
    "run(content_dir())\n"
)


@pytest.fixture(scope="module")
def first_frame_modules(tmp_path_factory) -> dict[str, ast.Module]:
    """module file (relative) -> its syntax tree, for every module of ours imported before
    the cover's first frame (the app's cache off: the longest path)."""
    env = {"LOOSSTORY_CACHE_DIR": "off", "PATH": "", "HOME": str(tmp_path_factory.mktemp("h"))}
    done = subprocess.run([sys.executable, "-c", FIRST_FRAME], capture_output=True, text=True,
                          timeout=120, cwd=ROOT, env=env)
    line = next((out for out in done.stdout.splitlines() if out.startswith("MODULES ")), "")
    assert line, done.stdout + done.stderr
    trees = {}
    for name in line.split()[1:]:
        base = ROOT / Path(*name.split("."))
        path = base / "__init__.py" if base.is_dir() else base.with_suffix(".py")
        trees[path.relative_to(ROOT).as_posix()] = ast.parse(path.read_text(encoding="utf-8"))
    return trees


def _top_level_imports(tree: ast.Module):
    """Imports run when the module loads: at its top level, not under TYPE_CHECKING."""
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        for child in ast.walk(node) if not isinstance(node, (ast.FunctionDef, ast.ClassDef)) \
                else ():
            if isinstance(child, ast.ImportFrom):
                yield child


def test_the_first_frame_path_is_what_we_think(first_frame_modules) -> None:
    modules = set(first_frame_modules)
    for expected in ("loosstory/ui/reader/window.py", "loosstory/ui/screens/cover.py",
                     "loosstory/ui/pictures/figure.py", "loosstory/ui/reader/transitions.py"):
        assert expected in modules
    for later in ("loosstory/ui/page/screen.py", "loosstory/ui/screens/sommaire.py",
                  "loosstory/story/pages.py", "loosstory/ui/views/interactive.py"):
        assert later not in modules


def test_rule_1_qt_comes_from_qtlazy(first_frame_modules) -> None:
    """``from PySide6.QtCore import Qt`` builds the whole namespace (~20 ms) as the module
    loads: first-frame modules take ``Qt`` from loosstory.ui.qtlazy."""
    wrong = [f"{path}:{node.lineno}" for path, tree in first_frame_modules.items()
             for node in _top_level_imports(tree)
             if node.module and node.module.startswith("PySide6")
             and any(alias.name == "Qt" for alias in node.names)]
    assert not wrong, wrong


def test_rule_2_costly_types_are_imported_where_they_are_used(first_frame_modules) -> None:
    wrong = [f"{path}:{node.lineno}: {alias.name}"
             for path, tree in first_frame_modules.items()
             for node in _top_level_imports(tree)
             if node.module and node.module.startswith("PySide6")
             for alias in node.names if alias.name in LATE_TYPES]
    assert not wrong, wrong


def test_rule_3_buttons_get_their_text_after_construction(first_frame_modules) -> None:
    """``QPushButton(text, parent)`` makes PySide6 try the ``(icon, text, parent)`` overload
    first, which builds QIcon's type (~1.5 ms): buttons are made with their parent only,
    then given their text."""
    wrong = []
    for path, tree in first_frame_modules.items():
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in BUTTONS
                    and (len(node.args) > 1 or any(k.arg in ("text", "icon")
                                                   for k in node.keywords))):
                wrong.append(f"{path}:{node.lineno}: {ast.unparse(node)}")
    assert not wrong, wrong


def test_rule_4_one_style_sheet_set_by_the_window(first_frame_modules) -> None:
    """The window sets one style sheet before anything is polished (the cover's colours and
    the start button's size are rules of it): a widget's own sheet re-polishes it and its
    children. The only others are the cover's two gradient layers (childless widgets whose
    sheet draws the gradient, so that no PySide6 gradient type is built)."""
    allowed = {("loosstory/ui/reader/window.py", "self"),
               ("loosstory/ui/screens/cover.py", "self.scrim"),
               ("loosstory/ui/screens/cover.py", "self.shade")}
    wrong = [f"{path}:{node.lineno}: {ast.unparse(node.func)}"
             for path, tree in first_frame_modules.items()
             for node in ast.walk(tree)
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
             and node.func.attr == "setStyleSheet"
             and (path, ast.unparse(node.func.value)) not in allowed]
    assert not wrong, wrong


def test_rule_5_records_on_the_path_are_named_tuples() -> None:
    """``@dataclass`` compiles its methods from source (~0.8 ms a class); the immutable
    records on the path are NamedTuples (~0.15 ms)."""
    from loosstory.story.head import StoryHead
    from loosstory.story.located import Located
    from loosstory.story.path import Position
    from loosstory.ui.look.theme import Palette, TypeScale
    from loosstory.ui.reader.keymap import Binding
    from loosstory.ui.reader.screens import ScreenSpec
    from loosstory.ui.state import ReaderConfig, Settings

    for record in (Located, StoryHead, Position, ReaderConfig, Settings, TypeScale, Palette,
                   ScreenSpec, Binding):
        assert issubclass(record, tuple) and hasattr(record, "_fields"), record


def test_rule_6_the_rules_catch_what_they_name(tmp_path) -> None:
    """Each check fails on the line it is about (so that none passes by construction)."""
    bad = ast.parse(
        "from PySide6.QtCore import Qt\n"
        "from PySide6.QtGui import QIcon\n"
        "def build(parent):\n"
        "    from PySide6.QtGui import QPen\n"  # inside a function: fine
        "    b = QPushButton('Commencer', parent)\n"
        "    b.setStyleSheet('color: red')\n"
    )
    trees = {"loosstory/ui/screens/cover.py": bad}
    for rule in (test_rule_1_qt_comes_from_qtlazy,
                 test_rule_2_costly_types_are_imported_where_they_are_used,
                 test_rule_3_buttons_get_their_text_after_construction,
                 test_rule_4_one_style_sheet_set_by_the_window):
        with pytest.raises(AssertionError):
            rule(trees)
    assert [a.name for n in _top_level_imports(bad) for a in n.names] == ["Qt", "QIcon"]
