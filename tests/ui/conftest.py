"""qtbot helpers for the window tests (test_window_*, test_pages_*, test_models_*): the window on demo data,
the application configured as `itaku` configures it, and ways to find the non-blocking dialogs it opens."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from typing import Any

# Compiled translations and the user's Qt settings go to throw-away folders, never the real ones.
os.environ.setdefault("ITAKU_TRANSLATIONS_CACHE", tempfile.mkdtemp(prefix="itaku-qm-"))
os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp(prefix="itaku-config-"))

import pytest  # noqa: E402
from PySide6.QtCore import QStandardPaths  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget  # noqa: E402

QStandardPaths.setTestModeEnabled(True)

# The offscreen platform says so when a window gets size constraints or a popup is raised.
OFFSCREEN_NOTES = r"^This plugin does not support (propagateSizeHints|raise|grabbing)"


@pytest.fixture
def itaku_app(qapp: QApplication) -> Iterator[QApplication]:
    """The application as `itaku` sets it up (font, Japanese translators, language); undone afterwards so
    other tests see the untranslated source strings."""
    from desktop.ui import application, language

    previous = language.current_language()
    application.configure_application(qapp, "ja")
    yield qapp
    for translator in application._translators:
        qapp.removeTranslator(translator)
    application._translators.clear()
    language.set_language(previous)


@pytest.fixture
def make_window(qtbot: Any, itaku_app: QApplication) -> Any:
    """Build a MainWindow on the given services, shown and registered with qtbot."""
    from desktop.ui.main_window import MainWindow

    def make(services: Any) -> MainWindow:
        window = MainWindow()
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.findings_updated, timeout=10000):
            window.attach(services)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def window(make_window: Any, demo_services: Any) -> Any:
    """The main window on the 40-contractor demo database."""
    return make_window(demo_services)


def find_message_box(parent: QWidget, name: str | None = None) -> QMessageBox | None:
    """The visible message box (confirmation, refusal, about) a window opened without blocking."""
    for box in parent.findChildren(QMessageBox):
        if box.isVisible() and (name is None or box.objectName() == name):
            return box
    return None


def wait_for_message_box(qtbot: Any, parent: QWidget, name: str | None = None) -> QMessageBox:
    found: list[QMessageBox] = []

    def appeared() -> bool:
        box = find_message_box(parent, name)
        if box is not None:
            found.append(box)
        return box is not None

    qtbot.waitUntil(appeared, timeout=3000)
    return found[-1]


def type_text(widget: QWidget, text: str) -> None:
    """Type text as a Japanese input method commits it, one character at a time (QTest.keyClicks only
    knows ASCII)."""
    from PySide6.QtGui import QInputMethodEvent

    for character in text:
        event = QInputMethodEvent()
        event.setCommitString(character)
        QApplication.sendEvent(widget, event)
