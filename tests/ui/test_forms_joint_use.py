"""The joint use form: ①–⑥ labels, live notice preview, change history."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from desktop.services.facade import Services
from desktop.ui.forms import open_form
from desktop.ui.forms.joint_use_form import JointUseChangeDialog
from desktop.ui.forms.notice_preview import notice_preview
from tests.ui.forms_support import IGNORE_OFFSCREEN, japanese_font  # noqa: F401

pytestmark = IGNORE_OFFSCREEN


def test_items_are_labelled_as_the_policy_numbers_them(qtbot, sqlite_services: Services) -> None:
    dialog = open_form(sqlite_services, "joint_use", None)
    qtbot.addWidget(dialog)
    labels = [
        dialog.form.labels[name].text()
        for name in (
            "joint_use_statement",
            "pi_items",
            "scope",
            "purposes",
            "responsible_name",
            "acquisition_method",
        )
    ]
    assert [label[0] for label in labels] == ["①", "②", "③", "④", "⑤", "⑥"]


def test_notice_preview_follows_the_form_as_it_is_typed(qtbot, sqlite_services: Services) -> None:
    dialog = open_form(sqlite_services, "joint_use", None)
    qtbot.addWidget(dialog)
    assert "（未記入）" in dialog.preview.toPlainText()
    dialog.form.editors["title"].setText("顧客情報の共同利用")
    dialog.form.editors["purposes"].setPlainText("グループ各社の商品のご案内")
    dialog.form.editors["pi_items"].setPlainText("氏名\n住所")
    preview = dialog.preview.toPlainText()
    assert preview.startswith("顧客情報の共同利用")
    assert "グループ各社の商品のご案内" in preview and "氏名、住所" in preview


def test_preview_of_a_saved_record_matches_the_services_notice(qtbot, demo_services: Services) -> None:
    dialog = open_form(demo_services, "joint_use", 2)
    qtbot.addWidget(dialog)
    assert dialog.preview.toPlainText() == demo_services.joint_uses.notice(2)
    assert notice_preview(dialog.form.values()) == demo_services.joint_uses.notice(2)


def test_new_joint_use_is_saved(qtbot, sqlite_services: Services) -> None:
    dialog = open_form(sqlite_services, "joint_use", None)
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()
    dialog.form.editors["title"].setText("顧客情報の共同利用")
    dialog.form.editors["start_date"].set_value(date(2026, 12, 1))
    with qtbot.waitSignal(dialog.saved, timeout=2000) as signal:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert sqlite_services.joint_uses.get(signal.args[1]).title == "顧客情報の共同利用"
    assert dialog.add_change_button.isEnabled()


def test_change_history_entries_are_added_and_edited(qtbot, demo_services: Services) -> None:
    dialog = open_form(demo_services, "joint_use", 1)
    qtbot.addWidget(dialog)
    dialog.show()
    before = dialog.change_table.rowCount()
    qtbot.mouseClick(dialog.add_change_button, Qt.MouseButton.LeftButton)
    change_dialog = dialog.sub_dialog
    assert isinstance(change_dialog, JointUseChangeDialog)
    change_dialog.form.editors["field"].set_value("purpose")
    change_dialog.form.editors["description"].setPlainText("利用目的にアンケートを追加")
    change_dialog.form.editors["changed_on"].set_value(date(2026, 11, 20))
    with qtbot.waitSignal(dialog.saved, timeout=2000):
        qtbot.mouseClick(change_dialog.save_close_button, Qt.MouseButton.LeftButton)
    assert dialog.change_table.rowCount() == before + 1
    row = [dialog.change_table.item(r, 1).text() for r in range(dialog.change_table.rowCount())].index(
        "利用目的にアンケートを追加"
    )
    dialog.change_table.selectRow(row)
    qtbot.mouseClick(dialog.edit_change_button, Qt.MouseButton.LeftButton)
    editor = dialog.sub_dialog
    assert editor.form.value("description") == "利用目的にアンケートを追加"
    editor.form.editors["noticed_on"].set_value(date(2026, 11, 21))
    qtbot.mouseClick(editor.save_close_button, Qt.MouseButton.LeftButton)
    stored = [
        c for c in demo_services.joint_uses.get(1).changes if c.description == "利用目的にアンケートを追加"
    ]
    assert stored[0].noticed_on == date(2026, 11, 21)
