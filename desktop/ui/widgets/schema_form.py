"""Builds the editors of a record's fields from its schema (desktop.domain.schema), so labels match reports.

A SchemaForm owns one editor and one error label per field; `layout_for(names)` lays a subset of them
out in a QFormLayout page, so a dialog can spread one record over tabs or columns.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import schema as fields_of
from desktop.domain.errors import Message
from desktop.domain.schema import Field, Schema
from desktop.ui.language import field_label, text
from desktop.ui.widgets.date_field import DateField
from desktop.ui.widgets.field_error import FieldErrorLabel
from desktop.ui.widgets.text_list import TextListEditor

REQUIRED_MARK = " *"
EditorT = TypeVar("EditorT", bound=QWidget)


class ChoiceBox(QComboBox):
    """A combo box whose value is an enum value or a record id (None for the blank item).

    The values live in a Python list beside the labels, and the labels go in with one `addItems`
    call, so a list of 100,000 contractors fills in one Qt call rather than one per row.
    """

    changed = Signal()

    def __init__(
        self, choices: Iterable[tuple[str, Any]], blank: str | None = None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(16)
        pairs = ([(blank, None)] if blank is not None else []) + list(choices)
        self._values: list[Any] = [value for _label, value in pairs]
        self._index: dict[Any, int] = {}
        for index, value in enumerate(self._values):
            self._index.setdefault(value, index)
        self.addItems([label for label, _value in pairs])
        self.currentIndexChanged.connect(lambda _index: self.changed.emit())

    def value(self) -> Any:
        index = self.currentIndex()
        return self._values[index] if 0 <= index < len(self._values) else None

    def set_choices(self, choices: Iterable[tuple[str, Any]]) -> None:
        """Replace the choices after the blank item (if any), keeping the value chosen; no signal when the
        choices are the same."""
        blank = [(self.itemText(0), None)] if self._values and self._values[0] is None else []
        pairs = blank + list(choices)
        if [label for label, _value in pairs] == [self.itemText(i) for i in range(self.count())] and [
            value for _label, value in pairs
        ] == self._values:
            return
        current = self.value()
        self.blockSignals(True)
        try:
            self.clear()
            self._values = [value for _label, value in pairs]
            self._index = {}
            for index, value in enumerate(self._values):
                self._index.setdefault(value, index)
            self.addItems([label for label, _value in pairs])
            self.set_value(current)
        finally:
            self.blockSignals(False)

    def set_value(self, value: Any) -> None:
        index = self._index.get(value, -1)
        if index < 0 and value is not None:
            # A value the list does not know (an old record): keep it visible rather than lose it.
            self._values.append(value)
            index = self._index[value] = len(self._values) - 1
            self.addItem(str(value))
        self.setCurrentIndex(max(index, 0))


def multiline_edit(lines: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(QFontMetrics(edit.font()).lineSpacing() * lines + 12)
    return edit


def editor_for(field: Field) -> QWidget:
    """The default editor of one field kind."""
    if field.kind == fields_of.MULTILINE:
        return multiline_edit()
    if field.kind == fields_of.DATE:
        return DateField(optional=not field.required)
    if field.kind == fields_of.BOOLEAN:
        return QCheckBox()
    if field.kind == fields_of.TEXT_LIST:
        return TextListEditor()
    if field.kind == fields_of.ENUM:
        assert field.enum is not None
        blank = None
        if field.required or field.default is None:
            blank = QCoreApplication.translate("SchemaForm", "— choose —") if field.required else "—"
        return ChoiceBox(((text(member.label), member.value) for member in field.enum), blank)
    edit = QLineEdit()
    if field.kind == fields_of.CORPORATE_NUMBER:
        edit.setPlaceholderText("1234567890123")
        edit.setMaxLength(20)
    elif field.kind == fields_of.COUNTRY:
        edit.setPlaceholderText("JP")
        edit.setMaxLength(2)
        edit.setMaximumWidth(80)
    elif field.kind == fields_of.INTEGER:
        edit.setMaximumWidth(160)
    else:
        edit.setMaxLength(field.max_length or fields_of.MAX_TEXT)
    return edit


def editor_value(editor: QWidget) -> Any:
    if hasattr(editor, "value"):
        return editor.value()
    if isinstance(editor, QCheckBox):
        return editor.isChecked()
    if isinstance(editor, QPlainTextEdit):
        return editor.toPlainText()
    if isinstance(editor, QLineEdit):
        return editor.text()
    raise TypeError(type(editor))


def set_editor_value(editor: QWidget, value: Any) -> None:
    if hasattr(editor, "set_value"):
        editor.set_value(value)
    elif isinstance(editor, QCheckBox):
        editor.setChecked(bool(value))
    elif isinstance(editor, QPlainTextEdit):
        editor.setPlainText("" if value is None else str(value))
    elif isinstance(editor, QLineEdit):
        editor.setText("" if value is None else str(value))
    else:
        raise TypeError(type(editor))


def _connect_changed(editor: QWidget, slot: Any) -> None:
    signal = getattr(editor, "changed", None)
    if signal is not None:
        signal.connect(slot)
    elif isinstance(editor, QCheckBox):
        editor.toggled.connect(slot)
    elif isinstance(editor, QPlainTextEdit):
        editor.textChanged.connect(slot)
    elif isinstance(editor, QLineEdit):
        editor.textChanged.connect(slot)


def is_blank(value: Any) -> bool:
    return (
        value is None
        or (isinstance(value, str) and not value.strip())
        or (isinstance(value, list | tuple) and not value)
    )


class SchemaForm(QObject):
    """Editors and error labels for the fields of one schema (all of them, or `names`)."""

    changed = Signal()

    def __init__(
        self,
        schema: Schema,
        names: Iterable[str] | None = None,
        editors: Mapping[str, QWidget] | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.schema = schema
        self.names = tuple(names) if names is not None else schema.names
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, FieldErrorLabel] = {}
        self.labels: dict[str, QLabel] = {}
        custom = dict(editors or {})
        for name in self.names:
            field = schema.field(name)
            editor = custom.get(name) or editor_for(field)
            editor.setObjectName(f"field_{name}")
            editor.setAccessibleName(field_label(field))
            self.editors[name] = editor
            self.errors[name] = FieldErrorLabel()
            self.errors[name].setObjectName(f"error_{name}")
            _connect_changed(editor, self._on_change)
        self._required_extra: set[str] = set()

    def _on_change(self, *_args: Any) -> None:
        self.changed.emit()

    def field(self, name: str) -> Field:
        return self.schema.field(name)

    def editor(self, name: str, kind: type[EditorT]) -> EditorT:
        """The editor of `name` as the widget class it was built as (ChoiceBox, DateField, …)."""
        editor = self.editors[name]
        if not isinstance(editor, kind):
            raise TypeError(f"the editor of {name} is a {type(editor).__name__}, not a {kind.__name__}")
        return editor

    def is_required(self, name: str) -> bool:
        return self.field(name).required or name in self._required_extra

    def set_required(self, name: str, required: bool) -> None:
        """Make a field required by a form rule (e.g. the reason for a changed due date)."""
        if required:
            self._required_extra.add(name)
        else:
            self._required_extra.discard(name)
        label = self.labels.get(name)
        if label is not None:
            label.setText(self._label_text(name))

    def _label_text(self, name: str) -> str:
        return field_label(self.field(name)) + (REQUIRED_MARK if self.is_required(name) else "")

    def layout_for(self, names: Iterable[str], parent: QWidget | None = None) -> QWidget:
        """A page with a labelled row (editor, then its error message) per field, in the given order."""
        page = QWidget(parent)
        outer = QVBoxLayout(page)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        for name in names:
            label = QLabel(self._label_text(name))
            label.setBuddy(self.editors[name])
            if self.is_required(name):
                label.setToolTip(self.tr("Required"))
            self.labels[name] = label
            cell = QWidget()
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(1)
            column.addWidget(self.editors[name])
            column.addWidget(self.errors[name])
            form.addRow(label, cell)
        return page

    # Values -------------------------------------------------------------------------------------------
    def value(self, name: str) -> Any:
        return editor_value(self.editors[name])

    def values(self) -> dict[str, Any]:
        return {name: self.value(name) for name in self.names}

    def set_value(self, name: str, value: Any) -> None:
        set_editor_value(self.editors[name], value)

    def set_values(self, data: Mapping[str, Any]) -> None:
        blocked = self.blockSignals(True)
        try:
            for name, value in data.items():
                if name in self.editors:
                    self.set_value(name, value)
        finally:
            self.blockSignals(blocked)
        self.changed.emit()

    def missing_required(self) -> list[str]:
        return [name for name in self.names if self.is_required(name) and is_blank(self.value(name))]

    # Errors -------------------------------------------------------------------------------------------
    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear_message()

    def show_errors(self, errors: Mapping[str, Message]) -> dict[str, Message]:
        """Show each message at its field; return those that belong to no field of this form."""
        unplaced: dict[str, Message] = {}
        for name, message in errors.items():
            if name in self.errors:
                self.errors[name].set_message(text(message))
            else:
                unplaced[name] = message
        return unplaced

    def error_text(self, name: str) -> str:
        label = self.errors[name]
        return label.text() if not label.isHidden() else ""

    def first_error(self) -> str | None:
        for name in self.names:
            if self.error_text(name):
                return name
        return None


def display_date(value: date | None) -> str:
    return value.isoformat() if value else ""
