"""The facts the compliance rules read (desktop.domain.facts), loaded in a fixed handful of queries."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import String, and_, func, or_, select, type_coerce
from sqlalchemy.orm import Session

from desktop.domain.consent_chain import authorities_of
from desktop.domain.enums import (
    ContractKind,
    ContractorKind,
    ContractorStatus,
    EngagementStatus,
    EvaluationResult,
    EvaluationRoute,
    JointUseChangeBasis,
    JointUseChangeField,
    OptOutChangeField,
    ProvisionBasis,
    ProvisionExemption,
    RecordForm,
    RequestDecision,
    RequestType,
)
from desktop.domain.errors import UnexpectedValueError
from desktop.domain.facts import (
    ComplianceFacts,
    ConsentHopFacts,
    ContractFacts,
    ContractorFacts,
    CorrectiveActionFacts,
    EngagementFacts,
    EvaluationFacts,
    IncidentFacts,
    JointUseChangeFacts,
    JointUseFacts,
    OptOutChangeFacts,
    OptOutFacts,
    ProvisionFacts,
    ReceiptFacts,
    RedelegationFacts,
    RequestFacts,
    StopRequestFacts,
    facts_from_rows,
    handles_pi,
)
from desktop.domain.kinds import RecordType
from desktop.domain.ledger import IMPORTED_EVALUATION_NOTE, IMPORTED_NDA_NOTE
from desktop.domain.opt_out_items import special_care_items
from desktop.store.models import (
    RECORD_MODELS,
    AuditEvent,
    ConsentHop,
    Contract,
    Contractor,
    CorrectiveAction,
    Engagement,
    Evaluation,
    Incident,
    JointUse,
    JointUseChange,
    OptOut,
    OptOutChange,
    Provision,
    Receipt,
    Redelegation,
    Request,
    Setting,
    StopRequest,
)


def _counts(model: Any) -> list[Any]:
    """Only an officer-approved, current version of an evaluation or contract counts for the rules."""
    return [model.approved_on.is_not(None), model.is_superseded.is_(False)]


def _present(text: str | None) -> bool:
    return bool(text and text.strip())


def _has_items(value: Any) -> bool:
    """Whether a JSON column holds something (a non-empty list): the raw text is read, as decoding
    100,000 lists only to test them for emptiness costs half a second."""
    if value is None:
        return False
    if isinstance(value, str):
        if value in ("[]", "null", "{}", '""'):
            return False
        if value[:1] == "[" and value[1:2] not in ("]", " ", "\n", "\r", "\t"):
            return True  # a JSON array with a first element
        return bool(json.loads(value))
    return bool(value)  # a driver that decodes JSON itself (psycopg)


def _day(value: Any) -> date | None:
    """A date column read as text on SQLite (ISO format), or a date from a driver that converts itself."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def _days(column: Any) -> Any:
    return type_coerce(column, String)


@dataclass(frozen=True)
class FactsScope:
    """Which records' facts to load: these contractors (with their evaluations, contracts and incidents), these
    engagements (with their consents and re-delegations, and the contractors those name), these joint uses
    (with their changes), these opt-out arrangements (with their changes and stop requests), and these
    provisions, receipts, requests and incidents. The corrective actions on the scope's contractors, joint
    uses and opt-outs come with them."""

    contractor_ids: frozenset[int] = frozenset()
    engagement_ids: frozenset[int] = frozenset()
    joint_use_ids: frozenset[int] = frozenset()
    opt_out_ids: frozenset[int] = frozenset()
    provision_ids: frozenset[int] = frozenset()
    receipt_ids: frozenset[int] = frozenset()
    request_ids: frozenset[int] = frozenset()
    incident_ids: frozenset[int] = frozenset()


def _where(scope: FactsScope | None, condition: Callable[[FactsScope], Any]) -> list[Any]:
    return [] if scope is None else [condition(scope)]


def _execute(session: Session, wanted: bool, statement: Any) -> Any:
    """The statement's rows; none, without asking the database, when the scope names no record it reads."""
    return session.execute(statement) if wanted else ()


