"""The opt-out provision form (オプトアウトによる第三者提供): items ①–⑤ as policy §5(3) numbers them, the PPC
notification and the notice to the persons, the change history (each change notified again, APPI Art. 27(3))
and a preview of what the persons are told; and the form of a person's stop request."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import opt_out_items
from desktop.domain.enums import OptOutChangeField
from desktop.domain.errors import NotFoundError
from desktop.domain.kinds import RecordType
from desktop.domain.schema import OPT_OUT, OPT_OUT_CHANGE, STOP_REQUEST
from desktop.services.opt_outs import notice_text
from desktop.ui.forms.base import RecordDialog
from desktop.ui.forms.corrective_actions_tab import CorrectiveActionsTab
from desktop.ui.forms.corrective_actions_tab import tab_title as corrective_tab_title
from desktop.ui.language import field_label, text
from desktop.ui.widgets.read_only_table import read_only_table, table_page
from desktop.ui.widgets.schema_form import ChoiceBox

if TYPE_CHECKING:
    from desktop.services.facade import Services

ITEMS = ("title", *(name for name, _item in opt_out_items.ITEM_FIELDS), "includes_special_care")
NOTIFICATION_AND_PERIOD = (
    "ppc_notified_on",
    "made_known_on",
    "made_known_method",
    "made_known_reference",
    "start_date",
    "end_date",
    "notes",
)
CHANGE_COLUMNS = ("field", "description", "changed_on", "ppc_notified_on", "made_known_on")


def notice_preview(values: dict[str, Any]) -> str:
    """What `notice_text` prints for the saved record, from the form's raw values."""
    record: dict[str, Any] = {name: values.get(name) for name in ITEMS if name != "includes_special_care"}
    record["pi_items"] = [str(item) for item in record.get("pi_items") or []]
    record["title"] = (record.get("title") or "").strip() or "（名称未記入）"
    start = values.get("start_date")
    record["start_date"] = start if isinstance(start, date) else None
    return notice_text(SimpleNamespace(**record))  # type: ignore[arg-type]


def opt_out_choice(services: Services) -> ChoiceBox:
    """Every opt-out arrangement by its title."""
    blank = QCoreApplication.translate("OptOutChoice", "— choose an arrangement —")
    box = ChoiceBox(((row.title, row.id) for row in services.opt_outs.list()), blank)
    box.setMinimumContentsLength(24)
    return box


class OptOutChangeDialog(RecordDialog):
    """One entry of the change history: what changed, when it takes effect, when it was notified again."""

    record_type = RecordType.OPT_OUT_CHANGE
    schema = OPT_OUT_CHANGE
    field_names = CHANGE_COLUMNS

    def __init__(
        self,
        services: Services,
        opt_out_id: int,
        change_id: int | None = None,
        parent: QWidget | None = None,
        defaults: dict[str, Any] | None = None,
    ):
        self.opt_out_id = opt_out_id
        super().__init__(services, change_id, parent, defaults)
        self.resize(600, 380)

    def fetch(self, record_id: int) -> Any:
        for change in self.services.opt_outs.get(self.opt_out_id).changes:
            if change.id == record_id:
                return change
        raise NotFoundError(RecordType.OPT_OUT_CHANGE, record_id)

    def record_title(self) -> str:
        return self.record.changed_on.isoformat() if self.record is not None else ""

    def submit(self, values: dict[str, Any], version: int | None) -> Any:
        if self.record_id is None:
            return self.services.opt_outs.add_change({**values, "opt_out_id": self.opt_out_id})
        return self.services.opt_outs.update_change(self.record_id, values, version)


