"""itaku-cli approve: the officer approves many imported evaluations or NDAs at once, all or none."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.services.test_ledger_import import _row, hand_kept_ledger
from tests.test_cli import cli

PASSWORD = "s3cret-pass"
IMPORTED = 3


@pytest.fixture
def db(tmp_path: Path) -> str:
    """An officer, a staff account and three contractors imported from a ledger, each with an evaluation and
    an NDA awaiting approval."""
    url = f"sqlite:///{tmp_path / 'approval.sqlite3'}"
    assert cli("--db", url, "init", env={"ITAKU_PASSWORD": PASSWORD}).returncode == 0
    added = as_user(
        url, "officer", "user", "add", "staff", "--role", "staff", env={"ITAKU_NEW_PASSWORD": PASSWORD}
    )
    assert added.returncode == 0, added.stderr
    rows = [
        _row(
            number,
            f"株式会社承認{number}",
            None,
            **{"評価実施日": "2026-04-01", "評価結果": "適合", "機密保持契約締結日": "2026-04-01"},
        )
        for number in range(1, IMPORTED + 1)
    ]
    ledger = hand_kept_ledger(tmp_path / "ledger.xlsx", rows)
    imported = as_user(url, "staff", "import", "contractors", str(ledger))
    assert imported.returncode == 0, imported.stderr
    return url


def as_user(db: str, user: str, *args: str, env: dict[str, str] | None = None) -> Any:
    return cli("--db", db, "--user", user, *args, env={"ITAKU_PASSWORD": PASSWORD, **(env or {})})


def approvals(db: str, table: str) -> list[tuple[int, str | None]]:
    connection = sqlite3.connect(db.removeprefix("sqlite:///"))
    try:
        return connection.execute(f"SELECT id, approver FROM {table} ORDER BY id").fetchall()  # noqa: S608
    finally:
        connection.close()


def test_dry_run_lists_every_pending_evaluation_and_writes_nothing(db: str) -> None:
    result = as_user(db, "officer", "approve", "evaluation", "--all-pending", "--dry-run")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines[:-1]] == [
        f"#{record_id}" for record_id, _ in approvals(db, "evaluation")
    ]
    assert "株式会社承認1" in result.stdout and "3 件を承認できます" in lines[-1] and "dry run" in lines[-1]
    assert all(approver is None for _, approver in approvals(db, "evaluation"))


def test_all_pending_approves_every_imported_evaluation_as_the_officer(db: str) -> None:
    result = as_user(db, "officer", "approve", "evaluation", "--all-pending")
    assert result.returncode == 0, result.stderr
    assert "3 件を承認しました" in result.stdout
    assert [approver for _, approver in approvals(db, "evaluation")] == ["officer"] * IMPORTED
    assert all(approver is None for _, approver in approvals(db, "contract"))  # only what was asked
    again = as_user(db, "officer", "approve", "evaluation", "--all-pending")
    assert again.returncode == 0 and "承認待ちの評価はありません" in again.stdout


def test_contracts_by_id_with_json(db: str) -> None:
    first, second, _ = (record_id for record_id, _ in approvals(db, "contract"))
    result = as_user(db, "officer", "approve", "contract", str(second), str(first), "--json")
    assert result.returncode == 0, result.stderr
    listed = json.loads(result.stdout)
    assert [(item["id"], item["approver"]) for item in listed] == [(second, "officer"), (first, "officer")]
    assert all(item["approved_on"] and item["version"] == 2 for item in listed)
    assert listed[0]["contractor_name"].startswith("株式会社承認")
    assert [approver for _, approver in approvals(db, "contract")] == ["officer", "officer", None]


def test_one_unknown_id_approves_none_and_is_named(db: str) -> None:
    first = approvals(db, "contract")[0][0]
    result = as_user(db, "officer", "approve", "contract", str(first), "9999")
    assert result.returncode == 2
    assert "contract#9999" in result.stderr and "#9999 は存在しません" in result.stderr
    assert all(approver is None for _, approver in approvals(db, "contract"))


def test_staff_cannot_approve_many(db: str) -> None:
    result = as_user(db, "staff", "approve", "evaluation", "--all-pending")
    assert result.returncode == 2 and "個人情報保護責任者" in result.stderr
    assert all(approver is None for _, approver in approvals(db, "evaluation"))


@pytest.mark.parametrize(
    "arguments", [("approve", "evaluation"), ("approve", "evaluation", "1", "--all-pending")]
)
def test_ids_or_all_pending_exactly_one_of_them(db: str, arguments: tuple[str, ...]) -> None:
    result = as_user(db, "officer", *arguments)
    assert result.returncode == 2 and "--all-pending" in result.stderr
    assert all(approver is None for _, approver in approvals(db, "evaluation"))


def test_the_single_approve_command_still_works(db: str) -> None:
    first = approvals(db, "evaluation")[0][0]
    result = as_user(db, "officer", "evaluation", "approve", "--id", str(first))
    assert result.returncode == 0, result.stderr
    assert f"evaluation #{first}" in result.stdout


@pytest.mark.parametrize("order", ["ids-after-option", "ids-around-option"])
def test_ids_may_follow_an_option(db: str, order: str) -> None:
    """`approve evaluation --dry-run 1 2` is read as `approve evaluation 1 2 --dry-run` (argparse alone calls
    the ids after an option unrecognised)."""
    first, second = (record_id for record_id, _ in approvals(db, "evaluation")[:2])
    if order == "ids-after-option":
        arguments = ["approve", "evaluation", "--dry-run", str(first), str(second)]
    else:
        arguments = ["approve", "evaluation", str(first), "--dry-run", str(second)]
    result = as_user(db, "officer", *arguments)
    assert result.returncode == 0, result.stderr
    listed = [line.split()[0] for line in result.stdout.splitlines()[:-1]]
    assert listed == [f"#{first}", f"#{second}"]
    assert all(approver is None for _, approver in approvals(db, "evaluation"))


def test_a_stray_word_after_an_option_is_still_refused(db: str) -> None:
    result = as_user(db, "officer", "approve", "evaluation", "--dry-run", "seven")
    assert result.returncode == 2 and "ID" in result.stderr
    result = as_user(db, "officer", "check", "--json", "extra")
    assert result.returncode == 2 and "unrecognized arguments: extra" in result.stderr
