"""The page every register shares: running header and footer, "N / M" page numbers, the title block
with the seal boxes, and the ruled tables whose header row repeats on every page.

Page numbers need the page count before the first page is finished; `numbered_canvas` keeps each
page's drawing until the document is saved and only then stamps "N / M" on every page (the
reportlab NumberedCanvas pattern), so one layout pass gives correct totals.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape, portrait
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.paragraph import _FUZZ, ParaLines, cjkU, makeCJKParaLine

from desktop.reports.pdf.fonts import FALLBACK_FONT_NAME, register_font
from desktop.reports.pdf.text import day_ja, font_runs, markup, moment_ja
from desktop.services.progress import Progress

MARGIN = 12 * mm
HEADER_SPACE = 15 * mm  # between the top margin and the frame: company, title, as-of date, filter
FOOTER_SPACE = 9 * mm
RULE_COLOUR = colors.HexColor("#333333")
GRID_COLOUR = colors.HexColor("#8A8A8A")
HEADER_FILL = colors.HexColor("#E6E9EE")
LABEL_FILL = colors.HexColor("#F1F3F6")
STRIPE_FILL = colors.HexColor("#F8F8F8")
SEAL_LABELS = ("承認", "確認", "作成")  # left to right, as on a Japanese ringi form
SEAL_SIZE = 20 * mm


@dataclass(frozen=True)
class PageFacts:
    """What the running header and footer print on every page."""

    company: str
    title_ja: str
    title_en: str
    as_of: date
    scope: str  # the filter used, or the record printed (plain text: drawn on the canvas)
    printed_at: datetime
    printed_by: str
    portrait: bool = False
    audit_head: str = ""  # the audit chain's head when printed, `SEQ:HASH` (see desktop.domain.audit_chain)

    @property
    def page_size(self) -> tuple[float, float]:
        return portrait(A4) if self.portrait else landscape(A4)

    @property
    def frame_width(self) -> float:
        return self.page_size[0] - 2 * MARGIN


@dataclass(frozen=True)
class Styles:
    cell: ParagraphStyle
    header: ParagraphStyle
    label: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    seal: ParagraphStyle
    font: str


def make_styles(cell_size: float = 7.0) -> Styles:
    """Paragraph styles in the embedded Japanese font; CJK wrapping so long Japanese text breaks
    inside its cell (with the kinsoku rules) instead of overflowing."""
    font = register_font()
    # The right indent keeps a hanging 、。）・ (reportlab's CJK lines may end one character past
    # the width, as Japanese typesetting allows) inside the cell instead of on its rule.
    hang = cell_size * 0.9
    cell = ParagraphStyle(
        "cell",
        fontName=font,
        fontSize=cell_size,
        leading=cell_size * 1.3,
        wordWrap="CJK",
        alignment=TA_LEFT,
        rightIndent=hang,
    )
    return Styles(
        cell=cell,
        # Headings are our own short labels: no hanging room needed, so they keep the full width.
        header=ParagraphStyle(
            "header", parent=cell, alignment=TA_CENTER, leading=cell_size * 1.25, rightIndent=0
        ),
        label=ParagraphStyle("label", parent=cell),
        title=ParagraphStyle("title", fontName=font, fontSize=18, leading=22, spaceAfter=1 * mm),
        subtitle=ParagraphStyle(
            "subtitle",
            fontName=font,
            fontSize=8.5,
            leading=11,
            textColor=colors.HexColor("#444444"),
            spaceAfter=3 * mm,
        ),
        heading=ParagraphStyle(
            "heading",
            fontName=font,
            fontSize=10.5,
            leading=14,
            spaceBefore=4 * mm,
            spaceAfter=1.5 * mm,
            wordWrap="CJK",
        ),
        body=ParagraphStyle("body", fontName=font, fontSize=10, leading=16, wordWrap="CJK"),
        seal=ParagraphStyle("seal", fontName=font, fontSize=8, leading=10, alignment=TA_CENTER),
        font=font,
    )


class DataTable(Table):
    """A register table: the header rows repeat on every page. Split parts stay DataTables, so the
    document can count the records already laid out for the progress callback."""

    def data_rows(self) -> int:
        header = self.repeatRows if isinstance(self.repeatRows, int) else len(self.repeatRows)
        return max(0, self._nrows - header)


@dataclass(frozen=True)
class Column:
    heading: str  # markup (see text.label)
    weight: float  # share of the frame width
    align: str = "LEFT"


def _is_token_character(character: str) -> bool:
    """A character of a run that reads as one token: letters, digits and their punctuation (a date such as
    2025-11-06, a number such as 1,000, a reference, a URL) — anything below the CJK blocks but a space."""
    return character < "\u3000" and not character.isspace()


def may_break_before(text: Sequence[str], index: int) -> bool:
    """May a line of a cell start at `text[index]`? Between Japanese characters, after a space and after a
    URL's slash, yes; never inside a date or a number, nor where kinsoku forbids it (。、）before / 「（ after)."""
    before, after = text[index - 1], text[index]
    if not before or not after:  # a <br/>: its own line end
        return True
    if after in ALL_CANNOT_START or before in ALL_CANNOT_END:
        return False
    if before.isspace():
        return True
    if before.isdigit() and after in "年月日" or before in "年月" and after.isdigit():
        return False  # 2025年11月6日 stays whole
    if _is_token_character(before) and _is_token_character(after):
        return before == "/" and after != "/"  # a URL wraps at its slashes (not inside https://)
    return True


