"""corrective action on any record: a corrective action names its record as findings do (record_type, record_id)

Issue 12: a corrective action (是正処置) closes the finding of a past lapse of a contractor, a joint use or an
opt-out provision, not only of a contractor. The column `contractor_id` (with its foreign key and index) gives
way to `record_type` + `record_id`; every existing action was on a contractor and keeps it.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30 02:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desktop.store.migrations.trail import append_events, writes_own_trail

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

MIGRATION_ACTOR = "itaku-migration-0011"


def upgrade() -> None:
    with op.batch_alter_table("corrective_action", schema=None) as batch_op:
        batch_op.add_column(sa.Column("record_type", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("record_id", sa.Integer(), nullable=True))
    bind = op.get_bind()
    moved = [
        (int(row[0]), int(row[1]))
        for row in bind.execute(sa.text("SELECT id, contractor_id FROM corrective_action ORDER BY id"))
    ]
    op.execute("UPDATE corrective_action SET record_type = 'contractor', record_id = contractor_id")
    # The trail explains the new columns (audit verify replays it onto the records): one update event per
    # action, as 0007 did; on PostgreSQL with the roles in force the triggers write it themselves.
    if not writes_own_trail(bind):
        append_events(
            bind,
            MIGRATION_ACTOR,
            "update",
            "corrective_action",
            [
                (action_id, {"record_type": [None, "contractor"], "record_id": [None, contractor_id]})
                for action_id, contractor_id in moved
            ],
        )
    with op.batch_alter_table("corrective_action", schema=None) as batch_op:
        batch_op.alter_column("record_type", existing_type=sa.String(length=40), nullable=False)
        batch_op.alter_column("record_id", existing_type=sa.Integer(), nullable=False)
        batch_op.drop_index(batch_op.f("ix_corrective_action_contractor_id"))
        batch_op.drop_constraint("fk_corrective_action_contractor_id_contractor", type_="foreignkey")
        batch_op.drop_column("contractor_id")
        batch_op.create_index("ix_corrective_action_record", ["record_type", "record_id"], unique=False)


def downgrade() -> None:
    # Only actions on contractors can go back to the contractor column; the others would be lost: refuse.
    bind = op.get_bind()
    others = bind.execute(
        sa.text("SELECT count(*) FROM corrective_action WHERE record_type <> 'contractor'")
    ).scalar()
    if others:
        raise RuntimeError(
            f"{others} corrective action(s) are on records other than contractors: cannot downgrade"
        )
    with op.batch_alter_table("corrective_action", schema=None) as batch_op:
        batch_op.add_column(sa.Column("contractor_id", sa.Integer(), nullable=True))
    op.execute("UPDATE corrective_action SET contractor_id = record_id")
    with op.batch_alter_table("corrective_action", schema=None) as batch_op:
        batch_op.alter_column("contractor_id", existing_type=sa.Integer(), nullable=False)
        batch_op.drop_index("ix_corrective_action_record")
        batch_op.drop_column("record_id")
        batch_op.drop_column("record_type")
        batch_op.create_foreign_key(
            "fk_corrective_action_contractor_id_contractor",
            "contractor",
            ["contractor_id"],
            ["id"],
            ondelete="RESTRICT",
        )
        batch_op.create_index(
            batch_op.f("ix_corrective_action_contractor_id"), ["contractor_id"], unique=False
        )
