"""One streamed worksheet: bold frozen header, autofilter, widths, date formats, wrapped text, print set-up.

openpyxl write-only mode: rows go to disk as they are appended, so memory stays flat however many
rows there are. Every text value is written as a string cell, so nothing typed into a record can turn
into a formula or an error value when the workbook is opened (=, +, -, @, #N/A …).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import islice
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.styles import Alignment, Font
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
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
LONG_TEXT_STRETCH = 90.0  # a long text on a page with room to spare: never wider than this (a readable line)
WIDTH_SAMPLE_ROWS = 200
# Printing. A sheet is printed one page wide; what decides whether it can be read on paper is the scale
# Excel or LibreOffice must shrink it by to get there. Columns are narrowed (their text wraps) and a wide
# sheet goes on A3, the larger paper Japanese offices print ledgers on, until the scale is at least this.
MIN_PRINT_SCALE = 0.5  # Calibri 11 printed at 5.5 pt or larger
HEADER_LINES = 2  # a header wraps over two lines when the column is as wide as its content asks …
SQUEEZED_HEADER_LINES = 3  # … and over three at most when the sheet must be narrowed to print
TEXT_FLOOR = 12.0  # a narrowed text column still holds five or six Japanese characters a line
WORD_FLOOR_LIMIT = 32.0  # an unbreakable word (an e-mail address, a URL) wider than this wraps anyway
SIDE_MARGIN = 0.4  # inches, left and right
TOP_MARGIN = 0.6  # inches, top and bottom; the footer sits in the bottom one
FOOTER_MARGIN = 0.3
# Text starting with these is a formula (or a DDE payload) to a spreadsheet if it is not a string cell.
RISKY_FIRST = frozenset("=+-@#\t\r")
WIDE_CHARACTER = 2.1  # printed width of a Japanese character in Excel character units (see _printed_width)
LINE_HEIGHT = 15.0  # points per line of text (Excel's default row height)
MAX_ROW_HEIGHT = 409.0  # Excel's limit
FOOTER_LEFT = "&A"  # the sheet's name
FOOTER_RIGHT = "&P / &N"  # page N of M


@dataclass(frozen=True)
class Column:
    header: str
    kind: str = TEXT


@dataclass(frozen=True)
class Paper:
    """A paper size as a spreadsheet's page set-up names it (ECMA-376 paperSize), used landscape."""

    code: str
    name: str
    width: float  # points, the long side

    @property
    def printable_width(self) -> float:
        return self.width - 2 * SIDE_MARGIN * 72


A4 = Paper("9", "A4", 841.89)
A3 = Paper("8", "A3", 1190.55)
PAPERS = (A4, A3)  # the first one on which a sheet prints legibly is chosen
PAPER_BY_CODE = {paper.code: paper for paper in PAPERS}


@dataclass(frozen=True)
class Layout:
    widths: list[float]
    paper: Paper

    @property
    def scale(self) -> float:
        return print_scale(self.widths, self.paper)


POINTS_PER_CHARACTER = 7.0 * 0.75  # what one more character of column width takes on paper


def width_in_points(width: float) -> float:
    """A column `width` characters wide on paper: Excel's conversion for the workbook's Calibri 11
    (7 pixels a character plus 5 of padding, at 96 pixels an inch)."""
    return POINTS_PER_CHARACTER * width + 5.0 * 0.75


def print_scale(widths: Sequence[float], paper: Paper) -> float:
    """The scale a sheet of these column widths prints at, fitted to one page wide (never enlarged)."""
    total = sum(width_in_points(width) for width in widths)
    return min(1.0, paper.printable_width / total) if total else 1.0


def display_width(text: str) -> float:
    """Width in Excel character units: East Asian wide characters count twice."""
    if text.isascii():
        return float(len(text))
    return float(sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text))


# The East Asian wide and full-width characters (Unicode's EastAsianWidth W and F) of the blocks that
# occur in Japanese text (emoji and rarer symbols count as narrow: this is for estimates of width and
# lines only); a regular expression counts them several times faster than unicodedata.
_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\ua960-\ua97f"
    "\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6f\uff01-\uff60\uffe0-\uffe6"
    "\U0001f300-\U0001f64f\U0001f900-\U0001f9ff\U00020000-\U0003fffd]"
)


