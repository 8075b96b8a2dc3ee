"""ダッシュボード: open findings by severity and the deadlines of the coming days; a click opens the record."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.rules import Finding
from desktop.services.compliance.model import ComplianceModel
from desktop.ui.compliance import deadlines_by_date
from desktop.ui.models.base import BLOCKING_COLOUR, WARNING_COLOUR
from desktop.ui.models.dashboard import DeadlineTableModel, FindingTableModel
from desktop.ui.pages.register import page_title_label

BASIS_WIDTH = 180  # pixels: the basis column's width at most


class _SnapshotFindingModel(FindingTableModel):
    """Holds the snapshot's ordered findings as given: a lazy sequence whose 250,000 findings are built
    only as their rows are shown (copying it into a list would build them all on the GUI thread)."""

    def set_findings_list(self, findings: Sequence[Finding]) -> None:
        self.beginResetModel()
        self.rows = findings
        self.endResetModel()


class Figure(QFrame):
    """A big number with its caption."""

    def __init__(self, caption: str, colour: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.number = QLabel("–", self)
        self.number.setObjectName("figureNumber")
        font = self.number.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.number.setFont(font)
        self.number.setStyleSheet(f"color: {colour};")
        self.caption = QLabel(caption, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)

    def set_value(self, value: int) -> None:
        self.number.setText(f"{value:,}")


def _list_view(parent: QWidget, name: str) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.horizontalHeader().setStretchLastSection(True)
    view.setCursor(Qt.CursorShape.PointingHandCursor)
    return view


def fit_to_first_rows(view: QTableView, rows: int = 30, limit: int = 360, stretch: int | None = None) -> None:
    """Columns as wide as the header and the first rows (there may be 100,000 findings); the `stretch`
    column (default the last) takes the rest of the width."""
    model, header, metrics = view.model(), view.horizontalHeader(), view.fontMetrics()
    last = header.count() - 1
    stretch = last if stretch is None or stretch < 0 else stretch
    header.setStretchLastSection(stretch == last)
    for column in range(header.count()):
        if column == stretch:
            continue
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        texts = [str(model.headerData(column, Qt.Orientation.Horizontal) or "")]
        texts += [str(model.index(row, column).data() or "") for row in range(min(model.rowCount(), rows))]
        header.resizeSection(column, min(max(metrics.horizontalAdvance(t) for t in texts) + 24, limit))
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def column_of(view: QTableView, key: str) -> int:
    """The position of a declared column (-1 when the model has none by that key)."""
    columns = getattr(view.model(), "columns", [])
    return next((number for number, column in enumerate(columns) if column.key == key), -1)


class DashboardPage(QWidget):
    """Everything that needs attention, worst first; clicking a line opens the record it is about."""

    page_key = "dashboard"
    # (record_type, record_id) of the finding or deadline the user clicked
    open_record_requested = Signal(str, int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = page_title_label(self.tr("Dashboard"), self)
        self.blocking_figure = Figure(self.tr("Blocking findings"), BLOCKING_COLOUR.name(), self)
        self.warning_figure = Figure(self.tr("Warnings"), WARNING_COLOUR.name(), self)
        self.deadline_figure = Figure(self.tr("Deadlines in the next 90 days"), "#1565c0", self)
        figures = QGridLayout()
        for column, figure in enumerate((self.blocking_figure, self.warning_figure, self.deadline_figure)):
            figures.addWidget(figure, 0, column)

        self.findings_model = _SnapshotFindingModel(self)
        self.deadlines_model = DeadlineTableModel(self)
        self.findings_view = _list_view(self, "findingsView")
        self.findings_view.setModel(self.findings_model)
        self.deadlines_view = _list_view(self, "deadlinesView")
        self.deadlines_view.setModel(self.deadlines_model)
        findings_label = QLabel(self.tr("&Open findings"), self)
        findings_label.setBuddy(self.findings_view)
        self.findings_hint = QLabel(
            self.tr(
                "A finding opens its record (double-click or Enter): the form lists the record's findings "
                "with what to do, and shows the field to fix."
            ),
            self,
        )
        self.findings_hint.setObjectName("findingsHint")
        self.findings_hint.setWordWrap(True)
        self.findings_hint.setStyleSheet("color: #5f6368;")
        self.deadlines_label = QLabel(self.tr("&Deadlines"), self)
        self.deadlines_label.setBuddy(self.deadlines_view)

        findings_box = QWidget(self)
        box_layout = QVBoxLayout(findings_box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.addWidget(findings_label)
        box_layout.addWidget(self.findings_hint)
        box_layout.addWidget(self.findings_view)
        deadlines_box = QWidget(self)
        box_layout = QVBoxLayout(deadlines_box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.addWidget(self.deadlines_label)
        box_layout.addWidget(self.deadlines_view)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(findings_box)
        splitter.addWidget(deadlines_box)

        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(figures)
        layout.addWidget(splitter, 1)

        for view in (self.findings_view, self.deadlines_view):
            view.clicked.connect(self.open_index)
            view.activated.connect(self.open_index)
        self.snapshot: ComplianceModel | None = None

    def show_snapshot(self, snapshot: ComplianceModel) -> None:
        self.snapshot = snapshot
        blocking = snapshot.counts.blocking_count
        self.blocking_figure.set_value(blocking)
        self.warning_figure.set_value(snapshot.counts.count - blocking)
        self.deadline_figure.caption.setText(
            self.tr("Deadlines in the next %n day(s)", "", snapshot.horizon_days)
        )
        self.deadline_figure.set_value(len(snapshot.deadlines))
        self.deadlines_label.setText(
            self.tr("&Deadlines of the next %n day(s), in date order", "", snapshot.horizon_days)
        )
        self.findings_model.set_findings_list(snapshot.worst_first)
        self.deadlines_model.set_deadlines(deadlines_by_date(snapshot))
        fit_to_first_rows(self.findings_view, limit=260, stretch=column_of(self.findings_view, "message"))
        basis = column_of(self.findings_view, "basis")
        if basis >= 0:  # the citation is elided to leave the finding its width; the tooltip gives it whole
            header = self.findings_view.horizontalHeader()
            header.resizeSection(basis, min(header.sectionSize(basis), BASIS_WIDTH))
        fit_to_first_rows(self.deadlines_view)

    def open_index(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        item = index.model().row_object(index.row())  # type: ignore[attr-defined]
        if item is not None:
            self.open_record_requested.emit(item.record_type, int(item.record_id))
