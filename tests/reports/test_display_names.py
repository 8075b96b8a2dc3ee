"""The display name given at sign-up is what people see on paper (issue 14): the PDFs' 印刷者, the audit
workbook's 作成者 and its 監査ログ sheet name the person, not the user name."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from pypdf import PdfReader

from desktop.reports.pdf import render_register
from desktop.reports.xlsx import write_audit_workbook
from desktop.services.facade import Services

PASSWORD = "correct horse battery"


def signed_in_officer(services: Services) -> Services:
    services.accounts.create_first_officer("kuroda", PASSWORD, "黒田 恵")
    services.accounts.sign_in("kuroda", PASSWORD)
    services.demo.load(15, 1)
    return services


def test_the_pdf_names_the_printer_by_display_name(sqlite_services: Services, tmp_path: Path) -> None:
    services = signed_in_officer(sqlite_services)
    out = tmp_path / "contractors.pdf"
    render_register(services, "contractors", out)
    first = PdfReader(out).pages[0].extract_text()
    assert "印刷者 黒田 恵" in first and "印刷者 kuroda" not in first


def test_the_workbook_names_its_creator_and_the_actors_by_display_name(
    sqlite_services: Services, tmp_path: Path
) -> None:
    services = signed_in_officer(sqlite_services)
    path = tmp_path / "audit.xlsx"
    write_audit_workbook(services, path)
    workbook = openpyxl.load_workbook(path)
    summary = {row[0]: row[1] for row in workbook["概要"].iter_rows(values_only=True)}
    assert summary["作成者"] == "黒田 恵"
    actors = {row[1] for row in workbook["監査ログ"].iter_rows(min_row=2, values_only=True)}
    assert "黒田 恵" in actors and "kuroda" not in actors
