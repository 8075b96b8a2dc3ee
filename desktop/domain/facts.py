"""The plain snapshots of records that the compliance rules read (loaded by a handful of queries)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date
from typing import Any, TypeVar

from desktop.domain.consent_chain import Authority

FactsT = TypeVar("FactsT")


def handles_pi(has_pi_items: bool, handles_my_number: bool, handles_special_care: bool) -> bool:
    """Whether a contractor handles our personal information: it has PI items, or it handles My Number
    (特定個人情報) or special-care PI (要配慮個人情報), each of which is PI whether or not items are listed.
    The one definition the rules, the deadlines and the services read."""
    return has_pi_items or handles_my_number or handles_special_care


@dataclass(frozen=True)
class ContractorFacts:
    id: int
    name: str
    kind: str
    country: str
    status: str
    handles_pi: bool  # see `handles_pi`: PI items, My Number or special-care PI
    start_date: date | None = None
    end_date: date | None = None
    disposition_date: date | None = None
    has_foreign_regime_note: bool = False
    privacy_mark_expiry: date | None = None
    isms_expiry: date | None = None
    # The day it came in through a ledger import (desktop.services.ledger_import), None when it was
    # registered in the application: its history before that day is not on record.
    imported_on: date | None = None


@dataclass(frozen=True)
class EvaluationFacts:
    id: int
    contractor_id: int
    evaluated_on: date
    result: str
    route: str
    next_due_on: date | None
    imported: bool = False  # taken over from a ledger (desktop.domain.ledger): the latest, not the first


@dataclass(frozen=True)
class ContractFacts:
    id: int
    contractor_id: int
    kind: str
    title: str
    effective_from: date
    expires_on: date | None
    auto_renewal: bool
    renewal_term_months: int | None
    clauses: tuple[str, ...] = ()
    imported: bool = (
        False  # an NDA taken over from a ledger (desktop.domain.ledger): the latest, not the first
    )


@dataclass(frozen=True)
class EngagementFacts:
    id: int
    client_name: str
    client_is_original: bool
    original_business_name: str | None
    start_date: date
    end_date: date | None
    status: str
    intermediate_clients: tuple[str, ...] = ()  # between the original business and the client, in order
    # The original business's written authorisations of parties of the chain to consent (party key, date,
    # document): desktop.domain.consent_chain.Authority.
    consent_authorities: tuple[Authority, ...] = ()


@dataclass(frozen=True)
class ConsentHopFacts:
    id: int
    engagement_id: int
    redelegation_id: int | None
    consented_on: date
    given_by: str | None = None  # party keys (desktop.domain.consent_chain); None: not yet recorded
    link_from: str | None = None
    link_to: str | None = None
    from_party: str = ""  # the names as written
    to_party: str = ""


@dataclass(frozen=True)
class RedelegationFacts:
    id: int
    engagement_id: int
    contractor_id: int
    start_date: date
    end_date: date | None


@dataclass(frozen=True)
class JointUseFacts:
    id: int
    title: str
    start_date: date
    end_date: date | None
    notice_published_on: date | None
    has_statement: bool
    has_pi_items: bool
    has_scope: bool
    has_purposes: bool
    has_responsible_name: bool
    has_responsible_address: bool
    responsible_is_corporation: bool
    has_responsible_representative: bool
    has_acquisition_method: bool


@dataclass(frozen=True)
class JointUseChangeFacts:
    id: int
    joint_use_id: int
    field: str
    changed_on: date
    noticed_on: date | None
    basis: str | None = None  # JointUseChangeBasis, for a change of the items or the scope of joint users
    has_basis_reason: bool = False


@dataclass(frozen=True)
class CorrectiveActionFacts:
    """A corrective action (是正処置) the officer recorded on a finding of a past lapse of a record (of the kind
    `record_type`: a contractor, a joint use, an opt-out provision, a request, an incident)."""

    id: int
    record_type: str
    record_id: int
    rule: str
    taken_on: date


@dataclass(frozen=True)
class OptOutFacts:
    id: int
    title: str
    start_date: date
    end_date: date | None
    ppc_notified_on: date | None
    made_known_on: date | None
    has_purpose_statement: bool
    has_pi_items: bool
    has_provision_method: bool
    has_stop_statement: bool
    has_stop_request_method: bool
    has_acquisition_method: bool
    includes_special_care: bool
    special_care_items: tuple[str, ...] = ()  # PI items naming a category of special-care PI


@dataclass(frozen=True)
class OptOutChangeFacts:
    id: int
    opt_out_id: int
    field: str
    changed_on: date
    ppc_notified_on: date | None
    made_known_on: date | None


@dataclass(frozen=True)
class StopRequestFacts:
    id: int
    opt_out_id: int
    person: str
    person_reference: str | None
    effective_on: date


# --- Third-party provision and receipt records (issue 15) ---


@dataclass(frozen=True)
class ProvisionFacts:
    id: int
    recipient_name: str
    provided_on: date | None
    period_from: date | None
    period_to: date | None
    recipient_is_corporation: bool
    has_recipient_address: bool
    has_recipient_representative: bool
    has_persons: bool
    person_references: tuple[str, ...]  # one identifier a line, as written (stripped, blank lines dropped)
    pi_items: tuple[str, ...]
    basis: str | None
    exemption: str | None
    opt_out_id: int | None
    has_method: bool
    record_form: str | None


@dataclass(frozen=True)
class ReceiptFacts:
    id: int
    provider_name: str
    received_on: date | None
    period_from: date | None
    period_to: date | None
    provider_is_corporation: bool
    has_provider_address: bool
    has_provider_representative: bool
    has_acquisition_confirmation: bool
    confirmed_on: date | None
    has_confirmation_method: bool
    has_persons: bool
    has_pi_items: bool
    record_form: str | None


# Data-subject requests and incidents (issue 15) ----------------------------------------------------------
@dataclass(frozen=True)
class RequestFacts:
    id: int
    requester: str
    request_type: str
    received_on: date
    decision: str
    has_refusal_ground: bool
    replied_on: date | None


@dataclass(frozen=True)
class IncidentFacts:
    id: int
    title: str
    discovered_on: date
    contractor_id: int | None
    person_count: int | None
    involves_special_care: bool
    may_cause_financial_damage: bool
    is_malicious: bool
    over_thousand_persons: bool
    ppc_preliminary_reported_on: date | None
    ppc_confirmed_reported_on: date | None
    persons_notified_on: date | None
    pmark_preliminary_reported_on: date | None
    pmark_confirmed_reported_on: date | None
    special_care_items: tuple[str, ...] = ()  # PI items naming a category of special-care PI


@dataclass(frozen=True)
class ComplianceFacts:
    contractors: tuple[ContractorFacts, ...] = ()
    evaluations: tuple[EvaluationFacts, ...] = ()
    contracts: tuple[ContractFacts, ...] = ()
    engagements: tuple[EngagementFacts, ...] = ()
    consent_hops: tuple[ConsentHopFacts, ...] = ()
    redelegations: tuple[RedelegationFacts, ...] = ()
    joint_uses: tuple[JointUseFacts, ...] = ()
    joint_use_changes: tuple[JointUseChangeFacts, ...] = ()
    corrective_actions: tuple[CorrectiveActionFacts, ...] = ()
    opt_outs: tuple[OptOutFacts, ...] = ()
    opt_out_changes: tuple[OptOutChangeFacts, ...] = ()
    stop_requests: tuple[StopRequestFacts, ...] = ()
    provisions: tuple[ProvisionFacts, ...] = ()
    receipts: tuple[ReceiptFacts, ...] = ()
    requests: tuple[RequestFacts, ...] = ()
    incidents: tuple[IncidentFacts, ...] = ()


def facts_from_rows(cls: type[FactsT], rows: Iterable[Iterable[Any]]) -> tuple[FactsT, ...]:
    """Instances of a frozen facts class from value rows in field order: the same objects the constructor
    makes, without its per-field `object.__setattr__` (it dominates loading 100,000 contractors)."""
    names = tuple(field.name for field in fields(cls))  # type: ignore[arg-type]
    new = object.__new__
    made = []
    for row in rows:
        instance = new(cls)
        instance.__dict__.update(zip(names, row, strict=True))
        made.append(instance)
    return tuple(made)
