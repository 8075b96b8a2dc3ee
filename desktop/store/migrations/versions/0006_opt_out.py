"""opt-out provision: the arrangements (items ①–⑤, PPC notification), their changes and the stop requests

Three new tables (issue 15); nothing existing changes.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 23:00:00
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

import desktop.store.models

revision = "0006"
down_revision = "0005"
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
        "opt_out",
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("purpose_statement", sa.Text(), nullable=True),
        sa.Column("pi_items", sa.JSON(), nullable=False),
        sa.Column("provision_method", sa.Text(), nullable=True),
        sa.Column("stop_statement", sa.Text(), nullable=True),
        sa.Column("stop_request_method", sa.Text(), nullable=True),
        sa.Column("acquisition_method", sa.Text(), nullable=True),
        sa.Column("includes_special_care", sa.Boolean(), nullable=False),
        sa.Column("ppc_notified_on", sa.Date(), nullable=True),
        sa.Column("made_known_on", sa.Date(), nullable=True),
        sa.Column("made_known_method", sa.String(length=20), nullable=True),
        sa.Column("made_known_reference", sa.String(length=200), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        *_stamps(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opt_out")),
    )
    op.create_table(
        "opt_out_change",
        sa.Column("opt_out_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("changed_on", sa.Date(), nullable=False),
        sa.Column("ppc_notified_on", sa.Date(), nullable=True),
        sa.Column("made_known_on", sa.Date(), nullable=True),
        *_stamps(),
        sa.ForeignKeyConstraint(
            ["opt_out_id"],
            ["opt_out.id"],
            name=op.f("fk_opt_out_change_opt_out_id_opt_out"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opt_out_change")),
    )
    with op.batch_alter_table("opt_out_change", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_opt_out_change_opt_out_id"), ["opt_out_id"], unique=False)
    op.create_table(
        "stop_request",
        sa.Column("opt_out_id", sa.Integer(), nullable=False),
        sa.Column("person", sa.String(length=200), nullable=False),
        sa.Column("person_reference", sa.String(length=200), nullable=True),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("identity_check", sa.String(length=200), nullable=False),
        sa.Column("effective_on", sa.Date(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        *_stamps(),
        sa.ForeignKeyConstraint(
            ["opt_out_id"],
            ["opt_out.id"],
            name=op.f("fk_stop_request_opt_out_id_opt_out"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stop_request")),
    )
    with op.batch_alter_table("stop_request", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stop_request_opt_out_id"), ["opt_out_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("stop_request", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stop_request_opt_out_id"))
    op.drop_table("stop_request")
    with op.batch_alter_table("opt_out_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_opt_out_change_opt_out_id"))
    op.drop_table("opt_out_change")
    op.drop_table("opt_out")
