"""One record's findings (`CheckService.record_findings`, what `itaku-cli KIND show ID` prints): equal to the full
check's findings filtered to that record, for every record of every kind in the demo data and on several days,
computed from that record's facts only (a fixed number of queries and a few records loaded, whatever the size
of the database), and `show` uses it."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select

from desktop.app import Services, build_services
from desktop.cli.kinds import KIND_COMMANDS
from desktop.domain.facts import ComplianceFacts
from desktop.domain.kinds import RecordType
from desktop.store import compliance_facts
from desktop.store.models import RECORD_MODELS, Redelegation
from tests.conftest import make_services
from tests.test_cli import cli

# The kinds the rules make findings on; the demo data has findings of each (checked below).
KINDS_WITH_FINDINGS = {
    RecordType.CONTRACTOR,
    RecordType.CONTRACT,
    RecordType.ENGAGEMENT,
    RecordType.REDELEGATION,
    RecordType.JOINT_USE,
    RecordType.OPT_OUT,
    RecordType.PROVISION,
    RecordType.RECEIPT,
    RecordType.REQUEST,
    RecordType.INCIDENT,
}


def record_ids(services: Services, record_type: RecordType) -> list[int]:
    model = RECORD_MODELS[record_type]
    with services.database.read() as session:
        return list(session.scalars(select(model.id).order_by(model.id)))


def test_the_demo_data_has_findings_of_every_kind_the_rules_make_findings_on(demo_services: Services) -> None:
    assert {
        RecordType(finding.record_type) for finding in demo_services.checks.findings()
    } == KINDS_WITH_FINDINGS


@pytest.mark.parametrize("record_type", sorted(KIND_COMMANDS, key=str))
def test_one_records_findings_equal_the_full_checks_for_it(
    demo_services: Services, record_type: RecordType
) -> None:
    """Every record of the kind, today, in a month, in a year and a year ago (warnings turn blocking, deadlines
    come into or pass out of the horizon); the same findings in the same order."""
    today = demo_services.context.today()
    ids = record_ids(demo_services, record_type)
    assert ids, f"the demo data has no {record_type}"
    compared = 0
    for as_of in (
        today,
        today + timedelta(days=31),
        today + timedelta(days=366),
        today - timedelta(days=365),
    ):
        full: dict[int, list[Any]] = {}
        for finding in demo_services.checks.findings(as_of):
            if finding.record_type == record_type:
                full.setdefault(finding.record_id, []).append(finding)
        for record_id in ids:
            own = demo_services.checks.record_findings(record_type, record_id, as_of)
            assert own == full.get(record_id, []), (record_type, record_id, as_of)
            compared += len(own)
    # The comparison is not of empty lists only: every kind with findings has some in the demo data.
    assert (compared > 0) == (record_type in KINDS_WITH_FINDINGS)


def test_a_redelegations_findings_follow_its_contractors_blocking_findings(demo_services: Services) -> None:
    """redelegation.contractor_not_compliant reads the re-delegated contractor's own findings: one record's
    findings come from the facts of records related to it, and equal the full check's."""
    full = demo_services.checks.findings()
    flagged = [f for f in full if str(f.rule) == "redelegation.contractor_not_compliant"]
    assert flagged, "the demo data has a re-delegation to a contractor with blocking findings"
    for finding in flagged:
        own = demo_services.checks.record_findings(RecordType.REDELEGATION, finding.record_id)
        assert finding in own
        with demo_services.database.read() as session:
            engagement_id = session.scalar(
                select(Redelegation.engagement_id).where(Redelegation.id == finding.record_id)
            )
        engagement = demo_services.checks.record_findings(RecordType.ENGAGEMENT, engagement_id)
        assert engagement == [
            f for f in full if f.record_type == "engagement" and f.record_id == engagement_id
        ]


def _loaded(
    monkeypatch: pytest.MonkeyPatch,
) -> list[tuple[compliance_facts.FactsScope | None, ComplianceFacts]]:
    """Every load of facts from now on, with its scope (None: every record)."""
    loads: list[tuple[compliance_facts.FactsScope | None, ComplianceFacts]] = []
    original = compliance_facts.load_facts

    def recording(session: Any, scope: compliance_facts.FactsScope | None = None) -> ComplianceFacts:
        facts = original(session, scope)
        loads.append((scope, facts))
        return facts

    monkeypatch.setattr(compliance_facts, "load_facts", recording)
    return loads


def _size(facts: ComplianceFacts) -> int:
    return sum(len(value) for value in vars(facts).values() if isinstance(value, tuple))


def _count_selects(services: Services, action: Any, *args: Any) -> int:
    statements: list[str] = []

    def before(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append(statement)

    event.listen(services.database.engine, "before_cursor_execute", before)
    try:
        action(*args)
    finally:
        event.remove(services.database.engine, "before_cursor_execute", before)
    return len(statements)


def test_one_records_findings_load_its_facts_only_whatever_the_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On demo data of 20 and of 160 contractors, each kind's first record is checked with the same number of
    queries and no more facts than a handful of records hold; a full check (every record's facts) fails this."""
    measured: dict[int, dict[RecordType, tuple[int, int]]] = {}
    for size in (20, 160):
        services = make_services(f"sqlite:///{tmp_path / f'size{size}.sqlite3'}", tmp_path / str(size))
        try:
            services.demo.load(size, 1)
            loads = _loaded(monkeypatch)
            measured[size] = {}
            for record_type in sorted(KINDS_WITH_FINDINGS, key=str):
                record_id = record_ids(services, record_type)[0]
                loads.clear()
                queries = _count_selects(services, services.checks.record_findings, record_type, record_id)
                assert [scope is not None for scope, _facts in loads] == [True], record_type
                measured[size][record_type] = (queries, _size(loads[0][1]))
        finally:
            services.close()
            monkeypatch.undo()
    for record_type in KINDS_WITH_FINDINGS:
        small_queries, small_facts = measured[20][record_type]
        large_queries, large_facts = measured[160][record_type]
        # the settings, the record's scope, a query per kind of facts it names (a full check: every kind)
        assert small_queries == large_queries <= 12, record_type
        assert large_facts <= 20, (record_type, large_facts)  # 160 contractors alone would be 160


def test_show_prints_the_records_findings_from_its_own_facts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`KIND show ID --json` gives the full check's findings of that record, and loads no facts but the
    record's scope (the full check it used to run loaded every record's)."""
    url = f"sqlite:///{tmp_path / 'show.sqlite3'}"
    services = make_services(url, tmp_path)
    services.demo.load(40, 1)
    services.close()
    checking = build_services(
        url, actor="tester", data_dir=tmp_path / "files"
    )  # the real clock, as the CLI's
    try:
        full = [finding.to_json() for finding in checking.checks.findings()]
        ids = {kind: record_ids(checking, kind) for kind in KINDS_WITH_FINDINGS}
    finally:
        checking.close()
    loads = _loaded(monkeypatch)
    shown_any = 0
    for record_type in sorted(KINDS_WITH_FINDINGS, key=str):
        command = KIND_COMMANDS[record_type].path
        flagged = [f["record_id"] for f in full if f["record_type"] == record_type.value]
        record_id = flagged[0] if flagged else ids[record_type][0]
        loads.clear()
        result = cli("--db", url, *command, "show", record_id, "--json")
        assert result.returncode == 0, result.stderr
        shown = json.loads(result.stdout)["findings"]
        expected = [f for f in full if f["record_type"] == record_type.value and f["record_id"] == record_id]
        assert shown == expected, record_type
        shown_any += len(shown)
        assert loads and all(scope is not None for scope, _facts in loads), record_type
    assert shown_any > 0
