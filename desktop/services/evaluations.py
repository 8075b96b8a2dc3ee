"""Contractor evaluations (委託先評価): scored against the checklist template, result derived by rule."""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.checklist import ChecklistItem, Score, items_for_route, score_evaluation
from desktop.domain.enums import EvaluationRoute
from desktop.domain.errors import Message, ValidationError
from desktop.domain.kinds import RecordType
from desktop.domain.rules import add_months
from desktop.domain.schema import EVALUATION, clean_search_text
from desktop.services import approval, records
from desktop.services.context import ServiceContext
from desktop.services.settings import SettingsService
from desktop.store.models import Contractor, Evaluation


@dataclass(frozen=True)
class EvaluationRow:
    id: int
    contractor_id: int
    contractor_name: str
    evaluated_on: date
    evaluator: str
    route: str
    total_score: int
    max_score: int
    result: str
    approved_on: date | None
    next_due_on: date | None
    version: int
    approver: str | None = None
    is_superseded: bool = False  # a newer approved version replaced it


class EvaluationService(approval.Approvals[Evaluation]):
    model = Evaluation
    schema = EVALUATION

    def __init__(self, context: ServiceContext, settings: SettingsService):
        self.context = context
        self.settings = settings

    def items_for(self, route: str) -> tuple[ChecklistItem, ...]:
        return items_for_route(self.settings.evaluation_template(), route)

    def preview(self, route: str, scores: dict[str, int]) -> Score:
        """Score and result for the form to show live, without saving."""
        return score_evaluation(self.items_for(route), scores, self.settings.thresholds())

    def default_due(self, evaluated_on: date) -> date:
        return add_months(evaluated_on, int(self.settings.get("evaluation_interval_months")))

    def list(self, contractor_id: int | None = None, text: str | None = None) -> list[EvaluationRow]:
        text = clean_search_text(text)
        query = (
            select(
                Evaluation.id,
                Evaluation.contractor_id,
                Contractor.name.label("contractor_name"),
                Evaluation.evaluated_on,
                Evaluation.evaluator,
                Evaluation.route,
                Evaluation.total_score,
                Evaluation.max_score,
                Evaluation.result,
                Evaluation.approved_on,
                Evaluation.next_due_on,
                Evaluation.version,
                Evaluation.approver,
                Evaluation.is_superseded,
            )
            .join(Contractor)
            .order_by(Evaluation.evaluated_on.desc(), Evaluation.id.desc())
        )
        if contractor_id is not None:
            query = query.where(Evaluation.contractor_id == contractor_id)
        if text:
            query = query.where(Contractor.name.contains(text.strip(), autoescape=True))
        with self.context.read() as session:
            return [EvaluationRow(**row._mapping) for row in session.execute(query)]

    def get(self, evaluation_id: int) -> Evaluation:
        with self.context.read() as session:
            return records.load(session, Evaluation, evaluation_id, RecordType.EVALUATION)

    def create(self, data: dict[str, Any], scores: dict[str, int]) -> Evaluation:
        """A new evaluation, awaiting an officer's approval."""
        with self.context.write() as session:
            approval.refuse_approval_through_edit(Evaluation(), data)
            extra: dict[str, Any] = {}
            evaluation = records.create(
                session,
                self.context,
                Evaluation,
                EVALUATION,
                data,
                extra=extra,
                check=lambda clean: extra.update(self._derive(session, clean, scores)),
            )
            return evaluation

    def update(
        self,
        evaluation_id: int,
        changes: dict[str, Any],
        scores: dict[str, int] | None,
        expected_version: int | None,
    ) -> Evaluation:
        """Edit a pending evaluation; editing an approved one creates a new version awaiting approval."""
        with self.context.write() as session:
            evaluation = records.load(session, Evaluation, evaluation_id, RecordType.EVALUATION)
            current_scores = {item["code"]: item["score"] for item in evaluation.items}
            use_scores = current_scores if scores is None else scores
            extra: dict[str, Any] = {}
            return approval.edit(
                session,
                self.context,
                Evaluation,
                EVALUATION,
                evaluation,
                changes,
                expected_version,
                copy_extra=lambda record: {},
                extra=extra,
                check=lambda clean: extra.update(
                    self._derive(session, clean, use_scores, evaluation.items, evaluation.route)
                ),
            )

    def delete(self, evaluation_id: int, expected_version: int | None) -> None:
        with self.context.write() as session:
            evaluation = records.load(session, Evaluation, evaluation_id, RecordType.EVALUATION)
            approval.require_delete(self.context, evaluation)
            records.delete(session, self.context, evaluation, EVALUATION, expected_version)

    def _derive(
        self,
        session: Session,
        clean: dict[str, Any],
        scores: dict[str, int],
        snapshot: builtins.list[dict[str, Any]] | None = None,
        snapshot_route: str | None = None,
    ) -> dict[str, Any]:
        """Check the contractor and certificate, score the items, default the due date."""
        contractor = session.get(Contractor, clean["contractor_id"])
        if contractor is None:
            raise ValidationError({"contractor_id": Message("委託先が存在しません", "no such contractor")})
        route = clean["route"]
        certificate_number: str | None = None
        certificate_expiry: date | None = None
        if route != EvaluationRoute.FULL.value:
            if route == EvaluationRoute.PRIVACY_MARK.value:
                certificate_number, certificate_expiry = (
                    contractor.privacy_mark_number,
                    contractor.privacy_mark_expiry,
                )
                name = Message("プライバシーマーク", "Privacy Mark")
            else:
                certificate_number, certificate_expiry = contractor.isms_number, contractor.isms_expiry
                name = Message("ISMS認証", "ISMS certificate")
            if (
                not certificate_number
                or certificate_expiry is None
                or certificate_expiry < clean["evaluated_on"]
            ):
                raise ValidationError(
                    {
                        "route": Message(
                            f"簡易評価には評価日に有効な{name.ja}（番号と有効期限）が委託先に登録されている必要があります",
                            f"the simplified route needs a {name.en} (number and expiry) valid on the evaluation date",
                        )
                    }
                )
        if (
            snapshot is not None
            and snapshot_route == route
            and {item["code"] for item in snapshot} == set(scores)
        ):
            # Re-scoring a saved evaluation keeps the items it was made with, whatever the template now says.
            fields = ChecklistItem.__dataclass_fields__
            items = tuple(
                ChecklistItem(**{k: v for k, v in item.items() if k in fields}) for item in snapshot
            )
        else:
            items = self.items_for(route)
        score = score_evaluation(items, scores, self.settings.thresholds())
        default_due = self.default_due(clean["evaluated_on"])
        if clean.get("next_due_on") is None:
            clean["next_due_on"] = default_due
        elif clean["next_due_on"] != default_due and not clean.get("next_due_reason"):
            raise ValidationError(
                {
                    "next_due_reason": Message(
                        f"次回評価予定日を標準（{default_due:%Y-%m-%d}）から変更する場合は理由を入力してください",
                        f"give a reason for moving the next due date from the default ({default_due:%Y-%m-%d})",
                    )
                }
            )
        if clean["next_due_on"] <= clean["evaluated_on"]:
            raise ValidationError(
                {
                    "next_due_on": Message(
                        "次回評価予定日は評価日より後にしてください",
                        "the next due date must be after the evaluation date",
                    )
                }
            )
        if clean.get("approved_on") and clean["approved_on"] < clean["evaluated_on"]:
            raise ValidationError(
                {
                    "approved_on": Message(
                        "承認日は評価日以降にしてください",
                        "the approval date must not precede the evaluation",
                    )
                }
            )
        if clean.get("approved_on") and not clean.get("approver"):
            raise ValidationError(
                {
                    "approver": Message(
                        "承認日がある場合は承認者を入力してください",
                        "an approval date needs the approver's name",
                    )
                }
            )
        return {
            "items": [{**item.to_dict(), "score": scores[item.code]} for item in items],
            "total_score": score.total,
            "max_score": score.maximum,
            "result": score.result.value,
            "certificate_number": certificate_number,
            "certificate_expiry": certificate_expiry,
        }
