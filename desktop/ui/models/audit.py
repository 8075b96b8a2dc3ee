"""The audit log: newest first, read-only; filtered by record, actor and date in SQL."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from desktop.domain.enums import AuditAction
from desktop.domain.schema import SCHEMAS
from desktop.domain.schema import record_type_label as schema_record_type_label
from desktop.ui.language import text
from desktop.ui.models.base import Column, ListRegisterModel, enum_display

if TYPE_CHECKING:  # the dashboard uses this module before the database (and SQLAlchemy) is loaded
    from desktop.services.audit import AuditFilter
    from desktop.services.facade import Services

AUDIT_LIMIT = 1000


def record_type_label(record_type: str) -> str:
    return text(schema_record_type_label(record_type))


def changes_summary(event: Any) -> str:
    """The changed fields by their labels, e.g. "状態: 候補 → 委託中; 備考"."""
    schema = SCHEMAS.get(event.record_type)
    parts = []
    for name, pair in (event.changes or {}).items():
        label = text(schema.field(name).label) if schema is not None and name in schema.names else name
        before, after = (pair + [None, None])[:2] if isinstance(pair, list) else (None, pair)
        if (
            event.action == AuditAction.UPDATE.value
            and not isinstance(before, list | dict)
            and not isinstance(after, list | dict)
        ):
            parts.append(f"{label}: {_short(before)} → {_short(after)}")
        else:
            parts.append(label)
    return "; ".join(parts)


def _short(value: Any) -> str:
    shown = "—" if value in (None, "") else str(value)
    return shown if len(shown) <= 40 else shown[:39] + "…"


class AuditTableModel(ListRegisterModel):
    def __init__(self, services: Services, parent: Any = None):
        super().__init__(
            (
                Column(
                    "occurred_at",
                    lambda: QCoreApplication.translate("AuditTableModel", "When"),
                    lambda event: event.occurred_at,
                ),
                Column(
                    "actor",
                    lambda: QCoreApplication.translate("AuditTableModel", "Who"),
                    lambda event: event.actor,
                    display=lambda actor: self.display_names.get(actor, actor),
                ),
                Column(
                    "action",
                    lambda: QCoreApplication.translate("AuditTableModel", "Action"),
                    lambda event: event.action,
                    display=enum_display(AuditAction),
                ),
                Column(
                    "record_type",
                    lambda: QCoreApplication.translate("AuditTableModel", "Record"),
                    lambda event: event.record_type,
                    display=record_type_label,
                ),
                Column(
                    "record_id",
                    lambda: QCoreApplication.translate("AuditTableModel", "No."),
                    lambda event: event.record_id,
                    align_right=True,
                ),
                Column(
                    "changes",
                    lambda: QCoreApplication.translate("AuditTableModel", "Changes"),
                    lambda event: len(event.changes or {}),
                    render=changes_summary,
                ),
            ),
            parent,
        )
        self.services = services
        self.display_names: dict[str, str] = {}  # user name → the name people see
        from desktop.services.audit import AuditFilter

        self.criteria = AuditFilter()
        self.total = 0

    def set_criteria(self, criteria: AuditFilter) -> None:
        self.criteria = criteria
        self.refresh()

    def fetch_rows(self) -> list[Any]:
        self.display_names = self.services.accounts.display_names()
        self.total = self.services.audit.count_events(self.criteria)
        return self.services.audit.list_events(self.criteria, limit=AUDIT_LIMIT)