def may_break_inside_token(text: Sequence[str], index: int) -> bool:
    """Where a token wider than a whole line is cut: after the punctuation of a URL or a reference
    (example.|co.|jp, notice-|2025), never between two digits (2025-11-06, 1.5)."""
    before, after = text[index - 1], text[index]
    if not before or before not in "-._?&=#~:" or after in ALL_CANNOT_START:
        return False
    return not (after.isdigit() and index >= 2 and text[index - 2].isdigit())


def token_aware_lines(frags: Sequence[Any], max_widths: Sequence[float], calc_bounds: bool) -> ParaLines:
    """reportlab's CJK line breaking (`cjkFragSplit`), except where a line may end: it cuts between any two
    characters, so a narrow cell printed 2025-1 / 1-06 or 1, / 000. Here a line ends at the last place
    `may_break_before` allows; only a token wider than the whole line is cut where it overflows."""
    glyphs: list[Any] = []
    for frag in frags:
        text = frag.text.decode("utf8") if isinstance(frag.text, bytes) else frag.text
        glyphs.extend(
            [cjkU(character, frag, "utf8") for character in text] if text else [cjkU(text, frag, "utf8")]
        )
    lines: list[Any] = []
    index = width_used = line_start = 0
    max_width = max_widths[0]
    while index < len(glyphs):
        glyph = glyphs[index]
        index += 1
        width = glyph.width
        if hasattr(width, "normalizedValue"):
            width._normalizer = max_width
            width = width.normalizedValue(max_width)
        width_used += width
        line_break = hasattr(glyph.frag, "lineBreak")
        if not line_break and not (width_used > max_width + _FUZZ and width_used > 0):
            continue
        end = index  # a <br/> ends the line after itself; a hanging 。、） stays on it
        hangs = glyph in ALL_CANNOT_START and (index == len(glyphs) or may_break_before(glyphs, index))
        if not line_break and not hangs:  # 。 or ） may hang in the margin, unless another follows it
            end = index - 1
            while end > line_start and not may_break_before(glyphs, end):
                end -= 1
            if end == line_start:  # one token wider than the whole line: after a URL's . - _ ? & =, else
                end = index - 1  # where it overflows
                while end > line_start and not may_break_inside_token(glyphs, end):
                    end -= 1
                end = end if end > line_start else max(index - 1, line_start + 1)
        used = sum(_glyph_width(g, max_width) for g in glyphs[line_start:end])
        lines.append(
            makeCJKParaLine(
                glyphs[line_start:end], max_width, used, max_width - used, line_break, calc_bounds
            )
        )
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        index = line_start = end
        width_used = 0
    if width_used > 0:
        lines.append(
            makeCJKParaLine(
                glyphs[line_start:], max_width, width_used, max_width - width_used, False, calc_bounds
            )
        )
    return ParaLines(kind=1, lines=lines)


