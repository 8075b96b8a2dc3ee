"""Issue 13: the findings snapshot is a cache for the window's first paint only. A snapshot made on a doctored
copy of the database (records edited behind the app, so the audit head does not move) and copied into the
real one is taken by the window's cached read, but never by `check`, `export` or `report`."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from desktop.cli import main
from desktop.domain.enums import Severity
from desktop.domain.rules import Finding
from desktop.services.facade import Services
from tests.conftest import FIXED_NOW, make_services

AS_OF = FIXED_NOW.date().isoformat()  # the date the planted snapshot is keyed by


def plant_doctored_snapshot(services: Services, tmp_path: Path) -> list[Finding]:
    """Copy the database, make its contractors look clean behind the app, let the app store the findings
    snapshot of that copy, and copy the snapshot row into the real database. Returns the doctored findings."""
    real = Path(services.database.url.removeprefix("sqlite:///"))
    doctored = tmp_path / "doctored.sqlite3"
    with sqlite3.connect(real) as source, sqlite3.connect(doctored) as target:
        source.backup(target)
    with sqlite3.connect(doctored) as connection:  # no audit event: the chain's head stays the same
        connection.execute("UPDATE contractor SET pi_items = '[]', country = 'JP', kind = 'corporation'")
    copy = make_services(f"sqlite:///{doctored}", tmp_path)
    doctored_findings = copy.checks.model().findings  # computed on the doctored copy and stored there
    copy.close()
    with sqlite3.connect(real) as connection:
        connection.execute("ATTACH DATABASE ? AS doctored", (str(doctored),))
        connection.execute("DELETE FROM finding_snapshot")
        connection.execute("INSERT INTO finding_snapshot SELECT * FROM doctored.finding_snapshot")
        connection.commit()
        connection.execute("DETACH DATABASE doctored")
    return doctored_findings


@pytest.fixture
def attacked(demo_services: Services, tmp_path: Path) -> tuple[Services, list[Finding], list[Finding]]:
    real_findings = demo_services.checks.findings()
    doctored = plant_doctored_snapshot(demo_services, tmp_path)
    assert len(doctored) < len(real_findings)
    # The attack works on the cache: a window starting on this database takes the planted snapshot.
    window_services = make_services(demo_services.database.url, tmp_path)
    assert window_services.checks.model(cached=True).findings == doctored
    window_services.close()
    return demo_services, real_findings, doctored


def test_check_ignores_a_snapshot_copied_in_from_a_doctored_database(
    attacked: tuple[Services, list[Finding], list[Finding]],
    sqlite_url: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    services, real, _doctored = attacked
    assert services.checks.findings() == real
    capsys.readouterr()
    assert main(["--db", sqlite_url, "check", "--json", "--as-of", AS_OF]) == 1
    assert [Finding.from_json(row) for row in json.loads(capsys.readouterr().out)] == real


def test_export_ignores_a_snapshot_copied_in_from_a_doctored_database(
    attacked: tuple[Services, list[Finding], list[Finding]], sqlite_url: str, tmp_path: Path
) -> None:
    _services, real, doctored = attacked
    out = tmp_path / "audit.xlsx"
    assert main(["--db", sqlite_url, "export", "--xlsx", str(out), "--as-of", AS_OF]) == 0
    sheet = openpyxl.load_workbook(out)["指摘事項"]
    rows = sum(1 for row in sheet.iter_rows(min_row=2, values_only=True) if any(row))  # under the header
    assert rows == len(real) != len(doctored)


def test_report_ignores_a_snapshot_copied_in_from_a_doctored_database(
    attacked: tuple[Services, list[Finding], list[Finding]], sqlite_url: str, tmp_path: Path
) -> None:
    _services, real, doctored = attacked
    out = tmp_path / "findings.pdf"
    assert main(["--db", sqlite_url, "report", "findings", "--pdf", str(out), "--as-of", AS_OF]) == 0
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    blocking = sum(1 for f in real if f.severity is Severity.BLOCKING)
    assert blocking != sum(1 for f in doctored if f.severity is Severity.BLOCKING)
    assert f"重大（{blocking} 件）" in text
    assert f"注意（{len(real) - blocking} 件）" in text
