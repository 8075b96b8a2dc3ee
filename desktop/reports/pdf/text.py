"""Turning database values into Paragraph markup and into the date and yes/no forms the registers print.

Every value from the database goes through `markup()` before it reaches a Paragraph: reportlab parses
Paragraph text as XML-ish markup, so `<script>` would abort the report, `<img src=…>` would open a local
file and `AT&T` would be mangled. `xml.sax.saxutils.escape` (not reportlab's `escapeOnce`, which leaves
existing entities alone) makes it print literally. Text drawn straight on the canvas (`drawString`) is
not parsed and must NOT be escaped.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from xml.sax.saxutils import escape

from desktop.domain.errors import Message
from desktop.services.context import TOKYO

DASH = "—"
MUTED = "#555555"


def markup(value: object) -> str:
    """Plain text → Paragraph markup: escaped, its line breaks kept."""
    if value is None:
        return ""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return escape(text).replace("\n", "<br/>")


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
    return f"{value.year}年{value.month}月{value.day}日" if value else DASH


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
