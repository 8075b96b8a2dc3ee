"""A contractor taken over from the contractor ledger (issue 12): the ledger records the LATEST evaluation
and NDA, not the first, so an imported date after the start is no evidence of entrustment before selection.
Through the ledger import and the services, on SQLite and PostgreSQL, at the boundaries (the imported date the
day before, on and after the start; a record made in the application; the officer's confirmation)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from desktop.domain.clauses import CONFIDENTIALITY, PI_CLAUSES
from desktop.domain.enums import Severity
from desktop.services.audit import AuditFilter
from desktop.services.facade import Services
from desktop.services.ledger_import import LedgerImportService
from tests.store.test_postgres_roles import Team, team  # noqa: F401  (the fixture: the roles in force)

START = date(2020, 4, 1)
DAY = timedelta(days=1)
TODAY = date(2026, 6, 1)
BEFORE = "contractor.entrusted_before_selection"
UNCONFIRMED = "contractor.selection_unconfirmed"
HEADER = [
    "委託先名称",
    "取扱う個人情報の項目",
    "状態",
    "委託開始日",
    "評価実施日",
    "評価結果",
    "機密保持契約締結日",
]


def at(services: Services, day: date) -> Services:
    moment = datetime(day.year, day.month, day.day, 3, 0, tzinfo=UTC)
    services.context.clock = lambda: moment
    return services


def import_ledger(services: Services, tmp_path: Path, evaluated: date, nda: date | None = None) -> Any:
    """One contractor with PI, started on START, whose ledger line gives its latest evaluation (and NDA);
    the officer approves the imported records."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append(["株式会社あおば", "氏名、住所", "委託中", START, evaluated, "適合", nda])
    path = tmp_path / "ledger.xlsx"
    workbook.save(path)
    at(services, TODAY)
    LedgerImportService(services.context, services.settings).import_contractors(path)
    (made,) = services.contractors.search()
    for evaluation in services.evaluations.list(made.id):
        services.evaluations.approve(evaluation.id, evaluation.version)
    for contract in services.contracts.list(made.id):
        services.contracts.approve(contract.id, contract.version)
    return made


def order_findings(services: Services, record: Any, as_of: date = TODAY) -> dict[str, Any]:
    found = {
        f.rule: f
        for f in services.checks.findings(as_of)
        if f.rule in (BEFORE, UNCONFIRMED) and f.record_id == record.id
    }
    assert len(found) <= 1  # one finding per contractor, never both
    return found


@pytest.mark.parametrize(("evaluated", "fires"), [(START - DAY, False), (START, False), (START + DAY, True)])
def test_an_imported_evaluation_after_the_start_asks_for_confirmation_not_a_lapse(
    services: Services, tmp_path: Path, evaluated: date, fires: bool
) -> None:
    made = import_ledger(services, tmp_path, evaluated)
    found = order_findings(services, made)
    assert BEFORE not in found
    assert (UNCONFIRMED in found) is fires
    if fires:
        finding = found[UNCONFIRMED]
        assert (finding.severity, finding.since, finding.due) == (Severity.WARNING, START, None)
        assert "台帳から取り込んだ" in finding.message.ja and "確認" in finding.message.ja
        assert f"{evaluated:%Y-%m-%d}" in finding.message.ja
        assert finding.basis  # cites JIS Q 15001 / APPI Art. 25


def test_an_imported_nda_after_the_start_is_no_lapse_either(services: Services, tmp_path: Path) -> None:
    made = import_ledger(services, tmp_path, START - DAY, nda=START + DAY * 400)
    assert BEFORE not in order_findings(services, made)


