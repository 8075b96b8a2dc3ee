"""Running the compliance rules over the database, and keeping the compliance model the window shows.

What an auditor receives (`check`, exports, reports) is computed from the records: `findings()`,
`deadlines()` and `model()` load the facts (a fixed handful of queries, then pure Python). The findings
snapshot (table `finding_snapshot`) is a cache for the window's start-up only (`model(cached=True)`): it is
keyed by the rules version, the as-of date and the audit chain's head, and a start-up that finds one current
skips loading 100,000 contractors and running the rules. A snapshot copied in from another database could
say anything, so nothing but the window's first figures and rows is ever taken from one.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from desktop.domain.errors import ItakuError
from desktop.domain.facts import ComplianceFacts
from desktop.domain.kinds import RecordType
from desktop.domain.roles import Permission
from desktop.domain.rules import Deadline, Finding, RuleSettings, evaluate, upcoming_deadlines
from desktop.services.compliance.live import LiveFindings, Touched
from desktop.services.compliance.model import ComplianceModel, FindingTable
from desktop.services.compliance.snapshot import decode, encode, rules_version
from desktop.services.context import ServiceContext
from desktop.services.settings import SETTINGS, SettingsService
from desktop.store import compliance_facts, finding_snapshots
from desktop.store.models import RECORD_MODELS

# More changes than this since the last model, and it is computed afresh (an import, a restore).
INCREMENTAL_LIMIT = 500

# The column of a dependent record's audit event that names the owner whose findings it changes.
_OWNER_FIELDS: dict[RecordType, tuple[str, RecordType]] = {
    RecordType.EVALUATION: ("contractor_id", RecordType.CONTRACTOR),
    RecordType.CONTRACT: ("contractor_id", RecordType.CONTRACTOR),
    RecordType.REDELEGATION: ("engagement_id", RecordType.ENGAGEMENT),
    RecordType.CONSENT_HOP: ("engagement_id", RecordType.ENGAGEMENT),
    RecordType.JOINT_USE_CHANGE: ("joint_use_id", RecordType.JOINT_USE),
}
# A corrective action (on a record of any kind) is rare: a change to one is not followed record by record,
# the findings are computed afresh (it falls to "not an owner, not a dependent" below).
_OWNERS = (RecordType.CONTRACTOR, RecordType.ENGAGEMENT, RecordType.JOINT_USE)
_UNRELATED = (RecordType.ACCOUNT, RecordType.COMPANY_PROFILE)  # the rules read neither


@dataclass
class _Latest:
    """The window's model as of an audit head, and what keeps it up to date."""

    today: date
    head: tuple[int, str]
    model: ComplianceModel
    settings: RuleSettings | None  # None: read when first needed (a model read from a snapshot)
    live: LiveFindings | None = None
    stored: bool = False