def _glyph_width(glyph: Any, max_width: float) -> float:
    width = glyph.width
    return float(width.normalizedValue(max_width)) if hasattr(width, "normalizedValue") else float(width)


class CellParagraph(Paragraph):
    """A Paragraph that lays out its lines once per width: a table wraps every cell to measure the row,
    again to draw it and again when it splits; the column widths never change, so the result is kept.

    Its lines end only where a reader expects (`token_aware_lines`): every table of every register goes
    through it, so no register breaks a date, a number or a URL on its own."""

    _wrapped_width: float | None = None
    _wrapped_size: tuple[float, float] = (0.0, 0.0)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (reportlab's names)
        if self._wrapped_width != availWidth or "blPara" not in self.__dict__:  # split() may drop its lines
            self._wrapped_size = super().wrap(availWidth, availHeight)
            self._wrapped_width = availWidth
        return self._wrapped_size

    def breakLinesCJK(self, maxWidths: Any) -> Any:  # noqa: N802, N803 (reportlab's names)
        lines = super().breakLinesCJK(maxWidths)  # fast, and right for most cells: kept when it is
        frags = self.frags
        if not frags or self.bulletText or self.style.endDots or any(hasattr(f, "cbDefn") for f in frags):
            return lines  # bullets, dot leaders, images: not in our cells
        if breaks_well(lines):
            return lines
        widths = list(maxWidths) if isinstance(maxWidths, list | tuple) else [maxWidths]
        leading = getattr(self, "autoLeading", getattr(self.style, "autoLeading", ""))
        return token_aware_lines(frags, widths, leading not in ("", "off"))


def breaks_well(lines: Any) -> bool:
    """Whether reportlab's lines end only where `may_break_before` allows (no date, number or URL cut)."""
    if len(lines.lines) < 2:
        return True
    if lines.kind == 0:  # one run of text: (extra space, [text]) per line, spaces at the ends stripped
        texts = ["".join(line[1]) for line in lines.lines]
        forced = [False] * len(texts)
    else:
        texts = ["".join(frag.text for frag in line.words) for line in lines.lines]
        forced = [bool(getattr(line, "lineBreak", False)) for line in lines.lines]
    for index in range(len(texts) - 1):
        before, after = texts[index], texts[index + 1]
        if forced[index] or not before or not after:
            continue
        if lines.kind == 0 and (before[-1].isspace() or after[0].isspace()):
            continue
        if not may_break_before((before[-1], after[0]), 1):
            return False
    return True


CHUNK_ROWS = 30  # rows turned into Paragraphs at a time; more are taken when a page holds more


class StreamingTable(Flowable):
    """A register table that makes its Paragraph cells a page at a time.

    A reportlab Table measures every row before it lays out the first page, so a 10,000-row
    register would hold 100,000 wrapped Paragraphs at once. This flowable only ever splits: each
    time it builds a DataTable from the rows the page can take (plus a few), lets it split, and
    passes the rows left over to its successor, so memory follows the page, not the register.
    """

    def __init__(
        self,
        header: list[Any],
        rows: Sequence[Sequence[str]],
        cell_styles: Sequence[ParagraphStyle],
        widths: Sequence[float],
        table_style: TableStyle,
        start: int = 0,
        carried: list[list[Any]] | None = None,
    ) -> None:
        super().__init__()
        self.header = header
        self.rows = rows
        self.cell_styles = cell_styles
        self.widths = list(widths)
        self.table_style = table_style
        self.start = start
        self.carried = carried or []  # cells already made (and perhaps split) by the previous page

    def data_rows(self) -> int:
        return len(self.carried) + len(self.rows) - self.start

    def table(self, count: int) -> DataTable:
        body = self.carried + [
            [CellParagraph(text, self.cell_styles[index]) if text else "" for index, text in enumerate(row)]
            for row in self.rows[self.start : self.start + count]
        ]
        table = DataTable([self.header, *body], colWidths=self.widths, repeatRows=1, splitInRow=1)
        table.setStyle(self.table_style)
        return table

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        # Never claims to fit, so the frame always asks it to split (where the work happens).
        return sum(self.widths), availHeight + 1

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        count = max(CHUNK_ROWS - len(self.carried), CHUNK_ROWS // 4)
        while True:
            parts = self.table(count).split(availWidth, availHeight)
            end = self.start + count
            if len(parts) != 1 or end >= len(self.rows):
                break
            count += 2 * CHUNK_ROWS  # the whole chunk fitted: the page takes more rows
        if not parts or end >= len(self.rows):
            return list(parts)
        first, rest = parts
        return [
            first,
            StreamingTable(
                self.header,
                self.rows,
                self.cell_styles,
                self.widths,
                self.table_style,
                start=end,
                carried=[list(row) for row in rest._cellvalues[1:]],
            ),
        ]

    def draw(self) -> None:  # pragma: no cover - split() always replaces it
        raise RuntimeError("StreamingTable is only ever split")


def data_table(
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    styles: Styles,
    width: float,
    cell_style: ParagraphStyle | None = None,
) -> StreamingTable:
    """Ruled table of Paragraph cells (markup already escaped), header repeated on every page."""
    style = cell_style or styles.cell
    total = sum(column.weight for column in columns)
    widths = [width * column.weight / total for column in columns]
    header = [CellParagraph(column.heading, styles.header) for column in columns]
    aligned = [_aligned(style, column.align) for column in columns]
    return StreamingTable(header, rows, aligned, widths, _table_style(styles.font, style.fontSize))


def _aligned(style: ParagraphStyle, align: str) -> ParagraphStyle:
    if align == "LEFT":
        return style
    from reportlab.lib.enums import TA_RIGHT

    return ParagraphStyle(
        f"{style.name}-{align}", parent=style, alignment=TA_CENTER if align == "CENTER" else TA_RIGHT
    )


def _table_style(font: str, size: float) -> TableStyle:
    return TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), font, size),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
            ("RIGHTPADDING", (0, 0), (-1, -1), 1.5),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, STRIPE_FILL]),
            ("GRID", (0, 0), (-1, -1), 0.35, GRID_COLOUR),
            ("BOX", (0, 0), (-1, -1), 0.8, RULE_COLOUR),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE_COLOUR),
        ]
    )


