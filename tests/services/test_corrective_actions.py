"""Selection and contract before entrustment (JIS Q 15001: select, contract, entrust), and the corrective actions
(是正処置) that close its findings: through the services on SQLite and PostgreSQL, at each boundary (the day
before, on and after the start, the first passing evaluation, the first contract with the PI clauses and the
corrective action). The clock is moved to the day each record is made, so every record exists on the days
the rules are asked about."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import func, select

from desktop.domain.clauses import CLAUSES, REQUIRED_CLAUSES
from desktop.domain.enums import Severity
from desktop.domain.errors import DependencyError, ValidationError
from desktop.domain.roles import PermissionDeniedError
from desktop.reports.pdf import render_register
from desktop.reports.xlsx.audit_workbook import write_audit_workbook
from desktop.services.facade import Services
from desktop.store.models import AuditEvent, CorrectiveAction

RULE = "contractor.entrusted_before_selection"
START = date(2026, 3, 1)
DAY = timedelta(days=1)
ALL_CLAUSES = [clause.code for clause in CLAUSES]


def at(services: Services, day: date) -> Services:
    """Move the clock to noon (Tokyo) of `day`: records made now are made on that day."""
    moment = datetime(day.year, day.month, day.day, 3, 0, tzinfo=UTC)
    services.context.clock = lambda: moment
    return services


def contractor(services: Services, start: date = START, **fields: Any) -> Any:
    data = {
        "name": "株式会社さくら",
        "status": "active",
        "pi_items": ["氏名"],
        "start_date": start.isoformat(),
    }
    return services.contractors.create({**data, **fields})


def evaluate(services: Services, contractor_id: int, on: date, result_scores: int = 2) -> None:
    evaluation = services.evaluations.create(
        {"contractor_id": contractor_id, "evaluated_on": on.isoformat(), "evaluator": "佐藤"},
        {item.code: result_scores for item in services.evaluations.items_for("full")},
    )
    services.evaluations.approve(evaluation.id, evaluation.version)


def contract(services: Services, contractor_id: int, on: date, kind: str = "outsourcing") -> None:
    clauses = ALL_CLAUSES if kind == "outsourcing" else list(REQUIRED_CLAUSES["nda"])
    made = services.contracts.create(
        {
            "contractor_id": contractor_id,
            "kind": kind,
            "title": kind,
            "signed_on": on.isoformat(),
            "effective_from": on.isoformat(),
            "clauses": clauses,
        }
    )
    services.contracts.approve(made.id, made.version)


def selected(services: Services, evaluated: date, contracted: date, start: date = START) -> Any:
    """A contractor starting on `start`, evaluated and contracted (NDA and outsourcing) on those days."""
    at(services, date(2025, 1, 1))
    made = contractor(services, start)
    evaluate(services, made.id, evaluated)
    contract(services, made.id, contracted, "nda")
    contract(services, made.id, contracted)
    return made


def order_finding(services: Services, record: Any, as_of: date) -> Any:
    found = [f for f in services.checks.findings(as_of) if f.rule == RULE and f.record_id == record.id]
    assert len(found) <= 1
    return found[0] if found else None


def record_action(services: Services, contractor_id: int, on: date, **fields: Any) -> Any:
    data = {
        "record_type": "contractor",
        "record_id": contractor_id,
        "rule": RULE,
        "action": "委託先評価を実施し、選定手順を改めた",
        "taken_on": on.isoformat(),
        "taken_by": "黒田 修",
        **fields,
    }
    return services.corrective_actions.create(data)


def count_actions(services: Services) -> int:
    with services.database.read() as session:
        return int(session.scalar(select(func.count(CorrectiveAction.id))) or 0)


# The order rule ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("evaluated", "fires"), [(START - DAY, False), (START, False), (START + DAY, True)])
def test_an_entrustment_before_the_first_passing_evaluation_warns(services, evaluated, fires):
    made = selected(services, evaluated, START - DAY)
    found = order_finding(services, made, date(2026, 6, 1))
    assert (found is not None) is fires
    if fires:
        assert (found.severity, found.since, found.due) == (Severity.WARNING, START, None)
        assert f"{evaluated:%Y-%m-%d}" in found.message.ja and "是正処置" in found.message.ja


@pytest.mark.parametrize(("contracted", "fires"), [(START - DAY, False), (START, False), (START + DAY, True)])
def test_an_entrustment_before_the_first_contract_with_the_pi_clauses_warns(services, contracted, fires):
    made = selected(services, START - DAY, contracted)
    found = order_finding(services, made, date(2026, 6, 1))
    assert (found is not None) is fires
    if fires:
        assert "個人情報に関する条項を含む最初の契約" in found.message.ja


def test_only_a_passing_evaluation_selects(services):
    at(services, date(2025, 1, 1))
    made = contractor(services)
    evaluate(services, made.id, START - DAY * 10, result_scores=0)  # a failed evaluation before the start
    evaluate(services, made.id, START + DAY * 10)  # the first pass, after it
    contract(services, made.id, START - DAY, "nda")
    contract(services, made.id, START - DAY)
    assert order_finding(services, made, date(2026, 6, 1)) is not None


def test_the_lapse_is_found_once_the_entrustment_has_begun(services):
    made = selected(services, START + DAY * 5, START - DAY)
    assert order_finding(services, made, START - DAY) is None  # not entrusted yet: nothing has lapsed
    for day in (START + DAY * 5, START + DAY * 6, date(2026, 6, 1)):
        assert order_finding(services, made, day) is not None


def test_no_evaluation_at_all_is_the_breach_still_going_on_not_a_past_lapse(services):
    at(services, date(2025, 1, 1))
    made = contractor(services)
    contract(services, made.id, START - DAY, "nda")
    contract(services, made.id, START - DAY)
    rules = {f.rule for f in services.checks.findings(date(2026, 6, 1)) if f.record_id == made.id}
    assert rules == {"evaluation.missing"}


# Corrective actions -------------------------------------------------------------------------------------------
def test_a_corrective_action_closes_the_finding_from_the_day_it_was_taken(services):
    made = selected(services, START + DAY * 10, START - DAY)
    taken = date(2026, 5, 20)
    at(services, taken)
    action = record_action(services, made.id, taken)
    assert order_finding(services, made, taken - DAY) is not None
    assert order_finding(services, made, taken) is None
    assert order_finding(services, made, taken + DAY) is None
    # Withdrawn (audited), the finding opens again.
    services.corrective_actions.delete(action.id, action.version)
    assert order_finding(services, made, taken + DAY) is not None


def test_a_corrective_action_closes_only_its_contractors_finding(services):
    one = selected(services, START + DAY * 10, START - DAY)
    other = selected(services, START + DAY * 10, START - DAY)
    at(services, date(2026, 5, 20))
    record_action(services, one.id, date(2026, 5, 20))
    assert order_finding(services, one, date(2026, 6, 1)) is None
    assert order_finding(services, other, date(2026, 6, 1)) is not None


def test_the_window_model_follows_a_corrective_action(services):
    made = selected(services, START + DAY * 10, START - DAY)
    at(services, date(2026, 5, 20))
    assert RULE in {f.rule for f in services.checks.model(cached=True).findings}
    record_action(services, made.id, date(2026, 5, 20))
    assert RULE not in {f.rule for f in services.checks.model(cached=True).findings}


def test_a_corrective_action_is_audited(services):
    made = selected(services, START + DAY * 10, START - DAY)
    at(services, date(2026, 5, 20))
    action = record_action(services, made.id, date(2026, 5, 20))
    with services.database.read() as session:
        event = session.scalars(
            select(AuditEvent).where(
                AuditEvent.record_type == "corrective_action", AuditEvent.record_id == action.id
            )
        ).one()
    assert event.action == "create" and event.changes["rule"][1] == RULE
    assert event.changes["taken_by"][1] == "黒田 修"


@pytest.mark.parametrize(
    "rule", ["evaluation.missing", "contract.nda_missing", "redelegation.consent_missing"]
)
def test_a_breach_still_going_on_cannot_be_closed_by_a_corrective_action(services, rule):
    made = selected(services, START + DAY * 10, START - DAY)
    at(services, date(2026, 5, 20))
    with pytest.raises(ValidationError) as caught:
        record_action(services, made.id, date(2026, 5, 20), rule=rule)
    assert set(caught.value.fields) == {"rule"}
    assert "是正処置では閉じられません" in caught.value.fields["rule"].ja
    assert count_actions(services) == 0


@pytest.mark.parametrize(
    ("fields", "named"),
    [
        ({"rule": "no.such_rule"}, "rule"),
        ({"who": 404}, "record_id"),
        ({"record_type": "engagement"}, "record_type"),  # no closable finding is on an engagement
        ({"record_type": "joint_use"}, "record_type"),  # this rule's findings are on contractors
        ({"taken_on": "2026-05-21"}, "taken_on"),  # after today: record it once it is done
        ({"action": ""}, "action"),
        ({"taken_by": ""}, "taken_by"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(services, fields, named):
    made = selected(services, START + DAY * 10, START - DAY)
    at(services, date(2026, 5, 20))
    fields = dict(fields)  # the parameters are shared by the SQLite and PostgreSQL runs
    contractor_id = fields.pop("who", made.id)
    with pytest.raises(ValidationError) as caught:
        record_action(services, contractor_id, date(2026, 5, 20), **fields)
    assert named in caught.value.fields
    assert count_actions(services) == 0


def test_only_the_officer_records_a_corrective_action(services):
    made = selected(services, START + DAY * 10, START - DAY)
    at(services, date(2026, 5, 20))
    services.context.role, services.context.actor = "staff", "staff"
    with pytest.raises(PermissionDeniedError) as caught:
        record_action(services, made.id, date(2026, 5, 20))
    assert "個人情報保護責任者" in caught.value.message.ja
    assert count_actions(services) == 0


def test_a_contractor_with_a_corrective_action_cannot_be_deleted(services):
    at(services, date(2025, 1, 1))
    made = contractor(services)
    at(services, date(2026, 5, 20))
    record_action(services, made.id, date(2026, 5, 20))
    with pytest.raises(DependencyError):
        services.contractors.delete(made.id, made.version)


# Registers ---------------------------------------------------------------------------------------------------
def test_the_findings_register_and_the_workbook_list_the_corrective_actions(sqlite_services, tmp_path: Path):
    services = sqlite_services
    made = selected(services, START + DAY * 10, START - DAY)
    at(services, date(2026, 5, 20))
    record_action(services, made.id, date(2026, 5, 20), notes="内部監査の指摘による")
    pdf = tmp_path / "findings.pdf"
    render_register(services, "findings", pdf)
    said = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "是正処置（1 件）" in said and "委託先評価を実施し、選定手順を改めた" in said
    assert "2026-05-20" in said or "2026/05/20" in said or "2026年5月20日" in said
    out = tmp_path / "audit.xlsx"
    write_audit_workbook(services, out)
    sheet = load_workbook(out, read_only=True)["是正処置"]
    rows = [row for row in sheet.iter_rows(values_only=True)]
    assert any(RULE in row and "黒田 修" in row for row in rows)
    # As of a day before it was taken, neither lists it.
    render_register(services, "findings", pdf, as_of=date(2026, 5, 19))
    said = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "是正処置（0 件）" in said
