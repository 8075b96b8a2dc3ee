"""File → Import ledger…: a wizard to bring a hand-kept 委託先管理台帳 or 第三者提供記録簿 (Excel) into Itaku.

Pick the kind of ledger, the file and the sheet; see which columns were recognised and which were not, the first rows, and
every error with its Excel row; then import. Reading and importing run off the GUI thread
(`desktop.ui.operations`); the import is one transaction, so a failure leaves the database as it was.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.domain.enums import ContractorStatus
from desktop.domain.kinds import RuleId
from desktop.domain.rules import RULE_INFO
from desktop.services.ledger_import import STATUS_CHOSEN, STATUS_INFERRED, STATUS_KEPT
from desktop.ui.language import current_language, text
from desktop.ui.operations import Operation, OperationProgress, describe_error, run_operation
from desktop.ui.widgets.path_picker import PathMode, PathPicker

if TYPE_CHECKING:
    from desktop.services.facade import Services

PREVIEW_ROWS = 50
ERROR_COLOUR = QColor("#b00020")

# The kinds of ledger the wizard imports, each with the service that reads and writes it (on Services).
CONTRACTORS = "contractors"
PROVISIONS = "provisions"
SERVICE_OF = {CONTRACTORS: "ledger_import", PROVISIONS: "provision_import"}


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "strftime"):
        return value.strftime("%Y/%m/%d")
    return str(value)


def _table(parent: QWidget, name: str) -> tuple[QTableView, QStandardItemModel]:
    model = QStandardItemModel(parent)
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.setAlternatingRowColors(True)
    return view, model


class FilePage(QWizardPage):
    """Step 1: the workbook and the sheet."""

    def __init__(self, wizard: ImportWizard):
        super().__init__(wizard)
        self.import_wizard = wizard
        self.setTitle(self.tr("Choose the ledger"))
        self.setSubTitle(
            self.tr(
                "An Excel workbook (.xlsx) with one line per contractor or per provision. Title rows, blank "
                "rows and a closing 以上 are fine."
            )
        )
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("kindCombo")
        self.kind_combo.addItem(self.tr("Contractor ledger (委託先台帳)"), CONTRACTORS)
        self.kind_combo.addItem(self.tr("Third-party provision register (第三者提供記録簿)"), PROVISIONS)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(wizard.kind))
        self.kind_combo.currentIndexChanged.connect(
            lambda _index: wizard.set_kind(self.kind_combo.currentData())
        )
        self.path_picker = PathPicker(
            PathMode.OPEN,
            self.tr("Open ledger"),
            self.tr("Excel workbooks (*.xlsx);;All files (*)"),
            parent=self,
        )
        self.path_picker.chosen.connect(lambda _path: self.load_sheets())
        self.path_edit = self.path_picker.edit
        self.path_edit.setObjectName("ledgerPath")
        self.path_edit.setPlaceholderText(self.tr("Path of the .xlsx file"))
        self.sheet_combo = QComboBox(self)
        self.sheet_combo.setObjectName("sheetCombo")
        self.message = QLabel(self)
        self.message.setObjectName("fileMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR.name()}")
        form = QFormLayout(self)
        kind_label = QLabel(self.tr("&Kind of ledger:"), self)
        kind_label.setBuddy(self.kind_combo)
        form.addRow(kind_label, self.kind_combo)
        file_label = QLabel(self.tr("&File:"), self)
        file_label.setBuddy(self.path_edit)
        form.addRow(file_label, self.path_picker)
        sheet_label = QLabel(self.tr("&Sheet:"), self)
        sheet_label.setBuddy(self.sheet_combo)
        form.addRow(sheet_label, self.sheet_combo)
        form.addRow(self.message)
        self.path_edit.editingFinished.connect(self.load_sheets)

    def set_path(self, path: str) -> None:
        self.path_edit.setText(path)
        self.load_sheets()

    def load_sheets(self) -> None:
        """List the sheets (quick: only the workbook's table of contents is read)."""
        self.sheet_combo.clear()
        self.message.clear()
        path = self.path_edit.text().strip()
        if path:
            try:
                names = self.import_wizard.service.sheet_names(Path(path))
            except Exception as error:  # shown next to the field; the user picks another file
                self.message.setText(describe_error(error))
            else:
                self.sheet_combo.addItem(self.tr("(the first sheet with a ledger header)"), None)
                for name in names:
                    self.sheet_combo.addItem(name, name)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.sheet_combo.count() > 0


class ReviewPage(QWizardPage):
    """Step 2: columns recognised and not, the first rows, every error; and what the import would do."""

    def __init__(self, wizard: ImportWizard):
        super().__init__(wizard)
        self.import_wizard = wizard
        self.setTitle(self.tr("Check the columns and rows"))
        self.summary = QLabel(self)
        self.summary.setObjectName("reviewSummary")
        self.summary.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.columns_view, self.columns_model = _table(self, "columnsView")
        self.rows_view, self.rows_model = _table(self, "rowsView")
        self.errors_view, self.errors_model = _table(self, "errorsView")
        self.tabs.addTab(self.columns_view, self.tr("&Columns"))
        self.tabs.addTab(self.rows_view, self.tr("&Rows"))
        self.tabs.addTab(self.errors_view, self.tr("&Errors"))
        # Issue 12: a contractor the ledger gives no status never lands silently outside the checks; the
        # user sees the inferred statuses and may choose one for the whole file before importing.
        self.status_combo = QComboBox(self)
        self.status_combo.setObjectName("statusCombo")
        self.status_combo.addItem(
            self.tr(
                "Inferred: Active with a start date or PI items, else Candidate (Ended if its end date has passed)"
            ),
            None,
        )
        for status in ContractorStatus:
            self.status_combo.addItem(text(status.label), status.value)
        status_label = QLabel(self.tr("S&tatus of contractors the ledger gives none:"), self)
        status_label.setBuddy(self.status_combo)
        status_row = QHBoxLayout()
        status_row.addWidget(status_label)
        status_row.addWidget(self.status_combo, 1)
        self.status_combo.currentIndexChanged.connect(self.on_status_chosen)
        self.status_label = status_label
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(status_row)
        layout.addWidget(self.tabs, 1)
        self.ready = False

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self.ready = False
        has_status = self.import_wizard.kind == CONTRACTORS  # a provision has no status to choose
        self.status_label.setVisible(has_status)
        self.status_combo.setVisible(has_status)
        self.summary.setText(self.tr("Reading the ledger…"))
        for model in (self.columns_model, self.rows_model, self.errors_model):
            model.clear()
        self.import_wizard.read_ledger(self.show_result)

    def on_status_chosen(self, _index: int) -> None:
        """Rehearse again with the chosen status: the counts and each row's status follow the choice."""
        self.import_wizard.status = self.status_combo.currentData()
        if self.import_wizard.preview is None or self.import_wizard.preview.errors:
            return
        self.ready = False
        self.completeChanged.emit()
        self.import_wizard.rehearse(self.show_result)

    def show_result(self, outcome: Any) -> None:
        preview, summary = outcome
        self.columns_model.clear()
        self.rows_model.clear()
        self.errors_model.clear()
        self.show_columns(preview)
        self.show_rows(preview, summary)
        self.show_errors(preview)
        errors = preview.errors
        recognised, unrecognised = preview.header.recognised, preview.header.unrecognised
        head = (
            self.tr("Sheet 「%1」, header on row %2: %3 rows, %4 columns recognised, %5 not recognised.")
            .replace("%1", preview.sheet)
            .replace("%2", preview.header.rows_text)
            .replace("%3", str(len(preview.rows)))
            .replace("%4", str(len(recognised)))
            .replace("%5", str(len(unrecognised)))
        )
        if errors:
            tail = self.tr(
                "%1 errors: fix them in Excel and read the file again. Nothing will be imported "
                "while any row is invalid."
            ).replace("%1", str(len(errors)))
            self.summary.setStyleSheet(f"color: {ERROR_COLOUR.name()}")
            self.tabs.setCurrentWidget(self.errors_view)
        elif summary is not None:
            as_planned = dataclasses.replace(summary, dry_run=False)  # what the import will do, not "dry run"
            tail = self.tr("Ready: %1").replace("%1", as_planned.report(current_language()))
            self.summary.setStyleSheet("")
        else:
            tail = ""
        self.summary.setText(f"{head}\n{tail}")
        self.ready = not errors and summary is not None
        self.completeChanged.emit()

    def show_failure(self, message: str) -> None:
        self.summary.setStyleSheet(f"color: {ERROR_COLOUR.name()}")
        self.summary.setText(message)
        self.ready = False
        self.completeChanged.emit()

    def show_columns(self, preview: Any) -> None:
        model = self.columns_model
        model.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("Heading in the ledger"), self.tr("Imported as")]
        )
        for column in preview.header.columns:
            target = (
                text(preview.header.label(column.target)) if column.target else self.tr("— not recognised —")
            )
            items = [QStandardItem(column.letter), QStandardItem(column.header), QStandardItem(target)]
            if column.target is None:
                for item in items:
                    item.setForeground(QBrush(ERROR_COLOUR))
            model.appendRow(items)
        self.columns_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def show_rows(self, preview: Any, summary: Any = None) -> None:
        model = self.rows_model
        columns = preview.header.columns
        statuses = summary.row_statuses if summary is not None else {}
        outcome = (
            self.tr("Status on import")
            if self.import_wizard.kind == CONTRACTORS
            else self.tr("Findings on import")
        )
        model.setHorizontalHeaderLabels([self.tr("Row"), outcome] + [column.header for column in columns])
        for number, cells in preview.raw_rows[:PREVIEW_ROWS]:
            items = [QStandardItem(str(number)), self.status_item(statuses.get(number))]
            items += [
                QStandardItem(_cell_text(cells[c.index] if c.index < len(cells) else None)) for c in columns
            ]
            model.appendRow(items)

    def status_item(self, status: tuple[str, str] | None) -> QStandardItem:
        """A row's status after the import, saying when it was inferred or chosen rather than read."""
        if status is None:
            return QStandardItem("")
        if self.import_wizard.kind == PROVISIONS:
            return self.findings_item(status)
        value, source = status
        try:
            name = text(ContractorStatus(value).label)
        except ValueError:
            name = value
        notes = {
            STATUS_INFERRED: self.tr("%1 (inferred)"),
            STATUS_CHOSEN: self.tr("%1 (chosen)"),
            STATUS_KEPT: self.tr("%1 (as registered)"),
        }
        item = QStandardItem(notes[source].replace("%1", name) if source in notes else name)
        if value == ContractorStatus.CANDIDATE.value:
            item.setToolTip(self.tr("A candidate is outside the checks until its status is set to Active."))
        return item

    def findings_item(self, status: tuple[str, str]) -> QStandardItem:
        """A provision line after the import: already registered, or the rules' findings on its record."""
        value, rule_ids = status
        if value == "registered":
            return QStandardItem(self.tr("Already registered (not added again)"))
        if value == "findings":
            found = rule_ids.split("、")
            item = QStandardItem(self.tr("%1 finding(s)").replace("%1", str(len(found))))
            english = current_language() == "en"
            titles = [RULE_INFO[RuleId(rule)] for rule in dict.fromkeys(found)]
            item.setToolTip("\n".join(f"{info.en if english else info.ja} ({info.rule})" for info in titles))
            item.setForeground(QBrush(ERROR_COLOUR))
            return item
        return QStandardItem(self.tr("No findings"))

    def show_errors(self, preview: Any) -> None:
        model = self.errors_model
        model.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Column"), self.tr("Value"), self.tr("Reason")]
        )
        for error in preview.errors:
            model.appendRow(
                [
                    QStandardItem(str(error.excel_row)),
                    QStandardItem(error.column),
                    QStandardItem(error.value),
                    QStandardItem(text(error.message)),
                ]
            )
        self.tabs.setTabText(2, self.tr("&Errors (%1)").replace("%1", str(len(preview.errors))))

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.ready


