"""Officer approval in the evaluation and contract forms: the Approve button (officers only), the approval
state (承認済 / 承認待ち / superseded), and the new version an edit of an approved record creates. A
superseded version is read-only: Save and the fields are disabled and the status line says why.

The services decide (desktop/services/approval.py); the form only shows it and calls `approve`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.domain.errors import ConflictError, ItakuError, ValidationError
from desktop.ui.language import text

if TYPE_CHECKING:  # the mixin is mixed into RecordDialog subclasses: the type checker reads it as one
    from desktop.ui.forms.base import RecordDialog

    _MixedInto = RecordDialog
else:
    _MixedInto = object

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


class ApprovingService(Protocol):
    """The service of an approvable record kind (contracts, evaluations)."""

    def approve(self, record_id: int, expected_version: int | None, /) -> object: ...


class ApprovalMixin(_MixedInto):
    """For RecordDialog subclasses whose service has `approve(id, version)`. Call `add_approval(buttons)`
    from `add_buttons` and `update_approval()` from `update_state`."""

    approve_button: QPushButton
    approval_label: QLabel
    new_version_note: str

    def approval_service(self) -> ApprovingService:
        raise NotImplementedError

    def add_approval(self, buttons: QDialogButtonBox, tooltip: str) -> None:
        self.new_version_note = ""
        self.approve_button = QPushButton(QCoreApplication.translate("ApprovalState", "&Approve"), self)
        self.approve_button.setObjectName("approveButton")
        self.approve_button.setAutoDefault(False)
        self.approve_tooltip = tooltip
        buttons.addButton(self.approve_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.approve_button.clicked.connect(self.approve)
        self.approval_label = QLabel(self)
        self.approval_label.setObjectName("approvalState")
        self.approval_label.setWordWrap(True)
        self.approval_label.hide()
        layout = self.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(2, self.approval_label)  # below the conflict banner and the general error

    def read_only_reason(self) -> str:
        """A superseded version is kept for the record: the service refuses changes, so the form offers none."""
        record = self.record if self.record_id is not None else None
        if record is not None and getattr(record, "is_superseded", False):
            return tr(
                "Read-only: this version has been superseded by a newer approved version. Open the "
                "current version to make changes."
            )
        return ""

    def editing_widgets(self) -> list[QWidget]:
        """Besides the schema fields: the evaluation's checklist scores and the contract's Attach file."""
        widgets: list[QWidget] = super().editing_widgets()
        for name in ("checklist", "attach_button"):
            widget = getattr(self, name, None)
            if isinstance(widget, QWidget):
                widgets.append(widget)
        return widgets

    def is_officer(self) -> bool:
        return self.services.context.role == OFFICER_ROLE

    def update_approval(self) -> None:
        if not hasattr(self, "approval_label"):
            return
        record = self.record if self.record_id is not None else None
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
        )
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
        if self.record_id is None or self.is_dirty():
            return
        self.general_error.clear_message()
        try:
            self.approval_service().approve(self.record_id, self.version)
        except ValidationError as error:
            self.show_validation(error)
            return
        except ConflictError as error:
            self.show_conflict(error, self.form.values())
            return
        except ItakuError as error:  # e.g. PermissionDeniedError: says which role it needs
            self.general_error.set_message(text(error.message))
            return
        self.new_version_note = ""
        self.load()
        self.saved.emit(self.record_type, self.record_id)

    def save(self) -> bool:
        """Saving an approved record creates a new version (a new id): the form moves to it and says so."""
        before = self.record_id
        previous = self.record
        saved = super().save()
        if saved and before is not None and self.record_id != before:
            was = previous.approved_on.isoformat() if previous is not None and previous.approved_on else "?"
            self.new_version_note = (
                tr(
                    "Saved as a new version (#%1) awaiting approval; the version approved on "
                    "%2 (#%3) stays in force until the officer approves this one."
                )
                .replace("%1", str(self.record_id))
                .replace("%2", was)
                .replace("%3", str(before))
            )
            self.update_state()
        return bool(saved)
