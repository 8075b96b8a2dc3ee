"""itaku-cli: the commands acceptance checks call, in this process through the entry point's `main` (what
`python -m desktop.cli` runs), and in a real child process where the process itself is what is tested."""

import contextlib
import io
import json
import os
import subprocess
import sys
import traceback

import pytest


def cli(*args, env=None):
    """`itaku-cli ARGS` with `env` added to the environment: exit code, stdout and stderr, as a child process
    would give them, but run in this process (a child costs a second of imports; the suite runs hundreds)."""
    from desktop.cli import main

    out, err = io.StringIO(), io.StringIO()
    saved = dict(os.environ)
    os.environ.update(env or {})
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main([str(arg) for arg in args])
            except SystemExit as exit_:
                code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
            except Exception:  # what the interpreter would print before exiting 1
                traceback.print_exc()
                code = 1
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return subprocess.CompletedProcess(["itaku-cli", *args], code, out.getvalue(), err.getvalue())


def cli_process(*args, env=None):
    """`python -m desktop.cli ARGS` in a real child process."""
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


@pytest.fixture
def db(tmp_path):
    """A database `itaku-cli init` made (no account yet: set-up mode); --db never creates one."""
    from desktop.app import build_services

    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    build_services(url).close()
    return url


def test_demo_then_check_json_shows_every_rule_and_exits_1(db):
    from desktop.domain.rules import RULE_IDS

    assert cli("--db", db, "init").returncode == 0
    assert cli("--db", db, "demo").returncode == 0
    result = cli_process("--db", db, "check", "--json")
    assert result.returncode == 1
    findings = json.loads(result.stdout)
    assert {f["rule"] for f in findings} == set(RULE_IDS)
    assert {
        "rule",
        "severity",
        "record_type",
        "record_id",
        "message_ja",
        "message_en",
        "due",
        "since",
        "basis",
    } <= set(findings[0])
    # Every finding cites the article, guideline or policy clause its rule rests on (issue 12).
    assert all(isinstance(f["basis"], str) and f["basis"].strip() for f in findings)
    assert all(f["basis_ja"].strip() for f in findings)


def test_check_on_a_clean_database_exits_0(db):
    result = cli("--db", db, "check", "--json")
    assert result.returncode == 0 and json.loads(result.stdout) == []


def test_check_as_of_is_validated(db):
    result = cli("--db", db, "check", "--as-of", "2026-02-30")
    assert result.returncode == 2 and "--as-of" in result.stderr


def test_contractor_add_and_list(db):
    added = cli(
        "--db",
        db,
        "contractor",
        "add",
        "--name",
        "株式会社さくら",
        "--corporate-number",
        "７０００－０１２０－５０００２",
        "--pi-items",
        "氏名,住所",
        "--status",
        "active",
    )
    assert added.returncode == 0, added.stderr
    listed = json.loads(cli("--db", db, "contractor", "list", "--json").stdout)
    assert listed == [
        {
            "id": 1,
            "name": "株式会社さくら",
            "kana": None,
            "corporate_number": "7000012050002",
            "status": "active",
            "entrusted_work": None,
            "country": "JP",
            "start_date": None,
        }
    ]


def test_contractor_add_with_bad_input_names_the_field_exits_2_and_writes_nothing(db):
    bad = cli(
        "--db",
        db,
        "contractor",
        "add",
        "--name",
        "A",
        "--corporate-number",
        "1234567890123",
        "--email",
        "nope",
    )
    assert bad.returncode == 2
    assert "corporate_number" in bad.stderr and "email" in bad.stderr and "Traceback" not in bad.stderr
    assert json.loads(cli("--db", db, "contractor", "list", "--json").stdout) == []


def test_database_from_the_environment(tmp_path, db):
    assert cli("contractor", "add", "--name", "A", env={"ITAKU_DATABASE_URL": db}).returncode == 0
    assert len(json.loads(cli("--db", db, "contractor", "list", "--json").stdout)) == 1


def test_default_database_lives_in_the_user_data_folder(tmp_path):
    data = tmp_path / "userdata"
    assert cli("contractor", "add", "--name", "A", env={"ITAKU_DATA_DIR": str(data)}).returncode == 0
    assert (data / "itaku.sqlite3").exists()


def test_unknown_command_exits_2(db):
    assert cli("--db", db, "frobnicate").returncode == 2


def test_unreachable_database_is_a_clear_error(tmp_path):
    result = cli("--db", "postgresql+psycopg://nobody@127.0.0.1:1/none", "check")
    assert result.returncode == 2 and "cannot open the database" in result.stderr
