"""The audit trail's hash chain: each event's hash covers its content and the previous event's hash.

Canonical JSON (sorted keys, no whitespace, UTF-8) makes the hash independent of the database: the
same event hashes the same on SQLite and PostgreSQL, and any changed byte changes the hash.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

GENESIS = "0" * 64


def canonical_time(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def event_hash(
    previous_hash: str,
    event_id: int,
    occurred_at: datetime,
    actor: str,
    action: str,
    record_type: str,
    record_id: int,
    changes: dict[str, Any],
) -> str:
    payload = json.dumps(
        {
            "previous_hash": previous_hash,
            "id": event_id,
            "occurred_at": canonical_time(occurred_at),
            "actor": actor,
            "action": action,
            "record_type": record_type,
            "record_id": record_id,
            "changes": changes,
        },
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
