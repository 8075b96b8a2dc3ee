"""Ledgers that would lose rows or hang the reader: error cells, uncalculated formulas, bombs, broken XML.

Each is refused with a sentence naming the cell or the file; nothing is written and no row is dropped.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from desktop.app import Services
from desktop.services.ledger_import import LedgerFileError, LedgerImportError, LedgerImportService
from desktop.store.models import Contractor

HEADER = ["委託先名", "所在地", "委託業務の内容"]


def _ledger(path: Path, *rows: list[object]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "委託先"
    sheet.append(HEADER)
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path


def _contractors(services: Services) -> int:
    with services.database.read() as session:
        return int(session.scalar(select(func.count()).select_from(Contractor)) or 0)


@pytest.fixture
def importer(sqlite_services: Services) -> LedgerImportService:
    return LedgerImportService(sqlite_services.context, sqlite_services.settings)


def _rewrite(
    path: Path, part: str, change: bytes | None = None, *, extra: dict[str, bytes] | None = None
) -> None:
    """Replace one part of an xlsx archive (or add parts), keeping every other part as it was."""
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info.filename) for info in source.infolist()}
    if change is not None:
        parts[part] = change
    parts.update(extra or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def test_an_excel_error_cell_is_an_error_naming_the_cell_not_a_contractor(
    tmp_path: Path, sqlite_services: Services, importer: LedgerImportService
) -> None:
    path = _ledger(
        tmp_path / "errors.xlsx",
        ["株式会社あおば", "東京都千代田区", "発送代行"],
        ["#N/A", "東京都港区", "印刷"],
        ["北斗株式会社", "#DIV/0!", "保守"],
    )
    preview = importer.read(path)
    texts = [error.text("en") for error in preview.errors]
    assert len(texts) == 2
    assert "A3" in texts[0] and "#N/A" in texts[0]
    assert "B4" in texts[1] and "#DIV/0!" in texts[1]
    with pytest.raises(LedgerImportError):
        importer.import_contractors(path)
    assert _contractors(sqlite_services) == 0


def test_a_formula_never_calculated_is_an_error_naming_the_cell_never_a_dropped_row(
    tmp_path: Path, sqlite_services: Services, importer: LedgerImportService
) -> None:
    # openpyxl stores formulas without their results, as any program that is not Excel does.
    path = _ledger(
        tmp_path / "formulas.xlsx",
        ["株式会社あおば", "東京都千代田区", "発送代行"],
        ['="北斗"&"株式会社"', '="東京都"&"港区"', '="保守"'],
    )
    preview = importer.read(path)
    assert [error.excel_row for error in preview.errors] == [3, 3, 3]
    first = preview.errors[0]
    assert "A3" in first.text("en") and "open and save it in Excel first" in first.text("en")
    assert "Excel で開いて保存" in first.text("ja")
    with pytest.raises(LedgerImportError):
        importer.import_contractors(path)
    assert _contractors(sqlite_services) == 0


def test_a_formula_whose_stored_result_is_text_is_read_as_that_text(
    tmp_path: Path, sqlite_services: Services, importer: LedgerImportService
) -> None:
    path = _ledger(tmp_path / "calculated.xlsx", ["x", "東京都千代田区", "発送代行"])
    # What Excel writes for a calculated formula: the formula and, beside it, its last result.
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    cell = '<c r="A2" t="str"><f>"北斗"&amp;"株式会社"</f><v>北斗株式会社</v></c>'
    start = sheet.index('<c r="A2"')
    end = sheet.index("</c>", start) + len("</c>")
    _rewrite(path, "xl/worksheets/sheet1.xml", (sheet[:start] + cell + sheet[end:]).encode())
    summary = importer.import_contractors(path)
    assert summary.added == 1
    with sqlite_services.database.read() as session:
        assert session.scalar(select(Contractor.name)) == "北斗株式会社"


def test_rows_past_a_wrong_dimension_are_read_not_cut_off(
    tmp_path: Path, sqlite_services: Services, importer: LedgerImportService
) -> None:
    path = _ledger(
        tmp_path / "dimension.xlsx",
        ["株式会社あおば", "東京都千代田区", "発送代行"],
        ["北斗株式会社", "東京都港区", "保守"],
    )
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert '<dimension ref="A1:C3"/>' in sheet
    _rewrite(path, "xl/worksheets/sheet1.xml", sheet.replace("A1:C3", "A1:B2").encode())
    preview = importer.read(path)
    assert [row.contractor["name"] for row in preview.rows] == ["株式会社あおば", "北斗株式会社"]
    assert preview.rows[1].contractor["entrusted_work"] == "保守"


def test_a_workbook_unpacking_past_the_size_limit_is_refused_before_it_is_read(
    tmp_path: Path, sqlite_services: Services, importer: LedgerImportService
) -> None:
    path = _ledger(tmp_path / "bomb.xlsx", ["株式会社あおば", "東京都千代田区", "発送代行"])
    # 8 MiB of spaces inside the sheet: a few kilobytes packed, far more unpacked.
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    _rewrite(
        path, "xl/worksheets/sheet1.xml", sheet.replace(b"<sheetData>", b"<sheetData>" + b" " * 8 * 1024**2)
    )
    assert path.stat().st_size < 100_000
    sqlite_services.settings.update({"import_max_uncompressed_bytes": 4 * 1024 * 1024})
    with pytest.raises(LedgerFileError) as raised:
        importer.read(path)
    message = raised.value.message
    assert "bomb.xlsx" in message.en and "limit" in message.en and "\n" not in message.en
    assert "上限" in message.ja
    with pytest.raises(LedgerFileError):
        importer.sheet_names(path)
    assert _contractors(sqlite_services) == 0


def test_a_workbook_with_too_many_shared_strings_is_refused_before_it_is_read(
    tmp_path: Path, sqlite_services: Services, importer: LedgerImportService
) -> None:
    path = _ledger(tmp_path / "strings.xlsx", ["株式会社あおば", "東京都千代田区", "発送代行"])
    # The declared count says 1; the items themselves are what counts.
    items = b"".join(b"<si><t>%d</t></si>" % number for number in range(1500))
    table = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
        + items
        + b"</sst>"
    )
    _rewrite(path, "xl/sharedStrings.xml", table)
    sqlite_services.settings.update({"import_max_shared_strings": 1000})
    with pytest.raises(LedgerFileError) as raised:
        importer.read(path)
    assert "strings.xlsx" in raised.value.message.en and "1,000 shared strings" in raised.value.message.en


@pytest.mark.parametrize(
    "part", ["xl/worksheets/sheet1.xml", "xl/workbook.xml", "[Content_Types].xml", "xl/styles.xml"]
)
def test_malformed_xml_is_one_line_naming_the_file(
    tmp_path: Path, sqlite_services: Services, importer: LedgerImportService, part: str
) -> None:
    path = _ledger(tmp_path / "broken.xlsx", ["株式会社あおば", "東京都千代田区", "発送代行"])
    with zipfile.ZipFile(path) as archive:
        original = archive.read(part)
    _rewrite(path, part, original[: len(original) * 2 // 3])  # cut off mid-way, as a failed copy leaves it
    with pytest.raises(LedgerFileError) as raised:
        importer.import_contractors(path)
    message = raised.value.message
    assert "broken.xlsx" in message.en and "damaged" in message.en
    assert "\n" not in message.en and "\n" not in message.ja
    assert _contractors(sqlite_services) == 0
