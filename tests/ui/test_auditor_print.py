"""What an auditor meets in the window (issue 14): the audit log in words, one folder and one date field for
printing and exporting, the contractor list in フリガナ order as the PDFs print it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.services.facade import Services
from tests.ui.conftest import OFFSCREEN_NOTES

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOTES)


def test_the_audit_log_page_shows_labels_and_displayed_values_as_the_workbook_does(
    window: Any, demo_services: Services
) -> None:
    page = window.show_page("audit")
    page.refresh()
    model = page.model
    column = next(c for c in range(model.columnCount()) if model.columns[c].key == "changes")
    row = next(r for r in range(model.rowCount()) if model.row_object(r).record_type == "joint_use_change")
    event = model.row_object(row)
    shown = model.index(row, column).data()
    [lines] = demo_services.audit.describe_changes([event])  # the formatter the workbook's sheet uses
    assert shown == "; ".join(line.text("ja", 40) for line in lines)
    joint_use_id = event.changes["joint_use_id"][1]
    title = demo_services.joint_uses.get(joint_use_id).title
    assert f"共同利用: {title}（#{joint_use_id}）" in shown.split("; ")
    assert "joint_use_id" not in shown and "null" not in shown and "変更した事項: " in shown
    # The tooltip has every change whole, one a line: the text of the workbook's 監査ログ cell.
    assert model.index(row, column).data(Qt.ItemDataRole.ToolTipRole) == "\n".join(
        line.text("ja") for line in lines
    )


def test_the_print_and_export_dialogs_start_in_the_same_folder_with_the_same_date_field(
    qtbot: Any, itaku_app: Any, demo_services: Services
) -> None:
    from desktop.ui.export_dialog import ExportDialog
    from desktop.ui.print_dialog import PrintDialog, default_folder
    from desktop.ui.widgets.date_field import DateField

    printing = PrintDialog(demo_services, open_file=lambda _path: True)
    exporting = ExportDialog(demo_services)
    qtbot.addWidget(printing)
    qtbot.addWidget(exporting)
    assert (
        Path(exporting.path_edit.text()).parent == Path(printing.path_edit.text()).parent == default_folder()
    )
    assert type(exporting.as_of_edit) is type(printing.as_of_field) is DateField
    today = demo_services.context.today()
    assert exporting.as_of() == printing.as_of() == today


def test_the_export_dialog_refuses_an_as_of_that_is_not_a_date_and_names_the_field(
    qtbot: Any, itaku_app: Any, demo_services: Services
) -> None:
    from desktop.ui.export_dialog import ExportDialog

    dialog = ExportDialog(demo_services)
    qtbot.addWidget(dialog)
    dialog.as_of_edit.set_value("2026-13-45")
    assert dialog.start_export() is None
    assert "基準日" in dialog.message.text() and dialog.export_button.isEnabled()


def test_the_contractor_list_is_in_kana_order_by_default_as_the_pdfs_print_it(
    window: Any, demo_services: Services
) -> None:
    page = window.show_page("contractors")
    model = page.source_model
    kana = [model.row_object(row).kana for row in range(model.rowCount())]
    assert len(kana) == 40
    assert kana == sorted(kana, key=lambda value: (value is None, value or ""))
    header = page.table.horizontalHeader()
    assert header.sortIndicatorSection() == model.column_index("kana")
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    printed = [
        row.contractor.kana for row in demo_services.registers.contractors(demo_services.context.today())
    ]
    assert kana == printed  # the order of 委託先管理台帳
