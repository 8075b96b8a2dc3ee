"""Importing hand-kept ledgers built here, in the shapes people keep them: all rows or none."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import inspect, select, text

from desktop.domain.values import make_corporate_number
from desktop.services.facade import Services
from desktop.services.ledger_import import (
    IMPORTED_EVALUATOR,
    LedgerFileError,
    LedgerImportError,
    LedgerImportService,
)
from desktop.store.models import AuditEvent, Contract, Contractor, Evaluation

NUMBER_A = make_corporate_number("100000000001")
NUMBER_B = make_corporate_number("100000000002")
WIDE = str.maketrans("0123456789", "０１２３４５６７８９")

HEADER = [
    "No.",
    "委託先名称",
    "法人番号",
    "所在地",
    "代表者名",
    "担当者",
    "連絡先",
    "委託業務の内容",
    "取扱う個人情報の項目",
    "件数",
    "Pマーク",
    "ISMS認証",
    "評価実施日",
    "評価結果",
    "次回評価予定日",
    "機密保持契約締結日",
    "契約終了日",
    "備考",
    "社内コード",
]


def _row(no: int, name: str, number: str | None, **values: Any) -> list[Any]:
    base = {
        "委託先名称": name,
        "法人番号": number,
        "所在地": "東京都千代田区丸の内1-1",
        "代表者名": "代表取締役 山田 太郎",
        "担当者": "佐藤 花子",
        "連絡先": "03-1234-5678",
        "委託業務の内容": "発送代行",
        "取扱う個人情報の項目": "氏名、住所",
        "件数": 1000,
        "Pマーク": "無",
        "ISMS認証": "×",
        "評価実施日": None,
        "評価結果": None,
        "次回評価予定日": None,
        "機密保持契約締結日": None,
        "契約終了日": None,
        "備考": None,
        "社内コード": f"C-{no:03d}",
    }
    base.update(values)
    return [no] + [base[h] for h in HEADER[1:]]


def hand_kept_ledger(path: Path, rows: list[list[Any]], *, sheet: str = "台帳") -> Path:
    """A ledger as people keep it: merged title, a date line, a blank line, the header, data, 以上."""
    workbook = openpyxl.Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    worksheet.append(["委託先管理台帳"])
    worksheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    worksheet.append(
        ["", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "作成日", "令和8年4月1日"]
    )
    worksheet.append([])
    worksheet.append(HEADER)
    for index, row in enumerate(rows):
        worksheet.append(row)
        if index == 0:
            worksheet.append([])  # a blank line inside the data
    worksheet.append(
        [
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            "以上",
        ]
    )
    workbook.save(path)
    return path


@pytest.fixture
def importer(sqlite_services: Services) -> LedgerImportService:
    return LedgerImportService(sqlite_services.context, sqlite_services.settings)


def dump(services: Services) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a stable order: 'unchanged in content' means equal dumps."""
    engine = services.database.engine
    tables = inspect(engine).get_table_names()
    with engine.connect() as connection:
        return {
            table: sorted(
                (tuple(row) for row in connection.execute(text(f'SELECT * FROM "{table}"'))), key=repr
            )
            for table in tables
        }


def test_a_hand_kept_ledger_becomes_contractors_with_evaluations_and_ndas(
    tmp_path: Path, sqlite_services: Services, importer: LedgerImportService
) -> None:
    path = hand_kept_ledger(
        tmp_path / "ledger.xlsx",
        [
            _row(
                1,
                "株式会社あおば",
                NUMBER_A.translate(WIDE),
                **{
                    "評価実施日": "令和8年4月1日",
                    "評価結果": "適合",
                    "機密保持契約締結日": datetime(2025, 4, 1),
                    "契約終了日": "2028/3/31",
                    "Pマーク": "第123号",
                },
            ),
            _row(
                2,
                "北斗システム株式会社",
                None,
                **{
                    "評価実施日": "平成31年4月1日",
                    "評価結果": "条件付き適合",
                    "次回評価予定日": "令和2年3月31日",
                    "連絡先": "info@hokuto.example.jp",
                },
            ),
        ],
    )
    summary = importer.import_contractors(path)
    assert (summary.added, summary.updated, summary.unchanged, summary.evaluations, summary.ndas) == (
        2,
        0,
        0,
        2,
        1,
    )
    with sqlite_services.database.read() as session:
        aoba = session.scalar(select(Contractor).where(Contractor.corporate_number == NUMBER_A))
        assert (
            aoba is not None and aoba.privacy_mark_number == "第123号" and aoba.pi_items == ["氏名", "住所"]
        )
        hokuto = session.scalar(select(Contractor).where(Contractor.name == "北斗システム株式会社"))
        assert hokuto is not None and hokuto.email == "info@hokuto.example.jp" and hokuto.phone is None
        evaluation = session.scalar(select(Evaluation).where(Evaluation.contractor_id == hokuto.id))
        assert evaluation is not None
        assert (evaluation.evaluated_on, evaluation.result, evaluation.next_due_on) == (
            date(2019, 4, 1),
            "conditional",
            date(2020, 3, 31),
        )
        assert (
            evaluation.items == []
            and evaluation.max_score == 0
            and evaluation.evaluator == IMPORTED_EVALUATOR
        )
        assert "台帳から取り込んだ評価" in (evaluation.conditions or "")
        nda = session.scalar(select(Contract).where(Contract.contractor_id == aoba.id))
        assert nda is not None and (nda.kind, nda.signed_on, nda.expires_on) == (
            "nda",
            date(2025, 4, 1),
            date(2028, 3, 31),
        )


