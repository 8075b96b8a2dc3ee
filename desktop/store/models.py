"""The mapped tables. Column names equal the field names of `desktop.domain.schema`."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

from desktop.domain.kinds import RecordType

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC in and out, on SQLite (which keeps no zone) as on PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utc_now() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON(), list[Any]: JSON()}


class Versioned:
    """Every editable record: optimistic locking and who touched it last."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)
    updated_by: Mapped[str] = mapped_column(String(100), default="")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


class CompanyProfile(Versioned, Base):
    __tablename__ = "company_profile"
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(200))
    representative: Mapped[str | None] = mapped_column(String(200))
    officer_name: Mapped[str | None] = mapped_column(String(200))
    officer_title: Mapped[str | None] = mapped_column(String(200))
    privacy_mark_number: Mapped[str | None] = mapped_column(String(200))


class Setting(Versioned, Base):
    """One typed setting (see desktop.services.settings for the registry of keys and defaults)."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(100), unique=True)
    value: Mapped[Any] = mapped_column(JSON)


class Contractor(Versioned, Base):
    __tablename__ = "contractor"
    name: Mapped[str] = mapped_column(String(200), index=True)
    kana: Mapped[str | None] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(30))
    corporate_number: Mapped[str | None] = mapped_column(String(13), unique=True)
    country: Mapped[str] = mapped_column(String(2), default="JP")
    address: Mapped[str | None] = mapped_column(String(200))
    representative: Mapped[str | None] = mapped_column(String(200))
    contact_person: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(30))
    entrusted_work: Mapped[str | None] = mapped_column(Text)
    pi_items: Mapped[list[Any]] = mapped_column(default=list)
    handles_special_care: Mapped[bool] = mapped_column(Boolean, default=False)
    handles_my_number: Mapped[bool] = mapped_column(Boolean, default=False)
    data_subject_count: Mapped[int | None] = mapped_column(Integer)
    privacy_mark_number: Mapped[str | None] = mapped_column(String(200))
    privacy_mark_expiry: Mapped[date | None] = mapped_column(Date)
    isms_number: Mapped[str | None] = mapped_column(String(200))
    isms_expiry: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), index=True)
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    foreign_regime_note: Mapped[str | None] = mapped_column(Text)
    disposition_method: Mapped[str | None] = mapped_column(String(30))
    disposition_date: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)
    # The day it came in through a ledger import (not a field anyone edits): its history before that day is
    # not on record (rule contractor.selection_unconfirmed). NULL: registered in the application.
    imported_on: Mapped[date | None] = mapped_column(Date)

    evaluations: Mapped[list[Evaluation]] = relationship(back_populates="contractor", passive_deletes="all")
    contracts: Mapped[list[Contract]] = relationship(back_populates="contractor", passive_deletes="all")


# The contractor list's default order, as the PDF registers sort (フリガナ, those without one last, then name):
# its first page is read from this index instead of sorting every contractor (24 ms → 0.1 ms at 100,000).
Index("ix_contractor_kana_order", Contractor.kana.is_(None), Contractor.kana, Contractor.name, Contractor.id)


class Evaluation(Versioned, Base):
    __tablename__ = "evaluation"
    contractor_id: Mapped[int] = mapped_column(ForeignKey("contractor.id", ondelete="RESTRICT"), index=True)
    evaluated_on: Mapped[date] = mapped_column(Date)
    evaluator: Mapped[str] = mapped_column(String(200))
    route: Mapped[str] = mapped_column(String(20))
    items: Mapped[list[Any]] = mapped_column(default=list)  # snapshot: item definition + score
    total_score: Mapped[int] = mapped_column(Integer)
    max_score: Mapped[int] = mapped_column(Integer)
    result: Mapped[str] = mapped_column(String(20))
    certificate_number: Mapped[str | None] = mapped_column(String(200))
    certificate_expiry: Mapped[date | None] = mapped_column(Date)
    conditions: Mapped[str | None] = mapped_column(Text)
    approver: Mapped[str | None] = mapped_column(String(200))
    approved_on: Mapped[date | None] = mapped_column(Date)
    next_due_on: Mapped[date | None] = mapped_column(Date)
    next_due_reason: Mapped[str | None] = mapped_column(Text)
    # Approval: a new version of an approved evaluation supersedes it once approved itself.
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("evaluation.id", ondelete="SET NULL"))
    is_superseded: Mapped[bool] = mapped_column(Boolean, default=False)

    contractor: Mapped[Contractor] = relationship(back_populates="evaluations")


class Contract(Versioned, Base):
    __tablename__ = "contract"
    contractor_id: Mapped[int] = mapped_column(ForeignKey("contractor.id", ondelete="RESTRICT"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(200))
    reference_number: Mapped[str | None] = mapped_column(String(200))
    signed_on: Mapped[date] = mapped_column(Date)
    effective_from: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date)
    auto_renewal: Mapped[bool] = mapped_column(Boolean, default=False)
    renewal_term_months: Mapped[int | None] = mapped_column(Integer)
    clauses: Mapped[list[Any]] = mapped_column(default=list)
    notes: Mapped[str | None] = mapped_column(Text)
    attachment_name: Mapped[str | None] = mapped_column(String(255))
    attachment_path: Mapped[str | None] = mapped_column(String(500))
    attachment_sha256: Mapped[str | None] = mapped_column(String(64))
    attachment_size: Mapped[int | None] = mapped_column(Integer)
    approver: Mapped[str | None] = mapped_column(String(200))
    approved_on: Mapped[date | None] = mapped_column(Date)
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("contract.id", ondelete="SET NULL"))
    is_superseded: Mapped[bool] = mapped_column(Boolean, default=False)

    contractor: Mapped[Contractor] = relationship(back_populates="contracts")


class Engagement(Versioned, Base):
    __tablename__ = "engagement"
    client_name: Mapped[str] = mapped_column(String(200), index=True)
    client_corporate_number: Mapped[str | None] = mapped_column(String(13))
    client_is_original: Mapped[bool] = mapped_column(Boolean, default=True)
    original_business_name: Mapped[str | None] = mapped_column(String(200))
    # The consent chain's parties (desktop.domain.consent_chain): the clients between the original business
    # and ours, in order (NULL in rows older than migration 0007: none), and the parties the original business
    # authorised in writing to consent, each {party, granted_on (ISO), document} (NULL in rows without one
    # older than migration 0012: none).
    intermediate_clients: Mapped[list[Any] | None] = mapped_column(JSON)
    consent_authorities: Mapped[list[Any] | None] = mapped_column(JSON)
    work: Mapped[str] = mapped_column(Text)
    pi_items: Mapped[list[Any]] = mapped_column(default=list)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20))
    notes: Mapped[str | None] = mapped_column(Text)

    consent_hops: Mapped[list[ConsentHop]] = relationship(
        back_populates="engagement", order_by="ConsentHop.consented_on", passive_deletes=True
    )
    redelegations: Mapped[list[Redelegation]] = relationship(
        back_populates="engagement", order_by="Redelegation.start_date", passive_deletes=True
    )


class Redelegation(Versioned, Base):
    __tablename__ = "redelegation"
    engagement_id: Mapped[int] = mapped_column(ForeignKey("engagement.id", ondelete="CASCADE"), index=True)
    contractor_id: Mapped[int] = mapped_column(ForeignKey("contractor.id", ondelete="RESTRICT"), index=True)
    work: Mapped[str | None] = mapped_column(Text)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)

    engagement: Mapped[Engagement] = relationship(back_populates="redelegations")
    contractor: Mapped[Contractor] = relationship()


class ConsentHop(Versioned, Base):
    __tablename__ = "consent_hop"
    engagement_id: Mapped[int] = mapped_column(ForeignKey("engagement.id", ondelete="CASCADE"), index=True)
    redelegation_id: Mapped[int | None] = mapped_column(
        ForeignKey("redelegation.id", ondelete="CASCADE"), index=True
    )
    # Who gave the consent and the link it covers, as keys of the chain's parties (desktop.domain.consent_chain);
    # NULL where migration 0007 could not infer them from the names (the check lists those to complete).
    given_by: Mapped[str | None] = mapped_column(String(250))
    link_from: Mapped[str | None] = mapped_column(String(250))
    link_to: Mapped[str | None] = mapped_column(String(250))
    from_party: Mapped[str] = mapped_column(String(200))  # the names, as recorded
    to_party: Mapped[str] = mapped_column(String(200))
    consented_on: Mapped[date] = mapped_column(Date)
    form: Mapped[str] = mapped_column(String(20))
    reference: Mapped[str | None] = mapped_column(String(200))
    attachment_name: Mapped[str | None] = mapped_column(String(255))
    attachment_path: Mapped[str | None] = mapped_column(String(500))
    attachment_sha256: Mapped[str | None] = mapped_column(String(64))
    attachment_size: Mapped[int | None] = mapped_column(Integer)

    engagement: Mapped[Engagement] = relationship(back_populates="consent_hops")


class JointUse(Versioned, Base):
    __tablename__ = "joint_use"
    title: Mapped[str] = mapped_column(String(200))
    joint_use_statement: Mapped[str | None] = mapped_column(Text)
    pi_items: Mapped[list[Any]] = mapped_column(default=list)
    scope: Mapped[str | None] = mapped_column(Text)
    joint_users: Mapped[list[Any]] = mapped_column(default=list)
    purposes: Mapped[str | None] = mapped_column(Text)
    responsible_name: Mapped[str | None] = mapped_column(String(200))
    responsible_address: Mapped[str | None] = mapped_column(String(200))
    responsible_is_corporation: Mapped[bool] = mapped_column(Boolean, default=True)
    responsible_representative: Mapped[str | None] = mapped_column(String(200))
    acquisition_method: Mapped[str | None] = mapped_column(Text)
    notice_method: Mapped[str | None] = mapped_column(String(20))
    notice_reference: Mapped[str | None] = mapped_column(String(200))
    notice_published_on: Mapped[date | None] = mapped_column(Date)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)

    changes: Mapped[list[JointUseChange]] = relationship(
        back_populates="joint_use", order_by="JointUseChange.changed_on", passive_deletes=True
    )


class JointUseChange(Versioned, Base):
    __tablename__ = "joint_use_change"
    joint_use_id: Mapped[int] = mapped_column(ForeignKey("joint_use.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(40))
    description: Mapped[str] = mapped_column(Text)
    changed_on: Mapped[date] = mapped_column(Date)
    noticed_on: Mapped[date | None] = mapped_column(Date)
    basis: Mapped[str | None] = mapped_column(String(40))  # JointUseChangeBasis: why ② or ③ could change
    basis_reason: Mapped[str | None] = mapped_column(Text)

    joint_use: Mapped[JointUse] = relationship(back_populates="changes")


class CorrectiveAction(Versioned, Base):
    """是正処置: what the officer had done about a finding of a past lapse of a record, when and by whom.

    The record is named as the findings name theirs (`record_type`, `record_id`: a contractor, a joint use, an
    opt-out provision); the service checks that it exists and that the rule's findings are on that kind. Its
    owner cannot be deleted while it has one (desktop.services.records.delete)."""

    __tablename__ = "corrective_action"
    record_type: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[int] = mapped_column(Integer)
    rule: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(Text)
    taken_on: Mapped[date] = mapped_column(Date)
    taken_by: Mapped[str] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_corrective_action_record", "record_type", "record_id"),)


class OptOut(Versioned, Base):
    """An opt-out provision arrangement (policy §5(3); APPI Art. 27(2)): items ①–⑤ and their notification."""

    __tablename__ = "opt_out"
    title: Mapped[str] = mapped_column(String(200))
    purpose_statement: Mapped[str | None] = mapped_column(Text)
    pi_items: Mapped[list[Any]] = mapped_column(default=list)
    provision_method: Mapped[str | None] = mapped_column(Text)
    stop_statement: Mapped[str | None] = mapped_column(Text)
    stop_request_method: Mapped[str | None] = mapped_column(Text)
    acquisition_method: Mapped[str | None] = mapped_column(Text)
    includes_special_care: Mapped[bool] = mapped_column(Boolean, default=False)
    ppc_notified_on: Mapped[date | None] = mapped_column(Date)
    made_known_on: Mapped[date | None] = mapped_column(Date)
    made_known_method: Mapped[str | None] = mapped_column(String(20))
    made_known_reference: Mapped[str | None] = mapped_column(String(200))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)

    changes: Mapped[list[OptOutChange]] = relationship(
        back_populates="opt_out", order_by="OptOutChange.changed_on", passive_deletes=True
    )


class OptOutChange(Versioned, Base):
    """A change of an opt-out arrangement's items, notified again (APPI Art. 27(3))."""

    __tablename__ = "opt_out_change"
    opt_out_id: Mapped[int] = mapped_column(ForeignKey("opt_out.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(40))
    description: Mapped[str] = mapped_column(Text)
    changed_on: Mapped[date] = mapped_column(Date)
    ppc_notified_on: Mapped[date | None] = mapped_column(Date)
    made_known_on: Mapped[date | None] = mapped_column(Date)

    opt_out: Mapped[OptOut] = relationship(back_populates="changes")


class StopRequest(Versioned, Base):
    """A person's request that the provision under an opt-out arrangement stop for them (APPI Art. 27(2))."""

    __tablename__ = "stop_request"
    opt_out_id: Mapped[int] = mapped_column(ForeignKey("opt_out.id", ondelete="RESTRICT"), index=True)
    person: Mapped[str] = mapped_column(String(200))
    person_reference: Mapped[str | None] = mapped_column(String(200))
    received_on: Mapped[date] = mapped_column(Date)
    identity_check: Mapped[str] = mapped_column(String(200))
    effective_on: Mapped[date] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)

    opt_out: Mapped[OptOut] = relationship()


class Provision(Versioned, Base):
    """A provision of personal data to a third party (第三者提供記録, APPI Art. 29; Enforcement Rules Art. 20):
    one day, or a period for a continuous provision recorded in bulk."""

    __tablename__ = "provision"
    provided_on: Mapped[date | None] = mapped_column(Date)
    period_from: Mapped[date | None] = mapped_column(Date)
    period_to: Mapped[date | None] = mapped_column(Date)
    recipient_name: Mapped[str] = mapped_column(String(200))
    recipient_is_corporation: Mapped[bool] = mapped_column(Boolean, default=True)
    recipient_address: Mapped[str | None] = mapped_column(String(200))
    recipient_representative: Mapped[str | None] = mapped_column(String(200))
    contractor_id: Mapped[int | None] = mapped_column(
        ForeignKey("contractor.id", ondelete="RESTRICT"), index=True
    )
    persons: Mapped[str | None] = mapped_column(Text)
    person_references: Mapped[str | None] = mapped_column(Text)
    pi_items: Mapped[list[Any]] = mapped_column(default=list)
    basis: Mapped[str | None] = mapped_column(String(20))
    exemption: Mapped[str | None] = mapped_column(String(40))
    opt_out_id: Mapped[int | None] = mapped_column(ForeignKey("opt_out.id", ondelete="RESTRICT"), index=True)
    method: Mapped[str | None] = mapped_column(String(20))
    record_form: Mapped[str | None] = mapped_column(String(80))
    notes: Mapped[str | None] = mapped_column(Text)


class Receipt(Versioned, Base):
    """A receipt of personal data from a third party, with the confirmation of how the provider acquired it
    (確認記録, APPI Art. 30; Enforcement Rules Art. 24)."""

    __tablename__ = "receipt"
    received_on: Mapped[date | None] = mapped_column(Date)
    period_from: Mapped[date | None] = mapped_column(Date)
    period_to: Mapped[date | None] = mapped_column(Date)
    provider_name: Mapped[str] = mapped_column(String(200))
    provider_is_corporation: Mapped[bool] = mapped_column(Boolean, default=True)
    provider_address: Mapped[str | None] = mapped_column(String(200))
    provider_representative: Mapped[str | None] = mapped_column(String(200))
    acquisition_confirmation: Mapped[str | None] = mapped_column(Text)
    confirmed_on: Mapped[date | None] = mapped_column(Date)
    confirmation_method: Mapped[str | None] = mapped_column(String(200))
    persons: Mapped[str | None] = mapped_column(Text)
    pi_items: Mapped[list[Any]] = mapped_column(default=list)
    record_form: Mapped[str | None] = mapped_column(String(80))
    notes: Mapped[str | None] = mapped_column(Text)


# Data-subject requests and incidents (issue 15) ----------------------------------------------------------
class Request(Versioned, Base):
    """A person's request under policy §9 (APPI Art. 32–35): disclosure, correction, deletion, suspension of
    use, stop of third-party provision; its receipt, identity check, decision and reply."""

    __tablename__ = "request"
    request_type: Mapped[str] = mapped_column(String(40))
    requester: Mapped[str] = mapped_column(String(200))
    by_agent: Mapped[bool] = mapped_column(Boolean, default=False)
    agent_name: Mapped[str | None] = mapped_column(String(200))
    received_on: Mapped[date] = mapped_column(Date, index=True)
    identity_check: Mapped[str] = mapped_column(String(200))
    decision: Mapped[str] = mapped_column(String(20), default="pending")
    refusal_ground: Mapped[str | None] = mapped_column(String(40))
    replied_on: Mapped[date | None] = mapped_column(Date)
    reply_method: Mapped[str | None] = mapped_column(String(20))
    fee: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str | None] = mapped_column(Text)


