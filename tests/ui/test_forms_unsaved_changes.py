"""A form with unsaved changes asks before it closes (保存 / 破棄 / キャンセル): Escape, 閉じる and the
title bar's × no longer discard the edits without a word."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from desktop.services.facade import Services
from desktop.ui.forms import open_form
from tests.ui.forms_support import IGNORE_OFFSCREEN, japanese_font  # noqa: F401

pytestmark = IGNORE_OFFSCREEN


def edited_contractor_form(qtbot: Any, services: Services) -> Any:
    created = services.contractors.create({"name": "株式会社元の名前"})
    dialog = open_form(services, "contractor", created.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.form.editors["name"].setText("株式会社新しい名前")
    return dialog


def question_of(qtbot: Any, dialog: Any) -> QMessageBox:
    qtbot.waitUntil(lambda: dialog.unsaved_question is not None and dialog.unsaved_question.isVisible())
    return dialog.unsaved_question


def answer(qtbot: Any, box: QMessageBox, name: str) -> None:
    button = box.findChild(QPushButton, name)
    assert button is not None and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_close_with_unsaved_changes_asks_and_save_writes_them_and_closes(
    qtbot: Any, sqlite_services: Services
) -> None:
    dialog = edited_contractor_form(qtbot, sqlite_services)
    record_id = dialog.record_id
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    box = question_of(qtbot, dialog)
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.saved, timeout=3000), qtbot.waitSignal(dialog.accepted, timeout=3000):
        answer(qtbot, box, "saveAnswer")
    assert not dialog.isVisible()
    assert sqlite_services.contractors.get(record_id).name == "株式会社新しい名前"


def test_discard_closes_without_writing(qtbot: Any, sqlite_services: Services) -> None:
    dialog = edited_contractor_form(qtbot, sqlite_services)
    record_id = dialog.record_id
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    box = question_of(qtbot, dialog)
    with qtbot.waitSignal(dialog.rejected, timeout=3000), qtbot.assertNotEmitted(dialog.saved):
        answer(qtbot, box, "discardAnswer")
    assert not dialog.isVisible()
    assert sqlite_services.contractors.get(record_id).name == "株式会社元の名前"


def test_cancel_keeps_the_form_open_with_the_edits(qtbot: Any, sqlite_services: Services) -> None:
    dialog = edited_contractor_form(qtbot, sqlite_services)
    record_id = dialog.record_id
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    box = question_of(qtbot, dialog)
    with qtbot.assertNotEmitted(dialog.finished):
        answer(qtbot, box, "cancelAnswer")
    qtbot.waitUntil(lambda: not box.isVisible())
    assert dialog.isVisible()
    assert dialog.form.editors["name"].text() == "株式会社新しい名前"
    assert sqlite_services.contractors.get(record_id).name == "株式会社元の名前"


def test_escape_with_unsaved_changes_asks_instead_of_discarding(
    qtbot: Any, sqlite_services: Services
) -> None:
    dialog = edited_contractor_form(qtbot, sqlite_services)
    dialog.form.editors["name"].setFocus()
    with qtbot.assertNotEmitted(dialog.finished):
        qtbot.keyClick(dialog.form.editors["name"], Qt.Key.Key_Escape)
        box = question_of(qtbot, dialog)
    assert dialog.isVisible() and dialog.form.editors["name"].text() == "株式会社新しい名前"
    assert {button.objectName() for button in box.buttons()} >= {
        "saveAnswer",
        "discardAnswer",
        "cancelAnswer",
    }


def test_a_form_without_changes_closes_at_once(qtbot: Any, sqlite_services: Services) -> None:
    created = sqlite_services.contractors.create({"name": "株式会社そのまま"})
    dialog = open_form(sqlite_services, "contractor", created.id)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.rejected, timeout=3000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.unsaved_question is None and not dialog.isVisible()


def test_the_question_is_asked_in_japanese(
    qtbot: Any, itaku_app: QApplication, sqlite_services: Services
) -> None:
    dialog = edited_contractor_form(qtbot, sqlite_services)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    box = question_of(qtbot, dialog)
    texts = {button.objectName(): button.text().replace("&", "") for button in box.buttons()}
    assert texts["saveAnswer"].startswith("保存")
    assert texts["discardAnswer"].startswith("破棄")
    assert texts["cancelAnswer"].startswith("キャンセル")
    assert "保存されていない変更" in box.text()
    answer(qtbot, box, "cancelAnswer")
