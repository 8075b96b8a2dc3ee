"""Issue 12: "as of D" means as it stood on D. The records are rebuilt from the audit trail: an approval given
after D does not count, a status changed since D counts as it was, a record deleted since counts, a record
entered later counts only if its own date is on or before D, a version superseded after D was in force."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from desktop.app import build_services
from desktop.domain.kinds import RuleId
from desktop.services.facade import Services
from desktop.store import as_it_stood
from desktop.store.models import RECORD_MODELS
from tests.test_cli import cli

DAY1 = date(2026, 10, 1)


def at(day: date) -> Callable[[], datetime]:
    """A clock at noon Tokyo time (03:00 UTC) on `day`."""
    moment = datetime(day.year, day.month, day.day, 3, 0, tzinfo=UTC)
    return lambda: moment


class Days:
    """One database, written by services whose clock stands on successive days."""

    def __init__(self, url: str, tmp_path: Path):
        self.url, self.tmp_path = url, tmp_path
        self.opened: list[Services] = []

    def on(self, day: date) -> Services:
        services = build_services(self.url, actor="tester", data_dir=self.tmp_path / "files", clock=at(day))
        self.opened.append(services)
        return services

    def close(self) -> None:
        for services in self.opened:
            services.close()


@pytest.fixture
def days(database_url: str, tmp_path: Path) -> Iterator[Days]:
    made = Days(database_url, tmp_path)
    yield made
    made.close()


def scores(services: Services) -> dict[str, int]:
    return {item.code: 2 for item in services.evaluations.items_for("full")}


def active_contractor(services: Services, name: str = "株式会社過去") -> Any:
    return services.contractors.create(
        {"name": name, "status": "active", "pi_items": ["氏名"], "start_date": "2026-01-01"}
    )


def evaluation(services: Services, contractor_id: int, on: str = "2026-09-01") -> Any:
    return services.evaluations.create(
        {"contractor_id": contractor_id, "evaluated_on": on, "evaluator": "佐藤"}, scores(services)
    )


def rules_on(services: Services, day: date, record_id: int | None = None) -> set[str]:
    with services.as_it_stood(day) as stood:
        findings = stood.checks.findings(day)
    return {f.rule for f in findings if record_id is None or f.record_id == record_id}


def test_every_kind_declares_the_date_its_fact_came_about() -> None:
    assert as_it_stood.unaccounted_kinds() == []
    for record_type, names in as_it_stood.OCCURRED_ON.items():
        if isinstance(names, tuple):
            columns = RECORD_MODELS[record_type].__table__.columns  # type: ignore[attr-defined]
            # `column.key`: a date in each entry of a JSON list column (an engagement's authorisations)
            assert all(name.partition(".")[0] in columns for name in names), record_type


def test_an_approval_given_after_the_day_does_not_make_the_day_compliant(days: Days) -> None:
    first = days.on(DAY1)
    contractor = active_contractor(first)
    made = evaluation(first, contractor.id)
    later = days.on(DAY1 + timedelta(days=5))
    later.evaluations.approve(made.id, made.version)

    assert RuleId.EVALUATION_MISSING not in rules_on(later, DAY1 + timedelta(days=5), contractor.id)
    assert RuleId.EVALUATION_MISSING in rules_on(later, DAY1 + timedelta(days=4), contractor.id)
    assert RuleId.EVALUATION_MISSING in rules_on(later, DAY1, contractor.id)


def test_a_status_changed_since_counts_as_it_was(days: Days) -> None:
    first = days.on(DAY1)
    contractor = first.contractors.create(
        {"name": "株式会社候補", "status": "candidate", "pi_items": ["氏名"]}
    )
    later = days.on(DAY1 + timedelta(days=3))
    later.contractors.update(
        contractor.id, {"status": "active", "start_date": "2026-10-04"}, contractor.version
    )

    assert RuleId.EVALUATION_MISSING in rules_on(later, DAY1 + timedelta(days=3), contractor.id)
    assert rules_on(later, DAY1 + timedelta(days=2), contractor.id) == set()  # a candidate then: no duties
    with later.as_it_stood(DAY1 + timedelta(days=2)) as stood:
        assert stood.contractors.get(contractor.id).status == "candidate"


def test_a_record_deleted_since_counts_and_one_entered_later_counts_by_its_own_date(days: Days) -> None:
    first = days.on(DAY1)
    gone = active_contractor(first, "株式会社削除済")
    first.contractors.create(
        {"name": "株式会社残存", "status": "candidate"}
    )  # SQLite reuses only the last id
    later = days.on(DAY1 + timedelta(days=10))
    later.contractors.delete(gone.id, gone.version)
    backdated = active_contractor(later, "株式会社後日入力")  # start 2026-01-01, entered on day 10
    planned = later.contractors.create(
        {"name": "株式会社予定", "status": "active", "pi_items": ["氏名"], "start_date": "2026-10-08"}
    )
    with later.as_it_stood(DAY1 + timedelta(days=12)) as stood:
        assert "株式会社削除済" not in {name for _, name in stood.contractors.names()}

    with later.as_it_stood(DAY1 + timedelta(days=5)) as stood:
        names = {name for _, name in stood.contractors.names()}
    assert "株式会社削除済" in names
    assert "株式会社後日入力" in names
    assert "株式会社予定" not in names  # entered on day 10, begun on day 7: not there on day 5
    assert backdated.id != planned.id


def test_a_version_superseded_after_the_day_was_in_force_on_it(days: Days) -> None:
    first = days.on(DAY1)
    contractor = active_contractor(first)
    made = evaluation(first, contractor.id)
    approved = first.evaluations.approve(made.id, made.version)
    later = days.on(DAY1 + timedelta(days=5))
    successor = later.evaluations.update(approved.id, {"conditions": "再評価"}, None, approved.version)
    later.evaluations.approve(successor.id, successor.version)

    with later.as_it_stood(DAY1 + timedelta(days=2)) as stood:
        stood_then = {row.id: row for row in stood.evaluations.list()}
    assert not stood_then[approved.id].is_superseded
    assert stood_then[approved.id].approved_on == DAY1
    assert successor.id not in stood_then or stood_then[successor.id].approved_on is None
    assert RuleId.EVALUATION_MISSING not in rules_on(later, DAY1 + timedelta(days=2), contractor.id)


def test_a_day_after_which_nothing_changed_reads_the_live_records(days: Days) -> None:
    first = days.on(DAY1)
    active_contractor(first)
    with first.as_it_stood(DAY1) as stood:
        assert stood is first
    with first.as_it_stood(None) as stood:
        assert stood is first


def test_the_past_database_is_removed_afterwards(days: Days) -> None:
    first = days.on(DAY1)
    active_contractor(first)
    later = days.on(DAY1 + timedelta(days=2))
    active_contractor(later, "株式会社二")
    with later.as_it_stood(DAY1) as stood:
        folder = stood.context.data_dir.parent
        assert folder.exists()
        assert stood is not later
    assert not folder.exists()


def test_settings_and_the_trail_stand_as_they_were(days: Days) -> None:
    first = days.on(DAY1)
    active_contractor(first)
    later = days.on(DAY1 + timedelta(days=3))
    before = later.settings.get("opt_out_change_notice_days")
    later.settings.update({"opt_out_change_notice_days": int(before) + 7})
    assert later.settings.get("opt_out_change_notice_days") == int(before) + 7
    with later.as_it_stood(DAY1) as stood:
        assert stood.settings.get("opt_out_change_notice_days") == before
        assert stood.audit.verify_chain().is_intact  # the events up to the day, as they were chained
        assert stood.audit.verify_records().is_intact  # and the records are what those events say


# The command line: check, report and export as of a past day (SQLite; the PostgreSQL server dates
# approvals by its own clock, so the days cannot be staged there).


def run_cli(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return cli("--db", url, *args, env={"ITAKU_PASSWORD": "correct horse battery", "ITAKU_USER": "officer"})


def test_check_report_and_export_as_of_a_past_day(sqlite_url: str, tmp_path: Path) -> None:
    first = build_services(sqlite_url, actor="officer", data_dir=tmp_path / "files", clock=at(DAY1))
    first.accounts.create_first_officer("officer", "correct horse battery", "責任者")
    contractor = active_contractor(first)
    made = evaluation(first, contractor.id)
    first.close()
    later = build_services(
        sqlite_url, actor="officer", data_dir=tmp_path / "files", clock=at(DAY1 + timedelta(days=5))
    )
    later.evaluations.approve(made.id, made.version)
    later.close()

    then = run_cli(sqlite_url, "check", "--json", "--as-of", (DAY1 + timedelta(days=2)).isoformat())
    assert then.returncode in (0, 1), then.stderr
    rules = {(f["rule"], f["record_id"]) for f in json.loads(then.stdout)}
    assert (RuleId.EVALUATION_MISSING.value, contractor.id) in rules

    workbook = tmp_path / "then.xlsx"
    exported = run_cli(
        sqlite_url, "export", "--xlsx", str(workbook), "--as-of", (DAY1 + timedelta(days=2)).isoformat()
    )
    assert exported.returncode == 0, exported.stderr
    sheet_text = "\n".join(
        str(cell.value)
        for sheet in load_workbook(workbook).worksheets
        for row in sheet.iter_rows()
        for cell in row
    )
    assert RuleId.EVALUATION_MISSING.value in sheet_text or "委託先評価が未実施" in sheet_text

    for day, expected in ((DAY1 + timedelta(days=2), True), (DAY1 + timedelta(days=5), False)):
        pdf = tmp_path / f"findings-{day}.pdf"
        printed = run_cli(sqlite_url, "report", "findings", "--pdf", str(pdf), "--as-of", day.isoformat())
        assert printed.returncode == 0, printed.stderr
        text = "".join(page.extract_text() for page in PdfReader(pdf).pages).replace("\n", "")
        assert ("委託先評価が未実施" in text) is expected, day
