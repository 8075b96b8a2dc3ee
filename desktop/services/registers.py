"""Read-only register queries shared by the PDF registers, the Excel workbook and the window.

Each register is a few bulk queries (never one per record) returning plain rows, so a 10,000-contractor
register costs the same handful of round trips as a 10-contractor one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import defer, selectinload

from desktop.domain.clauses import carries_confidentiality, missing_clauses
from desktop.domain.consent_chain import (
    Chain,
    LinkState,
    LinkVerdict,
    SubContractor,
    chain_of,
    consent_of,
    redelegation_key,
)
from desktop.domain.errors import Message
from desktop.domain.facts import handles_pi
from desktop.domain.kinds import RecordType
from desktop.domain.rules import ContractDuty, Finding, is_in_force, term_end
from desktop.domain.schema import ENGAGEMENT, clean_search_text
from desktop.services import records
from desktop.services.audit import AuditFilter, AuditService
from desktop.services.compliance.service import CheckService
from desktop.services.context import ServiceContext
from desktop.services.contracts import ContractorCover, contract_facts, duties, load_cover
from desktop.services.joint_uses import load_with_changes
from desktop.services.opt_outs import StopRequestRow, StopRequestService
from desktop.services.provisions import ProvisionRow, ProvisionService, ReceiptRow, ReceiptService
from desktop.store.models import (
    AuditEvent,
    CompanyProfile,
    ConsentHop,
    Contract,
    Contractor,
    Engagement,
    Evaluation,
    JointUse,
    OptOut,
    Redelegation,
)
from desktop.store.queries import contractor_search


def contractor_handles_pi(*values: object) -> bool:
    """`handles_pi` of a contractor's stored PI items, My Number and special-care flags."""
    return handles_pi(*(bool(v) for v in values))


@dataclass(frozen=True)
class NdaStatus:
    in_force: bool
    contract_id: int | None
    expires_on: date | None  # end of the current term; None = open-ended (or no NDA)
    auto_renewal: bool


@dataclass(frozen=True)
class ContractorRegisterRow:
    contractor: Contractor
    latest_evaluation: Evaluation | None
    nda: NdaStatus
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class ContractRegisterRow:
    contract: Contract
    contractor_name: str
    in_force: bool
    term_end: date | None
    missing_clauses: tuple[str, ...]
    duty: ContractDuty | None = (
        None  # who carries the contractor's duties on the day: this contract or another
    )


@dataclass(frozen=True)
class HopRow:
    hop: ConsentHop
    in_time: bool  # counts for its link (right party, that link) and is dated on or before the link's start
    giver: Message | None = None  # who gave it, as a party of the chain (None: not recorded, to complete)
    link: Message | None = None  # the link it covers (None: not recorded, to complete)
    not_counted: Message | None = None  # why it counts for nothing, if it does not


@dataclass(frozen=True)
class RedelegationRow:
    redelegation: Redelegation
    contractor_name: str
    hops: tuple[HopRow, ...]
    consent_in_time: bool
    missing: tuple[Message, ...] = ()  # which consent is missing, and whose it must be


@dataclass(frozen=True)
class EngagementRegisterRow:
    engagement: Engagement
    hops: tuple[HopRow, ...]  # consent for the engagement itself (redelegation_id is None)
    redelegations: tuple[RedelegationRow, ...]
    consent_in_time: bool  # True also when the client is the original business (no consent needed)
    findings: tuple[Finding, ...]
    missing: tuple[Message, ...] = ()  # per link on the way to us: which consent is missing, whose it must be


@dataclass(frozen=True)
class JointUseRegisterRow:
    joint_use: JointUse
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class OptOutRegisterRow:
    opt_out: OptOut  # with its changes loaded
    stop_requests: tuple[StopRequestRow, ...]
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class ProvisionRegisterRow:
    provision: ProvisionRow
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class ReceiptRegisterRow:
    receipt: ReceiptRow
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class ContractorBatchRow:
    """A contractor register row with all of the contractor's NDAs (oldest signed first)."""

    row: ContractorRegisterRow
    ndas: tuple[ContractRegisterRow, ...]