def load_facts(session: Session, scope: FactsScope | None = None) -> ComplianceFacts:
    """The facts the rules read, in nine queries whatever the number of records (all of them, or those
    of a scope: then a tenth first finds the scope's re-delegations, so every query reads by index; a kind of
    facts the scope names none of is not asked for)."""
    named: frozenset[int] = frozenset()  # contractors the scope's re-delegations name
    redelegation_ids: frozenset[int] = frozenset()
    if scope is not None and scope.engagement_ids:
        found = session.execute(
            select(Redelegation.id, Redelegation.contractor_id).where(
                Redelegation.engagement_id.in_(scope.engagement_ids)
            )
        ).all()
        redelegation_ids = frozenset(row[0] for row in found)
        named = frozenset(row[1] for row in found)
    # Dates are read as text and JSON lists tested as text (see _day, _has_items): SQLAlchemy's
    # per-value processing was most of the time on 100,000 contractors.
    contractors = facts_from_rows(
        ContractorFacts,
        (
            (
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                handles_pi(_has_items(r[5]), bool(r[12]), bool(r[13])),
                _day(r[6]),
                _day(r[7]),
                _day(r[8]),
                _present(r[9]),
                _day(r[10]),
                _day(r[11]),
                _day(r[14]),
            )
            for r in _execute(
                session,
                scope is None or bool(scope.contractor_ids | named),
                select(
                    Contractor.id,
                    Contractor.name,
                    Contractor.kind,
                    Contractor.country,
                    Contractor.status,
                    type_coerce(Contractor.pi_items, String),
                    _days(Contractor.start_date),
                    _days(Contractor.end_date),
                    _days(Contractor.disposition_date),
                    Contractor.foreign_regime_note,
                    _days(Contractor.privacy_mark_expiry),
                    _days(Contractor.isms_expiry),
                    Contractor.handles_my_number,
                    Contractor.handles_special_care,
                    _days(Contractor.imported_on),
                ).where(*_where(scope, lambda scope: Contractor.id.in_(scope.contractor_ids | named))),
            )
        ),
    )
    evaluations = facts_from_rows(
        EvaluationFacts,
        (
            (r[0], r[1], _day(r[2]), r[3], r[4], _day(r[5]), bool(r[6]))
            for r in _execute(
                session,
                scope is None or bool(scope.contractor_ids),
                select(
                    Evaluation.id,
                    Evaluation.contractor_id,
                    _days(Evaluation.evaluated_on),
                    Evaluation.result,
                    Evaluation.route,
                    _days(Evaluation.next_due_on),
                    Evaluation.conditions == IMPORTED_EVALUATION_NOTE,
                ).where(
                    *_counts(Evaluation),
                    *_where(scope, lambda scope: Evaluation.contractor_id.in_(scope.contractor_ids)),
                ),
            )
        ),
    )
    contracts = tuple(
        ContractFacts(
            r.id,
            r.contractor_id,
            r.kind,
            r.title,
            r.effective_from,
            r.expires_on,
            r.auto_renewal,
            r.renewal_term_months,
            tuple(r.clauses or ()),
            r.notes == IMPORTED_NDA_NOTE,
        )
        for r in _execute(
            session,
            scope is None or bool(scope.contractor_ids),
            select(
                Contract.id,
                Contract.contractor_id,
                Contract.kind,
                Contract.title,
                Contract.effective_from,
                Contract.expires_on,
                Contract.auto_renewal,
                Contract.renewal_term_months,
                Contract.clauses,
                Contract.notes,
            ).where(
                *_counts(Contract),
                *_where(scope, lambda scope: Contract.contractor_id.in_(scope.contractor_ids)),
            ),
        )
    )
    engagements = tuple(
        EngagementFacts(r[0], r[1], r[2], r[3], r[4], r[5], r[6], tuple(r[7] or ()), authorities_of(r[8]))
        for r in _execute(
            session,
            scope is None or bool(scope.engagement_ids),
            select(
                Engagement.id,
                Engagement.client_name,
                Engagement.client_is_original,
                Engagement.original_business_name,
                Engagement.start_date,
                Engagement.end_date,
                Engagement.status,
                Engagement.intermediate_clients,
                Engagement.consent_authorities,
            ).where(*_where(scope, lambda scope: Engagement.id.in_(scope.engagement_ids))),
        )
    )
    hops = tuple(
        ConsentHopFacts(*r)
        for r in _execute(
            session,
            scope is None or bool(scope.engagement_ids | redelegation_ids),
            select(
                ConsentHop.id,
                ConsentHop.engagement_id,
                ConsentHop.redelegation_id,
                ConsentHop.consented_on,
                ConsentHop.given_by,
                ConsentHop.link_from,
                ConsentHop.link_to,
                ConsentHop.from_party,
                ConsentHop.to_party,
            ).where(
                *_where(
                    scope,
                    lambda scope: or_(
                        ConsentHop.engagement_id.in_(scope.engagement_ids),
                        ConsentHop.redelegation_id.in_(redelegation_ids),
                    ),
                )
            ),
        )
    )
    redelegations = tuple(
        RedelegationFacts(*r)
        for r in _execute(
            session,
            scope is None or bool(scope.engagement_ids),
            select(
                Redelegation.id,
                Redelegation.engagement_id,
                Redelegation.contractor_id,
                Redelegation.start_date,
                Redelegation.end_date,
            ).where(*_where(scope, lambda scope: Redelegation.engagement_id.in_(scope.engagement_ids))),
        )
    )
    joint_uses = tuple(
        JointUseFacts(
            r.id,
            r.title,
            r.start_date,
            r.end_date,
            r.notice_published_on,
            _present(r.joint_use_statement),
            bool(r.pi_items),
            _present(r.scope) or bool(r.joint_users),
            _present(r.purposes),
            _present(r.responsible_name),
            _present(r.responsible_address),
            r.responsible_is_corporation,
            _present(r.responsible_representative),
            _present(r.acquisition_method),
        )
        for r in _execute(
            session,
            scope is None or bool(scope.joint_use_ids),
            select(
                JointUse.id,
                JointUse.title,
                JointUse.start_date,
                JointUse.end_date,
                JointUse.notice_published_on,
                JointUse.joint_use_statement,
                JointUse.pi_items,
                JointUse.scope,
                JointUse.joint_users,
                JointUse.purposes,
                JointUse.responsible_name,
                JointUse.responsible_address,
                JointUse.responsible_is_corporation,
                JointUse.responsible_representative,
                JointUse.acquisition_method,
            ).where(*_where(scope, lambda scope: JointUse.id.in_(scope.joint_use_ids))),
        )
    )
    changes = tuple(
        JointUseChangeFacts(
            r.id, r.joint_use_id, r.field, r.changed_on, r.noticed_on, r.basis, _present(r.basis_reason)
        )
        for r in _execute(
            session,
            scope is None or bool(scope.joint_use_ids),
            select(
                JointUseChange.id,
                JointUseChange.joint_use_id,
                JointUseChange.field,
                JointUseChange.changed_on,
                JointUseChange.noticed_on,
                JointUseChange.basis,
                JointUseChange.basis_reason,
            ).where(*_where(scope, lambda scope: JointUseChange.joint_use_id.in_(scope.joint_use_ids))),
        )
    )
    corrective_actions = facts_from_rows(
        CorrectiveActionFacts,
        (
            (r[0], r[1], r[2], r[3], _day(r[4]))
            for r in _execute(
                session,
                scope is None or bool(scope.contractor_ids | scope.joint_use_ids | scope.opt_out_ids),
                select(
                    CorrectiveAction.id,
                    CorrectiveAction.record_type,
                    CorrectiveAction.record_id,
                    CorrectiveAction.rule,
                    _days(CorrectiveAction.taken_on),
                ).where(
                    *_where(
                        scope,
                        lambda scope: or_(
                            and_(
                                CorrectiveAction.record_type == RecordType.CONTRACTOR.value,
                                CorrectiveAction.record_id.in_(scope.contractor_ids),
                            ),
                            and_(
                                CorrectiveAction.record_type == RecordType.JOINT_USE.value,
                                CorrectiveAction.record_id.in_(scope.joint_use_ids),
                            ),
                            and_(
                                CorrectiveAction.record_type == RecordType.OPT_OUT.value,
                                CorrectiveAction.record_id.in_(scope.opt_out_ids),
                            ),
                        ),
                    )
                ),
            )
        ),
    )
    for kind, rows, field, vocabulary in (
        (RecordType.CONTRACTOR, contractors, "status", ContractorStatus),
        (RecordType.CONTRACTOR, contractors, "kind", ContractorKind),
        (RecordType.EVALUATION, evaluations, "result", EvaluationResult),
        (RecordType.EVALUATION, evaluations, "route", EvaluationRoute),
        (RecordType.CONTRACT, contracts, "kind", ContractKind),
        (RecordType.ENGAGEMENT, engagements, "status", EngagementStatus),
        (RecordType.JOINT_USE_CHANGE, changes, "field", JointUseChangeField),
    ):
        _require_known(kind, rows, field, vocabulary)
    opt_outs, opt_out_changes, stop_requests = _opt_out_facts(session, scope)
    _require_known(RecordType.OPT_OUT_CHANGE, opt_out_changes, "field", OptOutChangeField)
    _require_known(
        RecordType.JOINT_USE_CHANGE,
        (change for change in changes if change.basis is not None),
        "basis",
        JointUseChangeBasis,
    )
    provisions, receipts = _provision_facts(session, scope)
    recorded: tuple[tuple[RecordType, Iterable[Any], str, type[StrEnum]], ...] = (
        (RecordType.PROVISION, provisions, "basis", ProvisionBasis),
        (RecordType.PROVISION, provisions, "exemption", ProvisionExemption),
        (RecordType.PROVISION, provisions, "record_form", RecordForm),
        (RecordType.RECEIPT, receipts, "record_form", RecordForm),
    )
    for record_kind, records, name, known in recorded:  # an unset value is allowed (a finding, not an error)
        _require_known(record_kind, (row for row in records if getattr(row, name) is not None), name, known)
    requests = _request_facts(session, scope)
    _require_known(RecordType.REQUEST, requests, "request_type", RequestType)
    _require_known(RecordType.REQUEST, requests, "decision", RequestDecision)
    incidents = _incident_facts(session, scope)
    return ComplianceFacts(
        contractors,
        evaluations,
        contracts,
        engagements,
        hops,
        redelegations,
        joint_uses,
        changes,
        corrective_actions=corrective_actions,
        opt_outs=opt_outs,
        opt_out_changes=opt_out_changes,
        stop_requests=stop_requests,
        provisions=provisions,
        receipts=receipts,
        requests=requests,
        incidents=incidents,
    )