class Incident(Versioned, Base):
    """A leak, loss or damage of personal data (漏えい等, APPI Art. 26), at the company or a contractor, with
    the reports it owes (desktop.domain.incident_reports)."""

    __tablename__ = "incident"
    title: Mapped[str] = mapped_column(String(200))
    discovered_on: Mapped[date] = mapped_column(Date, index=True)
    contractor_id: Mapped[int | None] = mapped_column(
        ForeignKey("contractor.id", ondelete="RESTRICT"), index=True
    )
    description: Mapped[str] = mapped_column(Text)
    pi_items: Mapped[list[Any]] = mapped_column(default=list)
    person_count: Mapped[int | None] = mapped_column(Integer)
    involves_special_care: Mapped[bool] = mapped_column(Boolean, default=False)
    may_cause_financial_damage: Mapped[bool] = mapped_column(Boolean, default=False)
    is_malicious: Mapped[bool] = mapped_column(Boolean, default=False)
    over_thousand_persons: Mapped[bool] = mapped_column(Boolean, default=False)
    ppc_preliminary_reported_on: Mapped[date | None] = mapped_column(Date)
    ppc_confirmed_reported_on: Mapped[date | None] = mapped_column(Date)
    persons_notified_on: Mapped[date | None] = mapped_column(Date)
    pmark_preliminary_reported_on: Mapped[date | None] = mapped_column(Date)
    pmark_confirmed_reported_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)

    contractor: Mapped[Contractor | None] = relationship()


