"""`as_it_stood(services, day)`: the services on the records as they stood at the end of a past day.

`check --as-of`, the registers and the workbook as of a day compute from this (issue 12: an approval dated
after the day does not make the day compliant). When nothing has changed since the day, they are the live
services; otherwise a database of its own is rebuilt from the audit trail (desktop.store.as_it_stood) in a
temporary folder, read, and removed.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.store.as_it_stood import changed_since, copy_as_it_stood, create_schema

if TYPE_CHECKING:
    from desktop.services.facade import Services, ServicesFactory


@contextmanager
def as_it_stood(services: Services, day: date | None, factory: ServicesFactory) -> Iterator[Services]:
    if day is None:
        yield services
        return
    with services.context.read() as session:
        changed = changed_since(session, day)
    if not changed:
        yield services
        return
    folder = Path(tempfile.mkdtemp(prefix="itaku-as-of-"))
    past: Services | None = None
    try:
        past = factory(
            f"sqlite:///{folder / 'as-of.sqlite3'}",
            role=services.context.role,
            actor=services.context.actor,
            data_dir=folder / "files",
            clock=services.context.clock,
            upgrade=False,
        )
        create_schema(past.context.database.engine)
        with services.context.read() as session:
            copy_as_it_stood(session, past.context.database.engine, day)
        yield past
    finally:
        if past is not None:
            past.close()
        shutil.rmtree(folder, ignore_errors=True)
