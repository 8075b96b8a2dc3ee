"""Approving many evaluations and contracts at once (after a ledger import): all or nothing, the same
changes and audit events as one-by-one approval, refusals naming each record, a bounded number of queries."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select

from desktop.domain.errors import ValidationError
from desktop.domain.roles import PermissionDeniedError
from desktop.services import approval
from desktop.services.facade import Services
from desktop.store.models import AuditEvent
from tests.services.test_ledger_import import _row, dump, hand_kept_ledger

TODAY = date(2026, 11, 25)  # FIXED_NOW in Tokyo


def scores(services: Services) -> dict[str, int]:
    return {item.code: 2 for item in services.evaluations.items_for("full")}


def new_evaluation(services: Services, contractor_id: int) -> Any:
    return services.evaluations.create(
        {"contractor_id": contractor_id, "evaluated_on": "2026-04-01", "evaluator": "佐藤"}, scores(services)
    )


def new_nda(services: Services, contractor_id: int) -> Any:
    return services.contracts.create(
        {
            "contractor_id": contractor_id,
            "kind": "nda",
            "title": "NDA",
            "signed_on": "2026-01-01",
            "effective_from": "2026-01-01",
            "clauses": ["confidentiality"],
        }
    )


KINDS = {"evaluation": ("evaluations", new_evaluation), "contract": ("contracts", new_nda)}


@pytest.fixture(params=sorted(KINDS))
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def service_of(services: Services, kind: str) -> Any:
    return getattr(services, KINDS[kind][0])


def make(services: Services, kind: str, count: int) -> list[Any]:
    contractors = [
        services.contractors.create(
            {"name": f"株式会社{kind}{number}", "status": "active", "pi_items": ["氏名"]}
        )
        for number in range(count)
    ]
    return [KINDS[kind][1](services, contractor.id) for contractor in contractors]


def new_version(services: Services, kind: str, approved: Any) -> Any:
    """Edit an approved record: the edit is a new version awaiting approval."""
    if kind == "evaluation":
        return services.evaluations.update(approved.id, {"conditions": "再評価"}, None, approved.version)
    return services.contracts.update(approved.id, {"expires_on": "2027-03-31"}, approved.version)


def audit_changes(services: Services, record_type: str, record_ids: list[int]) -> list[tuple[Any, ...]]:
    with services.database.read() as session:
        events = session.scalars(
            select(AuditEvent)
            .where(
                AuditEvent.record_type == record_type,
                AuditEvent.action == "update",
                AuditEvent.record_id.in_(record_ids),
            )
            .order_by(AuditEvent.id)
        )
        return [(e.actor, e.record_id, e.changes) for e in events]


def test_approve_many_writes_what_approve_writes_one_by_one(services: Services, kind: str) -> None:
    service = service_of(services, kind)
    one, two, three, four = make(services, kind, 4)
    service.approve(one.id, one.version)
    service.approve(two.id, two.version)
    approved = service.approve_many([three.id, four.id])
    assert [record.id for record in approved] == [three.id, four.id]
    assert all((r.approver, r.approved_on, r.version) == ("tester", TODAY, 2) for r in approved)
    for before, after in ((one, three), (two, four)):
        single, bulk = service.get(before.id), service.get(after.id)
        assert (bulk.approver, bulk.approved_on, bulk.version, bulk.updated_by) == (
            single.approver,
            single.approved_on,
            single.version,
            single.updated_by,
        )
        assert bulk.updated_at == services.context.now()
    singles = audit_changes(services, kind, [one.id, two.id])
    bulks = audit_changes(services, kind, [three.id, four.id])
    assert [(actor, changes) for actor, _, changes in bulks] == [
        (actor, changes) for actor, _, changes in singles
    ]
    assert [record_id for _, record_id, _ in bulks] == [three.id, four.id]
    assert services.audit.verify_chain().is_intact


def test_approve_many_supersedes_each_predecessor_with_its_audit_event(services: Services, kind: str) -> None:
    service = service_of(services, kind)
    first, other = make(services, kind, 2)
    first = service.approve(first.id, first.version)
    draft = new_version(services, kind, first)
    assert service.pending_ids() == [other.id, draft.id]
    service.approve_many([draft.id, other.id])
    old = service.get(first.id)
    assert old.is_superseded and old.version == first.version + 1 and old.approved_on == TODAY
    assert not service.get(draft.id).is_superseded and service.get(draft.id).approved_on == TODAY
    changes = audit_changes(services, kind, [first.id])
    assert changes[-1] == ("tester", first.id, {"is_superseded": [False, True]})
    assert service.pending_ids() == []


@pytest.mark.parametrize("problem", ["unknown", "approved", "superseded"])
def test_one_refused_record_writes_nothing_and_the_error_names_it(
    services: Services, kind: str, problem: str
) -> None:
    service = service_of(services, kind)
    records = make(services, kind, 3)
    bad_id = 999_999
    if problem == "approved":
        bad_id = service.approve(records[2].id, records[2].version).id
    elif problem == "superseded":
        approved = service.approve(records[2].id, records[2].version)
        draft = new_version(services, kind, approved)
        service.approve(draft.id, draft.version)
        bad_id = approved.id
    before = dump(services)
    with pytest.raises(ValidationError) as caught:
        service.approve_many([records[0].id, records[1].id, bad_id])
    assert list(caught.value.fields) == [f"{kind}#{bad_id}"]
    message = caught.value.fields[f"{kind}#{bad_id}"]
    assert f"#{bad_id}" in message.ja and f"#{bad_id}" in message.en
    assert {"unknown": "does not exist", "approved": "already approved", "superseded": "superseded"}[
        problem
    ] in message.en
    assert dump(services) == before


def test_staff_cannot_approve_many_and_nothing_is_written(services: Services, kind: str) -> None:
    service = service_of(services, kind)
    records = make(services, kind, 2)
    before = dump(services)
    services.context.role, services.context.actor = "staff", "staff"
    with pytest.raises(PermissionDeniedError) as caught:
        service.approve_many([record.id for record in records])
    assert "個人情報保護責任者" in caught.value.message.ja
    with pytest.raises(PermissionDeniedError):
        service.approve_many([record.id for record in records], dry_run=True)
    assert dump(services) == before


def test_a_record_changed_since_it_was_shown_is_refused(sqlite_services: Services) -> None:
    records = make(sqlite_services, "evaluation", 2)
    changed = sqlite_services.evaluations.update(
        records[1].id, {"conditions": "追記"}, None, records[1].version
    )
    with pytest.raises(ValidationError) as caught:
        sqlite_services.evaluations.approve_many([r.id for r in records], {r.id: r.version for r in records})
    assert list(caught.value.fields) == [f"evaluation#{changed.id}"]
    assert "version 1 → 2" in caught.value.fields[f"evaluation#{changed.id}"].en
    assert sqlite_services.evaluations.pending_ids() == [r.id for r in records]


def test_dry_run_returns_the_records_and_writes_nothing(sqlite_services: Services) -> None:
    records = make(sqlite_services, "contract", 2)
    before = dump(sqlite_services)
    listed = sqlite_services.contracts.approve_many([records[1].id, records[0].id], dry_run=True)
    assert [record.id for record in listed] == [records[1].id, records[0].id]
    assert all(record.approved_on is None for record in listed)
    assert dump(sqlite_services) == before
    with pytest.raises(ValidationError):
        sqlite_services.contracts.approve_many([records[0].id, 12345], dry_run=True)


def test_repeated_ids_are_approved_once(sqlite_services: Services) -> None:
    (record,) = make(sqlite_services, "evaluation", 1)
    approved = sqlite_services.evaluations.approve_many([record.id, record.id])
    assert [r.id for r in approved] == [record.id]
    assert len(audit_changes(sqlite_services, "evaluation", [record.id])) == 1


def test_many_refusals_name_the_first_ten_and_count_the_rest(sqlite_services: Services) -> None:
    with pytest.raises(ValidationError) as caught:
        sqlite_services.evaluations.approve_many(list(range(1000, 1025)))
    fields = caught.value.fields
    assert list(fields)[:10] == [f"evaluation#{number}" for number in range(1000, 1010)]
    assert "15" in fields["more"].en and len(fields) == 11


def test_more_ids_than_the_limit_are_refused_before_any_work(
    sqlite_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(approval, "APPROVE_MANY_LIMIT", 3)
    records = make(sqlite_services, "evaluation", 4)
    with pytest.raises(ValidationError) as caught:
        sqlite_services.evaluations.approve_many([r.id for r in records])
    assert list(caught.value.fields) == ["ids"]
    assert sqlite_services.evaluations.pending_ids() == [r.id for r in records]


def test_stopping_through_progress_rolls_everything_back(
    sqlite_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(approval, "APPROVE_MANY_CHUNK", 2)
    records = make(sqlite_services, "evaluation", 5)
    before = dump(sqlite_services)
    seen: list[tuple[int, int]] = []

    class Stop(Exception):
        pass

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done == 4:
            raise Stop()

    with pytest.raises(Stop):
        sqlite_services.evaluations.approve_many([r.id for r in records], progress=progress)
    assert seen == [(0, 5), (2, 5), (4, 5)]
    assert dump(sqlite_services) == before


def test_pending_ids_are_the_unapproved_current_versions(sqlite_services: Services) -> None:
    one, two = make(sqlite_services, "contract", 2)
    sqlite_services.contracts.approve(one.id, one.version)
    assert sqlite_services.contracts.pending_ids() == [two.id]
    sqlite_services.context.role = "auditor"
    assert sqlite_services.contracts.pending_ids() == [two.id]  # reading is allowed


def test_ten_thousand_imported_records_are_approved_in_a_bounded_number_of_queries(
    tmp_path: Path, sqlite_services: Services
) -> None:
    count = 10_000
    rows = [
        _row(
            number,
            f"株式会社テスト{number:05d}",
            None,
            **{"評価実施日": "2026-04-01", "評価結果": "適合", "機密保持契約締結日": "2026-04-01"},
        )
        for number in range(1, count + 1)
    ]
    sqlite_services.ledger_import.import_contractors(hand_kept_ledger(tmp_path / "ledger.xlsx", rows))
    statements: list[str] = []

    def count_statement(*args: Any) -> None:
        statements.append(args[2])

    for service in (sqlite_services.evaluations, sqlite_services.contracts):
        ids = service.pending_ids()
        assert len(ids) == count
        event.listen(sqlite_services.database.engine, "before_cursor_execute", count_statement)
        try:
            approved = service.approve_many(ids)
        finally:
            event.remove(sqlite_services.database.engine, "before_cursor_execute", count_statement)
        assert len(approved) == count and service.pending_ids() == []
        chunks = -(-count // approval.APPROVE_MANY_CHUNK)
        assert len(statements) <= 3 * chunks + 10, len(statements)  # not one per record
        statements.clear()
    assert sqlite_services.audit.verify_chain().is_intact


def test_every_approvable_kind_has_one_approval_helper(sqlite_services: Services) -> None:
    from dataclasses import fields

    from desktop.services.approval import Approvals
    from desktop.store.models import RECORD_MODELS

    approvable = {kind for kind, model in RECORD_MODELS.items() if hasattr(model, "approved_on")}
    helpers = [
        service
        for service in (getattr(sqlite_services, field.name) for field in fields(sqlite_services))
        if isinstance(service, Approvals)
    ]
    assert sorted(helper.schema.record_type for helper in helpers) == sorted(approvable)
    for helper in helpers:
        assert RECORD_MODELS[helper.schema.record_type] is helper.model
