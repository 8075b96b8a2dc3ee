"""A plain-text table for the terminal: a heading row, a rule, then the rows, aligned by display width
(a Japanese character takes two columns)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _padded(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def format_table(headings: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """The lines of the table; the last column is not padded, nor ruled past its heading (long text runs on)."""
    widths = [
        max([display_width(heading), *(display_width(row[column]) for row in rows)])
        for column, heading in enumerate(headings)
    ]

    def line(cells: Sequence[str]) -> str:
        last = len(cells) - 1
        return "  ".join(
            cell if column == last else _padded(cell, widths[column]) for column, cell in enumerate(cells)
        ).rstrip()

    rule = [*("-" * width for width in widths[:-1]), "-" * display_width(headings[-1])]
    return [line(headings), "  ".join(rule), *(line(row) for row in rows)]
