"""The plain snapshots of records that the compliance rules read (loaded by a handful of queries)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date
from typing import Any, TypeVar

FactsT = TypeVar("FactsT")


@dataclass(frozen=True)
class ContractorFacts:
    id: int
    name: str
    kind: str
    country: str
    status: str
    handles_pi: bool
    start_date: date | None = None
    end_date: date | None = None
    disposition_date: date | None = None
    has_foreign_regime_note: bool = False
    privacy_mark_expiry: date | None = None
    isms_expiry: date | None = None


@dataclass(frozen=True)
class EvaluationFacts:
    id: int
    contractor_id: int
    evaluated_on: date
    result: str
    route: str
    next_due_on: date | None


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


@dataclass(frozen=True)
class EngagementFacts:
    id: int
    client_name: str
    client_is_original: bool
    original_business_name: str | None
    start_date: date
    end_date: date | None
    status: str


@dataclass(frozen=True)
class ConsentHopFacts:
    id: int
    engagement_id: int
    redelegation_id: int | None
    consented_on: date


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