def test_imported_records_are_audited_like_any_other(
    tmp_path: Path, sqlite_services: Services, importer: LedgerImportService
) -> None:
    path = hand_kept_ledger(
        tmp_path / "ledger.xlsx",
        [
            _row(
                1,
                "株式会社あおば",
                NUMBER_A,
                **{"評価実施日": "2026/4/1", "評価結果": "適合", "機密保持契約締結日": "2026/3/1"},
            )
        ],
    )
    importer.import_contractors(path)
    with sqlite_services.database.read() as session:
        events = {(e.action, e.record_type, e.actor) for e in session.scalars(select(AuditEvent))}
    assert events == {
        ("create", "contractor", "tester"),
        ("create", "evaluation", "tester"),
        ("create", "contract", "tester"),
    }


def test_the_audit_chain_stays_intact_after_a_bulk_import(
    tmp_path: Path, sqlite_services: Services, importer: LedgerImportService
) -> None:
    sqlite_services.contractors.create({"name": "既存株式会社"})
    rows = [
        _row(
            i,
            f"株式会社{i:03d}",
            None,
            **{"評価実施日": "2026/4/1", "評価結果": "適合", "機密保持契約締結日": "2026/3/1"},
        )
        for i in range(1, 30)
    ]
    importer.import_contractors(hand_kept_ledger(tmp_path / "l.xlsx", rows))
    sqlite_services.contractors.create({"name": "後から登録した株式会社"})
    assert sqlite_services.audit.verify_chain().is_intact
    assert sqlite_services.audit.count_events() == 1 + 29 * 3 + 1


def test_one_invalid_row_writes_nothing_and_every_error_is_listed(
    tmp_path: Path, sqlite_services: Services, importer: LedgerImportService
) -> None:
    sqlite_services.contractors.create({"name": "既存株式会社"})
    before = dump(sqlite_services)
    path = hand_kept_ledger(
        tmp_path / "ledger.xlsx",
        [
            _row(1, "株式会社あおば", NUMBER_A),
            _row(2, "株式会社わかば", "1234567890123", **{"評価実施日": "来年度", "件数": "多数"}),
            _row(3, "", NUMBER_B),
        ],
    )
    with pytest.raises(LedgerImportError) as caught:
        importer.import_contractors(path)
    # Row 5 is the first data line, row 6 is blank, so the lines are 5, 7, 8.
    assert sorted((e.excel_row, e.column) for e in caught.value.errors) == [
        (7, "件数"),
        (7, "法人番号"),
        (7, "評価実施日"),
        (8, "委託先名称"),
    ]
    assert dump(sqlite_services) == before


def test_a_refusal_by_the_record_rules_also_rolls_back_the_rows_before_it(
    tmp_path: Path, sqlite_services: Services, importer: LedgerImportService
) -> None:
    # Each cell is fine on its own; only merged with the stored record does row 3 break a rule
    # (a foreign corporation cannot be in JP), after row 2 was already written in the transaction.
    sqlite_services.contractors.create(
        {"name": "Pacific Data Inc.", "kind": "foreign_corporation", "country": "US"}
    )
    before = dump(sqlite_services)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["会社名", "国"])
    sheet.append(["新規株式会社", "JP"])
    sheet.append(["Pacific Data Inc.", "ｊｐ"])
    workbook.save(tmp_path / "l.xlsx")
    with pytest.raises(LedgerImportError) as caught:
        importer.import_contractors(tmp_path / "l.xlsx")
    assert [(e.excel_row, e.column) for e in caught.value.errors] == [(3, "国")]
    assert dump(sqlite_services) == before


