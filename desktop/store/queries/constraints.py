"""The store's refusals in its own terms: a lost optimistic lock, and a violated constraint named by its name.

A service checks what it can before writing (uniqueness by a query in the same write transaction, which
holds the database's write lock); a constraint is the database's last word, for writers that skipped the
check. The constraint is identified by its name (the naming convention of desktop.store.models), never by
the wording of the driver's message.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import cast

from sqlalchemy import Table, UniqueConstraint
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.sql.schema import ColumnCollectionConstraint

from desktop.store.models import Base

SQLITE_UNIQUE = "SQLITE_CONSTRAINT_UNIQUE"  # sqlite3's extended error name of a UNIQUE violation


class StaleWrite(Exception):
    """The row was changed or deleted by someone else since it was read (its version no longer matches)."""


class ConstraintViolated(Exception):
    """A write broke a constraint of the schema."""

    def __init__(self, constraint: str | None, columns: tuple[str, ...], detail: str):
        super().__init__(detail)
        self.constraint = constraint  # its name; None when the database does not tell which one
        self.columns = columns  # the columns it covers (empty when unknown)
        self.detail = detail  # the database's own words, for a message that cannot be more precise


def _unique_constraints(table: Table) -> list[str]:
    names = [str(c.name) for c in table.constraints if isinstance(c, UniqueConstraint) and c.name]
    return names + [str(index.name) for index in table.indexes if index.unique and index.name]


def _columns_of(name: str) -> tuple[str, ...]:
    """The columns of the constraint (or unique index) called `name` in the mapped schema."""
    for table in Base.metadata.tables.values():
        for constraint in table.constraints:
            if constraint.name == name and isinstance(constraint, ColumnCollectionConstraint):
                return tuple(column.name for column in constraint.columns)
        for index in table.indexes:
            if index.name == name:
                return tuple(column.name for column in index.columns)
    return ()


def violated_constraint(error: IntegrityError, model: type[Base] | None = None) -> str | None:
    """The name of the constraint `error` reports, when the database says which one.

    PostgreSQL names it (psycopg's `diag.constraint_name`). SQLite names none, only the kind of violation
    (its extended error code): a UNIQUE violation while writing `model` is its table's one unique constraint
    when it has exactly one.
    """
    original = error.orig
    diagnostics = getattr(original, "diag", None)
    if diagnostics is not None:
        name = getattr(diagnostics, "constraint_name", None)
        return str(name) if name else None
    if getattr(original, "sqlite_errorname", None) == SQLITE_UNIQUE and model is not None:
        candidates = _unique_constraints(cast(Table, model.__table__))
        if len(candidates) == 1:
            return candidates[0]
    return None


@contextmanager
def refusals(model: type[Base] | None = None) -> Iterator[None]:
    """Raise StaleWrite or ConstraintViolated for what the database refused inside the block; `model` is the
    mapped class the block writes (it names SQLite's unique violations)."""
    try:
        yield
    except StaleDataError:
        raise StaleWrite() from None
    except IntegrityError as error:
        name = violated_constraint(error, model)
        raise ConstraintViolated(name, _columns_of(name) if name else (), str(error.orig)) from None
