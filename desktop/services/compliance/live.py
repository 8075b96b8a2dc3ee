"""Findings kept up to date record by record: a save recomputes the findings of what it touched.

The rules read each record with what belongs to it, so findings are recomputed per *owner*:
- a contractor, with its evaluations and contracts (its findings and its contracts' findings);
- an engagement, with its consents and re-delegations (whose findings name the re-delegated contractor and
  say whether that contractor has blocking findings: a contractor's change recomputes the engagements that
  re-delegate to it);
- a joint use, with its changes.

`LiveFindings` starts from a complete model and takes, for each change, the fresh facts of the touched
owners (`desktop.store.compliance_facts.load_facts` with a scope) and the dependent records named by the
change (a contract that was deleted or moved). It keeps the findings in the rules' order and worst first
(sorted lists updated by bisection), an index by record and the counts by topic, so one save costs a few
small queries and a few list insertions, not every rule over every record. The result equals a full
computation (`tests/services/test_live_findings.py` checks it over random edits).
"""

from __future__ import annotations

import gc
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from desktop.domain.enums import Severity
from desktop.domain.facts import ComplianceFacts
from desktop.domain.kinds import RecordType
from desktop.domain.rules import (
    Deadline,
    Finding,
    RuleSettings,
    consent_deadlines,
    contractor_findings,
    engagement_findings,
    joint_use_findings,
    redelegation_selection_findings,
    upcoming_deadlines,
    with_due_wording,
)
from desktop.services.compliance.model import ComplianceModel, FindingCounts, RecordIndex, topic_of

_NO_DATE = date.max.toordinal()
_CONTRACTOR = RecordType.CONTRACTOR.value
_CONTRACT = RecordType.CONTRACT.value
_ENGAGEMENT = RecordType.ENGAGEMENT.value
_REDELEGATION = RecordType.REDELEGATION.value
_JOINT_USE = RecordType.JOINT_USE.value

Record = tuple[str, int]


@dataclass
class Touched:
    """What a change touched: the owners to recompute, and dependent records whose findings go with them
    (a contract or re-delegation deleted, or moved to another owner)."""

    contractors: set[int] = field(default_factory=set)
    engagements: set[int] = field(default_factory=set)
    joint_uses: set[int] = field(default_factory=set)
    contracts: set[int] = field(default_factory=set)
    redelegations: set[int] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.contractors or self.engagements or self.joint_uses)


def rules_key(finding: Finding, sequence: int) -> tuple[Any, ...]:
    """The rules' order (`desktop.domain.rules.evaluate`), made total by the order the rules made them in."""
    return (
        0 if finding.severity is Severity.BLOCKING else 1,
        finding.since.toordinal() if finding.since else _NO_DATE,
        finding.record_type,
        finding.record_id,
        finding.rule,
        sequence,
    )


def worst_key(finding: Finding, rules: tuple[Any, ...]) -> tuple[Any, ...]:
    """`model.worst_first`: a stable sort of the rules' order, so ties keep the rules' order."""
    since = finding.since
    return (
        finding.severity is not Severity.BLOCKING,
        since is None,
        since.toordinal() if since else 0,
        finding.record_label,
        rules,
    )


def deadline_key(deadline: Deadline, sequence: int) -> tuple[Any, ...]:
    return (deadline.due, deadline.record_type, deadline.record_id, sequence)


class _Sorted:
    """Values kept in the order of their unique keys."""

    def __init__(self, pairs: Iterable[tuple[Any, Any]] = ()):
        self.keys: list[Any] = []
        self.values: list[Any] = []
        for key, value in pairs:
            self.keys.append(key)
            self.values.append(value)

    def add(self, key: Any, value: Any) -> None:
        position = bisect_left(self.keys, key)
        self.keys.insert(position, key)
        self.values.insert(position, value)

    def remove(self, key: Any) -> None:
        position = bisect_left(self.keys, key)
        if position == len(self.keys) or self.keys[position] != key:
            raise KeyError(key)
        del self.keys[position]
        del self.values[position]


class LiveIndex(RecordIndex):
    """The index by record of live findings: one list per record, replaced (never changed) on an update, so
    a model handed out earlier keeps what it showed."""

    def __init__(self, by_record: dict[Record, list[Finding]]):
        super().__init__([], RecordIndex.empty().positions, RecordIndex.empty().keys, {})
        self.by_record = by_record

    def of(self, record_type: str, record_id: int, rule_prefix: str | None = None) -> list[Finding]:
        found = self.by_record.get((record_type, record_id), [])
        if rule_prefix is None:
            return list(found)
        return [finding for finding in found if finding.rule.startswith(rule_prefix)]


