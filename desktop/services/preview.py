"""The dashboard's figures before the database is open: the summary of the current findings snapshot of a
SQLite file, read with the standard library (`desktop.store.quick_read`), no SQLAlchemy.

Only for a database without accounts: one with accounts shows nothing before someone signs in. The
snapshot is taken only under the key `CheckService.state()` uses (rules version, today's date in Tokyo, the
audit chain's head read in the same transaction), so the figures are exactly those the full load will give.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.services.finding_snapshot import CompliancePreview, decode_preview, rules_version
from desktop.store.quick_read import HEAD_REVISION, read_snapshot


def read_preview(path: Path, today: date) -> CompliancePreview | None:
    """The preview of the database at `path` for the as-of date `today`; None when there is none to show
    (another schema revision, accounts, no current snapshot, or a file that cannot be read this way)."""
    found = read_snapshot(path, rules_version(), today)
    if found is None or found.revision != HEAD_REVISION or found.has_accounts or found.payload is None:
        return None
    return decode_preview(found.payload)
