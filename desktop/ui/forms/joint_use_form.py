"""The joint use (共同利用) form: items ①–⑥ as the policy numbers them, notice preview, change history."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import JointUseChangeBasis, JointUseChangeField
from desktop.domain.errors import NotFoundError
from desktop.domain.kinds import RecordType
from desktop.domain.schema import JOINT_USE, JOINT_USE_CHANGE
from desktop.ui.forms.base import RecordDialog
from desktop.ui.forms.change_history import ChangeHistory
from desktop.ui.forms.corrective_actions_tab import CorrectiveActionsTab
from desktop.ui.forms.corrective_actions_tab import tab_title as corrective_tab_title
from desktop.ui.forms.notice_preview import notice_preview
from desktop.ui.language import field_label, text

if TYPE_CHECKING:
    from desktop.services.facade import Services

ITEMS = (
    "title",
    "joint_use_statement",
    "pi_items",
    "scope",
    "joint_users",
    "purposes",
    "responsible_name",
    "responsible_address",
    "responsible_is_corporation",
    "responsible_representative",
    "acquisition_method",
)
CHANGE_TABLE_FIELDS = ("field", "description", "changed_on", "noticed_on", "basis")
NOTICE_AND_PERIOD = ("notice_method", "notice_reference", "notice_published_on", "start_date", "end_date")


CHANGE_FIELDS = ("field", "description", "changed_on", "noticed_on", "basis", "basis_reason")
BASIS_FIELDS = ("basis", "basis_reason")


class JointUseChangeDialog(RecordDialog):
    """One entry of the change history: what changed, when, and when it was noticed (APPI Art. 27(6)); for a
    change of the items or the scope of joint users, which a notice cannot make, its basis and why (PPC
    Guidelines (General) 3-6-3)."""

    record_type = RecordType.JOINT_USE_CHANGE
    schema = JOINT_USE_CHANGE
    field_names = CHANGE_FIELDS

    def __init__(
        self,
        services: Services,
        joint_use_id: int,
        change_id: int | None = None,
        parent: QWidget | None = None,
        defaults: dict[str, Any] | None = None,
    ):
        self.joint_use_id = joint_use_id
        super().__init__(services, change_id, parent, defaults)
        self.resize(620, 480)

    def build_body(self) -> QWidget:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form.layout_for(CHANGE_FIELDS), 1)
        self.basis_hint = QLabel(body)
        self.basis_hint.setObjectName("basisHint")
        self.basis_hint.setWordWrap(True)
        layout.addWidget(self.basis_hint)
        return body

    def needs_basis(self) -> bool:
        field = self.form.value("field")
        return field is not None and JointUseChangeField(field).needs_basis

    def on_form_changed(self) -> None:
        self.update_basis()
        super().on_form_changed()

    def update_basis(self) -> None:
        """The basis applies to a change of ② or ③ only; once one is chosen, its reason is required."""
        needed = self.needs_basis()
        if not needed and any(self.form.value(name) for name in BASIS_FIELDS):
            self.form.set_values(dict.fromkeys(BASIS_FIELDS))  # emits changed again: that call updates
            return
        for name in BASIS_FIELDS:
            self.form.editors[name].setEnabled(needed)
        self.form.set_required("basis_reason", needed and self.form.value("basis") is not None)
        if needed:
            bases = "、".join(text(basis.label) for basis in JointUseChangeBasis)
            self.basis_hint.setText(
                self.tr(
                    "A notice cannot change the PI items or the scope of joint users (PPC Guidelines 3-6-3). "
                    "Record the basis of this change and why: %1. Without a basis it is a blocking finding."
                ).replace("%1", bases)
            )
            self.basis_hint.setStyleSheet("color: #b3261e;" if self.form.value("basis") is None else "")
        else:
            self.basis_hint.setText(
                self.tr(
                    "The basis is recorded only for a change of the PI items or the scope of joint users."
                )
            )
            self.basis_hint.setStyleSheet("color: #5f6368;")

    def fetch(self, record_id: int) -> Any:
        for change in self.services.joint_uses.get(self.joint_use_id).changes:
            if change.id == record_id:
                return change
        raise NotFoundError(RecordType.JOINT_USE_CHANGE, record_id)

    def record_title(self) -> str:
        return self.record.changed_on.isoformat() if self.record is not None else ""

    def submit(self, values: dict[str, Any], version: int | None) -> Any:
        if self.record_id is None:
            return self.services.joint_uses.add_change({**values, "joint_use_id": self.joint_use_id})
        return self.services.joint_uses.update_change(self.record_id, values, version)


class JointUseDialog(RecordDialog):
    record_type = RecordType.JOINT_USE
    schema = JOINT_USE

    def build_body(self) -> QWidget:
        body = QWidget(self)
        columns = QHBoxLayout(body)
        columns.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget(body)
        items_page = QScrollArea()
        items_page.setWidgetResizable(True)
        items_page.setFrameShape(QScrollArea.Shape.NoFrame)
        items_page.setWidget(self.form.layout_for(ITEMS))
        self.tabs.addTab(items_page, self.tr("Items ①–⑥"))
        self.tabs.addTab(self.form.layout_for(NOTICE_AND_PERIOD), self.tr("&Notice and period"))
        self.tabs.addTab(self.build_changes(), self.tr("C&hange history"))
        self.corrective_tab = CorrectiveActionsTab(
            self.services, RecordType.JOINT_USE, lambda: self.record_id, self.announce_saved, body
        )
        self.tabs.addTab(self.corrective_tab, corrective_tab_title())
        columns.addWidget(self.tabs, 3)
        preview_box = QGroupBox(self.tr("Preview of the public notice"), body)
        preview_layout = QVBoxLayout(preview_box)
        self.preview = QPlainTextEdit(preview_box)
        self.preview.setObjectName("noticePreview")
        self.preview.setReadOnly(True)
        self.preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = QFont(self.preview.font())
        self.preview.setFont(font)
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
            dialog=JointUseChangeDialog,
            read_changes=lambda joint_use_id: self.services.joint_uses.get(joint_use_id).changes,
            headers=[field_label(JOINT_USE_CHANGE.field(name)) for name in CHANGE_TABLE_FIELDS],
            cells=self.change_cells,
            texts=(self.tr("&Add change…"), self.tr("&Edit change…"), self.tr("Save the joint use first")),
        )
        self.change_table = self.change_history.table
        self.add_change_button = self.change_history.add_button
        self.edit_change_button = self.change_history.edit_button
        return self.change_history.page

    # Loading ---------------------------------------------------------------------------------------
    def fetch(self, record_id: int) -> Any:
        return self.services.joint_uses.get(record_id)

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
        try:
            what = text(JointUseChangeField(change.field).label)
        except ValueError:
            what = change.field
        return [
            what,
            change.description.replace("\n", " "),
            change.changed_on.isoformat(),
            change.noticed_on.isoformat() if change.noticed_on else self.tr("not yet"),
            self.basis_text(change),
        ]

    def basis_text(self, change: Any) -> str:
        """The basis of a change of ② or ③ and its reason; "none" where one is owed; blank elsewhere."""
        try:
            needed = JointUseChangeField(change.field).needs_basis
        except ValueError:
            needed = False
        if change.basis is None:
            return self.tr("none (required)") if needed else ""
        try:
            basis = text(JointUseChangeBasis(change.basis).label)
        except ValueError:
            basis = change.basis
        reason = (change.basis_reason or "").replace("\n", " ")
        return f"{basis}: {reason}" if reason else basis

    # Saving ----------------------------------------------------------------------------------------
    def submit(self, values: dict[str, Any], version: int | None) -> Any:
        if self.record_id is None:
            return self.services.joint_uses.create(values)
        return self.services.joint_uses.update(self.record_id, values, version)
