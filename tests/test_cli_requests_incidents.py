"""itaku-cli request add|list and incident add|list: the fields as options, `list --json` an array with `id`,
bad input exit 2 naming the field with nothing written; `check --json` findings with record types `request` and
`incident`; `report requests|incidents --pdf`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_in_process import listed, new_database, run

REQUEST = [
    "--request-type",
    "disclosure",
    "--requester",
    "山田 花子",
    "--received-on",
    "令和8年4月1日",
    "--identity-check",
    "運転免許証の写し",
]
INCIDENT = [
    "--title",
    "顧客名簿の誤送信",
    "--discovered-on",
    "2026/5/11",
    "--description",
    "顧客名簿を別の取引先に誤送信した",
    "--pi-items",
    "氏名,メールアドレス",
    "--person-count",
    "1500",
]


@pytest.fixture
def db(tmp_path: Path) -> str:
    return new_database(tmp_path)


def test_a_request_is_added_listed_with_its_due_date_and_checked(db, capsys):
    code, out, err = run(
        db, capsys, "request", "add", *REQUEST, "--by-agent", "yes", "--fee", "1000", "--json"
    )
    assert code == 0, err
    added = json.loads(out)
    assert added["received_on"] == "2026-04-01" and added["by_agent"] is True and added["fee"] == 1000
    assert added["decision"] == "pending"
    [row] = listed(db, capsys, "request")
    assert row["id"] == added["id"] and row["due_on"] == "2026-04-15"
    assert listed(db, capsys, "request", "--status", "replied") == []
    code, out, _ = run(db, capsys, "check", "--json", "--as-of", "2026-04-16")
    found = [f for f in json.loads(out) if f["record_type"] == "request"]
    assert [(f["rule"], f["severity"], f["due"]) for f in found] == [
        ("request.reply_overdue", "blocking", "2026-04-15")
    ]
    code, out, _ = run(db, capsys, "request", "list")
    assert code == 0 and "山田 花子" in out and "2026-04-15" in out


def test_an_incident_is_added_listed_and_its_reports_checked(db, capsys):
    code, out, err = run(db, capsys, "incident", "add", *INCIDENT, "--json")
    assert code == 0, err
    added = json.loads(out)
    assert added["pi_items"] == ["氏名", "メールアドレス"] and added["person_count"] == 1500
    [row] = listed(db, capsys, "incident")
    assert row["id"] == added["id"] and row["is_reportable"] and row["next_due_on"] == "2026-05-16"
    assert listed(db, capsys, "incident", "--status", "closed") == []
    code, out, _ = run(db, capsys, "check", "--json", "--as-of", "2026-05-17")
    found = {f["rule"]: f for f in json.loads(out) if f["record_type"] == "incident"}
    assert set(found) == {
        "incident.ppc_preliminary_missing",
        "incident.ppc_confirmed_missing",
        "incident.persons_notice_missing",
        "incident.pmark_preliminary_missing",
        "incident.pmark_confirmed_missing",
    }
    assert found["incident.ppc_preliminary_missing"]["severity"] == "blocking"
    assert found["incident.ppc_confirmed_missing"]["severity"] == "warning"
    assert found["incident.ppc_confirmed_missing"]["due"] == "2026-06-10"


@pytest.mark.parametrize(
    ("command", "bad", "field"),
    [
        (["request", "add", *REQUEST], ["--request-type", "complaint"], "request_type"),
        (["request", "add", *REQUEST], ["--replied-on", "2026-03-01"], "replied_on"),
        (["request", "add", *REQUEST], ["--decision", "maybe"], "decision"),
        (["request", "add", *REQUEST], ["--fee", "free"], "fee"),
        (["request", "add", *REQUEST], ["--refusal-ground", "harm_to_company"], "refusal_ground"),
        (["incident", "add", *INCIDENT], ["--contractor-id", "42"], "contractor_id"),
        (["incident", "add", *INCIDENT], ["--is-malicious", "perhaps"], "is_malicious"),
        (
            ["incident", "add", *INCIDENT],
            ["--ppc-confirmed-reported-on", "2026-05-01"],
            "ppc_confirmed_reported_on",
        ),
    ],
)
def test_bad_input_exits_2_naming_the_field_and_writes_nothing(db, capsys, command, bad, field):
    code, _, err = run(db, capsys, *command, *bad)
    assert code == 2
    assert field in err
    assert listed(db, capsys, "request") == [] and listed(db, capsys, "incident") == []


def test_a_missing_required_option_exits_2_naming_it(db, capsys):
    code, _, err = run(db, capsys, "incident", "add", "--title", "x")
    assert code == 2 and "--discovered-on" in err
    assert listed(db, capsys, "incident") == []


@pytest.mark.parametrize(
    ("register", "add", "title", "expected"),
    [
        ("requests", ["request", "add", *REQUEST], "本人請求対応記録", ["山田 花子", "2026-04-15", "未回答"]),
        (
            "incidents",
            ["incident", "add", *INCIDENT],
            "事故対応記録",
            ["顧客名簿の誤送信", "④ 1,000人超", "個人情報保護委員会への確報 期限 2026-06-10"],
        ),
    ],
)
def test_the_registers_print_with_their_due_dates(db, capsys, tmp_path, register, add, title, expected):
    from pypdf import PdfReader

    assert run(db, capsys, *add)[0] == 0
    out = tmp_path / f"{register}.pdf"
    code, _, err = run(db, capsys, "report", register, "--pdf", str(out), "--as-of", "2026-05-20")
    assert code == 0, err
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    for wanted in [title, "1 / 1", *expected]:
        assert wanted in text, wanted