def import_without_history(services: Services, tmp_path: Path, start: date, imported: date) -> Any:
    """A contractor with PI, started on `start`, imported on `imported` from a ledger line that carries no
    evaluation and no NDA (the ledger simply kept no history)."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append(["株式会社あおば", "氏名、住所", "委託中", start, None, None, None])
    workbook.save(tmp_path / "ledger.xlsx")
    at(services, imported)
    LedgerImportService(services.context, services.settings).import_contractors(tmp_path / "ledger.xlsx")
    (made,) = services.contractors.search()
    return services.contractors.get(made.id)


def evaluate_here(services: Services, contractor_id: int, day: date) -> None:
    """A full evaluation recorded in the application, dated `day`, and approved."""
    evaluation = services.evaluations.create(
        {"contractor_id": contractor_id, "evaluated_on": day.isoformat(), "evaluator": "佐藤"},
        {item.code: 2 for item in services.evaluations.items_for("full")},
    )
    services.evaluations.approve(evaluation.id, evaluation.version)


def contract_here(services: Services, contractor_id: int, day: date) -> None:
    """A contract with every PI clause (and confidentiality) recorded in the application, in effect from `day`."""
    contract = services.contracts.create(
        {
            "contractor_id": contractor_id,
            "kind": "outsourcing",
            "title": "業務委託契約書",
            "signed_on": day.isoformat(),
            "effective_from": day.isoformat(),
            "clauses": [*PI_CLAUSES, CONFIDENTIALITY],
        }
    )
    services.contracts.approve(contract.id, contract.version)


# The contractor's start the day before, on and after the day it was imported: only a start before the import
# falls in the history the ledger did not carry.
IMPORT_DAY = TODAY
START_AROUND_IMPORT = [(IMPORT_DAY - DAY, UNCONFIRMED), (IMPORT_DAY, BEFORE), (IMPORT_DAY + DAY, BEFORE)]


@pytest.mark.parametrize(("start", "rule"), START_AROUND_IMPORT)
def test_an_imported_contractor_evaluated_here_after_its_start_is_unconfirmed_only_before_its_import(
    services: Services, tmp_path: Path, start: date, rule: str
) -> None:
    made = import_without_history(services, tmp_path, start, IMPORT_DAY)
    assert made.imported_on == IMPORT_DAY
    later = start + 10 * DAY
    at(services, later)
    evaluate_here(services, made.id, start + DAY)
    contract_here(services, made.id, start - DAY)  # the contract came first: only the evaluation is late
    found = order_findings(services, made, later)
    assert set(found) == {rule}  # one finding, never both
    # As it stood on the day of the evaluation (rebuilt from the trail: the import's event carries the day).
    assert set(order_findings(services, made, start + DAY)) == {rule}
    finding = found[rule]
    assert (finding.severity, finding.since) == (Severity.WARNING, start)
    if rule == UNCONFIRMED:
        assert f"{IMPORT_DAY:%Y-%m-%d}" in finding.message.ja and "取り込んだ" in finding.message.ja
        assert f"{start + DAY:%Y-%m-%d}" in finding.message.en


@pytest.mark.parametrize(("start", "rule"), START_AROUND_IMPORT)
def test_the_contract_counterpart_follows_the_import_date_too(
    services: Services, tmp_path: Path, start: date, rule: str
) -> None:
    made = import_without_history(services, tmp_path, start, IMPORT_DAY)
    later = start + 10 * DAY
    at(services, later)
    evaluate_here(services, made.id, start - DAY)  # selected first: only the contract is late
    contract_here(services, made.id, start + DAY)
    found = order_findings(services, made, later)
    assert set(found) == {rule}
    assert "契約" in found[rule].message.ja


def test_a_contractor_registered_here_keeps_the_lapse(services: Services) -> None:
    """The history is complete from records made here: a contractor registered in the application, first
    evaluated after its start, is the evidenced lapse (and only that one finding)."""
    at(services, TODAY)
    made = services.contractors.create(
        {"name": "株式会社あおば", "pi_items": ["氏名"], "status": "active", "start_date": TODAY - 30 * DAY}
    )
    assert made.imported_on is None
    evaluate_here(services, made.id, TODAY - DAY)
    contract_here(services, made.id, TODAY - 60 * DAY)
    assert set(order_findings(services, made)) == {BEFORE}


def test_a_registered_contractor_a_ledger_updates_is_not_marked_imported(
    services: Services, tmp_path: Path
) -> None:
    at(services, TODAY - 100 * DAY)
    made = services.contractors.create({"name": "株式会社あおば", "pi_items": ["氏名"], "status": "active"})
    import_without_history(services, tmp_path, START, TODAY)  # the same name: matched, updated
    assert services.contractors.get(made.id).imported_on is None


def test_the_import_date_reaches_the_trail_which_still_replays(services: Services, tmp_path: Path) -> None:
    made = import_without_history(services, tmp_path, START, IMPORT_DAY)
    events = services.audit.list_events(AuditFilter(record_type="contractor", record_id=made.id))
    if not services.database.enforces_roles:  # with the roles in force the server writes the trail itself
        assert [e.changes.get("imported_on") for e in events] == [[None, IMPORT_DAY.isoformat()]]
    replay = services.audit.verify_records()
    assert replay.is_intact, [d.message.en for d in replay.discrepancies]


def test_the_officers_confirmation_closes_it_from_the_day_it_is_recorded(
    services: Services, tmp_path: Path
) -> None:
    made = import_ledger(services, tmp_path, START + DAY * 800)
    assert UNCONFIRMED in order_findings(services, made)
    services.corrective_actions.create(
        {
            "record_type": "contractor",
            "record_id": made.id,
            "rule": UNCONFIRMED,
            "action": "紙の評価記録（2020年3月）と契約書原本で委託前の選定・契約を確認した",
            "taken_on": TODAY.isoformat(),
            "taken_by": "黒田 修",
        }
    )
    assert UNCONFIRMED in order_findings(services, made, TODAY - DAY)
    assert order_findings(services, made, TODAY) == {}
    assert order_findings(services, made, TODAY + DAY) == {}


def test_with_the_roles_in_force_the_server_writes_the_import_date_into_its_trail(
    team: Team,  # noqa: F811  (the fixture)
    tmp_path: Path,
) -> None:
    """PostgreSQL with the roles in force: the database writes the trail itself; the import date is in the
    creation event it writes, so the trail still replays onto the records."""
    services = team.services
    made = import_without_history(services, tmp_path, START, TODAY)
    assert made.imported_on == TODAY
    events = services.audit.list_events(AuditFilter(record_type="contractor", record_id=made.id))
    assert [e.changes.get("imported_on") for e in events] == [[None, TODAY.isoformat()]]
    replay = services.audit.verify_records()
    assert replay.is_intact, [d.message.en for d in replay.discrepancies]