@dataclass
class ContractorFile:
    """Everything about one contractor, for the 委託先カルテ."""

    contractor: Contractor
    evaluations: list[Evaluation]
    contracts: list[ContractRegisterRow]
    engagements: list[EngagementRegisterRow]
    findings: list[Finding]
    history: list[AuditEvent] = field(default_factory=list)
    cover: ContractorCover | None = None  # which contracts in force carry confidentiality and the PI clauses
    provisions: list[ProvisionRow] = field(default_factory=list)  # 第三者提供記録 to it (issue 15)


def nda_status(contracts: Iterable[Contract], as_of: date) -> NdaStatus:
    """The contract in force on `as_of` that binds the contractor to confidentiality and runs longest, else
    none: an NDA, or any contract with the confidentiality clause (the NDA is its substance, issue 12)."""
    best: NdaStatus | None = None
    for contract in contracts:
        if not carries_confidentiality(contract.kind, contract.clauses or ()):
            continue
        facts = contract_facts(contract)
        if not is_in_force(facts, as_of):
            continue
        end = term_end(facts, as_of)
        candidate = NdaStatus(True, contract.id, end, contract.auto_renewal)
        if best is None or (best.expires_on is not None and (end is None or end > best.expires_on)):
            best = candidate
    return best or NdaStatus(False, None, None, False)


def _contracts_in_register_order() -> Select[Contract, str, Any, Any, Any]:
    """Contracts with their contractor's name (and what tells whether it handles PI) in the registers'
    order: フリガナ (unread last), name, kind, start."""
    return (
        select(
            Contract,
            Contractor.name,
            Contractor.pi_items,
            Contractor.handles_my_number,
            Contractor.handles_special_care,
        )
        .join(Contractor)
        .order_by(
            Contractor.kana.is_(None),
            Contractor.kana,
            Contractor.name,
            Contract.kind,
            Contract.effective_from,
            Contract.id,
        )
    )


def _contract_row(
    contract: Contract,
    contractor_name: str,
    as_of: date,
    handles_pi: bool = True,
    duty: ContractDuty | None = None,
) -> ContractRegisterRow:
    facts = contract_facts(contract)
    return ContractRegisterRow(
        contract,
        contractor_name,
        is_in_force(facts, as_of),
        term_end(facts, as_of),
        tuple(missing_clauses(contract.kind, contract.clauses or (), handles_pi)),
        duty,
    )


def _shown_before(candidate: Evaluation, current: Evaluation | None) -> bool:
    """Which evaluation a register shows: the approved, current one in force; else the newest draft.

    A superseded version is history; an approved evaluation outranks a newer draft awaiting approval,
    because the approved one is what the rules count.
    """
    if candidate.is_superseded:
        return False
    if current is None:
        return True
    rank = (candidate.approved_on is not None, candidate.evaluated_on, candidate.id)
    return rank > (current.approved_on is not None, current.evaluated_on, current.id)


def _group(findings: Iterable[Finding]) -> dict[tuple[str, int], list[Finding]]:
    grouped: dict[tuple[str, int], list[Finding]] = defaultdict(list)
    for finding in findings:
        grouped[(finding.record_type, finding.record_id)].append(finding)
    return grouped


