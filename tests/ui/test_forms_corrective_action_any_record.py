"""The corrective action form (issue 12): opened on a joint use (not only a contractor), it offers the kinds of
record a corrective action may be on and the closable rules, and saves the action on that record."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

from PySide6.QtCore import Qt

from desktop.services.facade import Services
from desktop.ui.forms.corrective_action_form import CorrectiveActionDialog
from tests.ui.forms_support import IGNORE_OFFSCREEN, japanese_font  # noqa: F401

pytestmark = IGNORE_OFFSCREEN


def test_a_corrective_action_is_recorded_on_a_joint_use(qtbot, sqlite_services: Services) -> None:
    moment = datetime(2026, 3, 1, 3, 0, tzinfo=UTC)
    sqlite_services.context.clock = lambda: moment
    joint_use = sqlite_services.joint_uses.create(
        {"title": "グループ共同利用", "start_date": "2026-01-10", "notice_published_on": "2026-02-01"}
    )
    dialog = CorrectiveActionDialog(
        sqlite_services, None, None, {"record_type": "joint_use", "record_id": joint_use.id}
    )
    qtbot.addWidget(dialog)
    dialog.show()
    kinds = dialog.form.editors["record_type"]
    assert [kinds.itemText(i) for i in range(kinds.count())] == ["委託先", "共同利用", "オプトアウト"]
    assert dialog.form.value("record_type") == "joint_use"
    dialog.form.editors["rule"].set_value("joint_use.notice_late")
    dialog.form.editors["action"].setPlainText("公表手順を改め、開始前の公表を確認する手順を追加した")
    dialog.form.editors["taken_on"].set_value(date(2026, 3, 1))
    dialog.form.editors["taken_by"].setText("黒田 修")
    if os.environ.get("ITAKU_SCREENSHOTS"):
        dialog.grab().save(os.environ["ITAKU_SCREENSHOTS"])
    with qtbot.waitSignal(dialog.saved, timeout=2000):
        qtbot.mouseClick(dialog.save_close_button, Qt.MouseButton.LeftButton)
    (row,) = sqlite_services.corrective_actions.list(record_type="joint_use", record_id=joint_use.id)
    assert (row.rule, row.record_label) == ("joint_use.notice_late", "グループ共同利用")


def test_the_joint_use_and_opt_out_forms_have_a_corrective_actions_tab(
    qtbot, sqlite_services: Services
) -> None:
    from desktop.ui.forms import open_form

    moment = datetime(2026, 3, 1, 3, 0, tzinfo=UTC)
    sqlite_services.context.clock = lambda: moment
    joint_use = sqlite_services.joint_uses.create(
        {"title": "グループ共同利用", "start_date": "2026-01-10", "notice_published_on": "2026-02-01"}
    )
    sqlite_services.corrective_actions.create(
        {
            "record_type": "joint_use",
            "record_id": joint_use.id,
            "rule": "joint_use.notice_late",
            "action": "公表手順を改めた",
            "taken_on": "2026-03-01",
            "taken_by": "黒田 修",
        }
    )
    dialog = open_form(sqlite_services, "joint_use", joint_use.id)
    qtbot.addWidget(dialog)
    dialog.show()
    tab = dialog.corrective_tab
    assert tab.table.rowCount() == 1 and tab.table.item(0, 3).text() == "黒田 修"
    assert tab.add_button.isEnabled()
    dialog.tabs.setCurrentWidget(tab)
    if os.environ.get("ITAKU_SCREENSHOTS"):
        dialog.grab().save(os.environ["ITAKU_SCREENSHOTS"].replace(".png", "_tab.png"))
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    preset = tab.sub_dialog
    assert preset.form.value("record_type") == "joint_use" and str(preset.form.value("record_id")) == str(
        joint_use.id
    )
    preset.reject()
    opt_out = sqlite_services.opt_outs.create({"title": "会員名簿の提供", "start_date": "2026-04-01"})
    other = open_form(sqlite_services, "opt_out", opt_out.id)
    qtbot.addWidget(other)
    assert other.corrective_tab.table.rowCount() == 0 and other.corrective_tab.add_button.isEnabled()


def test_the_contractor_form_shares_the_corrective_actions_tab(qtbot, sqlite_services: Services) -> None:
    """The contractor form shows its corrective actions in the same tab as the other forms: listed, a new one
    preset on the contractor, the form announcing the save so that the window's findings follow."""
    from desktop.ui.forms import open_form

    contractor = sqlite_services.contractors.create(
        {"name": "株式会社是正", "status": "active", "pi_items": ["氏名"], "start_date": "2026-01-01"}
    )
    sqlite_services.corrective_actions.create(
        {
            "record_type": "contractor",
            "record_id": contractor.id,
            "rule": "contractor.entrusted_before_selection",
            "action": "評価を実施し契約を締結した",
            "taken_on": "2026-03-01",
            "taken_by": "黒田 修",
        }
    )
    dialog = open_form(sqlite_services, "contractor", contractor.id)
    qtbot.addWidget(dialog)
    dialog.show()
    tab = dialog.corrective_tab
    assert tab.table.rowCount() == 1 and tab.table.item(0, 3).text() == "黒田 修"
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    preset = tab.sub_dialog
    assert preset.form.value("record_type") == "contractor"
    assert str(preset.form.value("record_id")) == str(contractor.id)
    preset.form.editors["rule"].set_value("contractor.entrusted_before_selection")
    preset.form.editors["action"].setPlainText("選定手続を完了した")
    preset.form.editors["taken_on"].set_value(date(2026, 3, 2))
    preset.form.editors["taken_by"].setText("黒田 修")
    with qtbot.waitSignal(dialog.saved, timeout=3000):
        qtbot.mouseClick(preset.save_close_button, Qt.MouseButton.LeftButton)
    assert tab.table.rowCount() == 2
    new = open_form(sqlite_services, "contractor", None)
    qtbot.addWidget(new)
    assert not new.corrective_tab.add_button.isEnabled()  # save the contractor first
