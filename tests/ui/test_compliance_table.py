"""The compliance model read back from a stored findings snapshot (columns of numbers) equals the one built
from Finding objects: same worst-first order on the dashboard, same findings per record, same counts."""

from __future__ import annotations

from collections import Counter

from desktop.domain.enums import Severity
from desktop.domain.kinds import RuleId
from desktop.services.compliance.model import ComplianceModel, FindingTable, RecordIndex, worst_first
from desktop.services.facade import Services
from desktop.ui.compliance import (
    PAGE_KEYS,
    PAGE_OF_TOPIC,
    blocking_pages,
    counts_by_page,
    load_model,
    page_of,
)


def test_a_snapshot_read_back_from_the_database_matches_the_findings_it_was_made_of(
    demo_services: Services,
) -> None:
    expected = demo_services.checks.findings()  # computed and stored
    state = demo_services.checks.model(cached=True)  # read back from the stored snapshot
    assert isinstance(state.table, FindingTable) and len(state.table) == len(expected)
    snapshot = load_model(demo_services)
    redelegations = snapshot.redelegation_engagements
    assert redelegations and any(f.record_type == "redelegation" for f in expected)

    assert list(snapshot.worst_first) == worst_first(expected)
    assert snapshot.findings == expected and snapshot.counts.count == len(expected)

    index = RecordIndex.of_findings(expected, redelegations)
    records = {(f.record_type, f.record_id) for f in expected} | {
        ("engagement", engagement) for engagement in redelegations.values()
    }
    for record_type, record_id in [*records, ("contractor", 10**6), ("audit", 1)]:
        for prefix in (None, "evaluation.", "contract."):
            assert snapshot.index.of(record_type, record_id, prefix) == index.of(
                record_type, record_id, prefix
            )

    pages = Counter(page_of(f.rule) for f in expected)
    assert counts_by_page(snapshot) == {**pages, "dashboard": len(expected)}
    assert blocking_pages(snapshot) == {page_of(f.rule) for f in expected if f.severity is Severity.BLOCKING}
    assert snapshot.counts.blocking_count == sum(1 for f in expected if f.severity is Severity.BLOCKING)


def test_a_snapshot_built_from_a_list_of_findings_is_the_same(demo_services: Services) -> None:
    findings = demo_services.checks.findings()
    state = demo_services.checks.model(cached=True)
    from_list = ComplianceModel(findings, state.deadlines, 90, state.redelegation_engagements)
    from_table = load_model(demo_services)
    assert list(from_list.worst_first) == list(from_table.worst_first)
    assert from_list.counts == from_table.counts
    assert from_list.deadlines == from_table.deadlines


def test_an_empty_database_gives_an_empty_snapshot(sqlite_services: Services) -> None:
    snapshot = load_model(sqlite_services)
    assert snapshot.counts.count == 0 and list(snapshot.worst_first) == []
    assert snapshot.index.of("contractor", 1) == [] and snapshot.counts.blocking_count == 0


def test_every_rule_topic_is_counted_on_a_page() -> None:
    assert {rule.topic for rule in RuleId} == set(PAGE_OF_TOPIC)
    assert set(PAGE_OF_TOPIC.values()) <= set(PAGE_KEYS)
