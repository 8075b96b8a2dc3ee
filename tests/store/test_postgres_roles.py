"""On PostgreSQL the database itself enforces Itaku's roles (desktop.store.roles).

Each attack connects straight to the server as a person's login role, as psql would, and must be refused
by the server; the app's own paths (signed in as that person, connected as their login role) still work.
Login and group roles are shared by the whole server: every test names its own and drops them afterwards.
"""

from __future__ import annotations

import shutil
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import psycopg
import pytest
from psycopg import errors
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from desktop.app import Services
from desktop.domain.roles import PermissionDeniedError
from desktop.store import roles
from tests.conftest import _reset_postgres, make_services

pytestmark = pytest.mark.postgres

PASSWORD = "s3cret-pass"


@dataclass
class Team:
    url: str
    officer: str
    staff: str
    auditor: str
    services: Services  # signed in as the officer, connected as the officer's login role
    tmp_path: Path

    def connect(self, name: str) -> psycopg.Connection[Any]:
        """A plain client connection as the login role `name`, as psql would open it."""
        url = make_url(self.url)
        return psycopg.connect(
            host=url.host or "localhost",
            port=url.port or 5432,
            dbname=url.database,
            user=name,
            autocommit=True,
        )

    def signed_in(self, name: str) -> Services:
        services = make_services(self.url, self.tmp_path / name)
        services.accounts.sign_in(name, PASSWORD)
        return services


def drop_roles(url: str, names: list[str]) -> None:
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(
            text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = ANY(:names)"),
            {"names": names},
        )
        existing = [
            name
            for name in names
            if connection.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": name})
        ]
        if existing:
            quoted = ", ".join(f'"{name}"' for name in existing)
            connection.execute(text(f"DROP OWNED BY {quoted}"))
            connection.execute(text(f"DROP ROLE {quoted}"))
    admin.dispose()


@pytest.fixture
def team(postgres_database: str, tmp_path: Path) -> Iterator[Team]:
    """A database with the roles in force: an officer (from init), a staff member and an auditor."""
    _reset_postgres(postgres_database)
    suffix = uuid.uuid4().hex[:8]
    officer, staff, auditor = (f"{role}_{suffix}" for role in ("officer", "staff", "auditor"))
    groups = list(roles.group_names(make_url(postgres_database).database or "").values())
    admin = make_services(postgres_database, tmp_path / "admin")
    services: Services | None = None
    try:
        admin.accounts.enforce_database_roles()
        admin.accounts.create_first_officer(officer, PASSWORD)
        admin.close()
        services = make_services(postgres_database, tmp_path / "officer")
        services.accounts.sign_in(officer, PASSWORD)
        services.accounts.add(staff, "staff", PASSWORD)
        services.accounts.add(auditor, "auditor", PASSWORD)
        yield Team(postgres_database, officer, staff, auditor, services, tmp_path)
    finally:
        admin.close()
        if services is not None:
            services.close()
        _reset_postgres(postgres_database)
        drop_roles(postgres_database, [officer, staff, auditor, *groups])


def new_contractor(services: Services, name: str = "株式会社テスト") -> Any:
    return services.contractors.create({"name": name, "status": "active", "pi_items": ["氏名"]})


def new_evaluation(services: Services, contractor_id: int) -> Any:
    scores = {item.code: 2 for item in services.evaluations.items_for("full")}
    return services.evaluations.create(
        {"contractor_id": contractor_id, "evaluated_on": "2026-04-01", "evaluator": "佐藤"}, scores
    )


def tokyo_today() -> Any:
    return datetime.now(UTC).astimezone(ZoneInfo("Asia/Tokyo")).date()


def refused(connection: psycopg.Connection[Any], statement: str) -> errors.Error:
    with pytest.raises(errors.InsufficientPrivilege) as raised:
        connection.execute(statement)
    return raised.value


# --- attacks, each refused by the server ---------------------------------------------------------------


def test_staff_cannot_make_itself_an_officer(team: Team) -> None:
    with team.connect(team.staff) as connection:
        refused(connection, "UPDATE account SET role = 'officer'")
        refused(
            connection,
            "INSERT INTO account (username, role, password_hash, is_active, version, created_at, "
            "updated_at, updated_by) VALUES ('mallory', 'officer', 'x', true, 1, now(), now(), 'x')",
        )
    with team.connect(team.officer) as connection:
        assert connection.execute(
            "SELECT role FROM account WHERE username = %s", (team.staff,)
        ).fetchone() == ("staff",)


