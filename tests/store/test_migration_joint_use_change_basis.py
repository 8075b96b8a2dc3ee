"""The migration that gives a joint use change its basis keeps every existing change as it was: an existing
change of the items or the scope of joint users has no basis, so it becomes a finding; others stay clean."""

from __future__ import annotations

from datetime import date

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import text

from desktop.domain.enums import Severity
from desktop.domain.kinds import RuleId
from desktop.store import migrate
from desktop.store.database import Database
from tests.conftest import make_services


def revision_before_the_basis() -> str:
    config = migrate.alembic_config()
    script = ScriptDirectory.from_config(config)
    (revision,) = [rev for rev in script.walk_revisions() if rev.path.endswith("_joint_use_change_basis.py")]
    assert isinstance(revision.down_revision, str)
    return revision.down_revision


def test_existing_changes_are_kept_and_one_of_the_items_without_basis_is_a_finding(database_url, tmp_path):
    database = Database(database_url)
    config = migrate.alembic_config()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision_before_the_basis())
    stamp = {"v": 1, "at": "2026-01-01 00:00:00", "by": "tester"}
    with database.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO joint_use (id, title, pi_items, joint_users, responsible_is_corporation, "
                "start_date, notice_published_on, version, created_at, updated_at, updated_by) VALUES "
                "(1, '移行前の共同利用', '[]', '[]', false, '2026-04-01', '2026-03-01', :v, :at, :at, :by)"
            ),
            stamp,
        )
        for change_id, field, noticed in ((1, "pi_items", "2026-05-20"), (2, "purpose", "2026-05-20")):
            connection.execute(
                text(
                    "INSERT INTO joint_use_change (id, joint_use_id, field, description, changed_on, noticed_on, "
                    "version, created_at, updated_at, updated_by) "
                    "VALUES (:id, 1, :field, '移行前の変更', '2026-06-01', :noticed, :v, :at, :at, :by)"
                ),
                {"id": change_id, "field": field, "noticed": noticed, **stamp},
            )
    assert migrate.upgrade(database.engine) == migrate.head_revision()
    with database.engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT id, field, description, changed_on, noticed_on, basis, basis_reason "
                "FROM joint_use_change ORDER BY id"
            )
        ).all()
    database.dispose()
    assert [(r.id, r.field, r.description, r.basis, r.basis_reason) for r in rows] == [
        (1, "pi_items", "移行前の変更", None, None),
        (2, "purpose", "移行前の変更", None, None),
    ]
    assert [str(r.changed_on) for r in rows] == ["2026-06-01", "2026-06-01"]
    services = make_services(database_url, tmp_path)
    try:
        findings = [f for f in services.checks.findings(date(2026, 11, 25)) if f.record_id == 1]
    finally:
        services.close()
    assert [(f.rule, f.severity) for f in findings if f.rule.startswith("joint_use.change")] == [
        (RuleId.JOINT_USE_CHANGE_WITHOUT_BASIS, Severity.BLOCKING)
    ]
