"""Corrective actions (是正処置): what was done about a finding of a past lapse, when and by whom.

A corrective action closes a contractor's finding of a lapse that is over and cannot be undone (work entrusted
before the contractor was selected and contracted: JIS Q 15001 orders select, contract, entrust). It never
closes a breach still going on: those findings go away when the records are put right, so recording one
against such a rule is refused.

The officer records them (Permission.APPROVE, as for approvals): a corrective action makes a finding
disappear from the registers and the workbook an auditor receives, which is the officer's call to make, as
approving an evaluation is. Staff carry the action out and are named as who did it (`taken_by`); on
PostgreSQL the database refuses staff's writes to the table as well (desktop.store.roles).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.errors import Message, ValidationError
from desktop.domain.kinds import RecordType, RuleId
from desktop.domain.roles import Permission
from desktop.domain.rules import CLOSABLE_RULES, RULE_INFO
from desktop.domain.schema import CORRECTIVE_ACTION
from desktop.services import records
from desktop.services.context import ServiceContext
from desktop.store.models import Contractor, CorrectiveAction


@dataclass(frozen=True)
class CorrectiveActionRow:
    """One corrective action as the lists, registers and the workbook show it."""

    id: int
    contractor_id: int
    contractor_name: str
    rule: str
    action: str
    taken_on: date
    taken_by: str
    notes: str | None
    recorded_by: str
    version: int


class CorrectiveActionService:
    def __init__(self, context: ServiceContext):
        self.context = context

    def list(self, contractor_id: int | None = None, as_of: date | None = None) -> list[CorrectiveActionRow]:
        """Every corrective action (of one contractor), oldest first; with `as_of`, those taken by then."""
        query = (
            select(CorrectiveAction, Contractor.name)
            .join(Contractor, Contractor.id == CorrectiveAction.contractor_id)
            .order_by(CorrectiveAction.taken_on, CorrectiveAction.id)
        )
        if contractor_id is not None:
            query = query.where(CorrectiveAction.contractor_id == contractor_id)
        if as_of is not None:
            query = query.where(CorrectiveAction.taken_on <= as_of)
        with self.context.read() as session:
            return [
                CorrectiveActionRow(
                    a.id,
                    a.contractor_id,
                    name,
                    a.rule,
                    a.action,
                    a.taken_on,
                    a.taken_by,
                    a.notes,
                    a.updated_by,
                    a.version,
                )
                for a, name in session.execute(query)
            ]

    def get(self, action_id: int) -> CorrectiveAction:
        with self.context.read() as session:
            return records.load(session, CorrectiveAction, action_id, RecordType.CORRECTIVE_ACTION)

    def create(self, data: dict[str, Any]) -> CorrectiveAction:
        with self.context.write(Permission.APPROVE) as session:
            return records.create(
                session,
                self.context,
                CorrectiveAction,
                CORRECTIVE_ACTION,
                data,
                check=lambda clean: self._check(session, clean),
            )

    def update(
        self, action_id: int, changes: dict[str, Any], expected_version: int | None
    ) -> CorrectiveAction:
        with self.context.write(Permission.APPROVE) as session:
            action = records.load(session, CorrectiveAction, action_id, RecordType.CORRECTIVE_ACTION)
            return records.update(
                session,
                self.context,
                action,
                CORRECTIVE_ACTION,
                changes,
                expected_version,
                check=lambda clean: self._check(session, clean),
            )

    def delete(self, action_id: int, expected_version: int | None) -> None:
        """Withdraw a corrective action recorded in error (audited): its finding opens again."""
        with self.context.write(Permission.APPROVE) as session:
            action = records.load(session, CorrectiveAction, action_id, RecordType.CORRECTIVE_ACTION)
            records.delete(session, self.context, action, CORRECTIVE_ACTION, expected_version)

    def _check(self, session: Session, clean: dict[str, Any]) -> None:
        errors: dict[str, Message] = {}
        problem = rule_problem(str(clean.get("rule") or ""))
        if problem is not None:
            errors["rule"] = problem
        contractor_id = clean.get("contractor_id")
        if contractor_id is not None and session.get(Contractor, contractor_id) is None:
            errors["contractor_id"] = Message(
                f"委託先 #{contractor_id} が見つかりません", f"there is no contractor #{contractor_id}"
            )
        taken_on = clean.get("taken_on")
        today = self.context.today()
        if isinstance(taken_on, date) and taken_on > today:
            errors["taken_on"] = Message(
                f"実施日が今日（{today:%Y-%m-%d}）より後です。実施した是正処置を記録してください",
                f"the date is after today ({today:%Y-%m-%d}): record a corrective action once it is done",
            )
        if errors:
            raise ValidationError(errors)


def rule_problem(rule: str) -> Message | None:
    """Why a corrective action cannot be recorded against `rule` (None: it can)."""
    closable = "、".join(sorted(CLOSABLE_RULES))
    try:
        known = RuleId(rule)
    except ValueError:
        return Message(
            f"「{rule}」という指摘事項の種類はありません（是正処置で閉じられるのは: {closable}）",
            f"'{rule}' is not a rule (a corrective action closes: {closable})",
        )
    if known not in CLOSABLE_RULES:
        title = RULE_INFO[known]
        return Message(
            f"「{title.ja}」（{known}）は今も続いている状態の指摘です。是正処置では閉じられません。"
            f"記録を直すと指摘は消えます（是正処置で閉じられるのは過去の不備の指摘: {closable}）",
            f"'{title.en}' ({known}) finds a breach still going on: a corrective action cannot close it; "
            f"putting the records right does (a corrective action closes findings of past lapses: {closable})",
        )
    return None
