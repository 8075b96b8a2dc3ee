"""The registers of data-subject requests (本人からの請求) and incidents (漏えい等の事案)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from desktop.domain.enums import RequestDecision, RequestType
from desktop.domain.kinds import RecordType
from desktop.domain.rules import Finding
from desktop.domain.schema import INCIDENT, REQUEST, Schema
from desktop.ui.language import field_label
from desktop.ui.models.base import Column, ListRegisterModel, enum_display, normalize_search
from desktop.ui.models.registers import FINDINGS

if TYPE_CHECKING:
    from desktop.services.facade import Services


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


class RequestTableModel(ListRegisterModel):
    def __init__(self, services: Services, parent: Any = None):
        super().__init__(
            (
                FINDINGS,
                _field(REQUEST, "received_on"),
                _field(REQUEST, "request_type", display=enum_display(RequestType)),
                _field(REQUEST, "requester"),
                _column("due_on", "Reply due"),
                _field(REQUEST, "decision", display=enum_display(RequestDecision)),
                _field(REQUEST, "replied_on"),
                _field(REQUEST, "identity_check"),
            ),
            parent,
        )
        self.services = services

    def fetch_rows(self) -> list[Any]:
        return list(self.services.requests.list())

    def row_findings(self, item: Any) -> list[Finding]:
        return self.findings.of(RecordType.REQUEST, item.id)

    def search_text(self, item: Any) -> str:
        return normalize_search(f"{item.requester} {item.agent_name or ''}")

    def status_value(self, item: Any) -> Any:
        return item.status  # the service's, as of today: open, overdue or replied


class IncidentTableModel(ListRegisterModel):
    def __init__(self, services: Services, parent: Any = None):
        super().__init__(
            (
                FINDINGS,
                _field(INCIDENT, "title"),
                _field(INCIDENT, "discovered_on"),
                _field(INCIDENT, "contractor_id", "contractor_name"),
                _field(INCIDENT, "person_count", align_right=True),
                _column("categories", "Reportable categories"),
                _column("next_due_on", "Next report due"),
            ),
            parent,
        )
        self.services = services

    def fetch_rows(self) -> list[Any]:
        return list(self.services.incidents.list())

    def row_findings(self, item: Any) -> list[Finding]:
        return self.findings.of(RecordType.INCIDENT, item.id)

    def search_text(self, item: Any) -> str:
        return normalize_search(f"{item.title} {item.contractor_name or ''}")

    def status_value(self, item: Any) -> Any:
        return item.status  # open (a report owed) or closed