def fact_table(
    pairs: Sequence[tuple[str, str]],
    styles: Styles,
    width: float,
    label_share: float = 0.28,
    columns: int = 1,
) -> Table:
    """Label / value pairs (both markup) in a ruled table, `columns` pairs side by side."""
    label_width = width / columns * label_share
    value_width = width / columns - label_width
    rows: list[list[Any]] = []
    for start in range(0, len(pairs), columns):
        row: list[Any] = []
        for label_text, value in pairs[start : start + columns]:
            row += [
                CellParagraph(label_text, styles.label),
                CellParagraph(value, styles.cell) if value else "",
            ]
        row += ["", ""] * (columns - len(pairs[start : start + columns]))
        rows.append(row)
    table = Table(rows, colWidths=[label_width, value_width] * columns, splitInRow=1)
    commands: list[Any] = [
        ("FONT", (0, 0), (-1, -1), styles.font, styles.cell.fontSize),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.35, GRID_COLOUR),
        ("BOX", (0, 0), (-1, -1), 0.8, RULE_COLOUR),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 1.5),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    for index in range(columns):
        commands.append(("BACKGROUND", (2 * index, 0), (2 * index, -1), LABEL_FILL))
    table.setStyle(TableStyle(commands))
    return table


def seal_boxes(styles: Styles) -> Table:
    """承認 / 確認 / 作成: empty squares for the officers' seals (hanko)."""
    table = Table(
        [[Paragraph(text, styles.seal) for text in SEAL_LABELS], ["", "", ""]],
        colWidths=[SEAL_SIZE] * 3,
        rowHeights=[6 * mm, SEAL_SIZE],
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), styles.font, 8),
                ("GRID", (0, 0), (-1, -1), 0.6, RULE_COLOUR),
                ("BOX", (0, 0), (-1, -1), 1.0, RULE_COLOUR),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


