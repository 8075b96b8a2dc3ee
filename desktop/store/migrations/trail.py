"""For migrations that change records: the audit events that explain the change, chained onto the trail's
head as the app chains its own (so that `audit verify` replays the trail onto the migrated records).

On PostgreSQL with the roles in force the database writes its own trail: a migration that changes rows gets
its events from the triggers; one that changes no row (a baseline) appends them through the server's
`itaku_append_event`, which continues the chain in SQL.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa


def writes_own_trail(bind: sa.Connection) -> bool:
    """PostgreSQL with Itaku's roles in force: its triggers and functions write the audit events."""
    return bind.dialect.name == "postgresql" and bool(
        bind.execute(sa.text("SELECT to_regproc('public.itaku_audit_row') IS NOT NULL")).scalar()
    )


def append_events(
    bind: sa.Connection, actor: str, action: str, record_type: str, changes: list[tuple[int, dict[str, Any]]]
) -> None:
    """One event per (record id, changes), in order, after the trail's head."""
    if not changes:
        return
    if writes_own_trail(bind):
        for record_id, change in changes:
            bind.execute(
                sa.text(
                    "SELECT itaku_append_event(:action, :record_type, :record_id, CAST(:changes AS jsonb))"
                ),
                {
                    "action": action,
                    "record_type": record_type,
                    "record_id": record_id,
                    "changes": json.dumps(change, ensure_ascii=False),
                },
            )
        return
    from desktop.domain.audit_chain import GENESIS, event_hash
    from desktop.store.models import UTCDateTime

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
        digest = event_hash(last_hash, last_id, now, actor, action, record_type, record_id, change)
        rows.append(
            {
                "id": last_id,
                "occurred_at": now,
                "actor": actor,
                "action": action,
                "record_type": record_type,
                "record_id": record_id,
                "changes": change,
                "previous_hash": last_hash,
                "hash": digest,
            }
        )
        last_hash = digest
    bind.execute(events.insert(), rows)
