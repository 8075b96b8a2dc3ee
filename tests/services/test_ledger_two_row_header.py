"""Importing ledgers whose header takes two rows: merged group cells above the names, names split over two rows."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from desktop.domain import ledger
from desktop.domain.values import make_corporate_number
from desktop.services.facade import Services
from desktop.services.ledger_import import LedgerImportError, LedgerImportService
from desktop.store.models import Contract, Contractor, Evaluation
from tests.services.test_ledger_import import dump
from tests.services.test_ledger_import_properties import CELL

NUMBER_A = make_corporate_number("100000000001")

# Row 3 holds the groups and the names merged down into row 4; row 4 holds the names under each group.
#            A      B           C         D          E      F          G            H       I         J
TOP = ["No.", "委託先名", "法人番号", "評価", None, None, "機密保持契約", None, "プライバシーマーク", None]
BOTTOM = [None, None, None, "評価日", "結果", "次回評価日", "締結日", "有効期限", "有無", "有効期限"]
GROUPS = [(4, 6), (7, 8), (9, 10)]  # merged across (first column, last column), 1-based
MERGED_DOWN = [1, 2, 3]  # No., 委託先名, 法人番号: one cell over rows 3 and 4


def two_row_ledger(
    path: Path,
    rows: list[list[Any]],
    top: list[Any] = TOP,
    bottom: list[Any] = BOTTOM,
    groups: list[tuple[int, int]] = GROUPS,
    merged_down: list[int] = MERGED_DOWN,
) -> Path:
    """A merged title, a blank line, a two-row header with merged cells (rows 3–4), the data from row 5, 以上."""
    workbook = openpyxl.Workbook()
    worksheet = workbook.active
    worksheet.title = "委託先管理台帳"
    worksheet.append(["委託先管理台帳"])
    worksheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(top))
    worksheet.append([])
    worksheet.append(top)
    worksheet.append(bottom)
    for first, last in groups:
        worksheet.merge_cells(start_row=3, start_column=first, end_row=3, end_column=last)
    for column in merged_down:
        worksheet.merge_cells(start_row=3, start_column=column, end_row=4, end_column=column)
    for row in rows:
        worksheet.append(row)
    worksheet.append([None, "以上"])
    workbook.save(path)
    return path


def _line(
    no: int,
    name: str,
    number: str | None = None,
    evaluated_on: Any = None,
    result: Any = None,
    next_due: Any = None,
    signed_on: Any = None,
    expires_on: Any = None,
    mark: Any = None,
    mark_expiry: Any = None,
) -> list[Any]:
    return [no, name, number, evaluated_on, result, next_due, signed_on, expires_on, mark, mark_expiry]


@pytest.fixture
def importer(sqlite_services: Services) -> LedgerImportService:
    return LedgerImportService(sqlite_services.context, sqlite_services.settings)


def test_a_merged_group_row_above_the_names_maps_every_sub_column(
    tmp_path: Path, importer: LedgerImportService
) -> None:
    preview = importer.read(two_row_ledger(tmp_path / "l.xlsx", [_line(1, "株式会社あおば")]))
    assert (preview.header.first_row_number, preview.header.row_number) == (3, 4)
    assert [(c.letter, c.header, c.target) for c in preview.header.columns] == [
        ("A", "No.", ledger.ROW_NUMBER),
        ("B", "委託先名", "name"),
        ("C", "法人番号", "corporate_number"),
        ("D", "評価／評価日", ledger.EVALUATED_ON),
        ("E", "評価／結果", ledger.EVALUATION_RESULT),
        ("F", "評価／次回評価日", ledger.NEXT_DUE_ON),
        ("G", "機密保持契約／締結日", ledger.NDA_SIGNED_ON),
        ("H", "機密保持契約／有効期限", ledger.NDA_EXPIRES_ON),
        ("I", "プライバシーマーク／有無", ledger.PRIVACY_MARK),
        ("J", "プライバシーマーク／有効期限", "privacy_mark_expiry"),
    ]
    assert [row.excel_row for row in preview.rows] == [5]


def test_a_ledger_with_a_group_row_imports_the_evaluation_the_nda_and_the_mark_expiry(
    tmp_path: Path, sqlite_services: Services, importer: LedgerImportService
) -> None:
    path = two_row_ledger(
        tmp_path / "l.xlsx",
        [
            _line(
                1,
                "株式会社あおば",
                NUMBER_A,
                "令和8年4月1日",
                "適合",
                "2027/3/31",
                "2025/4/1",
                "2028/3/31",
                "有",
                "2027/9/30",
            ),
            _line(2, "北斗システム株式会社"),
        ],
    )
    summary = importer.import_contractors(path)
    assert (summary.added, summary.evaluations, summary.ndas) == (2, 1, 1)
    with sqlite_services.database.read() as session:
        aoba = session.scalar(select(Contractor).where(Contractor.corporate_number == NUMBER_A))
        assert aoba is not None and aoba.privacy_mark_expiry == date(2027, 9, 30)
        evaluation = session.scalar(select(Evaluation).where(Evaluation.contractor_id == aoba.id))
        assert evaluation is not None and (
            evaluation.evaluated_on,
            evaluation.result,
            evaluation.next_due_on,
        ) == (date(2026, 4, 1), "pass", date(2027, 3, 31))
        nda = session.scalar(select(Contract).where(Contract.contractor_id == aoba.id))
        assert nda is not None and (nda.signed_on, nda.expires_on) == (date(2025, 4, 1), date(2028, 3, 31))


def test_names_split_over_two_rows_are_read_as_one_name(
    tmp_path: Path, sqlite_services: Services, importer: LedgerImportService
) -> None:
    top = ["委託先", "法人", "所在地", "プライバシー"]
    bottom = ["名称", "番号", None, "マーク有効期限"]
    path = two_row_ledger(
        tmp_path / "l.xlsx",
        [["株式会社あおば", NUMBER_A, "東京都", "令和9年9月30日"]],
        top,
        bottom,
        groups=[],
        merged_down=[3],
    )
    preview = importer.read(path)
    assert [(c.letter, c.header, c.target) for c in preview.header.columns] == [
        ("A", "委託先名称", "name"),
        ("B", "法人番号", "corporate_number"),
        ("C", "所在地", "address"),
        ("D", "プライバシーマーク有効期限", "privacy_mark_expiry"),
    ]
    assert importer.apply(preview).added == 1
    with sqlite_services.database.read() as session:
        aoba = session.scalar(select(Contractor).where(Contractor.corporate_number == NUMBER_A))
        assert aoba is not None and (aoba.name, aoba.address, aoba.privacy_mark_expiry) == (
            "株式会社あおば",
            "東京都",
            date(2027, 9, 30),
        )


def test_a_header_with_a_group_row_and_a_split_name_imports_both(
    tmp_path: Path, sqlite_services: Services, importer: LedgerImportService
) -> None:
    top = ["会社名", "プライバシー", "機密保持契約", None, "評価", None, None]
    bottom = [None, "マーク有効期限", "締結日", "有効期限", "評価日", "結果", "担当者"]
    path = two_row_ledger(
        tmp_path / "l.xlsx",
        [["株式会社あおば", "2027/9/30", "2025/4/1", "2028/3/31", "2026/4/1", "条件付適合", "鈴木 一郎"]],
        top,
        bottom,
        groups=[(3, 4), (5, 7)],
        merged_down=[1],
    )
    preview = importer.read(path)
    assert [c.target for c in preview.header.columns] == [
        "name",
        "privacy_mark_expiry",
        ledger.NDA_SIGNED_ON,
        ledger.NDA_EXPIRES_ON,
        ledger.EVALUATED_ON,
        ledger.EVALUATION_RESULT,
        ledger.EVALUATOR,
    ]
    summary = importer.apply(preview)
    assert (summary.added, summary.evaluations, summary.ndas) == (1, 1, 1)
    with sqlite_services.database.read() as session:
        aoba = session.scalar(select(Contractor).where(Contractor.name == "株式会社あおば"))
        assert aoba is not None and aoba.privacy_mark_expiry == date(2027, 9, 30)
        assert aoba.contact_person is None  # 担当者 under 評価 is the evaluator, not the contact person
        evaluation = session.scalar(select(Evaluation).where(Evaluation.contractor_id == aoba.id))
        assert evaluation is not None and (evaluation.result, evaluation.evaluator) == (
            "conditional",
            "鈴木 一郎",
        )


def test_errors_name_the_excel_row_below_the_second_header_row_and_the_combined_column(
    tmp_path: Path, sqlite_services: Services, importer: LedgerImportService
) -> None:
    before = dump(sqlite_services)
    path = two_row_ledger(
        tmp_path / "l.xlsx",
        [
            _line(1, "株式会社あおば", NUMBER_A, signed_on="2026/4/1", expires_on="来年"),
            [],  # a blank line inside the data (row 6)
            _line(2, "北斗システム株式会社", mark="たぶん", mark_expiry="2027/2/30"),
            _line(3, "株式会社わかば", evaluated_on="2026/4/1", result="良くない"),
        ],
    )
    with pytest.raises(LedgerImportError) as caught:
        importer.import_contractors(path)
    errors = sorted((e.excel_row, e.column) for e in caught.value.errors)
    # たぶん is neither a registration number nor 有/無: an error naming the cell, not stored as the number.
    assert errors == [
        (5, "機密保持契約／有効期限"),
        (7, "プライバシーマーク／有効期限"),
        (7, "プライバシーマーク／有無"),
        (8, "評価／結果"),
    ]
    # Each heading names one column of the sheet: the letter the person looks for in Excel.
    letter_of = {c.header: c.letter for c in importer.read(path).header.columns}
    assert [letter_of[column] for _, column in errors] == ["H", "J", "I", "E"]
    assert dump(sqlite_services) == before


def test_the_dry_run_and_the_wizard_preview_use_the_same_two_row_mapping(
    tmp_path: Path, sqlite_services: Services, importer: LedgerImportService
) -> None:
    path = two_row_ledger(
        tmp_path / "l.xlsx",
        [
            _line(1, "株式会社あおば", NUMBER_A, "2026/4/1", "適合", None, "2025/4/1", "2028/3/31"),
            _line(2, "北斗システム株式会社", None, "2026/5/1", "不適合"),
        ],
    )
    before = dump(sqlite_services)
    # The wizard: read the sheet (its Columns tab shows preview.header), then rehearse the import on that preview.
    preview = importer.read(path)
    rehearsal = importer.apply(preview, dry_run=True)
    # The command line's --dry-run reads the file itself.
    dry_run = importer.import_contractors(path, dry_run=True)
    assert rehearsal == dry_run
    assert (dry_run.added, dry_run.evaluations, dry_run.ndas) == (2, 2, 1)
    assert preview.header == importer.read(path).header and preview.header.rows_text == "3–4"
    assert dump(sqlite_services) == before


def test_a_one_row_ledger_under_a_title_line_keeps_its_one_row_header(
    tmp_path: Path, importer: LedgerImportService
) -> None:
    workbook = openpyxl.Workbook()
    worksheet = workbook.active
    worksheet.append(["取引先一覧（2026年度）"])
    worksheet.merge_cells("A1:D1")  # a title merged right above the header: a group row by its shape
    worksheet.append(["会社名", "法人番号", "所在地", "担当者"])
    worksheet.append(["株式会社あおば", NUMBER_A, "東京都", "佐藤 花子"])
    workbook.save(tmp_path / "l.xlsx")
    preview = importer.read(tmp_path / "l.xlsx")
    assert (preview.header.row_number, preview.header.header_rows) == (2, 1)
    assert [c.header for c in preview.header.columns] == ["会社名", "法人番号", "所在地", "担当者"]
    assert [row.excel_row for row in preview.rows] == [3]
    assert preview.rows[0].contractor["contact_person"] == "佐藤 花子"


COLUMNS = list(range(1, len(TOP)))  # every column but No.


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cells=st.lists(st.dictionaries(st.sampled_from(COLUMNS), CELL, max_size=5), min_size=1, max_size=3))
def test_random_cells_under_a_two_row_header_import_whole_or_not_at_all(
    sqlite_services: Services, tmp_path_factory: pytest.TempPathFactory, cells: list[dict[int, Any]]
) -> None:
    services = sqlite_services
    rows = []
    for index, values in enumerate(cells):
        line = _line(index + 1, f"株式会社テスト{index}")
        for column, value in values.items():
            line[column] = value
        rows.append(line)
    path = two_row_ledger(tmp_path_factory.mktemp("ledger") / "l.xlsx", rows)
    before = dump(services)
    try:
        preview = services.ledger_import.read(path)
        assert preview.header.row_number == 4  # data in the cells never moves the header
        summary = services.ledger_import.apply(preview)
    except LedgerImportError as error:
        assert error.errors and all(e.excel_row >= 5 for e in error.errors)
        assert dump(services) == before
        return
    # A line with nothing but its number is a pre-numbered line of the form, not a contractor.
    filled = [line for line in rows if not ledger.is_blank_row(line[1:])]
    assert summary.added + summary.updated + summary.unchanged == len(filled)