def _opt_out_facts(
    session: Session, scope: FactsScope | None
) -> tuple[tuple[OptOutFacts, ...], tuple[OptOutChangeFacts, ...], tuple[StopRequestFacts, ...]]:
    """The opt-out arrangements with their changes, in one query (an outer join: a row per change), and their
    stop requests: all of them (a change of one recomputes every finding, see CheckService._bring_up_to_date),
    or the scope's (none, and no query, when it names no opt-out)."""
    if scope is not None and not scope.opt_out_ids:
        return (), (), ()
    opt_outs: dict[int, OptOutFacts] = {}
    changes: list[OptOutChangeFacts] = []
    for r in session.execute(
        select(
            OptOut.id,
            OptOut.title,
            OptOut.start_date,
            OptOut.end_date,
            OptOut.ppc_notified_on,
            OptOut.made_known_on,
            OptOut.purpose_statement,
            OptOut.pi_items,
            OptOut.provision_method,
            OptOut.stop_statement,
            OptOut.stop_request_method,
            OptOut.acquisition_method,
            OptOut.includes_special_care,
            OptOutChange.id.label("change_id"),
            OptOutChange.field,
            OptOutChange.changed_on,
            OptOutChange.ppc_notified_on.label("change_ppc_notified_on"),
            OptOutChange.made_known_on.label("change_made_known_on"),
        )
        .outerjoin(OptOutChange, OptOutChange.opt_out_id == OptOut.id)
        .where(*_where(scope, lambda scope: OptOut.id.in_(scope.opt_out_ids)))
        .order_by(OptOut.id, OptOutChange.id)
    ):
        if r.id not in opt_outs:
            opt_outs[r.id] = OptOutFacts(
                r.id,
                r.title,
                r.start_date,
                r.end_date,
                r.ppc_notified_on,
                r.made_known_on,
                _present(r.purpose_statement),
                bool(r.pi_items),
                _present(r.provision_method),
                _present(r.stop_statement),
                _present(r.stop_request_method),
                _present(r.acquisition_method),
                bool(r.includes_special_care),
                special_care_items(r.pi_items or ()),
            )
        if r.change_id is not None:
            changes.append(
                OptOutChangeFacts(
                    r.change_id,
                    r.id,
                    r.field,
                    r.changed_on,
                    r.change_ppc_notified_on,
                    r.change_made_known_on,
                )
            )
    return tuple(opt_outs.values()), tuple(changes), _stop_request_facts(session, scope)


