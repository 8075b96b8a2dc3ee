"""Whether a database holds every table and column the models map: a restore refuses a hollow database
(the right revision in `alembic_version`, tables missing) before it replaces the live one."""

from __future__ import annotations

from sqlalchemy import Engine, inspect

from desktop.store.models import Base


def missing_schema(engine: Engine) -> list[str]:
    """`table` or `table.column` for each one the models map that the database lacks (empty: complete)."""
    inspector = inspect(engine)
    tables = set(inspector.get_table_names())
    missing: list[str] = []
    for table in Base.metadata.sorted_tables:
        if table.name not in tables:
            missing.append(table.name)
            continue
        present = {column["name"] for column in inspector.get_columns(table.name)}
        missing += [f"{table.name}.{column.name}" for column in table.columns if column.name not in present]
    return missing
