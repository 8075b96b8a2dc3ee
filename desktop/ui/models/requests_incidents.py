"""The registers of data-subject requests (本人からの請求) and incidents (漏えい等の事案)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop.domain.enums import RequestDecision, RequestType
from desktop.domain.kinds import RecordType
from desktop.domain.rules import Finding
from desktop.domain.schema import INCIDENT, REQUEST
from desktop.ui.models.base import ListRegisterModel, enum_display, normalize_search
from desktop.ui.models.registers import FINDINGS, field_column, text_column

if TYPE_CHECKING:
    from desktop.services.facade import Services


class RequestTableModel(ListRegisterModel):
    def __init__(self, services: Services, parent: Any = None):
        super().__init__(
            (
                FINDINGS,
                field_column(REQUEST, "received_on"),
                field_column(REQUEST, "request_type", display=enum_display(RequestType)),
                field_column(REQUEST, "requester"),
                text_column("due_on", "Reply due"),
                field_column(REQUEST, "decision", display=enum_display(RequestDecision)),
                field_column(REQUEST, "replied_on"),
                field_column(REQUEST, "identity_check"),
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
                field_column(INCIDENT, "title"),
                field_column(INCIDENT, "discovered_on"),
                field_column(INCIDENT, "contractor_id", "contractor_name"),
                field_column(INCIDENT, "person_count", align_right=True),
                text_column("categories", "Reportable categories"),
                text_column("next_due_on", "Next report due"),
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
