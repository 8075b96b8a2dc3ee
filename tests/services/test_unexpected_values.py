"""A value no version of Itaku writes (edited behind the app) stops the check with the record named, instead
of letting the record drop out of every rule in silence; an unknown role grants nothing."""

import os
import sqlite3
import subprocess
import sys

import pytest

from desktop.domain.errors import UnexpectedValueError
from desktop.services.accounts import AuthenticationError
from desktop.services.facade import Services


def _edit(services: Services, statement: str) -> None:
    path = services.database.url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as connection:
        connection.execute(statement)


@pytest.mark.parametrize(
    ("statement", "kind", "field"),
    [
        ("UPDATE contractor SET status = 'weird' WHERE id = 3", "contractor", "status"),
        ("UPDATE contractor SET kind = 'alien' WHERE id = 4", "contractor", "kind"),
        ("UPDATE evaluation SET result = 'maybe' WHERE id = 2", "evaluation", "result"),
        ("UPDATE contract SET kind = 'handshake' WHERE id = 5", "contract", "kind"),
        ("UPDATE engagement SET status = 'paused?' WHERE id = 1", "engagement", "status"),
    ],
)
def test_a_value_written_behind_the_app_stops_the_check_naming_record_and_field(
    demo_services: Services, statement: str, kind: str, field: str
) -> None:
    assert demo_services.checks.findings()  # the demo data checks as usual
    _edit(demo_services, statement)
    with pytest.raises(UnexpectedValueError) as raised:
        demo_services.checks.findings()
    assert (raised.value.record_type, raised.value.field) == (kind, field)
    assert f"#{raised.value.record_id}" in raised.value.message.ja
    assert field in raised.value.message.en


def test_itaku_cli_check_exits_2_with_the_message_not_a_silent_pass(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    env = {"ITAKU_USER": "officer", "ITAKU_PASSWORD": "a-good-password-1", "ITAKU_DATA_DIR": str(tmp_path)}

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "desktop.cli", "--db", url, *args],
            capture_output=True,
            text=True,
            env={**os.environ, **env},
            timeout=120,
        )

    assert cli("init").returncode == 0
    assert cli("demo").returncode == 0
    with sqlite3.connect(tmp_path / "x.sqlite3") as connection:
        connection.execute("UPDATE contractor SET status = 'weird' WHERE id = 3")
    result = cli("check", "--json")
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "#3" in result.stderr and "'weird'" in result.stderr
    assert result.stdout == ""


def test_an_account_whose_role_was_edited_behind_the_app_cannot_sign_in(sqlite_services: Services) -> None:
    sqlite_services.accounts.create_first_officer("chief", "a-good-password-1")
    sqlite_services.accounts.add("clerk", "staff", "a-good-password-2")
    _edit(sqlite_services, "UPDATE account SET role = 'boss' WHERE username = 'clerk'")
    with pytest.raises(UnexpectedValueError) as raised:
        sqlite_services.accounts.sign_in("clerk", "a-good-password-2")
    assert raised.value.field == "role"
    assert sqlite_services.context.actor != "clerk"
    with pytest.raises(AuthenticationError):  # the wrong password still says only that
        sqlite_services.accounts.sign_in("clerk", "wrong-password")
