"""itaku-cli KIND list: every kind the window has a page for is listed, with --json and the page's filters, so
that the id for `report … --id` or `approve` can be found."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import main
from desktop.cli.records import LISTED_ELSEWHERE, RECORD_LISTS, command_name
from desktop.domain.kinds import RecordType
from tests.services.test_ledger_import import _row, hand_kept_ledger
from tests.test_cli import cli

PASSWORD = "s3cret-pass"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return demo_database(tmp_path_factory.mktemp("lists"))


def demo_database(folder: Path) -> str:
    """The demo data (all approved), the staff account, and one contractor imported from a ledger whose
    evaluation and NDA await approval."""
    url = f"sqlite:///{folder / 'lists.sqlite3'}"
    env = {"ITAKU_PASSWORD": PASSWORD}
    assert cli("--db", url, "init", env=env).returncode == 0
    assert cli("--db", url, "--user", "officer", "demo", "--size", "15", env=env).returncode == 0
    rows = [
        _row(
            1,
            "株式会社一覧テスト",
            None,
            **{"評価実施日": "2026-04-01", "評価結果": "適合", "機密保持契約締結日": "2026-04-01"},
        )
    ]
    ledger = hand_kept_ledger(folder / "ledger.xlsx", rows)
    imported = cli("--db", url, "--user", "staff", "import", "contractors", str(ledger), env=env)
    assert imported.returncode == 0, imported.stderr
    return url


def run(db: str, capsys: pytest.CaptureFixture[str], *args: str, lang: str = "ja") -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--db", db, "--user", "officer", "--lang", lang, *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def listed(db: str, capsys: pytest.CaptureFixture[str], command: str, *args: str) -> list[dict[str, Any]]:
    code, out, err = run(db, capsys, command, "list", "--json", *args)
    assert code == 0, err
    rows: list[dict[str, Any]] = json.loads(out)
    return rows


@pytest.fixture(autouse=True)
def password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ITAKU_PASSWORD", PASSWORD)


def test_every_kind_is_listed_or_says_where() -> None:
    assert set(RECORD_LISTS) | set(LISTED_ELSEWHERE) == set(RecordType)
    assert not set(RECORD_LISTS) & set(LISTED_ELSEWHERE)
    assert [command_name(kind) for kind in RECORD_LISTS] == [
        "evaluation",
        "contract",
        "engagement",
        "joint-use",
        "corrective-action",
        "opt-out",
        "stop-request",
        "provision",
        "receipt",
        "request",
        "incident",
        "redelegation",
    ]


@pytest.mark.parametrize(
    ("command", "table"),
    [
        ("evaluation", "evaluation"),
        ("contract", "contract"),
        ("engagement", "engagement"),
        ("joint-use", "joint_use"),
        ("corrective-action", "corrective_action"),
        ("provision", "provision"),
        ("receipt", "receipt"),
        ("redelegation", "redelegation"),
    ],
)
def test_list_json_has_every_record_with_its_id(
    db: str, capsys: pytest.CaptureFixture[str], command: str, table: str
) -> None:
    import sqlite3

    connection = sqlite3.connect(db.removeprefix("sqlite:///"))
    try:
        ids = [row[0] for row in connection.execute(f"SELECT id FROM {table} ORDER BY id")]  # noqa: S608
    finally:
        connection.close()
    rows = listed(db, capsys, command)
    assert ids and [row["id"] for row in rows] == ids


def test_the_subprocess_entry_lists_as_json(db: str) -> None:
    result = cli(
        "--db", db, "--user", "officer", "joint-use", "list", "--json", env={"ITAKU_PASSWORD": PASSWORD}
    )
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows and all(isinstance(row["id"], int) and row["title"] for row in rows)


def test_text_is_a_table_with_headings_in_the_chosen_language(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(db, capsys, "evaluation", "list")
    lines = out.splitlines()
    assert code == 0
    assert lines[0].split() == ["ID", "委託先", "評価日", "評価結果", "承認日", "次回評価予定日"]
    assert set(lines[1]) == {"-", " "}
    assert "株式会社一覧テスト" in out and "承認待ち" in out and "適合" in out
    assert lines[-1] == f"委託先評価 {len(lines) - 3} 件"
    code, out, _ = run(db, capsys, "evaluation", "list", lang="en")
    assert out.splitlines()[0].split()[:3] == ["ID", "Contractor", "Evaluation"]
    assert "awaiting approval" in out and "Pass" in out and "適合" not in out


def test_pending_lists_what_approve_takes(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    pending = listed(db, capsys, "evaluation", "--pending")
    assert [row["contractor_name"] for row in pending] == ["株式会社一覧テスト"]
    assert pending[0]["approved_on"] is None
    contracts = listed(db, capsys, "contract", "--pending", "--kind", "nda")
    assert [row["contractor_name"] for row in contracts] == ["株式会社一覧テスト"]
    code, out, err = run(db, capsys, "approve", "contract", str(contracts[0]["id"]), "--dry-run")
    assert code == 0, err
    assert out.startswith(f"#{contracts[0]['id']} ") and "株式会社一覧テスト" in out


def test_filters_are_the_pages(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    everything = listed(db, capsys, "evaluation")
    conditional = listed(db, capsys, "evaluation", "--result", "conditional")
    assert conditional and {row["result"] for row in conditional} == {"conditional"}
    assert len(conditional) < len(everything)
    contractor_id = everything[0]["contractor_id"]
    assert {
        row["contractor_id"] for row in listed(db, capsys, "evaluation", "--contractor", str(contractor_id))
    } == {contractor_id}
    # search words, each anywhere in the row's searched columns, full-width and case folded as the page does
    name = everything[0]["contractor_name"]
    found = listed(db, capsys, "evaluation", "--search", f"{name[-2:]}　{everything[0]['evaluator']}")
    assert everything[0]["id"] in [row["id"] for row in found]
    assert listed(db, capsys, "contract", "--search", "存在しない契約名") == []
    assert {row["kind"] for row in listed(db, capsys, "contract", "--kind", "nda")} == {"nda"}
    engagements = listed(db, capsys, "engagement", "--status", "active")
    assert engagements and {row["status"] for row in engagements} == {"active"}
    current = listed(db, capsys, "joint-use", "--status", "current")
    ended = listed(db, capsys, "joint-use", "--status", "ended")
    assert len(current) + len(ended) == len(listed(db, capsys, "joint-use"))


def test_a_bad_filter_is_exit_2(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(db, capsys, "engagement", "list", "--status", "nonsense")
    assert code == 2 and "--status" in err


def test_report_takes_an_id_found_by_list(
    db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    joint_use = listed(db, capsys, "joint-use")[0]
    code, out, err = run(
        db,
        capsys,
        "report",
        "joint-use-notice",
        "--id",
        str(joint_use["id"]),
        "--pdf",
        str(tmp_path / "n.pdf"),
    )
    assert code == 0, err
    assert (tmp_path / "n.pdf").stat().st_size > 0


def test_user_list_json_names_every_account(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    users = listed(db, capsys, "user")
    assert {user["username"] for user in users} == {"officer", "staff", "auditor"}
    assert all(isinstance(user["id"], int) and "display_name" in user for user in users)