def _printed_width(text: str) -> float:
    """Width on paper in Excel character units: a Japanese character at 11 pt is 2.1 digits of Calibri 11."""
    if text.isascii():
        return float(len(text))
    return len(text) + (WIDE_CHARACTER - 1.0) * len(_WIDE.findall(text))


def _longest(values: Sequence[Any], kind: str) -> float:
    """The widest of the sampled values of a column, in character units (0 for none)."""
    return max([_sample_width(value, kind) for value in values] or [0.0])


def _sample_width(value: Any, kind: str) -> float:
    if value is None:
        return 0.0
    if kind == DATE:
        return 10.0
    if kind == DATETIME:
        return 16.0
    if kind == NUMBER:
        return max(float(len(str(value))), 6.0)
    text = str(value)
    if "\n" in text:
        return max(_printed_width(line) for line in text.split("\n"))
    return _printed_width(text)


def wrapped_lines(text: str, width: float) -> int:
    """How many lines `text` takes in a wrapped cell `width` characters wide, at most (a fast estimate for
    the row's height: a line that wraps is taken to lose a character at its ragged end)."""
    room = max(width - 1.0, 1.0)  # the cell's margins
    lines = 0
    for line in text.split("\n"):
        size = _printed_width(line)
        lines += 1 if size <= room else math.ceil(size / max(room - 1.0, 1.0))
    return lines


def wrap_text_lines(text: str, width: float) -> int:
    """Lines `text` wraps to in a cell `width` characters wide, breaking as a spreadsheet does: at spaces,
    between Japanese characters, and inside a word only when the word alone is wider than the line."""
    room = max(width - 1.0, 1.0)  # the cell's margins
    total = 0
    for paragraph in text.split("\n"):
        lines, used = 1, 0.0
        for token in _tokens(paragraph):
            size = _printed_width(token)
            if token == " ":
                used += size if used else 0.0  # a space at the start of a line takes no room
                continue
            if used and used + size > room:
                lines, used = lines + 1, 0.0
            while size > room:  # a word wider than a line is broken inside
                lines, size = lines + 1, size - room
            used += size
        total += lines
    return total


def _tokens(text: str) -> Iterator[str]:
    """Spaces, single wide characters, and runs of narrow non-space characters (words)."""
    word = ""
    for ch in text:
        if ch == " " or unicodedata.east_asian_width(ch) in "WF":
            if word:
                yield word
                word = ""
            yield ch
        else:
            word += ch
    if word:
        yield word


def _widest_word(value: Any) -> float:
    if not isinstance(value, str):
        return 0.0
    return max((_printed_width(token) for token in _tokens(value) if token != " "), default=0.0)


def header_width(header: str, lines: int) -> float:
    """The narrowest width at which `header` wraps to at most `lines` lines, with room for the filter arrow."""
    width = MIN_WIDTH
    while wrap_text_lines(header, width - 2.0) > lines and width < MAX_WIDTH:
        width += 0.5
    return width


def column_widths(columns: Sequence[Column], sample: Sequence[Sequence[Any]]) -> list[float]:
    """Header (over at most two lines) or longest sampled value, whichever is wider, within bounds."""
    return [bounds[1] for bounds in _width_bounds(columns, sample)]


def _width_bounds(columns: Sequence[Column], sample: Sequence[Sequence[Any]]) -> list[tuple[float, float]]:
    """Per column, (narrowest, ideal): the ideal fits the longest sampled value on one line and the header
    on two; the narrowest still shows a date or a number whole, a word whole (up to a limit), the header
    over three lines, and six Japanese characters a line."""
    bounds = []
    for index, column in enumerate(columns):
        values = [row[index] for row in sample if index < len(row)]
        longest = _longest(values, column.kind)
        limit = LONG_TEXT_WIDTH if column.kind == LONG_TEXT else MAX_WIDTH
        content = min(max(longest + 2.0, MIN_WIDTH), limit)
        if column.kind in (DATE, DATETIME, NUMBER):  # whatever the sample holds: a later row's date or
            content = max(content, _sample_width(0, column.kind) + 2.0)  # number would print as ####
        ideal = round(min(max(content, header_width(column.header, HEADER_LINES)), MAX_WIDTH), 1)
        if column.kind in (TEXT, LONG_TEXT):
            word = min(max([_widest_word(value) for value in values] or [0.0]) + 2.0, WORD_FLOOR_LIMIT)
            floor = min(content, max(TEXT_FLOOR, word))
        else:
            floor = content  # dates and numbers never wrap
        narrowest = round(min(max(floor, header_width(column.header, SQUEEZED_HEADER_LINES)), ideal), 1)
        bounds.append((narrowest, ideal))
    return bounds


