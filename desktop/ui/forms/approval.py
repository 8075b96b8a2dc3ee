"""Officer approval in the evaluation and contract forms: the Approve button (officers only), the approval
state (承認済 / 承認待ち / superseded), and the new version an edit of an approved record creates. A
superseded version is read-only: Save and the fields are disabled and the status line says why.

The services decide (desktop/services/approval.py); the form only shows it and calls `approve`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.domain.errors import ConflictError, ItakuError, Message, ValidationError
from desktop.ui.language import text

OFFICER_ROLE = "officer"
APPROVED_STYLE = (
    "#approvalState { color: #1e5e2e; background: #e6f4ea; border: 1px solid #9ccc9c; padding: 4px; }"
)
PENDING_STYLE = (
    "#approvalState { color: #7a4b00; background: #fff4e0; border: 1px solid #e0b060; padding: 4px; }"
)
SUPERSEDED_STYLE = (
    "#approvalState { color: #5f6368; background: #eeeeee; border: 1px solid #bbbbbb; padding: 4px; }"
)


def tr(source: str) -> str:
    return QCoreApplication.translate("ApprovalState", source)


def approval_state(record: Any, name_predecessor: bool = True) -> tuple[str, str]:
    """(what the banner says, its style) for a saved evaluation or contract."""
    if record is None:
        return "", ""
    if getattr(record, "is_superseded", False):
        line = tr(
            "Superseded by a newer approved version: this version is kept for the record and no longer "
            "counts."
        )
        if record.approved_on is not None:
            line += " " + tr("(Approved on %1 by %2.)").replace("%1", record.approved_on.isoformat()).replace(
                "%2", record.approver or "?"
            )
        return line, SUPERSEDED_STYLE
    if record.approved_on is not None:
        return (
            tr("Approved on %1 by %2.")
            .replace("%1", record.approved_on.isoformat())
            .replace("%2", record.approver or "?"),
            APPROVED_STYLE,
        )
    line = tr("Awaiting approval: it counts for the checks once the PI protection officer approves it.")
    previous = getattr(record, "supersedes_id", None)
    if previous is not None and name_predecessor:
        line += " " + tr(
            "This is a new version of #%1, which stays in force until this one is approved."
        ).replace("%1", str(previous))
    return line, PENDING_STYLE


class ApprovalMixin:
    """For RecordDialog subclasses whose service has `approve(id, version)`. Call `add_approval(buttons)`
    from `add_buttons` and `update_approval()` from `update_state`."""

    approve_button: QPushButton
    approval_label: QLabel
    new_version_note: str

    def approval_service(self) -> Any:
        raise NotImplementedError

    def add_approval(self, buttons: QDialogButtonBox, tooltip: str) -> None:
        self.new_version_note = ""
        self.approve_button = QPushButton(QCoreApplication.translate("ApprovalState", "&Approve"), self)  # type: ignore[call-overload]
        self.approve_button.setObjectName("approveButton")
        self.approve_button.setAutoDefault(False)
        self.approve_tooltip = tooltip
        buttons.addButton(self.approve_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.approve_button.clicked.connect(self.approve)
        self.approval_label = QLabel(self)  # type: ignore[call-overload]
        self.approval_label.setObjectName("approvalState")
        self.approval_label.setWordWrap(True)
        self.approval_label.hide()
        layout = self.layout()  # type: ignore[attr-defined]
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(2, self.approval_label)  # below the conflict banner and the general error

    def read_only_reason(self) -> str:
        """A superseded version is kept for the record: the service refuses changes, so the form offers none."""
        record = self.record if self.record_id is not None else None  # type: ignore[attr-defined]
        if record is not None and getattr(record, "is_superseded", False):
            return tr(
                "Read-only: this version has been superseded by a newer approved version. Open the "
                "current version to make changes."
            )
        return ""

    def editing_widgets(self) -> list[QWidget]:
        """Besides the schema fields: the evaluation's checklist scores and the contract's Attach file."""
        widgets: list[QWidget] = super().editing_widgets()  # type: ignore[misc]
        for name in ("checklist", "attach_button"):
            widget = getattr(self, name, None)
            if isinstance(widget, QWidget):
                widgets.append(widget)
        return widgets

    def is_officer(self) -> bool:
        return self.services.context.role == OFFICER_ROLE  # type: ignore[attr-defined]

    def update_approval(self) -> None:
        if not hasattr(self, "approval_label"):
            return
        record = self.record if self.record_id is not None else None  # type: ignore[attr-defined]
        line, style = approval_state(record, name_predecessor=not self.new_version_note)
        if line and self.new_version_note:
            line = f"{self.new_version_note}\n{line}"
        self.approval_label.setText(line)
        self.approval_label.setStyleSheet(style)
        self.approval_label.setVisible(bool(line))
        can_approve = (
            record is not None
            and record.approved_on is None
            and not getattr(record, "is_superseded", False)
            and not self.is_dirty()
        )  # type: ignore[attr-defined]
        self.approve_button.setEnabled(can_approve and self.is_officer())
        if not self.is_officer():
            self.approve_button.setToolTip(
                tr("Only the PI protection officer (個人情報保護責任者) can approve.")
            )
        elif record is not None and record.approved_on is not None:
            self.approve_button.setToolTip(line)
        else:
            self.approve_button.setToolTip(self.approve_tooltip)

    def approve(self) -> None:
        if self.record_id is None or self.is_dirty():  # type: ignore[attr-defined]
            return
        self.general_error.clear_message()  # type: ignore[attr-defined]
        try:
            self.approval_service().approve(self.record_id, self.version)  # type: ignore[attr-defined]
        except ValidationError as error:
            self.show_validation(error)  # type: ignore[attr-defined]
            return
        except ConflictError as error:
            self.show_conflict(error, self.form.values())  # type: ignore[attr-defined]
            return
        except ItakuError as error:  # e.g. PermissionDeniedError: says which role it needs
            message = getattr(error, "message", None)
            self.general_error.set_message(text(message) if isinstance(message, Message) else str(error))  # type: ignore[attr-defined]
            return
        self.new_version_note = ""
        self.load()  # type: ignore[attr-defined]
        self.saved.emit(self.record_type, self.record_id)  # type: ignore[attr-defined]

    def save(self) -> bool:
        """Saving an approved record creates a new version (a new id): the form moves to it and says so."""
        before = self.record_id  # type: ignore[attr-defined]
        previous = self.record  # type: ignore[attr-defined]
        saved = super().save()  # type: ignore[misc]
        if saved and before is not None and self.record_id != before:  # type: ignore[attr-defined]
            was = previous.approved_on.isoformat() if previous is not None and previous.approved_on else "?"
            self.new_version_note = (
                tr(
                    "Saved as a new version (#%1) awaiting approval; the version approved on "
                    "%2 (#%3) stays in force until the officer approves this one."
                )
                .replace("%1", str(self.record_id))
                .replace("%2", was)
                .replace("%3", str(before))
            )  # type: ignore[attr-defined]
            self.update_state()  # type: ignore[attr-defined]
        return bool(saved)
