"""account password baseline: the trail gets the password fingerprint of every account that has none in it

Issue 13: since stop 10 the trail keeps, for every account, the SHA-256 of its password hash (never the hash),
so that `audit verify` names a password replaced behind the app. Accounts created before then have no
fingerprint in their events, and for them a replaced password went unseen. This migration writes one update
event per such account, {password_hash_sha256: [null, <fingerprint of the hash stored now>]}: from the upgrade
on, a change behind the app shows for them too. (A change made before the upgrade is what the baseline records:
the trail cannot know what it was before.)

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30 05:40:00
"""

from __future__ import annotations

import hashlib
import json

import sqlalchemy as sa
from alembic import op

from desktop.store.migrations.trail import append_events

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

MIGRATION_ACTOR = "itaku-migration-0013"
PASSWORD_FINGERPRINT = "password_hash_sha256"  # desktop.services.trail_replay.PASSWORD_FINGERPRINT


def upgrade() -> None:
    bind = op.get_bind()
    covered: set[int] = set()
    for record_id, changes in bind.execute(
        sa.text("SELECT record_id, changes FROM audit_event WHERE record_type = 'account'")
    ):
        values = json.loads(changes) if isinstance(changes, str) else (changes or {})
        if PASSWORD_FINGERPRINT in values:
            covered.add(int(record_id))
    baseline = [
        (
            int(account_id),
            {
                PASSWORD_FINGERPRINT: [
                    None,
                    hashlib.sha256(str(password_hash or "").encode("utf-8")).hexdigest(),
                ]
            },
        )
        for account_id, password_hash in bind.execute(
            sa.text("SELECT id, password_hash FROM account ORDER BY id")
        )
        if int(account_id) not in covered
    ]
    append_events(bind, MIGRATION_ACTOR, "update", "account", baseline)


def downgrade() -> None:
    # The trail is append-only: the baseline events stay (an older Itaku reads and verifies them as well).
    pass