@pytest.mark.parametrize("who", ["staff", "auditor", "officer"])
def test_no_group_reads_the_password_hashes(team: Team, who: str) -> None:
    """A copied argon2 hash can be attacked offline: no one reads another's (issue 13)."""
    name = getattr(team, who)
    with team.connect(name) as connection:
        refused(connection, "SELECT password_hash FROM account")
        refused(connection, "SELECT * FROM account")
        names = {row[0] for row in connection.execute("SELECT username FROM account WHERE is_active")}
        assert {team.officer, team.staff, team.auditor} <= names
        (own,) = connection.execute("SELECT itaku_own_password_hash()").fetchone() or (None,)
        assert str(own).startswith("$argon2")
        fingerprints = connection.execute("SELECT * FROM itaku_password_fingerprints()").fetchall()
        assert len(fingerprints) >= 3 and all(len(fingerprint) == 64 for _id, fingerprint in fingerprints)
        assert all("$argon2" not in fingerprint for _id, fingerprint in fingerprints)


def test_signing_in_from_a_connection_that_cannot_read_the_hashes(team: Team) -> None:
    """The app started with a staff member's own connection string signs in, lists and refuses as before."""
    from desktop.services.accounts import AuthenticationError

    url = make_url(team.url).set(username=team.staff).render_as_string(hide_password=False)
    services = make_services(url, team.tmp_path / "from-staff")
    try:
        with pytest.raises(AuthenticationError):
            services.accounts.sign_in(team.staff, "wrong-password")
        with pytest.raises(AuthenticationError):
            services.accounts.sign_in(team.officer, "wrong-password")
        with pytest.raises(AuthenticationError):
            services.accounts.sign_in("nobody_" + team.staff, PASSWORD)
        services.accounts.sign_in(team.staff, PASSWORD)
        assert services.context.actor == team.staff and services.context.role == "staff"
        assert {row.username for row in services.accounts.list()} >= {team.officer, team.staff, team.auditor}
        assert services.audit.verify_records().is_intact
    finally:
        services.close()


def test_staff_cannot_set_the_approval_columns(team: Team) -> None:
    evaluation = new_evaluation(team.signed_in(team.staff), new_contractor(team.services).id)
    with team.connect(team.staff) as connection:
        refused(
            connection,
            f"UPDATE evaluation SET approver = 'someone', approved_on = current_date WHERE id = {evaluation.id}",
        )
        refused(connection, f"UPDATE evaluation SET approved_on = current_date WHERE id = {evaluation.id}")
        refused(connection, f"UPDATE evaluation SET is_superseded = true WHERE id = {evaluation.id}")
        refused(
            connection,
            "INSERT INTO evaluation (contractor_id, evaluated_on, evaluator, route, items, total_score, max_score, "
            "result, approver, approved_on, is_superseded, version, created_at, updated_at, updated_by) "
            f"SELECT contractor_id, evaluated_on, evaluator, route, items, total_score, max_score, result, "
            f"'someone', current_date, false, 1, now(), now(), 'x' FROM evaluation WHERE id = {evaluation.id}",
        )
        assert (
            connection.execute(
                "SELECT approver, approved_on FROM evaluation WHERE approved_on IS NOT NULL"
            ).fetchall()
            == []
        )


def test_staff_cannot_approve_through_the_function_nor_change_settings(team: Team) -> None:
    evaluation = new_evaluation(team.services, new_contractor(team.services).id)
    with team.connect(team.staff) as connection:
        refused(
            connection,
            f"SELECT itaku_approve('evaluation', ARRAY[{evaluation.id}], ARRAY[{evaluation.version}])",
        )
        refused(connection, "SELECT itaku_save_setting('evaluation_warning_days', '1')")
        refused(connection, "UPDATE setting SET value = '1'")
        refused(connection, "SELECT itaku_add_account('mallory', 'officer', NULL, 'x', NULL)")
        refused(connection, "SELECT itaku_enroll_login('mallory', 'officer', NULL)")


