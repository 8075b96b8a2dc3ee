"""On PostgreSQL with the roles in force, accounts change through the server's functions and the person's
login role follows (desktop.store.roles: itaku_change_account, itaku_set_password); approvals are set only by
itaku_approve, whoever connects, the officer included.

Each attack connects straight to the server as a login role, as psql would, and must be refused by it.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from psycopg import errors
from sqlalchemy import create_engine, text

from desktop.domain.errors import ItakuError, ValidationError
from desktop.services.accounts import AuthenticationError
from desktop.store import roles
from tests.conftest import make_services
from tests.store.test_postgres_roles import (
    PASSWORD,
    Team,
    drop_roles,
    new_contractor,
    new_evaluation,
    refused,
)

pytestmark = pytest.mark.postgres

NEW_PASSWORD = "another-pass-9"


def groups_of(team: Team, name: str) -> set[str]:
    """The groups of this database the login role `name` is a member of (read as the server's owner)."""
    mine = set(roles.group_names(team.url.rsplit("/", 1)[-1].split("?")[0]).values())
    admin = create_engine(team.url)
    try:
        with admin.connect() as connection:
            rows = connection.execute(
                text(
                    "SELECT grp.rolname FROM pg_auth_members AS member "
                    "JOIN pg_roles AS grp ON grp.oid = member.roleid "
                    "JOIN pg_roles AS login ON login.oid = member.member WHERE login.rolname = :name"
                ),
                {"name": name},
            )
            return {row[0] for row in rows} & mine
    finally:
        admin.dispose()


def verifier_of(team: Team, name: str) -> str | None:
    admin = create_engine(team.url)
    try:
        with admin.connect() as connection:
            return connection.scalar(
                text("SELECT rolpassword FROM pg_authid WHERE rolname = :name"), {"name": name}
            )
    finally:
        admin.dispose()


def last_account_event(team: Team) -> Any:
    return next(e for e in team.services.audit.list_events(limit=20) if e.record_type == "account")


# --- role, state and display name ---------------------------------------------------------------------


def test_a_role_change_moves_the_login_role_to_the_other_group(team: Team) -> None:
    group = roles.group_names(team.url.rsplit("/", 1)[-1])
    assert groups_of(team, team.staff) == {group["staff"]}
    changed = team.services.accounts.change_role(team.staff, "auditor")
    assert changed.role == "auditor"
    assert groups_of(team, team.staff) == {group["auditor"]}
    with team.connect(team.staff) as connection:  # the server, not the app, now treats them as an auditor
        refused(
            connection,
            "INSERT INTO contractor (name, status, pi_items, version, created_at, updated_at) "
            "VALUES ('x', 'candidate', '[]', 1, now(), now())",
        )
        assert connection.execute("SELECT count(*) FROM account").fetchone() == (3,)
    event = last_account_event(team)
    assert event.actor == team.officer and event.changes == {"role": ["staff", "auditor"]}
    assert team.services.audit.verify_records().is_intact
    # and back: the login role leaves the auditors again
    team.services.accounts.change_role(team.staff, "staff")
    assert groups_of(team, team.staff) == {group["staff"]}
    new_contractor(team.signed_in(team.staff), "株式会社戻り")


def test_a_disabled_account_loses_the_database_but_keeps_its_login_elsewhere(team: Team) -> None:
    team.services.accounts.set_active(team.staff, False)
    assert groups_of(team, team.staff) == set()
    with pytest.raises(AuthenticationError):
        team.signed_in(team.staff)
    with team.connect(team.staff) as connection:  # still a login (other databases), but nothing here
        with pytest.raises((errors.InsufficientPrivilege, errors.UndefinedTable)):
            connection.execute("SELECT count(*) FROM contractor")
    admin = create_engine(team.url)
    try:
        with admin.connect() as connection:
            assert connection.scalar(
                text("SELECT rolcanlogin FROM pg_roles WHERE rolname = :name"), {"name": team.staff}
            )
    finally:
        admin.dispose()
    assert last_account_event(team).changes == {"is_active": [True, False]}
    team.services.accounts.set_active(team.staff, True)
    assert groups_of(team, team.staff) == {roles.group_names(team.url.rsplit("/", 1)[-1])["staff"]}
    assert team.signed_in(team.staff).context.role == "staff"
    assert team.services.audit.verify_records().is_intact


def test_the_display_name_changes_on_the_server(team: Team) -> None:
    team.services.accounts.set_display_name(team.staff, "佐藤 美咲")
    assert team.signed_in(team.auditor).accounts.display_name_of(team.staff) == "佐藤 美咲"
    assert last_account_event(team).changes == {"display_name": [None, "佐藤 美咲"]}
    team.services.accounts.set_display_name(team.staff, None)
    assert team.services.accounts.get(team.staff).display_name is None


def test_the_last_officer_stays_in_the_app_and_on_the_server(team: Team) -> None:
    with pytest.raises(ValidationError) as raised:
        team.services.accounts.change_role(team.officer, "staff")
    assert "role" in raised.value.fields
    with pytest.raises(ValidationError):
        team.services.accounts.set_active(team.officer, False)
    with team.connect(team.officer) as connection:  # past the app: the function checks again
        for statement in (
            f"SELECT itaku_change_account('{team.officer}', 'staff', true, NULL)",
            f"SELECT itaku_change_account('{team.officer}', 'officer', false, NULL)",
        ):
            with pytest.raises(errors.CheckViolation):
                connection.execute(statement)
    assert team.services.accounts.get(team.officer).role == "officer"
    # with a second officer, the first may become staff
    team.services.accounts.change_role(team.auditor, "officer")
    team.services.accounts.change_role(team.officer, "staff")
    assert groups_of(team, team.officer) == {roles.group_names(team.url.rsplit("/", 1)[-1])["staff"]}


def test_nobody_but_an_officer_changes_accounts_on_the_server(team: Team) -> None:
    with team.connect(team.staff) as connection:
        refused(connection, f"SELECT itaku_change_account('{team.staff}', 'officer', true, NULL)")
        refused(connection, "UPDATE account SET is_active = false")
    with team.connect(team.auditor) as connection:
        refused(connection, f"SELECT itaku_change_account('{team.officer}', 'auditor', true, NULL)")
    for who in (team.staff, team.officer):  # leaving the groups only by a change of the account, in the trail
        with team.connect(who) as connection:
            refused(connection, f"SELECT itaku_leave_groups('{team.auditor}', NULL)")
    assert team.services.accounts.get(team.staff).role == "staff"


# --- passwords -----------------------------------------------------------------------------------------


def test_ones_own_password_changes_the_hash_and_the_login_roles_verifier(team: Team) -> None:
    staff = team.signed_in(team.staff)
    before = verifier_of(team, team.staff)
    with pytest.raises(ValidationError) as raised:
        staff.accounts.change_password(team.staff, NEW_PASSWORD, current_password="wrong-one")
    assert "current_password" in raised.value.fields
    assert verifier_of(team, team.staff) == before
    staff.accounts.change_password(team.staff, NEW_PASSWORD, current_password=PASSWORD)
    after = verifier_of(team, team.staff)
    assert after is not None and after.startswith("SCRAM-SHA-256$") and after != before
    new_contractor(staff, "株式会社新パスワード")  # the window goes on, connected with the new password
    event = last_account_event(team)
    assert event.actor == team.staff and list(event.changes) == [roles.PASSWORD_FINGERPRINT]
    with pytest.raises(AuthenticationError):
        team.signed_in(team.staff)  # the old password
    again = make_services(team.url, team.tmp_path / "again")
    try:
        again.accounts.sign_in(team.staff, NEW_PASSWORD)
        assert again.context.role == "staff"
    finally:
        again.close()
    assert team.services.audit.verify_records().is_intact


def test_an_officer_sets_another_persons_password_and_staff_cannot(team: Team) -> None:
    team.services.accounts.change_password(team.auditor, NEW_PASSWORD)
    other = make_services(team.url, team.tmp_path / "auditor-new")
    try:
        other.accounts.sign_in(team.auditor, NEW_PASSWORD)
    finally:
        other.close()
    with team.connect(team.staff) as connection:
        verifier = verifier_of(team, team.staff)
        refused(connection, f"SELECT itaku_set_password('{team.officer}', 'x', '{verifier}')")
    with pytest.raises(ItakuError):
        team.signed_in(team.staff).accounts.change_password(team.officer, NEW_PASSWORD)


def test_an_account_from_before_init_gets_its_login_password_from_the_officer(
    postgres_database: str, tmp_path: Any
) -> None:
    """`init` gives the accounts that existed before it login roles without a password, and says which; an
    officer then sets one (`itaku-cli user passwd NAME`), and the person signs in with it where pg_hba.conf asks
    for one. An account disabled before `init` gets a login role that reaches nothing here."""
    from tests.conftest import _reset_postgres

    _reset_postgres(postgres_database)
    suffix = uuid.uuid4().hex[:8]
    officer, early, gone = f"officer_{suffix}", f"early_{suffix}", f"gone_{suffix}"
    groups = roles.group_names(postgres_database.rsplit("/", 1)[-1])
    admin = make_services(postgres_database, tmp_path / "admin")
    services = None
    admin_engine = create_engine(postgres_database)

    def verifier(name: str) -> str | None:
        with admin_engine.connect() as connection:
            return connection.scalar(
                text("SELECT rolpassword FROM pg_authid WHERE rolname = :name"), {"name": name}
            )

    try:
        admin.accounts.create_first_officer(officer, PASSWORD)
        admin.accounts.sign_in(officer, PASSWORD)
        admin.accounts.add(early, "staff", PASSWORD)
        admin.accounts.add(gone, "staff", PASSWORD)
        admin.accounts.set_active(gone, False)
        setup = admin.accounts.enforce_database_roles()
        admin.close()
        assert setup.without_password == (officer, early, gone)
        assert verifier(early) is None
        with admin_engine.connect() as connection:
            assert not connection.scalar(
                text("SELECT pg_has_role(:login, :group, 'MEMBER')"),
                {"login": gone, "group": groups["staff"]},
            )
            assert connection.scalar(
                text("SELECT pg_has_role(:login, :group, 'MEMBER')"),
                {"login": early, "group": groups["staff"]},
            )
        services = make_services(postgres_database, tmp_path / "officer")
        services.accounts.sign_in(officer, PASSWORD)
        services.accounts.change_password(early, NEW_PASSWORD)
        assert (verifier(early) or "").startswith("SCRAM-SHA-256$")
        person = make_services(postgres_database, tmp_path / "early")
        try:
            person.accounts.sign_in(early, NEW_PASSWORD)
        finally:
            person.close()
        again = make_services(postgres_database, tmp_path / "again")  # init again: nothing new to say
        try:
            assert again.accounts.enforce_database_roles().without_password == ()
        finally:
            again.close()
    finally:
        admin.close()
        admin_engine.dispose()
        if services is not None:
            services.close()
        _reset_postgres(postgres_database)
        drop_roles(postgres_database, [officer, early, gone, *groups.values()])


# --- approvals only through itaku_approve --------------------------------------------------------------


def test_not_even_an_officer_writes_the_approval_columns(team: Team) -> None:
    """An officer's own statement could backdate an approval or sign it with another name: refused; the
    officer approves through the function (approver: the connected person, date: the server's day)."""
    evaluation = new_evaluation(team.services, new_contractor(team.services).id)
    with team.connect(team.officer) as connection:
        refused(
            connection,
            f"UPDATE evaluation SET approver = 'someone', approved_on = '2020-01-01' WHERE id = {evaluation.id}",
        )
        refused(
            connection,
            "INSERT INTO evaluation (contractor_id, evaluated_on, evaluator, route, items, total_score, max_score, "
            "result, approver, approved_on, is_superseded, version, created_at, updated_at, updated_by) "
            f"SELECT contractor_id, evaluated_on, evaluator, route, items, total_score, max_score, result, "
            f"'someone', '2020-01-01', false, 1, now(), now(), 'x' FROM evaluation WHERE id = {evaluation.id}",
        )
        # still an officer's: correcting an unapproved record, deleting one
        connection.execute(f"UPDATE evaluation SET evaluator = '訂正' WHERE id = {evaluation.id}")
    fresh = team.services.evaluations.get(evaluation.id)
    assert fresh.approved_on is None and fresh.evaluator == "訂正"
    approved = team.services.evaluations.approve(fresh.id, fresh.version)
    assert approved.approver == team.officer
    with team.connect(team.officer) as connection:
        refused(connection, f"UPDATE evaluation SET approved_on = '2020-01-01' WHERE id = {evaluation.id}")
        connection.execute(f"DELETE FROM evaluation WHERE id = {evaluation.id}")
    assert team.services.audit.verify_records().is_intact


def test_demo_data_is_refused_on_a_team_database(team: Team) -> None:
    """The demo's approvals carry past dates that only itaku_approve could set: it goes into a practice
    database, never into a team's, and nothing is written."""
    with pytest.raises(ValidationError) as raised:
        team.services.demo.load(size=40)
    assert "database" in raised.value.fields
    assert team.services.contractors.names() == []


def test_a_migrations_baseline_event_continues_the_servers_chain(team: Team) -> None:
    """desktop.store.migrations.trail.append_events on a database with the roles in force goes through
    itaku_append_event (the owner, as a migration runs): the chain stays intact and the replay agrees."""
    from desktop.services.trail_replay import password_fingerprint
    from desktop.store.migrations.trail import append_events, writes_own_trail

    admin = create_engine(team.url)
    try:
        with admin.begin() as connection:
            assert writes_own_trail(connection)
            account_id, stored = connection.execute(
                text("SELECT id, password_hash FROM account WHERE username = :name"), {"name": team.staff}
            ).one()
            append_events(
                connection,
                "itaku-migration-test",
                "update",
                "account",
                [(account_id, {roles.PASSWORD_FINGERPRINT: [None, password_fingerprint(stored)]})],
            )
    finally:
        admin.dispose()
    event = last_account_event(team)
    assert event.record_id == account_id and list(event.changes) == [roles.PASSWORD_FINGERPRINT]
    assert team.services.audit.verify_chain().is_intact
    assert team.services.audit.verify_records().is_intact


def test_an_officer_cannot_take_over_a_login_role_itaku_did_not_create(team: Team) -> None:
    """An officer adds an account named after an existing login role of the server (reused, its password
    untouched), then tries to set its password: that would hand them the role (another database's user, an
    administrator). Refused, by the app and by the server; the person themselves may still change their own."""
    name = f"outsider_{uuid.uuid4().hex[:8]}"
    admin = create_engine(team.url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f"CREATE ROLE \"{name}\" LOGIN PASSWORD '{PASSWORD}'"))
        account = team.services.accounts.add(name, "staff", PASSWORD)
        assert account.login_created is False
        before = verifier_of(team, name)
        with pytest.raises(ValidationError) as raised:
            team.services.accounts.change_password(name, NEW_PASSWORD)
        assert "password" in raised.value.fields and "Itaku" in raised.value.fields["password"].en
        with team.connect(team.officer) as connection:
            refused(connection, f"SELECT itaku_set_password('{name}', 'x', 'SCRAM-SHA-256$x')")
        assert verifier_of(team, name) == before
        # the person, signed in as themself, changes their own (they could with ALTER ROLE anyway)
        person = team.signed_in(name)
        person.accounts.change_password(name, NEW_PASSWORD, current_password=PASSWORD)
        assert verifier_of(team, name) != before
        # an account Itaku created is the officer's to reset
        team.services.accounts.change_password(team.staff, NEW_PASSWORD)
    finally:
        admin.dispose()
        drop_roles(team.url, [name])


def test_a_new_password_for_a_disabled_account_whose_login_role_was_dropped_gives_it_no_group(
    team: Team,
) -> None:
    """The login role is created again with the new password, but a disabled account reaches nothing here."""
    team.services.accounts.set_active(team.staff, False)
    admin = create_engine(team.url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'DROP OWNED BY "{team.staff}"'))
            connection.execute(text(f'DROP ROLE "{team.staff}"'))
    finally:
        admin.dispose()
    team.services.accounts.change_password(team.staff, NEW_PASSWORD)
    assert (verifier_of(team, team.staff) or "").startswith("SCRAM-SHA-256$")
    assert groups_of(team, team.staff) == set()