def _stop_request_facts(session: Session, scope: FactsScope | None) -> tuple[StopRequestFacts, ...]:
    """Every stop request, or those to the scope's opt-outs (provision.after_stop_request matches them against
    the provisions under the same opt-out)."""
    return facts_from_rows(
        StopRequestFacts,
        session.execute(
            select(
                StopRequest.id,
                StopRequest.opt_out_id,
                StopRequest.person,
                StopRequest.person_reference,
                StopRequest.effective_on,
            )
            .where(*_where(scope, lambda scope: StopRequest.opt_out_id.in_(scope.opt_out_ids)))
            .order_by(StopRequest.id)
        ),
    )


def person_reference_lines(text: str | None) -> tuple[str, ...]:
    """A provision's person references: one identifier a line, stripped, blank lines dropped."""
    return tuple(line.strip() for line in (text or "").splitlines() if line.strip())


def _provision_facts(
    session: Session, scope: FactsScope | None
) -> tuple[tuple[ProvisionFacts, ...], tuple[ReceiptFacts, ...]]:
    """The third-party provision records and receipt confirmation records (issue 15): all of them (a change of
    one recomputes every finding, see CheckService._bring_up_to_date), or the scope's (no query when the scope
    names neither)."""
    if scope is not None and not (scope.provision_ids or scope.receipt_ids):
        return (), ()
    provisions = tuple(
        ProvisionFacts(
            p.id,
            p.recipient_name,
            p.provided_on,
            p.period_from,
            p.period_to,
            bool(p.recipient_is_corporation),
            _present(p.recipient_address),
            _present(p.recipient_representative),
            _present(p.persons),
            person_reference_lines(p.person_references),
            tuple(p.pi_items or ()),
            p.basis,
            p.exemption,
            p.opt_out_id,
            p.method is not None,
            p.record_form,
        )
        for p in session.execute(
            select(
                Provision.id,
                Provision.recipient_name,
                Provision.provided_on,
                Provision.period_from,
                Provision.period_to,
                Provision.recipient_is_corporation,
                Provision.recipient_address,
                Provision.recipient_representative,
                Provision.persons,
                Provision.person_references,
                Provision.pi_items,
                Provision.basis,
                Provision.exemption,
                Provision.opt_out_id,
                Provision.method,
                Provision.record_form,
            )
            .where(*_where(scope, lambda scope: Provision.id.in_(scope.provision_ids)))
            .order_by(Provision.id)
        )
    )
    receipts = tuple(
        ReceiptFacts(
            r.id,
            r.provider_name,
            r.received_on,
            r.period_from,
            r.period_to,
            bool(r.provider_is_corporation),
            _present(r.provider_address),
            _present(r.provider_representative),
            _present(r.acquisition_confirmation),
            r.confirmed_on,
            _present(r.confirmation_method),
            _present(r.persons),
            bool(r.pi_items),
            r.record_form,
        )
        for r in session.execute(
            select(
                Receipt.id,
                Receipt.provider_name,
                Receipt.received_on,
                Receipt.period_from,
                Receipt.period_to,
                Receipt.provider_is_corporation,
                Receipt.provider_address,
                Receipt.provider_representative,
                Receipt.acquisition_confirmation,
                Receipt.confirmed_on,
                Receipt.confirmation_method,
                Receipt.persons,
                Receipt.pi_items,
                Receipt.record_form,
            )
            .where(*_where(scope, lambda scope: Receipt.id.in_(scope.receipt_ids)))
            .order_by(Receipt.id)
        )
    )
    return provisions, receipts


