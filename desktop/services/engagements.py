"""Engagements (受託業務): PI work we take on, with its consent chain and re-delegations (policy §7)."""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.domain.consent_chain import (
    Chain,
    LinkState,
    Party,
    SubContractor,
    chain_of,
    consent_of,
    redelegation_key,
    redelegation_of,
)
from desktop.domain.enums import EngagementStatus
from desktop.domain.errors import Message, ValidationError
from desktop.domain.kinds import RecordType
from desktop.domain.schema import CONSENT_HOP, ENGAGEMENT, REDELEGATION, clean_search_text
from desktop.services import attachments, records
from desktop.services.context import ServiceContext
from desktop.services.settings import SettingsService
from desktop.store.models import CompanyProfile, ConsentHop, Contractor, Engagement, Redelegation


@dataclass(frozen=True)
class EngagementRow:
    id: int
    client_name: str
    client_is_original: bool
    original_business_name: str | None
    work: str
    start_date: date
    end_date: date | None
    status: str
    hop_count: int
    redelegation_count: int
    version: int


@dataclass(frozen=True)
class RedelegationRow:
    """A part of an engagement re-delegated, with whose engagement and to which contractor (`redelegation list`)."""

    id: int
    engagement_id: int
    client_name: str
    contractor_id: int
    contractor_name: str
    work: str | None
    start_date: date
    end_date: date | None
    version: int


