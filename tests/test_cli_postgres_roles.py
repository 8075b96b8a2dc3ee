"""itaku-cli on PostgreSQL: `init` puts the database's roles in force and says what pg_hba.conf needs;
`user add` creates the person's login role; the commands then run connected as the signed-in person."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from desktop.store import roles
from tests.conftest import _reset_postgres
from tests.store.test_postgres_roles import drop_roles
from tests.test_cli import cli

pytestmark = pytest.mark.postgres

PASSWORD = "s3cret-pass"


@pytest.fixture
def names(postgres_database: str) -> Iterator[dict[str, str]]:
    _reset_postgres(postgres_database)
    suffix = uuid.uuid4().hex[:8]
    chosen = {"officer": f"officer_{suffix}", "staff": f"staff_{suffix}"}
    groups = list(roles.group_names(make_url(postgres_database).database or "").values())
    try:
        yield chosen
    finally:
        _reset_postgres(postgres_database)
        drop_roles(postgres_database, [*chosen.values(), *groups])


def test_init_sets_up_the_roles_and_says_what_pg_hba_needs(
    postgres_database: str, names: dict[str, str]
) -> None:
    first = cli(
        "--db", postgres_database, "init", "--officer", names["officer"], env={"ITAKU_PASSWORD": PASSWORD}
    )
    assert first.returncode == 0, first.stderr
    database = make_url(postgres_database).database
    assert f"+{database}_staff,+{database}_officer,+{database}_auditor" in first.stdout
    assert "scram-sha-256" in first.stdout
    assert "trust" in first.stderr  # the test server accepts anyone: init warns that this defeats the roles
    again = cli("--db", postgres_database, "init", env={"ITAKU_PASSWORD": PASSWORD})
    assert again.returncode == 0, again.stderr

    added = cli(
        "--db",
        postgres_database,
        "--user",
        names["officer"],
        "user",
        "add",
        names["staff"],
        "--role",
        "staff",
        env={"ITAKU_PASSWORD": PASSWORD, "ITAKU_NEW_PASSWORD": PASSWORD},
    )
    assert added.returncode == 0, added.stderr
    saved = cli(
        "--db",
        postgres_database,
        "--user",
        names["staff"],
        "contractor",
        "add",
        "--name",
        "株式会社CLI",
        env={"ITAKU_PASSWORD": PASSWORD},
    )
    assert saved.returncode == 0, saved.stderr
    verified = cli(
        "--db",
        postgres_database,
        "--user",
        names["staff"],
        "audit",
        "verify",
        env={"ITAKU_PASSWORD": PASSWORD},
    )
    assert verified.returncode == 0, verified.stdout + verified.stderr


def test_a_refusal_by_the_server_is_a_clear_error(postgres_database: str, names: dict[str, str]) -> None:
    assert (
        cli(
            "--db", postgres_database, "init", "--officer", names["officer"], env={"ITAKU_PASSWORD": PASSWORD}
        ).returncode
        == 0
    )
    add = cli(
        "--db",
        postgres_database,
        "--user",
        names["officer"],
        "user",
        "add",
        names["staff"],
        "--role",
        "staff",
        env={"ITAKU_PASSWORD": PASSWORD, "ITAKU_NEW_PASSWORD": PASSWORD},
    )
    assert add.returncode == 0, add.stderr
    # A database administrator takes a privilege from the staff group: the app still thinks staff may add.
    database = make_url(postgres_database).database
    admin = create_engine(postgres_database, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'REVOKE INSERT ON contractor FROM "{database}_staff"'))
    admin.dispose()
    result = cli(
        "--db",
        postgres_database,
        "--user",
        names["staff"],
        "contractor",
        "add",
        "--name",
        "株式会社拒否",
        env={"ITAKU_PASSWORD": PASSWORD},
    )
    assert result.returncode == 2, result.stderr
    assert "the database refused" in result.stderr and "Traceback" not in result.stderr


def test_user_set_and_passwd_on_a_team_database(postgres_database: str, names: dict[str, str]) -> None:
    """With the roles in force an officer changes a person's role and password from the command line; the
    login role follows (its group, its SCRAM verifier) and the person signs in with the new password."""
    assert (
        cli(
            "--db", postgres_database, "init", "--officer", names["officer"], env={"ITAKU_PASSWORD": PASSWORD}
        ).returncode
        == 0
    )
    officer = ("--db", postgres_database, "--user", names["officer"])
    added = cli(
        *officer,
        "user",
        "add",
        names["staff"],
        "--role",
        "staff",
        env={"ITAKU_PASSWORD": PASSWORD, "ITAKU_NEW_PASSWORD": PASSWORD},
    )
    assert added.returncode == 0, added.stderr
    changed = cli(
        *officer, "user", "set", names["staff"], "--role", "auditor", env={"ITAKU_PASSWORD": PASSWORD}
    )
    assert changed.returncode == 0, changed.stderr
    database = make_url(postgres_database).database
    admin = create_engine(postgres_database)
    try:
        with admin.connect() as connection:
            member_of = set(
                connection.scalars(
                    text(
                        "SELECT grp.rolname FROM pg_auth_members AS member "
                        "JOIN pg_roles AS grp ON grp.oid = member.roleid "
                        "JOIN pg_roles AS login ON login.oid = member.member WHERE login.rolname = :name"
                    ),
                    {"name": names["staff"]},
                )
            )
            before = connection.scalar(
                text("SELECT rolpassword FROM pg_authid WHERE rolname = :name"), {"name": names["staff"]}
            )
        assert f"{database}_auditor" in member_of and f"{database}_staff" not in member_of
        passwd = cli(
            *officer,
            "user",
            "passwd",
            names["staff"],
            env={"ITAKU_PASSWORD": PASSWORD, "ITAKU_NEW_PASSWORD": "another-pass-9"},
        )
        assert passwd.returncode == 0, passwd.stderr
        with admin.connect() as connection:
            after = connection.scalar(
                text("SELECT rolpassword FROM pg_authid WHERE rolname = :name"), {"name": names["staff"]}
            )
        assert after != before and after.startswith("SCRAM-SHA-256$")
    finally:
        admin.dispose()
    staff = ("--db", postgres_database, "--user", names["staff"])
    assert cli(*staff, "contractor", "list", env={"ITAKU_PASSWORD": PASSWORD}).returncode == 2
    listed = cli(*staff, "contractor", "list", env={"ITAKU_PASSWORD": "another-pass-9"})
    assert listed.returncode == 0, listed.stderr
    verified = cli(*staff, "audit", "verify", env={"ITAKU_PASSWORD": "another-pass-9"})
    assert verified.returncode == 0, verified.stdout + verified.stderr


def test_init_names_the_accounts_whose_login_roles_have_no_password_yet(
    postgres_database: str, names: dict[str, str], tmp_path
) -> None:
    """A database whose accounts an older Itaku made before the roles: `init` creates their login roles without
    a password and says who needs one and how."""
    from tests.conftest import make_services

    older = make_services(postgres_database, tmp_path / "older")
    try:
        older.accounts.create_first_officer(names["officer"], PASSWORD)
    finally:
        older.close()
    result = cli("--db", postgres_database, "init", env={"ITAKU_PASSWORD": PASSWORD})
    assert result.returncode == 0, result.stderr
    assert names["officer"] in result.stdout and "itaku-cli user passwd NAME" in result.stdout
    again = cli("--db", postgres_database, "init", env={"ITAKU_PASSWORD": PASSWORD})
    assert again.returncode == 0 and "user passwd" not in again.stdout
