"""data-subject requests and incidents: the requests of policy §9 and the incidents of APPI Art. 26

Two new tables (issue 15); nothing existing changes.

Revision ID: 0010
Revises: 0008
Create Date: 2026-11-30 02:20:00
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

import desktop.store.models

revision = "0010"
down_revision = "0009"  # re-chained after 0009 when merged
branch_labels = None
depends_on = None


def _stamps() -> list[sa.Column[Any]]:
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", desktop.store.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", desktop.store.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "request",
        sa.Column("request_type", sa.String(length=40), nullable=False),
        sa.Column("requester", sa.String(length=200), nullable=False),
        sa.Column("by_agent", sa.Boolean(), nullable=False),
        sa.Column("agent_name", sa.String(length=200), nullable=True),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("identity_check", sa.String(length=200), nullable=False),
        sa.Column("decision", sa.String(length=20), nullable=False),
        sa.Column("refusal_ground", sa.String(length=40), nullable=True),
        sa.Column("replied_on", sa.Date(), nullable=True),
        sa.Column("reply_method", sa.String(length=20), nullable=True),
        sa.Column("fee", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        *_stamps(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_request")),
    )
    with op.batch_alter_table("request", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_request_received_on"), ["received_on"], unique=False)
    op.create_table(
        "incident",
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("discovered_on", sa.Date(), nullable=False),
        sa.Column("contractor_id", sa.Integer(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("pi_items", sa.JSON(), nullable=False),
        sa.Column("person_count", sa.Integer(), nullable=True),
        sa.Column("involves_special_care", sa.Boolean(), nullable=False),
        sa.Column("may_cause_financial_damage", sa.Boolean(), nullable=False),
        sa.Column("is_malicious", sa.Boolean(), nullable=False),
        sa.Column("over_thousand_persons", sa.Boolean(), nullable=False),
        sa.Column("ppc_preliminary_reported_on", sa.Date(), nullable=True),
        sa.Column("ppc_confirmed_reported_on", sa.Date(), nullable=True),
        sa.Column("persons_notified_on", sa.Date(), nullable=True),
        sa.Column("pmark_preliminary_reported_on", sa.Date(), nullable=True),
        sa.Column("pmark_confirmed_reported_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        *_stamps(),
        sa.ForeignKeyConstraint(
            ["contractor_id"],
            ["contractor.id"],
            name=op.f("fk_incident_contractor_id_contractor"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident")),
    )
    with op.batch_alter_table("incident", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_incident_contractor_id"), ["contractor_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_incident_discovered_on"), ["discovered_on"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("incident", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_incident_discovered_on"))
        batch_op.drop_index(batch_op.f("ix_incident_contractor_id"))
    op.drop_table("incident")
    with op.batch_alter_table("request", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_request_received_on"))
    op.drop_table("request")