class CheckService:
    def __init__(self, context: ServiceContext, settings: SettingsService):
        self.context = context
        self.settings = settings
        # The facts of the last computation, by audit head: deadlines over another horizon reuse them.
        self._facts_memo: tuple[tuple[int, str], ComplianceFacts] | None = None
        self._latest: _Latest | None = None  # the window's model, kept up to date change by change
        self._latest_lock = threading.Lock()  # the window asks from worker threads
        self.incremental_updates = 0  # models brought up to date record by record (for tests, benchmarks)
        self.computations = 0  # models computed from all the records

    def load_facts(self) -> ComplianceFacts:
        """The facts the rules read: nine queries, whatever the number of records."""
        with self.context.read() as session:
            return compliance_facts.load_facts(session)

    # The model ------------------------------------------------------------------------------------------
    def model(self, as_of: date | None = None, *, cached: bool = False) -> ComplianceModel:
        """Findings and deadlines together, computed from the records (settings and nine queries in one read
        transaction) and kept as the snapshot for the window's next start-up.

        `cached=True` (the window only) first brings the model it gave last up to date, when only a few
        records changed since (their findings are recomputed, see `live.py`), else looks for a current
        snapshot (one query)."""
        today = as_of or self.context.today()
        version = rules_version()
        with self.context.read() as session:
            read = finding_snapshots.read_in_session(session, version if cached else None, today)
            head = (read.head_id, read.head_hash)
            if cached:
                with self._latest_lock:
                    latest = self._latest
                    if latest is not None and latest.today == today:
                        if latest.head == head:
                            return latest.model
                        if self.context.database.is_sqlite and self._bring_up_to_date(session, latest, head):
                            self.incremental_updates += 1
                            return latest.model
            if read.payload is not None:
                model = decode(read.payload)
                if model is not None:
                    self._latest = _Latest(today, head, model, None, stored=True)
                    return model
            values = _setting_values(session)
            facts = compliance_facts.load_facts(session)
            self.computations += 1
            if not self.context.database.is_sqlite:
                # PostgreSQL reads each statement at its own moment (READ COMMITTED): if the head moved
                # meanwhile, the facts may mix two states, so they are used but not stored.
                now = finding_snapshots.read_in_session(session, None, today)
                consistent = (now.head_id, now.head_hash) == (read.head_id, read.head_hash)
            else:
                consistent = True  # one SQLite read transaction sees one snapshot of the database
        rule_settings = _rule_settings(values)
        horizon = int(values["deadline_horizon_days"])
        model = ComplianceModel(
            FindingTable.from_findings(evaluate(facts, today, rule_settings)),
            upcoming_deadlines(facts, today, horizon, rule_settings),
            horizon,
            {r.id: r.engagement_id for r in facts.redelegations},
        )
        if consistent:
            self._facts_memo = (head, facts)
            self._store(version, today, read.head_id, read.head_hash, model)
            self._latest = _Latest(today, head, model, rule_settings, stored=True)
        return model

    def _bring_up_to_date(self, session: Session, latest: _Latest, head: tuple[int, str]) -> bool:
        """Recompute the findings of the records changed since `latest` (SQLite only: its audit events are
        committed in id order, one writer at a time). False when that cannot be done record by record: the
        chain changed under it, a setting changed, or too many records did."""
        if latest.head[0] and compliance_facts.event_hash(session, latest.head[0]) != latest.head[1]:
            return False
        changes = compliance_facts.changes_since(session, latest.head[0], INCREMENTAL_LIMIT)
        if changes is None:
            return False
        owners: dict[RecordType, set[int]] = {kind: set() for kind in _OWNERS}
        dependents: dict[RecordType, set[int]] = {kind: set() for kind in _OWNER_FIELDS}
        for record_type, record_id, fields in changes:
            try:
                kind = RecordType(record_type)
            except ValueError:
                return False
            if kind in owners:
                owners[kind].add(record_id)
            elif kind in _OWNER_FIELDS:
                dependents[kind].add(record_id)
                name, owner = _OWNER_FIELDS[kind]
                owners[owner] |= {int(v) for v in fields.get(name, ()) if isinstance(v, int)}
                if kind is RecordType.CONSENT_HOP:  # a consent to a re-delegation: that one's engagement
                    dependents[RecordType.REDELEGATION] |= {
                        int(v) for v in fields.get("redelegation_id", ()) if isinstance(v, int)
                    }
            elif kind not in _UNRELATED:
                return False  # settings: every finding may change
        for kind, ids in dependents.items():
            if ids:
                owners[_OWNER_FIELDS[kind][1]] |= compliance_facts.current_owners(session, kind, ids)
        touched = Touched(
            owners[RecordType.CONTRACTOR],
            owners[RecordType.ENGAGEMENT],
            owners[RecordType.JOINT_USE],
            dependents[RecordType.CONTRACT],
            dependents[RecordType.REDELEGATION],
        )
        if touched.contractors:
            touched.engagements |= compliance_facts.engagements_redelegating_to(session, touched.contractors)
        if sum(len(ids) for ids in owners.values()) > INCREMENTAL_LIMIT:
            return False
        if touched:
            scope = compliance_facts.FactsScope(
                frozenset(touched.contractors), frozenset(touched.engagements), frozenset(touched.joint_uses)
            )
            facts = compliance_facts.load_facts(session, scope)
            if latest.live is None:
                latest.live = self._live(latest)
            latest.live.update(facts, touched)
            latest.model = latest.live.model()
            latest.stored = False
        latest.head = head
        return True

    def prepare_updates(self) -> None:
        """Get ready to keep the window's model up to date (seconds at 100,000 contractors: call it off the
        GUI thread, once the model is shown), so that the first save is as quick as the next."""
        if not self.context.database.is_sqlite:
            return
        with self._latest_lock:
            latest = self._latest
            if latest is not None and latest.live is None:
                latest.live = self._live(latest)

    def _live(self, latest: _Latest) -> LiveFindings:
        if latest.settings is None:
            latest.settings = self.settings.rule_settings()
        return LiveFindings(latest.model, latest.today, latest.settings)

    def keep_snapshot(self) -> None:
        """Store the window's model as the snapshot of its head, if it is not stored yet (after changes
        were applied record by record): the next start-up then finds it current."""
        latest = self._latest
        if latest is None or latest.stored:
            return
        latest.stored = True
        try:
            self._store(rules_version(), latest.today, latest.head[0], latest.head[1], latest.model)
        except ItakuError:  # signed out meanwhile: the next start-up computes the findings instead
            return

    def findings(self, as_of: date | None = None) -> list[Finding]:
        """The findings, computed from the records (never read from the snapshot)."""
        return self.model(as_of).findings

    def record_findings(
        self, record_type: RecordType, record_id: int, as_of: date | None = None
    ) -> list[Finding]:
        """One record's findings, equal to `findings()` filtered to that record (the same rules over the same
        facts, in the same order), computed from the facts of that record and of the records its rules read
        (`compliance_facts.record_scope`, the scope a save of it recomputes): a few queries by index, whatever
        the number of records."""
        today = as_of or self.context.today()
        with self.context.read() as session:
            scope = compliance_facts.record_scope(session, record_type, record_id)
            if scope is None:
                return []
            values = _setting_values(session)
            facts = compliance_facts.load_facts(session, scope)
        return [
            finding
            for finding in evaluate(facts, today, _rule_settings(values))
            if finding.record_type == record_type and finding.record_id == record_id
        ]

    def deadlines(self, as_of: date | None = None, days: int | None = None) -> list[Deadline]:
        """The deadlines of the next `days` (the settings' horizon by default), from the records."""
        if days is None:
            return self.model(as_of).deadlines
        return upcoming_deadlines(
            self._current_facts(), as_of or self.context.today(), days, self.settings.rule_settings()
        )

    def _current_facts(self) -> ComplianceFacts:
        """The facts, reused while the audit head has not moved since this process loaded them."""
        with self.context.read() as session:
            read = finding_snapshots.read_in_session(session, None, date.min)
            head = (read.head_id, read.head_hash)
            memo = self._facts_memo
            if memo is not None and memo[0] == head:
                return memo[1]
            facts = compliance_facts.load_facts(session)
        if self.context.database.is_sqlite:
            self._facts_memo = (head, facts)
        return facts

    def _store(self, version: str, today: date, head_id: int, head_hash: str, model: ComplianceModel) -> None:
        """Keep the snapshot, best effort (see `finding_snapshots.store`).

        The snapshot is derived data, not a record: any signed-in role that may read the findings may
        store it (no write permission needed), and it is not written to the audit trail.
        """
        self.context.require(Permission.READ)
        try:
            payload = encode(model)
        except Exception:  # noqa: BLE001 - derived data: the findings are returned all the same
            return
        finding_snapshots.store(self.context.database.engine, version, today, head_id, head_hash, payload)

    def record_counts(self) -> dict[RecordType, int]:
        """How many records of each counted kind the database holds (the workbook's 概要, the first run)."""
        with self.context.read() as session:
            return compliance_facts.record_counts(session, COUNTED_RECORD_TYPES)


# The kinds `record_counts` counts: every record kind but the one company profile, the accounts and the
# settings (not the registers the summary reports on).
COUNTED_RECORD_TYPES = tuple(
    record_type
    for record_type in RECORD_MODELS
    if record_type not in {RecordType.COMPANY_PROFILE, RecordType.ACCOUNT, RecordType.SETTING}
)


def _setting_values(session: Session) -> dict[str, Any]:
    """The settings as SettingsService.get_all() gives them, read in the caller's transaction."""
    stored = compliance_facts.stored_settings(session)
    return {d.key: stored.get(d.key, d.default) for d in SETTINGS}


def _rule_settings(values: dict[str, Any]) -> RuleSettings:
    return RuleSettings(
        evaluation_warning_days=values["evaluation_warning_days"],
        contract_warning_days=values["contract_warning_days"],
        certificate_warning_days=values["certificate_warning_days"],
        change_notice_days=values["change_notice_days"],
        opt_out_change_notice_days=values["opt_out_change_notice_days"],
        request_reply_days=values["request_reply_days"],
        incident_preliminary_days=values["incident_preliminary_days"],
    )
