"""What every record form shares: schema-driven fields, Save through the service, errors at the
field that caused them, Save disabled while a required field is empty, and version conflicts
reported with who won, the user's edits kept in the form until they choose. A record that may not be
changed at all (`read_only_reason`, e.g. a superseded version) shows why, with Save and the fields disabled."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import ConflictError, ItakuError, Message, ValidationError
from desktop.domain.rules import Finding
from desktop.domain.schema import Schema
from desktop.ui.forms.finding_fixes import fix_of
from desktop.ui.forms.findings_banner import HIGHLIGHT_LABEL_STYLE, HIGHLIGHT_STYLE, FindingsBanner
from desktop.ui.language import field_label, text
from desktop.ui.operations import describe_error
from desktop.ui.widgets.field_error import FieldErrorLabel
from desktop.ui.widgets.schema_form import SchemaForm, is_blank

if TYPE_CHECKING:
    from desktop.services.facade import Services


def describe(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, list | tuple):
        return "、".join(str(item) for item in value)
    if isinstance(value, bool):
        return "✓" if value else "—"
    return str(value)


class ConflictBanner(QFrame):
    """Shown when someone else saved the record first: who, which versions, what they changed."""

    reload_requested = Signal()
    overwrite_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("conflictBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#conflictBanner { background: #fff4ce; border: 1px solid #c19c00; }")
        layout = QVBoxLayout(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        self.reload_button = QPushButton(self.tr("&Reload (discard my edits)"), self)
        self.overwrite_button = QPushButton(self.tr("Save &mine over it"), self)
        row.addWidget(self.reload_button)
        row.addWidget(self.overwrite_button)
        layout.addLayout(row)
        self.reload_button.clicked.connect(self.reload_requested.emit)
        self.overwrite_button.clicked.connect(self.overwrite_requested.emit)
        self.hide()

    def show_conflict(self, error: ConflictError, changed: list[str]) -> None:
        who = error.updated_by or "?"
        lines = [
            self.tr(
                "Not saved: %1 saved a newer version of this record (version %2 → %3). "
                "Your edits are still in the form."
            )
            .replace("%1", who)
            .replace("%2", str(error.expected_version))
            .replace("%3", str(error.actual_version) if error.actual_version >= 0 else "?")
        ]
        if changed:
            lines.append(self.tr("Their version changed:"))
            lines.extend(f"・{line}" for line in changed)
        self.message.setText("\n".join(lines))
        self.show()


class RecordDialog(QDialog):
    """Base of the record forms. Subclasses set `record_type` and `schema` and implement
    `fetch(record_id)` and `submit(values, version)`; they may lay out the body themselves."""

    saved = Signal(str, int)

    record_type = ""
    schema: Schema
    field_names: tuple[str, ...] | None = None  # None = every field of the schema

    def __init__(
        self,
        services: Services,
        record_id: int | None = None,
        parent: QWidget | None = None,
        defaults: Mapping[str, Any] | None = None,
    ):
        super().__init__(parent)
        self.services = services
        self.record_id = record_id
        self.version: int | None = None
        self.record: Any = None
        self.loaded: dict[str, Any] = {}
        self.loaded_record_values: dict[str, Any] = {}
        self.defaults = dict(defaults or {})
        self.locked_widgets: list[tuple[QWidget, bool]] = []  # (widget, enabled before) while read-only
        self.setObjectName(f"{self.record_type}Form")
        self.form = SchemaForm(self.schema, self.field_names, self.custom_editors(), self)
        layout = QVBoxLayout(self)
        self.findings_banner = FindingsBanner(self)
        self.highlighted: list[tuple[QWidget, str]] = []  # (widget, its style sheet before the highlight)
        layout.addWidget(self.findings_banner)
        self.banner = ConflictBanner(self)
        self.general_error = FieldErrorLabel(self)
        self.general_error.setObjectName("generalError")
        layout.addWidget(self.banner)
        layout.addWidget(self.general_error)
        layout.addWidget(self.build_body(), 1)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusLabel")
        self.status_label.setWordWrap(True)
        self.status_label.setStyleSheet("color: #5f6368;")
        self.buttons = QDialogButtonBox(self)
        self.add_buttons(self.buttons)
        self.save_button = self.buttons.addButton(self.tr("&Save"), QDialogButtonBox.ButtonRole.ApplyRole)
        self.save_close_button = self.buttons.addButton(
            self.tr("Save and c&lose"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.close_button = self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setAutoDefault(False)
        self.save_close_button.setAutoDefault(False)
        self.close_button.setAutoDefault(False)
        footer = QHBoxLayout()
        footer.addWidget(self.status_label, 1)
        footer.addWidget(self.buttons)
        layout.addLayout(footer)
        self.save_button.clicked.connect(self.save)
        self.save_close_button.clicked.connect(self.save_and_close)
        self.close_button.clicked.connect(self.reject)
        self.unsaved_question: QMessageBox | None = None
        self.banner.reload_requested.connect(self.reload)
        self.banner.overwrite_requested.connect(self.overwrite)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self.form.changed.connect(self.on_form_changed)
        if record_id is None:
            self.start_new()
        else:
            self.load()
        self.update_state()

    # Hooks for subclasses ---------------------------------------------------------------------------
    def custom_editors(self) -> dict[str, QWidget]:
        return {}

    def build_body(self) -> QWidget:
        return self.form.layout_for(self.form.names)

    def add_buttons(self, buttons: QDialogButtonBox) -> None:
        """Add record-specific buttons (Approve, …) before Save."""

    def fetch(self, record_id: int) -> Any:
        raise NotImplementedError

    def submit(self, values: dict[str, Any], version: int | None) -> Any:
        raise NotImplementedError

    def record_values(self, record: Any) -> dict[str, Any]:
        return {name: getattr(record, name) for name in self.form.names}

    def after_load(self, record: Any) -> None:
        """Fill what is not a schema field (tables, chains, checklists) from the loaded record."""

    def after_new(self) -> None:
        """Prepare the extras of a new record."""

    def extra_missing(self) -> list[str]:
        """Labels of what must still be filled in besides the required schema fields."""
        return []

    def extra_dirty(self) -> bool:
        return False

    def show_extra_errors(self, errors: dict[str, Message]) -> dict[str, Message]:
        """Place errors the schema fields do not own (e.g. checklist scores); return the rest."""
        return errors

    def record_title(self) -> str:
        return ""

    def read_only_reason(self) -> str:
        """Why this record cannot be changed at all ("" when it can): Save and editing are then disabled."""
        return ""

    def editing_widgets(self) -> list[QWidget]:
        """The widgets that change the record, disabled while it is read-only."""
        return list(self.form.editors.values())

    def on_form_changed(self) -> None:
        self.update_state()

    # Loading ---------------------------------------------------------------------------------------
    def start_new(self) -> None:
        values = {field.name: field.default for field in self.schema.fields if field.name in self.form.names}
        values.update({name: value for name, value in self.defaults.items() if name in self.form.names})
        self.form.set_values(values)
        self.loaded = self.form.values()
        self.after_new()
        self.update_title()

    def load(self) -> None:
        assert self.record_id is not None
        record = self.fetch(self.record_id)
        self.record = record
        self.version = record.version
        self.loaded_record_values = self.record_values(record)
        self.form.set_values(self.loaded_record_values)
        self.form.clear_errors()
        self.general_error.clear_message()
        self.loaded = self.form.values()
        self.after_load(record)
        self.update_title()
        self.update_state()

    def reload(self) -> None:
        self.banner.hide()
        self.load()

    def update_title(self) -> None:
        name = self.record_title() if self.record_id is not None else self.tr("New")
        self.setWindowTitle(f"{text(self.schema.label)} — {name}" if name else text(self.schema.label))

    # State -----------------------------------------------------------------------------------------
    def is_new(self) -> bool:
        return self.record_id is None

    def is_dirty(self) -> bool:
        return self.form.values() != self.loaded or self.extra_dirty()

    def missing(self) -> list[str]:
        labels = [field_label(self.form.field(name)) for name in self.form.missing_required()]
        return labels + self.extra_missing()

    def update_state(self) -> None:
        reason = self.read_only_reason()
        self.lock_editing(bool(reason))
        for button in (self.save_button, self.save_close_button):
            button.setToolTip(reason)
        if reason:
            self.save_button.setEnabled(False)
            self.save_close_button.setEnabled(False)
            self.status_label.setText(reason)
            return
        missing = self.missing()
        self.save_button.setEnabled(not missing)
        self.save_close_button.setEnabled(not missing)
        if missing:
            self.status_label.setText(self.tr("Required: %1").replace("%1", "、".join(missing)))
        elif self.is_dirty():
            self.status_label.setText(self.tr("Unsaved changes"))
        else:
            self.status_label.setText("")

    def lock_editing(self, locked: bool) -> None:
        """Disable the editing widgets (remembering which were enabled), or give them back their state."""
        if locked and not self.locked_widgets:
            self.locked_widgets = [(widget, widget.isEnabled()) for widget in self.editing_widgets()]
            for widget, _enabled in self.locked_widgets:
                widget.setEnabled(False)
        elif not locked and self.locked_widgets:
            for widget, enabled in self.locked_widgets:
                widget.setEnabled(enabled)
            self.locked_widgets = []

    # Saving ----------------------------------------------------------------------------------------
    def collect(self) -> dict[str, Any]:
        return self.form.values()

    def save(self) -> bool:
        if self.read_only_reason():  # Ctrl+S reaches here even with Save disabled
            self.update_state()
            return False
        if self.missing():
            self.update_state()
            return False
        values = self.collect()
        self.form.clear_errors()
        self.general_error.clear_message()
        try:
            record = self.submit(values, self.version)
        except ValidationError as error:
            self.show_validation(error)
            return False
        except ConflictError as error:
            self.show_conflict(error, values)
            return False
        except ItakuError as error:
            self.general_error.set_message(text(error.message))
            return False
        self.banner.hide()
        self.record_id = record.id
        self.load()
        self.saved.emit(self.record_type, record.id)
        return True

    def announce_saved(self) -> None:
        """Something saved beside this record (a corrective action, a change) may change its findings: say the
        record changed, so that the window's findings follow. Nothing to say of a record not saved yet."""
        if self.record_id is not None:
            self.saved.emit(self.record_type, self.record_id)

    def save_and_close(self) -> None:
        if self.save():
            self.accept()

    # Findings --------------------------------------------------------------------------------------
    def show_findings(self, findings: Sequence[Finding], reveal: bool = False) -> None:
        """List the record's open findings in the banner and highlight the fields that fix them; with
        `reveal`, bring the first such field's tab forward and put the cursor in it (the window does so
        when the form opens from a finding)."""
        self.findings_banner.show_findings(findings)
        for widget, style in self.highlighted:
            widget.setStyleSheet(style)
        self.highlighted = []
        first: QWidget | None = None
        names = [name for finding in findings for name in self.fields_to_fix(finding)]
        for name in dict.fromkeys(names):
            editor, label = self.form.editors[name], self.form.labels.get(name)
            self.highlighted.append((editor, editor.styleSheet()))
            editor.setStyleSheet(editor.styleSheet() + HIGHLIGHT_STYLE)
            if label is not None:
                self.highlighted.append((label, label.styleSheet()))
                label.setStyleSheet(label.styleSheet() + HIGHLIGHT_LABEL_STYLE)
            first = first or editor
        if reveal and first is not None:
            self.reveal(first)

    def fields_to_fix(self, finding: Finding) -> list[str]:
        """The fields of this form that fix the finding: of several (a joint use's notice items), the
        blank ones when any is blank."""
        names = [name for name in fix_of(finding.rule).fields if name in self.form.editors]
        blank = [name for name in names if is_blank(self.form.value(name))]
        return blank or names

    def highlighted_fields(self) -> list[str]:
        editors = {editor: name for name, editor in self.form.editors.items()}
        return [editors[widget] for widget, _style in self.highlighted if widget in editors]

    # Closing ---------------------------------------------------------------------------------------
    def has_unsaved_changes(self) -> bool:
        """Edits that closing would lose (a read-only record has none)."""
        return not self.read_only_reason() and self.is_dirty()

    def reject(self) -> None:
        """Close (閉じる, Escape, the title bar's ×): with unsaved changes, ask first instead of losing them."""
        if self.has_unsaved_changes():
            self.ask_about_unsaved_changes()
            return
        super().reject()

    def ask_about_unsaved_changes(self) -> QMessageBox:
        """保存 / 破棄 / キャンセル, asked without blocking; the answer arrives in `answer_unsaved_question`."""
        if self.unsaved_question is not None and self.unsaved_question.isVisible():
            return self.unsaved_question
        box = QMessageBox(self)
        box.setObjectName("unsavedChangesQuestion")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.windowTitle())
        box.setText(self.tr("This record has unsaved changes."))
        box.setInformativeText(self.tr("Save them before closing the form?"))
        save = box.addButton(self.tr("&Save"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("&Discard"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        save.setObjectName("saveAnswer")
        discard.setObjectName("discardAnswer")
        cancel.setObjectName("cancelAnswer")
        box.setDefaultButton(save)
        box.setEscapeButton(cancel)
        answers = {save: "save", discard: "discard", cancel: "cancel"}
        box.buttonClicked.connect(lambda button: self.answer_unsaved_question(answers.get(button, "cancel")))
        self.unsaved_question = box
        box.open()
        return box

    def answer_unsaved_question(self, answer: str) -> None:
        """save: save, and close only if it worked; discard: close without saving; cancel: keep editing."""
        self.unsaved_question = None
        if answer == "save":
            if self.save():
                self.accept()
        elif answer == "discard":
            super().reject()

    def show_validation(self, error: ValidationError) -> None:
        rest = self.show_extra_errors(self.form.show_errors(error.fields))
        if rest:
            self.general_error.set_message("\n".join(text(message) for message in rest.values()))
        first = self.form.first_error()
        if first is not None:
            self.reveal(self.form.editors[first])

    def reveal(self, widget: QWidget) -> None:
        """Bring the tab holding `widget` to the front and focus it."""
        child: QWidget | None = widget
        while child is not None:
            parent = child.parentWidget()
            tabs = parent.parentWidget() if isinstance(parent, QStackedWidget) else None
            if isinstance(tabs, QTabWidget):
                tabs.setCurrentWidget(child)
            child = parent
        widget.setFocus()

    def show_conflict(self, error: ConflictError, mine: dict[str, Any]) -> None:
        changed: list[str] = []
        record_id = error.record_id or self.record_id
        try:
            newer = self.record_values(self.fetch(record_id)) if record_id is not None else {}
        except ItakuError:
            newer = {}
        for name, value in newer.items():
            before = self.loaded_record_values.get(name)
            if value != before and not (is_blank(value) and is_blank(before)):
                changed.append(
                    f"{field_label(self.form.field(name))}: {describe(before)} → {describe(value)}"
                )
        self.banner.show_conflict(error, changed)

    def overwrite(self) -> None:
        """Save the user's edits over the newer version, after they saw what it changed."""
        assert self.record_id is not None
        try:
            current = self.fetch(self.record_id)
        except ItakuError as error:
            self.general_error.set_message(describe_error(error))
            return
        self.version = current.version
        self.loaded_record_values = self.record_values(current)
        self.banner.hide()
        self.save()
