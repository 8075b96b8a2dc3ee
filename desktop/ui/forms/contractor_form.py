"""The contractor (委託先) form: the register entry itself, spread over three tabs."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QTabWidget, QWidget

from desktop.domain.kinds import RecordType
from desktop.domain.schema import CONTRACTOR
from desktop.ui.forms.base import RecordDialog

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
        self.resize(760, 640)
        return self.tabs

    def fetch(self, record_id: int) -> Any:
        return self.services.contractors.get(record_id)

    def submit(self, values: dict[str, Any], version: int | None) -> Any:
        if self.record_id is None:
            return self.services.contractors.create(values)
        return self.services.contractors.update(self.record_id, values, version)

    def record_title(self) -> str:
        return self.record.name if self.record is not None else ""
