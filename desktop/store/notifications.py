"""PostgreSQL LISTEN/NOTIFY: each write transaction tells every other open window what it changed.

The services note each change as they write its audit event (`note_change`); `Database.write` then queues
one NOTIFY on the `itaku_changes` channel just before it commits, so PostgreSQL delivers it with the commit
and never for a rollback. A window listens on a connection of its own (`ChangeListener`), whose socket
becomes readable when a notification arrives: no polling. SQLite has no such channel (one user, one window).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

CHANNEL = "itaku_changes"
MAX_IDS = 200  # ids named in one notification; beyond, only the kinds (PostgreSQL allows 8,000 bytes)
_PENDING = "itaku_changes"  # the session.info key of the changes not yet announced


def note_change(session: Session, record_type: str, record_ids: Iterable[int]) -> None:
    """Remember that this transaction changed `record_ids` of `record_type`."""
    pending: dict[str, set[int]] = session.info.setdefault(_PENDING, {})
    pending.setdefault(str(record_type), set()).update(int(record_id) for record_id in record_ids)


def send_pending(session: Session, origin: str) -> None:
    """Queue one NOTIFY naming this transaction's changes (delivered at commit; PostgreSQL only)."""
    pending: dict[str, set[int]] | None = session.info.pop(_PENDING, None)
    if not pending or session.get_bind().dialect.name != "postgresql":
        return
    session.execute(
        text("SELECT pg_notify(:channel, :payload)"),
        {"channel": CHANNEL, "payload": encode(origin, pending)},
    )


def encode(origin: str, changes: dict[str, set[int]]) -> str:
    ids = [[kind, record_id] for kind in sorted(changes) for record_id in sorted(changes[kind])]
    message: dict[str, Any] = {"origin": origin, "kinds": sorted(changes)}
    if len(ids) <= MAX_IDS:
        message["ids"] = ids
    return json.dumps(message, ensure_ascii=True, separators=(",", ":"))


def decode(payload: str) -> tuple[str, list[str], list[tuple[str, int]]] | None:
    """(origin, kinds, (kind, id) pairs) of a notification; None if it is not one of ours."""
    try:
        message = json.loads(payload)
        return (
            str(message["origin"]),
            [str(kind) for kind in message["kinds"]],
            [(str(kind), int(record_id)) for kind, record_id in message.get("ids", [])],
        )
    except (ValueError, TypeError, KeyError):
        return None


class ChangeListener:
    """A connection of its own (out of the engine's pool) that LISTENs on the channel; `fileno()` becomes
    readable when a notification arrives, and `receive()` returns the payloads waiting, without blocking."""

    def __init__(self, engine: Engine):
        pooled = engine.raw_connection()
        connection: Any = pooled.driver_connection  # the psycopg connection
        pooled.detach()  # never handed back to the pool: it stays in LISTEN mode until `close`
        self._pooled = pooled
        connection.autocommit = True
        connection.execute(f"LISTEN {CHANNEL}")
        self.connection = connection

    def fileno(self) -> int:
        return int(self.connection.fileno())

    def receive(self) -> list[str]:
        return [notification.payload for notification in self.connection.notifies(timeout=0)]

    def close(self) -> None:
        self.connection.close()
