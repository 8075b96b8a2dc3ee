"""The audit trail's hash chain: each event's hash covers its content and the previous event's hash.

Canonical JSON (sorted keys, no whitespace, UTF-8) makes the hash independent of the database: the
same event hashes the same on SQLite and PostgreSQL, and any changed byte changes the hash.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
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


@dataclass(frozen=True)
class ChainHead:
    """The newest event of the audit trail: its sequence number (id) and hash. Printed on reports and
    written into backups, it anchors the trail outside the database file: a chain recomputed after an
    edit no longer holds the hash an earlier paper or backup shows for that sequence number."""

    sequence: int
    hash: str

    @property
    def text(self) -> str:
        """`SEQ:HASH`, the form `itaku-cli audit verify --anchor` takes."""
        return f"{self.sequence}:{self.hash}"

    @classmethod
    def parse(cls, text: str) -> ChainHead:
        """`SEQ:HASH` (the hash in full, 64 hexadecimal digits); ValueError otherwise."""
        sequence, separator, digest = text.strip().partition(":")
        digest = digest.strip().lower()
        if (
            not separator
            or not sequence
            or any(ch not in "0123456789" for ch in sequence)
            or len(sequence) > 18
            or len(digest) != 64
            or any(ch not in "0123456789abcdef" for ch in digest)
        ):
            raise ValueError(text)
        return cls(int(sequence), digest)


EMPTY_HEAD = ChainHead(0, GENESIS)
