"""itaku-cli opt-out add|add-change|list and stop-request add|list: the fields as options, `list --json` an array
with `id`, bad input exit 2 naming the field with nothing written; `check --json` and `report opt-outs`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_in_process import listed, new_database, run

ARRANGEMENT = [
    "--title",
    "会員名簿の提供",
    "--purpose-statement",
    "第三者提供を利用目的とします",
    "--pi-items",
    "氏名,住所",
    "--provision-method",
    "電子データの送付",
    "--stop-statement",
    "求めに応じて停止します",
    "--stop-request-method",
    "窓口へ電子メールで",
    "--acquisition-method",
    "申込書から取得",
    "--ppc-notified-on",
    "令和8年3月1日",
    "--made-known-on",
    "2026/3/1",
    "--start-date",
    "2026-04-01",
]


@pytest.fixture
def db(tmp_path: Path) -> str:
    return new_database(tmp_path)


def test_add_then_list_json_gives_the_arrangement_with_its_id(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(db, capsys, "opt-out", "add", *ARRANGEMENT, "--json")
    assert code == 0, err
    added = json.loads(out)
    assert added["pi_items"] == ["氏名", "住所"] and added["ppc_notified_on"] == "2026-03-01"
    [row] = listed(db, capsys, "opt-out")
    assert row["id"] == added["id"] and row["title"] == "会員名簿の提供"
    assert row["stop_request_count"] == 0


def test_a_change_and_a_stop_request_are_added_and_listed(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(db, capsys, "opt-out", "add", *ARRANGEMENT, "--json")
    opt_out_id = str(json.loads(out)["id"])
    code, _, err = run(
        db,
        capsys,
        "opt-out",
        "add-change",
        "--opt-out-id",
        opt_out_id,
        "--field",
        "pi_items",
        "--description",
        "生年月日を追加",
        "--changed-on",
        "2026-09-01",
    )
    assert code == 0, err
    code, _, err = run(
        db,
        capsys,
        "stop-request",
        "add",
        "--opt-out-id",
        opt_out_id,
        "--person",
        "山田 太郎",
        "--received-on",
        "2026-05-01",
        "--identity-check",
        "運転免許証の写し",
        "--effective-on",
        "2026-05-02",
    )
    assert code == 0, err
    [stop] = listed(db, capsys, "stop-request")
    assert stop["person"] == "山田 太郎" and stop["opt_out_id"] == int(opt_out_id) and stop["id"] >= 1
    [row] = listed(db, capsys, "opt-out")
    assert (row["change_count"], row["stop_request_count"]) == (1, 1)
    code, out, _ = run(db, capsys, "check", "--json", "--as-of", "2026-09-02")
    found = [f for f in json.loads(out) if f["record_type"] == "opt_out"]
    assert [f["rule"] for f in found] == ["opt_out.change_not_notified"]
    assert found[0]["basis"].startswith("APPI Art. 27(3)")


@pytest.mark.parametrize(
    ("command", "bad", "field"),
    [
        (["opt-out", "add", *ARRANGEMENT], ["--start-date", "2026-13-01"], "start_date"),
        (["opt-out", "add", *ARRANGEMENT], ["--end-date", "2026-03-01"], "end_date"),
        (["opt-out", "add", *ARRANGEMENT], ["--made-known-method", "pigeon"], "made_known_method"),
        (["opt-out", "add", *ARRANGEMENT], ["--includes-special-care", "maybe"], "includes_special_care"),
        (
            ["stop-request", "add", "--person", "A", "--received-on", "2026-05-01", "--identity-check", "x"],
            ["--opt-out-id", "99", "--effective-on", "2026-05-01"],
            "opt_out_id",
        ),
        (
            ["stop-request", "add", "--opt-out-id", "1", "--person", "A", "--identity-check", "x"],
            ["--received-on", "2026-05-02", "--effective-on", "2026-05-01"],
            "effective_on",
        ),
        (
            [
                "opt-out",
                "add-change",
                "--opt-out-id",
                "1",
                "--description",
                "x",
                "--changed-on",
                "2026-05-01",
            ],
            ["--field", "colour"],
            "field",
        ),
    ],
)
def test_bad_input_exits_2_naming_the_field_and_writes_nothing(
    db: str, capsys: pytest.CaptureFixture[str], command: list[str], bad: list[str], field: str
) -> None:
    if command[0] != "opt-out" or command[1] != "add":
        assert run(db, capsys, "opt-out", "add", *ARRANGEMENT)[0] == 0  # arrangement #1 exists
    before = (listed(db, capsys, "opt-out"), listed(db, capsys, "stop-request"))
    code, _, err = run(db, capsys, *command, *bad)
    assert code == 2
    assert field in err
    assert (listed(db, capsys, "opt-out"), listed(db, capsys, "stop-request")) == before


def test_a_missing_required_option_exits_2_naming_it(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(db, capsys, "stop-request", "add", "--person", "A")
    assert code == 2 and "--opt-out-id" in err
    assert listed(db, capsys, "stop-request") == []


def test_the_register_prints(db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(db, capsys, "opt-out", "add", *ARRANGEMENT)[0] == 0
    out = tmp_path / "optout.pdf"
    code, _, err = run(db, capsys, "report", "opt-outs", "--pdf", str(out))
    assert code == 0, err
    assert out.read_bytes().startswith(b"%PDF")
