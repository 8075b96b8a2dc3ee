"""One streamed worksheet: bold frozen header, autofilter, widths, date formats, wrapped text, print set-up.

openpyxl write-only mode: rows go to disk as they are appended, so memory stays flat however many
rows there are. Every text value is written as a string cell, so nothing typed into a record can turn
into a formula or an error value when the workbook is opened (=, +, -, @, #N/A …).
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import islice
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.properties import PageSetupProperties

TEXT = "text"
LONG_TEXT = "long_text"  # wrapped
DATE = "date"
DATETIME = "datetime"
NUMBER = "number"

DATE_FORMAT = "yyyy/mm/dd"
DATETIME_FORMAT = "yyyy/mm/dd hh:mm"
MAX_CELL_TEXT = 32767  # Excel's limit per cell
MIN_WIDTH = 6.0
MAX_WIDTH = 50.0
LONG_TEXT_WIDTH = 40.0
WIDTH_SAMPLE_ROWS = 200
# Text starting with these is a formula (or a DDE payload) to a spreadsheet if it is not a string cell.
RISKY_FIRST = frozenset("=+-@#\t\r")
LINE_HEIGHT = 15.0  # points per line of text (Excel's default row height)
MAX_ROW_HEIGHT = 409.0  # Excel's limit
FOOTER_LEFT = "&A"  # the sheet's name
FOOTER_RIGHT = "&P / &N"  # page N of M


@dataclass(frozen=True)
class Column:
    header: str
    kind: str = TEXT


def display_width(text: str) -> float:
    """Width in Excel character units: East Asian wide characters count twice."""
    return float(sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text))


def _sample_width(value: Any, kind: str) -> float:
    if value is None:
        return 0.0
    if kind == DATE:
        return 10.0
    if kind == DATETIME:
        return 16.0
    text = str(value)
    if "\n" in text:
        return max(display_width(line) for line in text.split("\n"))
    return display_width(text)


def wrapped_lines(text: str, width: float) -> int:
    """How many lines `text` takes in a wrapped cell `width` characters wide."""
    room = max(width - 1.0, 1.0)  # the cell's margins
    return sum(max(1, math.ceil(display_width(line) / room)) for line in text.split("\n"))


def column_widths(columns: Sequence[Column], sample: Sequence[Sequence[Any]]) -> list[float]:
    """Header or longest sampled value, whichever is wider, within sensible bounds."""
    widths = []
    for index, column in enumerate(columns):
        longest = max([_sample_width(row[index], column.kind) for row in sample] or [0.0])
        width = max(
            display_width(column.header) * 1.1 + 2.5, longest + 2.0, MIN_WIDTH
        )  # room for the filter arrow
        limit = LONG_TEXT_WIDTH if column.kind == LONG_TEXT else MAX_WIDTH
        widths.append(round(min(width, limit), 1))
    return widths


class SheetWriter:
    """Writes one sheet of a write-only workbook; `write(rows)` streams them."""

    def __init__(self, workbook: Workbook, title: str, columns: Sequence[Column]):
        self.workbook = workbook
        self.title = title
        self.columns = tuple(columns)
        self.sheet = workbook.create_sheet(title)
        self.rows_written = 0
        header_font = Font(bold=True)
        header_alignment = Alignment(vertical="center", wrap_text=True)
        self._header = []
        for column in self.columns:
            cell = WriteOnlyCell(self.sheet, value=column.header)
            cell.data_type = "s"
            cell.font = header_font
            cell.alignment = header_alignment
            self._header.append(cell)
        # One cell per styled column, reused for every row: write-only mode writes a row as soon as
        # it is appended, so the cell is free again for the next one. Saves a style lookup per cell.
        wrap = Alignment(wrap_text=True, vertical="top")
        top = Alignment(vertical="top")  # a tall row reads from its top line, every column alike
        self._styled: dict[int, WriteOnlyCell] = {}
        for index, column in enumerate(self.columns):
            if column.kind in (DATE, DATETIME, LONG_TEXT):
                cell = WriteOnlyCell(self.sheet)
                if column.kind == DATE:
                    cell.number_format = DATE_FORMAT
                    cell.alignment = top
                elif column.kind == DATETIME:
                    cell.number_format = DATETIME_FORMAT
                    cell.alignment = top
                else:
                    cell.alignment = wrap
                self._styled[index] = cell
        self._kinds = [column.kind for column in self.columns]
        self._top = top
        self._wrapped: list[tuple[int, float]] = []  # (index, width) of the wrapped columns, set by _setup

    def _setup(self, sample: Sequence[Sequence[Any]]) -> None:
        sheet = self.sheet
        widths = column_widths(self.columns, sample)
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        self._wrapped = [(i, widths[i]) for i, column in enumerate(self.columns) if column.kind == LONG_TEXT]
        sheet.freeze_panes = "A2"
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = "9"  # A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        sheet.print_title_rows = "1:1"
        sheet.print_options.gridLines = True
        # Every printed page says which sheet it is and where it falls: "委託先　3 / 7" (Excel's codes).
        sheet.oddFooter.left.text = FOOTER_LEFT
        sheet.oddFooter.right.text = FOOTER_RIGHT
        sheet.HeaderFooter.scaleWithDoc = False  # readable even where a wide sheet is shrunk to the page

    def write(self, rows: Iterable[Sequence[Any]]) -> int:
        """Write the header and every row; return the number of data rows."""
        iterator = iter(rows)
        sample = list(islice(iterator, WIDTH_SAMPLE_ROWS))
        self._setup(sample)
        self.sheet.append(self._header)
        append = self._append
        for count, row in enumerate(sample, start=2):
            append(row, count)
        count = len(sample)
        for row in iterator:
            count += 1
            append(row, count + 1)
        self.rows_written = count
        last = get_column_letter(max(len(self.columns), 1))
        self.sheet.auto_filter.ref = f"A1:{last}{count + 1}"
        return count

    def _append(self, row: Sequence[Any], number: int) -> None:
        """Append row `number`, tall enough for its wrapped text: neither Excel nor LibreOffice always fits
        a row to it when the file is opened, and a printed page would show one line over another."""
        lines = 1
        for index, width in self._wrapped:
            value = row[index] if index < len(row) else None
            if isinstance(value, str) and ("\n" in value or 2 * len(value) > width - 1):  # may wrap
                lines = max(lines, wrapped_lines(value[:MAX_CELL_TEXT], width))
        if lines == 1:
            self.sheet.append(self._convert(row))
            return
        dimensions = self.sheet.row_dimensions
        dimensions[number].height = min(lines * LINE_HEIGHT, MAX_ROW_HEIGHT)
        cells = [self._top_aligned(value) for value in self._convert(row)]
        self.sheet.append(cells)  # written now (write-only mode), with the height
        del dimensions[number]  # memory stays flat

    def _top_aligned(self, value: Any) -> Any:
        """A plain value of a tall row as a top-aligned cell (styled cells are top-aligned already)."""
        if value is None or isinstance(value, Cell):
            return value
        cell = WriteOnlyCell(self.sheet, value=value)
        cell.alignment = self._top
        return cell

    def _convert(self, row: Sequence[Any]) -> list[Any]:
        out: list[Any] = []
        styled = self._styled
        for index, value in enumerate(row):
            if value is None or value == "":
                out.append(None)
                continue
            cell = styled.get(index)
            if isinstance(value, str):
                if len(value) > MAX_CELL_TEXT:
                    value = value[: MAX_CELL_TEXT - 1] + "…"
                if cell is None:
                    if value[0] not in RISKY_FIRST and value not in ERROR_CODES:
                        out.append(value)  # openpyxl writes it as a plain string cell
                        continue
                    cell = WriteOnlyCell(self.sheet)
                cell.value = value
                cell.data_type = "s"  # never a formula or an error value, whatever the text starts with
                out.append(cell)
            elif isinstance(value, date | datetime):
                if cell is None:  # a date in a mixed column (概要's 基準日): still a date cell, in our format
                    cell = WriteOnlyCell(self.sheet)
                    cell.number_format = DATETIME_FORMAT if isinstance(value, datetime) else DATE_FORMAT
                cell.value = value
                out.append(cell)
            else:
                out.append(value)
        return out
