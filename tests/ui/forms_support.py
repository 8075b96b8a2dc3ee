"""Shared set-up of the form and widget tests (tests/ui/test_forms_*.py, test_widgets_*.py)."""

from __future__ import annotations

import ctypes
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

FONT = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "ipaexg.ttf"

# The offscreen platform says so when a window gets size constraints, or a popup is raised or grabs
# the keyboard ("This plugin does not support propagateSizeHints()/raise()/grabbing the keyboard").
IGNORE_OFFSCREEN = pytest.mark.qt_log_ignore(
    r"^This plugin does not support (propagateSizeHints|raise|grabbing)"
)


def pin_singletons() -> None:
    """Work around PySide6 6.12.0 on CPython 3.11: every Qt call returning void drops a reference to
    None (it assumes PEP 683 immortal objects, which arrive with 3.12), so after some thousand calls
    the interpreter aborts with "none_dealloc". Give None, True and False references to spare."""
    if sys.version_info >= (3, 12) or getattr(pin_singletons, "done", False):
        return
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40
    pin_singletons.done = True  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def japanese_font(qapp: QApplication) -> None:
    """The app font the shell registers at start-up, so Japanese renders in grabs."""
    pin_singletons()
    if "IPAexGothic" not in QFontDatabase.families():
        QFontDatabase.addApplicationFont(str(FONT))
    qapp.setFont(QFont("IPAexGothic", 10))
