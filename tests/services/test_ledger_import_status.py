"""Issues 12 and 14: an imported contractor never lands silently outside the checks; the import says what
it did and what to do next; a mark is not a registration number; every error shows the cell's value; the
ledger's own row numbers are ignored without a warning; a failed import leaves the database as it was."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from desktop.cli import main
from desktop.domain import ledger
from desktop.services.facade import Services
from desktop.services.ledger_import import (
    STATUS_CHOSEN,
    STATUS_FROM_LEDGER,
    STATUS_INFERRED,
    STATUS_KEPT,
    LedgerImportError,
)
from desktop.store.models import Contractor
from tests.services.test_ledger_import import dump


def workbook(path: Path, header: list[str], *rows: list[Any]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["委託先管理台帳"])
    sheet.append(header)
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


NO_STATUS = [
    "No.",
    "委託先名",
    "委託業務",
    "個人情報の項目",
    "委託開始日",
    "委託終了日",
    "評価日",
    "評価結果",
    "NDA締結日",
]


def no_status_ledger(path: Path) -> Path:
    return workbook(
        path,
        NO_STATUS,
        [1, "株式会社あおば", "発送代行", "氏名、住所", None, None, "2026/4/1", "適合", "2026/3/1"],
        [2, "株式会社みどり", "保守", None, "2025/4/1", None, None, None, None],
        [3, "株式会社そら", "見積のみ", None, None, None, None, None, None],
        [4, "株式会社うみ", "印刷", "氏名", "2020/4/1", "2025/3/31", None, None, None],
        [5],  # a pre-numbered line of the form, not filled in
    )


def status_of(services: Services) -> dict[str, str]:
    with services.database.read() as session:
        return {c.name: c.status for c in session.query(Contractor)}


def test_a_ledger_without_a_status_column_brings_contractors_handling_pi_into_the_checks(
    services: Services, tmp_path: Path
) -> None:
    summary = services.ledger_import.import_contractors(no_status_ledger(tmp_path / "l.xlsx"))
    assert status_of(services) == {
        "株式会社あおば": "active",  # PI items
        "株式会社みどり": "active",  # a start date
        "株式会社そら": "candidate",  # nothing says it was ever entrusted
        "株式会社うみ": "ended",  # its end date has passed
    }
    assert summary.statuses == {"active": 2, "candidate": 1, "ended": 1}
    assert summary.inferred == 4 and summary.chosen == 0 and summary.candidates_handling_pi == 0
    assert summary.row_statuses[3] == ("active", STATUS_INFERRED)
    # Not silently outside the checks: the active contractor handling PI has findings at once.
    flagged = {(f.record_label, f.rule) for f in services.checks.findings()}
    assert ("株式会社あおば", "evaluation.missing") in flagged  # its evaluation awaits approval
    assert ("株式会社うみ", "contractor.disposal_unconfirmed") in flagged


def test_the_status_chosen_for_the_file_applies_to_every_line_without_one(
    services: Services, tmp_path: Path
) -> None:
    summary = services.ledger_import.import_contractors(
        no_status_ledger(tmp_path / "l.xlsx"), status="candidate"
    )
    assert set(status_of(services).values()) == {"candidate"}
    assert summary.chosen == 4 and summary.inferred == 0
    assert summary.candidates_handling_pi == 3  # PI items or a start date, yet left outside the checks
    report = summary.report("ja")
    assert "法令チェックの対象外" in report and "「委託中」にする" in report


def test_a_registered_contractor_keeps_its_status_unless_one_is_chosen(
    services: Services, tmp_path: Path
) -> None:
    services.contractors.create({"name": "株式会社あおば", "status": "candidate"})
    path = workbook(tmp_path / "l.xlsx", ["委託先名", "個人情報の項目"], ["株式会社あおば", "氏名"])
    summary = services.ledger_import.import_contractors(path)
    assert status_of(services) == {"株式会社あおば": "candidate"}
    assert summary.row_statuses[3] == ("candidate", STATUS_KEPT) and summary.candidates_handling_pi == 1
    assert "法令チェックの対象外" in summary.report("ja")
    summary = services.ledger_import.import_contractors(path, status="active")
    assert status_of(services) == {"株式会社あおば": "active"}
    assert summary.row_statuses[3] == ("active", STATUS_CHOSEN) and summary.candidates_handling_pi == 0


def test_the_ledgers_own_status_wins_over_the_chosen_one(services: Services, tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "l.xlsx",
        ["委託先名", "状態", "個人情報の項目"],
        ["株式会社あおば", "終了", "氏名"],
        ["株式会社みどり", None, "氏名"],
    )
    summary = services.ledger_import.import_contractors(path, status="suspended")
    assert status_of(services) == {"株式会社あおば": "ended", "株式会社みどり": "suspended"}
    assert summary.row_statuses == {3: ("ended", STATUS_FROM_LEDGER), 4: ("suspended", STATUS_CHOSEN)}


def test_the_summary_says_what_awaits_approval_and_what_to_do_next(
    services: Services, tmp_path: Path
) -> None:
    summary = services.ledger_import.import_contractors(no_status_ledger(tmp_path / "l.xlsx"))
    assert (summary.pending_evaluations, summary.pending_contracts) == (1, 1)
    window = summary.report("ja")
    assert "状態: 候補 1 件、委託中 2 件、終了 1 件（うち 4 件は台帳に状態がなく" in window
    assert "承認待ち: 評価 1 件、NDA 1 件" in window
    assert "「評価」と「契約・NDA」の各ページ" in window and "推定した 4 件の状態を確かめ" in window
    command_line = summary.report("en", command_line=True)
    assert "itaku-cli approve evaluation --all-pending" in command_line
    assert "itaku-cli approve contract --all-pending" in command_line
    assert "Statuses: Candidate 1, Active 2, Ended 1 (4 inferred" in command_line
    # Once approved, a second import of the same ledger has nothing waiting and nothing to infer.
    for row in services.evaluations.list():
        services.evaluations.approve(row.id, row.version)
    for row in services.contracts.list():
        services.contracts.approve(row.id, row.version)
    again = services.ledger_import.import_contractors(tmp_path / "l.xlsx")
    assert (again.pending_evaluations, again.pending_contracts, again.inferred) == (0, 0, 0)
    assert "次にすることはありません" in again.report("ja")


@pytest.mark.parametrize("mark", ["△", "ー", "有", "○", "-", "取得済"])
def test_a_mark_in_a_certificate_number_column_is_an_error_naming_the_cell(
    sqlite_services: Services, tmp_path: Path, mark: str
) -> None:
    before = dump(sqlite_services)
    path = workbook(
        tmp_path / "l.xlsx",
        ["委託先名", "プライバシーマーク番号", "ISMS認証番号"],
        ["株式会社あおば", "第10820001(08)号", "IS 123456"],
        ["株式会社みどり", mark, None],
    )
    with pytest.raises(LedgerImportError) as caught:
        sqlite_services.ledger_import.import_contractors(path)
    (error,) = caught.value.errors
    assert (error.excel_row, error.column, error.value) == (4, "プライバシーマーク番号", mark)
    assert f"「{mark}」はプライバシーマークの登録番号ではありません" in error.message.ja
    assert dump(sqlite_services) == before


def test_a_mark_that_is_not_yes_or_no_in_a_certificate_column_is_an_error_and_yes_is_no_number(
    sqlite_services: Services, tmp_path: Path
) -> None:
    path = workbook(
        tmp_path / "l.xlsx",
        ["委託先名", "Pマーク", "ISMS"],
        ["株式会社あおば", "第10820001(08)号", "○"],
        ["株式会社みどり", "無", "△"],
    )
    with pytest.raises(LedgerImportError) as caught:
        sqlite_services.ledger_import.import_contractors(path)
    assert [(e.excel_row, e.column, e.value) for e in caught.value.errors] == [(4, "ISMS", "△")]
    path = workbook(
        tmp_path / "ok.xlsx", ["委託先名", "Pマーク", "ISMS"], ["株式会社あおば", "第10820001(08)号", "○"]
    )
    sqlite_services.ledger_import.import_contractors(path)
    with sqlite_services.database.read() as session:
        (stored,) = session.query(Contractor).all()
    assert stored.privacy_mark_number == "第10820001(08)号"
    assert stored.isms_number is None and "ISMS認証: 有" in (stored.notes or "")


def test_every_error_shows_the_cells_value_with_its_row_column_and_reason(
    sqlite_services: Services, tmp_path: Path
) -> None:
    path = workbook(
        tmp_path / "l.xlsx",
        ["委託先名", "法人番号", "評価日", "評価結果", "委託開始日"],
        ["株式会社あおば", "1234567890123", "来年", "適合", None],
        [None, None, None, None, "2026/4/1"],
    )
    with pytest.raises(LedgerImportError) as caught:
        sqlite_services.ledger_import.import_contractors(path)
    assert [(e.excel_row, e.column, e.value) for e in caught.value.errors] == [
        (3, "法人番号", "1234567890123"),
        (3, "評価日", "来年"),
        (4, "委託先名", ""),
    ]
    assert caught.value.errors[1].text("ja").startswith("3, 評価日, 「来年」, ")
    assert caught.value.errors[2].text("en").startswith("4, 委託先名, (blank), ")


def test_a_clash_found_while_writing_names_the_value_too(sqlite_services: Services, tmp_path: Path) -> None:
    sqlite_services.contractors.create({"name": "株式会社あおば"})
    sqlite_services.contractors.create({"name": "株式会社あおば"})
    path = workbook(tmp_path / "l.xlsx", ["委託先名", "所在地"], ["株式会社あおば", "東京都"])
    with pytest.raises(LedgerImportError) as caught:
        sqlite_services.ledger_import.import_contractors(path)
    assert [(e.excel_row, e.column, e.value) for e in caught.value.errors] == [
        (3, "委託先名", "株式会社あおば")
    ]


@pytest.mark.parametrize("heading", ["No.", "№", "番号", "NO", "通番"])
def test_the_ledgers_row_number_column_is_recognised_and_ignored(
    sqlite_services: Services, tmp_path: Path, heading: str
) -> None:
    path = workbook(
        tmp_path / "l.xlsx",
        [heading, "委託先名", "所在地"],
        [
            "=ROW()-2",
            "株式会社あおば",
            "東京都",
        ],  # a formula never calculated: no error, the column is ignored
        [2, "株式会社みどり", "大阪府"],
        [3, None, None],  # numbered in advance, not filled in
    )
    preview = sqlite_services.ledger_import.read(path)
    assert preview.header.unrecognised == ()
    assert [c.target for c in preview.header.columns] == [ledger.ROW_NUMBER, "name", "address"]
    assert preview.errors == [] and [r.excel_row for r in preview.rows] == [3, 4]
    assert sqlite_services.ledger_import.apply(preview).added == 2


def test_a_failed_import_leaves_the_database_exactly_as_it_was(services: Services, tmp_path: Path) -> None:
    services.ledger_import.import_contractors(no_status_ledger(tmp_path / "first.xlsx"))
    services.contractors.create({"name": "Pacific Data Inc.", "kind": "foreign_corporation", "country": "US"})
    before = dump(services)
    # New contractors with inferred statuses, an update, evaluations and NDAs are written before the row
    # that fails only against the stored record (a foreign corporation cannot be in JP): none of it stays.
    path = workbook(
        tmp_path / "second.xlsx",
        [*NO_STATUS, "国"],
        [1, "株式会社あおば", "発送代行", "氏名", None, None, "2026/5/1", "適合", "2026/5/1", "JP"],
        [2, "株式会社新規", "保守", "氏名", "2026/4/1", None, "2026/4/1", "適合", "2026/4/1", "JP"],
        [3, "Pacific Data Inc.", "保守", "氏名", "2026/4/1", None, None, None, None, "JP"],
    )
    for status in (None, "active"):
        with pytest.raises(LedgerImportError) as caught:
            services.ledger_import.import_contractors(path, status=status)
        assert [(e.excel_row, e.column, e.value) for e in caught.value.errors] == [(5, "国", "JP")]
        assert dump(services) == before
    assert services.audit.verify_chain().is_intact


def test_the_command_line_takes_status_and_prints_the_summary(tmp_path: Path, capsys: Any) -> None:
    db = str(tmp_path / "cli.sqlite3")
    assert main(["--db", db, "init"]) == 0
    path = no_status_ledger(tmp_path / "l.xlsx")
    capsys.readouterr()
    assert main(["--db", db, "import", "contractors", str(path), "--status", "bogus"]) == 2
    assert "--status: 「bogus」は状態ではありません" in capsys.readouterr().err
    assert main(["--db", db, "contractor", "list", "--json"]) == 0
    assert capsys.readouterr().out.strip() == "[]"
    assert main(["--db", db, "import", "contractors", str(path), "--status", "委託中"]) == 0
    out = capsys.readouterr().out
    assert "状態: 委託中 4 件（うち 4 件は取込時に指定した状態）" in out
    assert "itaku-cli approve evaluation --all-pending" in out
    assert main(["--db", db, "--lang", "en", "import", "contractors", str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Dry run (nothing written): 0 added, 0 updated, 4 unchanged")
    assert "Statuses: Active 4" in out
