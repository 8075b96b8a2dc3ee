"""The contractor (委託先) form: the register entry itself, spread over three tabs."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import ItakuError
from desktop.domain.kinds import RecordType
from desktop.domain.roles import Role
from desktop.domain.schema import CONTRACTOR, CORRECTIVE_ACTION
from desktop.ui.forms.base import RecordDialog
from desktop.ui.language import field_label
from desktop.ui.widgets.contract_cover import cover_text

BASIC = (
    "name",
    "kana",
    "kind",
    "corporate_number",
    "country",
    "address",
    "representative",
    "contact_person",
    "email",
    "phone",
    "status",
    "start_date",
    "end_date",
)
DATA = (
    "entrusted_work",
    "pi_items",
    "handles_special_care",
    "handles_my_number",
    "data_subject_count",
    "foreign_regime_note",
)
CERTIFICATES_AND_END = (
    "privacy_mark_number",
    "privacy_mark_expiry",
    "isms_number",
    "isms_expiry",
    "disposition_method",
    "disposition_date",
    "notes",
)


class ContractorDialog(RecordDialog):
    record_type = RecordType.CONTRACTOR
    schema = CONTRACTOR

    def build_body(self) -> QWidget:
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.form.layout_for(BASIC), self.tr("&Basic data"))
        self.tabs.addTab(self.form.layout_for(DATA), self.tr("&Personal information"))
        self.tabs.addTab(self.form.layout_for(CERTIFICATES_AND_END), self.tr("Certificates and &end"))
        self.tabs.addTab(self.build_corrective_actions(), self.tr("Co&rrective actions"))
        self.tabs.addTab(self.build_cover_tab(), self.tr("Co&ntracts"))
        self.resize(760, 640)
        return self.tabs

    # Corrective actions (是正処置) --------------------------------------------------------------------------
    CORRECTIVE_COLUMNS = ("taken_on", "rule", "action", "taken_by")

    def build_corrective_actions(self) -> QWidget:
        self.corrective_actions: list[Any] = []
        self.sub_dialog: RecordDialog | None = None
        page = QWidget()
        layout = QVBoxLayout(page)
        headers = [field_label(CORRECTIVE_ACTION.field(name)) for name in self.CORRECTIVE_COLUMNS]
        table = self.corrective_table = QTableWidget(0, len(headers), page)
        table.setObjectName("correctiveActionTable")
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(table)
        row = QHBoxLayout()
        self.add_corrective_button = QPushButton(self.tr("Record a corrective &action…"), page)
        self.open_corrective_button = QPushButton(self.tr("&Open corrective action…"), page)
        for button in (self.add_corrective_button, self.open_corrective_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.add_corrective_button.clicked.connect(lambda: self.open_corrective_action(None))
        self.open_corrective_button.clicked.connect(self.open_selected_corrective_action)
        table.doubleClicked.connect(lambda _index: self.open_selected_corrective_action())
        return page

    def build_cover_tab(self) -> QWidget:
        """Which approved contracts in force carry the confidentiality duty and the PI clauses (read-only)."""
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.cover_label = QLabel(page)
        self.cover_label.setObjectName("contractorCover")
        self.cover_label.setWordWrap(True)
        layout.addWidget(self.cover_label)
        layout.addStretch(1)
        return page

    def after_new(self) -> None:
        self.cover_label.setText(self.tr("Save the contractor first, then register its contracts."))
        self.refresh_corrective_actions()

    def after_load(self, record: Any) -> None:
        self.refresh_corrective_actions()
        try:
            self.cover_label.setText(cover_text(self.services.contracts.cover(record.id)))
        except ItakuError:
            self.cover_label.clear()

    def refresh_corrective_actions(self) -> None:
        from desktop.ui.forms.corrective_action_form import rule_title

        saved = self.record_id is not None
        self.corrective_actions = (
            self.services.corrective_actions.list(self.record_id) if self.record_id is not None else []
        )
        self.corrective_table.setRowCount(len(self.corrective_actions))
        for row, action in enumerate(self.corrective_actions):
            cells = (
                action.taken_on.isoformat(),
                rule_title(action.rule),
                action.action.replace("\n", " "),
                action.taken_by,
            )
            for column, value in enumerate(cells):
                self.corrective_table.setItem(row, column, QTableWidgetItem(value))
        officer = self.services.context.role == Role.OFFICER.value
        self.add_corrective_button.setEnabled(saved and officer)
        self.open_corrective_button.setEnabled(saved and bool(self.corrective_actions))
        if not saved:
            self.add_corrective_button.setToolTip(self.tr("Save the contractor first"))
        elif not officer:
            self.add_corrective_button.setToolTip(
                self.tr("Only the PI protection officer records corrective actions.")
            )

    def open_corrective_action(self, action_id: int | None) -> None:
        from desktop.ui.forms.corrective_action_form import CorrectiveActionDialog

        if self.record_id is None:
            return
        preset = {"record_type": RecordType.CONTRACTOR.value, "record_id": self.record_id}
        dialog = CorrectiveActionDialog(self.services, action_id, self, preset)
        self.sub_dialog = dialog
        dialog.saved.connect(self.on_corrective_action_saved)
        dialog.open()

    def open_selected_corrective_action(self) -> None:
        indexes = self.corrective_table.selectionModel().selectedRows()
        row = indexes[0].row() if indexes else 0
        if 0 <= row < len(self.corrective_actions):
            self.open_corrective_action(self.corrective_actions[row].id)

    def on_corrective_action_saved(self, _record_type: str, _record_id: int) -> None:
        assert self.record_id is not None
        self.refresh_corrective_actions()
        self.saved.emit(self.record_type, self.record_id)

    def fetch(self, record_id: int) -> Any:
        return self.services.contractors.get(record_id)

    def submit(self, values: dict[str, Any], version: int | None) -> Any:
        if self.record_id is None:
            return self.services.contractors.create(values)
        return self.services.contractors.update(self.record_id, values, version)

    def record_title(self) -> str:
        return self.record.name if self.record is not None else ""