def test_staff_cannot_change_what_an_officer_approved(team: Team) -> None:
    evaluation = new_evaluation(team.services, new_contractor(team.services).id)
    team.services.evaluations.approve(evaluation.id, evaluation.version)
    with team.connect(team.staff) as connection:
        refused(
            connection, f"UPDATE evaluation SET total_score = 0, result = 'fail' WHERE id = {evaluation.id}"
        )
        refused(connection, f"UPDATE evaluation SET supersedes_id = NULL WHERE id = {evaluation.id}")


def test_staff_cannot_delete_an_approved_evaluation(team: Team) -> None:
    evaluation = new_evaluation(team.services, new_contractor(team.services).id)
    team.services.evaluations.approve(evaluation.id, evaluation.version)
    with team.connect(team.staff) as connection:
        refused(connection, f"DELETE FROM evaluation WHERE id = {evaluation.id}")


def test_no_one_updates_or_deletes_audit_events(team: Team) -> None:
    new_contractor(team.services)
    for name in (team.staff, team.officer, team.auditor):
        with team.connect(name) as connection:
            refused(connection, "UPDATE audit_event SET actor = 'someone else'")
            refused(connection, "DELETE FROM audit_event")
            refused(connection, "TRUNCATE audit_event")
    # Not even the database owner, short of dropping the trigger.
    with psycopg.connect(
        make_url(team.url).render_as_string(hide_password=False).replace("+psycopg", ""), autocommit=True
    ) as owner:
        with pytest.raises(errors.InsufficientPrivilege):
            owner.execute("DELETE FROM audit_event")


def test_a_forged_audit_event_is_refused(team: Team) -> None:
    for name in (team.staff, team.officer):
        with team.connect(name) as connection:
            refused(
                connection,
                "INSERT INTO audit_event (id, occurred_at, actor, action, record_type, record_id, changes, "
                "previous_hash, hash) VALUES (100000, now(), 'someone', 'update', 'contractor', 1, '{}', '', '')",
            )
            refused(connection, "SELECT itaku_append_event('update', 'contractor', 1, '{}')")


def test_the_auditor_only_reads(team: Team) -> None:
    contractor = new_contractor(team.services)
    with team.connect(team.auditor) as connection:
        assert connection.execute("SELECT count(*) FROM contractor").fetchone() == (1,)
        refused(connection, f"UPDATE contractor SET name = 'x' WHERE id = {contractor.id}")
        refused(connection, "DELETE FROM contractor")