class EngagementService:
    def __init__(self, context: ServiceContext, settings: SettingsService):
        self.context = context
        self.settings = settings

    def list(self, text: str | None = None, status: str | None = None) -> list[EngagementRow]:
        text = clean_search_text(text)
        query = (
            select(Engagement)
            .options(selectinload(Engagement.consent_hops), selectinload(Engagement.redelegations))
            .order_by(Engagement.start_date.desc(), Engagement.id)
        )
        if text:
            needle = text.strip()
            query = query.where(
                Engagement.client_name.contains(needle, autoescape=True)
                | Engagement.work.contains(needle, autoescape=True)
                | Engagement.original_business_name.contains(needle, autoescape=True)
            )
        if status:
            query = query.where(Engagement.status == status)
        with self.context.read() as session:
            return [
                EngagementRow(
                    e.id,
                    e.client_name,
                    e.client_is_original,
                    e.original_business_name,
                    e.work,
                    e.start_date,
                    e.end_date,
                    e.status,
                    len(e.consent_hops),
                    len(e.redelegations),
                    e.version,
                )
                for e in session.scalars(query)
            ]

    def get(self, engagement_id: int) -> Engagement:
        """The engagement with its hops and re-delegations (and their contractors) loaded."""
        with self.context.read() as session:
            engagement = session.scalar(
                select(Engagement)
                .where(Engagement.id == engagement_id)
                .options(
                    selectinload(Engagement.consent_hops),
                    selectinload(Engagement.redelegations).selectinload(Redelegation.contractor),
                )
            )
            if engagement is None:
                records.load(session, Engagement, engagement_id, RecordType.ENGAGEMENT)
            assert engagement is not None
            return engagement

    def create(self, data: dict[str, Any]) -> Engagement:
        with self.context.write() as session:
            return records.create(
                session,
                self.context,
                Engagement,
                ENGAGEMENT,
                data,
                check=lambda clean: self._check_consent(session, clean, None),
            )

    def update(self, engagement_id: int, changes: dict[str, Any], expected_version: int | None) -> Engagement:
        with self.context.write() as session:
            engagement = records.load(session, Engagement, engagement_id, RecordType.ENGAGEMENT)
            return records.update(
                session,
                self.context,
                engagement,
                ENGAGEMENT,
                changes,
                expected_version,
                check=lambda clean: self._check_consent(session, clean, engagement_id),
            )

    def delete(self, engagement_id: int, expected_version: int | None) -> None:
        with self.context.write() as session:
            engagement = records.load(session, Engagement, engagement_id, RecordType.ENGAGEMENT)
            for hop in list(engagement.consent_hops):
                records.delete(session, self.context, hop, CONSENT_HOP, None)
            for redelegation in list(engagement.redelegations):
                records.delete(session, self.context, redelegation, REDELEGATION, None)
            records.delete(session, self.context, engagement, ENGAGEMENT, expected_version)

    # Consent hops -------------------------------------------------------------------------------
    def add_consent_hop(self, data: dict[str, Any], evidence: Path | None = None) -> ConsentHop:
        extra = self._store(evidence)
        with self.context.write() as session:
            return records.create(
                session,
                self.context,
                ConsentHop,
                CONSENT_HOP,
                data,
                extra=extra,
                check=lambda clean: self._check_hop(session, clean),
            )

    def update_consent_hop(
        self, hop_id: int, changes: dict[str, Any], expected_version: int | None, evidence: Path | None = None
    ) -> ConsentHop:
        extra = self._store(evidence)
        with self.context.write() as session:
            hop = records.load(session, ConsentHop, hop_id, RecordType.CONSENT_HOP)
            return records.update(
                session,
                self.context,
                hop,
                CONSENT_HOP,
                changes,
                expected_version,
                extra=extra,
                check=lambda clean: self._check_hop(session, clean),
            )

    def delete_consent_hop(self, hop_id: int, expected_version: int | None) -> None:
        with self.context.write() as session:
            hop = records.load(session, ConsentHop, hop_id, RecordType.CONSENT_HOP)
            engagement = session.get(Engagement, hop.engagement_id)
            records.delete(session, self.context, hop, CONSENT_HOP, expected_version)
            if engagement is not None and engagement.status == EngagementStatus.ACTIVE.value:
                session.flush()
                self._check_consent(session, records.snapshot(engagement, ENGAGEMENT), engagement.id)

    def consent_hop(self, hop_id: int) -> ConsentHop:
        with self.context.read() as session:
            return records.load(session, ConsentHop, hop_id, RecordType.CONSENT_HOP)

    def evidence_status(self, hop_id: int) -> attachments.AttachmentStatus:
        with self.context.read() as session:
            hop = records.load(session, ConsentHop, hop_id, RecordType.CONSENT_HOP)
        return attachments.check(self.context.data_dir, hop.attachment_path, hop.attachment_sha256)

    # Re-delegations ------------------------------------------------------------------------------
    def redelegations(self, contractor_id: int | None = None) -> builtins.list[RedelegationRow]:
        """Every re-delegation (or one contractor's), by id."""
        with self.context.read() as session:
            query = (
                select(
                    Redelegation.id,
                    Redelegation.engagement_id,
                    Engagement.client_name,
                    Redelegation.contractor_id,
                    Contractor.name.label("contractor_name"),
                    Redelegation.work,
                    Redelegation.start_date,
                    Redelegation.end_date,
                    Redelegation.version,
                )
                .join(Engagement, Engagement.id == Redelegation.engagement_id)
                .join(Contractor, Contractor.id == Redelegation.contractor_id)
                .order_by(Redelegation.id)
            )
            if contractor_id is not None:
                query = query.where(Redelegation.contractor_id == contractor_id)
            return [RedelegationRow(**row._mapping) for row in session.execute(query)]

    def redelegation(self, redelegation_id: int) -> Redelegation:
        with self.context.read() as session:
            return records.load(session, Redelegation, redelegation_id, RecordType.REDELEGATION)

    def add_redelegation(self, data: dict[str, Any]) -> Redelegation:
        with self.context.write() as session:
            return records.create(
                session,
                self.context,
                Redelegation,
                REDELEGATION,
                data,
                check=lambda clean: self._check_redelegation(session, clean),
            )

    def update_redelegation(
        self, redelegation_id: int, changes: dict[str, Any], expected_version: int | None
    ) -> Redelegation:
        with self.context.write() as session:
            redelegation = records.load(session, Redelegation, redelegation_id, RecordType.REDELEGATION)
            return records.update(
                session,
                self.context,
                redelegation,
                REDELEGATION,
                changes,
                expected_version,
                check=lambda clean: self._check_redelegation(session, clean),
            )

    def delete_redelegation(self, redelegation_id: int, expected_version: int | None) -> None:
        with self.context.write() as session:
            redelegation = records.load(session, Redelegation, redelegation_id, RecordType.REDELEGATION)
            for hop in session.scalars(
                select(ConsentHop).where(ConsentHop.redelegation_id == redelegation_id)
            ):
                records.delete(session, self.context, hop, CONSENT_HOP, None)
            records.delete(session, self.context, redelegation, REDELEGATION, expected_version)

    # Checks ----------------------------------------------------------------------------------------
    def chain(self, engagement_id: int) -> Chain:
        """The engagement's chain of parties as saved (desktop.domain.consent_chain)."""
        with self.context.read() as session:
            engagement = records.load(session, Engagement, engagement_id, RecordType.ENGAGEMENT)
            return self._chain(session, records.snapshot(engagement, ENGAGEMENT), engagement_id)

    @staticmethod
    def _chain(session: Session, values: dict[str, Any], engagement_id: int | None) -> Chain:
        company = session.scalar(select(CompanyProfile.name).order_by(CompanyProfile.id).limit(1))
        subcontractors: list[SubContractor] = []
        if engagement_id is not None:
            subcontractors = [
                SubContractor(redelegation_id, name, start)
                for redelegation_id, name, start in session.execute(
                    select(Redelegation.id, Contractor.name, Redelegation.start_date)
                    .join(Contractor, Contractor.id == Redelegation.contractor_id)
                    .where(Redelegation.engagement_id == engagement_id)
                    .order_by(Redelegation.start_date, Redelegation.id)
                )
            ]
        return chain_of(values, subcontractors, company or "")

    def _check_consent(self, session: Session, clean: dict[str, Any], engagement_id: int | None) -> None:
        """Policy §7: work for a client that is not the original business needs, before it starts, a consent
        that counts for every link on the way to us (given by the original business or the party it
        authorised, naming that link)."""
        if clean["status"] != EngagementStatus.ACTIVE.value or clean["client_is_original"]:
            return
        chain = self._chain(session, clean, engagement_id)
        consents = []
        if engagement_id is not None:
            consents = [
                consent_of(hop)
                for hop in session.scalars(
                    select(ConsentHop).where(
                        ConsentHop.engagement_id == engagement_id, ConsentHop.redelegation_id.is_(None)
                    )
                )
            ]
        missing = [
            verdict.link.text
            for verdict in chain.verdicts(consents)
            if verdict.link.redelegation_id is None and verdict.state is not LinkState.OK
        ]
        if missing:
            whose = chain.consenters
            raise ValidationError(
                {
                    "status": Message(
                        f"{whose.ja}の同意が開始日以前に記録されていない委託（{'、'.join(m.ja for m in missing)}）"
                        "があるため、業務を実施中にできません（方針7）。先に同意を記録してください。",
                        f"The work cannot be set active: no consent of {whose.en} dated on or before the start "
                        f"is recorded for {', '.join(m.en for m in missing)} (policy §7). Record the consent first.",
                    )
                }
            )

    def _check_hop(self, session: Session, clean: dict[str, Any]) -> None:
        """The consent names its giver and its link among the chain's parties (keys, or for callers that
        name them as text, `from_party` / `to_party` resolved to the one party they name)."""
        engagement = session.get(Engagement, clean["engagement_id"])
        if engagement is None:
            raise ValidationError({"engagement_id": Message("受託業務が存在しません", "no such engagement")})
        chain = self._chain(session, records.snapshot(engagement, ENGAGEMENT), engagement.id)
        if clean.get("redelegation_id") is not None:
            redelegation = session.get(Redelegation, clean["redelegation_id"])
            if redelegation is None or redelegation.engagement_id != engagement.id:
                raise ValidationError(
                    {
                        "redelegation_id": Message(
                            "この受託業務の再委託ではありません", "not a re-delegation of this engagement"
                        )
                    }
                )
        giver = self._party(chain, clean, "given_by", "from_party")
        named_source = self._party(chain, clean, "link_from", None) if clean.get("link_from") else None
        if clean.get("link_to"):
            target = self._party(chain, clean, "link_to", "to_party")
        elif clean.get("redelegation_id") is not None:
            found = chain.party(redelegation_key(clean["redelegation_id"]))
            assert found is not None
            target = found
        else:
            target = self._party(chain, clean, "link_to", "to_party")
        if named_source is not None:
            source = named_source
        else:
            into = next((link for link in chain.links if link.target.key == target.key), None)
            if into is None:
                raise ValidationError({"link_to": _not_a_link(chain, target.name)})
            source = into.source
        link = chain.link(source.key, target.key)
        if link is None:
            raise ValidationError({"link_to": _not_a_link(chain, f"{source.name} → {target.name}")})
        if not link.needs_consent:
            raise ValidationError(
                {
                    "link_to": Message(
                        f"{source.name} → {target.name} は当初の取得事業者からの委託であり、同意は不要です",
                        f"{source.name} → {target.name} is the original business's own entrustment: no consent "
                        "is needed",
                    )
                }
            )
        redelegation_id = redelegation_of(target.key)
        if clean.get("redelegation_id") is not None and clean["redelegation_id"] != redelegation_id:
            raise ValidationError(
                {
                    "redelegation_id": Message(
                        "対象の再委託と同意の対象の委託が一致しません",
                        "the re-delegation does not match the link the consent covers",
                    )
                }
            )
        clean.update(
            given_by=giver.key,
            link_from=source.key,
            link_to=target.key,
            redelegation_id=redelegation_id,
            from_party=giver.name[:200],
            to_party=target.name[:200],
        )

    @staticmethod
    def _party(chain: Chain, clean: dict[str, Any], key_field: str, name_field: str | None) -> Party:
        """The party a consent's key field names, or (when no key is given) the one its name field names."""
        key = clean.get(key_field)
        if key:
            party = chain.party(key)
            if party is None:
                raise ValidationError({key_field: _not_a_party(chain, key_field, key)})
            return party
        name = clean.get(name_field) if name_field else None
        if not name:
            field = CONSENT_HOP.field(key_field)
            raise ValidationError(
                {
                    key_field: Message(
                        f"{field.ja}: 連鎖の当事者から選んでください",
                        f"{field.en}: choose a party of the chain",
                    )
                }
            )
        found = chain.matching(name)
        if len(found) != 1:
            assert name_field is not None
            raise ValidationError({name_field: _not_a_party(chain, name_field, name)})
        return found[0]

    @staticmethod
    def _check_redelegation(session: Session, clean: dict[str, Any]) -> None:
        if session.get(Engagement, clean["engagement_id"]) is None:
            raise ValidationError({"engagement_id": Message("受託業務が存在しません", "no such engagement")})
        if session.get(Contractor, clean["contractor_id"]) is None:
            raise ValidationError({"contractor_id": Message("委託先が存在しません", "no such contractor")})

    def _store(self, evidence: Path | None) -> dict[str, Any]:
        if evidence is None:
            return {}
        stored = attachments.store_file(
            evidence, self.context.data_dir, int(self.settings.get("attachment_max_bytes")), field="evidence"
        )
        return {
            "attachment_name": stored.name,
            "attachment_path": stored.path,
            "attachment_sha256": stored.sha256,
            "attachment_size": stored.size,
        }


def _choices(chain: Chain) -> str:
    return ", ".join(f"{party.key} ({party.name})" for party in chain.parties)


def _not_a_party(chain: Chain, field_name: str, value: str) -> Message:
    field = CONSENT_HOP.field(field_name)
    return Message(
        f"{field.ja}: 「{value}」はこの受託業務の連鎖の当事者ではありません（{_choices(chain)}）",
        f"{field.en}: '{value}' is not a party of this engagement's chain ({_choices(chain)})",
    )


def _not_a_link(chain: Chain, what: str) -> Message:
    links = ", ".join(f"{link.source.key} → {link.target.key}" for link in chain.links if link.needs_consent)
    return Message(
        f"委託を受ける者: {what} はこの受託業務の連鎖の委託ではありません（同意が必要な委託: {links}）",
        f"Link to (entrusted): {what} is not a link of this engagement's chain (links needing consent: {links})",
    )
