"""The change-history tab of a form whose record keeps a list of dated changes (joint use, opt-out).

A read-only table of the changes above Add / Edit buttons; each opens the change's own dialog, and once it is
saved the list is read again and the form says its record changed (its findings may have). The forms give
what differs: the dialog, where the changes are read, the columns, each row's cells and the button texts
(translated in the form's own context).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtWidgets import QPushButton, QTableWidgetItem, QWidget

from desktop.ui.widgets.read_only_table import read_only_table, table_page

if TYPE_CHECKING:
    from desktop.services.facade import Services
    from desktop.ui.forms.base import RecordDialog


class ChangeDialog(Protocol):
    """A change's dialog: `(services, owner's id, change's id or None for a new one, parent)`."""

    def __call__(
        self, services: Services, owner_id: int, change_id: int | None, parent: QWidget | None, /
    ) -> RecordDialog: ...


class ChangeHistory:
    def __init__(
        self,
        form: RecordDialog,
        *,
        dialog: ChangeDialog,
        read_changes: Callable[[int], Sequence[Any]],
        headers: Sequence[str],
        cells: Callable[[Any], Sequence[str]],
        texts: tuple[str, str, str],  # the Add and Edit buttons, the tooltip while the record is unsaved
    ):
        self.form = form
        self.dialog = dialog
        self.read_changes = read_changes
        self.cells = cells
        self.changes: list[Any] = []
        self.sub_dialog: RecordDialog | None = None  # the change's dialog last opened
        add_text, edit_text, self.unsaved_tip = texts
        self.page = QWidget()
        self.table = read_only_table(headers, self.page, "changeTable")
        self.add_button = QPushButton(add_text, self.page)
        self.edit_button = QPushButton(edit_text, self.page)
        table_page(self.page, self.table, (self.add_button, self.edit_button))
        self.add_button.clicked.connect(lambda: self.open_change(None))
        self.edit_button.clicked.connect(self.edit_selected)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())

    def show(self, changes: Sequence[Any]) -> None:
        """List `changes` (none for a record not saved yet: the buttons wait for it)."""
        self.changes = list(changes)
        self.refresh()

    def refresh(self) -> None:
        self.table.setRowCount(len(self.changes))
        for row, change in enumerate(self.changes):
            for column, value in enumerate(self.cells(change)):
                self.table.setItem(row, column, QTableWidgetItem(value))
        saved = self.form.record_id is not None
        self.add_button.setEnabled(saved)
        self.edit_button.setEnabled(saved)
        self.add_button.setToolTip("" if saved else self.unsaved_tip)

    def open_change(self, change_id: int | None) -> None:
        """The change's dialog (a new change with None), kept as `sub_dialog`."""
        owner_id = self.form.record_id
        if owner_id is None:
            return
        dialog = self.dialog(self.form.services, owner_id, change_id, self.form)
        self.sub_dialog = dialog
        dialog.saved.connect(self.on_saved)
        dialog.open()

    def edit_selected(self) -> None:
        indexes = self.table.selectionModel().selectedRows()
        if indexes:
            self.open_change(self.changes[indexes[0].row()].id)

    def on_saved(self, _record_type: str, _record_id: int) -> None:
        owner_id = self.form.record_id
        if owner_id is None:
            return
        self.show(self.read_changes(owner_id))
        self.form.announce_saved()
