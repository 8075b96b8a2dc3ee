"""Every main form with demo data, in Japanese: translations load, nothing is clipped, and a PNG is written.

Set ITAKU_FORM_SCREENSHOTS=/some/dir to keep the PNGs (otherwise they go to the test's tmp folder).
"""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from desktop.services.facade import Services
from desktop.ui.forms import open_form
from desktop.ui.forms.settings_dialog import SettingsDialog
from tests.ui.forms_support import IGNORE_OFFSCREEN, japanese_font  # noqa: F401

pytestmark = IGNORE_OFFSCREEN

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
LRELEASE = Path(sys.executable).with_name("pyside6-lrelease")

# A representative record of each type in the demo data (seed 1, 40 contractors).
FORMS = [
    ("contractor", 12, {}),
    ("evaluation", 3, {}),
    ("contract", 5, {}),
    ("engagement", 1, {}),
    ("joint_use", 1, {}),
    ("provision", 1, {}),
    ("receipt", 1, {}),
    ("company_profile", None, {}),
]


@pytest.mark.parametrize("language", ["ja", "en"])
def test_form_translations_are_complete(language: str) -> None:
    tree = ElementTree.parse(TRANSLATIONS / f"forms_{language}.ts")
    unfinished = [
        m.findtext("source")
        for m in tree.iter("message")
        if m.find("translation").get("type") == "unfinished" or not m.findtext("translation")
    ]
    assert unfinished == []


@pytest.fixture
def japanese_translator(qapp: QApplication, tmp_path: Path) -> Iterator[QTranslator]:
    qm = tmp_path / "forms_ja.qm"
    subprocess.run(
        [str(LRELEASE), str(TRANSLATIONS / "forms_ja.ts"), "-qm", str(qm)], check=True, capture_output=True
    )
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def settle() -> None:
    """Let posted layout requests run, so scroll bars and sizes are final before the grab."""
    for _ in range(3):
        QApplication.processEvents()


def clipped(dialog) -> list[str]:
    """Visible one-line labels and buttons narrower than their text needs."""
    found = []
    for widget in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton):
        if not widget.isVisibleTo(dialog) or not widget.text():
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            continue
        if widget.width() < widget.minimumSizeHint().width():
            found.append(
                f"{type(widget).__name__} {widget.text()!r}: {widget.width()} < "
                f"{widget.minimumSizeHint().width()}"
            )
    return found


@pytest.mark.parametrize(("record_type", "record_id", "defaults"), FORMS, ids=[f[0] for f in FORMS])
def test_form_renders_in_japanese_without_clipping(
    qtbot,
    demo_services: Services,
    japanese_translator: QTranslator,
    tmp_path: Path,
    record_type: str,
    record_id: int | None,
    defaults: dict,
) -> None:
    dialog = open_form(demo_services, record_type, record_id, **defaults)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    settle()
    assert dialog.save_button.text() == "保存(&S)"
    assert clipped(dialog) == []
    folder = Path(os.environ.get("ITAKU_FORM_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    image = dialog.grab()
    assert image.save(str(folder / f"form_{record_type}.png"))
    assert image.width() >= dialog.width() * 0.9


def test_settings_dialog_renders_in_japanese(
    qtbot, demo_services: Services, japanese_translator: QTranslator, tmp_path: Path
) -> None:
    dialog = SettingsDialog(demo_services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    settle()
    assert dialog.tabs.tabText(1) == "警告・評価基準(&W)"
    assert clipped(dialog) == []
    folder = Path(os.environ.get("ITAKU_FORM_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        settle()
        assert dialog.grab().save(str(folder / f"settings_{index}.png"))
