"""The migration that lets a corrective action name any record (issue 12) keeps every existing one on its
contractor: it still closes that contractor's finding after the upgrade; and the downgrade gives it back."""

from __future__ import annotations

from datetime import UTC, date, datetime

import sqlalchemy as sa
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import text

from desktop.domain.audit_chain import GENESIS, event_hash
from desktop.services.as_it_stood import as_it_stood
from desktop.store import migrate
from desktop.store.database import Database
from desktop.store.models import UTCDateTime
from tests.conftest import make_services

NOW = datetime(2026, 5, 2, 1, 0, tzinfo=UTC)


def revision_before() -> str:
    config = migrate.alembic_config()
    script = ScriptDirectory.from_config(config)
    (revision,) = [r for r in script.walk_revisions() if r.path.endswith("_corrective_action_any_record.py")]
    assert isinstance(revision.down_revision, str)
    return revision.down_revision


def test_an_existing_action_stays_on_its_contractor_and_still_closes_its_finding(database_url, tmp_path):
    database = Database(database_url)
    config = migrate.alembic_config()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision_before())
    metadata = sa.MetaData()
    metadata.reflect(database.engine)
    events = metadata.tables["audit_event"]
    stamp = {"version": 1, "created_at": NOW, "updated_at": NOW, "updated_by": "tester"}
    rows = [
        (
            "contractor",
            {
                "id": 7,
                "name": "株式会社さくら",
                "kind": "corporation",
                "country": "JP",
                "pi_items": ["氏名"],
                "handles_special_care": False,
                "handles_my_number": False,
                "status": "active",
                "start_date": "2026-03-01",
            },
        ),
        (
            "corrective_action",
            {
                "id": 1,
                "contractor_id": 7,
                "rule": "contractor.entrusted_before_selection",
                "action": "移行前の是正処置",
                "taken_on": "2026-05-01",
                "taken_by": "黒田 修",
            },
        ),
    ]
    previous = GENESIS
    with database.engine.begin() as connection:
        for event_id, (table, values) in enumerate(rows, start=1):
            stored = {
                k: date.fromisoformat(v) if k.endswith(("_date", "_on")) else v for k, v in values.items()
            }
            connection.execute(metadata.tables[table].insert().values(**stored, **stamp))
            changes = {k: [None, v] for k, v in values.items() if k != "id" and v is not False}
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
    assert migrate.upgrade(database.engine) == migrate.head_revision()
    with database.engine.connect() as connection:
        rows = connection.execute(
            text("SELECT id, record_type, record_id, rule, action FROM corrective_action")
        ).all()
    assert [tuple(r) for r in rows] == [
        (1, "contractor", 7, "contractor.entrusted_before_selection", "移行前の是正処置")
    ]
    services = make_services(database_url, tmp_path)
    try:
        (row,) = services.corrective_actions.list(7)
        assert (row.record_label, row.taken_on) == ("株式会社さくら", date(2026, 5, 1))
        # The trail explains the moved columns: the chain verifies and replays onto the records.
        assert services.audit.verify_chain().is_intact
        replay = services.audit.verify_records()
        assert replay.is_intact, [d.message.en for d in replay.discrepancies]
        # As it stood before the migration (rebuilt from the trail, whose creation named the contractor):
        # the action is on its contractor there too.
        with as_it_stood(services, date(2026, 6, 1), services.factory) as past:
            assert past is not services
            (old,) = past.corrective_actions.list(7)
            assert (old.record_type, old.record_id, old.record_label) == ("contractor", 7, "株式会社さくら")
    finally:
        services.close()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision_before())
    with database.engine.connect() as connection:
        back = connection.execute(text("SELECT id, contractor_id, rule FROM corrective_action")).all()
    database.dispose()
    assert [tuple(r) for r in back] == [(1, 7, "contractor.entrusted_before_selection")]
