"""Corrective actions (是正処置): what was done about a finding of a past lapse, when and by whom.

A corrective action closes the finding of a lapse that is over and cannot be undone, on the record the finding
is on (`record_type`, `record_id`): work entrusted before the contractor was selected and contracted (JIS Q
15001 orders select, contract, entrust) or whose selection an imported ledger leaves unconfirmed; a joint use
begun before its notice was published, a change to it noticed late; an opt-out provision begun before its
notification, a change to it notified late (desktop.domain.rules.CLOSABLE_RULES). It never closes a breach
still going on: those findings go away when the records are put right, so recording one against such a rule
is refused, and a rule's finding of a thing still not done is not closed by one either.

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
from desktop.domain.rules import CLOSABLE_RULES, CORRECTABLE_RECORD_TYPES, RULE_INFO
from desktop.domain.schema import CORRECTIVE_ACTION, record_type_label
from desktop.services import records
from desktop.services.context import ServiceContext
from desktop.store.models import RECORD_MODELS, Contractor, CorrectiveAction, JointUse, OptOut


@dataclass(frozen=True)
class CorrectiveActionRow:
    """One corrective action as the lists, registers and the workbook show it."""

    id: int
    record_type: str
    record_id: int
    record_label: str  # the contractor's name, the joint use's or opt-out's title
    rule: str
    action: str
    taken_on: date
    taken_by: str
    notes: str | None
    recorded_by: str
    version: int


# The records a corrective action may be on (CORRECTABLE_RECORD_TYPES), with the column that names one.
_LABELS: dict[RecordType, Any] = {
    RecordType.CONTRACTOR: Contractor.name,
    RecordType.JOINT_USE: JointUse.title,
    RecordType.OPT_OUT: OptOut.title,
}
assert set(_LABELS) == set(CORRECTABLE_RECORD_TYPES)


class CorrectiveActionService:
    def __init__(self, context: ServiceContext):
        self.context = context

    def list(
        self,
        contractor_id: int | None = None,
        as_of: date | None = None,
        *,
        record_type: str | None = None,
        record_id: int | None = None,
    ) -> list[CorrectiveActionRow]:
        """Every corrective action (on one record: a contractor's with `contractor_id`), oldest first; with
        `as_of`, those taken by then."""
        if contractor_id is not None:
            record_type, record_id = RecordType.CONTRACTOR.value, contractor_id
        query = select(CorrectiveAction).order_by(CorrectiveAction.taken_on, CorrectiveAction.id)
        if record_type is not None:
            query = query.where(CorrectiveAction.record_type == record_type)
        if record_id is not None:
            query = query.where(CorrectiveAction.record_id == record_id)
        if as_of is not None:
            query = query.where(CorrectiveAction.taken_on <= as_of)
        with self.context.read() as session:
            actions = list(session.scalars(query))
            labels = _record_labels(session, actions)
            return [
                CorrectiveActionRow(
                    a.id,
                    a.record_type,
                    a.record_id,
                    labels.get((a.record_type, a.record_id), f"{a.record_type} #{a.record_id}"),
                    a.rule,
                    a.action,
                    a.taken_on,
                    a.taken_by,
                    a.notes,
                    a.updated_by,
                    a.version,
                )
                for a in actions
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
        rule = str(clean.get("rule") or "")
        problem = rule_problem(rule)
        if problem is not None:
            errors["rule"] = problem
        record_type, record_id = clean.get("record_type"), clean.get("record_id")
        kinds = "、".join(str(kind) for kind in CORRECTABLE_RECORD_TYPES)
        try:
            kind = RecordType(str(record_type))
        except ValueError:
            kind = None
        if kind not in _LABELS:
            errors["record_type"] = Message(
                f"「{record_type}」の記録には是正処置を記録できません（記録できるのは: {kinds}）",
                f"a corrective action is not recorded on '{record_type}' (it is on one of: {kinds})",
            )
        else:
            assert kind is not None
            wanted = CLOSABLE_RULES.get(RuleId(rule)) if problem is None else None
            if wanted is not None and wanted is not kind:
                errors["record_type"] = Message(
                    f"「{rule}」の指摘は{record_type_label(wanted).ja}の記録にあります（{kind}ではありません）",
                    f"the findings of '{rule}' are on a {record_type_label(wanted).en.lower()} record, "
                    f"not a {kind}",
                )
            elif record_id is not None and session.get(RECORD_MODELS[kind], record_id) is None:
                label = record_type_label(kind)
                errors["record_id"] = Message(
                    f"{label.ja} #{record_id} が見つかりません",
                    f"there is no {label.en.lower()} #{record_id}",
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


def _record_labels(session: Session, actions: list[CorrectiveAction]) -> dict[tuple[str, int], str]:
    """The name or title of each record the actions are on (one query per kind)."""
    wanted: dict[str, set[int]] = {}
    for action in actions:
        wanted.setdefault(action.record_type, set()).add(action.record_id)
    labels: dict[tuple[str, int], str] = {}
    for kind, column in _LABELS.items():
        ids = wanted.get(kind.value)
        if ids:
            model: Any = RECORD_MODELS[kind]
            for record_id, label in session.execute(select(model.id, column).where(model.id.in_(ids))):
                labels[(kind.value, record_id)] = label
    return labels


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
