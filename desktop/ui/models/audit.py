"""The audit log: newest first, read-only; filtered by record, actor and date in SQL."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt

from desktop.domain.enums import AuditAction
from desktop.domain.schema import record_type_label as schema_record_type_label
from desktop.ui.language import current_language, text
from desktop.ui.models.base import AnyIndex, Column, ListRegisterModel, enum_display

if TYPE_CHECKING:  # the dashboard uses this module before the database (and SQLAlchemy) is loaded
    from desktop.services.audit import AuditFilter
    from desktop.services.audit_display import ChangeLine
    from desktop.services.facade import Services

AUDIT_LIMIT = 1000
CHANGE_VALUE_LIMIT = 40  # characters of each value in the table (the workbook's sheet shows them whole)


def record_type_label(record_type: str) -> str:
    return text(schema_record_type_label(record_type))


def changes_summary(lines: Sequence[ChangeLine]) -> str:
    """The changed fields by their labels and values as displayed, e.g. "状態: 候補 → 委託中; 委託先: 株式会社A（#3）";
    the same words as the workbook's 監査ログ sheet (desktop.services.audit_display), each value shortened."""
    language = current_language()
    return "; ".join(line.text(language, CHANGE_VALUE_LIMIT) for line in lines)


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
                    render=lambda event: changes_summary(self.change_lines.get(event.id, ())),
                ),
            ),
            parent,
        )
        self.services = services
        self.display_names: dict[str, str] = {}  # user name → the name people see
        self.change_lines: dict[int, list[ChangeLine]] = {}  # event id → its changes as displayed
        from desktop.services.audit import AuditFilter

        self.criteria = AuditFilter()
        self.total = 0

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The changes column's tooltip lists every change whole, one a line, as the workbook's sheet does."""
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and index.isValid()
            and self.columns[index.column()].key == "changes"
        ):
            event = self.row_object(index.row())
            lines = self.change_lines.get(event.id, ()) if event is not None else ()
            return "\n".join(line.text(current_language()) for line in lines) or None
        return super().data(index, role)

    def set_criteria(self, criteria: AuditFilter) -> None:
        self.criteria = criteria
        self.refresh()

    def fetch_rows(self) -> list[Any]:
        self.display_names = self.services.accounts.display_names()
        self.total = self.services.audit.count_events(self.criteria)
        events = self.services.audit.list_events(self.criteria, limit=AUDIT_LIMIT)
        described = self.services.audit.describe_changes(events)
        self.change_lines = {event.id: lines for event, lines in zip(events, described, strict=True)}
        return events
