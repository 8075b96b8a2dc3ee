"""The audit workbook as an auditor prints it: page set-up on every sheet, dates as dates, an audit log in words."""

from __future__ import annotations

import math
import re
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from desktop.domain.enums import ContractorStatus, JointUseChangeField
from desktop.reports.xlsx import write_audit_workbook
from desktop.reports.xlsx.sheet import (
    DATE,
    LONG_TEXT,
    LONG_TEXT_STRETCH,
    NUMBER,
    Column,
    SheetWriter,
    wrap_text_lines,
)
from desktop.services.facade import Services

AS_OF = date(2026, 11, 25)


@pytest.fixture
def workbook_path(demo_services: Services, tmp_path: Path) -> Path:
    path = tmp_path / "audit.xlsx"
    write_audit_workbook(demo_services, path, AS_OF)
    return path


# Landscape paper widths in points, by the paperSize code of the page set-up (ECMA-376).
PAPER_WIDTH = {"9": 841.89, "8": 1190.55}  # A4, A3
LEGIBLE_SCALE = 0.5  # Calibri 11 printed at 5.5 pt: the smallest an auditor reads a ledger at


def print_scale(sheet: object) -> float:
    """The scale a spreadsheet prints this sheet at, fitted to one page wide: the printable width over the
    sum of the column widths, each (7 × characters + 5) pixels at 96 an inch for the workbook's Calibri 11."""
    margins = sheet.page_margins  # type: ignore[attr-defined]
    printable = PAPER_WIDTH[str(sheet.page_setup.paperSize)] - (margins.left + margins.right) * 72  # type: ignore[attr-defined]
    columns = range(1, sheet.max_column + 1)  # type: ignore[attr-defined]
    widths = [sheet.column_dimensions[get_column_letter(i)].width for i in columns]  # type: ignore[attr-defined]
    return min(1.0, printable / sum((7 * width + 5) * 0.75 for width in widths))


def assert_prints_for_an_auditor(sheet: object) -> None:
    """Landscape A4 (A3 for a sheet too wide to read on A4), one page wide at a legible scale, the header
    row on every page, a footer with the sheet's name and page."""
    assert sheet.page_setup.orientation == "landscape", sheet.title  # type: ignore[attr-defined]
    assert str(sheet.page_setup.paperSize) in PAPER_WIDTH, sheet.title  # type: ignore[attr-defined]
    assert print_scale(sheet) >= LEGIBLE_SCALE, (sheet.title, print_scale(sheet))  # type: ignore[attr-defined]
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0), sheet.title  # type: ignore[attr-defined]
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True, sheet.title  # type: ignore[attr-defined]
    assert sheet.print_title_rows == "$1:$1", sheet.title  # type: ignore[attr-defined]
    footer = sheet.oddFooter  # type: ignore[attr-defined]
    codes = f"{footer.left.text} {footer.center.text} {footer.right.text}"
    assert "&A" in codes and "&P" in codes and "&N" in codes, (sheet.title, codes)  # type: ignore[attr-defined]


@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_sheet_prints_landscape_one_page_wide_legibly_with_header_rows_and_a_named_numbered_footer(
    demo_services: Services, tmp_path: Path, language: str
) -> None:
    path = tmp_path / "audit.xlsx"
    write_audit_workbook(demo_services, path, AS_OF, language=language)
    workbook = openpyxl.load_workbook(path)
    assert len(workbook.worksheets) >= 13
    for sheet in workbook:
        assert_prints_for_an_auditor(sheet)
    papers = {sheet.title: str(sheet.page_setup.paperSize) for sheet in workbook}
    # A sheet that reads on A4 stays on A4; the widest registers (31 and 21 columns) go on A3.
    summary, contractors, provisions, log = (workbook.worksheets[i].title for i in (0, 1, 11, -1))
    assert papers[summary] == papers[log] == "9"
    assert papers[contractors] == papers[provisions] == "8"


