import pytest
from sqlalchemy import func, select

from desktop.domain.errors import ConflictError, DependencyError, NotFoundError, ValidationError
from desktop.store.models import AuditEvent, Contractor
from tests.conftest import make_services

NUMBER = "7000012050002"


def count(services, model) -> int:
    with services.database.read() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_create_normalises_and_audits(services):
    record = services.contractors.create(
        {
            "name": "株式会社さくら",
            "corporate_number": "７０００－０１２０－５０００２",
            "pi_items": ["氏名", "住所"],
            "status": "active",
        }
    )
    assert record.corporate_number == NUMBER and record.version == 1 and record.updated_by == "tester"
    events = services.audit.list_events()
    assert [(e.action, e.record_type, e.record_id, e.actor) for e in events] == [
        ("create", "contractor", record.id, "tester")
    ]
    assert events[0].changes["corporate_number"] == [None, NUMBER]
    assert events[0].occurred_at.tzinfo is not None


def test_invalid_input_names_the_field_and_writes_nothing(services):
    with pytest.raises(ValidationError) as caught:
        services.contractors.create({"name": "A", "corporate_number": "1234567890123"})
    assert list(caught.value.fields) == ["corporate_number"]
    assert count(services, Contractor) == 0 and count(services, AuditEvent) == 0


def test_corporate_number_is_unique(services):
    first = services.contractors.create({"name": "A", "corporate_number": NUMBER})
    with pytest.raises(ValidationError) as caught:
        services.contractors.create({"name": "B", "corporate_number": NUMBER})
    assert f"#{first.id}" in caught.value.fields["corporate_number"].en
    assert count(services, Contractor) == 1


def test_contractors_without_a_number_do_not_clash(services):
    services.contractors.create({"name": "A"})
    services.contractors.create({"name": "B"})
    assert count(services, Contractor) == 2


def test_update_records_before_and_after_and_bumps_the_version(services):
    record = services.contractors.create({"name": "A", "status": "candidate"})
    updated = services.contractors.update(record.id, {"status": "active", "phone": "03-1234-5678"}, 1)
    assert updated.version == 2 and updated.status == "active"
    event = services.audit.list_events()[0]
    assert event.action == "update"
    assert event.changes == {"status": ["candidate", "active"], "phone": [None, "03-1234-5678"]}


def test_update_without_change_writes_no_event(services):
    record = services.contractors.create({"name": "A"})
    services.contractors.update(record.id, {"name": "A"}, 1)
    assert count(services, AuditEvent) == 1


def test_saving_over_a_newer_version_is_a_conflict_not_an_overwrite(services, database_url, tmp_path):
    record = services.contractors.create({"name": "A"})
    colleague = make_services(database_url, tmp_path, actor="colleague")
    colleague.contractors.update(record.id, {"name": "A社（同僚の修正）"}, 1)
    with pytest.raises(ConflictError) as caught:
        services.contractors.update(record.id, {"name": "A社（私の修正）"}, 1)
    assert caught.value.updated_by == "colleague" and caught.value.actual_version == 2
    assert services.contractors.get(record.id).name == "A社（同僚の修正）"
    colleague.close()


def test_update_of_missing_record_is_not_found(services):
    with pytest.raises(NotFoundError):
        services.contractors.update(999, {"name": "x"}, 1)


def test_delete_is_refused_while_records_depend_on_the_contractor(services):
    record = services.contractors.create({"name": "A", "status": "active", "pi_items": ["氏名"]})
    services.contracts.create(
        {
            "contractor_id": record.id,
            "kind": "nda",
            "title": "NDA",
            "signed_on": "2026-01-01",
            "effective_from": "2026-01-01",
        }
    )
    with pytest.raises(DependencyError) as caught:
        services.contractors.delete(record.id, 1)
    assert "契約 1 件" in caught.value.message.ja
    assert count(services, Contractor) == 1


def test_delete_of_an_independent_contractor_is_audited(services):
    record = services.contractors.create({"name": "A"})
    services.contractors.delete(record.id, 1)
    assert count(services, Contractor) == 0
    assert services.audit.list_events()[0].action == "delete"


def test_search_filters_by_name_kana_number_and_work_and_pages(services):
    services.contractors.create(
        {
            "name": "株式会社さくら印刷",
            "kana": "サクラインサツ",
            "entrusted_work": "DM発送",
            "corporate_number": NUMBER,
            "status": "active",
        }
    )
    services.contractors.create(
        {"name": "青葉システム株式会社", "kana": "アオバシステム", "status": "candidate"}
    )
    names = lambda **kw: [r.name for r in services.contractors.search(**kw)]  # noqa: E731
    assert names(text="さくら") == ["株式会社さくら印刷"]
    assert names(text="アオバ") == ["青葉システム株式会社"]
    assert names(text="dm") == ["株式会社さくら印刷"]
    assert names(text="0120") == ["株式会社さくら印刷"]
    assert names(text="100%") == []  # LIKE wildcards are taken literally
    assert names(status="candidate") == ["青葉システム株式会社"]
    assert services.contractors.count(text="株式会社") == 2
    assert len(services.contractors.search(order_by="name", offset=1, limit=1)) == 1
