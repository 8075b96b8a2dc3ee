"""Migration 0012 on a database at 0011 holding real rows (SQLite and PostgreSQL): an engagement's one authority
to consent becomes the list's one entry and still makes its holder's consent count; the contractors the trail
shows came in through a ledger import get the day of their import, the one registered here none; the trail
still verifies and replays onto the records; "as of" a day before the migration reads the old authority; the
downgrade gives the single authority back."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command

from desktop.domain.audit_chain import GENESIS, event_hash
from desktop.domain.ledger import IMPORTED_EVALUATION_NOTE
from desktop.services.as_it_stood import as_it_stood
from desktop.store import migrate
from desktop.store.database import Database
from desktop.store.models import UTCDateTime
from tests.conftest import make_services

IMPORT = datetime(2026, 4, 1, 1, 0, tzinfo=UTC)  # 2026-04-01 10:00 in Tokyo
ALONE = datetime(2026, 4, 2, 1, 0, tzinfo=UTC)
HERE = datetime(2026, 4, 3, 1, 0, tzinfo=UTC)
DEMO = datetime(2026, 4, 4, 1, 0, tzinfo=UTC)
START = date(2026, 10, 1)


def contractor(contractor_id: int, name: str) -> dict[str, Any]:
    return {
        "id": contractor_id,
        "name": name,
        "kind": "corporation",
        "country": "JP",
        "status": "active",
        "pi_items": ["氏名"],
        "handles_special_care": False,
        "handles_my_number": False,
        "start_date": date(2025, 1, 1),
    }


def evaluation(evaluation_id: int, contractor_id: int, conditions: str | None) -> dict[str, Any]:
    return {
        "id": evaluation_id,
        "contractor_id": contractor_id,
        "evaluated_on": date(2026, 3, 1),
        "evaluator": "佐藤",
        "route": "full",
        "items": [],
        "total_score": 10,
        "max_score": 10,
        "result": "pass",
        "conditions": conditions,
        "is_superseded": False,
    }


# (moment, table, values): in trail order. Contractors 1 and 2 were created by one import (one instant,
# consecutive events); contractor 3 alone, followed by its imported evaluation; contractor 4 here, then an
# evaluation made here; contractors 5 and 6 by the demo data, which writes their evaluations in the same
# instant (unmarked): no import.
ROWS: list[tuple[datetime, str, dict[str, Any]]] = [
    (IMPORT, "company_profile", {"id": 1, "name": "株式会社みらいデータ"}),
    (IMPORT, "contractor", contractor(1, "株式会社いち")),
    (IMPORT, "contractor", contractor(2, "株式会社に")),
    (ALONE, "contractor", contractor(3, "株式会社さん")),
    (ALONE, "evaluation", evaluation(1, 3, IMPORTED_EVALUATION_NOTE)),
    (HERE, "contractor", contractor(4, "株式会社よん")),
    (HERE + timedelta(minutes=5), "evaluation", evaluation(2, 4, None)),
    (
        HERE,
        "engagement",
        {
            "id": 1,
            "client_name": "株式会社ビー物流",
            "client_is_original": False,
            "original_business_name": "株式会社当初",
            "intermediate_clients": ["株式会社エー情報"],
            "consent_authority": "client",
            "consent_authority_on": date(2026, 8, 1),
            "consent_authority_document": "再委託承諾権限の覚書",
            "work": "発送代行",
            "pi_items": ["氏名"],
            "start_date": START,
            "status": "planned",
        },
    ),
    (
        HERE,
        "engagement",
        {
            "id": 2,
            "client_name": "株式会社直販",
            "client_is_original": True,
            "work": "入力代行",
            "pi_items": [],
            "start_date": START,
            "status": "planned",
        },
    ),
    (
        HERE,
        "consent_hop",
        {
            "id": 1,
            "engagement_id": 1,
            "given_by": "client",
            "link_from": "client",
            "link_to": "us",
            "from_party": "株式会社ビー物流",
            "to_party": "株式会社みらいデータ",
            "consented_on": date(2026, 9, 1),
            "form": "written",
        },
    ),
    (
        HERE,
        "consent_hop",
        {
            "id": 2,
            "engagement_id": 1,
            "given_by": "original",
            "link_from": "intermediate:株式会社エー情報",
            "link_to": "client",
            "from_party": "株式会社当初",
            "to_party": "株式会社ビー物流",
            "consented_on": date(2026, 9, 1),
            "form": "written",
        },
    ),
    (DEMO, "contractor", contractor(5, "株式会社ご")),
    (DEMO, "contractor", contractor(6, "株式会社ろく")),
    (DEMO, "evaluation", evaluation(3, 5, None)),
]


def _json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def build_at_0011(database_url: str) -> Database:
    database = Database(database_url)
    config = migrate.alembic_config()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0011")
    metadata = sa.MetaData()
    metadata.reflect(database.engine)
    events = metadata.tables["audit_event"]
    previous = GENESIS
    with database.engine.begin() as connection:
        for event_id, (moment, table, values) in enumerate(ROWS, start=1):
            stamp = {"version": 1, "created_at": moment, "updated_at": moment, "updated_by": "tester"}
            connection.execute(metadata.tables[table].insert().values(**values, **stamp))
            changes = {k: [None, _json(v)] for k, v in values.items() if k != "id" and v is not None}
            digest = event_hash(previous, event_id, moment, "tester", "create", table, values["id"], changes)
            connection.execute(
                sa.insert(events).values(
                    id=event_id,
                    occurred_at=UTCDateTime().process_bind_param(moment, connection.dialect),
                    actor="tester",
                    action="create",
                    record_type=table,
                    record_id=values["id"],
                    changes=changes,
                    previous_hash=previous,
                    hash=digest,
                )
            )
            previous = digest
    return database


def test_the_authority_becomes_a_list_and_imported_contractors_are_marked(
    database_url: str, tmp_path: Path
) -> None:
    database = build_at_0011(database_url)
    assert migrate.upgrade(database.engine) == migrate.head_revision()
    services = make_services(database_url, tmp_path)
    try:
        work = services.engagements.get(1)
        assert work.consent_authorities == [
            {"party": "client", "granted_on": "2026-08-01", "document": "再委託承諾権限の覚書"}
        ]
        assert services.engagements.get(2).consent_authorities is None  # none before, none now
        # The client's consent still counts through its authority: no consent finding on the engagement.
        findings = {(f.rule, f.record_id) for f in services.checks.findings(START)}
        assert ("engagement.consent_missing", 1) not in findings
        marked = {c.id: services.contractors.get(c.id).imported_on for c in services.contractors.search()}
        assert marked == {
            1: date(2026, 4, 1),
            2: date(2026, 4, 1),
            3: date(2026, 4, 2),
            4: None,
            5: None,
            6: None,
        }
        # The trail explains the moved and marked values: the chain verifies and replays onto the records.
        assert services.audit.verify_chain().is_intact
        replay = services.audit.verify_records()
        assert replay.is_intact, [d.message.en for d in replay.discrepancies]
        # As it stood before the migration (rebuilt from the trail, whose creation held the one authority):
        # the authority is there, and the client's consent counts.
        with as_it_stood(services, date(2026, 9, 15), services.factory) as past:
            assert past is not services
            assert past.engagements.get(1).consent_authorities == work.consent_authorities
            assert past.contractors.get(3).imported_on == date(2026, 4, 2)
            past_findings = {(f.rule, f.record_id) for f in past.checks.findings(date(2026, 9, 15))}
            assert ("engagement.consent_missing", 1) not in past_findings
    finally:
        services.close()
    config = migrate.alembic_config()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0011")
    with database.engine.connect() as connection:
        back = connection.execute(
            sa.text("SELECT id, consent_authority, consent_authority_document FROM engagement ORDER BY id")
        ).all()
        hops = connection.execute(sa.text("SELECT count(*) FROM consent_hop")).scalar()
    database.dispose()
    assert [tuple(r) for r in back] == [(1, "client", "再委託承諾権限の覚書"), (2, None, None)]
    assert hops == 2  # dropping a column never took the engagement's consents with it
