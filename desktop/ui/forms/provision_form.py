"""The forms of a third-party provision record (第三者提供記録, APPI Art. 29) and of a receipt confirmation record
(確認記録, Art. 30): the record items of Enforcement Rules Art. 20 / 24 on two tabs, and how long the record
will be kept (Rules Art. 21 / 25), worked out as the dates and the record form are entered."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from desktop.domain import retention
from desktop.domain.kinds import RecordType
from desktop.domain.schema import PROVISION, RECEIPT
from desktop.ui.forms.base import RecordDialog
from desktop.ui.forms.choices import contractor_choice
from desktop.ui.forms.opt_out_form import opt_out_choice

if TYPE_CHECKING:
    from desktop.services.facade import Services

PROVISION_TABS = (
    (
        "Provision and basis",
        (
            "provided_on",
            "period_from",
            "period_to",
            "recipient_name",
            "recipient_is_corporation",
            "recipient_address",
            "recipient_representative",
            "contractor_id",
            "basis",
            "exemption",
            "opt_out_id",
            "method",
            "record_form",
        ),
    ),
    ("Persons and items", ("persons", "person_references", "pi_items", "notes")),
)
RECEIPT_TABS = (
    (
        "Receipt and confirmation",
        (
            "received_on",
            "period_from",
            "period_to",
            "provider_name",
            "provider_is_corporation",
            "provider_address",
            "provider_representative",
            "acquisition_confirmation",
            "confirmed_on",
            "confirmation_method",
            "record_form",
        ),
    ),
    ("Persons and items", ("persons", "pi_items", "notes")),
)


def _date(value: Any) -> date | None:
    return value if isinstance(value, date) else None


class _RetentionDialog(RecordDialog):
    """A record with a date or a period and a record form: shows until when it is kept."""

    tabs_of: tuple[tuple[str, tuple[str, ...]], ...] = ()
    date_field = ""

    def __init__(
        self,
        services: Services,
        record_id: int | None = None,
        parent: QWidget | None = None,
        defaults: dict[str, Any] | None = None,
    ):
        super().__init__(services, record_id, parent, defaults)
        self.resize(760, 720)

    def build_body(self) -> QWidget:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget(body)
        for title, names in self.tabs_of:
            self.tabs.addTab(self.form.layout_for(names), self.tr(title))
        layout.addWidget(self.tabs, 1)
        self.retention_label = QLabel(body)
        self.retention_label.setObjectName("retentionEnd")
        self.retention_label.setWordWrap(True)
        layout.addWidget(self.retention_label)
        self.form.changed.connect(self.refresh_retention)
        return body

    def after_new(self) -> None:
        self.refresh_retention()

    def after_load(self, record: Any) -> None:
        self.refresh_retention()

    def refresh_retention(self) -> None:
        if not hasattr(self, "retention_label"):
            return
        values = self.form.values()
        last = retention.last_day(
            _date(values.get(self.date_field)),
            _date(values.get("period_from")),
            _date(values.get("period_to")),
        )
        form = values.get("record_form")
        end = retention.retention_end(last, str(form) if form else None)
        if retention.first_day(_date(values.get(self.date_field)), _date(values.get("period_from"))) is None:
            self.retention_label.setText(
                self.tr("Enter the date or the period to see until when it is kept.")
            )
        elif end is None:
            self.retention_label.setText(
                self.tr("Kept while the provision goes on: the retention counts from its last day.")
            )
        else:
            years = retention.retention_years(str(form) if form else None)
            self.retention_label.setText(
                self.tr("Kept until %1 (%2 year(s) from the last day; Enforcement Rules Art. 21, 25).")
                .replace("%1", end.isoformat())
                .replace("%2", str(years))
            )


class ProvisionDialog(_RetentionDialog):
    record_type = RecordType.PROVISION
    schema = PROVISION
    tabs_of = PROVISION_TABS
    date_field = "provided_on"

    def custom_editors(self) -> dict[str, QWidget]:
        return {
            "contractor_id": contractor_choice(self.services),
            "opt_out_id": opt_out_choice(self.services),
        }

    def fetch(self, record_id: int) -> Any:
        return self.services.provisions.get(record_id)

    def record_title(self) -> str:
        return self.record.recipient_name if self.record is not None else ""

    def submit(self, values: dict[str, Any], version: int | None) -> Any:
        if self.record_id is None:
            return self.services.provisions.create(values)
        return self.services.provisions.update(self.record_id, values, version)


class ReceiptDialog(_RetentionDialog):
    record_type = RecordType.RECEIPT
    schema = RECEIPT
    tabs_of = RECEIPT_TABS
    date_field = "received_on"

    def fetch(self, record_id: int) -> Any:
        return self.services.receipts.get(record_id)

    def record_title(self) -> str:
        return self.record.provider_name if self.record is not None else ""

    def submit(self, values: dict[str, Any], version: int | None) -> Any:
        if self.record_id is None:
            return self.services.receipts.create(values)
        return self.services.receipts.update(self.record_id, values, version)
