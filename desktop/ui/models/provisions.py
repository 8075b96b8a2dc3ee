"""The registers of third-party provision records (第三者提供記録) and receipt confirmation records (確認記録)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from desktop.domain.enums import ProvisionBasis
from desktop.domain.kinds import RecordType
from desktop.domain.rules import Finding
from desktop.domain.schema import PROVISION, RECEIPT, Schema
from desktop.ui.language import field_label
from desktop.ui.models.base import Column, ListRegisterModel, enum_display, normalize_search
from desktop.ui.models.registers import FINDINGS

if TYPE_CHECKING:
    from desktop.services.facade import Services

RETENTION_KEPT = "kept"  # still within its retention period (or the provision goes on)
RETENTION_ENDED = "ended"  # the retention has ended: the record may be deleted


def _field(schema: Schema, name: str, attribute: str | None = None, **options: Any) -> Column:
    key = attribute or name
    return Column(key, lambda: field_label(schema.field(name)), lambda row: getattr(row, key), **options)


def _column(key: str, source: str, **options: Any) -> Column:
    return Column(
        key,
        lambda: QCoreApplication.translate("RegisterModel", source),
        lambda row: getattr(row, key),
        **options,
    )


def _retention_status(row: Any, today: Any) -> str:
    ended = row.retention_end is not None and row.retention_end < today
    return RETENTION_ENDED if ended else RETENTION_KEPT


class ProvisionTableModel(ListRegisterModel):
    def __init__(self, services: Services, parent: Any = None):
        super().__init__(
            (
                FINDINGS,
                _column("first_day", "Provided on (from)"),
                _column("last_day", "Last provision"),
                _field(PROVISION, "recipient_name"),
                _field(PROVISION, "contractor_id", "contractor_name"),
                _field(PROVISION, "basis", display=enum_display(ProvisionBasis)),
                _field(PROVISION, "opt_out_id", "opt_out_title"),
                _field(PROVISION, "persons"),
                _column("retention_end", "Kept until"),
            ),
            parent,
        )
        self.services = services

    def fetch_rows(self) -> list[Any]:
        return list(self.services.provisions.list())

    def row_findings(self, item: Any) -> list[Finding]:
        return self.findings.of(RecordType.PROVISION, item.id)

    def search_text(self, item: Any) -> str:
        return normalize_search(
            f"{item.recipient_name} {item.contractor_name or ''} {item.persons or ''} "
            f"{item.person_references or ''} {item.opt_out_title or ''}"
        )

    def status_value(self, item: Any) -> Any:
        return _retention_status(item, self.services.context.today())


class ReceiptTableModel(ListRegisterModel):
    def __init__(self, services: Services, parent: Any = None):
        super().__init__(
            (
                FINDINGS,
                _column("first_day", "Received on (from)"),
                _column("last_day", "Last receipt"),
                _field(RECEIPT, "provider_name"),
                _field(RECEIPT, "confirmed_on"),
                _field(RECEIPT, "confirmation_method"),
                _field(RECEIPT, "persons"),
                _column("retention_end", "Kept until"),
            ),
            parent,
        )
        self.services = services

    def fetch_rows(self) -> list[Any]:
        return list(self.services.receipts.list())

    def row_findings(self, item: Any) -> list[Finding]:
        return self.findings.of(RecordType.RECEIPT, item.id)

    def search_text(self, item: Any) -> str:
        return normalize_search(f"{item.provider_name} {item.persons or ''}")

    def status_value(self, item: Any) -> Any:
        return _retention_status(item, self.services.context.today())
