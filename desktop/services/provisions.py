"""Third-party provision records (第三者提供記録, APPI Art. 29; policy §3(7), §5) and receipt confirmation
records (確認記録, APPI Art. 30), with their audit trail and versions. A record is kept until its retention
ends (desktop.domain.retention: Enforcement Rules Art. 21, 25); a deletion before then is refused."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain import retention
from desktop.domain.errors import Message, RetentionError, ValidationError
from desktop.domain.kinds import RecordType
from desktop.domain.schema import PROVISION, RECEIPT, clean_search_text
from desktop.services import records
from desktop.services.context import ServiceContext
from desktop.store.models import Contractor, OptOut, Provision, Receipt


@dataclass(frozen=True)
class ProvisionRow:
    id: int
    provided_on: date | None
    period_from: date | None
    period_to: date | None
    first_day: date | None
    last_day: date | None
    recipient_name: str
    recipient_address: str | None
    recipient_representative: str | None
    contractor_id: int | None
    contractor_name: str | None
    persons: str | None
    pi_items: tuple[str, ...]
    basis: str | None
    exemption: str | None
    opt_out_id: int | None
    opt_out_title: str | None
    method: str | None
    record_form: str | None
    retention_end: date | None
    version: int
    recipient_is_corporation: bool = True
    person_references: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class ReceiptRow:
    id: int
    received_on: date | None
    period_from: date | None
    period_to: date | None
    first_day: date | None
    last_day: date | None
    provider_name: str
    provider_address: str | None
    provider_representative: str | None
    acquisition_confirmation: str | None
    confirmed_on: date | None
    confirmation_method: str | None
    persons: str | None
    pi_items: tuple[str, ...]
    record_form: str | None
    retention_end: date | None
    version: int
    provider_is_corporation: bool = True
    notes: str | None = None


def provision_retention_end(provision: Provision) -> date | None:
    last = retention.last_day(provision.provided_on, provision.period_from, provision.period_to)
    return retention.retention_end(last, provision.record_form)


def receipt_retention_end(receipt: Receipt) -> date | None:
    last = retention.last_day(receipt.received_on, receipt.period_from, receipt.period_to)
    return retention.retention_end(last, receipt.record_form)


def _refuse_before_retention_end(end: date | None, today: date, what: Message) -> None:
    if end is None:
        raise RetentionError(
            Message(
                f"この{what.ja}は提供・受領が継続中（期間の終了日が未入力）のため、保存期間が終了しておらず削除できません。",
                f"This {what.en.lower()} covers a provision or receipt still going on (no end of its period), "
                "so its retention has not ended and it cannot be deleted.",
            )
        )
    if today <= end:
        raise RetentionError(
            Message(
                f"この{what.ja}の保存期間は{end:%Y-%m-%d}まで（施行規則第21条・第25条）のため、削除できません。"
                f"{end:%Y-%m-%d}の翌日以降に削除できます。",
                f"This {what.en.lower()} must be kept until {end:%Y-%m-%d} (Enforcement Rules Art. 21, 25), "
                "so it cannot be deleted before then.",
            )
        )


def _check_provision_links(session: Session, clean: dict[str, Any]) -> None:
    errors: dict[str, Message] = {}
    contractor_id = clean.get("contractor_id")
    if contractor_id is not None and session.get(Contractor, contractor_id) is None:
        errors["contractor_id"] = Message(
            f"委託先 #{contractor_id} は存在しません", f"there is no contractor #{contractor_id}"
        )
    opt_out_id = clean.get("opt_out_id")
    if opt_out_id is not None and session.get(OptOut, opt_out_id) is None:
        errors["opt_out_id"] = Message(
            f"オプトアウトによる第三者提供 #{opt_out_id} は存在しません",
            f"there is no opt-out provision #{opt_out_id}",
        )
    if errors:
        raise ValidationError(errors)


class ProvisionService:
    """第三者提供記録: each provision of personal data to a third party (APPI Art. 29)."""

    def __init__(self, context: ServiceContext):
        self.context = context

    def list(
        self,
        text: str | None = None,
        contractor_id: int | None = None,
        basis: str | None = None,
    ) -> list[ProvisionRow]:
        text = clean_search_text(text)
        query = (
            select(Provision, Contractor.name, OptOut.title)
            .outerjoin(Contractor, Contractor.id == Provision.contractor_id)
            .outerjoin(OptOut, OptOut.id == Provision.opt_out_id)
            .order_by(Provision.provided_on.desc(), Provision.period_from.desc(), Provision.id)
        )
        if contractor_id is not None:
            query = query.where(Provision.contractor_id == contractor_id)
        if basis is not None:
            query = query.where(Provision.basis == basis)
        if text:
            query = query.where(
                Provision.recipient_name.contains(text, autoescape=True)
                | Provision.persons.contains(text, autoescape=True)
                | Provision.person_references.contains(text, autoescape=True)
            )
        with self.context.read() as session:
            return [
                ProvisionRow(
                    p.id,
                    p.provided_on,
                    p.period_from,
                    p.period_to,
                    retention.first_day(p.provided_on, p.period_from),
                    retention.last_day(p.provided_on, p.period_from, p.period_to),
                    p.recipient_name,
                    p.recipient_address,
                    p.recipient_representative,
                    p.contractor_id,
                    contractor_name,
                    p.persons,
                    tuple(p.pi_items or ()),
                    p.basis,
                    p.exemption,
                    p.opt_out_id,
                    opt_out_title,
                    p.method,
                    p.record_form,
                    provision_retention_end(p),
                    p.version,
                    p.recipient_is_corporation,
                    p.person_references,
                    p.notes,
                )
                for p, contractor_name, opt_out_title in session.execute(query)
            ]

    def get(self, provision_id: int) -> Provision:
        with self.context.read() as session:
            return records.load(session, Provision, provision_id, RecordType.PROVISION)

    def create(self, data: dict[str, Any]) -> Provision:
        with self.context.write() as session:
            return records.create(
                session,
                self.context,
                Provision,
                PROVISION,
                data,
                check=lambda clean: _check_provision_links(session, clean),
            )

    def update(self, provision_id: int, changes: dict[str, Any], expected_version: int | None) -> Provision:
        with self.context.write() as session:
            provision = records.load(session, Provision, provision_id, RecordType.PROVISION)
            return records.update(
                session,
                self.context,
                provision,
                PROVISION,
                changes,
                expected_version,
                check=lambda clean: _check_provision_links(session, clean),
            )

    def delete(self, provision_id: int, expected_version: int | None) -> None:
        """Delete a record whose retention has ended; before then a RetentionError names the end."""
        with self.context.write() as session:
            provision = records.load(session, Provision, provision_id, RecordType.PROVISION)
            _refuse_before_retention_end(
                provision_retention_end(provision), self.context.today(), PROVISION.label
            )
            records.delete(session, self.context, provision, PROVISION, expected_version)


class ReceiptService:
    """確認記録: each receipt of personal data from a third party, with the confirmation (APPI Art. 30)."""

    def __init__(self, context: ServiceContext):
        self.context = context

    def list(self, text: str | None = None) -> list[ReceiptRow]:
        text = clean_search_text(text)
        query = select(Receipt).order_by(Receipt.received_on.desc(), Receipt.period_from.desc(), Receipt.id)
        if text:
            query = query.where(
                Receipt.provider_name.contains(text, autoescape=True)
                | Receipt.persons.contains(text, autoescape=True)
            )
        with self.context.read() as session:
            return [
                ReceiptRow(
                    r.id,
                    r.received_on,
                    r.period_from,
                    r.period_to,
                    retention.first_day(r.received_on, r.period_from),
                    retention.last_day(r.received_on, r.period_from, r.period_to),
                    r.provider_name,
                    r.provider_address,
                    r.provider_representative,
                    r.acquisition_confirmation,
                    r.confirmed_on,
                    r.confirmation_method,
                    r.persons,
                    tuple(r.pi_items or ()),
                    r.record_form,
                    receipt_retention_end(r),
                    r.version,
                    r.provider_is_corporation,
                    r.notes,
                )
                for r in session.scalars(query)
            ]

    def get(self, receipt_id: int) -> Receipt:
        with self.context.read() as session:
            return records.load(session, Receipt, receipt_id, RecordType.RECEIPT)

    def create(self, data: dict[str, Any]) -> Receipt:
        with self.context.write() as session:
            return records.create(session, self.context, Receipt, RECEIPT, data)

    def update(self, receipt_id: int, changes: dict[str, Any], expected_version: int | None) -> Receipt:
        with self.context.write() as session:
            receipt = records.load(session, Receipt, receipt_id, RecordType.RECEIPT)
            return records.update(session, self.context, receipt, RECEIPT, changes, expected_version)

    def delete(self, receipt_id: int, expected_version: int | None) -> None:
        """Delete a record whose retention has ended; before then a RetentionError names the end."""
        with self.context.write() as session:
            receipt = records.load(session, Receipt, receipt_id, RecordType.RECEIPT)
            _refuse_before_retention_end(receipt_retention_end(receipt), self.context.today(), RECEIPT.label)
            records.delete(session, self.context, receipt, RECEIPT, expected_version)
