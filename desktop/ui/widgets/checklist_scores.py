"""The evaluation checklist: items grouped by group, each scored 0 … max with radio buttons."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QHBoxLayout, QLabel, QRadioButton, QWidget

from desktop.domain.checklist import GROUPS, ChecklistItem
from desktop.domain.errors import Message
from desktop.ui.language import text


class ChecklistScores(QWidget):
    """One row per checklist item; `scores()` holds only the items scored so far."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(2)
        self.items: tuple[ChecklistItem, ...] = ()
        self.groups: dict[str, QButtonGroup] = {}
        self.labels: dict[str, QLabel] = {}
        self.marks: dict[str, QLabel] = {}
        self._rows: list[QWidget] = []

    def set_items(self, items: Sequence[ChecklistItem], scores: Mapping[str, int] | None = None) -> None:
        for widget in self._rows:
            self.grid.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self._rows.clear()
        for group in self.groups.values():
            group.deleteLater()
        self.groups.clear()
        self.labels.clear()
        self.marks.clear()
        self.items = tuple(items)
        scores = scores or {}
        row = 0
        current_group = None
        for item in self.items:
            if item.group != current_group:
                current_group = item.group
                ja, en = GROUPS.get(item.group, (item.group, item.group))
                header = QLabel(text(Message(ja, en)), self)
                font = QFont(header.font())
                font.setBold(True)
                header.setFont(font)
                header.setContentsMargins(0, 6 if row else 0, 0, 0)
                self._add(header, row, 0, 1, 3)
                row += 1
            label = QLabel(text(item.label), self)
            label.setWordWrap(True)
            label.setObjectName(f"item_{item.code}")
            self.labels[item.code] = label
            self._add(label, row, 0)
            mark = QLabel(self.tr("Mandatory") if item.mandatory else "", self)
            mark.setObjectName(f"mark_{item.code}")
            mark.setStyleSheet("color: #5f6368;")
            self.marks[item.code] = mark
            self._add(mark, row, 1)
            buttons = QWidget(self)
            buttons.setObjectName(f"scores_{item.code}")
            group = QButtonGroup(self)
            group.setExclusive(True)
            row_layout = QHBoxLayout(buttons)
            row_layout.setContentsMargins(0, 0, 0, 0)
            for value in range(item.max_score + 1):
                radio = QRadioButton(str(value), buttons)
                radio.setObjectName(f"score_{item.code}_{value}")
                radio.setToolTip(self._score_hint(value, item.max_score))
                group.addButton(radio, value)
                row_layout.addWidget(radio)
            if item.code in scores:
                button = group.button(int(scores[item.code]))
                if button is not None:
                    button.setChecked(True)
            group.idClicked.connect(lambda _value: self.changed.emit())
            self.groups[item.code] = group
            self._add(buttons, row, 2)
            row += 1
        self.grid.setColumnStretch(0, 1)
        self.grid.setRowStretch(row, 1)
        self.changed.emit()

    def _add(self, widget: QWidget, row: int, column: int, rows: int = 1, columns: int = 1) -> None:
        self.grid.addWidget(widget, row, column, rows, columns, Qt.AlignmentFlag.AlignVCenter)
        widget.show()
        self._rows.append(widget)

    def _score_hint(self, value: int, maximum: int) -> str:
        if value == 0:
            return self.tr("0: not in place")
        if value == maximum:
            return self.tr("%1: fully in place").replace("%1", str(value))
        return self.tr("%1: partly in place").replace("%1", str(value))

    def scores(self) -> dict[str, int]:
        return {code: group.checkedId() for code, group in self.groups.items() if group.checkedId() >= 0}

    def unscored(self) -> list[ChecklistItem]:
        scored = self.scores()
        return [item for item in self.items if item.code not in scored]

    def set_score(self, code: str, value: int) -> None:
        """Score one item as a click would."""
        self.groups[code].button(value).click()

    def show_failed(self, failed: Collection[str]) -> None:
        """Mark mandatory items scored 0: the evaluation fails whatever the total."""
        for item in self.items:
            mark, label = self.marks[item.code], self.labels[item.code]
            if item.code in failed:
                mark.setText(self.tr("✖ Mandatory item scored 0"))
                mark.setStyleSheet("color: #b3261e; font-weight: bold;")
                label.setStyleSheet("color: #b3261e;")
            else:
                mark.setText(self.tr("Mandatory") if item.mandatory else "")
                mark.setStyleSheet("color: #5f6368;")
                label.setStyleSheet("")
