"""The migration that gives every account without one a password fingerprint in the trail (issue 13): before
it, a password hash replaced behind the app on such an account went unseen by `audit verify`; after it, the
replay names the account and the field. Runs on SQLite and on PostgreSQL (`database_url`)."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import text

from desktop.domain.audit_chain import GENESIS, event_hash
from desktop.store import migrate
from desktop.store.database import Database
from desktop.store.models import UTCDateTime
from tests.conftest import make_services

NOW = datetime(2025, 4, 1, 1, 0, tzinfo=UTC)
OLD_HASH = "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA"


def revision_before() -> str:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    (revision,) = [r for r in script.walk_revisions() if r.path.endswith("_account_password_baseline.py")]
    assert isinstance(revision.down_revision, str)
    return revision.down_revision


def an_old_database(database_url: str) -> Database:
    """At the revision before the baseline: one account whose creation event, as older versions wrote it,
    names no password fingerprint, and one created by this version (with its fingerprint)."""
    database = Database(database_url)
    config = migrate.alembic_config()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision_before())
    metadata = sa.MetaData()
    metadata.reflect(database.engine)
    accounts, events = metadata.tables["account"], metadata.tables["audit_event"]
    from desktop.services.trail_replay import PASSWORD_FINGERPRINT, password_fingerprint

    previous = GENESIS
    with database.engine.begin() as connection:
        for account_id, name, with_fingerprint in ((1, "officer", False), (2, "newer", True)):
            connection.execute(
                accounts.insert().values(
                    id=account_id,
                    username=name,
                    display_name=None,
                    role="officer",
                    password_hash=OLD_HASH,
                    is_active=True,
                    version=1,
                    created_at=NOW,
                    updated_at=NOW,
                    updated_by=name,
                )
            )
            changes = {"username": [None, name], "role": [None, "officer"], "is_active": [None, True]}
            if with_fingerprint:
                changes[PASSWORD_FINGERPRINT] = [None, password_fingerprint(OLD_HASH)]
            digest = event_hash(previous, account_id, NOW, name, "create", "account", account_id, changes)
            connection.execute(
                sa.insert(events).values(
                    id=account_id,
                    occurred_at=UTCDateTime().process_bind_param(NOW, connection.dialect),
                    actor=name,
                    action="create",
                    record_type="account",
                    record_id=account_id,
                    changes=changes,
                    previous_hash=previous,
                    hash=digest,
                )
            )
            previous = digest
    return database


def replace_password_behind_the_app(database: Database) -> None:
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE account SET password_hash = 'planted' WHERE username = 'officer'"))


def test_after_the_baseline_a_replaced_password_is_named(database_url, tmp_path):
    database = an_old_database(database_url)
    assert migrate.upgrade(database.engine) == migrate.head_revision()
    with database.engine.connect() as connection:
        baseline = connection.execute(
            text("SELECT actor, action, record_id FROM audit_event WHERE id > 2 ORDER BY id")
        ).all()
    assert [tuple(row) for row in baseline] == [("itaku-migration-0013", "update", 1)]  # not the newer one
    services = make_services(database_url, tmp_path)
    try:
        assert services.audit.verify_chain().is_intact
        assert services.audit.verify_records().is_intact
        replace_password_behind_the_app(database)
        replay = services.audit.verify_records()
        assert not replay.is_intact
        assert {(d.record_type, d.record_id, d.field) for d in replay.discrepancies} == {
            ("account", 1, "password_hash_sha256")
        }
    finally:
        services.close()
        database.dispose()
