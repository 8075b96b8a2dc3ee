"""Settings: company profile, warning periods, evaluation thresholds and checklist, language, database.

Company and rule settings live in the database (shared by every user of it); the language and the
database location are per user, in QSettings("Itaku", "Itaku"), read at the next start.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.checklist import GROUPS
from desktop.domain.errors import ItakuError, Message, ValidationError
from desktop.domain.kinds import RecordType
from desktop.domain.schema import COMPANY, validate
from desktop.services.settings import SETTING_BY_KEY, SETTINGS
from desktop.ui.language import current_language, text
from desktop.ui.operations import describe_error
from desktop.ui.widgets.field_error import FieldErrorLabel
from desktop.ui.widgets.path_picker import PathMode, PathPicker
from desktop.ui.widgets.schema_form import SchemaForm

if TYPE_CHECKING:
    from desktop.services.facade import Services

ORGANISATION = "Itaku"
APPLICATION = "Itaku"
LANGUAGE_KEY = "language"
DATABASE_KEY = "database_url"
MEBIBYTE = 1024 * 1024
MEBIBYTE_KEYS = ("attachment_max_bytes", "import_max_uncompressed_bytes")  # shown in MiB, stored in bytes
NUMBER_KEYS = tuple(d.key for d in SETTINGS if d.key != "evaluation_template" and d.key not in MEBIBYTE_KEYS)
COLUMNS = ("code", "group", "ja", "en", "mandatory", "max_score", "simplified")


def user_settings() -> QSettings:
    return QSettings(ORGANISATION, APPLICATION)


def masked(url: str) -> str:
    """A database URL fit to show: the password replaced by ***."""
    return re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", url)


class ChecklistTemplateEditor(QWidget):
    """The evaluation checklist template as an editable table (one row per item)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("templateTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Code"),
                self.tr("Group"),
                self.tr("Item (Japanese)"),
                self.tr("Item (English)"),
                self.tr("Mandatory"),
                self.tr("Max score"),
                self.tr("Simplified route"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        self.error = FieldErrorLabel(self)
        self.error.setObjectName("error_evaluation_template")
        layout.addWidget(self.error)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add item"), self)
        self.remove_button = QPushButton(self.tr("&Remove item"), self)
        self.up_button = QPushButton(self.tr("Move &up"), self)
        self.down_button = QPushButton(self.tr("Move do&wn"), self)
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.add_button.clicked.connect(lambda: self.add_row({"group": "organisational", "max_score": 2}))
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))

    def set_items(self, rows: list[dict[str, Any]]) -> None:
        self.table.setRowCount(0)
        for row in rows:
            self.add_row(row)

    def add_row(self, item: dict[str, Any]) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self._fill(row, item)

    def _fill(self, row: int, item: dict[str, Any]) -> None:
        self.table.setItem(row, 0, QTableWidgetItem(str(item.get("code", ""))))
        group = QComboBox()
        for code, (ja, en) in GROUPS.items():
            group.addItem(text(Message(ja, en)), code)
        group.setCurrentIndex(max(group.findData(item.get("group")), 0))
        self.table.setCellWidget(row, 1, group)
        self.table.setItem(row, 2, QTableWidgetItem(str(item.get("ja", ""))))
        self.table.setItem(row, 3, QTableWidgetItem(str(item.get("en", ""))))
        for column, key in ((4, "mandatory"), (6, "simplified")):
            cell = QTableWidgetItem()
            cell.setFlags(
                Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            )
            cell.setCheckState(Qt.CheckState.Checked if item.get(key) else Qt.CheckState.Unchecked)
            self.table.setItem(row, column, cell)
        score = QSpinBox()
        score.setRange(1, 10)
        score.setValue(int(item.get("max_score", 2)))
        self.table.setCellWidget(row, 5, score)

    def row_values(self, row: int) -> dict[str, Any]:
        def cell_text(column: int) -> str:
            cell = self.table.item(row, column)
            return cell.text().strip() if cell is not None else ""

        def checked(column: int) -> bool:
            cell = self.table.item(row, column)
            return cell is not None and cell.checkState() == Qt.CheckState.Checked

        group = self.table.cellWidget(row, 1)
        score = self.table.cellWidget(row, 5)
        assert isinstance(group, QComboBox) and isinstance(score, QSpinBox)  # as _fill placed them
        return {
            "code": cell_text(0),
            "group": group.currentData(),
            "ja": cell_text(2),
            "en": cell_text(3) or cell_text(2),
            "mandatory": checked(4),
            "max_score": score.value(),
            "simplified": checked(6),
        }

    def items(self) -> list[dict[str, Any]]:
        return [self.row_values(row) for row in range(self.table.rowCount())]

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def remove_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.table.removeRow(row)

    def move_selected(self, step: int) -> None:
        row = self.selected_row()
        if row is None or not 0 <= row + step < self.table.rowCount():
            return
        items = self.items()
        items[row], items[row + step] = items[row + step], items[row]
        self.set_items(items)
        self.table.selectRow(row + step)


