"""The provision and receipt tables under the PostgreSQL roles (desktop.store.roles): staff write them through
the app and the database writes their audit events; the auditor only reads them."""

from __future__ import annotations

import pytest

from tests.store.test_postgres_roles import Team, refused

pytestmark = pytest.mark.postgres


def test_staff_save_provisions_and_receipts_and_the_database_writes_their_events(team: Team) -> None:
    services = team.signed_in(team.staff)
    provision = services.provisions.create(
        {"provided_on": "2026-04-01", "recipient_name": "株式会社つばめ", "basis": "consent"}
    )
    receipt = services.receipts.create({"received_on": "2026-04-01", "provider_name": "株式会社かもめ"})
    events = services.audit.list_events(limit=2)
    assert [(e.actor, e.action, e.record_type, e.record_id) for e in events] == [
        (team.staff, "create", "receipt", receipt.id),
        (team.staff, "create", "provision", provision.id),
    ]
    assert services.audit.verify_chain().is_intact
    assert services.audit.verify_records().is_intact
    with team.connect(team.auditor) as connection:
        assert connection.execute("SELECT count(*) FROM provision").fetchone() == (1,)
        refused(connection, f"DELETE FROM provision WHERE id = {provision.id}")
        refused(connection, f"UPDATE receipt SET provider_name = 'x' WHERE id = {receipt.id}")
