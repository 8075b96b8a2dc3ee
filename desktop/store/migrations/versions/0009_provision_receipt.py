"""third-party provision records (第三者提供記録, APPI Art. 29) and receipt confirmation records (確認記録, Art. 30)

Two new tables (issue 15); nothing existing changes.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 02:00:00
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

import desktop.store.models

revision = "0009"
down_revision = "0008"
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
        "provision",
        sa.Column("provided_on", sa.Date(), nullable=True),
        sa.Column("period_from", sa.Date(), nullable=True),
        sa.Column("period_to", sa.Date(), nullable=True),
        sa.Column("recipient_name", sa.String(length=200), nullable=False),
        sa.Column("recipient_is_corporation", sa.Boolean(), nullable=False),
        sa.Column("recipient_address", sa.String(length=200), nullable=True),
        sa.Column("recipient_representative", sa.String(length=200), nullable=True),
        sa.Column("contractor_id", sa.Integer(), nullable=True),
        sa.Column("persons", sa.Text(), nullable=True),
        sa.Column("person_references", sa.Text(), nullable=True),
        sa.Column("pi_items", sa.JSON(), nullable=False),
        sa.Column("basis", sa.String(length=20), nullable=True),
        sa.Column("exemption", sa.String(length=40), nullable=True),
        sa.Column("opt_out_id", sa.Integer(), nullable=True),
        sa.Column("method", sa.String(length=20), nullable=True),
        sa.Column("record_form", sa.String(length=80), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        *_stamps(),
        sa.ForeignKeyConstraint(
            ["contractor_id"],
            ["contractor.id"],
            name=op.f("fk_provision_contractor_id_contractor"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["opt_out_id"],
            ["opt_out.id"],
            name=op.f("fk_provision_opt_out_id_opt_out"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_provision")),
    )
    with op.batch_alter_table("provision", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_provision_contractor_id"), ["contractor_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_provision_opt_out_id"), ["opt_out_id"], unique=False)
    op.create_table(
        "receipt",
        sa.Column("received_on", sa.Date(), nullable=True),
        sa.Column("period_from", sa.Date(), nullable=True),
        sa.Column("period_to", sa.Date(), nullable=True),
        sa.Column("provider_name", sa.String(length=200), nullable=False),
        sa.Column("provider_is_corporation", sa.Boolean(), nullable=False),
        sa.Column("provider_address", sa.String(length=200), nullable=True),
        sa.Column("provider_representative", sa.String(length=200), nullable=True),
        sa.Column("acquisition_confirmation", sa.Text(), nullable=True),
        sa.Column("confirmed_on", sa.Date(), nullable=True),
        sa.Column("confirmation_method", sa.String(length=200), nullable=True),
        sa.Column("persons", sa.Text(), nullable=True),
        sa.Column("pi_items", sa.JSON(), nullable=False),
        sa.Column("record_form", sa.String(length=80), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        *_stamps(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_receipt")),
    )


def downgrade() -> None:
    op.drop_table("receipt")
    with op.batch_alter_table("provision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_provision_opt_out_id"))
        batch_op.drop_index(batch_op.f("ix_provision_contractor_id"))
    op.drop_table("provision")
