"""Turning database values into Paragraph markup and into the date and yes/no forms the registers print.

Every value from the database goes through `markup()` before it reaches a Paragraph: reportlab parses
Paragraph text as XML-ish markup, so `<script>` would abort the report, `<img src=…>` would open a local
file and `AT&T` would be mangled. `xml.sax.saxutils.escape` (not reportlab's `escapeOnce`, which leaves
existing entities alone) makes it print literally. Text drawn straight on the canvas (`drawString`) is
not parsed and must NOT be escaped.

No character is lost on paper: one IPAexGothic lacks is set in the fallback font (`font_runs`), and one
no font holds (an emoji) is printed as 〓 and collected, so that the report can list it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime
from xml.sax.saxutils import escape

from desktop.domain.errors import Message
from desktop.domain.values import japanese_date
from desktop.reports.pdf.fonts import FALLBACK_FONT_NAME, glyph_coverage
from desktop.services.context import TOKYO

DASH = "—"
MUTED = "#555555"
MISSING_GLYPH = "〓"  # the geta mark: Japanese typesetting's sign for a character that could not be set
# Modifiers that draw nothing themselves (variation selectors, joiners): dropped, their base is printed.
_SILENT = re.compile("[\u200c\u200d\ufe00-\ufe0f\U000e0100-\U000e01ef]")
_unprintable: ContextVar[set[str] | None] = ContextVar("unprintable", default=None)


@contextmanager
def collecting_unprintable() -> Iterator[set[str]]:
    """Collect, while the block runs, every character printed as 〓 (no font holds it)."""
    found: set[str] = set()
    token = _unprintable.set(found)
    try:
        yield found
    finally:
        _unprintable.reset(token)


@functools.cache
def _outside_primary() -> re.Pattern[str]:
    """Matches a character IPAexGothic cannot draw (line breaks and tabs are not drawn, so never match)."""
    primary, _fallback = glyph_coverage()
    codes = sorted(primary | {0x09, 0x0A})
    ranges: list[str] = []
    start = previous = codes[0]
    for code in [*codes[1:], -1]:
        if code == previous + 1:
            previous = code
            continue
        ranges.append(re.escape(chr(start)) + ("-" + re.escape(chr(previous)) if previous > start else ""))
        start = previous = code
    return re.compile("[^" + "".join(ranges) + "]")


def font_runs(text: str) -> list[tuple[str, bool]]:
    """`text` as runs of (characters, set in the fallback font?); what no font draws becomes 〓."""
    if not _outside_primary().search(text):
        return [(text, False)]  # the usual case: one search, no copy
    _primary, fallback = glyph_coverage()
    outside = _outside_primary()
    runs: list[tuple[str, bool]] = []
    for character in _SILENT.sub("", text):
        in_fallback = False
        if outside.match(character):
            if ord(character) in fallback:
                in_fallback = True
            else:
                found = _unprintable.get()
                if found is not None:
                    found.add(character)
                character = MISSING_GLYPH
        if runs and runs[-1][1] == in_fallback:
            runs[-1] = (runs[-1][0] + character, in_fallback)
        else:
            runs.append((character, in_fallback))
    return runs


def markup(value: object) -> str:
    """Plain text → Paragraph markup: escaped, its line breaks kept, each character in a font that has it."""
    if value is None:
        return ""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    if not _outside_primary().search(text):  # the usual case, as fast as plain escaping
        return escape(text).replace("\n", "<br/>")
    return "".join(
        f'<font face="{FALLBACK_FONT_NAME}">{escape(piece)}</font>' if in_fallback else escape(piece)
        for piece, in_fallback in font_runs(text)
    ).replace("\n", "<br/>")


def describe_characters(characters: Iterable[str]) -> str:
    """Characters as a person can find them again: 😀 (U+1F600), …"""
    return "、".join(f"{character} (U+{ord(character):04X})" for character in sorted(characters))


def lines(*parts: str | None) -> str:
    """Join markup parts (already escaped) as separate lines, skipping empty ones."""
    return "<br/>".join(part for part in parts if part)


def muted(markup_text: str, size: float | None = None) -> str:
    """Markup in grey (and smaller), for secondary facts and the English labels."""
    size_attribute = f' size="{size}"' if size else ""
    return f'<font color="{MUTED}"{size_attribute}>{markup_text}</font>' if markup_text else ""


def label(message: Message, english_size: float | None = 5.8) -> str:
    """A bilingual label as markup: Japanese, the English below it in small grey type."""
    return f"{markup(message.ja)}<br/>{muted(markup(message.en), english_size)}"


def day(value: date | None) -> str:
    """A date in a table cell: 2026-11-25, or a dash."""
    return value.isoformat() if value else DASH


def day_ja(value: date | None) -> str:
    """A date in running text: 2026年11月25日."""
    return japanese_date(value) if value else DASH


def moment_ja(value: datetime) -> str:
    """A point in time in Japan: 2026年11月25日 12:00."""
    local = value.astimezone(TOKYO)
    return f"{day_ja(local.date())} {local:%H:%M}"


def yes_no(value: bool | None) -> str:
    return "有" if value else "無"


def joined(items: Iterable[object] | None, separator: str = "、") -> str:
    """A list of plain values as one escaped line."""
    return markup(separator.join(str(item) for item in (items or ()) if item not in (None, "")))


def number(value: int | None) -> str:
    return f"{value:,}" if value is not None else ""
