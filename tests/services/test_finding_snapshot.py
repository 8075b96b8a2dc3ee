"""The findings snapshot: a cache for the window's start-up (`model(cached=True)`), reused only while nothing
changed (audit head, as-of date, rules), stored best effort; the findings themselves are computed from the
records."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import event, func, select, update

from desktop.domain.rules import Finding, evaluate, upcoming_deadlines
from desktop.services.compliance.model import ComplianceModel, FindingTable
from desktop.services.compliance.snapshot import decode, encode, rules_version
from desktop.services.facade import Services
from desktop.store.finding_snapshots import SNAPSHOTS_KEPT
from desktop.store.models import AuditEvent, FindingSnapshot
from tests.conftest import make_services


def fresh_findings(services: Services, as_of: date | None = None) -> list[Finding]:
    """The findings computed from the records now, bypassing any snapshot."""
    return evaluate(
        services.checks.load_facts(), as_of or services.context.today(), services.settings.rule_settings()
    )


def snapshot_rows(services: Services) -> list[Any]:
    with services.database.read() as session:
        return list(
            session.execute(
                select(
                    FindingSnapshot.id,
                    FindingSnapshot.as_of,
                    FindingSnapshot.audit_head_id,
                    FindingSnapshot.rules_version,
                ).order_by(FindingSnapshot.id)
            )
        )


def selects_of(services: Services, action: Callable[[], Any]) -> tuple[Any, int]:
    statements: list[str] = []

    def before(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append(statement)

    event.listen(services.database.engine, "before_cursor_execute", before)
    try:
        result = action()
    finally:
        event.remove(services.database.engine, "before_cursor_execute", before)
    return result, len(statements)


def demo(tmp_path: Path, name: str = "snap.db") -> Services:
    services = make_services(f"sqlite:///{tmp_path / name}", tmp_path)
    services.demo.load(20, 1)
    return services


def test_the_window_reads_the_stored_snapshot_in_one_query(services: Services) -> None:
    services.demo.load(20, 1)
    first = services.checks.findings()
    assert len(snapshot_rows(services)) == 1
    second, selects = selects_of(services, lambda: services.checks.model(cached=True).findings)
    assert selects == 1
    assert second == first == fresh_findings(services)
    assert services.checks.deadlines() == upcoming_deadlines(
        services.checks.load_facts(), services.context.today(), 90, services.settings.rule_settings()
    )


def test_a_record_written_after_the_snapshot_shows_in_the_findings(tmp_path: Path) -> None:
    services = demo(tmp_path)
    before = services.checks.findings()
    contractor = services.contractors.create(
        {"name": "スナップショット後の委託先", "pi_items": ["氏名"], "status": "active"}
    )
    after = services.checks.findings()
    assert after != before and after == fresh_findings(services)
    assert any(f.record_type == "contractor" and f.record_id == contractor.id for f in after)
    services.close()


def test_a_settings_change_is_a_change_of_the_findings(tmp_path: Path) -> None:
    services = demo(tmp_path)
    services.checks.findings()
    horizon = services.settings.get("contract_warning_days")
    services.settings.update({"contract_warning_days": horizon + 200, "deadline_horizon_days": 365})
    assert services.checks.findings() == fresh_findings(services)
    assert services.checks.deadlines() == upcoming_deadlines(
        services.checks.load_facts(), services.context.today(), 365, services.settings.rule_settings()
    )
    services.close()


def test_another_as_of_date_is_computed_not_reused(tmp_path: Path) -> None:
    services = demo(tmp_path)
    today = services.context.today()
    later = today + timedelta(days=400)
    assert services.checks.findings() == fresh_findings(services, today)
    assert (
        services.checks.findings(later) == fresh_findings(services, later) != fresh_findings(services, today)
    )
    assert {row.as_of for row in snapshot_rows(services)} == {today, later}
    services.close()


def test_a_snapshot_for_another_head_or_rules_version_is_never_returned(tmp_path: Path) -> None:
    services = demo(tmp_path)
    services.checks.findings()
    # Forge the stored snapshot: the findings of another database state (no findings at all) under keys
    # that differ from the current one in the rules version only, then in the head hash only.
    with services.database.read() as session:
        newest = session.execute(
            select(AuditEvent.id, AuditEvent.hash).order_by(AuditEvent.id.desc())
        ).first()
    assert newest is not None
    empty = encode(ComplianceModel(FindingTable.from_findings([]), [], 90))
    assert decode(empty) is not None  # a readable payload: only its key may keep it from being used
    for version, head_hash in (("0.0.0+other-rules", newest.hash), (rules_version(), "f" * 64)):
        with services.database.write() as session:
            session.execute(
                update(FindingSnapshot).values(
                    payload=empty, rules_version=version, audit_head_hash=head_hash
                )
            )
        assert services.checks.model(cached=True).findings == fresh_findings(services) != []
    services.close()


def test_an_unreadable_snapshot_is_recomputed(tmp_path: Path) -> None:
    services = demo(tmp_path)
    services.checks.findings()
    with services.database.write() as session:
        session.execute(update(FindingSnapshot).values(payload=b"not zlib"))
    assert services.checks.model(cached=True).findings == fresh_findings(services)
    services.close()


def test_storing_never_waits_for_or_fails_on_a_write_locked_database(tmp_path: Path) -> None:
    services = demo(tmp_path, "locked.db")
    blocker = sqlite3.connect(tmp_path / "locked.db", isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # e.g. a long ledger import holding the write lock
    try:
        found = services.checks.findings()  # would wait 30 s (the busy timeout) if storing waited
        assert found == fresh_findings(services)
        assert snapshot_rows(services) == []
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    services.checks.findings()
    assert len(snapshot_rows(services)) == 1
    # The pooled connection got its normal busy timeout back.
    with services.database.read() as session:
        assert session.connection().exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000
    services.close()


def test_the_snapshot_is_not_audited_and_any_signed_in_role_stores_it(tmp_path: Path) -> None:
    services = demo(tmp_path, "roles.db")
    with services.database.read() as session:
        events = session.scalar(select(func.count()).select_from(AuditEvent))
    services.close()
    auditor = make_services(f"sqlite:///{tmp_path / 'roles.db'}", tmp_path)
    auditor.context.role = "auditor"  # read-only
    assert auditor.checks.findings() == fresh_findings(auditor)
    assert len(snapshot_rows(auditor)) == 1
    with auditor.database.read() as session:
        assert session.scalar(select(func.count()).select_from(AuditEvent)) == events
    auditor.close()


def test_only_the_newest_snapshots_are_kept(tmp_path: Path) -> None:
    services = demo(tmp_path)
    today = services.context.today()
    for offset in range(SNAPSHOTS_KEPT + 2):
        services.checks.findings(today + timedelta(days=offset))
    kept = snapshot_rows(services)
    assert [row.as_of for row in kept] == [
        today + timedelta(days=offset) for offset in range(2, SNAPSHOTS_KEPT + 2)
    ]
    services.close()


def test_deadlines_of_another_horizon_reuse_the_loaded_facts(tmp_path: Path) -> None:
    services = demo(tmp_path)
    services.checks.findings()
    expected = upcoming_deadlines(
        services.checks.load_facts(), services.context.today(), 30, services.settings.rule_settings()
    )
    services.checks.deadlines(days=30)
    deadlines, selects = selects_of(services, lambda: services.checks.deadlines(days=30))
    assert deadlines == expected
    assert selects == 2  # the head and the settings: not the eight queries of the facts again
    services.close()


def test_a_finding_survives_json(demo_services: Services) -> None:
    findings = fresh_findings(demo_services)
    assert any(f.due is None for f in findings) or findings
    assert [Finding.from_json(f.to_json()) for f in findings] == findings
