"""The evaluation (委託先評価) form: route, checklist scored 0/1/2, score and result updated live."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.checklist import ChecklistItem, Score, score_evaluation
from desktop.domain.enums import EvaluationResult
from desktop.domain.errors import Message
from desktop.domain.kinds import RecordType
from desktop.domain.schema import EVALUATION
from desktop.ui.forms.approval import ApprovalMixin, ApprovingService
from desktop.ui.forms.base import RecordDialog
from desktop.ui.forms.choices import contractor_choice
from desktop.ui.language import text
from desktop.ui.widgets.checklist_scores import ChecklistScores
from desktop.ui.widgets.date_field import DateField
from desktop.ui.widgets.field_error import FieldErrorLabel
from desktop.ui.widgets.schema_form import ChoiceBox

RESULT_COLOURS = {
    EvaluationResult.PASS.value: "#1e7e34",
    EvaluationResult.CONDITIONAL.value: "#b26a00",
    EvaluationResult.FAIL.value: "#b3261e",
}


def items_from_snapshot(rows: list[dict[str, Any]]) -> tuple[ChecklistItem, ...]:
    fields = ChecklistItem.__dataclass_fields__
    return tuple(ChecklistItem(**{key: value for key, value in row.items() if key in fields}) for row in rows)


class EvaluationDialog(ApprovalMixin, RecordDialog):
    record_type = RecordType.EVALUATION
    schema = EVALUATION

    def custom_editors(self) -> dict[str, QWidget]:
        return {"contractor_id": contractor_choice(self.services)}

    def build_body(self) -> QWidget:
        self.snapshot_route: str | None = None
        self.snapshot_items: tuple[ChecklistItem, ...] = ()
        self.loaded_scores: dict[str, int] = {}
        self.default_due: date | None = None
        self.score: Score | None = None
        body = QWidget(self)
        columns = QHBoxLayout(body)
        columns.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        left.addWidget(self.form.layout_for(self.form.names))
        self.due_hint = QLabel(body)
        self.due_hint.setWordWrap(True)
        self.due_hint.setStyleSheet("color: #5f6368;")
        left.addWidget(self.due_hint)
        result_box = QGroupBox(self.tr("Score and result"), body)
        result_layout = QVBoxLayout(result_box)
        self.score_label = QLabel(result_box)
        self.score_label.setObjectName("scoreLabel")
        self.result_label = QLabel(result_box)
        self.result_label.setObjectName("resultLabel")
        font = QFont(self.result_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.result_label.setFont(font)
        self.failed_label = QLabel(result_box)
        self.failed_label.setObjectName("failedLabel")
        self.failed_label.setWordWrap(True)
        self.failed_label.setStyleSheet("color: #b3261e;")
        for widget in (self.score_label, self.result_label, self.failed_label):
            result_layout.addWidget(widget)
        left.addWidget(result_box)
        left.addStretch(1)
        columns.addLayout(left, 5)
        checklist_box = QGroupBox(self.tr("Checklist (0 = not in place, 1 = partly, 2 = fully)"), body)
        checklist_layout = QVBoxLayout(checklist_box)
        self.checklist = ChecklistScores()
        self.score_errors = FieldErrorLabel(checklist_box)
        checklist_layout.addWidget(self.score_errors)
        scroll = QScrollArea(checklist_box)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.checklist)
        checklist_layout.addWidget(scroll)
        columns.addWidget(checklist_box, 6)
        self.checklist.changed.connect(self.update_score)
        self.form.editor("route", ChoiceBox).changed.connect(self.on_route_changed)
        self.form.editor("evaluated_on", DateField).changed.connect(self.on_evaluated_on_changed)
        self.form.editor("next_due_on", DateField).changed.connect(self.update_due_rule)
        for name in ("approver", "approved_on"):  # set only by the officer's Approve (services/approval.py)
            self.form.editors[name].setEnabled(False)
        self.resize(1180, 820)
        return body

    def add_buttons(self, buttons: QDialogButtonBox) -> None:
        self.add_approval(buttons, self.tr("Record that the PI protection officer approved this evaluation"))

    def approval_service(self) -> ApprovingService:
        return self.services.evaluations

    # Loading ---------------------------------------------------------------------------------------
    def fetch(self, record_id: int) -> Any:
        return self.services.evaluations.get(record_id)

    def start_new(self) -> None:
        today = self.services.context.today()
        self.defaults.setdefault("evaluated_on", today)
        self.defaults.setdefault("evaluator", self.services.context.actor)
        super().start_new()

    def after_new(self) -> None:
        evaluated_on = self.form.editor("evaluated_on", DateField).date()
        if evaluated_on is not None:
            self.default_due = self.services.evaluations.default_due(evaluated_on)
            if self.form.value("next_due_on") is None:
                self.form.set_value("next_due_on", self.default_due)
        self.loaded = self.form.values()
        self.checklist.set_items(self.current_items(), {})
        self.loaded_scores = {}
        self.update_due_rule()

    def after_load(self, record: Any) -> None:
        self.snapshot_route = record.route
        self.snapshot_items = items_from_snapshot(record.items)
        self.loaded_scores = {row["code"]: int(row["score"]) for row in record.items}
        self.default_due = self.services.evaluations.default_due(record.evaluated_on)
        self.checklist.set_items(self.current_items(), self.loaded_scores)
        self.update_due_rule()

    def current_items(self) -> tuple[ChecklistItem, ...]:
        route = self.form.value("route")
        if route is None:
            return ()
        if route == self.snapshot_route and self.snapshot_items:
            # A saved evaluation keeps the items it was scored against (see EvaluationService._derive).
            return self.snapshot_items
        return self.services.evaluations.items_for(route)

    def record_title(self) -> str:
        if self.record is None:
            return ""
        return f"{self.form.editor('contractor_id', ChoiceBox).currentText()} {self.record.evaluated_on:%Y-%m-%d}"

    # Live behaviour --------------------------------------------------------------------------------
    def on_route_changed(self) -> None:
        if not hasattr(self, "checklist"):
            return
        kept = self.checklist.scores()
        self.checklist.set_items(self.current_items(), kept)

    def on_evaluated_on_changed(self) -> None:
        evaluated_on = self.form.editor("evaluated_on", DateField).date()
        if evaluated_on is None:
            return
        new_default = self.services.evaluations.default_due(evaluated_on)
        current_due = self.form.editor("next_due_on", DateField).date()
        if current_due is None or current_due == self.default_due:
            self.form.set_value("next_due_on", new_default)
        self.default_due = new_default
        self.update_due_rule()

    def update_due_rule(self) -> None:
        """A due date moved from the default needs a reason (the service says so too)."""
        if self.default_due is None:
            self.due_hint.setText("")
            return
        due = self.form.editor("next_due_on", DateField).date()
        changed = due is not None and due != self.default_due
        self.form.set_required("next_due_reason", changed)
        hint = self.tr("Default next due date: %1").replace("%1", self.default_due.isoformat())
        if changed:
            hint += self.tr(" — changed, so give the reason.")
        self.due_hint.setText(hint)
        self.update_state()

    def update_score(self) -> None:
        scores = self.checklist.scores()
        items = self.checklist.items
        if not items:
            self.score = None
            self.score_label.setText("")
            self.result_label.setText("")
            self.failed_label.setText("")
            self.update_state()
            return
        failed = [item.code for item in items if item.mandatory and scores.get(item.code) == 0]
        self.checklist.show_failed(failed)
        total = sum(scores.values())
        maximum = sum(item.max_score for item in items)
        unscored = len(items) - len(scores)
        if unscored == 0:
            self.score = self.preview(scores)
            total, maximum = self.score.total, self.score.maximum
            result = self.score.result
            self.result_label.setText(self.tr("Result: %1").replace("%1", text(result.label)))
            self.result_label.setStyleSheet(f"color: {RESULT_COLOURS[result.value]};")
        else:
            self.score = None
            self.result_label.setText(
                self.tr("Result: — (%1 items not scored yet)").replace("%1", str(unscored))
            )
            self.result_label.setStyleSheet("color: #5f6368;")
        percent = 100.0 * total / maximum if maximum else 0.0
        self.score_label.setText(
            self.tr("Score: %1 / %2 (%3%)")
            .replace("%1", str(total))
            .replace("%2", str(maximum))
            .replace("%3", f"{percent:.0f}")
        )
        names = [text(item.label) for item in items if item.code in failed]
        self.failed_label.setText(
            self.tr("Mandatory items scored 0 (the evaluation fails): %1").replace("%1", "、".join(names))
            if names
            else ""
        )
        self.update_state()

    def preview(self, scores: dict[str, int]) -> Score:
        route = self.form.value("route")
        if route == self.snapshot_route and self.checklist.items == self.snapshot_items:
            return score_evaluation(self.snapshot_items, scores, self.services.settings.thresholds())
        return self.services.evaluations.preview(route, scores)

    # State -----------------------------------------------------------------------------------------
    def extra_missing(self) -> list[str]:
        if not hasattr(self, "checklist"):
            return []
        unscored = len(self.checklist.unscored())
        return [self.tr("scores of %1 checklist items").replace("%1", str(unscored))] if unscored else []

    def extra_dirty(self) -> bool:
        return hasattr(self, "checklist") and self.checklist.scores() != self.loaded_scores

    def update_state(self) -> None:
        super().update_state()
        self.update_approval()

    def show_extra_errors(self, errors: dict[str, Message]) -> dict[str, Message]:
        scores = {name: message for name, message in errors.items() if name.startswith("score.")}
        self.score_errors.set_message("\n".join(text(message) for message in scores.values()))
        return {name: message for name, message in errors.items() if name not in scores}

    # Saving ----------------------------------------------------------------------------------------
    def submit(self, values: dict[str, Any], version: int | None) -> Any:
        scores = self.checklist.scores()
        self.score_errors.clear_message()
        if self.record_id is None:
            return self.services.evaluations.create(values, scores)
        return self.services.evaluations.update(self.record_id, values, scores, version)
