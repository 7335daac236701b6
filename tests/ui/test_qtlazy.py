"""The start-up helpers that keep PySide6 from building Python types the first frame does
not need (loosstory/ui/qtlazy.py, bench/README.md, start-up)."""

from __future__ import annotations

import pytest
from PySide6 import QtCore
from PySide6.QtWidgets import QLabel, QWidget

from loosstory.ui.look.theme import to_colour
from loosstory.ui.page.parts import PageText
from loosstory.ui.qtlazy import Qt, set_enum_property


def test_the_lazy_namespace_gives_pysides_own_enums() -> None:
    assert Qt.Key.Key_Right is QtCore.Qt.Key.Key_Right
    assert Qt.AlignmentFlag is QtCore.Qt.AlignmentFlag
    assert Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom == (
        QtCore.Qt.AlignmentFlag.AlignLeft | QtCore.Qt.AlignmentFlag.AlignBottom)
    with pytest.raises(AttributeError):
        _ = Qt.NoSuchEnum


def test_enum_properties_are_set_by_their_cpp_names(qtbot) -> None:
    label = QLabel("crédit")
    qtbot.addWidget(label)
    set_enum_property(label, "alignment", "AlignRight|AlignBottom")
    assert label.alignment() == QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignBottom
    set_enum_property(label, "focusPolicy", "StrongFocus")
    assert label.focusPolicy() == QtCore.Qt.FocusPolicy.StrongFocus


@pytest.mark.parametrize(("name", "keys"), [("alignment", "AlignRigth"),  # misspelt key
                                            ("noSuchProperty", "AlignLeft")])
def test_a_wrong_enum_property_is_an_error_not_a_silent_no_op(qtbot, name, keys) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    with pytest.raises(ValueError, match=name):
        set_enum_property(label, name, keys)


def test_colours_are_copied_not_shared() -> None:
    original = to_colour("#a4432f")
    copy = to_colour(original)
    assert copy == original and copy is not original
    copy.setAlpha(10)
    assert original.alpha() == 255
    assert to_colour("not a colour").name() == "#1f2326"  # the dark ink, never invalid


def test_the_text_fade_lives_in_the_viewport_found_by_name(qtbot) -> None:
    """PageText looks its viewport up by object name (a viewport() call would make PySide6
    build every QWidget subclass's type to resolve it): it must be the real viewport."""
    parent = QWidget()
    qtbot.addWidget(parent)
    text = PageText(to_colour("#f6f1e7"), parent)
    assert text.fade.parentWidget() is text.viewport()
    assert "qlineargradient" in text.fade.styleSheet()
