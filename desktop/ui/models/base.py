"""What every register model shares: column definitions, roles, display of values, the findings mark."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.domain.enums import LabelledEnum, Severity
from desktop.domain.rules import Finding
from desktop.services.compliance.model import RecordIndex
from desktop.ui.language import text

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # the native Python value, for sorting
RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the record's id (same on every column)
ROW_ROLE = Qt.ItemDataRole.UserRole + 3  # the row object itself
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 4  # normalized text the search box matches against
STATUS_ROLE = Qt.ItemDataRole.UserRole + 5  # the value the status filter compares
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 6  # worst severity of the row's findings ("" when none)

BLOCKING_COLOUR = QColor("#c62828")
WARNING_COLOUR = QColor("#e08600")
FINDINGS_MARK = "●"
TOKYO = ZoneInfo("Asia/Tokyo")  # times are stored in UTC and shown in Japan time

AnyIndex = QModelIndex | QPersistentModelIndex


def normalize_search(value: str) -> str:
    """How both the search box and the searched text are compared: NFKC, lower case, no spaces around."""
    return unicodedata.normalize("NFKC", value).strip().lower()


def display_value(value: Any) -> str:
    """A value as a cell shows it: dates ISO, times in Tokyo, enums by their label, booleans as ✓."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, datetime):
        return value.astimezone(TOKYO).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, LabelledEnum):
        return text(value.label)
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, list | tuple):
        return "、".join(str(item) for item in value)
    return str(value)


def enum_display(enum: type[LabelledEnum]) -> Callable[[Any], str]:
    """A display function for a stored enum value ("active" → 委託中); unknown values show as they are."""

    def show(value: Any) -> str:
        try:
            return text(enum(value).label)
        except ValueError:
            return display_value(value)

    return show


@dataclass(frozen=True)
class Column:
    key: str
    header: Callable[[], str]
    value: Callable[[Any], Any]
    display: Callable[[Any], str] = display_value
    sortable: bool = True
    align_right: bool = False
    render: Callable[[Any], str] | None = None  # display from the whole row (e.g. "42 / 50")


def severity_rank(severity: str) -> int:
    return {Severity.BLOCKING.value: 2, Severity.WARNING.value: 1}.get(severity, 0)


def worst_severity(findings: Sequence[Finding]) -> str:
    if not findings:
        return ""
    return max((finding.severity.value for finding in findings), key=severity_rank)


def findings_header() -> str:
    return QCoreApplication.translate("RegisterModel", "Findings")


def findings_tooltip(findings: Sequence[Finding]) -> str:
    return "\n".join(f"{text(finding.severity.label)}: {text(finding.message)}" for finding in findings)


class RegisterModel(QAbstractTableModel):
    """A table of row objects with declared columns; column 0 may be the findings mark."""

    def __init__(self, columns: Sequence[Column], parent: Any = None):
        super().__init__(parent)
        self.columns = list(columns)
        self.findings = RecordIndex.empty()

    # What subclasses provide ------------------------------------------------------------------
    def row_object(self, row: int) -> Any:
        raise NotImplementedError

    def row_findings(self, item: Any) -> list[Finding]:
        return []

    def search_text(self, item: Any) -> str:
        return ""

    def status_value(self, item: Any) -> Any:
        return None

    # Qt --------------------------------------------------------------------------------------------
    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else len(self.columns)

    def column_index(self, key: str) -> int:
        return next(i for i, column in enumerate(self.columns) if column.key == key)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].header()
            if role == Qt.ItemDataRole.ToolTipRole and self.columns[section].key == "findings":
                return QCoreApplication.translate(
                    "RegisterModel", "Open findings: red = blocking, orange = warning"
                )
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.row_object(index.row())  # None when out of range
        number = index.column()
        if item is None or not 0 <= number < len(self.columns):
            return None
        column = self.columns[number]
        if role == RECORD_ID_ROLE:
            return item.id
        if role == ROW_ROLE:
            return item
        if role == SEARCH_ROLE:
            return self.search_text(item)
        if role == STATUS_ROLE:
            return self.status_value(item)
        if column.key == "findings":
            return self._findings_data(item, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return column.render(item) if column.render else column.display(column.value(item))
        if role == SORT_ROLE:
            value = column.value(item)
            return _sortable(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            shown = column.render(item) if column.render else column.display(column.value(item))
            return shown if len(shown) > 16 else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _findings_data(self, item: Any, role: int) -> Any:
        findings = self.row_findings(item)
        severity = worst_severity(findings)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{FINDINGS_MARK} {len(findings)}" if findings else ""
        if role == SEVERITY_ROLE:
            return severity
        if role == SORT_ROLE:
            return severity_rank(severity) * 100_000 + len(findings)
        if role == Qt.ItemDataRole.ForegroundRole and findings:
            return QBrush(BLOCKING_COLOUR if severity == Severity.BLOCKING.value else WARNING_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole and findings:
            return findings_tooltip(findings)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def set_findings(self, findings: RecordIndex) -> None:
        self.findings = findings
        if self.rowCount() and any(column.key == "findings" for column in self.columns):
            column = self.column_index("findings")
            self.dataChanged.emit(self.index(0, column), self.index(self.rowCount() - 1, column))

    def record_id(self, row: int) -> int | None:
        item = self.row_object(row)
        return None if item is None else int(item.id)


def _sortable(value: Any) -> Any:
    """A key Qt can compare: str, int or float (None and dates become text, so a column never mixes types)."""
    if value is None:
        return ""
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, list | tuple):
        return len(value)
    return value


class ListRegisterModel(RegisterModel):
    """A register small enough to hold in memory (hundreds of rows); sorted and filtered by a proxy."""

    def __init__(self, columns: Sequence[Column], parent: Any = None):
        super().__init__(columns, parent)
        self.rows: Sequence[Any] = []  # a list, or a lazy sequence (the dashboard's findings)

    def fetch_rows(self) -> list[Any]:
        raise NotImplementedError

    def refresh(self) -> None:
        rows = self.fetch_rows()
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def row_object(self, row: int) -> Any:
        return self.rows[row] if 0 <= row < len(self.rows) else None
