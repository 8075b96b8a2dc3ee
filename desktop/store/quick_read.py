"""A quick look into a SQLite database with the standard library only, for the window's first paint.

Importing SQLAlchemy, the mapped models and the services takes about half a second; the window wants to
show the dashboard's figures before that. `read_snapshot` opens the file read-only, and in one read
transaction reads the schema revision, whether accounts exist, and the findings snapshot stored under the
audit chain's head, through the same statement the services use (`desktop.store.finding_snapshots`). Anything unexpected gives None and the normal start-up
(SQLAlchemy, migrations, sign-in) decides. Nothing here writes.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import quote

from desktop.store.finding_snapshots import read_current

# The newest revision in migrations/versions; a test holds it equal to Alembic's head, so a new migration
# changes it here too. A database at another revision is not read here (it needs the migration first).
HEAD_REVISION = "0014"

_PREFIXES = ("sqlite:///", "sqlite+pysqlite:///")


def sqlite_file(url: str) -> Path | None:
    """The file a SQLite URL (or a bare path) names, as `desktop.store.database.sqlite_path` reads it; None for
    any other database, an in-memory one, or a URL with options (left to SQLAlchemy)."""
    if "://" not in url:
        return Path(url).expanduser().resolve()
    for prefix in _PREFIXES:
        if url.startswith(prefix):
            rest = url[len(prefix) :]
            if not rest or rest == ":memory:" or "?" in rest or "%" in rest:
                return None
            return Path(rest)
    return None


@dataclass(frozen=True)
class QuickRead:
    has_accounts: bool | None  # None when the schema is not at HEAD_REVISION (nothing else is read then)
    payload: (
        bytes | None
    )  # the findings snapshot for this head, rules version and date; never read with accounts


def read_snapshot(path: Path, rules_version: str, as_of: date) -> QuickRead | None:
    """What the first paint needs from the database file; None when it cannot be read this way. A database
    with accounts shows nothing before sign-in, so its snapshot (megabytes at 100,000 contractors) is not read."""
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(
            f"file:{quote(str(path))}?mode=ro",
            uri=True,
            timeout=0.2,
            isolation_level=None,
            check_same_thread=True,
        )
    except sqlite3.Error:
        return None
    try:
        connection.execute("BEGIN")  # one read transaction: the head and the snapshot belong together
        revisions = [row[0] for row in connection.execute("SELECT version_num FROM alembic_version")]
        revision = revisions[0] if len(revisions) == 1 else None
        if revision != HEAD_REVISION:
            return QuickRead(None, None)
        has_accounts = connection.execute("SELECT EXISTS (SELECT 1 FROM account)").fetchone()[0] == 1
        if has_accounts:
            return QuickRead(True, None)
        if connection.execute(
            "SELECT EXISTS (SELECT 1 FROM audit_event WHERE record_type = 'account')"
        ).fetchone()[0]:
            return QuickRead(None, None)  # its accounts were deleted outside Itaku: the services refuse it
        read = read_current(
            lambda sql, parameters: connection.execute(sql, dict(parameters)).fetchone(),
            rules_version,
            as_of.isoformat(),
        )
        return QuickRead(False, read.payload)
    except sqlite3.Error:
        return None
    finally:
        connection.close()