class RegisterService:
    def __init__(self, context: ServiceContext, checks: CheckService, audit: AuditService):
        self.context = context
        self.checks = checks
        self.audit = audit

    def company(self) -> CompanyProfile | None:
        with self.context.read() as session:
            return session.scalar(select(CompanyProfile).order_by(CompanyProfile.id).limit(1))

    def contractors(
        self,
        as_of: date,
        text: str | None = None,
        status: str | None = None,
        findings: list[Finding] | None = None,
    ) -> list[ContractorRegisterRow]:
        text = clean_search_text(text)
        findings = findings if findings is not None else self.checks.findings(as_of)
        by_record = _group(findings)
        with self.context.read() as session:
            contractors = list(
                session.scalars(
                    select(Contractor)
                    .where(*contractor_search.conditions(text, status))
                    .order_by(Contractor.kana.is_(None), Contractor.kana, Contractor.name, Contractor.id)
                )
            )
            latest: dict[int, Evaluation] = {}
            for evaluation in session.scalars(
                select(Evaluation).where(Evaluation.evaluated_on <= as_of).options(defer(Evaluation.items))
            ):
                if _shown_before(evaluation, latest.get(evaluation.contractor_id)):
                    latest[evaluation.contractor_id] = evaluation
            ndas: dict[int, list[Contract]] = defaultdict(list)
            for contract in session.scalars(select(Contract)):
                ndas[contract.contractor_id].append(contract)
        rows = []
        for contractor in contractors:
            own = list(by_record.get((RecordType.CONTRACTOR, contractor.id), []))
            rows.append(
                ContractorRegisterRow(
                    contractor,
                    latest.get(contractor.id),
                    nda_status(ndas.get(contractor.id, []), as_of),
                    tuple(own),
                )
            )
        return rows

    def contracts(self, as_of: date, contractor_id: int | None = None) -> list[ContractRegisterRow]:
        query = _contracts_in_register_order()
        if contractor_id is not None:
            query = query.where(Contract.contractor_id == contractor_id)
        with self.context.read() as session:
            found = [
                (contract, name, contractor_handles_pi(*pi)) for contract, name, *pi in session.execute(query)
            ]
            duty = duties(session, ((contract, pi) for contract, _name, pi in found), as_of)
            return [
                _contract_row(contract, name, as_of, pi, duty[contract.id]) for contract, name, pi in found
            ]

    def engagements(
        self, as_of: date, contractor_id: int | None = None, findings: list[Finding] | None = None
    ) -> list[EngagementRegisterRow]:
        findings = findings if findings is not None else self.checks.findings(as_of)
        by_record = _group(findings)
        query = (
            select(Engagement)
            .options(
                selectinload(Engagement.consent_hops),
                selectinload(Engagement.redelegations).selectinload(Redelegation.contractor),
            )
            .order_by(Engagement.start_date, Engagement.id)
        )
        if contractor_id is not None:
            query = query.where(
                Engagement.id.in_(
                    select(Redelegation.engagement_id).where(Redelegation.contractor_id == contractor_id)
                )
            )
        with self.context.read() as session:
            engagements = list(session.scalars(query))
            company = session.scalar(select(CompanyProfile.name).order_by(CompanyProfile.id).limit(1)) or ""
        rows = []
        for engagement in engagements:
            chain = chain_of(
                records.snapshot(engagement, ENGAGEMENT),
                [SubContractor(r.id, r.contractor.name, r.start_date) for r in engagement.redelegations],
                company,
            )
            verdicts = {v.link.key: v for v in chain.verdicts(consent_of(h) for h in engagement.consent_hops)}
            hop_rows = {h.id: _hop_row(chain, h) for h in engagement.consent_hops}
            own_hops = tuple(hop_rows[h.id] for h in engagement.consent_hops if h.redelegation_id is None)
            redelegations = []
            for redelegation in engagement.redelegations:
                verdict = verdicts[f"us>{redelegation_key(redelegation.id)}"]
                redelegations.append(
                    RedelegationRow(
                        redelegation,
                        redelegation.contractor.name,
                        tuple(
                            hop_rows[h.id]
                            for h in engagement.consent_hops
                            if h.redelegation_id == redelegation.id
                        ),
                        verdict.state is LinkState.OK,
                        _missing(chain, [verdict]),
                    )
                )
            own_findings = list(by_record.get((RecordType.ENGAGEMENT, engagement.id), []))
            for redelegation in engagement.redelegations:
                own_findings.extend(by_record.get((RecordType.REDELEGATION, redelegation.id), []))
            upstream = [v for v in verdicts.values() if v.link.redelegation_id is None]
            rows.append(
                EngagementRegisterRow(
                    engagement,
                    own_hops,
                    tuple(redelegations),
                    all(v.state is LinkState.OK for v in upstream),
                    tuple(own_findings),
                    _missing(chain, upstream),
                )
            )
        return rows

    def joint_uses(self, as_of: date, findings: list[Finding] | None = None) -> list[JointUseRegisterRow]:
        findings = findings if findings is not None else self.checks.findings(as_of)
        by_record = _group(findings)
        with self.context.read() as session:
            joint_uses = list(
                session.scalars(
                    select(JointUse)
                    .options(selectinload(JointUse.changes))
                    .order_by(JointUse.start_date, JointUse.id)
                )
            )
        return [
            JointUseRegisterRow(j, tuple(by_record.get((RecordType.JOINT_USE, j.id), []))) for j in joint_uses
        ]

    def opt_outs(self, as_of: date, findings: list[Finding] | None = None) -> list[OptOutRegisterRow]:
        """The opt-out arrangements (oldest start first) with their changes, stop requests and findings."""
        findings = findings if findings is not None else self.checks.findings(as_of)
        by_record = _group(findings)
        stops: dict[int, list[StopRequestRow]] = defaultdict(list)
        for stop in sorted(self.stop_requests(), key=lambda s: (s.received_on, s.id)):
            stops[stop.opt_out_id].append(stop)
        with self.context.read() as session:
            opt_outs = list(
                session.scalars(
                    select(OptOut)
                    .options(selectinload(OptOut.changes))
                    .order_by(OptOut.start_date, OptOut.id)
                )
            )
        return [
            OptOutRegisterRow(
                o, tuple(stops.get(o.id, [])), tuple(by_record.get((RecordType.OPT_OUT, o.id), []))
            )
            for o in opt_outs
        ]

    # --- Third-party provision and receipt records (issue 15) ---

    def provisions(self, as_of: date, findings: list[Finding] | None = None) -> list[ProvisionRegisterRow]:
        """The third-party provision records (oldest first) with their findings as of `as_of`."""
        findings = findings if findings is not None else self.checks.findings(as_of)
        by_record = _group(findings)
        rows = sorted(ProvisionService(self.context).list(), key=lambda r: (r.first_day or date.min, r.id))
        return [ProvisionRegisterRow(r, tuple(by_record.get((RecordType.PROVISION, r.id), []))) for r in rows]

    def receipts(self, as_of: date, findings: list[Finding] | None = None) -> list[ReceiptRegisterRow]:
        """The receipt confirmation records (oldest first) with their findings as of `as_of`."""
        findings = findings if findings is not None else self.checks.findings(as_of)
        by_record = _group(findings)
        rows = sorted(ReceiptService(self.context).list(), key=lambda r: (r.first_day or date.min, r.id))
        return [ReceiptRegisterRow(r, tuple(by_record.get((RecordType.RECEIPT, r.id), []))) for r in rows]

    def stop_requests(self) -> list[StopRequestRow]:
        """Every stop request, with the title of its arrangement."""
        return StopRequestService(self.context).list()

    def evaluation(self, evaluation_id: int) -> tuple[Evaluation, Contractor]:
        with self.context.read() as session:
            evaluation = records.load(session, Evaluation, evaluation_id, RecordType.EVALUATION)
            contractor = records.load(session, Contractor, evaluation.contractor_id, RecordType.CONTRACTOR)
            return evaluation, contractor

    def joint_use(self, joint_use_id: int) -> JointUse:
        with self.context.read() as session:
            return load_with_changes(session, joint_use_id)

    def contractor_file(self, contractor_id: int, as_of: date) -> ContractorFile:
        findings = self.checks.findings(as_of)
        with self.context.read() as session:
            contractor = records.load(session, Contractor, contractor_id, RecordType.CONTRACTOR)
            evaluations = list(
                session.scalars(
                    select(Evaluation)
                    .where(Evaluation.contractor_id == contractor_id)
                    .order_by(Evaluation.evaluated_on, Evaluation.id)
                )
            )
            contract_ids = list(
                session.scalars(select(Contract.id).where(Contract.contractor_id == contractor_id))
            )
            redelegation_ids = list(
                session.scalars(select(Redelegation.id).where(Redelegation.contractor_id == contractor_id))
            )
            history = list(
                session.scalars(
                    select(AuditEvent)
                    .where(
                        (
                            (AuditEvent.record_type == RecordType.CONTRACTOR)
                            & (AuditEvent.record_id == contractor_id)
                        )
                        | (
                            (AuditEvent.record_type == RecordType.CONTRACT)
                            & AuditEvent.record_id.in_(contract_ids or [-1])
                        )
                        | (
                            (AuditEvent.record_type == RecordType.EVALUATION)
                            & AuditEvent.record_id.in_([e.id for e in evaluations] or [-1])
                        )
                        | (
                            (AuditEvent.record_type == RecordType.REDELEGATION)
                            & AuditEvent.record_id.in_(redelegation_ids or [-1])
                        )
                    )
                    .order_by(AuditEvent.occurred_at, AuditEvent.id)
                )
            )
            cover = load_cover(session, contractor_id, as_of)
        contracts = self.contracts(as_of, contractor_id)
        engagements = self.engagements(as_of, contractor_id, findings)
        provisions = ProvisionService(self.context).list(contractor_id=contractor_id)
        provision_ids = {p.id for p in provisions}
        own = [
            f
            for f in findings
            if (f.record_type == RecordType.CONTRACTOR and f.record_id == contractor_id)
            or (f.record_type == RecordType.CONTRACT and f.record_id in contract_ids)
            or (f.record_type == RecordType.REDELEGATION and f.record_id in redelegation_ids)
            or (f.record_type == RecordType.PROVISION and f.record_id in provision_ids)
        ]
        return ContractorFile(
            contractor,
            evaluations,
            contracts,
            engagements,
            own,
            history,
            cover,
            sorted(provisions, key=lambda p: (p.first_day or date.min, p.id)),
        )

    def contractor_batches(self, as_of: date, batch_size: int = 1000) -> Iterator[list[ContractorBatchRow]]:
        """The contractor register in the order of `contractors()`, streamed in batches, with each one's NDAs.

        For exports of any size: one read transaction, memory bounded by the batch, not the register.
        Findings are left empty (ask `checks.findings` once for the whole register).
        """
        order = (Contractor.kana.is_(None), Contractor.kana, Contractor.name, Contractor.id)
        with self.context.read() as session:
            result = session.scalars(
                select(Contractor).order_by(*order).execution_options(yield_per=batch_size)
            )
            for partition in result.partitions():
                ids = [contractor.id for contractor in partition]
                latest: dict[int, Evaluation] = {}
                for evaluation in session.scalars(
                    select(Evaluation)
                    .where(Evaluation.contractor_id.in_(ids), Evaluation.evaluated_on <= as_of)
                    .options(defer(Evaluation.items))
                ):
                    if _shown_before(evaluation, latest.get(evaluation.contractor_id)):
                        latest[evaluation.contractor_id] = evaluation
                ndas: dict[int, list[Contract]] = defaultdict(list)
                for contract in session.scalars(
                    select(Contract)
                    .where(Contract.contractor_id.in_(ids))
                    .order_by(Contract.signed_on, Contract.id)
                ):
                    ndas[contract.contractor_id].append(contract)
                batch = []
                for contractor in partition:
                    own = ndas.get(contractor.id, [])
                    pi_handled = contractor_handles_pi(
                        contractor.pi_items, contractor.handles_my_number, contractor.handles_special_care
                    )
                    register_row = ContractorRegisterRow(
                        contractor, latest.get(contractor.id), nda_status(own, as_of), ()
                    )
                    batch.append(
                        ContractorBatchRow(
                            register_row,
                            tuple(
                                _contract_row(contract, contractor.name, as_of, pi_handled)
                                for contract in own
                                if carries_confidentiality(contract.kind, contract.clauses or ())
                            ),
                        )
                    )
                yield batch

    def contract_batches(self, as_of: date, batch_size: int = 2000) -> Iterator[list[ContractRegisterRow]]:
        """`contracts(as_of)` streamed in batches, same order."""
        query = _contracts_in_register_order().execution_options(yield_per=batch_size)
        with self.context.read() as session:
            for partition in session.execute(query).partitions():
                found = [(contract, name, contractor_handles_pi(*pi)) for contract, name, *pi in partition]
                duty = duties(session, ((contract, pi) for contract, _name, pi in found), as_of)
                yield [
                    _contract_row(contract, name, as_of, pi, duty[contract.id])
                    for contract, name, pi in found
                ]

    def evaluation_batches(
        self, as_of: date, batch_size: int = 2000
    ) -> Iterator[list[tuple[Evaluation, str]]]:
        """Every evaluation made on or before `as_of` with its contractor's name, by contractor then date."""
        query = (
            select(Evaluation, Contractor.name)
            .join(Contractor)
            .where(Evaluation.evaluated_on <= as_of)
            .order_by(
                Contractor.kana.is_(None),
                Contractor.kana,
                Contractor.name,
                Evaluation.evaluated_on,
                Evaluation.id,
            )
            .execution_options(yield_per=batch_size)
        )
        with self.context.read() as session:
            for partition in session.execute(query).partitions():
                yield [(evaluation, name) for evaluation, name in partition]

    def audit_event_batches(self, batch_size: int = 5000) -> Iterator[list[AuditEvent]]:
        """The whole audit trail, newest first (as `audit_events()`), streamed in batches."""
        query = select(AuditEvent).order_by(AuditEvent.id.desc()).execution_options(yield_per=batch_size)
        with self.context.read() as session:
            for partition in session.scalars(query).partitions():
                yield list(partition)

    def audit_events(self, criteria: AuditFilter | None = None) -> list[AuditEvent]:
        return self.audit.list_events(criteria, limit=None)


