"""contractor search: FTS5 trigram index over the searchable contractor columns (SQLite only)

The contractor register searches with LIKE '%x%'. A string that matches nothing makes SQLite walk the whole
name index looking for a first page, so on SQLite an external-content FTS5 table with the trigram tokenizer
narrows the candidates first (see desktop/services/contractors.py); triggers keep it in sync with every
insert, update and delete, bulk ones included. PostgreSQL is left as it was.

Trigram needs SQLite >= 3.34; on an older library nothing is created and the search keeps plain LIKE.

Note for later migrations: a batch (copy-and-move) alter of `contractor` on SQLite drops these triggers with
the old table. Such a migration must re-create them (`create_triggers()`) and rebuild the index.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 16:30:00
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TABLE = "contractor_search"
COLUMNS = ("name", "kana", "entrusted_work", "corporate_number")
TRIGGERS = ("contractor_search_insert", "contractor_search_delete", "contractor_search_update")
MINIMUM_SQLITE = (3, 34, 0)


def _sqlite_with_trigram() -> bool:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return False
    version = bind.exec_driver_sql("SELECT sqlite_version()").scalar() or "0"
    return tuple(int(part) for part in str(version).split(".")[:3]) >= MINIMUM_SQLITE


def create_triggers() -> None:
    columns = ", ".join(COLUMNS)
    new = ", ".join(f"new.{name}" for name in COLUMNS)
    old = ", ".join(f"old.{name}" for name in COLUMNS)
    remove = f"INSERT INTO {TABLE} ({TABLE}, rowid, {columns}) VALUES ('delete', old.id, {old});"
    add = f"INSERT INTO {TABLE} (rowid, {columns}) VALUES (new.id, {new});"
    op.execute(f"CREATE TRIGGER {TRIGGERS[0]} AFTER INSERT ON contractor BEGIN {add} END")
    op.execute(f"CREATE TRIGGER {TRIGGERS[1]} AFTER DELETE ON contractor BEGIN {remove} END")
    op.execute(
        f"CREATE TRIGGER {TRIGGERS[2]} AFTER UPDATE OF id, {columns} ON contractor BEGIN {remove} {add} END"
    )


def upgrade() -> None:
    if not _sqlite_with_trigram():
        return
    op.execute(
        f"CREATE VIRTUAL TABLE {TABLE} USING fts5({', '.join(COLUMNS)}, content='contractor', "
        "content_rowid='id', tokenize='trigram')"
    )
    create_triggers()
    op.execute(f"INSERT INTO {TABLE} ({TABLE}) VALUES ('rebuild')")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for trigger in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute(f"DROP TABLE IF EXISTS {TABLE}")