def test_reimporting_the_same_ledger_updates_instead_of_duplicating(
    tmp_path: Path, sqlite_services: Services, importer: LedgerImportService
) -> None:
    rows = [
        _row(1, "株式会社あおば", NUMBER_A, **{"評価実施日": "2026/4/1", "評価結果": "適合"}),
        _row(2, "北斗システム株式会社", None),
    ]
    importer.import_contractors(hand_kept_ledger(tmp_path / "first.xlsx", rows))
    again = importer.import_contractors(hand_kept_ledger(tmp_path / "again.xlsx", rows))
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
    rows[0] = _row(1, "株式会社あおば（新社名）", NUMBER_A, **{"評価実施日": "2026/4/1", "評価結果": "適合"})
    rows[1] = _row(2, "北斗システム株式会社", None, **{"担当者": "鈴木 一郎"})
    rows.append(_row(3, "新規株式会社", NUMBER_B))
    changed = importer.import_contractors(hand_kept_ledger(tmp_path / "changed.xlsx", rows))
    assert (changed.added, changed.updated, changed.unchanged) == (1, 2, 0)
    assert sqlite_services.contractors.count() == 3
    with sqlite_services.database.read() as session:
        assert (
            session.scalar(select(Contractor.name).where(Contractor.corporate_number == NUMBER_A))
            == "株式会社あおば（新社名）"
        )
        assert len(list(session.scalars(select(Evaluation)))) == 1


def test_a_ledger_row_without_a_number_fills_in_the_number_of_the_same_name(
    tmp_path: Path, sqlite_services: Services, importer: LedgerImportService
) -> None:
    sqlite_services.contractors.create({"name": "株式会社あおば"})
    summary = importer.import_contractors(
        hand_kept_ledger(tmp_path / "l.xlsx", [_row(1, "株式会社あおば", NUMBER_A)])
    )
    assert (summary.added, summary.updated) == (0, 1)
    assert sqlite_services.contractors.find_by_corporate_number(NUMBER_A) is not None


def test_the_same_contractor_twice_in_one_ledger_is_an_error(
    tmp_path: Path, importer: LedgerImportService
) -> None:
    path = hand_kept_ledger(tmp_path / "l.xlsx", [_row(1, "A社", NUMBER_A), _row(2, "A社（重複）", NUMBER_A)])
    with pytest.raises(LedgerImportError) as caught:
        importer.import_contractors(path)
    assert [(e.excel_row, e.column) for e in caught.value.errors] == [(7, "法人番号")]


def test_dry_run_reports_the_same_counts_and_writes_nothing(
    tmp_path: Path, sqlite_services: Services, importer: LedgerImportService
) -> None:
    before = dump(sqlite_services)
    path = hand_kept_ledger(tmp_path / "l.xlsx", [_row(1, "A社", NUMBER_A), _row(2, "B社", None)])
    summary = importer.import_contractors(path, dry_run=True)
    assert (summary.added, summary.dry_run) == (2, True)
    assert dump(sqlite_services) == before


def test_the_preview_lists_recognised_and_unrecognised_columns(
    tmp_path: Path, importer: LedgerImportService
) -> None:
    preview = importer.read(hand_kept_ledger(tmp_path / "l.xlsx", [_row(1, "A社", NUMBER_A)]))
    assert preview.sheet == "台帳" and preview.header.row_number == 4
    assert [c.header for c in preview.header.unrecognised] == [
        "社内コード"
    ]  # No. is recognised as the row number
    assert len(preview.header.recognised) == len(HEADER) - 1
    assert [row.excel_row for row in preview.rows] == [5]


def test_the_sheet_option_picks_the_sheet(tmp_path: Path, importer: LedgerImportService) -> None:
    path = hand_kept_ledger(tmp_path / "l.xlsx", [_row(1, "A社", NUMBER_A)], sheet="2026年度")
    workbook = openpyxl.load_workbook(path)
    workbook.create_sheet("メモ", 0).append(["連絡事項のみ"])
    workbook.save(path)
    assert importer.read(path).sheet == "2026年度"  # the first sheet with a header
    with pytest.raises(LedgerFileError) as caught:
        importer.read(path, sheet="メモ")
    assert "見出し行が見つかりません" in caught.value.message.ja
    with pytest.raises(LedgerFileError, match="シート「なし」がありません"):
        importer.read(path, sheet="なし")


