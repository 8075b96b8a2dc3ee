"""Running the compliance rules over the database: a fixed handful of queries, then pure Python.

The result is kept in a findings snapshot (table `finding_snapshot`), keyed by the rules version, the as-of
date and the audit chain's head. Every write in Itaku appends an audit event in the same transaction, so
the head (its id and hash) moves with every change of records or settings: a snapshot whose key matches
the current head was computed from exactly the data in the database now. A start-up that finds one
skips loading 100,000 contractors and running the rules.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from typing import Any

from sqlalchemy import String, delete, func, insert, select, type_coerce
from sqlalchemy.orm import Session

from desktop.domain.audit_chain import GENESIS
from desktop.domain.facts import (
    ComplianceFacts,
    ConsentHopFacts,
    ContractFacts,
    ContractorFacts,
    EngagementFacts,
    EvaluationFacts,
    JointUseChangeFacts,
    JointUseFacts,
    RedelegationFacts,
    facts_from_rows,
)
from desktop.domain.kinds import RecordType
from desktop.domain.roles import Permission
from desktop.domain.rules import Deadline, Finding, RuleSettings, evaluate, upcoming_deadlines
from desktop.services.context import ServiceContext
from desktop.services.finding_snapshot import (
    ComplianceState,
    FindingTable,
    decode,
    encode,
    page_of,
    rules_version,
)
from desktop.services.settings import SETTINGS, SettingsService
from desktop.store.models import (
    RECORD_MODELS,
    AuditEvent,
    ConsentHop,
    Contract,
    Contractor,
    Engagement,
    Evaluation,
    FindingSnapshot,
    JointUse,
    JointUseChange,
    Redelegation,
    Setting,
)

SNAPSHOTS_KEPT = 3  # the newest few (e.g. yesterday's and today's as-of date on two machines)
_STORE_BUSY_MS = 20  # how long storing a snapshot may wait for SQLite's write lock before giving up


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


class CheckService:
    def __init__(self, context: ServiceContext, settings: SettingsService):
        self.context = context
        self.settings = settings
        # The facts of the last computation, by audit head: deadlines over another horizon reuse them.
        self._facts_memo: tuple[tuple[int, str], ComplianceFacts] | None = None

    # Facts ------------------------------------------------------------------------------------------
    def load_facts(self) -> ComplianceFacts:
        """Eight queries, whatever the number of records."""
        with self.context.read() as session:
            return self._load_facts(session)

    @staticmethod
    def _load_facts(session: Session) -> ComplianceFacts:
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
                    _has_items(r[5]),
                    _day(r[6]),
                    _day(r[7]),
                    _day(r[8]),
                    _present(r[9]),
                    _day(r[10]),
                    _day(r[11]),
                )
                for r in session.execute(
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
                    )
                )
            ),
        )
        evaluations = facts_from_rows(
            EvaluationFacts,
            (
                (r[0], r[1], _day(r[2]), r[3], r[4], _day(r[5]))
                for r in session.execute(
                    select(
                        Evaluation.id,
                        Evaluation.contractor_id,
                        _days(Evaluation.evaluated_on),
                        Evaluation.result,
                        Evaluation.route,
                        _days(Evaluation.next_due_on),
                    ).where(*_counts(Evaluation))
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
            )
            for r in session.execute(
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
                ).where(*_counts(Contract))
            )
        )
        engagements = tuple(
            EngagementFacts(*r)
            for r in session.execute(
                select(
                    Engagement.id,
                    Engagement.client_name,
                    Engagement.client_is_original,
                    Engagement.original_business_name,
                    Engagement.start_date,
                    Engagement.end_date,
                    Engagement.status,
                )
            )
        )
        hops = tuple(
            ConsentHopFacts(*r)
            for r in session.execute(
                select(
                    ConsentHop.id,
                    ConsentHop.engagement_id,
                    ConsentHop.redelegation_id,
                    ConsentHop.consented_on,
                )
            )
        )
        redelegations = tuple(
            RedelegationFacts(*r)
            for r in session.execute(
                select(
                    Redelegation.id,
                    Redelegation.engagement_id,
                    Redelegation.contractor_id,
                    Redelegation.start_date,
                    Redelegation.end_date,
                )
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
            for r in session.execute(
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
                )
            )
        )
        changes = tuple(
            JointUseChangeFacts(*r)
            for r in session.execute(
                select(
                    JointUseChange.id,
                    JointUseChange.joint_use_id,
                    JointUseChange.field,
                    JointUseChange.changed_on,
                    JointUseChange.noticed_on,
                )
            )
        )
        return ComplianceFacts(
            contractors, evaluations, contracts, engagements, hops, redelegations, joint_uses, changes
        )

    # Findings and deadlines ---------------------------------------------------------------------------
    def state(self, as_of: date | None = None) -> ComplianceState:
        """Findings and deadlines together: from the snapshot when it is current (one query), else computed
        (settings + eight queries, in the same read transaction as the head they are keyed by) and stored."""
        today = as_of or self.context.today()
        version = rules_version()
        with self.context.read() as session:
            head_id, head_hash, payload = self._head_and_snapshot(session, version, today)
            if payload is not None:
                state = decode(payload)
                if state is not None:
                    return state
            values = _setting_values(session)
            facts = self._load_facts(session)
            if not self.context.database.is_sqlite:
                # PostgreSQL reads each statement at its own moment (READ COMMITTED): if the head moved
                # meanwhile, the facts may mix two states, so they are used but not stored.
                head_id_now, head_hash_now, _ = self._head_and_snapshot(session, None, today)
                consistent = (head_id_now, head_hash_now) == (head_id, head_hash)
            else:
                consistent = True  # one SQLite read transaction sees one snapshot of the database
        rule_settings = _rule_settings(values)
        horizon = int(values["deadline_horizon_days"])
        state = ComplianceState(
            FindingTable.from_findings(evaluate(facts, today, rule_settings)),
            upcoming_deadlines(facts, today, horizon, rule_settings),
            horizon,
            {r.id: r.engagement_id for r in facts.redelegations},
        )
        if consistent:
            self._facts_memo = ((head_id, head_hash), facts)
            self._store(version, today, head_id, head_hash, state)
        return state

    def findings(self, as_of: date | None = None) -> list[Finding]:
        return self.state(as_of).findings

    def deadlines(self, as_of: date | None = None, days: int | None = None) -> list[Deadline]:
        state = self.state(as_of)
        if days is None or days == state.horizon_days:
            return state.deadlines
        return upcoming_deadlines(
            self._current_facts(), as_of or self.context.today(), days, self.settings.rule_settings()
        )

    def _current_facts(self) -> ComplianceFacts:
        """The facts, reused while the audit head has not moved since they were loaded."""
        with self.context.read() as session:
            head_id, head_hash, _ = self._head_and_snapshot(session, None, date.min)
            memo = self._facts_memo
            if memo is not None and memo[0] == (head_id, head_hash):
                return memo[1]
            facts = self._load_facts(session)
        if self.context.database.is_sqlite:
            self._facts_memo = ((head_id, head_hash), facts)
        return facts

    @staticmethod
    def _head_and_snapshot(
        session: Session, version: str | None, today: date
    ) -> tuple[int, str, bytes | None]:
        """The audit chain's head (0 and the genesis hash when empty) and, when `version` is given, the
        payload of the snapshot for that head: one query."""
        head_id = select(func.max(AuditEvent.id)).scalar_subquery()
        head_hash = select(AuditEvent.hash).where(AuditEvent.id == head_id).scalar_subquery()
        columns: list[Any] = [head_id, head_hash]
        if version is not None:
            columns.append(
                select(FindingSnapshot.payload)
                .where(
                    FindingSnapshot.rules_version == version,
                    FindingSnapshot.as_of == today,
                    FindingSnapshot.audit_head_id == func.coalesce(head_id, 0),
                    FindingSnapshot.audit_head_hash == func.coalesce(head_hash, GENESIS),
                )
                .order_by(FindingSnapshot.id.desc())
                .limit(1)
                .scalar_subquery()
            )
        row = session.execute(select(*columns)).one()
        payload = row[2] if version is not None else None
        return int(row[0] or 0), str(row[1] or GENESIS), payload

    def _store(self, version: str, today: date, head_id: int, head_hash: str, state: ComplianceState) -> None:
        """Keep the snapshot, best effort: its own short transaction that never waits for a writer (a long
        import holding SQLite's write lock means no snapshot this time) and never raises.

        The snapshot is derived data, not a record: any signed-in role that may read the findings may
        store it (no write permission needed), and it is not written to the audit trail.
        """
        self.context.require(Permission.READ)
        try:
            payload = encode(state)
            with self.context.database.engine.connect() as connection:
                sqlite = connection.dialect.name == "sqlite"
                # On the driver's connection (autocommit): SQLAlchemy would begin a transaction around it.
                driver = connection.connection.driver_connection
                try:
                    if sqlite:
                        driver.execute(f"PRAGMA busy_timeout={_STORE_BUSY_MS}")  # type: ignore[union-attr]
                    connection = connection.execution_options(itaku_write=True)  # SQLite: BEGIN IMMEDIATE
                    with connection.begin():
                        if not sqlite:
                            connection.exec_driver_sql("SET LOCAL lock_timeout = '200ms'")
                        connection.execute(
                            insert(FindingSnapshot).values(
                                rules_version=version,
                                as_of=today,
                                audit_head_id=head_id,
                                audit_head_hash=head_hash,
                                payload=payload,
                            )
                        )
                        kept = (
                            select(FindingSnapshot.id)
                            .order_by(FindingSnapshot.id.desc())
                            .limit(SNAPSHOTS_KEPT)
                        )
                        connection.execute(delete(FindingSnapshot).where(FindingSnapshot.id.not_in(kept)))
                finally:
                    if sqlite:
                        try:
                            driver.execute("PRAGMA busy_timeout=30000")  # type: ignore[union-attr]
                        except Exception:
                            connection.invalidate()  # never return a connection that gives up at once
        except Exception:  # noqa: BLE001 - derived data: the findings are returned all the same
            return

    @staticmethod
    def count_by_page(findings: list[Finding]) -> Counter[str]:
        return Counter(page_of(finding.rule) for finding in findings)

    def record_counts(self) -> dict[RecordType, int]:
        """How many records of each counted kind the database holds (the workbook's 概要, the first run)."""
        with self.context.read() as session:
            return {
                record_type: int(
                    session.scalar(select(func.count()).select_from(RECORD_MODELS[record_type])) or 0
                )
                for record_type in COUNTED_RECORD_TYPES
            }


# The kinds `record_counts` counts: every record kind but the one company profile, the accounts and the
# settings (not the registers the summary reports on).
COUNTED_RECORD_TYPES = tuple(
    record_type
    for record_type in RECORD_MODELS
    if record_type not in {RecordType.COMPANY_PROFILE, RecordType.ACCOUNT, RecordType.SETTING}
)


def _setting_values(session: Session) -> dict[str, Any]:
    """The settings as SettingsService.get_all() gives them, read in the caller's transaction."""
    stored = {row.key: row.value for row in session.scalars(select(Setting))}
    return {d.key: stored.get(d.key, d.default) for d in SETTINGS}


def _rule_settings(values: dict[str, Any]) -> RuleSettings:
    return RuleSettings(
        evaluation_warning_days=values["evaluation_warning_days"],
        contract_warning_days=values["contract_warning_days"],
        certificate_warning_days=values["certificate_warning_days"],
        change_notice_days=values["change_notice_days"],
    )
