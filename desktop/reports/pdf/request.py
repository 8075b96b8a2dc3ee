"""What a register builder gets (the request) and gives back (the story and the facts for its title block)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable

from desktop.reports.pdf.layout import Styles

if TYPE_CHECKING:
    from desktop.services.facade import Services


@dataclass(frozen=True)
class ReportRequest:
    services: Services
    as_of: date
    record_id: int | None
    filter_text: str | None
    styles: Styles
    width: float  # of the frame, in points

    def matches(self, *texts: object) -> bool:
        """The filter of the list registers: a case-insensitive substring of any of `texts`."""
        if not self.filter_text:
            return True
        needle = self.filter_text.casefold()
        return any(needle in str(text).casefold() for text in texts if text)


@dataclass
class Built:
    """A register's body, the extra facts for its title block and what its header says it covers."""

    story: list[Flowable]
    scope: str  # plain text, printed on every page
    details: list[tuple[str, str]] = field(default_factory=list)  # (label markup, value markup)
    subject: str = ""
