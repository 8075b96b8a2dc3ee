from collections import Counter

import pytest
from sqlalchemy import event, func, select

from desktop.domain.errors import ValidationError
from desktop.domain.rules import RULE_IDS
from desktop.store.models import AuditEvent, Contractor


def test_demo_data_fires_every_rule(services):
    services.demo.load(40, 1)
    fired = {finding.rule for finding in services.checks.findings()}
    assert fired == set(RULE_IDS)


def test_demo_is_deterministic_per_seed(tmp_path):
    from tests.conftest import make_services

    def dump(seed, name):
        built = make_services(f"sqlite:///{tmp_path / name}", tmp_path)
        built.demo.load(20, seed)
        with built.database.read() as session:
            rows = [
                (c.name, c.corporate_number, c.status, c.start_date)
                for c in session.scalars(select(Contractor).order_by(Contractor.id))
            ]
        built.close()
        return rows

    assert dump(7, "a.db") == dump(7, "b.db")
    assert dump(7, "a2.db") != dump(8, "c.db")


def test_demo_audits_every_record_and_refuses_a_non_empty_database(services):
    summary = services.demo.load(20, 3)
    with services.database.read() as session:
        creates = Counter(
            session.scalars(select(AuditEvent.record_type).where(AuditEvent.action == "create"))
        )
    assert creates["contractor"] == summary.contractors == 20
    assert creates["contract"] == summary.contracts
    with pytest.raises(ValidationError):
        services.demo.load(20, 3)


def test_demo_size_is_validated(sqlite_services):
    with pytest.raises(ValidationError) as caught:
        sqlite_services.demo.load(2, 1)
    assert "size" in caught.value.fields
    with sqlite_services.database.read() as session:
        assert session.scalar(select(func.count(Contractor.id))) == 0


def count_queries(services, action) -> int:
    statements = []

    def before(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append(statement)

    event.listen(services.database.engine, "before_cursor_execute", before)
    try:
        action()
    finally:
        event.remove(services.database.engine, "before_cursor_execute", before)
    return len(statements)


def test_rules_issue_a_constant_number_of_queries(tmp_path):
    from tests.conftest import make_services

    counts = []
    for size in (20, 120):
        built = make_services(f"sqlite:///{tmp_path / f'q{size}.db'}", tmp_path)
        built.demo.load(size, 1)
        counts.append(count_queries(built, built.checks.findings))
        built.close()
    assert counts[0] == counts[1] <= 17  # a query per kind of facts (the opt-out arrangements with their
    # changes in one; the stop requests, provisions, receipts, requests and incidents one each), the settings
    # and the snapshot's head


def test_findings_count_by_topic(demo_services):
    model = demo_services.checks.model()
    counts = model.counts.by_topic
    assert set(counts) == {
        "contractor",
        "evaluation",
        "contract",
        "engagement",
        "redelegation",
        "joint_use",
        "opt_out",
        "provision",
        "receipt",
        "request",
        "incident",
    }
    assert sum(counts.values()) == len(model.findings) == model.counts.count


def test_deadlines_of_the_demo_are_within_ninety_days_in_order(demo_services):
    deadlines = demo_services.checks.deadlines()
    today = demo_services.context.today()
    assert deadlines and all(0 <= (d.due - today).days <= 90 for d in deadlines)
    assert [d.due for d in deadlines] == sorted(d.due for d in deadlines)
    assert {"evaluation_due", "contract_expiry", "notice_owed"} <= {d.kind for d in deadlines}


def test_records_can_be_added_after_the_demo(services):
    summary = services.demo.load(20, 1)
    record = services.contractors.create({"name": "デモ後に追加した委託先"})
    assert record.id == summary.contractors + 1


def test_demo_foreign_contractors_are_in_their_own_countries(sqlite_services) -> None:
    """Issue 14: demo data that looks real: a foreign contractor has an address, representative and telephone
    number of its own country, not a Japanese one."""
    sqlite_services.demo.load(40, 1)
    foreign = [
        sqlite_services.contractors.get(contractor_id)
        for contractor_id, _ in sqlite_services.contractors.names()
        if sqlite_services.contractors.get(contractor_id).kind == "foreign_corporation"
    ]
    assert foreign
    countries = {"US": "USA", "SG": "Singapore", "IE": "Ireland"}
    for contractor in foreign:
        assert countries[contractor.country] in (contractor.address or "")
        assert contractor.phone and contractor.phone.startswith("+")
        assert "代表取締役" not in (contractor.representative or "")
