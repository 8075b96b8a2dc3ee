"""A look into a SQLite file before the database is open, with the standard library (`desktop.store.quick_read`),
no SQLAlchemy: whether it has accounts (so the window asks for the password while the rest loads) and the
partial compliance model of its current findings snapshot (the figures and the first worst-first rows).

Figures only for a database without accounts: one with accounts shows nothing before someone signs in. The
snapshot is taken only under the key `CheckService.state()` uses (rules version, today's date in Tokyo, the
audit chain's head read in the same transaction), so the figures are exactly those the full load will give.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop.services.compliance.model import ComplianceModel
from desktop.services.compliance.snapshot import decode_partial, rules_version
from desktop.store.quick_read import read_snapshot


@dataclass(frozen=True)
class DatabaseLook:
    has_accounts: bool | None  # None: not known before the database is open (another revision, unreadable)
    preview: ComplianceModel | None  # partial; None: nothing to show (accounts, no current snapshot, …)


NOTHING_KNOWN = DatabaseLook(None, None)


def look_into(path: Path, today: date) -> DatabaseLook:
    """What the file at `path` tells before it is opened, for the as-of date `today`."""
    found = read_snapshot(path, rules_version(), today)
    if found is None or found.has_accounts is None:  # unreadable, or another schema revision
        return NOTHING_KNOWN
    if found.has_accounts or found.payload is None:
        return DatabaseLook(found.has_accounts, None)
    return DatabaseLook(False, decode_partial(found.payload))
