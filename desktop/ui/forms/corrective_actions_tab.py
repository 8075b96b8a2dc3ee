"""The 是正処置 tab of a record whose findings a corrective action may close (issue 12): a joint use, an
opt-out provision (the contractor form has its own). It lists the corrective actions on the record and lets the
officer record one, preset on the record (desktop.ui.forms.corrective_action_form)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QPushButton,
    QTableWidgetItem,
    QWidget,
)

from desktop.domain.kinds import RecordType
from desktop.domain.roles import Role
from desktop.domain.schema import CORRECTIVE_ACTION
from desktop.ui.language import field_label
from desktop.ui.widgets.read_only_table import read_only_table, table_page

CONTEXT = "CorrectiveActionsTab"
COLUMNS = ("taken_on", "rule", "action", "taken_by")

if TYPE_CHECKING:
    from desktop.services.facade import Services


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def tab_title() -> str:
    return _tr("Co&rrective actions")


class CorrectiveActionsTab(QWidget):
    def __init__(
        self,
        services: Services,
        record_type: RecordType,
        record_id: Callable[[], int | None],
        on_saved: Callable[[], None],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.services = services
        self.record_type = record_type
        self.record_id = record_id
        self.on_saved = on_saved
        self.listed: list[Any] = []
        self.sub_dialog: Any = None
        headers = [field_label(CORRECTIVE_ACTION.field(name)) for name in COLUMNS]
        table = self.table = read_only_table(headers, self, "correctiveActionTable")
        self.add_button = QPushButton(_tr("Record a corrective &action…"), self)
        self.open_button = QPushButton(_tr("&Open corrective action…"), self)
        table_page(self, table, (self.add_button, self.open_button))
        self.add_button.clicked.connect(lambda: self.open_action(None))
        self.open_button.clicked.connect(self.open_selected)
        table.doubleClicked.connect(lambda _index: self.open_selected())

    def refresh(self) -> None:
        from desktop.ui.forms.corrective_action_form import rule_title

        record_id = self.record_id()
        self.listed = (
            self.services.corrective_actions.list(record_type=self.record_type.value, record_id=record_id)
            if record_id is not None
            else []
        )
        self.table.setRowCount(len(self.listed))
        for row, action in enumerate(self.listed):
            cells = (
                action.taken_on.isoformat(),
                rule_title(action.rule),
                action.action.replace("\n", " "),
                action.taken_by,
            )
            for column, value in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(value))
        officer = self.services.context.role == Role.OFFICER.value
        self.add_button.setEnabled(record_id is not None and officer)
        self.open_button.setEnabled(bool(self.listed))
        if record_id is None:
            self.add_button.setToolTip(_tr("Save the record first"))
        elif not officer:
            self.add_button.setToolTip(_tr("Only the PI protection officer records corrective actions."))
        else:
            self.add_button.setToolTip("")

    def open_action(self, action_id: int | None) -> None:
        from desktop.ui.forms.corrective_action_form import CorrectiveActionDialog

        record_id = self.record_id()
        if record_id is None:
            return
        preset = {"record_type": self.record_type.value, "record_id": record_id}
        dialog = CorrectiveActionDialog(self.services, action_id, self, preset)
        self.sub_dialog = dialog
        dialog.saved.connect(lambda _type, _id: self._saved())
        dialog.open()

    def open_selected(self) -> None:
        indexes = self.table.selectionModel().selectedRows()
        row = indexes[0].row() if indexes else 0
        if 0 <= row < len(self.listed):
            self.open_action(self.listed[row].id)

    def _saved(self) -> None:
        self.refresh()
        self.on_saved()
