"""Contractors (委託先): register, edit, end, delete; the register queries the window pages through."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select

from desktop.domain.errors import DependencyError, Message, ValidationError
from desktop.domain.facts import handles_pi
from desktop.domain.kinds import RecordType
from desktop.domain.schema import CONTRACTOR, clean_search_text
from desktop.services import records
from desktop.services.context import ServiceContext
from desktop.store.models import (
    Contract,
    Contractor,
    CorrectiveAction,
    Evaluation,
    Incident,
    Provision,
    Redelegation,
)
from desktop.store.queries import contractor_search


@dataclass(frozen=True)
class ContractorRow:
    """One line of the contractor register."""

    id: int
    name: str
    kana: str | None
    corporate_number: str | None
    status: str
    entrusted_work: str | None
    country: str
    start_date: date | None
    version: int


SORTABLE = {
    "id": Contractor.id,
    "name": Contractor.name,
    "kana": Contractor.kana,
    "corporate_number": Contractor.corporate_number,
    "status": Contractor.status,
    "entrusted_work": Contractor.entrusted_work,
    "country": Contractor.country,
    "start_date": Contractor.start_date,
}


class ContractorService:
    def __init__(self, context: ServiceContext):
        self.context = context

    def search(
        self,
        text: str | None = None,
        status: str | None = None,
        order_by: str = "name",
        descending: bool = False,
        offset: int = 0,
        limit: int | None = None,
    ) -> list[ContractorRow]:
        text = clean_search_text(text)  # before any query: a 16,000-character pattern only costs time
        column: Any = SORTABLE.get(order_by, Contractor.name)
        ordering = [column.desc() if descending else column.asc(), Contractor.id.asc()]
        if order_by == "kana":  # as the PDF registers: contractors without a フリガナ last, then by name
            name = Contractor.name.desc() if descending else Contractor.name.asc()
            ordering = [Contractor.kana.is_(None), ordering[0], name, Contractor.id.asc()]
        query = (
            select(
                Contractor.id,
                Contractor.name,
                Contractor.kana,
                Contractor.corporate_number,
                Contractor.status,
                Contractor.entrusted_work,
                Contractor.country,
                Contractor.start_date,
                Contractor.version,
            )
            .where(*contractor_search.conditions(text, status))
            .order_by(*ordering)
            .offset(offset)
        )
        if limit is not None:
            query = query.limit(limit)
        with self.context.read() as session:
            query = query.where(*contractor_search.narrowing(session, text))
            return [ContractorRow(*row) for row in session.execute(query)]

    def count(self, text: str | None = None, status: str | None = None) -> int:
        text = clean_search_text(text)
        query = select(func.count(Contractor.id)).where(*contractor_search.conditions(text, status))
        with self.context.read() as session:
            query = query.where(*contractor_search.narrowing(session, text))
            return int(session.scalar(query) or 0)

    def get(self, contractor_id: int) -> Contractor:
        with self.context.read() as session:
            return records.load(session, Contractor, contractor_id, RecordType.CONTRACTOR)

    def names(self) -> list[tuple[int, str]]:
        with self.context.read() as session:
            return [
                (row.id, row.name)
                for row in session.execute(
                    select(Contractor.id, Contractor.name).order_by(Contractor.name, Contractor.id)
                )
            ]

    def find_by_corporate_number(self, corporate_number: str) -> Contractor | None:
        with self.context.read() as session:
            return session.scalar(select(Contractor).where(Contractor.corporate_number == corporate_number))

    def create(self, data: dict[str, Any]) -> Contractor:
        with self.context.write() as session:
            return records.create(
                session,
                self.context,
                Contractor,
                CONTRACTOR,
                data,
                check=lambda clean: self._check_unique(session, clean, None),
            )

    def update(self, contractor_id: int, changes: dict[str, Any], expected_version: int | None) -> Contractor:
        with self.context.write() as session:
            contractor = records.load(session, Contractor, contractor_id, RecordType.CONTRACTOR)
            return records.update(
                session,
                self.context,
                contractor,
                CONTRACTOR,
                changes,
                expected_version,
                check=lambda clean: self._check_unique(session, clean, contractor_id),
            )

    def delete(self, contractor_id: int, expected_version: int | None) -> None:
        with self.context.write() as session:
            contractor = records.load(session, Contractor, contractor_id, RecordType.CONTRACTOR)
            dependants = {
                RecordType.EVALUATION: session.scalar(
                    select(func.count()).where(Evaluation.contractor_id == contractor_id)
                ),
                RecordType.CONTRACT: session.scalar(
                    select(func.count()).where(Contract.contractor_id == contractor_id)
                ),
                RecordType.REDELEGATION: session.scalar(
                    select(func.count()).where(Redelegation.contractor_id == contractor_id)
                ),
            }
            corrective = session.scalar(
                select(func.count()).where(
                    CorrectiveAction.record_type == RecordType.CONTRACTOR.value,
                    CorrectiveAction.record_id == contractor_id,
                )
            )
            if corrective:  # a record of the audit trail's kind: never deleted with the contractor
                raise DependencyError(
                    Message(
                        f"「{contractor.name}」には是正処置 {corrective} 件が記録されているため削除できません。"
                        "委託を終了する場合は状態を「終了」にしてください。",
                        f"'{contractor.name}' has {corrective} corrective action(s), so it cannot be deleted. "
                        "Set its status to 'ended' instead.",
                    )
                )
            provisions = session.scalar(select(func.count()).where(Provision.contractor_id == contractor_id))
            if provisions:  # 第三者提供記録 are kept until their retention ends (APPI Art. 29(2))
                raise DependencyError(
                    Message(
                        f"「{contractor.name}」への第三者提供記録が {provisions} 件あるため削除できません。"
                        "委託を終了する場合は状態を「終了」にしてください。",
                        f"'{contractor.name}' has {provisions} third-party provision record(s), so it cannot be "
                        "deleted. Set its status to 'ended' instead.",
                    )
                )
            incidents = session.scalar(select(func.count()).where(Incident.contractor_id == contractor_id))
            if incidents:  # the record of an incident (APPI Art. 26) outlives the contractor's
                raise DependencyError(
                    Message(
                        f"「{contractor.name}」には事故（漏えい等の事案）{incidents} 件が記録されているため削除できません。"
                        "委託を終了する場合は状態を「終了」にしてください。",
                        f"'{contractor.name}' has {incidents} incident(s), so it cannot be deleted. "
                        "Set its status to 'ended' instead.",
                    )
                )
            if any(dependants.values()):
                raise DependencyError(
                    Message(
                        f"「{contractor.name}」には評価 {dependants[RecordType.EVALUATION]} 件、契約 {dependants[RecordType.CONTRACT]} 件、"
                        f"再委託 {dependants[RecordType.REDELEGATION]} 件が登録されているため削除できません。"
                        "委託を終了する場合は状態を「終了」にしてください。",
                        f"'{contractor.name}' has {dependants[RecordType.EVALUATION]} evaluation(s), {dependants[RecordType.CONTRACT]} "
                        f"contract(s) and {dependants[RecordType.REDELEGATION]} re-delegation(s), so it cannot be deleted. "
                        "Set its status to 'ended' instead.",
                    )
                )
            records.delete(session, self.context, contractor, CONTRACTOR, expected_version)

    @staticmethod
    def _check_unique(session: Any, clean: dict[str, Any], own_id: int | None) -> None:
        number = clean.get("corporate_number")
        if not number:
            return
        other = session.scalar(select(Contractor).where(Contractor.corporate_number == number))
        if other is not None and other.id != own_id:
            raise ValidationError(
                {
                    "corporate_number": Message(
                        f"この法人番号は「{other.name}」（#{other.id}）に登録済みです",
                        f"this corporate number is already registered for '{other.name}' (#{other.id})",
                    )
                }
            )


def holds_data(contractor: Contractor) -> bool:
    """Whether the contractor may still hold our PI: it handles PI and its return/destruction is unconfirmed."""
    return contractor_handles_pi(contractor) and contractor.disposition_date is None


def contractor_handles_pi(contractor: Contractor) -> bool:
    """`desktop.domain.facts.handles_pi` of a stored contractor: PI items, My Number or special-care PI."""
    return handles_pi(
        bool(contractor.pi_items), bool(contractor.handles_my_number), bool(contractor.handles_special_care)
    )
