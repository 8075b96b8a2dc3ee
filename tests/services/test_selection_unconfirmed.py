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

from desktop.domain.enums import Severity
from desktop.services.facade import Services
from desktop.services.ledger_import import LedgerImportService

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


def test_a_lapse_shown_by_records_made_in_the_application_stays_a_lapse(
    services: Services, tmp_path: Path
) -> None:
    """The history is complete from records made here: a contractor with no ledger evaluation, first
    evaluated here after its start, is the evidenced lapse (and only that one finding)."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append(["株式会社あおば", "氏名、住所", "委託中", START, None, None, None])
    workbook.save(tmp_path / "ledger.xlsx")
    at(services, TODAY)
    LedgerImportService(services.context, services.settings).import_contractors(tmp_path / "ledger.xlsx")
    (made,) = services.contractors.search()
    evaluation = services.evaluations.create(
        {"contractor_id": made.id, "evaluated_on": (START + DAY).isoformat(), "evaluator": "佐藤"},
        {item.code: 2 for item in services.evaluations.items_for("full")},
    )
    services.evaluations.approve(evaluation.id, evaluation.version)
    found = order_findings(services, made)
    assert set(found) == {BEFORE}


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
