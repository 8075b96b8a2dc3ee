"""itaku-cli for a day of follow-up: `check` as a table with headings, messages in the chosen language
(record kinds and values by their labels), and date options that read what the ledger import reads."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from desktop.domain.rules import Finding
from desktop.domain.schema import record_type_label
from tests.test_cli_lists import PASSWORD, demo_database, run


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return demo_database(tmp_path_factory.mktemp("followup"))


@pytest.fixture(autouse=True)
def password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ITAKU_PASSWORD", PASSWORD)


HEADINGS_JA = ["重大度", "種類", "ID", "対象", "発生日", "期限", "根拠", "指摘事項"]
HEADINGS_EN = ["Severity", "Kind", "ID", "Record", "Since", "Due", "Basis", "Finding"]


def findings(db: str, capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, Any]]:
    code, out, err = run(db, capsys, "check", "--json", *args)
    assert code == 1, err
    rows: list[dict[str, Any]] = json.loads(out)
    return rows


def test_check_prints_a_table_with_headings(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    expected = [Finding.from_json(item) for item in findings(db, capsys)]
    code, out, _ = run(db, capsys, "check")
    lines = out.splitlines()
    assert code == 1
    assert lines[0].split() == HEADINGS_JA and set(lines[1]) == {"-", " "}
    body = lines[2:-1]
    assert len(body) == len(expected)
    for line, finding in zip(body, expected, strict=True):
        cells = line.split()
        assert cells[1] == finding.severity.label.ja and cells[0] in "■□"
        assert cells[2] == record_type_label(finding.record_type).ja and cells[3] == str(finding.record_id)
        assert finding.record_label in line and line.endswith(finding.message.ja)
        since = finding.since.isoformat() if finding.since else "-"
        due = finding.due.isoformat() if finding.due else "-"
        assert re.search(rf" {since} +{due} +", line), line
        assert f" {finding.basis.ja} " in line  # the basis, before the finding
    assert "#" not in "".join(line.split()[3] for line in body)  # not `contractor#7`
    blocking = sum(1 for f in expected if f.severity.value == "blocking")
    assert lines[-1] == f"指摘事項 {len(expected)} 件（重大 {blocking} 件）"


def test_check_in_english(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    expected = [Finding.from_json(item) for item in findings(db, capsys)]
    code, out, _ = run(db, capsys, "check", lang="en")
    lines = out.splitlines()
    assert code == 1 and lines[0].split() == HEADINGS_EN
    for line, finding in zip(lines[2:-1], expected, strict=True):
        assert record_type_label(finding.record_type).en in line and line.endswith(finding.message.en)
        assert f" {finding.basis.en} " in line
        assert finding.severity.label.en in line
    assert lines[-1].endswith(" blocking") and "件" not in lines[-1]


def test_check_json_keeps_its_keys(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    first = findings(db, capsys)[0]
    assert {
        "rule",
        "severity",
        "record_type",
        "record_id",
        "record_label",
        "message_ja",
        "message_en",
        "due",
    } <= set(first)


@pytest.mark.parametrize(
    ("lang", "message"),
    [("ja", "委託先評価 #999 は見つかりません。"), ("en", "Evaluation #999 does not exist.")],
)
def test_an_unknown_record_is_named_by_its_label(
    db: str, capsys: pytest.CaptureFixture[str], lang: str, message: str
) -> None:
    code, out, err = run(db, capsys, "evaluation", "approve", "--id", "999", lang=lang)
    assert code == 2 and err.strip() == message and out == ""


def test_approve_dry_run_prints_labels(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(db, capsys, "approve", "evaluation", "--all-pending", "--dry-run")
    assert code == 0, err
    lines = out.splitlines()
    assert " 適合 " in lines[0] and "pass" not in lines[0]
    assert len({line.index("株式会社") for line in lines[:-1]}) == 1  # the names align
    code, out, err = run(db, capsys, "approve", "contract", "--all-pending", "--dry-run", lang="en")
    assert code == 0, err
    lines = out.splitlines()
    assert any("Non-disclosure" in line or "NDA" in line for line in lines[:-1])
    assert not any(" nda " in line for line in lines[:-1])


@pytest.mark.parametrize(
    "written", ["令和8年4月1日", "R8.4.1", "２０２６／４／１", "2026/4/1", "2026年4月1日"]
)
def test_check_as_of_reads_dates_as_the_import_does(
    db: str, capsys: pytest.CaptureFixture[str], written: str
) -> None:
    assert findings(db, capsys, "--as-of", written) == findings(db, capsys, "--as-of", "2026-04-01")


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (("check", "--as-of", "令和8年2月30日"), "--as-of"),
        (("check", "--as-of", "来週"), "--as-of"),
        (("export", "--xlsx", "out.xlsx", "--as-of", "2026/13/1"), "--as-of"),
        (("report", "findings", "--pdf", "out.pdf", "--as-of", "いつか"), "--as-of"),
        (("contractor", "add", "--name", "株式会社日付", "--start-date", "2026/2/30"), "--start-date"),
    ],
)
def test_a_bad_date_is_exit_2_naming_the_option(
    db: str, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], option: str
) -> None:
    code, out, err = run(db, capsys, *args)
    assert code == 2 and f"{option}:" in err and out == ""


def test_contractor_add_reads_era_dates(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        db,
        capsys,
        "contractor",
        "add",
        "--name",
        "株式会社和暦",
        "--start-date",
        "令和７年４月１日",
        "--end-date",
        "2027/3/31",
        "--json",
    )
    assert code == 0, err
    added = json.loads(out)
    assert (added["start_date"], added["end_date"]) == ("2025-04-01", "2027-03-31")


def test_a_conflict_names_the_kind_by_its_label() -> None:
    from desktop.domain.errors import ConflictError

    message = ConflictError("joint_use", 3, 1, 2, "staff").message
    assert message.ja.startswith("共同利用 #3 は") and message.en.startswith("Joint use #3 was changed")
