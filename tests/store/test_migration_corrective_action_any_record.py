"""The migration that lets a corrective action name any record (issue 12) keeps every existing one on its
contractor: it still closes that contractor's finding after the upgrade; and the downgrade gives it back."""

from __future__ import annotations

from datetime import date

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import text

from desktop.store import migrate
from desktop.store.database import Database
from tests.conftest import make_services


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
    stamp = {"v": 1, "at": "2026-01-01 00:00:00", "by": "tester"}
    with database.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO contractor (id, name, kind, country, pi_items, handles_special_care, "
                "handles_my_number, status, start_date, version, created_at, updated_at, updated_by) VALUES "
                "(7, '株式会社さくら', 'corporation', 'JP', '[\"氏名\"]', false, false, 'active', '2026-03-01', "
                ":v, :at, :at, :by)"
            ),
            stamp,
        )
        connection.execute(
            text(
                "INSERT INTO corrective_action (id, contractor_id, rule, action, taken_on, taken_by, version, "
                "created_at, updated_at, updated_by) VALUES (1, 7, 'contractor.entrusted_before_selection', "
                "'移行前の是正処置', '2026-05-01', '黒田 修', :v, :at, :at, :by)"
            ),
            stamp,
        )
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
    finally:
        services.close()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision_before())
    with database.engine.connect() as connection:
        back = connection.execute(text("SELECT id, contractor_id, rule FROM corrective_action")).all()
    database.dispose()
    assert [tuple(r) for r in back] == [(1, 7, "contractor.entrusted_before_selection")]
