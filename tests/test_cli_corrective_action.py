"""itaku-cli corrective-action add | list: the officer records a corrective action (是正処置) on a finding of a
past lapse; bad input exits 2 naming the field and writes nothing; staff are refused."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

import pytest

from desktop.cli import main
from tests.test_cli_lists import PASSWORD, demo_database

RULE = "contractor.entrusted_before_selection"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The demo database, once for the module (the add test, which closes the lapse, runs last)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ITAKU_PASSWORD", PASSWORD)
        return demo_database(tmp_path_factory.mktemp("corrective"))


@pytest.fixture(autouse=True)
def password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ITAKU_PASSWORD", PASSWORD)


def run(
    db: str, capsys: pytest.CaptureFixture[str], *args: str, user: str = "officer"
) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--db", db, "--user", user, *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def actions_in(db: str) -> int:
    connection = sqlite3.connect(db.removeprefix("sqlite:///"))
    try:
        return int(connection.execute("SELECT count(*) FROM corrective_action").fetchone()[0])
    finally:
        connection.close()


def open_lapse(db: str, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    code, out, err = run(db, capsys, "check", "--json")
    lapses = [f for f in json.loads(out) if f["rule"] == RULE]
    assert lapses, "the demo data has an open lapse of the order rule"
    return lapses[0]


def add_args(contractor_id: int, **overrides: str) -> list[str]:
    values = {
        "--record-type": "contractor",
        "--record-id": str(contractor_id),
        "--rule": RULE,
        "--action": "委託先評価を実施し、選定手順を改めた",
        "--taken-on": "令和8年11月1日",
        "--taken-by": "黒田 修",
        **overrides,
    }
    return [part for option, value in values.items() for part in (option, value)]


@pytest.mark.parametrize(
    ("overrides", "named"),
    [
        ({"--rule": "evaluation.missing"}, "rule"),
        ({"--taken-on": "2026-13-01"}, "taken_on"),
        ({"--taken-on": "2027-01-01"}, "taken_on"),
        ({"--record-id": "abc"}, "record_id"),
        ({"--record-type": "engagement"}, "record_type"),
        ({"--action": " "}, "action"),
    ],
)
def test_bad_input_exits_2_naming_the_field_and_writes_nothing(
    db: str, capsys: pytest.CaptureFixture[str], overrides: dict[str, str], named: str
) -> None:
    lapse = open_lapse(db, capsys)
    before = actions_in(db)
    code, _, err = run(db, capsys, "corrective-action", "add", *add_args(lapse["record_id"], **overrides))
    assert code == 2
    assert named in err
    assert actions_in(db) == before


def test_a_missing_option_exits_2(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    before = actions_in(db)
    code, _, err = run(db, capsys, "corrective-action", "add", "--rule", RULE)
    assert code == 2 and "--taken-on" in err
    assert actions_in(db) == before


def test_staff_are_refused(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    lapse = open_lapse(db, capsys)
    before = actions_in(db)
    code, _, err = run(db, capsys, "corrective-action", "add", *add_args(lapse["record_id"]), user="staff")
    assert code == 2 and "個人情報保護責任者" in err
    assert actions_in(db) == before


def test_add_closes_the_finding_and_list_shows_it(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    lapse = open_lapse(db, capsys)
    before = actions_in(db)
    code, out, err = run(db, capsys, "corrective-action", "add", *add_args(lapse["record_id"]), "--json")
    assert code == 0, err
    added = json.loads(out)
    assert added["rule"] == RULE and added["taken_on"] == "2026-11-01" and added["taken_by"] == "黒田 修"
    assert actions_in(db) == before + 1
    code, out, _ = run(db, capsys, "check", "--json")
    assert not [f for f in json.loads(out) if f["rule"] == RULE and f["record_id"] == lapse["record_id"]]
    code, out, _ = run(
        db, capsys, "corrective-action", "list", "--json", "--contractor", str(lapse["record_id"])
    )
    assert [row["id"] for row in json.loads(out)] == [added["id"]]
    code, out, _ = run(db, capsys, "corrective-action", "list")
    assert code == 0 and "是正処置" in out.splitlines()[-1]
