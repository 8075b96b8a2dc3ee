"""The contractor (委託先) form: the register entry itself, spread over three tabs (then its corrective actions
and contracts), and the day it came in through a ledger import, if it did."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import ItakuError
from desktop.domain.kinds import RecordType
from desktop.domain.schema import CONTRACTOR
from desktop.ui.forms.base import RecordDialog
from desktop.ui.forms.corrective_actions_tab import CorrectiveActionsTab
from desktop.ui.forms.corrective_actions_tab import tab_title as corrective_tab_title
from desktop.ui.widgets.contract_cover import cover_text
from desktop.ui.widgets.schema_form import display_date

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
        self.tabs.addTab(self.build_basic_tab(), self.tr("&Basic data"))
        self.tabs.addTab(self.form.layout_for(DATA), self.tr("&Personal information"))
        self.tabs.addTab(self.form.layout_for(CERTIFICATES_AND_END), self.tr("Certificates and &end"))
        self.corrective_tab = CorrectiveActionsTab(  # 是正処置: the one tab every form with them shares
            self.services, RecordType.CONTRACTOR, lambda: self.record_id, self.announce_saved, self
        )
        self.tabs.addTab(self.corrective_tab, corrective_tab_title())
        self.tabs.addTab(self.build_cover_tab(), self.tr("Co&ntracts"))
        self.resize(760, 640)
        return self.tabs

    def build_basic_tab(self) -> QWidget:
        """The basic fields, then the day the contractor came in through a ledger import (read-only: no one
        edits it; shown only for a contractor that did)."""
        page = self.form.layout_for(BASIC)
        rows = page.findChild(QFormLayout)
        assert rows is not None  # layout_for lays the fields out in one QFormLayout
        self.imported_on_caption = QLabel(self.tr("Imported from a ledger on"), page)
        self.imported_on_label = QLabel(page)
        self.imported_on_label.setObjectName("contractorImportedOn")
        self.imported_on_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        tip = self.tr(
            "The day this contractor came in through a contractor ledger import: nothing before it is on record."
        )
        self.imported_on_caption.setToolTip(tip)
        self.imported_on_label.setToolTip(tip)
        rows.addRow(self.imported_on_caption, self.imported_on_label)
        self.imported_on_row = rows.rowCount() - 1
        self.imported_on_rows = rows
        self.show_imported_on(None)
        return page

    def show_imported_on(self, day: Any) -> None:
        self.imported_on_label.setText(display_date(day))
        self.imported_on_rows.setRowVisible(self.imported_on_row, day is not None)

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
        self.show_imported_on(None)
        self.cover_label.setText(self.tr("Save the contractor first, then register its contracts."))
        self.corrective_tab.refresh()

    def after_load(self, record: Any) -> None:
        self.show_imported_on(record.imported_on)
        self.corrective_tab.refresh()
        try:
            self.cover_label.setText(cover_text(self.services.contracts.cover(record.id)))
        except ItakuError:
            self.cover_label.clear()

    def fetch(self, record_id: int) -> Any:
        return self.services.contractors.get(record_id)

    def submit(self, values: dict[str, Any], version: int | None) -> Any:
        if self.record_id is None:
            return self.services.contractors.create(values)
        return self.services.contractors.update(self.record_id, values, version)

    def record_title(self) -> str:
        return self.record.name if self.record is not None else ""