def test_a_wide_sheet_of_long_text_narrows_its_columns_and_goes_on_a3_to_stay_legible(tmp_path: Path) -> None:
    columns = [Column(f"項目{i}の内容") for i in range(30)] + [Column("日付", DATE), Column("件数", NUMBER)]
    rows = [[f"{'長い説明文' * 8}{n}" for _ in range(30)] + [date(2026, 4, 1), 123456] for n in range(3)]
    workbook = Workbook(write_only=True)
    SheetWriter(workbook, "広い", columns).write(rows)
    workbook.save(tmp_path / "wide.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "wide.xlsx")["広い"]
    assert str(sheet.page_setup.paperSize) == "8"  # A3
    assert print_scale(sheet) >= LEGIBLE_SCALE
    widths = [sheet.column_dimensions[get_column_letter(i)].width for i in range(1, 33)]
    assert all(width < 40 for width in widths[:30])  # narrowed from the 80 characters of the text …
    assert sheet.cell(row=2, column=1).alignment.wrap_text  # … which wraps
    # … and shows whole: 40 Japanese characters, at least two units each, on lines of width - 1 units.
    assert (sheet.row_dimensions[2].height or 0) >= 15 * math.ceil(40 * 2 / (widths[0] - 1))
    assert widths[30] >= 12 and widths[31] >= 8  # a date and a number are never narrowed into ####


def test_a_narrow_sheet_keeps_its_columns_as_wide_as_their_text_on_a4(tmp_path: Path) -> None:
    workbook = Workbook(write_only=True)
    SheetWriter(workbook, "狭い", [Column("名称"), Column("所在地")]).write(
        [["株式会社葵", "東京都港区芝浦1-10-1"]]
    )
    workbook.save(tmp_path / "narrow.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "narrow.xlsx")["狭い"]
    assert str(sheet.page_setup.paperSize) == "9" and print_scale(sheet) == 1.0
    address_width = sheet.column_dimensions["B"].width
    assert wrap_text_lines("東京都港区芝浦1-10-1", address_width) == 1  # not wrapped for nothing


def test_a_sheet_added_later_gets_the_print_set_up_from_the_one_writer_every_sheet_goes_through(
    tmp_path: Path,
) -> None:
    workbook = Workbook(write_only=True)
    SheetWriter(workbook, "新しい記録", [Column("名称"), Column("内容", LONG_TEXT)]).write([["A", "x\ny"]])
    workbook.save(tmp_path / "new.xlsx")
    assert_prints_for_an_auditor(openpyxl.load_workbook(tmp_path / "new.xlsx")["新しい記録"])


def test_the_as_of_date_on_the_summary_is_a_date_cell(workbook_path: Path) -> None:
    sheet = openpyxl.load_workbook(workbook_path)["概要"]
    cells = {row[0].value: row[1] for row in sheet.iter_rows(min_row=2)}
    as_of = cells["基準日"]
    assert as_of.is_date and as_of.value == datetime(2026, 11, 25)
    assert as_of.number_format == "yyyy/mm/dd"
    created = cells["作成日時"]
    assert created.is_date and created.number_format == "yyyy/mm/dd hh:mm"


def test_a_row_of_wrapped_text_is_tall_enough_to_print_every_line(workbook_path: Path) -> None:
    sheet = openpyxl.load_workbook(workbook_path)["監査ログ"]
    for row in sheet.iter_rows(min_row=2, max_row=40):
        lines = (row[5].value or "").count("\n") + 1
        if lines > 1:
            assert (sheet.row_dimensions[row[0].row].height or 0) >= lines * 15, row[0].row
            assert row[0].alignment.vertical == "top"  # the date reads beside the first line


RAW_KEY = re.compile(r"^[a-z][a-z0-9_]*: ", re.MULTILINE)


def test_the_audit_log_sheet_shows_labels_and_displayed_values_not_raw_keys(
    demo_services: Services, workbook_path: Path
) -> None:
    rows = list(openpyxl.load_workbook(workbook_path)["監査ログ"].iter_rows(min_row=2, values_only=True))
    changes = [row[5] or "" for row in rows]
    assert [text for text in changes if RAW_KEY.search(text)] == []
    assert not any("null" in text or '"' in text for text in changes)
    assert not any(re.search(r"[0-9a-f]{64}", text) for text in changes)  # no password fingerprint
    titles = {f"{row.title}（#{row.id}）" for row in demo_services.joint_uses.list()}
    what_changed = {field.label.ja for field in JointUseChangeField}
    joint_use_changes = [row[5] for row in rows if row[3] == "共同利用の変更"]
    assert joint_use_changes
    for text in joint_use_changes:  # was `joint_use_id: null → 1` and `field: null → "purposes"`
        fields = dict(line.split(": ", 1) for line in text.splitlines())
        assert fields["共同利用"] in titles and fields["変更した事項"] in what_changed, text
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", fields["変更日"]), text
    statuses = {status.label.ja for status in ContractorStatus}
    contractors = [
        dict(line.split(": ", 1) for line in row[5].splitlines()) for row in rows if row[3] == "委託先"
    ]
    assert contractors and all(fields["状態"] in statuses for fields in contractors)
    assert {fields.get("特定個人情報（マイナンバー）") for fields in contractors} == {"はい", "いいえ"}


def test_the_english_workbook_shows_the_english_labels(demo_services: Services, tmp_path: Path) -> None:
    path = tmp_path / "audit-en.xlsx"
    write_audit_workbook(demo_services, path, AS_OF, language="en")
    rows = list(openpyxl.load_workbook(path).worksheets[-1].iter_rows(min_row=2, values_only=True))
    statuses = {status.label.en for status in ContractorStatus}
    contractors = [
        dict(line.split(": ", 1) for line in row[5].splitlines()) for row in rows if row[3] == "Contractor"
    ]
    assert contractors and all(fields["Status"] in statuses for fields in contractors)


def printed_by_libreoffice(workbook: Path, folder: Path) -> Path:
    """The workbook as LibreOffice prints it (a PDF in `folder`), with a profile of its own for the run."""
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{folder / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(workbook),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return folder / f"{workbook.stem}.pdf"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_prints_every_page_with_its_sheet_name_and_page_number(
    workbook_path: Path, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    pages = [page.extract_text() for page in PdfReader(printed_by_libreoffice(workbook_path, tmp_path)).pages]
    sheets = openpyxl.load_workbook(workbook_path, read_only=True).sheetnames
    total = len(pages)
    for number, text in enumerate(pages, start=1):
        assert f"{number} / {total}" in text, number
        assert any(name in text for name in sheets), number
    log_pages = [text for text in pages if text.startswith("監査ログ ")]  # the footer comes first
    assert len(log_pages) > 1 and all("変更内容" in text for text in log_pages)  # the header on every page


def test_a_long_line_that_wraps_makes_its_row_tall_too(tmp_path: Path) -> None:
    workbook = Workbook(write_only=True)
    SheetWriter(workbook, "x", [Column("名称"), Column("内容", LONG_TEXT)]).write(
        [["A", "あ" * 120], ["B", "短い"]]
    )
    workbook.save(tmp_path / "x.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "x.xlsx")["x"]
    assert sheet.column_dimensions["B"].width == LONG_TEXT_STRETCH  # the page's room, up to a readable line
    assert (sheet.row_dimensions[2].height or 0) >= 3 * 15  # 252 character units on 90-wide lines
    assert sheet.row_dimensions[3].height is None  # one line: Excel's own height
    assert sheet.cell(row=2, column=1).alignment.vertical == "top"  # "A" reads beside the first line
    assert sheet.cell(row=2, column=2).alignment.wrap_text


def tall_row_workbook(path: Path) -> Path:
    workbook = Workbook(write_only=True)
    SheetWriter(
        workbook,
        "x",
        [Column("名称"), Column("件数", NUMBER), Column("日付", DATE), Column("内容", LONG_TEXT)],
    ).write([["plain", 12, date(2026, 4, 1), "wrapped " + "あ" * 60]])
    workbook.save(path)
    return path


def test_a_long_text_takes_the_room_a_sheet_printed_at_full_size_leaves_and_no_more(tmp_path: Path) -> None:
    from desktop.reports.xlsx.sheet import A4, print_scale

    workbook = Workbook(write_only=True)
    long, short = "あ" * 50, "い" * 10  # 105 and 21 character units: one grows, the other keeps its width
    writer = SheetWriter(
        workbook, "x", [Column("名称"), Column("内容", LONG_TEXT), Column("備考", LONG_TEXT)]
    )
    writer.write([["A", long, short]])
    workbook.save(tmp_path / "x.xlsx")
    assert writer.layout is not None and writer.layout.paper is A4
    names, content, notes = writer.layout.widths
    assert content == LONG_TEXT_STRETCH and notes == 23  # 21 + the cell margins: nothing to stretch into
    assert print_scale(writer.layout.widths, A4) == 1.0  # still printed at full size
    other = Workbook(write_only=True)
    wide = SheetWriter(other, "y", [Column(f"列{i}") for i in range(8)] + [Column("内容", LONG_TEXT)])
    wide.write([["x" * 20] * 8 + [long]])  # a sheet shrunk to fit its page: its long text stays at 40
    other.save(tmp_path / "y.xlsx")
    assert wide.layout is not None and wide.layout.paper is A4 and wide.layout.scale < 1.0
    assert wide.layout.widths[-1] == 40


def test_a_value_without_a_style_of_its_own_is_top_aligned_in_excel_and_libreoffice(tmp_path: Path) -> None:
    """Plain values (no style of their own, the cheap way to write) read from a tall row's top line: Excel takes
    the default cell format (cellXfs 0), LibreOffice the named style Normal (cellStyleXfs 0); both top."""
    import zipfile

    path = tall_row_workbook(tmp_path / "x.xlsx")
    with zipfile.ZipFile(path) as archive:
        styles = archive.read("xl/styles.xml").decode()
    for section in ("cellStyleXfs", "cellXfs"):
        block = re.search(rf"<{section}[^>]*>(.*?)</{section}>", styles, re.S)
        assert block is not None, section
        first = re.match(r"\s*(<xf\b.*?(?:/>|</xf>))", block.group(1), re.S)
        assert first is not None and 'vertical="top"' in first.group(1), section
    sheet = openpyxl.load_workbook(path)["x"]
    assert all(cell.alignment.vertical == "top" for cell in sheet[2])


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice is not installed",
)
def test_libreoffice_prints_every_value_of_a_tall_row_beside_its_first_line(tmp_path: Path) -> None:
    path = tall_row_workbook(tmp_path / "tall.xlsx")
    printed = printed_by_libreoffice(path, tmp_path)
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(printed), "-"], check=True, capture_output=True, text=True
    ).stdout
    top = {
        word: float(y)
        for y, word in re.findall(r'<word xMin="[^"]+" yMin="([^"]+)"[^>]*>([^<]+)</word>', boxes)
        if word in ("plain", "12", "wrapped")
    }
    assert set(top) == {"plain", "12", "wrapped"}
    assert abs(top["plain"] - top["wrapped"]) < 2 and abs(top["12"] - top["wrapped"]) < 2, top
