"""The change form of a joint use: a change of the items or the scope of joint users takes its basis and
reason (PPC Guidelines (General) 3-6-3); the change history shows the basis, or that one is owed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from desktop.services.facade import Services
from desktop.ui.forms import open_form
from desktop.ui.forms.joint_use_form import CHANGE_TABLE_FIELDS, JointUseChangeDialog
from tests.ui.forms_support import IGNORE_OFFSCREEN, japanese_font  # noqa: F401

pytestmark = IGNORE_OFFSCREEN


def make_joint_use(services: Services) -> int:
    return services.joint_uses.create({"title": "共同利用", "start_date": "2026-04-01"}).id


def test_the_basis_is_open_only_for_a_change_of_items_or_scope(qtbot, sqlite_services: Services) -> None:
    dialog = JointUseChangeDialog(sqlite_services, make_joint_use(sqlite_services))
    qtbot.addWidget(dialog)
    basis, reason = dialog.form.editors["basis"], dialog.form.editors["basis_reason"]
    dialog.form.editors["field"].set_value("purpose")
    assert not basis.isEnabled() and not reason.isEnabled()
    dialog.form.editors["field"].set_value("scope")
    assert basis.isEnabled() and reason.isEnabled()
    assert "3-6-3" in dialog.basis_hint.text()
    basis.set_value("consent")
    assert "basis_reason" in dialog.form.missing_required()  # a basis says why
    reason.setPlainText("会員全員の同意書")
    assert "basis_reason" not in dialog.form.missing_required()
    dialog.form.editors["field"].set_value("purpose")  # no basis for what a notice may change
    assert dialog.form.value("basis") is None and not dialog.form.value("basis_reason")


def test_a_change_of_scope_is_saved_with_its_basis_and_shown_in_the_history(
    qtbot, sqlite_services: Services
) -> None:
    joint_use_id = make_joint_use(sqlite_services)
    dialog = open_form(sqlite_services, "joint_use", joint_use_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.add_change_button, Qt.MouseButton.LeftButton)
    change_dialog = dialog.sub_dialog
    assert isinstance(change_dialog, JointUseChangeDialog)
    change_dialog.form.editors["field"].set_value("scope")
    change_dialog.form.editors["description"].setPlainText("合併した子会社を共同利用者に加える")
    change_dialog.form.editors["changed_on"].set_value(date(2026, 10, 1))
    change_dialog.form.editors["basis"].set_value("succession")
    change_dialog.form.editors["basis_reason"].setPlainText("吸収合併により事業を承継")
    with qtbot.waitSignal(dialog.saved, timeout=2000):
        qtbot.mouseClick(change_dialog.save_close_button, Qt.MouseButton.LeftButton)
    (stored,) = sqlite_services.joint_uses.get(joint_use_id).changes
    assert (stored.basis, stored.basis_reason) == ("succession", "吸収合併により事業を承継")
    column = CHANGE_TABLE_FIELDS.index("basis")
    assert (
        dialog.change_table.item(0, column).text() == "合併・事業譲渡等による承継: 吸収合併により事業を承継"
    )


def test_the_history_says_when_a_basis_is_owed(qtbot, sqlite_services: Services) -> None:
    joint_use_id = make_joint_use(sqlite_services)
    sqlite_services.joint_uses.add_change(
        {
            "joint_use_id": joint_use_id,
            "field": "pi_items",
            "description": "項目追加",
            "changed_on": "2026-10-01",
        }
    )
    dialog = open_form(sqlite_services, "joint_use", joint_use_id)
    qtbot.addWidget(dialog)
    column = CHANGE_TABLE_FIELDS.index("basis")
    assert dialog.change_table.item(0, column).text() == "none (required)"  # untranslated in tests
