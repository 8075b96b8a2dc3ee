"""The contractor register, paged lazily from SQL: it may hold 100,000 rows, of which a screenful is loaded."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt

from desktop.domain.enums import ContractorStatus
from desktop.domain.kinds import RecordType
from desktop.domain.rules import Finding
from desktop.domain.schema import CONTRACTOR
from desktop.services.contractors import ContractorRow
from desktop.ui.language import field_label
from desktop.ui.models.base import AnyIndex, Column, RegisterModel, enum_display, findings_header

if TYPE_CHECKING:
    from desktop.services.facade import Services

PAGE_SIZE = 200


def _field(name: str, **options: Any) -> Column:
    return Column(
        name, lambda: field_label(CONTRACTOR.field(name)), lambda row: getattr(row, name), **options
    )


CONTRACTOR_COLUMNS = (
    Column("findings", findings_header, lambda row: None, sortable=False),
    _field("name"),
    _field("kana"),
    _field("corporate_number"),
    _field("status", display=enum_display(ContractorStatus)),
    _field("entrusted_work"),
    _field("country"),
    _field("start_date"),
)


class ContractorTableModel(RegisterModel):
    """Rows come from `ContractorService.search(...)` a page at a time as the view scrolls (Qt's
    canFetchMore/fetchMore); filter and sort run in SQL, so a keystroke costs one page query, not a count."""

    def __init__(self, services: Services, parent: Any = None):
        super().__init__(CONTRACTOR_COLUMNS, parent)
        self.services = services
        self.search_text_value = ""
        self.status: str | None = None
        self.order_by = "kana"  # by フリガナ, as the PDF registers list them
        self.descending = False
        self._rows: list[ContractorRow] = []
        self._exhausted = True

    def _fetch(self, offset: int, limit: int) -> list[ContractorRow]:
        return self.services.contractors.search(
            self.search_text_value, self.status, self.order_by, self.descending, offset, limit
        )

    def refresh(self) -> None:
        """Reload as many rows as were shown (at least a page), e.g. after a change, a filter or a sort."""
        wanted = max(PAGE_SIZE, -(-len(self._rows) // PAGE_SIZE) * PAGE_SIZE)
        rows = self._fetch(0, wanted)
        self.beginResetModel()
        self._rows = rows
        self._exhausted = len(rows) < wanted
        self.endResetModel()

    def set_filter(self, search: str, status: str | None) -> None:
        search = search.strip()
        status = status or None
        if search == self.search_text_value and status == self.status:
            return
        self.search_text_value, self.status = search, status
        self._rows = []
        self.refresh()

    def total_count(self) -> int:
        """How many contractors match the filter (one COUNT query: the page asks once typing pauses)."""
        return int(self.services.contractors.count(self.search_text_value, self.status))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        more = self._fetch(len(self._rows), PAGE_SIZE)
        self._exhausted = len(more) < PAGE_SIZE
        if more:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()

    def row_object(self, row: int) -> ContractorRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    @property
    def loaded_rows(self) -> int:
        """How many rows are held in memory (the benchmark and the tests check it stays small)."""
        return len(self._rows)

    def row_findings(self, item: ContractorRow) -> list[Finding]:
        return self.findings.of(RecordType.CONTRACTOR, item.id)

    def status_value(self, item: ContractorRow) -> Any:
        return item.status

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns) or not self.columns[column].sortable:
            return
        order_by, descending = self.columns[column].key, order == Qt.SortOrder.DescendingOrder
        if (order_by, descending) == (self.order_by, self.descending):
            return
        self.order_by, self.descending = order_by, descending
        self.refresh()
