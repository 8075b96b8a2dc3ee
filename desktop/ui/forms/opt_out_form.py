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
    QScrollArea,
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
from desktop.ui.forms.change_history import ChangeHistory
from desktop.ui.forms.corrective_actions_tab import CorrectiveActionsTab
from desktop.ui.forms.corrective_actions_tab import tab_title as corrective_tab_title
from desktop.ui.language import field_label, text
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

    @property
    def sub_dialog(self) -> RecordDialog | None:
        """The change's dialog last opened from the change history."""
        return self.change_history.sub_dialog

    def build_changes(self) -> QWidget:
        self.change_history = ChangeHistory(
            self,
            dialog=OptOutChangeDialog,
            read_changes=lambda opt_out_id: self.services.opt_outs.get(opt_out_id).changes,
            headers=[field_label(OPT_OUT_CHANGE.field(name)) for name in CHANGE_COLUMNS],
            cells=self.change_cells,
            texts=(self.tr("&Add change…"), self.tr("&Edit change…"), self.tr("Save the arrangement first")),
        )
        self.change_table = self.change_history.table
        self.add_change_button = self.change_history.add_button
        self.edit_change_button = self.change_history.edit_button
        return self.change_history.page

    # Loading ---------------------------------------------------------------------------------------
    def fetch(self, record_id: int) -> Any:
        return self.services.opt_outs.get(record_id)

    def after_new(self) -> None:
        self.corrective_tab.refresh()
        self.change_history.show([])
        self.refresh_preview()

    def after_load(self, record: Any) -> None:
        self.corrective_tab.refresh()
        self.change_history.show(record.changes)
        self.refresh_preview()

    def record_title(self) -> str:
        return self.record.title if self.record is not None else ""

    def refresh_preview(self) -> None:
        if hasattr(self, "preview"):
            self.preview.setPlainText(notice_preview(self.form.values()))

    def change_cells(self, change: Any) -> list[str]:
        not_yet = self.tr("not yet")
        try:
            what = text(OptOutChangeField(change.field).label)
        except ValueError:
            what = change.field
        return [
            what,
            change.description.replace("\n", " "),
            change.changed_on.isoformat(),
            change.ppc_notified_on.isoformat() if change.ppc_notified_on else not_yet,
            change.made_known_on.isoformat() if change.made_known_on else not_yet,
        ]

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
