"""The contract / NDA (契約・NDA) form: dates, PI clauses checklist, and the signed file attached."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import ItakuError, Message, ValidationError
from desktop.domain.kinds import RecordType
from desktop.domain.schema import CONTRACT
from desktop.services.attachments import AttachmentStatus
from desktop.ui.forms.approval import ApprovalMixin, ApprovingService
from desktop.ui.forms.base import RecordDialog
from desktop.ui.forms.choices import contractor_choice
from desktop.ui.language import field_label, text
from desktop.ui.operations import describe_error
from desktop.ui.widgets.clause_checklist import ClauseChecklist
from desktop.ui.widgets.contract_cover import cover_text
from desktop.ui.widgets.field_error import FieldErrorLabel
from desktop.ui.widgets.schema_form import ChoiceBox

MAIN_FIELDS = (
    "contractor_id",
    "kind",
    "title",
    "reference_number",
    "signed_on",
    "effective_from",
    "expires_on",
    "auto_renewal",
    "renewal_term_months",
    "notes",
)


class ContractDialog(ApprovalMixin, RecordDialog):
    record_type = RecordType.CONTRACT
    schema = CONTRACT

    def custom_editors(self) -> dict[str, QWidget]:
        self.clauses = ClauseChecklist()
        return {"contractor_id": contractor_choice(self.services), "clauses": self.clauses}

    def build_body(self) -> QWidget:
        self.pending_attachment: Path | None = None
        self.attachment_status = AttachmentStatus.NONE
        body = QWidget(self)
        columns = QHBoxLayout(body)
        columns.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        left.addWidget(self.form.layout_for(MAIN_FIELDS))
        left.addWidget(self.build_attachment_box(body))
        left.addStretch(1)
        columns.addLayout(left, 1)
        clause_box = QGroupBox(field_label(CONTRACT.field("clauses")), body)
        clause_layout = QVBoxLayout(clause_box)
        clause_layout.addWidget(self.clauses)
        clause_layout.addWidget(self.form.errors["clauses"])
        self.cover_label = QLabel(clause_box)
        self.cover_label.setObjectName("contractorCover")
        self.cover_label.setWordWrap(True)
        self.cover_label.setStyleSheet("background: #f1f3f4; padding: 4px;")
        clause_layout.addWidget(self.cover_label)
        clause_layout.addStretch(1)
        columns.addWidget(clause_box, 1)
        self.form.editor("kind", ChoiceBox).changed.connect(self.on_kind_changed)
        self.form.editor("contractor_id", ChoiceBox).changed.connect(self.refresh_cover)
        self.resize(1120, 660)
        return body

    def build_attachment_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Signed file"), parent)
        layout = QVBoxLayout(box)
        self.attachment_label = QLabel(box)
        self.attachment_label.setObjectName("attachmentLabel")
        self.attachment_label.setWordWrap(True)
        self.attachment_warning = QLabel(box)
        self.attachment_warning.setObjectName("attachmentWarning")
        self.attachment_warning.setWordWrap(True)
        self.attachment_warning.setStyleSheet(
            "color: #b3261e; font-weight: bold; background: #fdecea; padding: 4px;"
        )
        self.attachment_warning.hide()
        self.attachment_error = FieldErrorLabel(box)
        self.attachment_error.setObjectName("error_attachment")
        row = QHBoxLayout()
        self.attach_button = QPushButton(self.tr("Attach &file…"), box)
        self.open_button = QPushButton(self.tr("&Open file"), box)
        for button in (self.attach_button, self.open_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        layout.addWidget(self.attachment_label)
        layout.addWidget(self.attachment_warning)
        layout.addWidget(self.attachment_error)
        layout.addLayout(row)
        self.attach_button.clicked.connect(self.choose_attachment)
        self.open_button.clicked.connect(self.open_attachment)
        return box

    def add_buttons(self, buttons: QDialogButtonBox) -> None:
        self.add_approval(buttons, self.tr("Record that the PI protection officer approved this contract"))

    def approval_service(self) -> ApprovingService:
        return self.services.contracts

    def update_state(self) -> None:
        super().update_state()
        self.update_approval()

    # Loading ---------------------------------------------------------------------------------------
    def fetch(self, record_id: int) -> Any:
        return self.services.contracts.get(record_id)

    def after_new(self) -> None:
        self.pending_attachment = None
        self.on_kind_changed()
        self.refresh_attachment()
        self.refresh_cover()

    def after_load(self, record: Any) -> None:
        self.pending_attachment = None
        self.on_kind_changed()
        self.refresh_attachment()
        self.refresh_cover()

    def refresh_cover(self) -> None:
        """Say which of the contractor's approved contracts in force carry the confidentiality duty and the
        PI clauses today: the NDA is what a contract contains, not what it is called."""
        contractor_id = self.form.value("contractor_id")
        if not contractor_id:
            self.clauses.set_handles_pi(True)
            self.cover_label.clear()
            self.cover_label.hide()
            return
        try:
            cover = self.services.contracts.cover(int(contractor_id))
        except ItakuError:
            self.cover_label.hide()
            return
        self.clauses.set_handles_pi(cover.handles_pi)
        self.cover_label.setText(cover_text(cover))
        self.cover_label.show()

    def record_title(self) -> str:
        return self.record.title if self.record is not None else ""

    def on_kind_changed(self) -> None:
        self.clauses.set_kind(self.form.value("kind"))

    # Attachment ------------------------------------------------------------------------------------
    def choose_attachment(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Attach the signed contract"),
            "",
            self.tr("Documents (*.pdf *.docx *.doc *.xlsx *.png *.jpg);;All files (*)"),
        )
        if path:
            self.set_pending_attachment(Path(path))

    def set_pending_attachment(self, path: Path | None) -> None:
        """Attach `path` with the next save (the service copies it and keeps its SHA-256)."""
        self.pending_attachment = path
        self.refresh_attachment()
        self.update_state()

    def refresh_attachment(self) -> None:
        record = self.record if self.record_id is not None else None
        self.attachment_status = AttachmentStatus.NONE
        lines: list[str] = []
        if record is not None and record.attachment_path:
            self.attachment_status = self.services.contracts.attachment_status(record.id)
            size = f"{record.attachment_size:,}" if record.attachment_size is not None else "?"
            lines.append(
                self.tr("Attached: %1 (%2 bytes)")
                .replace("%1", record.attachment_name or "?")
                .replace("%2", size)
            )
        elif self.pending_attachment is None:
            lines.append(self.tr("No file attached."))
        if self.pending_attachment is not None:
            lines.append(self.tr("To attach on save: %1").replace("%1", str(self.pending_attachment)))
        self.attachment_label.setText("\n".join(lines))
        warnings = {
            AttachmentStatus.MODIFIED: self.tr(
                "⚠ The attached file was changed after it was attached: its "
                "SHA-256 no longer matches the one recorded."
            ),
            AttachmentStatus.MISSING: self.tr("⚠ The attached file is missing from the data folder."),
        }
        warning = warnings.get(self.attachment_status)
        self.attachment_warning.setText(warning or "")
        self.attachment_warning.setVisible(warning is not None)
        self.open_button.setEnabled(
            self.attachment_status in (AttachmentStatus.OK, AttachmentStatus.MODIFIED)
        )

    def open_attachment(self) -> None:
        if self.record_id is None:
            return
        try:
            path = self.services.contracts.attachment_file(self.record_id)
        except ItakuError as error:
            self.show_validation_or_general(error)
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def show_validation_or_general(self, error: ItakuError) -> None:
        if isinstance(error, ValidationError):
            self.show_extra_errors(dict(error.fields))
        else:
            self.general_error.set_message(describe_error(error))

    def show_extra_errors(self, errors: dict[str, Message]) -> dict[str, Message]:
        if "attachment" in errors:
            self.attachment_error.set_message(text(errors["attachment"]))
        return {name: message for name, message in errors.items() if name != "attachment"}

    def extra_dirty(self) -> bool:
        return getattr(self, "pending_attachment", None) is not None

    # Saving ----------------------------------------------------------------------------------------
    def submit(self, values: dict[str, Any], version: int | None) -> Any:
        self.attachment_error.clear_message()
        if self.record_id is None:
            return self.services.contracts.create(values, attachment=self.pending_attachment)
        return self.services.contracts.update(
            self.record_id, values, version, attachment=self.pending_attachment
        )
