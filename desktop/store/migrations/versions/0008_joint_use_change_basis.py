"""joint use change basis: why a change of the jointly used items or of the scope of joint users could be made

APPI Art. 27(5)(iii), (6) and PPC Guidelines (General) 3-6-3: only the purpose and the responsible party may
be changed by notice. A change of the items (②) or of the scope of joint users (③) is recorded with its
basis (the persons' consent, succession by merger or business transfer, a change the persons could
reasonably expect) and the reason. Existing changes keep every value and get no basis: an existing change of
the items or the scope is then a finding (joint_use.change_without_basis) until someone records its basis.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29 22:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("joint_use_change", schema=None) as batch_op:
        batch_op.add_column(sa.Column("basis", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("basis_reason", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("joint_use_change", schema=None) as batch_op:
        batch_op.drop_column("basis_reason")
        batch_op.drop_column("basis")