@dataclass(eq=False)
class _Entry:
    rules: tuple[Any, ...]
    finding: Finding
    filed: Record  # the record whose row shows it (a re-delegation's engagement)


class LiveFindings:
    def __init__(self, model: ComplianceModel, today: date, settings: RuleSettings):
        if not model.complete:
            raise ValueError("a partial model cannot be kept up to date")
        # Hundreds of thousands of keys that all live on and hold no cycles: the cyclic collector's passes
        # over them would take most of the time.
        collecting = gc.isenabled()
        gc.disable()
        try:
            self._start(model, today, settings)
        finally:
            if collecting:
                gc.enable()

    def _start(self, model: ComplianceModel, today: date, settings: RuleSettings) -> None:
        self.today = today
        self.settings = settings
        self.horizon_days = model.horizon_days
        self.redelegation_engagements = dict(model.redelegation_engagements)
        findings = model.findings
        entries = [_Entry(rules_key(f, n), f, self._filed(f)) for n, f in enumerate(findings)]
        self.records: dict[Record, list[_Entry]] = {}
        self.filed: dict[Record, list[_Entry]] = {}
        for entry in entries:
            finding = entry.finding
            self.records.setdefault((finding.record_type, finding.record_id), []).append(entry)
            self.filed.setdefault(entry.filed, []).append(entry)
        self.rules = _Sorted((entry.rules, entry.finding) for entry in entries)
        # The model's worst-first order (stored in a snapshot) is the order of these keys: no sort needed.
        self.worst = _Sorted(
            (worst_key(entries[p].finding, entries[p].rules), entries[p].finding)
            for p in model.worst_first_positions
        )
        self.deadline_records: dict[Record, list[tuple[tuple[Any, ...], Deadline]]] = {}
        self.deadlines = _Sorted()
        for number, deadline in enumerate(model.deadlines):
            key = deadline_key(deadline, number)
            self.deadlines.keys.append(key)
            self.deadlines.values.append(deadline)
            self.deadline_records.setdefault((deadline.record_type, deadline.record_id), []).append(
                (key, deadline)
            )
        self.by_topic: Counter[str] = Counter()
        self.blocking_by_topic: Counter[str] = Counter()
        for finding in findings:
            self._count(finding, 1)
        self.blocked = {
            f.record_id for f in findings if f.record_type == _CONTRACTOR and f.severity is Severity.BLOCKING
        }
        self._index_view: dict[Record, list[Finding]] = {
            record: [entry.finding for entry in filed] for record, filed in self.filed.items()
        }

    def _filed(self, finding: Finding) -> Record:
        if finding.record_type == _REDELEGATION:
            return (_ENGAGEMENT, self.redelegation_engagements.get(finding.record_id, -1))
        return (finding.record_type, finding.record_id)

    def _count(self, finding: Finding, step: int) -> None:
        topic = topic_of(finding.rule)
        self.by_topic[topic] += step
        if finding.severity is Severity.BLOCKING:
            self.blocking_by_topic[topic] += step

    # Updating ---------------------------------------------------------------------------------------------
    def update(self, facts: ComplianceFacts, touched: Touched) -> None:
        """Recompute the touched owners from their fresh facts (loaded for exactly those owners: the
        contractors, with those the engagements' re-delegations name; the engagements; the joint uses)."""
        owners_c, owners_e, owners_j = touched.contractors, touched.engagements, touched.joint_uses
        contractors = tuple(c for c in facts.contractors if c.id in owners_c)
        cleared: set[Record] = {(_CONTRACTOR, i) for i in owners_c}
        cleared |= {(_CONTRACT, c.id) for c in facts.contracts} | {(_CONTRACT, i) for i in touched.contracts}
        cleared |= {(_ENGAGEMENT, i) for i in owners_e} | {(_JOINT_USE, i) for i in owners_j}
        cleared |= {(_REDELEGATION, r.id) for r in facts.redelegations}
        cleared |= {(_REDELEGATION, i) for i in touched.redelegations}
        cleared |= {  # an engagement's re-delegations go with it (deleting it deletes them)
            (_REDELEGATION, r) for r, e in self.redelegation_engagements.items() if e in owners_e
        }
        refiled: set[Record] = set()
        for record in cleared:
            for entry in self.records.pop(record, ()):
                self.rules.remove(entry.rules)
                self.worst.remove(worst_key(entry.finding, entry.rules))
                self._count(entry.finding, -1)
                refiled.add(entry.filed)
                self.filed[entry.filed].remove(entry)
            for key, _deadline in self.deadline_records.pop(record, ()):
                self.deadlines.remove(key)
        for _kind, redelegation_id in [record for record in cleared if record[0] == _REDELEGATION]:
            self.redelegation_engagements.pop(redelegation_id, None)
        for redelegation in facts.redelegations:
            self.redelegation_engagements[redelegation.id] = redelegation.engagement_id

        own = ComplianceFacts(
            contractors,
            facts.evaluations,
            facts.contracts,
            corrective_actions=facts.corrective_actions,
            incidents=facts.incidents,  # the scope's contractors' (contractor.reevaluation_after_incident)
        )
        made = list(contractor_findings(own, self.today, self.settings))
        for contractor_id in owners_c:
            self.blocked.discard(contractor_id)
        self.blocked |= {
            f.record_id for f in made if f.record_type == _CONTRACTOR and f.severity is Severity.BLOCKING
        }
        engagements = ComplianceFacts(
            facts.contractors,
            (),
            (),
            tuple(e for e in facts.engagements if e.id in owners_e),
            facts.consent_hops,
            facts.redelegations,
        )
        made.extend(engagement_findings(engagements, self.today, self.blocked))
        made.extend(redelegation_selection_findings(engagements, self.today))
        uses = ComplianceFacts(
            joint_uses=tuple(j for j in facts.joint_uses if j.id in owners_j),
            joint_use_changes=facts.joint_use_changes,
            corrective_actions=facts.corrective_actions,  # those on the scope's joint uses close their lapses
        )
        made.extend(joint_use_findings(uses, self.today, self.settings))
        made = [with_due_wording(finding, self.today) for finding in made]  # as `evaluate` words them
        for number, finding in enumerate(made):
            entry = _Entry(rules_key(finding, number), finding, self._filed(finding))
            self.records.setdefault((finding.record_type, finding.record_id), []).append(entry)
            self.filed.setdefault(entry.filed, []).append(entry)
            refiled.add(entry.filed)
            self.rules.add(entry.rules, finding)
            self.worst.add(worst_key(finding, entry.rules), finding)
            self._count(finding, 1)

        dated = ComplianceFacts(
            contractors,
            facts.evaluations,
            facts.contracts,
            joint_uses=uses.joint_uses,
            joint_use_changes=facts.joint_use_changes,
        )
        horizon = self.today + timedelta(days=self.horizon_days)
        for number, deadline in enumerate(
            [
                *upcoming_deadlines(dated, self.today, self.horizon_days, self.settings),
                # the touched engagements' consents owed (with every contractor their chains name)
                *consent_deadlines(engagements, self.today, horizon),
            ]
        ):
            key = deadline_key(deadline, number)
            self.deadlines.add(key, deadline)
            self.deadline_records.setdefault((deadline.record_type, deadline.record_id), []).append(
                (key, deadline)
            )

        view = dict(self._index_view)  # the lists of a model handed out before stay as they were
        for record in refiled:
            entries = sorted(self.filed.get(record, ()), key=lambda entry: entry.rules)
            if entries:
                self.filed[record] = entries
                view[record] = [entry.finding for entry in entries]
            else:
                self.filed.pop(record, None)
                view.pop(record, None)
        self._index_view = view

    def model(self) -> ComplianceModel:
        """The findings as they are now (copies: a later update does not change a model handed out)."""
        blocking = frozenset(topic for topic, number in self.blocking_by_topic.items() if number)
        counts = FindingCounts(
            len(self.rules.values),
            {topic: number for topic, number in self.by_topic.items() if number},
            blocking,
            sum(self.blocking_by_topic.values()),
        )
        return ComplianceModel(
            list(self.rules.values),
            list(self.deadlines.values),
            self.horizon_days,
            dict(self.redelegation_engagements),
            worst_first_findings=list(self.worst.values),
            index=LiveIndex(self._index_view),
            counts=counts,
        )