def _hop_row(chain: Chain, hop: ConsentHop) -> HopRow:
    """A consent as the register shows it: who gave it and for which link, as parties of the chain, and
    whether it counts (right party, that link, dated on or before the link's start)."""
    consent = consent_of(hop)
    giver = chain.party(hop.given_by)
    link = chain.link(hop.link_from, hop.link_to)
    if giver is None or link is None:
        reason = Message(
            "同意した者または対象の委託が未記録（要補完）", "giver or link not recorded (to complete)"
        )
        return HopRow(hop, False, giver.label if giver else None, link.text if link else None, reason)
    refused = chain.refusal(consent, link) if link.needs_consent else None
    in_time = refused is None and (link.start is None or hop.consented_on <= link.start)
    return HopRow(hop, in_time, giver.label, link.text, refused)


def _missing(chain: Chain, verdicts: Iterable[LinkVerdict]) -> tuple[Message, ...]:
    """Per link without a consent that counts in time: which consent is missing and whose it must be."""
    return tuple(
        Message(
            f"{v.link.text.ja}：{chain.consenters_for(v.link).ja}の同意が{'開始日より後' if v.state is LinkState.LATE else 'ない'}",
            f"{v.link.text.en}: consent of {chain.consenters_for(v.link).en} "
            + ("dated after the start" if v.state is LinkState.LATE else "missing"),
        )
        for v in verdicts
        if v.state is not LinkState.OK
    )
