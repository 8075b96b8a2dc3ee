"""One read of the compliance state for the whole window: findings, deadlines, counts per page.

The facts are loaded once and both the findings and the deadlines are derived from them, exactly as
`CheckService.findings()` and `CheckService.deadlines()` do (a test holds them equal), so a refresh
costs one set of queries, not two. Everything here runs on a worker thread: with 100,000 contractors
the rules, the sorting and the lookup tables take seconds, and the window must not freeze meanwhile.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from desktop.domain.enums import Severity
from desktop.domain.rules import Deadline, Finding, evaluate, upcoming_deadlines
from desktop.ui.models.base import FindingsIndex

PAGE_KEYS = ("dashboard", "contractors", "evaluations", "contracts", "engagements", "joint_uses", "audit")


def dashboard_order(findings: list[Finding]) -> list[Finding]:
    """Blocking first, then by date (oldest first), then by name."""
    return sorted(findings, key=lambda f: (f.severity is not Severity.BLOCKING, f.due is None,
                                           f.due.toordinal() if f.due else 0, f.record_label))


@dataclass
class ComplianceSnapshot:
    findings: list[Finding] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    redelegation_engagements: dict[int, int] = field(default_factory=dict)
    horizon_days: int = 90
    ordered_findings: list[Finding] = field(default_factory=list)
    index: FindingsIndex = field(default_factory=FindingsIndex)
    counts: Counter[str] = field(default_factory=Counter)
    blocking: set[str] = field(default_factory=set)
    blocking_count: int = 0

    @classmethod
    def build(cls, findings: list[Finding], deadlines: list[Deadline], redelegation_engagements: dict[int, int],
              horizon_days: int) -> ComplianceSnapshot:
        from desktop.services.checks import PAGE_OF_RULE, CheckService

        counts = CheckService.count_by_page(findings)
        counts["dashboard"] = len(findings)
        blocking = {PAGE_OF_RULE[f.rule.split(".")[0]] for f in findings if f.severity is Severity.BLOCKING}
        return cls(findings, sorted(deadlines, key=lambda d: (d.due, d.record_label)), redelegation_engagements,
                   horizon_days, dashboard_order(findings), FindingsIndex(findings, redelegation_engagements),
                   counts, blocking, sum(1 for f in findings if f.severity is Severity.BLOCKING))

    def counts_by_page(self) -> Counter[str]:
        """Open findings per navigation entry; the dashboard counts them all."""
        return self.counts

    def blocking_pages(self) -> set[str]:
        return self.blocking


def load_snapshot(services: Any) -> ComplianceSnapshot:
    facts = services.checks.load_facts()
    today = services.context.today()
    rule_settings = services.settings.rule_settings()
    horizon = int(services.settings.get("deadline_horizon_days"))
    return ComplianceSnapshot.build(
        evaluate(facts, today, rule_settings),
        upcoming_deadlines(facts, today, horizon, rule_settings),
        {r.id: r.engagement_id for r in facts.redelegations},
        horizon,
    )
