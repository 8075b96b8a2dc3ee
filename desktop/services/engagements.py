"""Engagements (受託業務): PI work we take on, with its consent chain and re-delegations (policy §7)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.domain.enums import EngagementStatus
from desktop.domain.errors import Message, ValidationError
from desktop.domain.kinds import RecordType
from desktop.domain.schema import CONSENT_HOP, ENGAGEMENT, REDELEGATION, clean_search_text
from desktop.services import attachments, records
from desktop.services.context import ServiceContext
from desktop.services.settings import SettingsService
from desktop.store.models import ConsentHop, Contractor, Engagement, Redelegation


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
                self._check_consent(
                    session,
                    {
                        "client_is_original": engagement.client_is_original,
                        "start_date": engagement.start_date,
                        "status": engagement.status,
                        "original_business_name": engagement.original_business_name,
                    },
                    engagement.id,
                )

    def evidence_status(self, hop_id: int) -> attachments.AttachmentStatus:
        with self.context.read() as session:
            hop = records.load(session, ConsentHop, hop_id, RecordType.CONSENT_HOP)
        return attachments.check(self.context.data_dir, hop.attachment_path, hop.attachment_sha256)

    # Re-delegations ------------------------------------------------------------------------------
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
    def _check_consent(self, session: Session, clean: dict[str, Any], engagement_id: int | None) -> None:
        """Policy §7: work for a client that is not the original business needs its consent first."""
        if clean["status"] != EngagementStatus.ACTIVE.value or clean["client_is_original"]:
            return
        consented = False
        if engagement_id is not None:
            consented = (
                session.scalar(
                    select(ConsentHop.id)
                    .where(
                        ConsentHop.engagement_id == engagement_id,
                        ConsentHop.redelegation_id.is_(None),
                        ConsentHop.consented_on <= clean["start_date"],
                    )
                    .limit(1)
                )
                is not None
            )
        if not consented:
            raise ValidationError(
                {
                    "status": Message(
                        f"当初の取得事業者（{clean.get('original_business_name') or '—'}）の再委託の同意が開始日以前に"
                        "記録されていないため、業務を実施中にできません（方針7）。先に同意を記録してください。",
                        f"The work cannot be set active: no consent of the original business "
                        f"({clean.get('original_business_name') or '—'}) dated on or before the start is recorded "
                        "(policy §7). Record the consent first.",
                    )
                }
            )

    @staticmethod
    def _check_hop(session: Session, clean: dict[str, Any]) -> None:
        engagement = session.get(Engagement, clean["engagement_id"])
        if engagement is None:
            raise ValidationError({"engagement_id": Message("受託業務が存在しません", "no such engagement")})
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
