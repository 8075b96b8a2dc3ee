"""Editor of an engagement's written authorisations to consent (policy §7): one row per authorised party.

Each row picks the party from the chain's parties that may hold one (the intermediate clients and the client,
`set_choices`), with the authorisation's date and document. The value is the list as the engagement keeps it:
[{"party": key, "granted_on": "YYYY-MM-DD", "document": text}, …]; a row left entirely blank is no entry, a
half-filled one is kept, so that the service names what it lacks.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.schema import MAX_TEXT
from desktop.ui.widgets.date_field import DateField
from desktop.ui.widgets.schema_form import ChoiceBox


class AuthorityListEditor(QWidget):
    changed = Signal()

    PARTY, DATE, DOCUMENT = range(3)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._choices: list[tuple[str, Any]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("authorityTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Authorised party"), self.tr("Authorised on"), self.tr("Written authorisation")]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.PARTY, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.DATE, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(self.DATE, QFontMetrics(self.font()).horizontalAdvance("2026-12-31") + 72)
        header.setSectionResizeMode(self.DOCUMENT, QHeaderView.ResizeMode.Stretch)
        self.table.setFixedHeight(QFontMetrics(self.font()).lineSpacing() * 7 + 16)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add a&uthorisation"), self)
        self.add_button.setObjectName("addAuthority")
        self.remove_button = QPushButton(self.tr("Remo&ve authorisation"), self)
        self.remove_button.setObjectName("removeAuthority")
        for button in (self.add_button, self.remove_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button.clicked.connect(self.remove_selected)

    # Rows -----------------------------------------------------------------------------------------------
    def add_row(self, party: Any = None, granted_on: Any = None, document: str | None = None) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        box = ChoiceBox(self._choices, QCoreApplication.translate("SchemaForm", "— choose —"))
        box.set_value(party)
        day = DateField(optional=True)
        day.set_value(granted_on)
        text = QLineEdit()
        text.setMaxLength(MAX_TEXT)
        text.setText(document or "")
        self.table.setCellWidget(row, self.PARTY, box)
        self.table.setCellWidget(row, self.DATE, day)
        self.table.setCellWidget(row, self.DOCUMENT, text)
        box.changed.connect(self.changed.emit)
        day.changed.connect(self.changed.emit)
        text.textChanged.connect(lambda _text: self.changed.emit())
        self.changed.emit()
        return row

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()}, reverse=True)
        if not rows and self.table.rowCount():
            rows = [self.table.currentRow()] if self.table.currentRow() >= 0 else []
        for row in rows:
            self.table.removeRow(row)
        if rows:
            self.changed.emit()

    def _cells(self, row: int) -> tuple[ChoiceBox, DateField, QLineEdit]:
        box = self.table.cellWidget(row, self.PARTY)
        day = self.table.cellWidget(row, self.DATE)
        text = self.table.cellWidget(row, self.DOCUMENT)
        assert isinstance(box, ChoiceBox) and isinstance(day, DateField) and isinstance(text, QLineEdit)
        return box, day, text

    # Choices and values ---------------------------------------------------------------------------------
    def set_choices(self, choices: Iterable[tuple[str, Any]]) -> None:
        """The parties that may hold an authorisation (label, chain key), as the chain stands."""
        self._choices = list(choices)
        for row in range(self.table.rowCount()):
            box, _day, _text = self._cells(row)
            box.blockSignals(True)
            try:
                box.set_choices(self._choices)
            finally:
                box.blockSignals(False)

    def value(self) -> list[dict[str, Any]]:
        entries: list[dict[str, Any]] = []
        for row in range(self.table.rowCount()):
            box, day, text = self._cells(row)
            granted = day.value()
            entry = {
                "party": box.value(),
                "granted_on": granted.isoformat() if isinstance(granted, datetime.date) else granted,
                "document": text.text().strip() or None,
            }
            if any(value for value in entry.values()):
                entries.append(entry)
        return entries

    def set_value(self, entries: list[Any] | None) -> None:
        self.table.setRowCount(0)
        for entry in entries or []:
            if isinstance(entry, dict):
                self.add_row(entry.get("party"), entry.get("granted_on"), entry.get("document"))
        self.changed.emit()
