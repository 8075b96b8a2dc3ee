"""The consent chain of an engagement drawn as parties and links (policy §7, APPI Art. 27(5)(i)).

original business → client → our company → each sub-contractor. A link that needs consent is
green when a consent hop dated on or before the work's start is recorded, red (with the reason)
when none is, or only a late one. Clicking a link asks to record a consent hop for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

NEUTRAL, OK, LATE, MISSING = "neutral", "ok", "late", "missing"

STYLES = {
    NEUTRAL: "background: #f1f3f4; border: 1px solid #9aa0a6; color: #3c4043;",
    OK: "background: #e6f4ea; border: 2px solid #1e7e34; color: #1e7e34;",
    LATE: "background: #fdecea; border: 2px solid #b3261e; color: #b3261e;",
    MISSING: "background: #fdecea; border: 2px solid #b3261e; color: #b3261e;",
}


@dataclass(frozen=True)
class ChainLink:
    """One link of the chain: who entrusts whom, and whose consent it needs (if anyone's)."""

    key: str  # "original", "client" or "redelegation:<id>"
    from_party: str
    to_party: str
    status: str
    consenting_party: str | None = None  # who must consent to this link
    redelegation_id: int | None = None
    start: date | None = None
    consented_on: date | None = None  # the earliest consent recorded

    @property
    def needs_consent(self) -> bool:
        return self.status != NEUTRAL


def _status(dates: Iterable[date], start: date | None) -> tuple[str, date | None]:
    dates = sorted(dates)
    if not dates:
        return MISSING, None
    if start is not None and any(day <= start for day in dates):
        return OK, min(day for day in dates if day <= start)
    return LATE, dates[0]


def chain_links(
    client_name: str,
    client_is_original: bool,
    original_business: str | None,
    start: date | None,
    company_name: str,
    hops: Sequence[Any],
    redelegations: Sequence[Any],
    contractor_name: Any,
) -> list[ChainLink]:
    """The links of the chain, computed from the hops as the rules do (consent dated on or before the start)."""
    links: list[ChainLink] = []
    if client_is_original:
        links.append(ChainLink("client", client_name, company_name, NEUTRAL, start=start))
    else:
        original = original_business or "?"
        links.append(ChainLink("original", original, client_name, NEUTRAL))
        status, day = _status((hop.consented_on for hop in hops if hop.redelegation_id is None), start)
        links.append(ChainLink("client", client_name, company_name, status, original, None, start, day))
    for redelegation in redelegations:
        status, day = _status(
            (hop.consented_on for hop in hops if hop.redelegation_id == redelegation.id),
            redelegation.start_date,
        )
        links.append(
            ChainLink(
                f"redelegation:{redelegation.id}",
                company_name,
                contractor_name(redelegation),
                status,
                client_name,
                redelegation.id,
                redelegation.start_date,
                day,
            )
        )
    return links


class ConsentChainView(QWidget):
    """Party boxes joined by clickable links; the reasons of red links are listed underneath."""

    link_clicked = Signal(object)  # ChainLink

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        outer = QVBoxLayout(self)
        self.grid_host = QWidget(self)
        self.grid = QGridLayout(self.grid_host)
        self.grid.setHorizontalSpacing(6)
        outer.addWidget(self.grid_host)
        self.reasons = QLabel(self)
        self.reasons.setObjectName("chainReasons")
        self.reasons.setWordWrap(True)
        self.reasons.setStyleSheet("color: #b3261e;")
        outer.addWidget(self.reasons)
        self.links: list[ChainLink] = []
        self.buttons: dict[str, QPushButton] = {}
        self._widgets: list[QWidget] = []
        self.clickable = True

    def _party(self, role: str, name: str) -> QLabel:
        label = QLabel(f"<small>{_escape(role)}</small><br><b>{_escape(name)}</b>", self.grid_host)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setFrameShape(QFrame.Shape.Box)
        label.setMinimumWidth(130)
        label.setWordWrap(True)
        label.setStyleSheet("padding: 6px; background: white; border: 1px solid #5f6368;")
        return label

    def link_text(self, link: ChainLink) -> str:
        if link.status == NEUTRAL:
            return (
                self.tr("→ entrusts\n(no consent needed)") if link.key == "client" else self.tr("→ entrusts")
            )
        if link.status == OK:
            return self.tr("→ consent\n%1").replace(
                "%1", link.consented_on.isoformat() if link.consented_on else ""
            )
        if link.status == LATE:
            return self.tr("→ consent late\n%1").replace(
                "%1", link.consented_on.isoformat() if link.consented_on else ""
            )
        return self.tr("→ no consent")

    def reason(self, link: ChainLink) -> str:
        start = link.start.isoformat() if link.start else "?"
        if link.status == LATE:
            return (
                self.tr("%1 → %2: the consent of %3 (%4) is dated after the start (%5).")
                .replace("%1", link.from_party)
                .replace("%2", link.to_party)
                .replace("%3", link.consenting_party or "?")
                .replace("%4", link.consented_on.isoformat() if link.consented_on else "?")
                .replace("%5", start)
            )
        if link.status == MISSING:
            return (
                self.tr("%1 → %2: no consent of %3 dated on or before the start (%4) is recorded.")
                .replace("%1", link.from_party)
                .replace("%2", link.to_party)
                .replace("%3", link.consenting_party or "?")
                .replace("%4", start)
            )
        return ""

    def set_chain(
        self,
        client_name: str,
        client_is_original: bool,
        original_business: str | None,
        company_name: str,
        links: list[ChainLink],
        clickable: bool = True,
    ) -> None:
        for widget in self._widgets:
            self.grid.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self._widgets.clear()
        self.buttons.clear()
        self.links = links
        self.clickable = clickable
        column = 0
        if not client_is_original:
            self._place(self._party(self.tr("Original business"), original_business or "?"), 0, column)
            column += 1
            self._place(self._link_button(links[0]), 0, column)
            column += 1
        self._place(self._party(self.tr("Client"), client_name or "?"), 0, column)
        column += 1
        client_link = next(link for link in links if link.key == "client")
        self._place(self._link_button(client_link), 0, column)
        column += 1
        self._place(self._party(self.tr("Our company"), company_name), 0, column)
        column += 1
        subs = [link for link in links if link.redelegation_id is not None]
        for row, link in enumerate(subs):
            self._place(self._link_button(link), row, column)
            self._place(self._party(self.tr("Sub-contractor"), link.to_party), row, column + 1)
        if not subs:
            note = QLabel(self.tr("No re-delegation"), self.grid_host)
            note.setStyleSheet("color: #5f6368;")
            self._place(note, 0, column)
        reasons = [self.reason(link) for link in links if link.status in (LATE, MISSING)]
        self.reasons.setText("\n".join(f"● {line}" for line in reasons))
        self.reasons.setVisible(bool(reasons))

    def _place(self, widget: QWidget, row: int, column: int) -> None:
        self.grid.addWidget(widget, row, column, Qt.AlignmentFlag.AlignVCenter)
        widget.show()  # not left to the layout's queued show: the chain is read right after a redraw
        self._widgets.append(widget)

    def _link_button(self, link: ChainLink) -> QPushButton:
        button = QPushButton(self.link_text(link), self.grid_host)
        button.setObjectName(f"link_{link.key.replace(':', '_')}")
        button.setProperty("status", link.status)
        button.setStyleSheet(f"QPushButton {{ {STYLES[link.status]} padding: 4px 8px; border-radius: 4px; }}")
        button.setMinimumWidth(120)
        button.setAutoDefault(False)
        if link.status in (LATE, MISSING):
            button.setToolTip(self.reason(link))
        button.setEnabled(link.needs_consent and self.clickable)
        if link.needs_consent and self.clickable:
            button.setToolTip(
                (button.toolTip() + "\n" if button.toolTip() else "")
                + self.tr("Click to record a consent for this link")
            )
        button.clicked.connect(lambda _checked=False, chosen=link: self.link_clicked.emit(chosen))
        self.buttons[link.key] = button
        return button


def _escape(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