def layout(columns: Sequence[Column], sample: Sequence[Sequence[Any]]) -> Layout:
    """Column widths and paper for printing one page wide at MIN_PRINT_SCALE or larger.

    Each column is as wide as its content asks if the sheet fits; else the widest columns are narrowed to
    a common cap (their text wraps), never below their narrowest, on A4 if that keeps them at least
    `TEXT_FLOOR * 2` wide, else on A3. A sheet whose narrowest columns still do not fit A3 at the scale
    goes on A3 at its narrowest: the best that paper can do."""
    bounds = _width_bounds(columns, sample)
    ideal = [high for _, high in bounds]
    for paper in PAPERS:
        budget = paper.printable_width / MIN_PRINT_SCALE
        if sum(map(width_in_points, ideal)) <= budget:
            return Layout(_stretched(columns, sample, ideal, paper), paper)
        cap = _cap_within(bounds, budget)
        if cap is not None and (cap >= 2 * TEXT_FLOOR or paper is PAPERS[-1]):
            return Layout([round(max(low, min(high, cap)), 1) for low, high in bounds], paper)
    return Layout([low for low, _ in bounds], PAPERS[-1])


def _stretched(
    columns: Sequence[Column], sample: Sequence[Sequence[Any]], widths: list[float], paper: Paper
) -> list[float]:
    """A sheet that prints at full size with room to spare on the paper gives that room to its long texts
    (the audit log's changes, a note): wrapped over fewer lines, its rows are shorter and its pages fewer.
    Each long-text column grows up to what its longest sampled value asks, at most LONG_TEXT_STRETCH wide;
    nothing changes on a sheet that must be shrunk to fit."""
    spare = paper.printable_width - sum(map(width_in_points, widths))
    wanted = {
        index: min(
            _longest([row[index] for row in sample if index < len(row)], LONG_TEXT) + 2.0, LONG_TEXT_STRETCH
        )
        for index, column in enumerate(columns)
        if column.kind == LONG_TEXT
    }
    growing = {index: want for index, want in wanted.items() if want > widths[index]}
    stretched = list(widths)
    while growing and spare > POINTS_PER_CHARACTER:
        share = spare / POINTS_PER_CHARACTER / len(growing)  # characters each
        for index, want in list(growing.items()):
            grown = min(want, stretched[index] + share)
            spare -= (grown - stretched[index]) * POINTS_PER_CHARACTER
            stretched[index] = grown
            if grown >= want:
                del growing[index]
    return [math.floor(width * 2) / 2 if index in wanted else width for index, width in enumerate(stretched)]


def _cap_within(bounds: Sequence[tuple[float, float]], budget: float) -> float | None:
    """The widest common cap on column widths (each kept within its bounds) whose total fits `budget`
    points; None if the narrowest widths alone do not fit."""

    def total(cap: float) -> float:
        return sum(width_in_points(max(low, min(high, cap))) for low, high in bounds)

    if total(0.0) > budget:
        return None
    low, high = 0.0, max(high for _, high in bounds)
    for _ in range(40):
        middle = (low + high) / 2
        low, high = (middle, high) if total(middle) <= budget else (low, middle)
    return math.floor(low * 2) / 2  # half characters: a round number in the file


