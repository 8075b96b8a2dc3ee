"""An engagement's chain of parties and the consents its links need (policy §7; PPC Guidelines 3-4-4).

The chain runs original business → intermediate clients … → client → us → each sub-contractor. Every party
has a key, its identity in a consent record (`given_by`, `link_from`, `link_to`): `original`,
`intermediate:<name>`, `client`, `us`, `redelegation:<id>`. When the client collected the data itself, the
client is the original business and there is no `original` party.

A link needs consent when the entrustment along it is itself a re-delegation: every link on the way to us
after the first (original → A needs none; A → B and B → us do), and each of our re-delegations (us → sub).
A consent counts for a link only if it names that link and was given by the original business, or by a
party the original business authorised in writing to consent (an authorisation of that party dated on or
before the consent: in a longer chain each intermediate may hold one of its own); never by the party the
link entrusts (its own acceptance is no consent).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from desktop.domain.enums import ChainPartyRole
from desktop.domain.errors import Message

ORIGINAL = "original"
CLIENT = "client"
US = "us"
INTERMEDIATE_PREFIX = "intermediate:"
_REDELEGATION = "redelegation:"
KEY_MAX_LENGTH = 250  # "intermediate:" and a name of up to 200 characters


def intermediate_key(name: str) -> str:
    return INTERMEDIATE_PREFIX + name


def redelegation_key(redelegation_id: int) -> str:
    return f"{_REDELEGATION}{redelegation_id}"


def redelegation_of(key: str | None) -> int | None:
    """The re-delegation a sub-contractor's key names, None for any other key."""
    if key is None or not key.startswith(_REDELEGATION):
        return None
    digits = key[len(_REDELEGATION) :]
    return int(digits) if digits.isascii() and digits.isdigit() else None


def normalize_name(name: str | None) -> str:
    """A party's name as compared: NFKC, no spaces, case folded (㈱ and (株) alike, full-width digits too)."""
    return "".join(unicodedata.normalize("NFKC", name or "").split()).casefold()


@dataclass(frozen=True)
class Party:
    key: str
    name: str
    role: ChainPartyRole

    @property
    def title(self) -> Message:
        """The name, or the role where the chain knows no name (当社 / our company in the rules)."""
        role = self.role.label
        return role if self.name in ("", role.ja, role.en) else Message(self.name, self.name)

    @property
    def label(self) -> Message:
        """The name with the party's place in the chain: 株式会社あおぞら生活（当初の取得事業者）."""
        role = self.role.label
        if self.name in ("", role.ja, role.en):
            return role
        return Message(f"{self.name}（{role.ja}）", f"{self.name} ({role.en})")


@dataclass(frozen=True)
class Link:
    """One entrustment of the chain: `source` entrusts `target` from `start`."""

    source: Party
    target: Party
    start: date | None
    needs_consent: bool
    redelegation_id: int | None = None

    @property
    def key(self) -> str:
        return f"{self.source.key}>{self.target.key}"

    @property
    def text(self) -> Message:
        source, target = self.source.title, self.target.title
        return Message(f"{source.ja} → {target.ja}", f"{source.en} → {target.en}")


@dataclass(frozen=True)
class Authority:
    """The original business's written authorisation of a party of the chain to consent on its behalf."""

    party: str | None  # the authorised party's key
    granted_on: date | None
    document: str | None

    @property
    def is_recorded(self) -> bool:
        return bool(self.party and self.granted_on and self.document and self.document.strip())

    def stored(self) -> dict[str, Any]:
        """As an engagement keeps it (its `consent_authorities`, a JSON list): the date as ISO text."""
        return {
            "party": self.party,
            "granted_on": self.granted_on.isoformat() if self.granted_on else None,
            "document": self.document,
        }


def authority_holder(key: str | None, client_name: str | None) -> Message:
    """The party an authorisation names (a chain key: `client`, `intermediate:NAME`) by its name and role."""
    if key == CLIENT:
        role = ChainPartyRole.CLIENT.label
        name = client_name or "?"
        return Message(f"{name}（{role.ja}）", f"{name} ({role.en})")
    if key is not None and key.startswith(INTERMEDIATE_PREFIX):
        role, name = ChainPartyRole.INTERMEDIATE.label, key[len(INTERMEDIATE_PREFIX) :]
        return Message(f"{name}（{role.ja}）", f"{name} ({role.en})")
    return Message(key or "?", key or "?")


def authority_text(authority: Authority, client_name: str | None) -> Message:
    """One authorisation as the registers print it: 株式会社エー（中間の委託元） 2026-04-01付「覚書」."""
    holder = authority_holder(authority.party, client_name)
    day = authority.granted_on.isoformat() if authority.granted_on else "?"
    document = authority.document or ""
    return Message(f"{holder.ja} {day}付「{document}」", f"{holder.en}, {day}, '{document}'")