class AuditEvent(Base):
    """Append-only: every create, update and delete made through a service."""

    __tablename__ = "audit_event"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(default=utc_now, index=True)
    actor: Mapped[str] = mapped_column(String(100), index=True)
    action: Mapped[str] = mapped_column(String(20))
    record_type: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[int] = mapped_column(Integer)
    changes: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # Hash chain: each event carries the hash of the one before it (see desktop.services.audit).
    previous_hash: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64), default="")

    __table_args__ = (Index("ix_audit_event_record", "record_type", "record_id"),)


class Account(Versioned, Base):
    """A person who signs in; the password is kept only as an argon2 hash."""

    __tablename__ = "account"
    username: Mapped[str] = mapped_column(String(100), unique=True)
    display_name: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    # Loaded only when asked for: on PostgreSQL with the roles in force no group may read it (store.roles).
    password_hash: Mapped[str] = mapped_column(String(200), deferred=True)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)


class FindingSnapshot(Base):
    """Derived data, not a record: the findings last computed, keyed by what they were computed from (the
    rules version, the as-of date and the audit chain's head, which moves on every write). Not audited."""

    __tablename__ = "finding_snapshot"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rules_version: Mapped[str] = mapped_column(String(100))
    as_of: Mapped[date] = mapped_column(Date)
    audit_head_id: Mapped[int] = mapped_column(Integer)
    audit_head_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    payload: Mapped[bytes] = mapped_column(LargeBinary)  # see desktop.services.compliance.snapshot

    __table_args__ = (Index("ix_finding_snapshot_key", "audit_head_id", "as_of"),)


# The mapped table of every kind of record, keyed by RecordType; only the database as a whole (the record of
# a restore) has none. tests/test_record_kinds.py holds every registry to the enum.
RECORD_MODELS: dict[RecordType, type[Base]] = {
    RecordType.COMPANY_PROFILE: CompanyProfile,
    RecordType.CONTRACTOR: Contractor,
    RecordType.EVALUATION: Evaluation,
    RecordType.CONTRACT: Contract,
    RecordType.ENGAGEMENT: Engagement,
    RecordType.CONSENT_HOP: ConsentHop,
    RecordType.REDELEGATION: Redelegation,
    RecordType.JOINT_USE: JointUse,
    RecordType.JOINT_USE_CHANGE: JointUseChange,
    RecordType.CORRECTIVE_ACTION: CorrectiveAction,
    RecordType.OPT_OUT: OptOut,
    RecordType.OPT_OUT_CHANGE: OptOutChange,
    RecordType.STOP_REQUEST: StopRequest,
    RecordType.PROVISION: Provision,
    RecordType.RECEIPT: Receipt,
    RecordType.REQUEST: Request,
    RecordType.INCIDENT: Incident,
    RecordType.ACCOUNT: Account,
    RecordType.SETTING: Setting,
}