class ImportPage(QWizardPage):
    """Step 3: import (one transaction), then say what was added, updated and left unchanged."""

    def __init__(self, wizard: ImportWizard):
        super().__init__(wizard)
        self.import_wizard = wizard
        self.setTitle(self.tr("Import"))
        self.setSubTitle(self.tr("All rows are written together: if anything fails, nothing is written."))
        self.result_label = QLabel(self)
        self.result_label.setObjectName("importResult")
        self.result_label.setWordWrap(True)
        self.import_button = QPushButton(self.tr("&Import now"), self)
        self.import_button.setObjectName("importButton")
        self.import_button.clicked.connect(self.start_import)
        layout = QVBoxLayout(self)
        layout.addWidget(self.result_label)
        layout.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.done = False

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self.done = False
        self.import_button.setEnabled(True)
        summary = self.import_wizard.rehearsal
        self.result_label.setText(
            self.tr("The import will do this: %1").replace(
                "%1",
                dataclasses.replace(summary, dry_run=False).report(current_language()) if summary else "",
            )
        )

    def start_import(self) -> None:
        self.import_button.setEnabled(False)
        self.import_wizard.import_ledger(self.show_result, self.show_failure)

    def show_result(self, summary: Any) -> None:
        self.result_label.setText(self.tr("Imported: %1").replace("%1", summary.report(current_language())))
        self.setCommitPage(True)  # no way back to import the same rows twice
        self.done = True
        self.completeChanged.emit()

    def show_failure(self, message: str) -> None:
        self.result_label.setText(self.tr("Nothing was imported: %1").replace("%1", message))
        self.import_button.setEnabled(True)

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.done