def _top_aligned_by_default(workbook: Workbook) -> None:
    """Make the workbook's default cell format (cellXfs 0: every cell written without a style of its own)
    top-aligned, so that in a row made tall by wrapped text every value reads from the first line, without a
    styled cell for each value (which would make writing half again as slow). openpyxl has no public way to
    set it: its style lists are replaced, keeping every index already handed out.

    Excel applies cellXfs 0 to a cell without a style; LibreOffice applies the named style "Normal"
    (cellStyleXfs 0) instead, and would print such a value at the bottom of a tall row: both are top-aligned."""
    styles = workbook._cell_styles  # noqa: SLF001 - see the docstring
    if styles[0].alignmentId:
        return  # done for an earlier sheet
    default = StyleArray(styles[0])
    default.alignmentId = workbook._alignments.add(Alignment(vertical="top"))  # noqa: SLF001
    workbook._cell_styles = IndexedList([default, *styles[1:]])  # noqa: SLF001
    for style in workbook._named_styles:  # noqa: SLF001
        if style.name == "Normal":
            style.alignment = Alignment(vertical="top")


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
        # A short text is a plain value (cheaper to write); one that wraps in its column gets this cell.
        self._wrapping: dict[int, WriteOnlyCell] = {}
        for index, column in enumerate(self.columns):
            if column.kind in (DATE, DATETIME, TEXT, LONG_TEXT):
                cell = WriteOnlyCell(self.sheet)
                if column.kind == DATE:
                    cell.number_format = DATE_FORMAT
                    cell.alignment = top
                elif column.kind == DATETIME:
                    cell.number_format = DATETIME_FORMAT
                    cell.alignment = top
                else:
                    cell.alignment = wrap
                (self._wrapping if column.kind == TEXT else self._styled)[index] = cell
        self._kinds = [column.kind for column in self.columns]
        _top_aligned_by_default(workbook)
        self._wrapped: list[tuple[int, float]] = []  # (index, room) of the text columns, set by _setup
        self.layout: Layout | None = None  # set by _setup

    def _setup(self, sample: Sequence[Sequence[Any]]) -> None:
        sheet = self.sheet
        self.layout = layout(self.columns, sample)
        widths = self.layout.widths
        for index, width in enumerate(widths, start=1):
            dimension = sheet.column_dimensions[get_column_letter(index)]
            dimension.width = width
            # A column's format is what LibreOffice gives its cells without one of their own: the same as the
            # workbook's default (top-aligned, see _top_aligned_by_default), not openpyxl's unaligned one.
            dimension.alignment = Alignment(vertical="top")
        # Text wraps in its column (a narrowed one, or a value longer than the sampled ones): nothing is cut
        # off on paper, and each row is made tall enough for it (_append).
        self._wrapped = [  # (index, room for text: the width less the cell's margins)
            (i, widths[i] - 1.0) for i, column in enumerate(self.columns) if column.kind in (TEXT, LONG_TEXT)
        ]
        header_lines = max(
            [
                wrap_text_lines(column.header, width - 2.0)
                for column, width in zip(self.columns, widths, strict=True)
            ]
            or [1]
        )
        if header_lines > 1:
            sheet.row_dimensions[1].height = header_lines * LINE_HEIGHT
        sheet.freeze_panes = "A2"
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = self.layout.paper.code
        margins = sheet.page_margins
        margins.left = margins.right = SIDE_MARGIN
        margins.top = margins.bottom = TOP_MARGIN
        margins.header = margins.footer = FOOTER_MARGIN
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
        wrapping: list[int] = []
        for index, room in self._wrapped:
            value = row[index] if index < len(row) else None
            if not isinstance(value, str):
                continue
            if "\n" not in value and (
                len(value) * WIDE_CHARACTER <= room or (len(value) <= room and value.isascii())
            ):
                continue  # one line, surely (most values: the test is cheap)
            count = wrapped_lines(value[:MAX_CELL_TEXT], room + 1.0)
            if count > 1:
                lines = max(lines, count)
                wrapping.append(index)
        if lines == 1:
            self.sheet.append(self._convert(row, wrapping))
            return
        dimensions = self.sheet.row_dimensions
        dimensions[number].height = min(lines * LINE_HEIGHT, MAX_ROW_HEIGHT)
        # Every cell reads from the row's top line: plain values by the workbook's default format (see
        # _top_aligned_by_default), styled ones by their own.
        self.sheet.append(self._convert(row, wrapping))  # written now (write-only mode), with the height
        del dimensions[number]  # memory stays flat

    def _convert(self, row: Sequence[Any], wrapping: Sequence[int] = ()) -> list[Any]:
        """The row's values as openpyxl appends them; `wrapping`: the text columns whose value wraps."""
        out: list[Any] = []
        styled = self._styled
        for index, value in enumerate(row):
            if value is None or value == "":
                out.append(None)
                continue
            cell = styled.get(index)
            if isinstance(value, str):
                if cell is None and wrapping and index in wrapping:
                    cell = self._wrapping.get(index)  # a text column's value that wraps
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
                if cell is None or self._kinds[index] not in (DATE, DATETIME):
                    # a date in a mixed column (概要's 基準日): still a date cell, in our format
                    cell = WriteOnlyCell(self.sheet)
                    cell.number_format = DATETIME_FORMAT if isinstance(value, datetime) else DATE_FORMAT
                cell.value = value
                out.append(cell)
            else:
                out.append(value)
        return out