# Data-subject requests and incidents (issue 15) ----------------------------------------------------------
def _request_facts(session: Session, scope: FactsScope | None) -> tuple[RequestFacts, ...]:
    """Every request (a change of one recomputes every finding: see CheckService._bring_up_to_date), or the
    scope's."""
    if scope is not None and not scope.request_ids:
        return ()
    return tuple(
        RequestFacts(r[0], r[1], r[2], r[3], r[4], _present(r[5]), r[6])
        for r in session.execute(
            select(
                Request.id,
                Request.requester,
                Request.request_type,
                Request.received_on,
                Request.decision,
                Request.refusal_ground,
                Request.replied_on,
            )
            .where(*_where(scope, lambda scope: Request.id.in_(scope.request_ids)))
            .order_by(Request.id)
        )
    )


def _incident_facts(session: Session, scope: FactsScope | None) -> tuple[IncidentFacts, ...]:
    """Every incident; for a scope, those at the scope's contractors (the rule
    contractor.reevaluation_after_incident reads them with the contractor's evaluations) and those it names."""
    query = select(
        Incident.id,
        Incident.title,
        Incident.discovered_on,
        Incident.contractor_id,
        Incident.person_count,
        Incident.involves_special_care,
        Incident.may_cause_financial_damage,
        Incident.is_malicious,
        Incident.over_thousand_persons,
        Incident.ppc_preliminary_reported_on,
        Incident.ppc_confirmed_reported_on,
        Incident.persons_notified_on,
        Incident.pmark_preliminary_reported_on,
        Incident.pmark_confirmed_reported_on,
        Incident.pi_items,
    ).order_by(Incident.id)
    if scope is not None:
        if not scope.contractor_ids and not scope.incident_ids:
            return ()
        query = query.where(
            or_(Incident.contractor_id.in_(scope.contractor_ids), Incident.id.in_(scope.incident_ids))
        )
    return tuple(
        IncidentFacts(
            r.id,
            r.title,
            r.discovered_on,
            r.contractor_id,
            r.person_count,
            bool(r.involves_special_care),
            bool(r.may_cause_financial_damage),
            bool(r.is_malicious),
            bool(r.over_thousand_persons),
            r.ppc_preliminary_reported_on,
            r.ppc_confirmed_reported_on,
            r.persons_notified_on,
            r.pmark_preliminary_reported_on,
            r.pmark_confirmed_reported_on,
            special_care_items(r.pi_items or ()),
        )
        for r in session.execute(query)
    )


