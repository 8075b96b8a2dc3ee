"""SQLite database files as files: a consistent copy while others write, and what a file holds before it is
opened as ours (its tables, schema revision and integrity). Used by backups, restores and migrations."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from desktop.domain.audit_chain import EMPTY_HEAD, ChainHead
from desktop.store.files import create_private_file

ITAKU_TABLES = frozenset({"alembic_version", "contractor", "audit_event"})  # a database of ours has these


class NotADatabase(Exception):
    """The file is not a SQLite database (or cannot be read as one)."""


@dataclass(frozen=True)
class DatabaseFile:
    """What a SQLite file holds, read without changing it."""

    is_itaku: bool
    revision: str | None  # its Alembic revision (None when not ours, or not yet migrated)
    integrity: str | None  # `PRAGMA integrity_check`: "ok", or what is damaged (None when not ours)


def _read_only_uri(path: Path) -> str:
    return f"file:{quote(str(path))}?mode=ro"


def copy(source: Path, target: Path, *, source_read_only: bool = True) -> None:
    """SQLite's online backup API, page by page: a consistent snapshot of `source` even while others write
    to it, into `target` (created or overwritten in place, so whoever opens `target` afterwards sees the
    whole copy). `source_read_only=False` opens a source whose WAL has not been checkpointed (a file we
    wrote ourselves)."""
    source_uri = _read_only_uri(source) if source_read_only else str(source)
    create_private_file(target)  # a copy of the database is as private as the database (0600)
    with sqlite3.connect(source_uri, uri=source_read_only) as reader, sqlite3.connect(target) as writer:
        reader.backup(writer)
    # A `with` block on sqlite3 commits but does not close.
    reader.close()
    writer.close()


def inspect(path: Path) -> DatabaseFile:
    """Read-only: whether `path` is a database of ours, its revision and its integrity check."""
    try:
        connection = sqlite3.connect(_read_only_uri(path), uri=True)
        try:
            tables = {
                row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if not ITAKU_TABLES <= tables:
                return DatabaseFile(False, None, None)
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise NotADatabase(str(error)) from None
    return DatabaseFile(True, row[0] if row else None, str(integrity))


def audit_head(path: Path) -> ChainHead:
    """The audit chain's head (newest event's id and hash) in a SQLite file of ours, read-only."""
    connection = sqlite3.connect(_read_only_uri(path), uri=True)
    try:
        row = connection.execute("SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1").fetchone()
    finally:
        connection.close()
    return ChainHead(int(row[0]), str(row[1])) if row is not None else EMPTY_HEAD


def checkpoint(path: Path) -> None:
    """Fold a SQLite file's write-ahead log into it, so that the file alone holds every committed page."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