class OptOutDialog(RecordDialog):
    record_type = RecordType.OPT_OUT
    schema = OPT_OUT

    def build_body(self) -> QWidget:
        self.changes: list[Any] = []
        self.sub_dialog: RecordDialog | None = None
        body = QWidget(self)
        columns = QHBoxLayout(body)
        columns.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget(body)
        items_page = QScrollArea()
        items_page.setWidgetResizable(True)
        items_page.setFrameShape(QScrollArea.Shape.NoFrame)
        items_page.setWidget(self.form.layout_for(ITEMS))
        self.tabs.addTab(items_page, self.tr("Items ①–⑤"))
        self.tabs.addTab(self.form.layout_for(NOTIFICATION_AND_PERIOD), self.tr("&Notification and period"))
        self.tabs.addTab(self.build_changes(), self.tr("C&hange history"))
        self.corrective_tab = CorrectiveActionsTab(
            self.services, RecordType.OPT_OUT, lambda: self.record_id, self.announce_saved, body
        )
        self.tabs.addTab(self.corrective_tab, corrective_tab_title())
        columns.addWidget(self.tabs, 3)
        preview_box = QGroupBox(self.tr("What the persons are told and the PPC notified"), body)
        preview_layout = QVBoxLayout(preview_box)
        self.preview = QPlainTextEdit(preview_box)
        self.preview.setObjectName("noticePreview")
        self.preview.setReadOnly(True)
        self.preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        preview_layout.addWidget(self.preview)
        columns.addWidget(preview_box, 2)
        self.form.changed.connect(self.refresh_preview)
        self.resize(1240, 820)
        return body

    def build_changes(self) -> QWidget:
        page = QWidget()
        headers = [field_label(OPT_OUT_CHANGE.field(name)) for name in CHANGE_COLUMNS]
        self.change_table = read_only_table(headers, page, "changeTable")
        self.add_change_button = QPushButton(self.tr("&Add change…"), page)
        self.edit_change_button = QPushButton(self.tr("&Edit change…"), page)
        table_page(page, self.change_table, (self.add_change_button, self.edit_change_button))
        self.add_change_button.clicked.connect(lambda: self.open_change(None))
        self.edit_change_button.clicked.connect(self.edit_selected_change)
        self.change_table.doubleClicked.connect(lambda _index: self.edit_selected_change())
        return page

    # Loading ---------------------------------------------------------------------------------------
    def fetch(self, record_id: int) -> Any:
        return self.services.opt_outs.get(record_id)

    def after_new(self) -> None:
        self.corrective_tab.refresh()
        self.changes = []
        self.refresh_changes()
        self.refresh_preview()

    def after_load(self, record: Any) -> None:
        self.corrective_tab.refresh()
        self.changes = list(record.changes)
        self.refresh_changes()
        self.refresh_preview()

    def record_title(self) -> str:
        return self.record.title if self.record is not None else ""

    def refresh_preview(self) -> None:
        if hasattr(self, "preview"):
            self.preview.setPlainText(notice_preview(self.form.values()))

    def refresh_changes(self) -> None:
        not_yet = self.tr("not yet")
        self.change_table.setRowCount(len(self.changes))
        for row, change in enumerate(self.changes):
            try:
                what = text(OptOutChangeField(change.field).label)
            except ValueError:
                what = change.field
            cells = [
                what,
                change.description.replace("\n", " "),
                change.changed_on.isoformat(),
                change.ppc_notified_on.isoformat() if change.ppc_notified_on else not_yet,
                change.made_known_on.isoformat() if change.made_known_on else not_yet,
            ]
            for column, value in enumerate(cells):
                self.change_table.setItem(row, column, QTableWidgetItem(value))
        saved = self.record_id is not None
        self.add_change_button.setEnabled(saved)
        self.edit_change_button.setEnabled(saved)
        if not saved:
            self.add_change_button.setToolTip(self.tr("Save the arrangement first"))

    # Change history --------------------------------------------------------------------------------
    def open_change(self, change_id: int | None) -> None:
        if self.record_id is None:
            return
        dialog = OptOutChangeDialog(self.services, self.record_id, change_id, self)
        self.sub_dialog = dialog
        dialog.saved.connect(self.on_change_saved)
        dialog.open()

    def edit_selected_change(self) -> None:
        indexes = self.change_table.selectionModel().selectedRows()
        if indexes:
            self.open_change(self.changes[indexes[0].row()].id)

    def on_change_saved(self, _record_type: str, _record_id: int) -> None:
        assert self.record_id is not None
        self.changes = list(self.services.opt_outs.get(self.record_id).changes)
        self.refresh_changes()
        self.saved.emit(self.record_type, self.record_id)

    # Saving ----------------------------------------------------------------------------------------
    def submit(self, values: dict[str, Any], version: int | None) -> Any:
        if self.record_id is None:
            return self.services.opt_outs.create(values)
        return self.services.opt_outs.update(self.record_id, values, version)


class StopRequestDialog(RecordDialog):
    """A person's request to stop the provision: who, how their identity was checked, from when."""

    record_type = RecordType.STOP_REQUEST
    schema = STOP_REQUEST

    def __init__(
        self,
        services: Services,
        record_id: int | None = None,
        parent: QWidget | None = None,
        defaults: dict[str, Any] | None = None,
    ):
        super().__init__(services, record_id, parent, defaults)
        self.resize(640, 440)

    def custom_editors(self) -> dict[str, QWidget]:
        return {"opt_out_id": opt_out_choice(self.services)}

    def fetch(self, record_id: int) -> Any:
        return self.services.stop_requests.get(record_id)

    def record_title(self) -> str:
        return self.record.person if self.record is not None else ""

    def submit(self, values: dict[str, Any], version: int | None) -> Any:
        if self.record_id is None:
            return self.services.stop_requests.create(values)
        return self.services.stop_requests.update(self.record_id, values, version)
