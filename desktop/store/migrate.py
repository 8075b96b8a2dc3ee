"""Schema migrations with Alembic: `upgrade()` brings any database to the head revision.

Alembic is imported only when a database needs a migration (or a tool asks about revisions): a start-up
on a database already at `HEAD_REVISION` reads one row and skips Alembic's import and command machinery.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from desktop.store.queries import contractor_search
from desktop.store.quick_read import HEAD_REVISION

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")


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
    return {"alembic_version", "contractor", "audit_event"} <= names


_UPGRADE_LOCK = threading.Lock()  # Alembic's command API keeps module-level state: one at a time


def upgrade(engine: Engine) -> str:
    """Create or upgrade the schema to head; return the revision now in place."""
    if current_revision(engine) == HEAD_REVISION:
        return HEAD_REVISION
    from alembic import command

    config = alembic_config()
    with _UPGRADE_LOCK, engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return HEAD_REVISION


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic name filter: leave the FTS5 search table and its shadow tables out of model comparisons."""
    return not (type_ == "table" and name is not None and contractor_search.is_search_index_table(name))
