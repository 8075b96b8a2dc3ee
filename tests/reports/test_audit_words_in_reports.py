"""The 委託先カルテ's change history speaks as the audit log page and the workbook's 監査ログ sheet do: one
formatter (desktop.services.audit_display), field labels and displayed values, never raw keys."""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader

from desktop.reports.pdf import render_register
from desktop.services.facade import Services


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_contractor_file_prints_its_history_in_the_words_of_the_audit_log(
    demo_services: Services, tmp_path: Path
) -> None:
    contract = demo_services.contracts.list()[0]
    contractor = demo_services.contractors.get(contract.contractor_id)
    out = tmp_path / "file.pdf"
    render_register(demo_services, "contractor-file", out, record_id=contractor.id)
    text = squash("".join(page.extract_text() for page in PdfReader(out).pages))
    assert squash(f"委託先: {contractor.name}（#{contractor.id}）") in text  # a contract names its contractor
    assert squash(f"委託先名: {contractor.name}") in text
    assert "contractor_id" not in text and "approved_on" not in text and "（なし）→" not in text
