"""The consent chain of an engagement drawn as parties and links (policy §7, APPI Art. 27(5)(i)).

original business → intermediate clients … → client → our company → each sub-contractor, the parties of
`desktop.domain.consent_chain`. A link that needs consent is green when a consent that counts (given by the
original business or the party it authorised in writing, naming that link) is dated on or before its start,
red (with which consent is missing and whose it must be) when none is, or only a late one. Clicking a link
asks to record a consent for it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.domain.consent_chain import Chain, ConsentRecord, Link, LinkState
from desktop.domain.enums import ChainPartyRole
from desktop.domain.errors import Message
from desktop.ui.language import text

NEUTRAL, OK, LATE, MISSING = (state.value for state in LinkState)

STYLES = {
    NEUTRAL: "background: #f1f3f4; border: 1px solid #9aa0a6; color: #3c4043;",
    OK: "background: #e6f4ea; border: 2px solid #1e7e34; color: #1e7e34;",
    LATE: "background: #fdecea; border: 2px solid #b3261e; color: #b3261e;",
    MISSING: "background: #fdecea; border: 2px solid #b3261e; color: #b3261e;",
}


@dataclass(frozen=True)
class ChainLink:
    """One link as drawn: the chain's link, its state, whose consent it needs and the consents seen."""

    link: Link
    status: str
    consenters: Message  # whose consent the link needs (the original business, or the party it authorised)
    consent: ConsentRecord | None = None  # the consent that counts (the earliest), if any
    not_counted: tuple[tuple[ConsentRecord, Message], ...] = ()

    @property
    def key(self) -> str:
        return self.link.key

    @property
    def needs_consent(self) -> bool:
        return self.link.needs_consent

    @property
    def redelegation_id(self) -> int | None:
        return self.link.redelegation_id

    @property
    def start(self) -> date | None:
        return self.link.start

    @property
    def consented_on(self) -> date | None:
        return self.consent.consented_on if self.consent is not None else None

    @property
    def from_party(self) -> str:
        return self.link.source.name

    @property
    def to_party(self) -> str:
        return self.link.target.name


def chain_links(chain: Chain, consents: Iterable[ConsentRecord]) -> list[ChainLink]:
    """Every link of the chain, judged as the rules judge it (desktop.domain.consent_chain)."""
    verdicts = {verdict.link.key: verdict for verdict in chain.verdicts(consents)}
    links = []
    for link in chain.links:
        verdict = verdicts.get(link.key)
        if verdict is None:
            links.append(ChainLink(link, NEUTRAL, chain.consenters_for(link)))
        else:
            links.append(
                ChainLink(
                    link,
                    verdict.state.value,
                    chain.consenters_for(link),
                    verdict.consent,
                    verdict.not_counted,
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
            return self.tr("→ entrusts\n(no consent needed)")
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
            line = (
                self.tr("%1 → %2: the consent of %3 (%4) is dated after the start (%5).")
                .replace("%1", link.from_party)
                .replace("%2", link.to_party)
                .replace("%3", text(link.consenters))
                .replace("%4", link.consented_on.isoformat() if link.consented_on else "?")
                .replace("%5", start)
            )
        elif link.status == MISSING:
            line = (
                self.tr("%1 → %2: no consent of %3 dated on or before the start (%4) is recorded.")
                .replace("%1", link.from_party)
                .replace("%2", link.to_party)
                .replace("%3", text(link.consenters))
                .replace("%4", start)
            )
        else:
            return ""
        for consent, why in link.not_counted:
            line += " " + (
                self.tr("The consent recorded on %1 does not count: %2.")
                .replace("%1", consent.consented_on.isoformat())
                .replace("%2", text(why))
            )
        return line

    def set_chain(self, chain: Chain, links: list[ChainLink], clickable: bool = True) -> None:
        for widget in self._widgets:
            self.grid.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self._widgets.clear()
        self.buttons.clear()
        self.links = links
        self.clickable = clickable
        by_key = {link.key: link for link in links}
        column = 0
        upstream = [party for party in chain.parties if party.role is not ChainPartyRole.SUBCONTRACTOR]
        for index, party in enumerate(upstream):
            if index:
                between = chain.link(upstream[index - 1].key, party.key)
                if between is not None:
                    self._place(self._link_button(by_key[between.key]), 0, column)
                    column += 1
            self._place(self._party(text(party.role.label), party.name or "?"), 0, column)
            column += 1
        subs = [link for link in links if link.redelegation_id is not None]
        for row, link in enumerate(subs):
            self._place(self._link_button(link), row, column)
            self._place(self._party(text(link.link.target.role.label), link.to_party), row, column + 1)
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
        button.setObjectName("link_" + "".join(c if c.isalnum() else "_" for c in link.key))
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
