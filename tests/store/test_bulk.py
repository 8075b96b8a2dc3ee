"""Bulk inserts take their ids as the database would give them, so single inserts afterwards go on after them."""

import pytest

from desktop.store.models import Contractor
from desktop.store.queries import bulk


def _row(name: str) -> dict[str, object]:
    return {"name": name, "kind": "corporation", "status": "active", "version": 1, "updated_by": "t"}


def test_a_single_insert_after_a_bulk_insert_takes_the_next_id(services):
    with services.database.write() as session:
        ids = bulk.insert_rows(session, Contractor, [_row("A"), _row("B"), _row("C")])
    assert ids == [1, 2, 3]
    assert services.contractors.create({"name": "D"}).id == 4


@pytest.mark.postgres
def test_the_demo_never_gives_a_deleted_records_id_again_on_postgresql(postgres_database, tmp_path):
    from tests.conftest import _reset_postgres, make_services

    _reset_postgres(postgres_database)
    services = make_services(postgres_database, tmp_path)
    try:
        gone = services.contractors.create({"name": "消した委託先"})
        services.contractors.delete(gone.id, gone.version)
        services.demo.load(15, 1)
        with services.database.read() as session:
            first = min(session.scalars(Contractor.__table__.select().with_only_columns(Contractor.id)))
        assert first == gone.id + 1  # the audit trail of #1 stays the deleted contractor's alone
        assert services.contractors.create({"name": "後から"}).id > first
    finally:
        services.close()
