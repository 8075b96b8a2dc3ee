"""Who must be supervised (issue 12), through the services on SQLite and PostgreSQL: handling PI (items, My
Number, special-care PI), suspended contractors keep their duties, candidates have none, a candidate already
entrusted, a re-delegation to a candidate, and the future/past principle of the contractor rules (the day
before, on and after each start date).

The boundaries are dates after the fixed clock's today (2026-11-25), so every record exists on each of them."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from desktop.domain.clauses import CLAUSES, REQUIRED_CLAUSES
from desktop.domain.enums import Severity
from desktop.domain.errors import DependencyError
from desktop.services.facade import Services

START = date(2026, 12, 1)
DAY = timedelta(days=1)
ALL_CLAUSES = [clause.code for clause in CLAUSES]
DUTIES = {"evaluation.missing", "contract.nda_missing", "contract.pi_clauses_not_in_force"}


def contractor(services: Services, **fields: Any) -> Any:
    data = {"name": "株式会社さくら", "status": "active", "pi_items": ["氏名"], "start_date": "2024-01-01"}
    return services.contractors.create({**data, **fields})


def of(services: Services, record: Any, as_of: date, record_type: str = "contractor") -> dict[str, Any]:
    """The rule → (severity, due) of one record's findings as of a day."""
    return {
        str(f.rule): (f.severity, f.due)
        for f in services.checks.findings(as_of)
        if f.record_type == record_type and f.record_id == record.id
    }


def select_fully(services: Services, contractor_id: int, on: str) -> None:
    """An approved passing evaluation and approved NDA and outsourcing contract with every clause."""
    evaluation = services.evaluations.create(
        {"contractor_id": contractor_id, "evaluated_on": on, "evaluator": "佐藤"},
        {item.code: 2 for item in services.evaluations.items_for("full")},
    )
    services.evaluations.approve(evaluation.id, evaluation.version)
    for kind, clauses in (("nda", list(REQUIRED_CLAUSES["nda"])), ("outsourcing", ALL_CLAUSES)):
        contract = services.contracts.create(
            {
                "contractor_id": contractor_id,
                "kind": kind,
                "title": kind,
                "signed_on": on,
                "effective_from": on,
                "clauses": clauses,
            }
        )
        services.contracts.approve(contract.id, contract.version)


# Handling PI -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("flag", ["handles_my_number", "handles_special_care"])
def test_my_number_or_special_care_pi_without_items_is_handling_pi(services, flag):
    flagged = contractor(services, pi_items=[], **{flag: True})
    assert DUTIES <= set(of(services, flagged, START))
    nda = services.contracts.create(
        {
            "contractor_id": flagged.id,
            "kind": "nda",
            "title": "NDA",
            "signed_on": "2026-01-01",
            "effective_from": "2026-01-01",
        }
    )
    # It holds the data, so the contract cannot be deleted (the same definition as the rules').
    with pytest.raises(DependencyError):
        services.contracts.delete(nda.id, nda.version)


def test_a_contractor_with_no_items_and_no_flags_handles_no_pi(services):
    plain = contractor(services, pi_items=[])
    assert of(services, plain, START) == {}


# Suspended and candidates ------------------------------------------------------------------------------------
def test_a_suspended_contractor_keeps_every_duty_of_an_active_one(services):
    active = contractor(services, name="稼働中", country="US", kind="foreign_corporation")
    suspended = contractor(
        services, name="一時停止", country="US", kind="foreign_corporation", status="suspended"
    )
    expected = DUTIES | {"contractor.foreign_regime_missing"}
    assert set(of(services, suspended, START)) == set(of(services, active, START)) == expected
    assert all(severity is Severity.BLOCKING for severity, _ in of(services, suspended, START).values())


def test_a_suspended_contractors_evaluation_due_is_a_deadline(services):
    suspended = contractor(services, status="suspended")
    select_fully(services, suspended.id, "2025-12-20")  # due 2026-12-20
    deadlines = [d for d in services.checks.deadlines() if d.record_id == suspended.id]
    assert [(d.kind, d.due) for d in deadlines] == [("evaluation_due", date(2026, 12, 20))]


