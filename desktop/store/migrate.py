"""Schema migrations with Alembic: `upgrade()` brings any database to the head revision.

Before migrating a SQLite file that holds an older schema, a copy of it is kept beside it, named with its
revision (`itaku.before-migration-0003.sqlite3`), and the log says where (see `keep_copy`).

Alembic is imported only when a database needs a migration (or a tool asks about revisions): a start-up
on a database already at `HEAD_REVISION` reads one row and skips Alembic's import and command machinery.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from desktop.store.database import sqlite_path
from desktop.store.queries import contractor_search, sqlite_file
from desktop.store.quick_read import HEAD_REVISION

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
log = logging.getLogger(__name__)


def alembic_config(url: str | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if url:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (None for an empty database): one query, no Alembic."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        revisions = list(connection.scalars(text("SELECT version_num FROM alembic_version")))
    return revisions[0] if len(revisions) == 1 else None


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def is_itaku_database(engine: Engine) -> bool:
    names = set(inspect(engine).get_table_names())
    return sqlite_file.ITAKU_TABLES <= names


_UPGRADE_LOCK = threading.Lock()  # Alembic's command API keeps module-level state: one at a time


def copy_name(database: Path, revision: str) -> Path:
    """Where the copy of `database` kept before migrating it from `revision` goes: beside it."""
    return database.with_name(f"{database.stem}.before-migration-{revision}{database.suffix}")


def keep_copy(engine: Engine, revision: str) -> Path | None:
    """Copy the SQLite file of `engine` (at `revision`) beside it before a migration changes it, and log
    where; an earlier copy is never overwritten. None for PostgreSQL or an in-memory database."""
    database = sqlite_path(str(engine.url))
    if database is None or not database.is_file():
        return None
    target = copy_name(database, revision)
    number = 1
    while target.exists():
        number += 1
        target = copy_name(database, f"{revision}-{number}")
    sqlite_file.copy(database, target)
    log.warning(
        "データベースを移行する前の写しを保存しました / kept a copy of the database before migrating it "
        "(schema %s → %s): %s",
        revision,
        HEAD_REVISION,
        target,
    )
    return target


def upgrade(engine: Engine, *, copy_first: bool = True) -> str:
    """Create or upgrade the schema to head; return the revision now in place. A SQLite file at an older
    revision is copied first (`keep_copy`), unless the caller has it elsewhere (`copy_first=False`)."""
    revision = current_revision(engine)
    if revision == HEAD_REVISION:
        return HEAD_REVISION
    if revision is not None and copy_first:
        keep_copy(engine, revision)
    from alembic import command

    config = alembic_config()
    with _UPGRADE_LOCK, engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        if engine.dialect.name == "postgresql":
            from desktop.store import roles

            roles.reenforce(connection)  # new tables and columns get their privileges and triggers
    return HEAD_REVISION


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic name filter: leave the FTS5 search table and its shadow tables out of model comparisons."""
    return not (type_ == "table" and name is not None and contractor_search.is_search_index_table(name))
