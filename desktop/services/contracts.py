"""Contracts and NDAs (契約・NDA), with their PI clauses and the signed file."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.clauses import missing_clauses
from desktop.domain.errors import DependencyError, Message, ValidationError
from desktop.domain.facts import ContractFacts, handles_pi
from desktop.domain.kinds import RecordType
from desktop.domain.roles import Permission
from desktop.domain.rules import ContractCover, ContractDuty, contract_cover, contract_duty
from desktop.domain.schema import CONTRACT, clean_search_text
from desktop.services import approval, attachments, records
from desktop.services.attachments import AttachmentStatus
from desktop.services.context import ServiceContext
from desktop.services.contractors import holds_data
from desktop.services.settings import SettingsService
from desktop.store import compliance_facts
from desktop.store.compliance_facts import FactsScope
from desktop.store.models import Contract, Contractor


@dataclass(frozen=True)
class ContractRow:
    id: int
    contractor_id: int
    contractor_name: str
    kind: str
    title: str
    reference_number: str | None
    signed_on: date
    effective_from: date
    expires_on: date | None
    auto_renewal: bool
    missing_clauses: tuple[str, ...]
    has_attachment: bool
    version: int
    approved_on: date | None = None
    approver: str | None = None
    is_superseded: bool = False  # a newer approved version replaced it
    duty: ContractDuty | None = None  # who carries the contractor's duties today: this contract or another


@dataclass(frozen=True)
class ContractorCover:
    """Which of a contractor's approved contracts in force on `as_of` carry the confidentiality duty (the
    NDA, whatever the contract is called) and each PI clause: the rules' own reading, for the forms and
    the 委託先カルテ."""

    contractor_id: int
    as_of: date
    handles_pi: bool
    cover: ContractCover


def contract_facts(contract: Contract) -> ContractFacts:
    return ContractFacts(
        contract.id,
        contract.contractor_id,
        contract.kind,
        contract.title,
        contract.effective_from,
        contract.expires_on,
        contract.auto_renewal,
        contract.renewal_term_months,
        tuple(contract.clauses or ()),
    )


def duties(
    session: Session, contracts: Iterable[tuple[Contract, bool]], as_of: date
) -> dict[int, ContractDuty]:
    """Per contract (with whether its contractor handles PI): who carries the contractor's duties on `as_of`,
    from all its contractor's counted contracts (approved on or before the day, current) — whatever subset the
    caller lists."""
    wanted = list(contracts)
    ids = sorted({contract.contractor_id for contract, _pi in wanted})
    counted: dict[int, list[ContractFacts]] = defaultdict(list)
    for start in range(0, len(ids), 500):  # bounded parameter lists, whatever the number of contractors
        for contract in session.scalars(
            select(Contract).where(
                Contract.contractor_id.in_(ids[start : start + 500]),
                Contract.approved_on.is_not(None),
                Contract.approved_on <= as_of,
                Contract.is_superseded.is_(False),
            )
        ):
            counted[contract.contractor_id].append(contract_facts(contract))
    covers = {cid: contract_cover(own, as_of) for cid, own in counted.items()}
    empty = contract_cover((), as_of)
    return {
        contract.id: contract_duty(contract_facts(contract), covers.get(contract.contractor_id, empty), pi)
        for contract, pi in wanted
    }


def load_cover(session: Session, contractor_id: int, as_of: date) -> ContractorCover:
    """The cover of one contractor, from the same facts the rules read (approved, current contracts)."""
    facts = compliance_facts.load_facts(session, FactsScope(contractor_ids=frozenset({contractor_id})))
    contractor = next((c for c in facts.contractors if c.id == contractor_id), None)
    own = [c for c in facts.contracts if c.contractor_id == contractor_id]
    return ContractorCover(
        contractor_id, as_of, contractor is not None and contractor.handles_pi, contract_cover(own, as_of)
    )


class ContractService(approval.Approvals[Contract]):
    model = Contract
    schema = CONTRACT

    def __init__(self, context: ServiceContext, settings: SettingsService):
        self.context = context
        self.settings = settings

    def list(self, contractor_id: int | None = None, text: str | None = None) -> list[ContractRow]:
        text = clean_search_text(text)
        query = (
            select(
                Contract,
                Contractor.name,
                Contractor.pi_items,
                Contractor.handles_my_number,
                Contractor.handles_special_care,
            )
            .join(Contractor)
            .order_by(Contractor.name, Contract.effective_from.desc(), Contract.id)
        )
        if contractor_id is not None:
            query = query.where(Contract.contractor_id == contractor_id)
        if text:
            needle = text.strip()
            query = query.where(
                Contractor.name.contains(needle, autoescape=True)
                | Contract.title.contains(needle, autoescape=True)
            )
        with self.context.read() as session:
            found = list(session.execute(query))
            pi_of = {c.id: handles_pi(*(bool(v) for v in pi)) for c, _name, *pi in found}
            duty = duties(session, ((c, pi_of[c.id]) for c, _name, *_pi in found), self.context.today())
            return [
                ContractRow(
                    c.id,
                    c.contractor_id,
                    name,
                    c.kind,
                    c.title,
                    c.reference_number,
                    c.signed_on,
                    c.effective_from,
                    c.expires_on,
                    c.auto_renewal,
                    tuple(missing_clauses(c.kind, c.clauses, handles_pi(*(bool(v) for v in pi)))),
                    bool(c.attachment_path),
                    c.version,
                    c.approved_on,
                    c.approver,
                    bool(c.is_superseded),
                    duty[c.id],
                )
                for c, name, *pi in found
            ]

    def cover(self, contractor_id: int, as_of: date | None = None) -> ContractorCover:
        """Which approved contracts in force carry the contractor's confidentiality duty and PI clauses."""
        with self.context.read() as session:
            records.load(session, Contractor, contractor_id, RecordType.CONTRACTOR)
            return load_cover(session, contractor_id, as_of or self.context.today())

    def get(self, contract_id: int) -> Contract:
        with self.context.read() as session:
            return records.load(session, Contract, contract_id, RecordType.CONTRACT)

    def create(self, data: dict[str, Any], attachment: Path | None = None) -> Contract:
        self.context.require(Permission.WRITE)
        extra = self._store(attachment)
        with self.context.write() as session:
            approval.refuse_approval_through_edit(Contract(), data)
            return records.create(
                session,
                self.context,
                Contract,
                CONTRACT,
                data,
                extra=extra,
                check=lambda clean: self._check_contractor(session, clean),
            )

    def update(
        self,
        contract_id: int,
        changes: dict[str, Any],
        expected_version: int | None,
        attachment: Path | None = None,
    ) -> Contract:
        """Edit a pending contract; editing an approved one creates a new version awaiting approval."""
        self.context.require(Permission.WRITE)
        extra = self._store(attachment)
        with self.context.write() as session:
            contract = records.load(session, Contract, contract_id, RecordType.CONTRACT)
            return approval.edit(
                session,
                self.context,
                Contract,
                CONTRACT,
                contract,
                changes,
                expected_version,
                copy_extra=_attachment_of,
                extra=extra,
                check=lambda clean: self._check_contractor(session, clean),
            )

    def delete(self, contract_id: int, expected_version: int | None) -> None:
        with self.context.write() as session:
            contract = records.load(session, Contract, contract_id, RecordType.CONTRACT)
            contractor = session.get(Contractor, contract.contractor_id)
            if contractor is not None and holds_data(contractor):
                raise DependencyError(
                    Message(
                        f"「{contractor.name}」は個人情報をまだ保有しているため（返却・廃棄が未確認）、契約を削除できません。",
                        f"'{contractor.name}' still holds the data (return or destruction not confirmed), "
                        "so its contract cannot be deleted.",
                    )
                )
            approval.require_delete(self.context, contract)
            records.delete(session, self.context, contract, CONTRACT, expected_version)

    def attachment_status(self, contract_id: int) -> AttachmentStatus:
        contract = self.get(contract_id)
        return attachments.check(self.context.data_dir, contract.attachment_path, contract.attachment_sha256)

    def attachment_file(self, contract_id: int) -> Path:
        """The stored file to open with the system viewer (check `attachment_status` first)."""
        contract = self.get(contract_id)
        if not contract.attachment_path:
            raise ValidationError(
                {"attachment": Message("添付ファイルがありません", "there is no attached file")}
            )
        return attachments.resolve(self.context.data_dir, contract.attachment_path)

    def _store(self, attachment: Path | None) -> dict[str, Any]:
        if attachment is None:
            return {}
        stored = attachments.store_file(
            attachment, self.context.data_dir, int(self.settings.get("attachment_max_bytes"))
        )
        return {
            "attachment_name": stored.name,
            "attachment_path": stored.path,
            "attachment_sha256": stored.sha256,
            "attachment_size": stored.size,
        }

    @staticmethod
    def _check_contractor(session: Any, clean: dict[str, Any]) -> None:
        if session.get(Contractor, clean["contractor_id"]) is None:
            raise ValidationError({"contractor_id": Message("委託先が存在しません", "no such contractor")})


def _attachment_of(contract: Contract) -> dict[str, Any]:
    """A new version of a contract keeps the signed file unless another one is attached."""
    return {
        "attachment_name": contract.attachment_name,
        "attachment_path": contract.attachment_path,
        "attachment_sha256": contract.attachment_sha256,
        "attachment_size": contract.attachment_size,
    }