def test_an_ended_contractor_with_confirmed_destruction_owes_nothing(services):
    ended = contractor(
        services,
        status="ended",
        end_date="2026-10-01",
        disposition_method="destroyed",
        disposition_date="2026-10-15",
        country="US",
        kind="foreign_corporation",
    )
    assert of(services, ended, START) == {}


def test_a_candidate_abroad_has_no_foreign_regime_finding(services):
    candidate = contractor(
        services, status="candidate", country="SG", kind="foreign_corporation", start_date=None
    )
    assert of(services, candidate, START) == {}


# A candidate already entrusted ------------------------------------------------------------------------------
def test_a_candidate_with_pi_warns_from_its_start_date(services):
    candidate = contractor(services, status="candidate", start_date=START.isoformat())
    assert of(services, candidate, START - DAY) == {}
    for day in (START, START + DAY):
        assert of(services, candidate, day) == {"contractor.entrusted_not_selected": (Severity.WARNING, None)}


def test_a_candidate_handling_no_pi_past_its_start_is_no_finding(services):
    candidate = contractor(services, status="candidate", start_date="2026-01-01", pi_items=[])
    assert of(services, candidate, START) == {}


# The future/past principle -----------------------------------------------------------------------------------
def test_duties_before_the_start_warn_due_on_it_and_block_from_it(services):
    future = contractor(services, start_date=START.isoformat(), country="IE", kind="foreign_corporation")
    expected = DUTIES | {"contractor.foreign_regime_missing"}
    before = of(services, future, START - DAY)
    assert before == {rule: (Severity.WARNING, START) for rule in expected}
    for day in (START, START + DAY):
        found = of(services, future, day)
        assert set(found) == expected
        assert {severity for severity, _ in found.values()} == {Severity.BLOCKING}


def test_contracts_effective_from_the_start_satisfy_the_duty_before_it(services):
    future = contractor(services, start_date=START.isoformat())
    select_fully(services, future.id, "2026-11-20")  # in force already
    late = contractor(services, name="開始日から契約", start_date=START.isoformat())
    evaluation = services.evaluations.create(
        {"contractor_id": late.id, "evaluated_on": "2026-11-20", "evaluator": "佐藤"},
        {item.code: 2 for item in services.evaluations.items_for("full")},
    )
    services.evaluations.approve(evaluation.id, evaluation.version)
    for kind, clauses in (("nda", list(REQUIRED_CLAUSES["nda"])), ("outsourcing", ALL_CLAUSES)):
        contract = services.contracts.create(
            {
                "contractor_id": late.id,
                "kind": kind,
                "title": kind,
                "signed_on": "2026-11-20",
                "effective_from": START.isoformat(),
                "clauses": clauses,
            }
        )
        services.contracts.approve(contract.id, contract.version)
    for day in (START - DAY, START, START + DAY):
        assert of(services, future, day) == {}
        assert of(services, late, day) == {}


# A re-delegation to a candidate ------------------------------------------------------------------------------
def test_a_redelegation_to_a_candidate_warns_before_its_start_and_blocks_from_it(services):
    candidate = contractor(services, status="candidate", start_date=None, name="候補の再委託先")
    engagement = services.engagements.create(
        {
            "client_name": "東邦生命保険株式会社",
            "client_is_original": True,
            "work": "会員データ入力",
            "start_date": "2026-10-01",
        }
    )
    redelegation = services.engagements.add_redelegation(
        {"engagement_id": engagement.id, "contractor_id": candidate.id, "start_date": START.isoformat()}
    )
    rule = "redelegation.contractor_not_selected"
    assert of(services, redelegation, START - DAY, "redelegation")[rule] == (Severity.WARNING, START)
    for day in (START, START + DAY):
        assert of(services, redelegation, day, "redelegation")[rule] == (Severity.BLOCKING, None)
    # The window's model, kept up to date change by change, follows the contractor's selection.
    assert rule in {str(f.rule) for f in services.checks.model(cached=True).findings}
    select_fully(services, candidate.id, "2026-11-20")
    services.contractors.update(candidate.id, {"status": "active"}, candidate.version)
    assert rule not in of(services, redelegation, START, "redelegation")
    assert rule not in {str(f.rule) for f in services.checks.model(cached=True).findings}
