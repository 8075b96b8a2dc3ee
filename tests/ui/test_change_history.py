"""The change-history tab the joint-use and opt-out forms share (desktop/ui/forms/change_history.py): it lists
the record's changes, opens the right dialog on the selected one, and after a save lists them again and says
the record changed."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.domain.kinds import RecordType
from desktop.services.facade import Services
from desktop.ui.forms import open_form
from desktop.ui.forms.joint_use_form import JointUseChangeDialog
from desktop.ui.forms.opt_out_form import OptOutChangeDialog
from tests.ui.forms_support import IGNORE_OFFSCREEN, japanese_font  # noqa: F401

pytestmark = IGNORE_OFFSCREEN

KINDS = [
    (RecordType.JOINT_USE, JointUseChangeDialog, "joint_uses"),
    (RecordType.OPT_OUT, OptOutChangeDialog, "opt_outs"),
]


def owner_with_changes(services: Services, service_name: str) -> Any:
    service = getattr(services, service_name)
    return next(record for record in (service.get(row.id) for row in service.list()) if record.changes)


@pytest.mark.parametrize(("record_type", "dialog_class", "service_name"), KINDS)
def test_the_selected_change_opens_in_its_dialog_and_its_edit_is_listed_and_announced(
    qtbot: Any, demo_services: Services, record_type: RecordType, dialog_class: type, service_name: str
) -> None:
    owner = owner_with_changes(demo_services, service_name)
    dialog = open_form(demo_services, record_type, owner.id)
    qtbot.addWidget(dialog)
    dialog.show()
    table = dialog.change_table
    assert table.rowCount() == len(owner.changes)
    assert [table.item(row, 2).text() for row in range(table.rowCount())] == [
        change.changed_on.isoformat() for change in owner.changes
    ]
    assert dialog.add_change_button.isEnabled() and dialog.add_change_button.toolTip() == ""
    last = table.rowCount() - 1
    table.selectRow(last)
    qtbot.mouseClick(dialog.edit_change_button, Qt.MouseButton.LeftButton)
    editor = dialog.sub_dialog
    assert isinstance(editor, dialog_class) and editor.record_id == owner.changes[last].id
    editor.form.editors["description"].setPlainText("説明を書き直した")
    with qtbot.waitSignal(dialog.saved, timeout=2000) as signal:  # the owner's findings may have changed
        qtbot.mouseClick(editor.save_close_button, Qt.MouseButton.LeftButton)
    assert signal.args == [record_type, owner.id]
    stored = getattr(demo_services, service_name).get(owner.id).changes
    assert stored[last].description == "説明を書き直した"
    assert table.item(last, 1).text() == "説明を書き直した"  # listed again from the database


@pytest.mark.parametrize(("record_type", "dialog_class", "service_name"), KINDS)
def test_a_record_not_saved_yet_has_no_changes_to_add(
    qtbot: Any, sqlite_services: Services, record_type: RecordType, dialog_class: type, service_name: str
) -> None:
    dialog = open_form(sqlite_services, record_type, None)
    qtbot.addWidget(dialog)
    assert dialog.change_table.rowCount() == 0
    assert not dialog.add_change_button.isEnabled() and not dialog.edit_change_button.isEnabled()
    assert dialog.add_change_button.toolTip().startswith("Save the")
    dialog.change_history.open_change(None)
    assert dialog.sub_dialog is None
