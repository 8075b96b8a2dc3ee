"""File → Export audit workbook…: where to save it and as of which date; written off the GUI thread."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from desktop.reports.xlsx import SHEETS, write_audit_workbook
from desktop.ui.language import current_language
from desktop.ui.operations import Operation, OperationProgress, run_operation
from desktop.ui.print_dialog import ERROR_STYLE, default_folder
from desktop.ui.widgets.date_field import DateField
from desktop.ui.widgets.path_picker import PathMode, PathPicker

if TYPE_CHECKING:
    from desktop.services.facade import Services


class ExportDialog(QDialog):
    """Choose the file and the as-of date; Export writes the workbook on a worker thread."""

    def __init__(self, services: Services, parent: QWidget | None = None, *, folder: Path | None = None):
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.services = services
        self.operation: Operation | None = None
        self.counts: dict[str, int] | None = None
        self.setWindowTitle(self.tr("Export the audit workbook"))
        today = services.context.today()
        self.path_picker = PathPicker(
            PathMode.SAVE,
            self.tr("Save the audit workbook"),
            self.tr("Excel workbooks (*.xlsx)"),
            suffix=".xlsx",
            parent=self,
        )
        self.path_edit = self.path_picker.edit
        self.path_edit.setObjectName("exportPath")
        # The same folder and the same date field as File → Print register…
        self.path_edit.setText(str((folder or default_folder()) / f"itaku-audit-{today:%Y%m%d}.xlsx"))
        self.as_of_edit = DateField(optional=False, parent=self)
        self.as_of_edit.setObjectName("exportAsOf")
        self.as_of_edit.set_value(today)
        self.message = QLabel(self)
        self.message.setObjectName("exportMessage")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = self.buttons.addButton(
            self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setObjectName("exportButton")
        self.buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(self.start_export)
        form = QFormLayout(self)
        file_label = QLabel(self.tr("&File:"), self)
        file_label.setBuddy(self.path_edit)
        form.addRow(file_label, self.path_picker)
        as_of_label = QLabel(self.tr("&As of:"), self)
        as_of_label.setBuddy(self.as_of_edit)
        form.addRow(as_of_label, self.as_of_edit)
        form.addRow(QLabel(self.tr("Sheets: %1").replace("%1", "、".join(SHEETS)), self))
        form.addRow(self.message)
        form.addRow(self.buttons)

    def as_of(self) -> date | None:
        return self.as_of_edit.date()

    def start_export(self) -> Operation | None:
        """Write the workbook on a worker thread; None (the reason shown) when the as-of date is not a date."""
        path = Path(self.path_edit.text().strip())
        as_of = self.as_of()
        if as_of is None:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(self.tr("Enter the as-of date as YYYY-MM-DD."))
            self.as_of_edit.setFocus()
            return None
        self.message.setStyleSheet("")
        language = current_language()
        services = self.services
        self.export_button.setEnabled(False)

        def work(progress: OperationProgress) -> dict[str, int]:
            with services.as_it_stood(as_of) as stood:  # a past day: the records as they stood then
                return write_audit_workbook(
                    stood,
                    path,
                    as_of,
                    language,
                    progress=progress,
                )

        def succeeded(counts: dict[str, int]) -> None:
            self.counts = counts
            self.message.setText(self.tr("Saved: %1").replace("%1", str(path)))
            self.accept()

        self.operation = run_operation(
            self, self.windowTitle(), self.tr("Writing the workbook…"), work, on_success=succeeded
        )

        def finished(ok: bool) -> None:
            if not ok:  # failed or cancelled: the dialog stays, to try again
                self.export_button.setEnabled(True)

        self.operation.finished.connect(finished)
        return self.operation
