"""Editor of a list of short texts (PI items, joint users): one entry per line."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QPlainTextEdit, QWidget


class TextListEditor(QPlainTextEdit):
    """Each non-empty line is one entry; Tab moves on to the next field."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, lines: int = 5):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setPlaceholderText(self.tr("One entry per line"))
        height = QFontMetrics(self.font()).lineSpacing() * lines + 12
        self.setFixedHeight(height)
        self.textChanged.connect(self.changed.emit)

    def value(self) -> list[str]:
        entries: list[str] = []
        for line in self.toPlainText().splitlines():
            entry = line.strip()
            if entry and entry not in entries:
                entries.append(entry)
        return entries

    def set_value(self, entries: list[str] | tuple[str, ...] | None) -> None:
        self.setPlainText("\n".join(entries or []))
