"""The window's compliance snapshot built on the columns of a stored findings snapshot equals the one built
from Finding objects: same order on the dashboard, same findings per record, same counts."""

from __future__ import annotations

from collections import Counter

from desktop.domain.enums import Severity
from desktop.services.facade import Services
from desktop.services.finding_snapshot import PAGE_OF_RULE, ComplianceState, FindingTable, dashboard_order
from desktop.ui.compliance import ComplianceSnapshot, load_snapshot
from desktop.ui.models.base import FindingsIndex


def test_a_snapshot_read_back_from_the_database_matches_the_findings_it_was_made_of(
    demo_services: Services,
) -> None:
    expected = demo_services.checks.findings()  # computed and stored
    state = demo_services.checks.state()  # read back from the stored snapshot
    assert isinstance(state.table, FindingTable) and len(state.table) == len(expected)
    snapshot = load_snapshot(demo_services)
    redelegations = snapshot.redelegation_engagements
    assert redelegations and any(f.record_type == "redelegation" for f in expected)

    assert list(snapshot.ordered_findings) == dashboard_order(expected)
    assert snapshot.findings == expected and snapshot.finding_count == len(expected)

    index = FindingsIndex(expected, redelegations)
    for record_type, record_id in [*index.by_record, ("contractor", 10**6), ("audit", 1)]:
        for prefix in (None, "evaluation.", "contract."):
            assert snapshot.index.of(record_type, record_id, prefix) == index.of(
                record_type, record_id, prefix
            )

    pages = Counter(PAGE_OF_RULE[f.rule.split(".")[0]] for f in expected)
    assert snapshot.counts_by_page() == {**pages, "dashboard": len(expected)}
    assert snapshot.blocking_pages() == {
        PAGE_OF_RULE[f.rule.split(".")[0]] for f in expected if f.severity is Severity.BLOCKING
    }
    assert snapshot.blocking_count == sum(1 for f in expected if f.severity is Severity.BLOCKING)


def test_a_snapshot_built_from_a_list_of_findings_is_the_same(demo_services: Services) -> None:
    findings = demo_services.checks.findings()
    state = demo_services.checks.state()
    from_list = ComplianceSnapshot.of_state(
        ComplianceState(
            FindingTable.from_findings(findings), state.deadlines, 90, state.redelegation_engagements
        )
    )
    from_table = load_snapshot(demo_services)
    assert list(from_list.ordered_findings) == list(from_table.ordered_findings)
    assert from_list.counts == from_table.counts and from_list.blocking == from_table.blocking
    assert from_list.deadlines == from_table.deadlines


def test_an_empty_database_gives_an_empty_snapshot(sqlite_services: Services) -> None:
    snapshot = load_snapshot(sqlite_services)
    assert snapshot.finding_count == 0 and list(snapshot.ordered_findings) == []
    assert snapshot.index.of("contractor", 1) == [] and snapshot.blocking_count == 0
