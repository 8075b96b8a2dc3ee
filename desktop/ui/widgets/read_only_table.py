"""A read-only list of a record's sub-records in a form (its changes, consents, corrective actions): the table,
and the tab page that holds it above a row of buttons."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)


def read_only_table(headers: Sequence[str], parent: QWidget | None = None, name: str = "") -> QTableWidget:
    """Rows selected whole, one at a time, never edited in place; columns fit their contents, the last stretches."""
    table = QTableWidget(0, len(headers), parent)
    if name:
        table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def table_page(page: QWidget, table: QTableWidget, buttons: Sequence[QPushButton]) -> QWidget:
    """`page` laid out with `table` above `buttons` (left-aligned; Enter in the form never presses one)."""
    layout = QVBoxLayout(page)
    layout.addWidget(table)
    row = QHBoxLayout()
    for button in buttons:
        button.setAutoDefault(False)
        row.addWidget(button)
    row.addStretch(1)
    layout.addLayout(row)
    return page