def _date_of(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def authorities_of(value: Any) -> tuple[Authority, ...]:
    """The authorisations an engagement's `consent_authorities` holds (as stored: dates as ISO text; or as
    cleaned: dates), in the order recorded; anything that is no authorisation is left out."""
    if not isinstance(value, list | tuple):
        return ()
    return tuple(
        Authority(
            str(item["party"]) if item.get("party") else None,
            _date_of(item.get("granted_on")),
            str(item["document"]) if item.get("document") else None,
        )
        for item in value
        if isinstance(item, Mapping)
    )


@dataclass(frozen=True)
class ConsentRecord:
    """What the chain reads of a consent: who gave it, for which link, when."""

    id: int
    given_by: str | None
    link_from: str | None
    link_to: str | None
    consented_on: date
    as_written: str = ""  # the names the record carries as text, for the list of those to complete


class LinkState(StrEnum):
    NEUTRAL = "neutral"  # needs no consent
    OK = "ok"  # a consent that counts, dated on or before the start
    LATE = "late"  # one that counts, but only dated after the start
    MISSING = "missing"  # none that counts


@dataclass(frozen=True)
class LinkVerdict:
    link: Link
    state: LinkState
    consent: ConsentRecord | None  # the consent that counts (the earliest in time, else the earliest)
    not_counted: tuple[tuple[ConsentRecord, Message], ...] = ()  # consents naming the link that do not count


def _day(value: date | None) -> str:
    return f"{value:%Y-%m-%d}" if value else "?"


@dataclass(frozen=True)
class Chain:
    parties: tuple[Party, ...]
    links: tuple[Link, ...]
    original_key: str
    authorities: tuple[Authority, ...] = ()

    def party(self, key: str | None) -> Party | None:
        return next((party for party in self.parties if party.key == key), None)

    def link(self, source: str | None, target: str | None) -> Link | None:
        return next(
            (link for link in self.links if link.source.key == source and link.target.key == target), None
        )

    @property
    def original(self) -> Party:
        party = self.party(self.original_key)
        assert party is not None
        return party

    def authorisations(self, key: str | None) -> list[Authority]:
        """The recorded written authorisations of the original business for the party `key` to consent
        (the client or an intermediate client only), earliest first."""
        party = self.party(key)
        if party is None or party.role not in (ChainPartyRole.INTERMEDIATE, ChainPartyRole.CLIENT):
            return []
        found = [a for a in self.authorities if a.is_recorded and a.party == key]
        return sorted(found, key=lambda a: a.granted_on or date.max)

    @property
    def authorised(self) -> tuple[Party, ...]:
        """The parties with a recorded written authority of the original business to consent, in chain order."""
        return tuple(party for party in self.parties if self.authorisations(party.key))

    @property
    def consenters(self) -> Message:
        """Whose consent the links need: the original business, or a party it authorised."""
        return self.consenters_for(None)

    def consenters_for(self, link: Link | None) -> Message:
        """Whose consent `link` needs: the original business, or a party it authorised in writing — not the
        party the link entrusts (its own acceptance is no consent)."""
        original = self.original.label
        authorised = [party for party in self.authorised if link is None or party.key != link.target.key]
        if not authorised:
            return original
        names_ja = "・".join(party.name for party in authorised)
        names_en = ", ".join(party.name for party in authorised)
        return Message(
            f"{original.ja}または同意の権限を与えられた{names_ja}",
            f"{original.en} or {names_en}, authorised by it to consent",
        )

    def refusal(self, consent: ConsentRecord, link: Link) -> Message | None:
        """Why a consent naming `link` does not count for it (None when it counts; its date aside)."""
        giver = self.party(consent.given_by)
        if giver is None:
            return Message(
                "同意した者が連鎖の当事者として記録されていません", "who gave it is not a party of the chain"
            )
        if giver.key == link.target.key:
            return Message(
                f"{giver.name}は委託を受ける側であり、その承諾は同意になりません",
                f"{giver.name} is the party entrusted: its own acceptance is not consent",
            )
        if giver.key == self.original_key:
            return None
        authorisations = self.authorisations(giver.key)
        if authorisations:
            granted = authorisations[0].granted_on
            if granted is not None and granted <= consent.consented_on:
                return None
            return Message(
                f"{giver.name}の同意の権限（{_day(granted)}付）は同意より後に付与されています",
                f"{giver.name} was authorised to consent only on {_day(granted)}, after the consent",
            )
        return Message(
            f"{giver.name}は当初の取得事業者ではなく、同意の権限を与えられた記録もありません",
            f"{giver.name} is not the original business and has no recorded authority from it to consent",
        )

    def verdicts(self, consents: Iterable[ConsentRecord]) -> list[LinkVerdict]:
        """One verdict per link that needs consent, in chain order."""
        consents = sorted(consents, key=lambda c: (c.consented_on, c.id))
        verdicts = []
        for link in self.links:
            if not link.needs_consent:
                continue
            naming = [c for c in consents if c.link_from == link.source.key and c.link_to == link.target.key]
            counting, not_counted = [], []
            for consent in naming:
                reason = self.refusal(consent, link)
                if reason is None:
                    counting.append(consent)
                else:
                    not_counted.append((consent, reason))
            on_time = [c for c in counting if link.start is None or c.consented_on <= link.start]
            if on_time:
                verdict = LinkVerdict(link, LinkState.OK, on_time[0], tuple(not_counted))
            elif counting:
                verdict = LinkVerdict(link, LinkState.LATE, counting[0], tuple(not_counted))
            else:
                verdict = LinkVerdict(link, LinkState.MISSING, None, tuple(not_counted))
            verdicts.append(verdict)
        return verdicts

    def incomplete(self, consents: Iterable[ConsentRecord]) -> list[ConsentRecord]:
        """Consents whose giver or link is not recorded, or names no party or link of this chain."""
        return [
            consent
            for consent in consents
            if self.party(consent.given_by) is None or self.link(consent.link_from, consent.link_to) is None
        ]

    def matching(self, text: str) -> list[Party]:
        """The parties a word names: a key (original, client, us, intermediate:NAME, redelegation:ID), a
        role's label (当社, 委託元), or a party's name."""
        wanted = text.strip()
        by_key = [party for party in self.parties if party.key == wanted]
        if by_key:
            return by_key
        name = normalize_name(wanted)
        by_role = [
            party
            for party in self.parties
            if name in (normalize_name(party.role.label.ja), normalize_name(party.role.label.en))
            and party.role is not ChainPartyRole.SUBCONTRACTOR
            and party.role is not ChainPartyRole.INTERMEDIATE
        ]
        if by_role:
            return by_role
        return [party for party in self.parties if normalize_name(party.name) == name]


@dataclass(frozen=True)
class SubContractor:
    redelegation_id: int
    name: str
    start: date | None


def build_chain(
    client_name: str,
    client_is_original: bool,
    original_business_name: str | None,
    intermediate_clients: Sequence[str] | None,
    start: date | None,
    company_name: str,
    subcontractors: Iterable[SubContractor] = (),
    authorities: Iterable[Authority] = (),
) -> Chain:
    """The chain of an engagement as its fields describe it."""
    upstream: list[Party] = []
    if not client_is_original:
        upstream.append(Party(ORIGINAL, original_business_name or "?", ChainPartyRole.ORIGINAL))
        upstream.extend(
            Party(intermediate_key(name), name, ChainPartyRole.INTERMEDIATE)
            for name in intermediate_clients or ()
        )
    upstream.append(Party(CLIENT, client_name, ChainPartyRole.CLIENT))
    us = Party(US, company_name, ChainPartyRole.US)
    path = [*upstream, us]
    links = [
        Link(source, target, start, needs_consent=index > 0)
        for index, (source, target) in enumerate(zip(path, path[1:], strict=False))
    ]
    parties = list(path)
    for sub in subcontractors:
        party = Party(redelegation_key(sub.redelegation_id), sub.name, ChainPartyRole.SUBCONTRACTOR)
        parties.append(party)
        links.append(Link(us, party, sub.start, needs_consent=True, redelegation_id=sub.redelegation_id))
    return Chain(
        tuple(parties), tuple(links), ORIGINAL if not client_is_original else CLIENT, tuple(authorities)
    )


def infer_party(chain: Chain, name: str | None, *, company_names: Sequence[str] = ()) -> Party | None:
    """The one party a name written as text stands for (an old consent's from_party/to_party), or None."""
    wanted = normalize_name(name)
    if not wanted:
        return None
    ours = {normalize_name(word) for word in (*company_names, "当社", "弊社")}
    if wanted in ours:
        return chain.party(US)
    found = [party for party in chain.parties if normalize_name(party.name) == wanted]
    return found[0] if len(found) == 1 else None


def chain_of(
    engagement: Mapping[str, Any], subcontractors: Iterable[SubContractor], company_name: str = ""
) -> Chain:
    """The chain of an engagement given by its fields (as the schema names them: a form's values or a
    record's), its re-delegations' sub-contractors and our company's name."""
    start = engagement.get("start_date")
    return build_chain(
        str(engagement.get("client_name") or "?"),
        bool(engagement.get("client_is_original")),
        engagement.get("original_business_name"),
        engagement.get("intermediate_clients") or (),
        start if isinstance(start, date) else None,
        company_name,
        subcontractors,
        authorities_of(engagement.get("consent_authorities")),
    )


def consent_of(hop: Any) -> ConsentRecord:
    """What the chain reads of a stored consent (any object with the consent's fields)."""
    return ConsentRecord(
        hop.id,
        hop.given_by,
        hop.link_from,
        hop.link_to,
        hop.consented_on,
        f"{hop.from_party} → {hop.to_party}",
    )
