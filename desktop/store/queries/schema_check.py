"""Whether a database holds the schema the models map, and nothing that acts behind the app's back: a
restore refuses a hollow database (the right revision in `alembic_version`, tables missing) or one that
brings triggers of its own, before it replaces the live one."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, text

from desktop.store.migrate import include_name
from desktop.store.models import Base
from desktop.store.queries.contractor_search import SEARCH_INDEX

# The triggers Itaku's migrations create: 0004 keeps the contractor search index (SQLite) up to date.
OWN_TRIGGERS = frozenset(f"{SEARCH_INDEX}_{event}" for event in ("insert", "delete", "update"))


def schema_problems(engine: Engine) -> list[str]:
    """What the database lacks or changes against the models (`table`, `table.column`, an index or a
    constraint by name), and any trigger Itaku did not create; empty when it is complete and plain."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with engine.connect() as connection:
        options = {"compare_type": True, "include_name": include_name}
        differences = compare_metadata(MigrationContext.configure(connection, opts=options), Base.metadata)
        triggers: list[str] = []
        if engine.dialect.name == "sqlite":
            triggers = list(
                connection.scalars(
                    text("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
                )
            )
    problems = [problem for difference in differences if (problem := _described(difference))]
    problems += [f"trigger {name}" for name in triggers if name not in OWN_TRIGGERS]
    return problems


def _described(difference: Any) -> str | None:
    """One autogenerate difference as a short name; None for what the database has beyond the models."""
    if isinstance(difference, list):  # modify_type / modify_nullable / …: (op, schema, table, column, …)
        parts = [f"{item[2]}.{item[3]}" for item in difference if len(item) > 3]
        return ", ".join(parts) or None
    operation = difference[0]
    if not operation.startswith("add_"):
        return None  # an extra table, column or index harms nothing the app relies on
    if operation == "add_table":
        return str(difference[1].name)
    if operation == "add_column":
        return f"{difference[2]}.{difference[3].name}"
    return str(getattr(difference[1], "name", None) or operation)