def _require_known(kind: RecordType, rows: Iterable[Any], field: str, vocabulary: type[StrEnum]) -> None:
    """The rules decide on these values: one they do not know (written behind the app) would make a record
    drop out of every check in silence, so it stops the check with the record, field and value named."""
    known = frozenset(member.value for member in vocabulary)
    for row in rows:
        value = getattr(row, field)
        if value not in known:
            raise UnexpectedValueError(kind, row.id, field, value)


def stored_settings(session: Session) -> dict[str, Any]:
    """The settings rows as stored (key → value), read in the caller's transaction."""
    return {row.key: row.value for row in session.scalars(select(Setting))}


def record_counts(session: Session, kinds: Iterable[RecordType]) -> dict[RecordType, int]:
    """The number of rows of each of these kinds of record."""
    return {
        kind: int(session.scalar(select(func.count()).select_from(RECORD_MODELS[kind])) or 0)
        for kind in kinds
    }


def changes_since(session: Session, head_id: int, limit: int) -> list[tuple[str, int, dict[str, Any]]] | None:
    """The record type, id and changed fields of each audit event after `head_id`, oldest first; None when
    there are more than `limit` (then everything is computed again)."""
    rows = session.execute(
        select(AuditEvent.record_type, AuditEvent.record_id, AuditEvent.changes)
        .where(AuditEvent.id > head_id)
        .order_by(AuditEvent.id)
        .limit(limit + 1)
    ).all()
    if len(rows) > limit:
        return None
    return [(str(row[0]), int(row[1]), row[2] if isinstance(row[2], dict) else {}) for row in rows]


def event_hash(session: Session, event_id: int) -> str | None:
    return session.scalar(select(AuditEvent.hash).where(AuditEvent.id == event_id))


