"""Whether a SQLite file may be opened as Itaku's database, read with the standard library only.

`desktop.store.database.check_location` uses it for every command; the window uses it on its own for a
`--db` before its first paint, before SQLAlchemy is imported (see desktop.__main__). Nothing here writes:
the file is opened read-only, so no journal or WAL file appears beside a file that is refused.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from urllib.parse import quote

from desktop.domain.errors import Message, ValidationError

SQLITE_HEADER = b"SQLite format 3\x00"
ITAKU_TABLES = ("alembic_version", "contractor", "audit_event")  # what every revision of the schema has


def refuse(ja: str, en: str) -> ValidationError:
    return ValidationError({"db": Message(ja, en)})


def check_sqlite_file(path: Path, *, may_create: bool) -> None:
    """Refuse a path that is a folder or a file that is not SQLite (a text file), and, unless `may_create`
    (the `init` command), a path that does not exist or a SQLite file that is not an Itaku database."""
    if path.is_dir():
        raise refuse(
            f"フォルダーです。データベースファイルを指定してください: {path}",
            f"{path} is a folder, not a database file",
        )
    if not path.exists():
        if may_create:
            return
        raise refuse(
            f"データベースがありません: {path}（新しく作るには itaku-cli init）",
            f"no database at {path} (run `itaku-cli init` to create one)",
        )
    try:
        with path.open("rb") as stream:
            header = stream.read(len(SQLITE_HEADER))
    except OSError as error:
        raise refuse(
            f"データベースを読めません: {path}（{error.strerror}）", f"cannot read {path}: {error.strerror}"
        ) from None
    if header and header != SQLITE_HEADER:
        raise refuse(f"SQLite のデータベースではありません: {path}", f"{path} is not a SQLite database")
    if may_create:
        return
    if not header or not _has_itaku_tables(path):
        raise refuse(
            f"Itaku のデータベースではありません: {path}（別のファイルを指定したか、itaku-cli init が必要です）",
            f"{path} is not an Itaku database (another file, or run `itaku-cli init`)",
        )


def _has_itaku_tables(path: Path) -> bool:
    """Whether the file holds Itaku's tables, read without writing (no journal, no WAL file created)."""
    try:
        with closing(sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True, timeout=5)) as connection:
            names = {
                row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
    except sqlite3.DatabaseError:
        return False
    return all(name in names for name in ITAKU_TABLES)