class SettingsDialog(QDialog):
    """Company profile, rule settings, checklist template (database); language and database (this user)."""

    saved = Signal(str, int)  # ("company_profile", id) when the profile changed
    settings_saved = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("Settings"))
        self.profile = services.company.get()
        layout = QVBoxLayout(self)
        self.general_error = FieldErrorLabel(self)
        self.general_error.setObjectName("generalError")
        layout.addWidget(self.general_error)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)
        self.company_form = SchemaForm(COMPANY, parent=self)
        self.tabs.addTab(self.company_form.layout_for(COMPANY.names), self.tr("&Company"))
        self.tabs.addTab(self.build_rules(), self.tr("&Warnings and thresholds"))
        self.template_editor = ChecklistTemplateEditor(self)
        self.tabs.addTab(self.template_editor, self.tr("Evaluation &checklist"))
        self.tabs.addTab(self.build_personal(), self.tr("&Language and database"))
        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusLabel")
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(self.tr("&Save"), QDialogButtonBox.ButtonRole.ApplyRole)
        self.close_button = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setAutoDefault(False)
        self.close_button.setAutoDefault(False)
        footer = QHBoxLayout()
        footer.addWidget(self.status_label, 1)
        footer.addWidget(buttons)
        layout.addLayout(footer)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        self.company_form.changed.connect(self.update_state)
        self.load()
        self.resize(980, 680)

    def build_rules(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.spins: dict[str, QSpinBox] = {}
        self.rule_errors: dict[str, FieldErrorLabel] = {}
        ranges = {
            "evaluation_pass_percent": (0, 100),
            "evaluation_conditional_percent": (0, 100),
            "evaluation_interval_months": (1, 60),
            "import_max_shared_strings": (1000, 10_000_000),
        }
        for key in (*NUMBER_KEYS, *MEBIBYTE_KEYS):
            spin = QSpinBox(page)
            spin.setObjectName(f"setting_{key}")
            spin.setMinimumWidth(120)
            spin.setMaximumWidth(180)
            if key in MEBIBYTE_KEYS:
                spin.setRange(1, 2048)
                spin.setSuffix(" MiB")
                label = (
                    self.tr("Attachment size limit")
                    if key == "attachment_max_bytes"
                    else text(SETTING_BY_KEY[key].label)
                )
            else:
                spin.setRange(*ranges.get(key, (0, 3650)))
                label = text(SETTING_BY_KEY[key].label)
            error = FieldErrorLabel(page)
            error.setObjectName(f"error_{key}")
            cell = QWidget(page)
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(spin)
            column.addWidget(error)
            caption = QLabel(label, page)
            caption.setBuddy(spin)
            form.addRow(caption, cell)
            self.spins[key] = spin
            self.rule_errors[key] = error
        return page

    def build_personal(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.language_box = QComboBox(page)
        self.language_box.setObjectName("languageBox")
        self.language_box.addItem("日本語", "ja")
        self.language_box.addItem("English", "en")
        language_note = QLabel(self.tr("Takes effect when Itaku is started again."), page)
        language_note.setStyleSheet("color: #5f6368;")
        caption = QLabel(self.tr("Lan&guage"), page)
        caption.setBuddy(self.language_box)
        form.addRow(caption, self.language_box)
        form.addRow("", language_note)
        self.current_database = QLabel(page)
        self.current_database.setObjectName("currentDatabase")
        self.current_database.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.current_database.setWordWrap(True)
        form.addRow(self.tr("Database in use"), self.current_database)
        self.database_picker = PathPicker(
            PathMode.SAVE_OR_OPEN,
            self.tr("Database file"),
            self.tr("SQLite database (*.sqlite3 *.db);;All files (*)"),
            parent=page,
        )
        self.database_edit = self.database_picker.edit
        self.database_edit.setObjectName("databaseEdit")
        self.database_edit.setPlaceholderText(
            self.tr("SQLite file or postgresql+psycopg://… (empty = default)")
        )
        caption = QLabel(self.tr("Database at next start"), page)
        caption.setBuddy(self.database_edit)
        form.addRow(caption, self.database_picker)
        note = QLabel(
            self.tr(
                "A --db option or the ITAKU_DATABASE_URL variable still take precedence. "
                "The change takes effect when Itaku is started again."
            ),
            page,
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #5f6368;")
        form.addRow("", note)
        return page

    # Loading ---------------------------------------------------------------------------------------
    def load(self) -> None:
        self.profile = self.services.company.get()
        self.company_form.set_values(
            {name: getattr(self.profile, name) for name in COMPANY.names} if self.profile is not None else {}
        )
        self.loaded_company = self.company_form.values()
        self.values = self.services.settings.get_all()
        for key in NUMBER_KEYS:
            self.spins[key].setValue(int(self.values[key]))
        for key in MEBIBYTE_KEYS:
            self.spins[key].setValue(max(1, int(self.values[key]) // MEBIBYTE))
        self.template_editor.set_items(list(self.values["evaluation_template"]))
        stored = user_settings()
        language = str(stored.value(LANGUAGE_KEY, current_language()))
        self.language_box.setCurrentIndex(max(self.language_box.findData(language), 0))
        self.current_database.setText(masked(self.services.database.url))
        self.database_edit.setText(str(stored.value(DATABASE_KEY, "") or ""))
        self.update_state()

    def update_state(self) -> None:
        missing = self.company_form.missing_required()
        self.save_button.setEnabled(not missing)
        self.status_label.setText(
            self.tr("Required: %1").replace(
                "%1", "、".join(text(COMPANY.field(name).label) for name in missing)
            )
            if missing
            else ""
        )

    # Saving ----------------------------------------------------------------------------------------
    def setting_changes(self) -> dict[str, Any]:
        wanted: dict[str, Any] = {key: self.spins[key].value() for key in NUMBER_KEYS}
        for key in MEBIBYTE_KEYS:
            wanted[key] = self.spins[key].value() * MEBIBYTE
            if self.spins[key].value() == int(self.values[key]) // MEBIBYTE:
                wanted[key] = self.values[key]  # untouched: keep exact bytes
        wanted["evaluation_template"] = self.template_editor.items()
        return {key: value for key, value in wanted.items() if value != self.values[key]}

    def clear_errors(self) -> None:
        self.general_error.clear_message()
        self.company_form.clear_errors()
        self.template_editor.error.clear_message()
        for label in self.rule_errors.values():
            label.clear_message()

    def show_errors(self, errors: dict[str, Message]) -> None:
        rest = self.company_form.show_errors(errors) if set(errors) & set(COMPANY.names) else dict(errors)
        for key, message in list(rest.items()):
            if key in self.rule_errors:
                self.rule_errors[key].set_message(text(message))
                self.tabs.setCurrentIndex(1)
            elif key in ("evaluation_template", "template"):
                self.template_editor.error.set_message(text(message))
                self.tabs.setCurrentIndex(2)
            else:
                continue
            rest.pop(key)
        if rest:
            self.general_error.set_message("\n".join(text(message) for message in rest.values()))

    def save(self) -> bool:
        """Check everything first, then write: a refused value leaves the database as it was."""
        self.clear_errors()
        company = self.company_form.values()
        company_changed = company != self.loaded_company
        changes = self.setting_changes()
        try:
            if company_changed:
                validate(COMPANY, company)
            if changes:
                self.services.settings.update(changes)
            if company_changed:
                profile = self.services.company.save(company, self.profile.version if self.profile else None)
                self.saved.emit(RecordType.COMPANY_PROFILE, profile.id)
        except ValidationError as error:
            if company_changed and set(error.fields) & set(COMPANY.names):
                self.tabs.setCurrentIndex(0)
            self.show_errors(error.fields)
            return False
        except ItakuError as error:
            self.general_error.set_message(describe_error(error))
            return False
        stored = user_settings()
        stored.setValue(LANGUAGE_KEY, self.language_box.currentData())
        database = self.database_edit.text().strip()
        if database:
            stored.setValue(DATABASE_KEY, database)
        else:
            stored.remove(DATABASE_KEY)
        stored.sync()
        self.load()
        self.status_label.setText(self.tr("Saved."))
        self.settings_saved.emit()
        return True
