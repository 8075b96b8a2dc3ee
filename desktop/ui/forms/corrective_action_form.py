"""The corrective action (是正処置) form: which finding of a past lapse, what was done, when and by whom.

Opened from the contractor's form (tab 是正処置) or on its own, on a contractor, a joint use or an opt-out
provision (the record the finding is on); only the officer records one (the service refuses anyone else, and
the form says so before anything is typed).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from desktop.domain.errors import Message
from desktop.domain.kinds import RecordType
from desktop.domain.roles import Role
from desktop.domain.rules import CLOSABLE_RULES, CORRECTABLE_RECORD_TYPES, RULE_INFO
from desktop.domain.schema import CORRECTIVE_ACTION, record_type_label
from desktop.ui.forms.base import RecordDialog
from desktop.ui.language import text
from desktop.ui.widgets.schema_form import ChoiceBox


def rule_title(rule: str) -> str:
    """A rule's title in the language of the window (the id itself for a rule this version does not know)."""
    info = RULE_INFO.get(rule)  # type: ignore[call-overload]
    return text(Message(info.ja, info.en)) if info is not None else rule


def rule_choice() -> ChoiceBox:
    """The rules a corrective action may close (findings of past lapses), by their titles."""
    closable = sorted(CLOSABLE_RULES)
    return ChoiceBox(
        ((f"{rule_title(rule)}（{rule}）", str(rule)) for rule in closable),
    )


def record_type_choice() -> ChoiceBox:
    """The kinds of record a corrective action may be on, by their names."""
    return ChoiceBox((text(record_type_label(kind)), str(kind)) for kind in CORRECTABLE_RECORD_TYPES)


class CorrectiveActionDialog(RecordDialog):
    record_type = RecordType.CORRECTIVE_ACTION
    schema = CORRECTIVE_ACTION

    def custom_editors(self) -> dict[str, QWidget]:
        return {"record_type": record_type_choice(), "rule": rule_choice()}

    def build_body(self) -> QWidget:
        self.resize(620, 420)
        return self.form.layout_for(self.form.names)

    def fetch(self, record_id: int) -> Any:
        return self.services.corrective_actions.get(record_id)

    def record_title(self) -> str:
        return self.record.taken_on.isoformat() if self.record is not None else ""

    def read_only_reason(self) -> str:
        if self.services.context.role != Role.OFFICER.value:
            return self.tr("Only the PI protection officer records corrective actions.")
        return ""

    def submit(self, values: dict[str, Any], version: int | None) -> Any:
        if self.record_id is None:
            return self.services.corrective_actions.create(values)
        return self.services.corrective_actions.update(self.record_id, values, version)
