"""The registers of third-party provision records (第三者提供記録) and receipt confirmation records (確認記録)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop.domain.enums import ProvisionBasis
from desktop.domain.kinds import RecordType
from desktop.domain.rules import Finding
from desktop.domain.schema import PROVISION, RECEIPT
from desktop.ui.models.base import ListRegisterModel, enum_display, normalize_search
from desktop.ui.models.registers import FINDINGS, field_column, text_column

if TYPE_CHECKING:
    from desktop.services.facade import Services

RETENTION_KEPT = "kept"  # still within its retention period (or the provision goes on)
RETENTION_ENDED = "ended"  # the retention has ended: the record may be deleted


def _retention_status(row: Any, today: Any) -> str:
    ended = row.retention_end is not None and row.retention_end < today
    return RETENTION_ENDED if ended else RETENTION_KEPT


class ProvisionTableModel(ListRegisterModel):
    def __init__(self, services: Services, parent: Any = None):
        super().__init__(
            (
                FINDINGS,
                text_column("first_day", "Provided on (from)"),
                text_column("last_day", "Last provision"),
                field_column(PROVISION, "recipient_name"),
                field_column(PROVISION, "contractor_id", "contractor_name"),
                field_column(PROVISION, "basis", display=enum_display(ProvisionBasis)),
                field_column(PROVISION, "opt_out_id", "opt_out_title"),
                field_column(PROVISION, "persons"),
                text_column("retention_end", "Kept until"),
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
                text_column("first_day", "Received on (from)"),
                text_column("last_day", "Last receipt"),
                field_column(RECEIPT, "provider_name"),
                field_column(RECEIPT, "confirmed_on"),
                field_column(RECEIPT, "confirmation_method"),
                field_column(RECEIPT, "persons"),
                text_column("retention_end", "Kept until"),
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
