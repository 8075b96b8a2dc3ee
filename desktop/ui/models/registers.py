"""The registers small enough to hold in memory: evaluations, contracts, engagements, joint uses.

Each is one `QAbstractTableModel` fed by its service's `list()`; a `RegisterProxy` sorts on native
values and filters on the search text and the status.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from desktop.domain.clauses import CLAUSE_BY_CODE
from desktop.domain.enums import ContractKind, EngagementStatus, EvaluationResult, EvaluationRoute
from desktop.domain.kinds import RecordType
from desktop.domain.rules import Finding
from desktop.domain.schema import CONTRACT, ENGAGEMENT, EVALUATION, JOINT_USE, Schema
from desktop.ui.language import field_label, text
from desktop.ui.models.base import (
    Column,
    ListRegisterModel,
    enum_display,
    findings_header,
    normalize_search,
)

if TYPE_CHECKING:
    from desktop.services.facade import Services


def field_column(schema: Schema, name: str, attribute: str | None = None, **options: Any) -> Column:
    """A column headed by a schema field's label, showing the row's attribute (the field's name by default)."""
    key = attribute or name
    return Column(key, lambda: field_label(schema.field(name)), lambda row: getattr(row, key), **options)


def text_column(key: str, source: str, **options: Any) -> Column:
    """A column headed by a translated text (context RegisterModel), showing the row's attribute `key`."""
    return Column(
        key,
        lambda: QCoreApplication.translate("RegisterModel", source),
        lambda row: getattr(row, key),
        **options,
    )


FINDINGS = Column("findings", findings_header, lambda row: None)


def approval_text(row: Any) -> str:
    """承認 column of the evaluations and contracts: approved (date), awaiting approval, or superseded."""
    if row.is_superseded:
        return QCoreApplication.translate("RegisterModel", "Superseded")
    if row.approved_on is not None:
        return QCoreApplication.translate("RegisterModel", "Approved %1").replace(
            "%1", row.approved_on.isoformat()
        )
    return QCoreApplication.translate("RegisterModel", "Awaiting approval")


def approval_column() -> Column:
    return Column("approval", lambda: QCoreApplication.translate("RegisterModel", "Approval"), approval_text)


class EvaluationTableModel(ListRegisterModel):
    def __init__(self, services: Services, parent: Any = None):
        super().__init__(
            (
                FINDINGS,
                field_column(EVALUATION, "contractor_id", "contractor_name"),
                field_column(EVALUATION, "evaluated_on"),
                field_column(EVALUATION, "evaluator"),
                field_column(EVALUATION, "route", display=enum_display(EvaluationRoute)),
                Column(
                    "score",
                    lambda: QCoreApplication.translate("RegisterModel", "Score"),
                    lambda row: row.total_score,
                    align_right=True,
                    render=lambda row: f"{row.total_score} / {row.max_score}",
                ),
                Column(
                    "result",
                    lambda: QCoreApplication.translate("RegisterModel", "Result"),
                    lambda row: row.result,
                    display=enum_display(EvaluationResult),
                ),
                approval_column(),
                field_column(EVALUATION, "next_due_on"),
            ),
            parent,
        )
        self.services = services
        self._latest: dict[int, int] = {}

    def fetch_rows(self) -> list[Any]:
        rows = self.services.evaluations.list()
        latest: dict[int, Any] = {}
        for row in rows:
            current = latest.get(row.contractor_id)
            if current is None or (row.evaluated_on, row.id) > (current.evaluated_on, current.id):
                latest[row.contractor_id] = row
        self._latest = {contractor_id: row.id for contractor_id, row in latest.items()}
        return rows

    def row_findings(self, item: Any) -> list[Finding]:
        # Evaluation findings are about the contractor; they belong to its latest evaluation's row.
        if self._latest.get(item.contractor_id) != item.id:
            return []
        return self.findings.of(RecordType.CONTRACTOR, item.contractor_id, "evaluation.")

    def search_text(self, item: Any) -> str:
        return normalize_search(f"{item.contractor_name} {item.evaluator}")

    def status_value(self, item: Any) -> Any:
        return item.result


class ContractTableModel(ListRegisterModel):
    def __init__(self, services: Services, parent: Any = None):
        super().__init__(
            (
                FINDINGS,
                field_column(CONTRACT, "contractor_id", "contractor_name"),
                field_column(CONTRACT, "kind", display=enum_display(ContractKind)),
                field_column(CONTRACT, "title"),
                approval_column(),
                field_column(CONTRACT, "reference_number"),
                field_column(CONTRACT, "signed_on"),
                field_column(CONTRACT, "effective_from"),
                field_column(CONTRACT, "expires_on"),
                field_column(CONTRACT, "auto_renewal"),
                Column(
                    "missing_clauses",
                    lambda: QCoreApplication.translate("RegisterModel", "Missing clauses"),
                    lambda row: row.missing_clauses,
                    display=lambda codes: "、".join(
                        text(CLAUSE_BY_CODE[code].label) if code in CLAUSE_BY_CODE else code for code in codes
                    ),
                ),
                Column(
                    "duty",
                    lambda: QCoreApplication.translate("RegisterModel", "Duty carried by"),
                    lambda row: text(row.duty.message) if row.duty is not None else "",
                ),
            ),
            parent,
        )
        self.services = services

    def fetch_rows(self) -> list[Any]:
        return list(self.services.contracts.list())

    def row_findings(self, item: Any) -> list[Finding]:
        return self.findings.of(RecordType.CONTRACT, item.id)

    def search_text(self, item: Any) -> str:
        return normalize_search(f"{item.contractor_name} {item.title} {item.reference_number or ''}")

    def status_value(self, item: Any) -> Any:
        return item.kind


class EngagementTableModel(ListRegisterModel):
    def __init__(self, services: Services, parent: Any = None):
        super().__init__(
            (
                FINDINGS,
                field_column(ENGAGEMENT, "client_name"),
                field_column(ENGAGEMENT, "original_business_name"),
                field_column(ENGAGEMENT, "work"),
                field_column(ENGAGEMENT, "start_date"),
                field_column(ENGAGEMENT, "end_date"),
                field_column(ENGAGEMENT, "status", display=enum_display(EngagementStatus)),
                Column(
                    "hop_count",
                    lambda: QCoreApplication.translate("RegisterModel", "Consents"),
                    lambda row: row.hop_count,
                    align_right=True,
                ),
                Column(
                    "redelegation_count",
                    lambda: QCoreApplication.translate("RegisterModel", "Re-delegations"),
                    lambda row: row.redelegation_count,
                    align_right=True,
                ),
            ),
            parent,
        )
        self.services = services

    def fetch_rows(self) -> list[Any]:
        return list(self.services.engagements.list())

    def row_findings(self, item: Any) -> list[Finding]:
        return self.findings.of(RecordType.ENGAGEMENT, item.id)

    def search_text(self, item: Any) -> str:
        return normalize_search(f"{item.client_name} {item.original_business_name or ''} {item.work}")

    def status_value(self, item: Any) -> Any:
        return item.status


JOINT_USE_CURRENT = "current"
JOINT_USE_ENDED = "ended"


class JointUseTableModel(ListRegisterModel):
    def __init__(self, services: Services, parent: Any = None):
        super().__init__(
            (
                FINDINGS,
                field_column(JOINT_USE, "title"),
                Column(
                    "responsible_name",
                    lambda: QCoreApplication.translate("RegisterModel", "Responsible party"),
                    lambda row: row.responsible_name,
                ),
                field_column(JOINT_USE, "start_date"),
                field_column(JOINT_USE, "end_date"),
                field_column(JOINT_USE, "notice_published_on"),
                Column(
                    "change_count",
                    lambda: QCoreApplication.translate("RegisterModel", "Changes"),
                    lambda row: row.change_count,
                    align_right=True,
                ),
            ),
            parent,
        )
        self.services = services

    def fetch_rows(self) -> list[Any]:
        return list(self.services.joint_uses.list())

    def row_findings(self, item: Any) -> list[Finding]:
        return self.findings.of(RecordType.JOINT_USE, item.id)

    def search_text(self, item: Any) -> str:
        return normalize_search(f"{item.title} {item.responsible_name or ''}")

    def status_value(self, item: Any) -> Any:
        ended = item.end_date is not None and item.end_date < self.services.context.today()
        return JOINT_USE_ENDED if ended else JOINT_USE_CURRENT
