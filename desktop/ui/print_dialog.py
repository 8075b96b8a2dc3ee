"""File → Print register… (台帳の印刷): choose the register, its record or filter, the as-of date and the file;
the PDF is written off the GUI thread (progress, Cancel) and then opened with the system viewer."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop.domain.errors import Cancelled, ItakuError, Message
from desktop.domain.schema import MAX_SEARCH
from desktop.reports import pdf
from desktop.reports.pdf import REGISTERS, RegisterInfo, ReportResult, check_request
from desktop.ui.language import current_language, text
from desktop.ui.operations import Operation, OperationProgress, describe_error, run_operation
from desktop.ui.widgets.date_field import DateField
from desktop.ui.widgets.path_picker import PathMode, PathPicker

if TYPE_CHECKING:
    from desktop.services.facade import Services

ERROR_STYLE = "color: #b3261e;"
DONE_STYLE = "color: #1e7e34;"
# Characters Windows and most file systems refuse in a file name.
_UNSAFE_IN_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def open_with_system_viewer(path: Path) -> bool:
    """Open a file with the desktop's default application (tests replace this)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def default_folder() -> Path:
    """Where printed registers go unless the user picks another folder: Documents, else the temp folder."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path(tempfile.gettempdir())


def default_file_name(info: RegisterInfo, as_of: date, record_label: str | None = None) -> str:
    """e.g. 委託先管理台帳_20261125.pdf, 委託先カルテ_株式会社サンプル_20261125.pdf"""
    parts = [info.title_ja]
    if record_label:
        cleaned = _UNSAFE_IN_NAME.sub("_", record_label).strip(" ._")[:40]
        if cleaned:
            parts.append(cleaned)
    parts.append(f"{as_of:%Y%m%d}")
    return "_".join(parts) + ".pdf"


class PrintDialog(QDialog):
    """Print one register as PDF. `printed(ReportResult)` is emitted once the file is written."""

    printed = Signal(object)

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        open_file: Callable[[Path], bool] | None = None,
        folder: Path | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("printDialog")
        self.services = services
        self.open_file = open_file or open_with_system_viewer
        self.folder = folder or default_folder()
        self.operation: Operation | None = None
        self.report: ReportResult | None = None  # the last register written
        self._path_edited = False
        self.setWindowTitle(self.tr("Print a register"))
        today = services.context.today()

        self.register_combo = QComboBox(self)
        self.register_combo.setObjectName("printRegister")
        for name, info in REGISTERS.items():
            self.register_combo.addItem(text(Message(info.title_ja, info.title_en)), name)
        self.record_combo = QComboBox(self)
        self.record_combo.setObjectName("printRecord")
        self.record_combo.setEditable(True)
        self.record_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.record_combo.setMinimumContentsLength(36)
        self.record_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        completer = self.record_combo.completer()
        assert completer is not None  # an editable combo box has one
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("printFilter")
        self.filter_edit.setMaxLength(MAX_SEARCH)
        self.filter_edit.setPlaceholderText(self.tr("All records (type part of a name to narrow)"))
        self.as_of_field = DateField(optional=False, parent=self)
        self.as_of_field.setObjectName("printAsOf")
        self.as_of_field.set_value(today)
        self.path_picker = PathPicker(
            PathMode.SAVE,
            self.tr("Save the register as"),
            self.tr("PDF files (*.pdf)"),
            suffix=".pdf",
            parent=self,
        )
        self.path_picker.chosen.connect(self._mark_path_edited)
        self.path_edit = self.path_picker.edit
        self.path_edit.setObjectName("printPath")
        self.path_edit.setMinimumWidth(420)
        self.open_check = QCheckBox(self.tr("&Open the PDF when it is ready"), self)
        self.open_check.setObjectName("printOpen")
        self.open_check.setChecked(True)
        self.message = QLabel(self)
        self.message.setObjectName("printMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setMinimumHeight(
            self.message.fontMetrics().lineSpacing() * 3 + 4
        )  # path + a wrapped line
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.print_button = self.buttons.addButton(
            self.tr("&Print to PDF"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.print_button.setObjectName("printButton")
        self.print_button.setDefault(True)
        self.buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.start_print)

        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._add_row(form, self.tr("&Register:"), self.register_combo)
        self.record_label = self._add_row(form, self.tr("Re&cord:"), self.record_combo)
        self.filter_label = self._add_row(form, self.tr("&Filter:"), self.filter_edit)
        self._add_row(form, self.tr("&As of:"), self.as_of_field)
        file_label = QLabel(self.tr("Save &to:"), self)
        file_label.setBuddy(self.path_edit)
        form.addRow(file_label, self.path_picker)
        form.addRow("", self.open_check)
        form.addRow(self.message)
        form.addRow(self.buttons)

        self.register_combo.currentIndexChanged.connect(self.on_register_changed)
        self.record_combo.currentIndexChanged.connect(lambda _index: self.suggest_path())
        self.as_of_field.changed.connect(self.suggest_path)
        self.path_edit.textEdited.connect(self._mark_path_edited)
        self.on_register_changed()

    def _add_row(self, form: QFormLayout, label_text: str, widget: QWidget) -> QLabel:
        label = QLabel(label_text, self)
        label.setBuddy(widget)
        form.addRow(label, widget)
        return label

    def _mark_path_edited(self, _text: str) -> None:
        self._path_edited = True

    # Choices ------------------------------------------------------------------------------------------
    def register_name(self) -> str:
        return str(self.register_combo.currentData())

    def info(self) -> RegisterInfo:
        return REGISTERS[self.register_name()]

    def select_register(self, name: str) -> None:
        index = self.register_combo.findData(name)
        if index < 0:
            raise KeyError(name)
        self.register_combo.setCurrentIndex(index)

    def on_register_changed(self) -> None:
        info = self.info()
        self.record_combo.blockSignals(True)
        self.record_combo.clear()
        self.message.clear()
        try:
            for record_id, label in self.record_choices(self.register_name()):
                self.record_combo.addItem(label, record_id)
        except ItakuError as error:
            self.show_message(describe_error(error), ERROR_STYLE)
        self.record_combo.blockSignals(False)
        self.record_combo.setEnabled(info.needs_id)
        self.record_label.setEnabled(info.needs_id)
        if info.needs_id and self.record_combo.count() == 0:
            self.record_combo.setCurrentText("")
            self.show_message(self.tr("There is no record to print in this register yet."), ERROR_STYLE)
        self.filter_edit.setEnabled(not info.needs_id)
        self.filter_label.setEnabled(not info.needs_id)
        if info.needs_id:
            self.filter_edit.clear()
        self.suggest_path()

    def record_choices(self, register: str) -> list[tuple[int, str]]:
        """The records a single-record register can print, as (id, label)."""
        if register == "evaluation":
            return [
                (row.id, f"{row.contractor_name}　{row.evaluated_on:%Y-%m-%d}（#{row.id}）")
                for row in self.services.evaluations.list()
            ]
        if register == "joint-use-notice":
            return [(row.id, f"{row.title}（#{row.id}）") for row in self.services.joint_uses.list()]
        if register == "contractor-file":
            return [
                (record_id, f"{name}（#{record_id}）")
                for record_id, name in self.services.contractors.names()
            ]
        return []

    def select_record(self, record_id: int) -> None:
        index = self.record_combo.findData(record_id)
        if index < 0:
            raise KeyError(record_id)
        self.record_combo.setCurrentIndex(index)

    def record_id(self) -> int | None:
        """The chosen record; None when nothing in the list matches what was typed."""
        if not self.info().needs_id:
            return None
        index = self.record_combo.findText(self.record_combo.currentText(), Qt.MatchFlag.MatchExactly)
        if index < 0:
            return None
        return int(self.record_combo.itemData(index))

    def record_name(self) -> str | None:
        if not self.info().needs_id or self.record_id() is None:
            return None
        return re.sub(r"（#\d+）$", "", self.record_combo.currentText())

    def as_of(self) -> date | None:
        return self.as_of_field.date()

    def suggest_path(self) -> None:
        """A default file name that follows the choices until the user types a path of their own."""
        if self._path_edited:
            return
        name = default_file_name(
            self.info(), self.as_of() or self.services.context.today(), self.record_name()
        )
        self.path_edit.setText(str(self.folder / name))

    def show_message(self, message: str, style: str) -> None:
        self.message.setStyleSheet(style)
        self.message.setText(message)

    # Printing -----------------------------------------------------------------------------------------
    def start_print(self) -> Operation | None:
        """Check the choices, then render on a worker thread. Returns the running operation, or None when a
        choice is wrong (the reason is shown in the dialog)."""
        if self.operation is not None:
            return None
        register = self.register_name()
        info = self.info()
        record_id = self.record_id()
        filter_text = self.filter_edit.text().strip() or None
        as_of = self.as_of()
        path_text = self.path_edit.text().strip()
        if info.needs_id and record_id is None:
            self.show_message(self.tr("Choose the record to print from the list."), ERROR_STYLE)
            self.record_combo.setFocus()
            return None
        if as_of is None:
            self.show_message(self.tr("Enter the as-of date as YYYY-MM-DD."), ERROR_STYLE)
            self.as_of_field.setFocus()
            return None
        if not path_text:
            self.show_message(self.tr("Choose where to save the PDF."), ERROR_STYLE)
            self.path_edit.setFocus()
            return None
        out = Path(path_text).expanduser()
        if out.suffix.lower() != ".pdf":
            out = out.with_name(f"{out.name}.pdf")
        try:
            check_request(register, out, record_id, filter_text)
        except ItakuError as error:
            self.show_message(describe_error(error), ERROR_STYLE)
            return None
        services = self.services
        printed_by = services.context.actor

        def work(progress: OperationProgress) -> ReportResult | ItakuError:
            try:
                with services.as_it_stood(as_of) as stood:  # a past day: the records as they stood then
                    return pdf.render_register(
                        stood,
                        register,
                        out,
                        as_of=as_of,
                        record_id=record_id,
                        filter_text=filter_text,
                        printed_by=printed_by,
                        progress=progress,
                    )
            except Cancelled:
                raise  # the runner says so
            except ItakuError as error:  # shown in the dialog, not as a box
                return error

        self.print_button.setEnabled(False)
        self.show_message(self.tr("Writing %1…").replace("%1", str(out)), "")
        self.operation = run_operation(
            self,
            self.windowTitle(),
            self.tr("Writing the register %1…").replace("%1", text(Message(info.title_ja, info.title_en))),
            work,
            on_success=self.finish_print,
        )
        self.operation.finished.connect(self._operation_finished)
        return self.operation

    def finish_print(self, outcome: ReportResult | ItakuError) -> None:
        if isinstance(outcome, ItakuError):
            self.show_message(describe_error(outcome), ERROR_STYLE)
            return
        self.report = outcome
        message = self.tr("Saved the PDF (%n page(s)):\n%1", "", outcome.pages).replace(
            "%1", str(outcome.path)
        )
        warning = outcome.unprintable_warning()
        if warning is not None:  # shown before the person prints the PDF
            message += "\n" + warning.text(current_language())
        if self.open_check.isChecked() and not self.open_file(outcome.path):
            message += "\n" + self.tr("The PDF viewer could not be started: open the file yourself.")
        self.show_message(message, DONE_STYLE)
        self.printed.emit(outcome)

    def _operation_finished(self, ok: bool) -> None:
        operation = self.operation
        self.operation = None
        self.print_button.setEnabled(True)
        if ok or operation is None:
            return
        if operation.error is None:
            self.show_message(self.tr("Cancelled: no file was written."), ERROR_STYLE)
        else:
            self.show_message(describe_error(operation.error), ERROR_STYLE)