def test_psql_as_staff_cannot_make_itself_an_officer(team: Team) -> None:
    psql = shutil.which("psql")
    if psql is None:
        pytest.skip("psql is not installed")
    url = make_url(team.url)
    result = subprocess.run(
        [
            psql,
            "-h",
            url.host or "localhost",
            "-U",
            team.staff,
            "-d",
            url.database or "",
            "-v",
            "ON_ERROR_STOP=1",
            "-c",
            "UPDATE account SET role = 'officer'",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0 and "permission denied for table account" in result.stderr


def test_a_direct_edit_is_in_the_trail_written_by_the_database(team: Team) -> None:
    contractor = new_contractor(team.services)
    with team.connect(team.staff) as connection:
        connection.execute("UPDATE contractor SET name = '書き換え' WHERE id = %s", (contractor.id,))
        connection.execute("DELETE FROM contractor WHERE id = %s", (contractor.id,))
    events = team.services.audit.list_events(limit=2)
    assert [(e.actor, e.action, e.record_type, e.record_id) for e in events] == [
        (team.staff, "delete", "contractor", contractor.id),
        (team.staff, "update", "contractor", contractor.id),
    ]
    assert events[1].changes == {"name": ["株式会社テスト", "書き換え"]}
    assert team.services.audit.verify_chain().is_intact
    assert team.services.audit.verify_records().is_intact


# --- the app's own paths, connected as the signed-in person --------------------------------------------


def test_the_app_connects_as_the_signed_in_person(team: Team) -> None:
    services = team.signed_in(team.staff)
    with services.database.read() as session:
        assert session.scalar(text("SELECT session_user")) == team.staff


def test_staff_signed_in_saves_a_record_and_the_database_writes_its_event(team: Team) -> None:
    services = team.signed_in(team.staff)
    contractor = new_contractor(services, "株式会社スタッフ登録")
    services.contractors.update(contractor.id, {"name": "株式会社スタッフ変更"}, contractor.version)
    events = services.audit.list_events(limit=2)
    assert [(e.actor, e.action, e.record_id) for e in events] == [
        (team.staff, "update", contractor.id),
        (team.staff, "create", contractor.id),
    ]
    assert events[1].changes["name"] == [None, "株式会社スタッフ登録"]
    assert services.audit.verify_chain().is_intact
    assert services.audit.verify_records().is_intact


def test_the_officer_approves_through_the_function(team: Team) -> None:
    staff = team.signed_in(team.staff)
    contractor = new_contractor(staff)
    first, second, third = (new_evaluation(staff, contractor.id) for _ in range(3))
    with pytest.raises(PermissionDeniedError):
        staff.evaluations.approve(first.id, first.version)
    approved = team.services.evaluations.approve(first.id, first.version)
    assert (approved.approver, approved.approved_on, approved.version) == (
        team.officer,
        tokyo_today(),
        first.version + 1,
    )
    many = team.services.evaluations.approve_many([second.id, third.id])
    assert [(r.id, r.approver) for r in many] == [(second.id, team.officer), (third.id, team.officer)]
    event = team.services.audit.list_events(limit=1)[0]
    assert (event.actor, event.action, event.record_type) == (team.officer, "update", "evaluation")
    assert set(event.changes) == {"approver", "approved_on"}
    assert team.services.audit.verify_chain().is_intact
    assert team.services.audit.verify_records().is_intact


def test_approving_a_new_version_supersedes_the_approved_one(team: Team) -> None:
    evaluation = new_evaluation(team.services, new_contractor(team.services).id)
    approved = team.services.evaluations.approve(evaluation.id, evaluation.version)
    staff = team.signed_in(team.staff)
    successor = staff.evaluations.update(approved.id, {"evaluator": "鈴木"}, None, approved.version)
    assert successor.id != approved.id and successor.approved_on is None
    team.services.evaluations.approve(successor.id, successor.version)
    assert team.services.evaluations.get(approved.id).is_superseded


def test_settings_and_accounts_change_through_the_functions(team: Team) -> None:
    team.services.settings.update({"evaluation_warning_days": 45})
    assert team.signed_in(team.auditor).settings.get("evaluation_warning_days") == 45
    kinds = [(e.actor, e.record_type) for e in team.services.audit.list_events(limit=20)]
    assert (team.officer, "setting") in kinds and (team.officer, "account") in kinds
    with pytest.raises(PermissionDeniedError):
        team.signed_in(team.staff).settings.update({"evaluation_warning_days": 1})


def test_the_trail_written_by_the_database_replays_onto_the_records(team: Team) -> None:
    """`audit verify` replays the trail against every record (desktop.services.trail_replay): the events the
    triggers write have the app's shapes (a setting's key as its field, an account's password fingerprint)."""
    from desktop.services import trail_replay

    assert roles.PASSWORD_FINGERPRINT == trail_replay.PASSWORD_FINGERPRINT
    team.services.settings.update({"evaluation_warning_days": 45})
    team.services.settings.update({"evaluation_warning_days": 50})
    team.services.company.save({"name": "株式会社自社"})
    evaluation = new_evaluation(team.signed_in(team.staff), new_contractor(team.services).id)
    team.services.evaluations.approve(evaluation.id, evaluation.version)
    assert team.services.audit.verify_records().is_intact
    admin = create_engine(team.url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:  # the owner, past every privilege, but not past the trigger
            connection.execute(
                text("UPDATE account SET password_hash = 'x' WHERE username = :name"), {"name": team.staff}
            )
    finally:
        admin.dispose()
    assert team.services.audit.verify_records().is_intact  # the change is in the trail, with its actor
    event = team.services.audit.list_events(limit=1)[0]
    assert (event.record_type, list(event.changes)) == ("account", [roles.PASSWORD_FINGERPRINT])


def test_changes_made_through_the_server_reach_the_other_windows(team: Team) -> None:
    """The app writes no audit event of its own here, yet approvals and settings changed by the server's
    functions still reach the other windows (desktop.services.notifications), and a window signed in as its
    person still hears nothing of its own saves."""
    import select

    from desktop.services.notifications import listen

    def arrived(seconds: float = 1.0) -> Any:
        assert feed is not None
        return feed.receive() if select.select([feed.fileno()], [], [], seconds)[0] else None

    evaluation = new_evaluation(team.services, new_contractor(team.services).id)
    staff = team.signed_in(team.staff)
    feed = listen(staff.context)
    assert feed is not None
    try:
        team.services.evaluations.approve(evaluation.id, evaluation.version)
        approved = arrived()
        assert approved is not None and approved.ids_of("evaluation") == {evaluation.id}
        team.services.settings.update({"evaluation_warning_days": 45})
        changed = arrived()
        assert changed is not None and "setting" in changed.kinds
        staff.contractors.create({"name": "株式会社自分"})
        own = arrived(0.5)
        assert own is None or not own.kinds  # its own notification, left out
    finally:
        feed.close()


def test_the_auditor_reads_and_verifies(team: Team) -> None:
    new_contractor(team.services)
    services = team.signed_in(team.auditor)
    assert [name for _id, name in services.contractors.names()] == ["株式会社テスト"]
    assert services.audit.verify_chain().is_intact
    assert services.audit.verify_records().is_intact
    with pytest.raises(PermissionDeniedError):
        new_contractor(services)


def test_adding_an_account_reuses_an_existing_login_role(team: Team) -> None:
    name = f"existing_{uuid.uuid4().hex[:8]}"
    admin = create_engine(team.url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE ROLE "{name}" LOGIN'))
        account = team.services.accounts.add(name, "auditor", PASSWORD)
        assert account.login_created is False
        with team.connect(name) as connection:
            assert connection.execute("SELECT count(*) FROM account").fetchone() == (4,)
            refused(connection, "DELETE FROM contractor")
    finally:
        admin.dispose()
        drop_roles(team.url, [name])


def test_enforcing_again_changes_nothing(team: Team) -> None:
    contractor = new_contractor(team.services)
    admin = make_services(team.url, team.tmp_path / "again")
    try:
        admin.accounts.enforce_database_roles()
    finally:
        admin.close()
    with team.connect(team.staff) as connection:
        refused(connection, "UPDATE account SET role = 'officer'")
        connection.execute("UPDATE contractor SET kana = 'テスト' WHERE id = %s", (contractor.id,))
    assert team.services.audit.verify_chain().is_intact
    assert team.services.audit.verify_records().is_intact


def test_the_trail_hash_of_the_database_matches_the_apps_for_every_json_value(team: Team) -> None:
    """Keys and strings that JSON escapes, nested lists, numbers, booleans: the server's canonical JSON is
    Python's `json.dumps(sort_keys=True, ensure_ascii=False, separators=(",", ":"))`, byte for byte."""
    import json

    value = {"b": [1, 2.5, True, None, {"z": '"\\\n\t\x01é𠮷'}], "a": "", "é": -3, "A": {}, "ab": []}
    with team.connect(team.staff) as connection:
        (canonical,) = connection.execute(
            "SELECT itaku_canonical_json(%s::jsonb)", (json.dumps(value),)
        ).fetchone()
    assert canonical == json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def test_only_an_officer_writes_corrective_actions_on_the_server(team: Team) -> None:
    """A corrective action closes a finding on the officer's word: staff connected as themselves cannot write
    one, even with psql; the officer's app saves it and the database writes its audit event."""
    contractor = new_contractor(team.services)
    with team.connect(team.staff) as connection:
        refused(
            connection,
            "INSERT INTO corrective_action (record_type, record_id, rule, action, taken_on, taken_by, version, "
            f"created_at, updated_at, updated_by) VALUES ('contractor', {contractor.id}, "
            "'contractor.entrusted_before_selection', 'x', current_date, 'x', 1, now(), now(), 'x')",
        )
    action = team.services.corrective_actions.create(
        {
            "record_type": "contractor",
            "record_id": contractor.id,
            "rule": "contractor.entrusted_before_selection",
            "action": "委託先評価を実施した",
            "taken_on": team.services.context.today().isoformat(),
            "taken_by": "黒田 修",
        }
    )
    events = team.services.audit.list_events(limit=1)
    assert [(e.actor, e.action, e.record_type, e.record_id) for e in events] == [
        (team.officer, "create", "corrective_action", action.id)
    ]
    with team.connect(team.staff) as connection:
        refused(connection, f"DELETE FROM corrective_action WHERE id = {action.id}")
        assert connection.execute("SELECT count(*) FROM corrective_action").fetchone() == (1,)
