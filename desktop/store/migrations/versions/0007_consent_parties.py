"""consent parties: who gave each consent and which link it covers, as parties of the engagement's chain

Engagements gain their intermediate clients and the party the original business authorised in writing to
consent (its date and document); consents gain `given_by`, `link_from` and `link_to`, keys of the chain's
parties (desktop.domain.consent_chain). Existing consents are given the party and link their names infer:
the giver is the party whose name `from_party` carries; a consent of a re-delegation covers us → that
sub-contractor; one of the engagement covers the link into the party `to_party` names (our company: client →
us). What cannot be inferred stays NULL, and the check lists those consents to complete
(`engagement.consent_incomplete`). Each filled row gets an update event in the audit trail, so that the
trail still replays onto the records (on PostgreSQL with the roles in force, the triggers write it).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29 22:40:00
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

MIGRATION_ACTOR = "itaku-migration-0007"


def upgrade() -> None:
    with op.batch_alter_table("engagement", schema=None) as batch_op:
        batch_op.add_column(sa.Column("intermediate_clients", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("consent_authority", sa.String(length=250), nullable=True))
        batch_op.add_column(sa.Column("consent_authority_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("consent_authority_document", sa.String(length=200), nullable=True))
    with op.batch_alter_table("consent_hop", schema=None) as batch_op:
        batch_op.add_column(sa.Column("given_by", sa.String(length=250), nullable=True))
        batch_op.add_column(sa.Column("link_from", sa.String(length=250), nullable=True))
        batch_op.add_column(sa.Column("link_to", sa.String(length=250), nullable=True))
    infer_consent_parties(op.get_bind())


def downgrade() -> None:
    with op.batch_alter_table("consent_hop", schema=None) as batch_op:
        batch_op.drop_column("link_to")
        batch_op.drop_column("link_from")
        batch_op.drop_column("given_by")
    with op.batch_alter_table("engagement", schema=None) as batch_op:
        batch_op.drop_column("consent_authority_document")
        batch_op.drop_column("consent_authority_on")
        batch_op.drop_column("consent_authority")
        batch_op.drop_column("intermediate_clients")


def infer_consent_parties(bind: sa.Connection) -> int:
    """Fill given_by / link_from / link_to of the consents whose names say them; return how many were."""
    from desktop.domain.consent_chain import SubContractor, build_chain, infer_party, redelegation_key

    engagement = sa.table(
        "engagement",
        sa.column("id", sa.Integer),
        sa.column("client_name", sa.String),
        sa.column("client_is_original", sa.Boolean),
        sa.column("original_business_name", sa.String),
        sa.column("start_date", sa.Date),
    )
    redelegation = sa.table(
        "redelegation",
        sa.column("id", sa.Integer),
        sa.column("engagement_id", sa.Integer),
        sa.column("contractor_id", sa.Integer),
        sa.column("start_date", sa.Date),
    )
    contractor = sa.table("contractor", sa.column("id", sa.Integer), sa.column("name", sa.String))
    hop = sa.table(
        "consent_hop",
        sa.column("id", sa.Integer),
        sa.column("engagement_id", sa.Integer),
        sa.column("redelegation_id", sa.Integer),
        sa.column("from_party", sa.String),
        sa.column("to_party", sa.String),
        sa.column("given_by", sa.String),
        sa.column("link_from", sa.String),
        sa.column("link_to", sa.String),
    )
    company = sa.table("company_profile", sa.column("name", sa.String))
    company_names = [name for (name,) in bind.execute(sa.select(company.c.name)) if name]
    subcontractors: dict[int, list[SubContractor]] = {}
    for row in bind.execute(
        sa.select(
            redelegation.c.id, redelegation.c.engagement_id, contractor.c.name, redelegation.c.start_date
        ).join(contractor, contractor.c.id == redelegation.c.contractor_id)
    ):
        subcontractors.setdefault(row.engagement_id, []).append(
            SubContractor(row.id, row.name, row.start_date)
        )
    engagements = {row.id: row for row in bind.execute(sa.select(engagement))}
    filled: list[tuple[int, dict[str, Any]]] = []
    for row in bind.execute(sa.select(hop).order_by(hop.c.id)):
        parent = engagements.get(row.engagement_id)
        if parent is None:
            continue
        chain = build_chain(
            parent.client_name,
            bool(parent.client_is_original),
            parent.original_business_name,
            (),
            parent.start_date,
            company_names[0] if company_names else "",
            subcontractors.get(parent.id, ()),
        )
        giver = infer_party(chain, row.from_party, company_names=company_names)
        source: str | None = None
        target: str | None = None
        if row.redelegation_id is not None:
            link = next(
                (x for x in chain.links if x.target.key == redelegation_key(row.redelegation_id)), None
            )
        else:
            entrusted = infer_party(chain, row.to_party, company_names=company_names)
            link = next(
                (x for x in chain.links if entrusted is not None and x.target.key == entrusted.key), None
            )
        if link is not None:
            source, target = link.source.key, link.target.key
        values = {
            name: value
            for name, value in (
                ("given_by", giver.key if giver is not None else None),
                ("link_from", source),
                ("link_to", target),
            )
            if value is not None
        }
        if values:
            filled.append((row.id, values))
    writes_own_trail = bind.dialect.name == "postgresql" and bool(
        bind.execute(sa.text("SELECT to_regproc('public.itaku_audit_row') IS NOT NULL")).scalar()
    )
    for hop_id, values in filled:
        bind.execute(hop.update().where(hop.c.id == hop_id).values(**values))
    if not writes_own_trail:
        _record_events(
            bind, [(hop_id, {k: [None, v] for k, v in values.items()}) for hop_id, values in filled]
        )
    return len(filled)


def _record_events(bind: sa.Connection, changes: list[tuple[int, dict[str, Any]]]) -> None:
    """One update event per filled consent, chained onto the trail's head as the app chains its own."""
    from desktop.domain.audit_chain import GENESIS, event_hash
    from desktop.store.models import UTCDateTime

    if not changes:
        return
    events = sa.table(
        "audit_event",
        sa.column("id", sa.Integer),
        sa.column("occurred_at", UTCDateTime()),
        sa.column("actor", sa.String),
        sa.column("action", sa.String),
        sa.column("record_type", sa.String),
        sa.column("record_id", sa.Integer),
        sa.column("changes", sa.JSON),
        sa.column("previous_hash", sa.String),
        sa.column("hash", sa.String),
    )
    head = bind.execute(sa.select(events.c.id, events.c.hash).order_by(events.c.id.desc()).limit(1)).first()
    last_id, last_hash = (head.id, head.hash) if head is not None else (0, GENESIS)
    now = datetime.now(UTC)
    rows = []
    for record_id, change in changes:
        last_id += 1
        digest = event_hash(
            last_hash, last_id, now, MIGRATION_ACTOR, "update", "consent_hop", record_id, change
        )
        rows.append(
            {
                "id": last_id,
                "occurred_at": now,
                "actor": MIGRATION_ACTOR,
                "action": "update",
                "record_type": "consent_hop",
                "record_id": record_id,
                "changes": change,
                "previous_hash": last_hash,
                "hash": digest,
            }
        )
        last_hash = digest
    bind.execute(events.insert(), rows)