def test_files_that_are_not_xlsx_get_one_sentence(tmp_path: Path, importer: LedgerImportService) -> None:
    text_file = tmp_path / "memo.xlsx"
    text_file.write_text("これは表ではありません", encoding="utf-8")
    with pytest.raises(LedgerFileError) as caught:
        importer.read(text_file)
    assert caught.value.message.ja == "「memo.xlsx」は Excel ブック（.xlsx）ではありません。"
    not_a_workbook = tmp_path / "archive.xlsx"
    import zipfile

    with zipfile.ZipFile(not_a_workbook, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(LedgerFileError, match="ではありません"):
        importer.read(not_a_workbook)


def test_a_password_protected_workbook_is_named_as_such(
    tmp_path: Path, importer: LedgerImportService
) -> None:
    # An encrypted xlsx is an OLE compound file with EncryptionInfo and EncryptedPackage streams.
    protected = tmp_path / "secret.xlsx"
    protected.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptionInfo".encode("utf-16-le") + b"\0" * 100
    )
    with pytest.raises(LedgerFileError) as caught:
        importer.read(protected)
    assert "パスワードで保護されています" in caught.value.message.ja
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1000)
    with pytest.raises(LedgerFileError, match=r"\.xls"):
        importer.read(old)


def test_import_and_all_or_nothing_on_sqlite_and_postgresql(services: Services, tmp_path: Path) -> None:
    importer = LedgerImportService(services.context, services.settings)
    first = hand_kept_ledger(
        tmp_path / "first.xlsx",
        [
            _row(
                1,
                "株式会社あおば",
                NUMBER_A,
                **{"評価実施日": "2026/4/1", "評価結果": "適合", "機密保持契約締結日": "2026/3/1"},
            ),
            _row(2, "北斗システム株式会社", None),
        ],
    )
    summary = importer.import_contractors(first)
    assert (summary.added, summary.evaluations, summary.ndas) == (2, 1, 1)
    services.contractors.create({"name": "Pacific Data Inc.", "kind": "foreign_corporation", "country": "US"})
    before = dump(services)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["会社名", "フリガナ", "国"])
    sheet.append(["株式会社あおば", "アオバ", "JP"])  # written (updated) before the failing row …
    sheet.append(
        ["Pacific Data Inc.", "パシフィック", "JP"]
    )  # … which breaks a rule only with the stored kind
    workbook.save(tmp_path / "broken.xlsx")
    with pytest.raises(LedgerImportError) as caught:
        importer.import_contractors(tmp_path / "broken.xlsx")
    assert [(e.excel_row, e.column) for e in caught.value.errors] == [(3, "国")]
    assert dump(services) == before
    assert services.audit.verify_chain().is_intact


def test_a_ledger_result_that_contradicts_a_checklist_evaluation_is_an_error(
    tmp_path: Path, sqlite_services: Services, importer: LedgerImportService
) -> None:
    contractor = sqlite_services.contractors.create({"name": "株式会社あおば", "corporate_number": NUMBER_A})
    scores = {item.code: 2 for item in sqlite_services.evaluations.items_for("full")}
    sqlite_services.evaluations.create(
        {"contractor_id": contractor.id, "evaluated_on": "2026-04-01", "evaluator": "佐藤"}, scores
    )
    before = dump(sqlite_services)
    path = hand_kept_ledger(
        tmp_path / "l.xlsx",
        [_row(1, "株式会社あおば", NUMBER_A, **{"評価実施日": "2026/4/1", "評価結果": "不適合"})],
    )
    with pytest.raises(LedgerImportError) as caught:
        importer.import_contractors(path)
    assert [(e.excel_row, e.column) for e in caught.value.errors] == [(5, "評価結果")]
    assert "チェックリストによる評価" in caught.value.errors[0].message.ja
    assert dump(sqlite_services) == before
    same = hand_kept_ledger(
        tmp_path / "same.xlsx",
        [_row(1, "株式会社あおば", NUMBER_A, **{"評価実施日": "2026/4/1", "評価結果": "適合"})],
    )
    assert importer.import_contractors(same).evaluations == 0  # agrees with the checklist: nothing to add


def test_a_name_shared_by_two_registered_contractors_cannot_be_matched(
    tmp_path: Path, sqlite_services: Services, importer: LedgerImportService
) -> None:
    sqlite_services.contractors.create({"name": "株式会社あおば", "address": "東京"})
    sqlite_services.contractors.create({"name": "株式会社あおば", "address": "大阪"})
    with pytest.raises(LedgerImportError) as caught:
        importer.import_contractors(hand_kept_ledger(tmp_path / "l.xlsx", [_row(1, "株式会社あおば", None)]))
    assert [(e.excel_row, e.column) for e in caught.value.errors] == [(5, "委託先名称")]