def title_block(facts: PageFacts, details: Sequence[tuple[str, str]], styles: Styles) -> list[Flowable]:
    """The first page's head: register title with the seal boxes to its right, then the facts it rests
    on (as-of date, filter, count, officer) across the full width."""
    seal_width = 3 * SEAL_SIZE
    heading: list[Flowable] = [
        Paragraph(markup(facts.title_ja), styles.title),
        Paragraph(markup(facts.title_en), styles.subtitle),
    ]
    top = Table([[heading, seal_boxes(styles)]], colWidths=[facts.frame_width - seal_width, seal_width])
    top.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), styles.font, 8),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    facts_table = fact_table(
        details,
        styles,
        facts.frame_width,
        label_share=0.3 if facts.portrait else 0.32,
        columns=2 if facts.portrait else 3,
    )
    return [KeepTogether([top, Spacer(1, 3 * mm), facts_table]), Spacer(1, 5 * mm)]


def section_heading(markup_text: str, styles: Styles) -> list[Flowable]:
    """A heading that never stays alone at the foot of a page (without dragging a long table along)."""
    return [CondPageBreak(30 * mm), Paragraph(markup_text, styles.heading)]


def numbered_canvas(font: str, page_size: tuple[float, float]) -> type[Canvas]:
    """A canvas that holds every page until `save()`, then prints "N / M" on each of them."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._page_states: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._page_states.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._page_states)
            for number, state in enumerate(self._page_states, start=1):
                self.__dict__.update(state)
                self.setFont(font, 8)
                self.setFillColor(colors.black)
                self.drawRightString(page_size[0] - MARGIN, MARGIN - 1 * mm, f"{number} / {total}")
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


class RegisterDocument(BaseDocTemplate):
    """A4 register with the running header/footer; reports progress after each table part it lays out."""

    def __init__(
        self,
        filename: str,
        facts: PageFacts,
        font: str,
        *,
        author: str,
        subject: str,
        progress: Progress | None = None,
        total: int = 0,
    ) -> None:
        super().__init__(
            filename,
            pagesize=facts.page_size,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN + HEADER_SPACE,
            bottomMargin=MARGIN + FOOTER_SPACE,
            title=f"{facts.title_ja} / {facts.title_en}",
            author=author,
            subject=subject,
            creator="Itaku",
            keywords=facts.as_of.isoformat(),
            lang="ja-JP",
            initialFontName=font,
            initialFontSize=8,
        )  # no unembedded Helvetica in the file
        self.facts = facts
        self.font = font
        self.progress = progress
        self.total = total
        self.done = 0
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate(id="register", frames=[frame], onPage=self.decorate)])

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (reportlab's name)
        if isinstance(flowable, DataTable) and self.progress is not None:
            self.done = min(self.total, self.done + flowable.data_rows())
            self.report_progress()

    def report_progress(self) -> None:
        if self.progress is not None:
            self.progress(self.done, self.total)  # raises Cancelled to stop

    def decorate(self, canvas: Canvas, document: BaseDocTemplate) -> None:
        """Running header (company, register, as-of date, filter) and footer (printed at / by)."""
        facts = self.facts
        width, height = facts.page_size
        left, right = MARGIN, width - MARGIN
        top = height - MARGIN
        canvas.saveState()
        canvas.setFillColor(colors.black)
        draw_text(canvas, left, top - 3 * mm, facts.company, self.font, 8)
        title_width = draw_text(canvas, left, top - 8.5 * mm, facts.title_ja, self.font, 11)
        canvas.setFillColor(colors.HexColor("#555555"))
        draw_text(canvas, left + title_width + 3 * mm, top - 8.5 * mm, facts.title_en, self.font, 7)
        canvas.setFillColor(colors.black)
        canvas.setFont(self.font, 8)
        canvas.drawRightString(
            right, top - 3 * mm, f"基準日 {day_ja(facts.as_of)}（as of {facts.as_of.isoformat()}）"
        )
        scope_room = (right - left) * 0.55
        draw_text(
            canvas,
            right,
            top - 8.5 * mm,
            fit_text(facts.scope, self.font, 8, scope_room),
            self.font,
            8,
            right=True,
        )
        canvas.setStrokeColor(RULE_COLOUR)
        canvas.setLineWidth(0.8)
        canvas.line(left, top - 11 * mm, right, top - 11 * mm)
        bottom = MARGIN + 4 * mm
        canvas.setLineWidth(0.4)
        canvas.line(left, bottom, right, bottom)
        draw_text(
            canvas,
            left,
            MARGIN - 1 * mm,
            f"印刷日時 {moment_ja(facts.printed_at)}（日本時間）　印刷者 {facts.printed_by}",
            self.font,
            7.5,
        )
        if facts.audit_head:
            # The anchor of the audit trail outside the database: `itaku-cli audit verify --anchor` checks it.
            canvas.setFont(self.font, 6.5)
            canvas.setFillColor(colors.HexColor("#444444"))
            canvas.drawString(
                left,
                MARGIN - 4.5 * mm,
                fit_text(
                    f"監査ログの先頭 {facts.audit_head}（itaku-cli audit verify --anchor で照合 / audit chain head）",
                    self.font,
                    6.5,
                    right - left,
                ),
            )
        canvas.restoreState()


def draw_text(
    canvas: Canvas, x: float, y: float, text: str, font: str, size: float, *, right: bool = False
) -> float:
    """Draw one line on the canvas, each character in a font that has it (〓 where none has); return its
    width. With `right`, `x` is where the line ends."""
    runs = [(piece, FALLBACK_FONT_NAME if in_fallback else font) for piece, in_fallback in font_runs(text)]
    width = sum(stringWidth(piece, face, size) for piece, face in runs)
    position = x - width if right else x
    for piece, face in runs:
        canvas.setFont(face, size)
        canvas.drawString(position, y, piece)
        position += stringWidth(piece, face, size)
    canvas.setFont(font, size)
    return width


def fit_text(text: str, font: str, size: float, room: float) -> str:
    """Shorten canvas text with an ellipsis so it never runs into the next item."""
    if stringWidth(text, font, size) <= room:
        return text
    while text and stringWidth(text + "…", font, size) > room:
        text = text[:-1]
    return text + "…"


def build_pdf(
    path: Path,
    facts: PageFacts,
    story: list[Flowable],
    styles: Styles,
    *,
    author: str,
    subject: str,
    progress: Progress | None,
    total: int,
) -> int:
    """Lay out `story` into `path` and return the page count."""
    document = RegisterDocument(
        os.fspath(path), facts, styles.font, author=author, subject=subject, progress=progress, total=total
    )
    document.report_progress()
    document.build(story, canvasmaker=numbered_canvas(styles.font, facts.page_size))
    document.done = total
    document.report_progress()
    return int(document.page)