class ImportWizard(QWizard):
    """The ledger import wizard; `finished` is emitted when it closes (the window then reloads its views)."""

    def __init__(self, services: Services, parent: QWidget | None = None, kind: str = CONTRACTORS):
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.services = services
        self.kind = kind
        self.service = getattr(services, SERVICE_OF[kind])
        self.preview: Any = None
        self.rehearsal: Any = None
        self.status: str | None = None  # the status of contractors the ledger gives none (None: inferred)
        self.imported: Any = None
        self.operation: Operation | None = None
        self.setWindowTitle(self.title())
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.file_page = FilePage(self)
        self.review_page = ReviewPage(self)
        self.import_page = ImportPage(self)
        for page in (self.file_page, self.review_page, self.import_page):
            self.addPage(page)
        self.resize(900, 600)

    def title(self) -> str:
        if self.kind == PROVISIONS:
            return self.tr("Import a third-party provision register")
        return self.tr("Import a contractor ledger")

    def set_kind(self, kind: str) -> None:
        """Another kind of ledger: its own service reads the file (the sheets are listed again)."""
        self.kind = kind
        self.service = getattr(self.services, SERVICE_OF[kind])
        self.preview = self.rehearsal = None
        self.setWindowTitle(self.title())
        self.file_page.load_sheets()

    # The work runs on a worker thread; the results come back to the pages on the GUI thread.

    def read_ledger(self, on_done: Any) -> Operation:
        path = Path(self.file_page.path_edit.text().strip())
        sheet = self.file_page.sheet_combo.currentData()
        service = self.service
        status = self.status

        def work(progress: OperationProgress) -> tuple[Any, Any]:
            preview = service.read(path, sheet, progress=progress)
            if preview.errors:
                return preview, None
            # A full rehearsal in a transaction that is rolled back: the counts the import will give.
            return preview, service.apply(preview, dry_run=True, progress=progress, status=status)

        def succeeded(outcome: tuple[Any, Any]) -> None:
            self.preview, self.rehearsal = outcome
            on_done(outcome)

        self.operation = run_operation(
            self,
            self.title(),
            self.tr("Reading the ledger…"),
            work,
            on_success=succeeded,
        )

        def finished(ok: bool) -> None:
            if ok:
                return
            error = self.operation.error if self.operation is not None else None
            self.review_page.show_failure(
                describe_error(error) if error is not None else self.tr("Reading was cancelled.")
            )

        self.operation.finished.connect(finished)
        return self.operation

    def rehearse(self, on_done: Any) -> Operation:
        """The rehearsal again, on the rows already read, with the status now chosen."""
        preview = self.preview
        service = self.service
        status = self.status

        def succeeded(summary: Any) -> None:
            self.rehearsal = summary
            on_done((preview, summary))

        self.operation = run_operation(
            self,
            self.title(),
            self.tr("Reading the ledger…"),
            lambda progress: service.apply(preview, dry_run=True, progress=progress, status=status),
            on_success=succeeded,
        )
        operation = self.operation

        def finished(ok: bool) -> None:
            if not ok:
                self.review_page.show_failure(
                    describe_error(operation.error) if operation.error else self.tr("Reading was cancelled.")
                )

        operation.finished.connect(finished)
        return operation

    def import_ledger(self, on_done: Any, on_failure: Any) -> Operation:
        preview = self.preview
        service = self.service
        status = self.status

        def succeeded(summary: Any) -> None:
            self.imported = summary
            on_done(summary)

        self.operation = run_operation(
            self,
            self.title(),
            self.tr("Importing…"),
            lambda progress: service.apply(preview, progress=progress, status=status),
            on_success=succeeded,
        )
        self.operation.finished.connect(
            lambda ok: (
                ok
                or on_failure(
                    describe_error(self.operation.error)
                    if self.operation and self.operation.error
                    else self.tr("The import was cancelled.")
                )
            )
        )
        return self.operation
