"""A constraint the database enforces is named by the store, never recognised by its message's wording; the
services turn it into the same field errors their own checks give (which run first, in the same transaction)."""

import pytest
from sqlalchemy import func, select

from desktop.domain.errors import ValidationError
from desktop.domain.schema import CONTRACTOR
from desktop.services import records
from desktop.store.models import Contractor
from desktop.store.queries.constraints import ConstraintViolated, refusals

NUMBER = "7000012050002"


def _contractor(name: str) -> Contractor:
    return Contractor(name=name, kind="corporation", status="active", corporate_number=NUMBER, updated_by="t")


def test_a_unique_violation_is_named_by_its_constraint(services):
    services.contractors.create({"name": "A", "corporate_number": NUMBER})
    with pytest.raises(ConstraintViolated) as caught, services.context.write() as session:
        with refusals(Contractor):
            session.add(_contractor("B"))
            session.flush()
    assert caught.value.constraint == "uq_contractor_corporate_number"
    assert caught.value.columns == ("corporate_number",)


def test_a_duplicate_number_that_skipped_the_check_gets_the_field_error(services):
    services.contractors.create({"name": "A", "corporate_number": NUMBER})
    with pytest.raises(ValidationError) as caught, services.context.write() as session:
        records.create(
            session, services.context, Contractor, CONTRACTOR, {"name": "B", "corporate_number": NUMBER}
        )
    assert list(caught.value.fields) == ["corporate_number"]
    assert caught.value.fields["corporate_number"].ja == "この法人番号は既に登録されています"
    assert caught.value.fields["corporate_number"].en == "this corporate number is already registered"
    with services.database.read() as session:
        assert session.scalar(select(func.count()).select_from(Contractor)) == 1


def test_a_bulk_insert_that_skipped_the_check_gets_the_field_error(services):
    services.contractors.create({"name": "A", "corporate_number": NUMBER})
    with pytest.raises(ValidationError) as caught, services.context.write() as session:
        records.create_many(
            session,
            services.context,
            Contractor,
            CONTRACTOR,
            [({"name": "B", "corporate_number": NUMBER}, None)],
        )
    assert list(caught.value.fields) == ["corporate_number"]


def test_a_broken_reference_is_a_record_error_with_the_databases_words(services):
    contractor = services.contractors.create({"name": "A"})
    scores = {item.code: 2 for item in services.evaluations.items_for("full")}
    services.evaluations.create(
        {"contractor_id": contractor.id, "evaluated_on": "2026-04-01", "evaluator": "佐藤"}, scores
    )
    with pytest.raises(ValidationError) as caught, services.context.write() as session:
        records.delete(session, services.context, session.get(Contractor, contractor.id), CONTRACTOR, None)
    assert list(caught.value.fields) == ["record"]
    assert caught.value.fields["record"].en.startswith("cannot be saved: it conflicts with related records: ")
    assert services.contractors.get(contractor.id).name == "A"
