"""One read of the compliance state for the whole window: findings, deadlines, counts per page.

`CheckService.state()` gives the findings and the deadlines together (a test holds them equal to
`findings()` and `deadlines()`): one query when the findings snapshot of the database is current, else
one set of queries, not two. Everything here runs on a worker thread: with 100,000 contractors
the rules, the sorting and the lookup tables take seconds, and the window must not freeze meanwhile.
"""

from __future__ import annotations

import gc
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, overload

from desktop.domain.enums import Severity
from desktop.domain.rules import Deadline, Finding
from desktop.ui.models.base import FindingsIndex

if TYPE_CHECKING:
    from desktop.services.checks import FindingTable

PAGE_KEYS = ("dashboard", "contractors", "evaluations", "contracts", "engagements", "joint_uses", "audit")


def dashboard_order(findings: list[Finding]) -> list[Finding]:
    """Blocking first, then by date (oldest first), then by name."""
    return sorted(findings, key=lambda f: (f.severity is not Severity.BLOCKING, f.due is None,
                                           f.due.toordinal() if f.due else 0, f.record_label))


def dashboard_positions(table: FindingTable) -> list[int]:
    """The positions of the table's findings in `dashboard_order`, computed on its columns: the same key
    packed into one integer (the label by its rank among the labels), the same stable sort."""
    strings = table.strings
    labels = sorted(set(table.record_label), key=strings.__getitem__)
    rank = dict(zip(labels, range(len(labels)), strict=True))
    blocking = strings.index(Severity.BLOCKING.value) if Severity.BLOCKING.value in strings else -1
    keys = [(((severity != blocking) << 1 | (due == 0)) << 54) | (due << 32) | rank[label]
            for severity, due, label in zip(table.severity, table.due, table.record_label, strict=True)]
    return sorted(range(len(keys)), key=keys.__getitem__)


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


_ID_MASK = 0xFFFFFFFF


class TableFindingsIndex(FindingsIndex):
    """`FindingsIndex` over a FindingTable: grouped by record on the columns, Findings built when asked."""

    def __init__(self, table: FindingTable, redelegation_engagements: dict[int, int]):
        self.findings = table  # type: ignore[assignment]
        self.by_record = {}
        self.table = table
        strings = table.strings
        self.type_code = {strings[code]: code for code in set(table.record_type)}
        # A re-delegation is shown (and opened) on its engagement's row.
        self.type_code.setdefault("engagement", len(strings))
        redelegation, engagement = self.type_code.get("redelegation", -1), self.type_code["engagement"]
        # One integer per finding for its record; sorted (stably, so each record's findings keep their
        # order) and looked up by bisection: no list per record for 250,000 findings.
        keys = [(engagement << 32 | (redelegation_engagements.get(record_id, -1) & _ID_MASK))
                if record_type == redelegation else (record_type << 32 | (record_id & _ID_MASK))
                for record_type, record_id in zip(table.record_type, table.record_id, strict=True)]
        self.order = sorted(range(len(keys)), key=keys.__getitem__)
        self.sorted_keys = [keys[position] for position in self.order]

    def of(self, record_type: str, record_id: int, rule_prefix: str | None = None) -> list[Finding]:
        code = self.type_code.get(record_type)
        if code is None:
            return []
        key = code << 32 | (record_id & _ID_MASK)
        start = bisect_left(self.sorted_keys, key)
        end = bisect_right(self.sorted_keys, key, start)
        found = [self.table[position] for position in self.order[start:end]]
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

    @property
    def findings(self) -> list[Finding]:
        """Every finding (built on first use when they came from the stored snapshot)."""
        table = self.table
        return table.to_list() if hasattr(table, "to_list") else list(table)

    @property
    def finding_count(self) -> int:
        return len(self.table)

    @classmethod
    def build(cls, findings: list[Finding] | FindingTable, deadlines: list[Deadline],
              redelegation_engagements: dict[int, int], horizon_days: int) -> ComplianceSnapshot:
        """Counts, order and index from the table's columns: 250,000 findings from a stored snapshot are
        counted and grouped without building a Finding for each."""
        from desktop.services.checks import PAGE_OF_RULE, FindingTable

        table = findings if isinstance(findings, FindingTable) else FindingTable.from_findings(list(findings))
        strings = table.strings
        counts: Counter[str] = Counter()
        blocking: set[str] = set()
        blocking_count = 0
        for (rule, severity), number in Counter(zip(table.rule, table.severity, strict=True)).items():
            page = PAGE_OF_RULE[strings[rule].split(".")[0]]
            counts[page] += number
            if strings[severity] == Severity.BLOCKING.value:
                blocking.add(page)
                blocking_count += number
        counts["dashboard"] = len(table)
        return cls(table, sorted(deadlines, key=lambda d: (d.due, d.record_label)), redelegation_engagements,
                   horizon_days, OrderedFindings(table, dashboard_positions(table)),
                   TableFindingsIndex(table, redelegation_engagements), counts, blocking, blocking_count)

    def counts_by_page(self) -> Counter[str]:
        """Open findings per navigation entry; the dashboard counts them all."""
        return self.counts

    def blocking_pages(self) -> set[str]:
        return self.blocking


def load_snapshot(services: Any) -> ComplianceSnapshot:
    # Hundreds of thousands of small objects (numbers, keys) are made here and all of them live on: the
    # cyclic garbage collector's passes over them would double the time, and they hold no cycles.
    collecting = gc.isenabled()
    gc.disable()
    try:
        state = services.checks.state()  # findings and deadlines in one go, from the snapshot when current
        return ComplianceSnapshot.build(state.table, state.deadlines, state.redelegation_engagements,
                                        state.horizon_days)
    finally:
        if collecting:
            gc.enable()
