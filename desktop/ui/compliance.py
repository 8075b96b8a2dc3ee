"""One read of the compliance state for the whole window: findings, deadlines, counts per page.

`CheckService.state()` gives the findings and the deadlines together (a test holds them equal to
`findings()` and `deadlines()`): one query when the findings snapshot of the database is current, else
one set of queries, not two. The snapshot comes with the dashboard order, the findings grouped by record and
the counts already made, so a start-up sorts nothing. Everything here runs on a worker thread: with 100,000
contractors and no current snapshot the rules take seconds, and the window must not freeze meanwhile.

Before the database is open, the window may show a `CompliancePreview` (the summary part of the stored
snapshot, read by `desktop.app.quick_look`): `ComplianceSnapshot.from_preview` holds its figures and the
first screen of the dashboard, and the full snapshot replaces it once loaded.
"""

from __future__ import annotations

import gc
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, overload

from desktop.domain.rules import Deadline, Finding
from desktop.ui.models.base import FindingsIndex
from desktop.ui.navigation import PAGE_KEYS as NAVIGATION_PAGE_KEYS

if TYPE_CHECKING:
    from desktop.services.facade import Services
    from desktop.services.finding_snapshot import (
        CompliancePreview,
        ComplianceState,
        FindingTable,
        RecordOrder,
    )

PAGE_KEYS = NAVIGATION_PAGE_KEYS  # the window's pages, declared in desktop.ui.navigation


class OrderedFindings(Sequence[Finding]):
    """The table's findings in a given order, each built when its row is first shown."""

    def __init__(self, table: FindingTable | Sequence[Finding], positions: Sequence[int]):
        self.table = table
        self.positions = positions

    def __len__(self) -> int:
        return len(self.positions)

    @overload
    def __getitem__(self, index: int) -> Finding: ...

    @overload
    def __getitem__(self, index: slice) -> list[Finding]: ...

    def __getitem__(self, index: int | slice) -> Finding | list[Finding]:
        if isinstance(index, slice):
            return [self.table[position] for position in self.positions[index]]
        return self.table[self.positions[index]]


class TableFindingsIndex(FindingsIndex):
    """`FindingsIndex` over a FindingTable and its record order: looked up by bisection on the sorted keys
    (no list per record for 250,000 findings), Findings built when asked."""

    def __init__(self, table: FindingTable, order: RecordOrder):
        self.findings = table  # type: ignore[assignment]
        self.by_record = {}
        self.table = table
        self.order = order

    def of(self, record_type: str, record_id: int, rule_prefix: str | None = None) -> list[Finding]:
        key = self.order.key(record_type, record_id)
        if key is None:
            return []
        keys = self.order.keys
        start = bisect_left(keys, key)
        end = bisect_right(keys, key, start)
        found = [self.table[position] for position in self.order.positions[start:end]]
        if rule_prefix is None:
            return found
        return [finding for finding in found if finding.rule.startswith(rule_prefix)]


@dataclass
class ComplianceSnapshot:
    table: Sequence[Finding] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    redelegation_engagements: dict[int, int] = field(default_factory=dict)
    horizon_days: int = 90
    ordered_findings: Sequence[Finding] = field(default_factory=list)
    index: FindingsIndex = field(default_factory=FindingsIndex)
    counts: Counter[str] = field(default_factory=Counter)
    blocking: set[str] = field(default_factory=set)
    blocking_count: int = 0
    finding_count: int = 0
    complete: bool = True  # False for a preview: the figures are right, the rows only the first screen

    @property
    def findings(self) -> list[Finding]:
        """Every finding (built on first use when they came from the stored snapshot)."""
        table = self.table
        return table.to_list() if hasattr(table, "to_list") else list(table)

    @classmethod
    def of_state(cls, state: ComplianceState) -> ComplianceSnapshot:
        """Counts, order and index as the state gives them (ready made when it came from the database)."""
        summary = state.summary
        return cls(
            state.table,
            sorted(state.deadlines, key=lambda d: (d.due, d.record_label)),
            state.redelegation_engagements,
            state.horizon_days,
            OrderedFindings(state.table, state.dashboard_positions),
            TableFindingsIndex(state.table, state.record_order),
            Counter(summary.by_page),
            set(summary.blocking_pages),
            summary.blocking_count,
            summary.count,
        )

    @classmethod
    def from_preview(cls, preview: CompliancePreview) -> ComplianceSnapshot:
        summary = preview.summary
        return cls(
            preview.first_findings,
            sorted(preview.deadlines, key=lambda d: (d.due, d.record_label)),
            preview.redelegation_engagements,
            preview.horizon_days,
            preview.first_findings,
            FindingsIndex(),
            Counter(summary.by_page),
            set(summary.blocking_pages),
            summary.blocking_count,
            summary.count,
            complete=False,
        )

    def counts_by_page(self) -> Counter[str]:
        """Open findings per navigation entry; the dashboard counts them all."""
        return self.counts

    def blocking_pages(self) -> set[str]:
        return self.blocking


def load_snapshot(services: Services) -> ComplianceSnapshot:
    # Without a current stored snapshot, hundreds of thousands of small objects (numbers, keys) are made here
    # and all of them live on: the cyclic garbage collector's passes over them would double the time, and
    # they hold no cycles.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return ComplianceSnapshot.of_state(services.checks.state())
    finally:
        if collecting:
            gc.enable()
