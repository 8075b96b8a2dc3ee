"""itaku-cli provision add|list|delete and receipt add|list|delete: the fields as options, `list --json` an
array with `id`, bad input exit 2 naming the field with nothing written, a deletion before the retention end
exit 2 with nothing deleted; `check --json` findings with record types provision and receipt."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.cli_in_process import listed, new_database, run

PROVISION = [
    "--provided-on",
    "2026-04-01",
    "--recipient-name",
    "株式会社つばめ",
    "--recipient-address",
    "東京都千代田区1-1",
    "--recipient-representative",
    "代表取締役 燕 一郎",
    "--persons",
    "2026年3月の会員登録者",
    "--pi-items",
    "氏名,住所",
    "--basis",
    "consent",
    "--method",
    "electronic",
    "--record-form",
    "contract_or_bulk_record_for_goods_or_services_to_the_person",
]
RECEIPT = [
    "--received-on",
    "令和8年4月1日",
    "--provider-name",
    "株式会社かもめ",
    "--provider-address",
    "大阪府大阪市1-1",
    "--provider-representative",
    "代表取締役 鴎 花子",
    "--acquisition-confirmation",
    "本人から申込書で取得",
    "--confirmed-on",
    "2026-04-01",
    "--confirmation-method",
    "同意書の写しを受領",
    "--persons",
    "応募者",
    "--pi-items",
    "氏名",
]


@pytest.fixture
def db(tmp_path: Path) -> str:
    return new_database(tmp_path)


@pytest.mark.parametrize(("command", "options"), [("provision", PROVISION), ("receipt", RECEIPT)])
def test_add_then_list_json_gives_the_record_with_its_id_and_retention_end(
    db: str, capsys: pytest.CaptureFixture[str], command: str, options: list[str]
) -> None:
    code, out, err = run(db, capsys, command, "add", *options, "--json")
    assert code == 0, err
    added = json.loads(out)
    [row] = listed(db, capsys, command)
    assert row["id"] == added["id"] >= 1
    assert row["first_day"] == "2026-04-01"
    assert row["retention_end"] == ("2027-03-31" if command == "provision" else "2029-03-31")


def test_check_json_names_the_record_types(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(db, capsys, "provision", "add", *PROVISION[:-6])[0] == 0  # no basis, no method, 3 years
    assert run(db, capsys, "receipt", "add", *RECEIPT[:8])[0] == 0  # no confirmation, no persons, no items
    code, out, _ = run(db, capsys, "check", "--json", "--as-of", "2026-04-02")
    found = {(f["record_type"], f["rule"]) for f in json.loads(out)}
    assert {
        ("provision", "provision.basis_missing"),
        ("provision", "provision.item_missing"),
        ("receipt", "receipt.confirmation_missing"),
        ("receipt", "receipt.item_missing"),
    } <= found
    code, out, _ = run(db, capsys, "check", "--json", "--as-of", "2029-04-01")
    ended = {(f["record_type"], f["rule"]) for f in json.loads(out) if f["rule"].endswith("retention_ended")}
    assert ended == {("provision", "provision.retention_ended"), ("receipt", "receipt.retention_ended")}


@pytest.mark.parametrize(
    ("command", "options", "bad", "field"),
    [
        ("provision", PROVISION, ["--basis", "gift"], "basis"),
        ("provision", PROVISION, ["--method", "fax"], "method"),
        ("provision", PROVISION, ["--contractor-id", "99"], "contractor_id"),
        ("provision", PROVISION, ["--exemption", "entrustment"], "exemption"),
        ("provision", PROVISION, ["--period-to", "2026-05-01"], "period_from"),
        ("provision", PROVISION, ["--recipient-is-corporation", "maybe"], "recipient_is_corporation"),
        ("provision", PROVISION[2:], [], "provided_on"),
        ("receipt", RECEIPT, ["--confirmed-on", "2026-02-30"], "confirmed_on"),
        ("receipt", RECEIPT, ["--record-form", "scroll"], "record_form"),
    ],
)
def test_bad_input_exits_2_naming_the_field_and_writes_nothing(
    db: str, capsys: pytest.CaptureFixture[str], command: str, options: list[str], bad: list[str], field: str
) -> None:
    code, _, err = run(db, capsys, command, "add", *options, *bad)
    assert code == 2
    assert field in err
    assert listed(db, capsys, command) == []


def test_a_missing_required_option_exits_2_naming_it(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(db, capsys, "provision", "add", "--provided-on", "2026-04-01")
    assert code == 2 and "--recipient-name" in err
    assert listed(db, capsys, "provision") == []


@pytest.mark.parametrize("command", ["provision", "receipt"])
def test_delete_before_the_retention_end_exits_2_and_keeps_the_record(
    db: str, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    options = PROVISION if command == "provision" else RECEIPT
    # Dated today: the retention ends one or three years from now.
    today = datetime.now(ZoneInfo("Asia/Tokyo")).date().isoformat()
    dated = [today if value in ("2026-04-01", "令和8年4月1日") else value for value in options]
    assert run(db, capsys, command, "add", *dated)[0] == 0
    [row] = listed(db, capsys, command)
    code, _, err = run(db, capsys, command, "delete", str(row["id"]))
    assert code == 2
    assert row["retention_end"] in err
    assert listed(db, capsys, command) == [row]


def test_delete_after_the_retention_end_deletes(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    dated = [("2020-01-06" if value == "2026-04-01" else value) for value in PROVISION]
    assert run(db, capsys, "provision", "add", *dated)[0] == 0
    [row] = listed(db, capsys, "provision")
    code, out, err = run(db, capsys, "provision", "delete", str(row["id"]))
    assert code == 0, err
    assert listed(db, capsys, "provision") == []


@pytest.mark.parametrize(("register", "options"), [("provisions", PROVISION), ("receipts", RECEIPT)])
def test_the_register_prints_as_of_a_date(
    db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, register: str, options: list[str]
) -> None:
    assert run(db, capsys, register.removesuffix("s"), "add", *options)[0] == 0
    out = tmp_path / f"{register}.pdf"
    code, _, err = run(db, capsys, "report", register, "--pdf", str(out), "--as-of", "2026-04-02")
    assert code == 0, err
    assert out.read_bytes().startswith(b"%PDF")
