"""The dashboard's two lists: open findings (worst first) and the deadlines of the coming days (date order)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush

from desktop.domain.enums import Severity
from desktop.domain.rules import Deadline, Finding
from desktop.ui.language import text
from desktop.ui.models.audit import record_type_label
from desktop.ui.models.base import (
    BLOCKING_COLOUR,
    FINDINGS_MARK,
    WARNING_COLOUR,
    AnyIndex,
    Column,
    ListRegisterModel,
    severity_rank,
)


def deadline_kind_label(kind: str) -> str:
    labels = {
        "evaluation_due": QCoreApplication.translate("DashboardModel", "Evaluation due"),
        "contract_expiry": QCoreApplication.translate("DashboardModel", "Contract expires"),
        "notice_owed": QCoreApplication.translate("DashboardModel", "Notice owed"),
        "consent_owed": QCoreApplication.translate("DashboardModel", "Consent owed"),
        "basis_owed": QCoreApplication.translate("DashboardModel", "Basis of a change owed"),
        "record_owed": QCoreApplication.translate("DashboardModel", "Provision or receipt record"),
        "reply_owed": QCoreApplication.translate("DashboardModel", "Reply owed"),
        "report_owed": QCoreApplication.translate("DashboardModel", "Report owed"),
    }
    return labels.get(kind, kind)


class FindingTableModel(ListRegisterModel):
    def __init__(self, parent: Any = None):
        super().__init__(
            (
                Column(
                    "severity",
                    lambda: QCoreApplication.translate("DashboardModel", "Severity"),
                    lambda f: severity_rank(f.severity.value),
                    render=lambda f: f"{FINDINGS_MARK} {text(f.severity.label)}",
                ),
                Column(
                    "record_type",
                    lambda: QCoreApplication.translate("DashboardModel", "Record"),
                    lambda f: f.record_type,
                    display=record_type_label,
                ),
                Column(
                    "record_label",
                    lambda: QCoreApplication.translate("DashboardModel", "Name"),
                    lambda f: f.record_label,
                ),
                Column(
                    "message",
                    lambda: QCoreApplication.translate("DashboardModel", "Finding"),
                    lambda f: text(f.message),
                ),
                Column(
                    "since", lambda: QCoreApplication.translate("DashboardModel", "Since"), lambda f: f.since
                ),
                Column("due", lambda: QCoreApplication.translate("DashboardModel", "Due"), lambda f: f.due),
                Column(
                    "basis",
                    lambda: QCoreApplication.translate("DashboardModel", "Basis"),
                    lambda f: text(f.basis),
                ),
            ),
            parent,
        )

    def set_findings_list(self, findings: list[Finding]) -> None:
        """Show the findings in the order given (the snapshot sorts them worst first, off the GUI thread)."""
        self.set_rows(findings)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and index.column() == 0:
            finding = self.row_object(index.row())
            if finding is not None:
                return QBrush(BLOCKING_COLOUR if finding.severity is Severity.BLOCKING else WARNING_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            finding = self.row_object(index.row())
            if finding is None:
                return None
            basis = QCoreApplication.translate("DashboardModel", "Basis: {0}").format(text(finding.basis))
            return f"{text(finding.message)}\n{basis}"
        return super().data(index, role)

    def record_id(self, row: int) -> int | None:
        finding = self.row_object(row)
        return None if finding is None else finding.record_id


class DeadlineTableModel(ListRegisterModel):
    def __init__(self, parent: Any = None):
        super().__init__(
            (
                Column("due", lambda: QCoreApplication.translate("DashboardModel", "Due"), lambda d: d.due),
                Column(
                    "kind",
                    lambda: QCoreApplication.translate("DashboardModel", "What"),
                    lambda d: d.kind,
                    display=deadline_kind_label,
                ),
                Column(
                    "record_label",
                    lambda: QCoreApplication.translate("DashboardModel", "Name"),
                    lambda d: d.record_label,
                ),
                Column(
                    "message",
                    lambda: QCoreApplication.translate("DashboardModel", "Details"),
                    lambda d: text(d.message),
                ),
            ),
            parent,
        )

    def set_deadlines(self, deadlines: list[Deadline]) -> None:
        """Show the deadlines in the order given (the snapshot sorts them by date)."""
        self.set_rows(deadlines)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            deadline = self.row_object(index.row())
            return text(deadline.message) if deadline is not None else None
        return super().data(index, role)

    def record_id(self, row: int) -> int | None:
        deadline = self.row_object(row)
        return None if deadline is None else deadline.record_id