# The record a dependent record's findings belong to: (the dependent model, its owner column).
_OWNER_COLUMNS: dict[RecordType, tuple[Any, Any]] = {
    RecordType.EVALUATION: (Evaluation, Evaluation.contractor_id),
    RecordType.CONTRACT: (Contract, Contract.contractor_id),
    RecordType.REDELEGATION: (Redelegation, Redelegation.engagement_id),
    RecordType.CONSENT_HOP: (ConsentHop, ConsentHop.engagement_id),
    RecordType.JOINT_USE_CHANGE: (JointUseChange, JointUseChange.joint_use_id),
}


def current_owners(session: Session, kind: RecordType, ids: Iterable[int]) -> set[int]:
    """The owners (contractor, engagement or joint use ids) that records of a dependent kind belong to now;
    a consent to a re-delegation also belongs to the re-delegation's engagement."""
    model, column = _OWNER_COLUMNS[kind]
    wanted = list(ids)
    owners = {int(value) for value in session.scalars(select(column).where(model.id.in_(wanted)))}
    if kind is RecordType.CONSENT_HOP:
        owners |= {
            int(value)
            for value in session.scalars(
                select(Redelegation.engagement_id).where(
                    Redelegation.id.in_(select(ConsentHop.redelegation_id).where(ConsentHop.id.in_(wanted)))
                )
            )
        }
    return owners


def engagements_redelegating_to(session: Session, contractor_ids: Iterable[int]) -> set[int]:
    """The engagements with a re-delegation to one of these contractors (their findings name it)."""
    return {
        int(value)
        for value in session.scalars(
            select(Redelegation.engagement_id).where(Redelegation.contractor_id.in_(list(contractor_ids)))
        )
    }


def record_scope(session: Session, kind: RecordType, record_id: int) -> FactsScope | None:
    """The facts one record's own findings are computed from (`load_facts` with this scope, then the rules):
    the record with what its rules read, found by id in a query or two, whatever the size of the database.

    - a contractor: with its evaluations, contracts, incidents and corrective actions; a contract: its
      contractor's (the rules read a contractor's contracts together);
    - an engagement, or a re-delegation (its engagement's): with its consents and re-delegations, and the
      contractors those name with their own facts (whether one has blocking findings is a finding of the
      re-delegation);
    - a joint use with its changes; an opt-out with its changes and stop requests; a provision with the
      opt-out it was made under (its notification and stop requests); a receipt, a request, an incident alone.

    None for a kind no rule makes findings on (an evaluation's verdicts are its contractor's findings)."""
    if kind is RecordType.CONTRACTOR:
        return FactsScope(contractor_ids=frozenset({record_id}))
    if kind is RecordType.CONTRACT:
        return FactsScope(contractor_ids=frozenset(current_owners(session, kind, (record_id,))))
    if kind in (RecordType.ENGAGEMENT, RecordType.REDELEGATION):
        engagements = frozenset(
            {record_id} if kind is RecordType.ENGAGEMENT else current_owners(session, kind, (record_id,))
        )
        named = session.scalars(
            select(Redelegation.contractor_id).where(Redelegation.engagement_id.in_(engagements))
        )
        return FactsScope(contractor_ids=frozenset(named), engagement_ids=engagements)
    if kind is RecordType.JOINT_USE:
        return FactsScope(joint_use_ids=frozenset({record_id}))
    if kind is RecordType.OPT_OUT:
        return FactsScope(opt_out_ids=frozenset({record_id}))
    if kind is RecordType.PROVISION:
        opt_out = session.scalar(select(Provision.opt_out_id).where(Provision.id == record_id))
        opt_outs = frozenset() if opt_out is None else frozenset({int(opt_out)})
        return FactsScope(provision_ids=frozenset({record_id}), opt_out_ids=opt_outs)
    if kind is RecordType.RECEIPT:
        return FactsScope(receipt_ids=frozenset({record_id}))
    if kind is RecordType.REQUEST:
        return FactsScope(request_ids=frozenset({record_id}))
    if kind is RecordType.INCIDENT:
        return FactsScope(incident_ids=frozenset({record_id}))
    return None
