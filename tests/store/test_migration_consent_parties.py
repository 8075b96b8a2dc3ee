"""Migration 0007 on a database at 0006 (the previous revision) holding real rows: each consent gets the party and link its names
infer, the rest are listed by the check for the user to complete, and the audit trail still verifies and
replays onto the records (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command

from desktop.domain.audit_chain import GENESIS, event_hash
from desktop.store import migrate
from desktop.store.database import Database
from desktop.store.models import UTCDateTime
from tests.conftest import make_services

NOW = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)
STAMP = {"version": 1, "created_at": NOW, "updated_at": NOW, "updated_by": "tester"}

ROWS: list[tuple[str, dict[str, Any]]] = [
    ("company_profile", {"id": 1, "name": "株式会社みらいデータ"}),
    (
        "contractor",
        {
            "id": 1,
            "name": "株式会社さくら",
            "kind": "corporation",
            "country": "JP",
            "status": "active",
            "pi_items": ["氏名"],
            "handles_special_care": False,
            "handles_my_number": False,
        },
    ),
    (
        "engagement",
        {
            "id": 1,
            "client_name": "東邦生命保険株式会社",
            "client_is_original": False,
            "original_business_name": "株式会社あおぞら生活",
            "work": "会員データ入力",
            "pi_items": ["氏名"],
            "start_date": date(2026, 10, 1),
            "status": "planned",
        },
    ),
    (
        "engagement",
        {
            "id": 2,
            "client_name": "株式会社直販",
            "client_is_original": True,
            "work": "発送代行",
            "pi_items": [],
            "start_date": date(2026, 10, 1),
            "status": "planned",
        },
    ),
    ("redelegation", {"id": 1, "engagement_id": 1, "contractor_id": 1, "start_date": date(2026, 10, 15)}),
    ("redelegation", {"id": 2, "engagement_id": 2, "contractor_id": 1, "start_date": date(2026, 10, 15)}),
]


def hop(
    id: int, engagement: int, redelegation: int | None, giver: str, entrusted: str
) -> tuple[str, dict[str, Any]]:
    return (
        "consent_hop",
        {
            "id": id,
            "engagement_id": engagement,
            "redelegation_id": redelegation,
            "from_party": giver,
            "to_party": entrusted,
            "consented_on": date(2026, 9, 1),
            "form": "written",
        },
    )


HOPS = [
    hop(1, 1, None, "株式会社あおぞら生活", "株式会社みらいデータ"),  # original → the client's link to us
    hop(
        2, 1, 1, "東邦生命保険株式会社", "株式会社さくら"
    ),  # the client (not the original) for our re-delegation
    hop(3, 1, None, "営業部 佐藤", "再委託先各社"),  # nothing to infer
    hop(4, 2, 2, "株式会社直販", "さくら"),  # the client is the original business
    hop(5, 1, 1, "株式会社さくら", "株式会社さくら"),  # the sub-contractor's own acceptance
    hop(6, 1, None, "株式会社　あおぞら生活", "当社"),  # a full-width space, 当社
]

EXPECTED = {
    1: ("original", "client", "us"),
    2: ("client", "us", "redelegation:1"),
    3: (None, None, None),
    4: ("client", "us", "redelegation:2"),
    5: ("redelegation:1", "us", "redelegation:1"),
    6: ("original", "client", "us"),
}


def _database_at_0006_with_rows(url: str) -> None:
    database = Database(url)
    config = migrate.alembic_config()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0006")
    metadata = sa.MetaData()
    metadata.reflect(database.engine)
    events = metadata.tables["audit_event"]
    previous, event_id = GENESIS, 0
    with database.engine.begin() as connection:
        for table, values in [*ROWS, *HOPS]:
            connection.execute(metadata.tables[table].insert().values(**values, **STAMP))
            event_id += 1
            changes = {
                k: [None, v.isoformat() if isinstance(v, date) else v] for k, v in values.items() if k != "id"
            }
            changes = {k: pair for k, pair in changes.items() if pair[1] is not None}
            digest = event_hash(previous, event_id, NOW, "tester", "create", table, values["id"], changes)
            connection.execute(
                sa.insert(events).values(
                    id=event_id,
                    occurred_at=UTCDateTime().process_bind_param(NOW, connection.dialect),
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
    database.dispose()


def test_existing_consents_get_the_party_and_link_their_names_infer(
    database_url: str, tmp_path: Path
) -> None:
    _database_at_0006_with_rows(database_url)
    database = Database(database_url)
    assert migrate.upgrade(database.engine, copy_first=False) == migrate.head_revision()
    with database.engine.connect() as connection:
        rows = connection.execute(
            sa.text("SELECT id, given_by, link_from, link_to FROM consent_hop ORDER BY id")
        ).all()
    database.dispose()
    assert {row[0]: tuple(row[1:]) for row in rows} == EXPECTED

    services = make_services(database_url, tmp_path)
    try:
        # The trail explains every filled column: the chain verifies and replays onto the records.
        assert services.audit.verify_chain().is_intact
        replay = services.audit.verify_records()
        assert replay.is_intact, [d.message.en for d in replay.discrepancies]
        findings = services.checks.findings(date(2026, 11, 25))
        incomplete = [f for f in findings if f.rule == "engagement.consent_incomplete"]
        assert [(f.record_id, f.severity.value) for f in incomplete] == [(1, "warning")]
        assert "#3" in incomplete[0].message.ja and "営業部 佐藤" in incomplete[0].message.ja
        assert "#1" not in incomplete[0].message.en
        # Engagement 1's link client → us is covered (hops 1 and 6); its re-delegation is not: the client's
        # and the sub-contractor's own consents do not count. Engagement 2's client is the original: covered.
        by_rule = {(f.rule, f.record_id) for f in findings}
        assert ("engagement.consent_missing", 1) not in by_rule
        assert ("redelegation.consent_missing", 1) in by_rule
        assert ("redelegation.consent_missing", 2) not in by_rule
        missing = next(f for f in findings if f.rule == "redelegation.consent_missing" and f.record_id == 1)
        assert "株式会社あおぞら生活" in missing.message.ja and "数えられません" in missing.message.ja
        # Completing the listed consent through the service clears the finding.
        hop3 = next(h for h in services.engagements.get(1).consent_hops if h.id == 3)
        services.engagements.update_consent_hop(
            3,
            {"given_by": "original", "link_from": "us", "link_to": "redelegation:1", "redelegation_id": 1},
            hop3.version,
        )
        after = services.checks.findings(date(2026, 11, 25))
        assert not [f for f in after if f.rule == "engagement.consent_incomplete"]
        assert ("redelegation.consent_missing", 1) not in {(f.rule, f.record_id) for f in after}
    finally:
        services.close()
