"""A date input with a calendar popup that may stay empty (optional dates) and keeps what was typed."""

from __future__ import annotations

import datetime

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLineEdit, QToolButton, QVBoxLayout, QWidget

from desktop.domain.values import parse_date


class CalendarPopup(QWidget):
    """A calendar in a popup window; picks a date with a click or Enter, closes on Escape."""

    picked = Signal(QDate)

    def __init__(self, parent: QWidget):
        super().__init__(parent, Qt.WindowType.Popup)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(True)
        layout.addWidget(self.calendar)
        self.calendar.activated.connect(self._pick)
        self.calendar.clicked.connect(self._pick)

    def _pick(self, day: QDate) -> None:
        self.picked.emit(day)
        self.close()


class DateField(QWidget):
    """Text box (YYYY-MM-DD) + calendar button + clear button when the date is optional.

    `value()` is a `date`, None when empty, or the text as typed when it is not a date, so the
    service's validation names the problem next to the field instead of the form guessing.
    """

    changed = Signal()

    def __init__(self, optional: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.line_edit = QLineEdit(self)
        self.line_edit.setPlaceholderText("YYYY-MM-DD")
        self.line_edit.setMaxLength(20)
        self.line_edit.setMinimumWidth(110)
        layout.addWidget(self.line_edit, 1)
        self.calendar_button = QToolButton(self)
        self.calendar_button.setText("▼")
        self.calendar_button.setToolTip(self.tr("Pick a date from the calendar (Alt+Down)"))
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.calendar_button)
        self.clear_button: QToolButton | None = None
        if optional:
            self.clear_button = QToolButton(self)
            self.clear_button.setText("✕")
            self.clear_button.setToolTip(self.tr("Clear the date"))
            self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.clear_button.clicked.connect(self.clear)
            layout.addWidget(self.clear_button)
        self.setFocusProxy(self.line_edit)
        self.popup: CalendarPopup | None = None
        self.calendar_button.clicked.connect(self.show_calendar)
        self.line_edit.textChanged.connect(lambda _text: self.changed.emit())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier:
            self.show_calendar()
            return
        super().keyPressEvent(event)

    def show_calendar(self) -> None:
        if self.popup is None:
            self.popup = CalendarPopup(self)
            self.popup.picked.connect(self._picked)
        current = self.date()
        start = QDate(current.year, current.month, current.day) if current else QDate.currentDate()
        self.popup.calendar.setSelectedDate(start)
        self.popup.move(self.mapToGlobal(self.rect().bottomLeft()))
        self.popup.show()
        self.popup.calendar.setFocus()

    def _picked(self, day: QDate) -> None:
        self.set_value(datetime.date(day.year(), day.month(), day.day()))
        self.line_edit.setFocus()

    def value(self) -> datetime.date | str | None:
        text = self.line_edit.text().strip()
        if not text:
            return None
        try:
            return parse_date(text)
        except ValueError:
            return text

    def date(self) -> datetime.date | None:
        value = self.value()
        return value if isinstance(value, datetime.date) else None

    def set_value(self, value: datetime.date | str | None) -> None:
        if isinstance(value, datetime.date):
            self.line_edit.setText(value.isoformat())
        else:
            self.line_edit.setText(value or "")

    def clear(self) -> None:
        self.line_edit.clear()

    def is_empty(self) -> bool:
        return not self.line_edit.text().strip()
