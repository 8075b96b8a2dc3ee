"""The PDF registers read back with pypdf: every record printed, "N / M" right, Japanese extracts, font embedded."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.domain.audit_chain import ChainHead
from desktop.domain.schema import JOINT_USE
from desktop.reports.pdf import REGISTERS, ReportResult, render_register
from desktop.services.facade import Services
from desktop.services.joint_uses import notice_text
from tests.conftest import FIXED_NOW

AS_OF = FIXED_NOW.date()


def squash(text: str) -> str:
    """Text without any white space: a value wrapped inside its cell still reads as one string."""
    return re.sub(r"\s+", "", text)


def render(
    services: Services, register: str, tmp_path: Path, **options: object
) -> tuple[ReportResult, list[str]]:
    out = tmp_path / f"{register}.pdf"
    result = render_register(services, register, out, **options)  # type: ignore[arg-type]
    return result, [page.extract_text() for page in PdfReader(out).pages]


def sample_ids(services: Services) -> dict[str, int]:
    rows = services.registers.contractors(AS_OF)
    evaluated = next(row for row in rows if row.latest_evaluation is not None)
    return {
        "evaluation": evaluated.latest_evaluation.id,
        "contractor-file": evaluated.contractor.id,
        "joint-use-notice": services.registers.joint_uses(AS_OF)[0].joint_use.id,
    }


def test_contractor_register_prints_every_contractor_of_the_demo_data(
    demo_services: Services, tmp_path: Path
) -> None:
    _, pages = render(demo_services, "contractors", tmp_path)
    text = squash("".join(pages))
    names = [row.contractor.name for row in demo_services.registers.contractors(AS_OF)]
    assert len(names) == 40
    assert [name for name in names if squash(name) not in text] == []


def test_contract_register_prints_every_contract(demo_services: Services, tmp_path: Path) -> None:
    _, pages = render(demo_services, "contracts", tmp_path)
    text = squash("".join(pages))
    references = [row.contract.reference_number for row in demo_services.registers.contracts(AS_OF)]
    # Two per contractor, but one for those whose outsourcing contract carries confidentiality itself
    # and for those handling no PI (a plain NDA).
    assert len(references) == len(demo_services.contracts.list()) == 74
    assert [ref for ref in references if ref not in text] == []


def test_a_register_longer_than_its_chunks_prints_every_row_exactly_once(
    demo_services: Services, tmp_path: Path
) -> None:
    _, pages = render(demo_services, "contracts", tmp_path)
    lines = [line.strip() for page in pages for line in page.splitlines()]
    references = [row.contract.reference_number for row in demo_services.registers.contracts(AS_OF)]
    assert {ref: lines.count(ref) for ref in references} == dict.fromkeys(references, 1)
    numbers = [int(line) for line in lines if line.isdigit() and int(line) <= len(references)]
    assert [n for n in range(1, len(references) + 1) if n not in numbers] == []  # the No. column runs 1..80


def test_engagement_register_prints_every_engagement_and_redelegation(
    demo_services: Services, tmp_path: Path
) -> None:
    _, pages = render(demo_services, "engagements", tmp_path)
    text = squash("".join(pages))
    rows = demo_services.registers.engagements(AS_OF)
    expected = [row.engagement.client_name for row in rows]
    expected += [r.contractor_name for row in rows for r in row.redelegations]
    expected += [h.hop.reference for row in rows for r in row.redelegations for h in r.hops]
    assert [value for value in expected if squash(value) not in text] == []
    assert "×事後" in text  # demo engagement 1 got its consent after the work started


def test_joint_use_register_prints_every_joint_use_and_change(
    demo_services: Services, tmp_path: Path
) -> None:
    _, pages = render(demo_services, "joint-uses", tmp_path)
    text = squash("".join(pages))
    rows = demo_services.registers.joint_uses(AS_OF)
    expected = [row.joint_use.title for row in rows] + [
        c.description for row in rows for c in row.joint_use.changes
    ]
    assert [value for value in expected if squash(value) not in text] == []


def test_the_joint_use_register_names_items_one_to_six_as_the_form_does(
    demo_services: Services, tmp_path: Path
) -> None:
    _, pages = render(demo_services, "joint-uses", tmp_path)
    text = squash(pages[0])
    for field in ("joint_use_statement", "pi_items", "scope", "purposes", "acquisition_method"):
        assert squash(JOINT_USE.field(field).ja) in text


def test_the_findings_list_shows_since_and_due_apart(demo_services: Services, tmp_path: Path) -> None:
    _, pages = render(demo_services, "findings", tmp_path)
    text = squash("".join(pages))
    assert "発生日" in text and "期限" in text
    findings = demo_services.checks.findings(AS_OF)
    dated = [f for f in findings if f.due is not None and f.since is not None and f.since != f.due]
    assert dated  # e.g. an evaluation due soon: since the warning began, due on its date
    for finding in dated:
        assert f"{finding.since.isoformat()}{finding.due.isoformat()}" in text


def test_the_findings_list_cites_each_finding_s_basis(demo_services: Services, tmp_path: Path) -> None:
    _, pages = render(demo_services, "findings", tmp_path)
    text = squash("".join(pages))
    assert "根拠・規則" in text
    findings = demo_services.checks.findings(AS_OF)
    assert findings
    assert [f.rule for f in findings if not cited_in_its_row(text, squash(f.basis.ja), squash(f.rule))] == []


def cited_in_its_row(text: str, basis: str, rule: str) -> bool:
    """Whether some row of the list that ends with the rule id holds the basis: between the end of the row
    before it (the last rule id before) and this rule id. A row split across two pages (its cells continued
    after the next page's header) still counts as one row."""
    from desktop.domain.kinds import RuleId

    others = [squash(other.value) for other in RuleId]
    end = text.find(rule)
    while end != -1:
        before = [
            text.rfind(other, 0, end) + len(other) for other in others if text.rfind(other, 0, end) != -1
        ]
        if basis in text[max(before, default=0) : end]:
            return True
        end = text.find(rule, end + 1)
    return False


def test_findings_list_prints_every_finding_under_its_severity(
    demo_services: Services, tmp_path: Path
) -> None:
    _, pages = render(demo_services, "findings", tmp_path)
    text = squash("".join(pages))
    findings = demo_services.checks.findings(AS_OF)
    assert findings
    # A long row may continue on the next page (splitInRow), its rest after that page's heading: the start
    # of each message is what must be found.
    assert [f.rule for f in findings if squash(f.message.ja)[:40] not in text] == []
    blocking = sum(1 for f in findings if f.severity.value == "blocking")
    assert f"■重大（{blocking}件）" in text
    assert text.index("■重大") < text.index("■注意")


def test_evaluation_sheet_prints_every_checklist_item_and_the_result(
    demo_services: Services, tmp_path: Path
) -> None:
    evaluation_id = sample_ids(demo_services)["evaluation"]
    _, pages = render(demo_services, "evaluation", tmp_path, record_id=evaluation_id)
    evaluation, contractor = demo_services.registers.evaluation(evaluation_id)
    text = squash("".join(pages))
    assert [item["ja"] for item in evaluation.items if squash(item["ja"]) not in text] == []
    assert squash(contractor.name) in text
    assert f"{evaluation.total_score}/{evaluation.max_score}点" in text


def test_joint_use_notice_prints_the_whole_notice_text(demo_services: Services, tmp_path: Path) -> None:
    joint_use_id = sample_ids(demo_services)["joint-use-notice"]
    _, pages = render(demo_services, "joint-use-notice", tmp_path, record_id=joint_use_id)
    text = squash("".join(pages))
    notice = notice_text(demo_services.registers.joint_use(joint_use_id))
    assert [line for line in notice.splitlines() if squash(line) not in text] == []


def test_contractor_file_holds_the_whole_picture_of_one_contractor(
    demo_services: Services, tmp_path: Path
) -> None:
    contractor_id = sample_ids(demo_services)["contractor-file"]
    _, pages = render(demo_services, "contractor-file", tmp_path, record_id=contractor_id)
    text = squash("".join(pages))
    file = demo_services.registers.contractor_file(contractor_id, AS_OF)
    assert squash(file.contractor.name) in text
    assert [
        row.contract.reference_number for row in file.contracts if row.contract.reference_number not in text
    ] == []
    assert [e.evaluated_on for e in file.evaluations if e.evaluated_on.isoformat() not in text] == []
    assert f"■変更履歴（{len(file.history)}件）" in text
    assert file.history


@pytest.mark.parametrize("register", ["contractors", "contracts", "findings", "contractor-file"])
def test_every_page_says_n_of_m_and_m_is_the_page_count(
    demo_services: Services, tmp_path: Path, register: str
) -> None:
    record_id = sample_ids(demo_services).get(register) if REGISTERS[register].needs_id else None
    result, pages = render(demo_services, register, tmp_path, record_id=record_id)
    assert result.pages == len(pages) > 1
    for number, page in enumerate(pages, start=1):
        assert f"{number} / {len(pages)}" in page
        assert f"{number + 1} / {len(pages)}" not in page


def test_every_page_carries_company_title_as_of_filter_printed_at_and_by(
    demo_services: Services, tmp_path: Path
) -> None:
    _, pages = render(demo_services, "contractors", tmp_path, printed_by="黒田 修")
    assert len(pages) > 1
    for page in pages:
        assert "株式会社みらいデータ" in page
        assert "委託先管理台帳" in page
        assert "基準日 2026年11月25日" in page
        assert "絞り込み: なし（全件）" in page
        assert "印刷日時 2026年11月25日 12:00（日本時間）" in page  # FIXED_NOW is 03:00 UTC
        assert "印刷者 黒田 修" in page


def test_header_row_repeats_on_every_page(demo_services: Services, tmp_path: Path) -> None:
    _, pages = render(demo_services, "contractors", tmp_path)
    for page in pages:
        lines = {line.strip() for line in page.splitlines()}
        assert {"委託先名", "法人番号", "委託業務", "指摘事項"} <= lines
        assert "Corporatenumber" in squash(page)


def test_seal_boxes_on_the_first_page_only(demo_services: Services, tmp_path: Path) -> None:
    _, pages = render(demo_services, "contractors", tmp_path)
    assert "承認確認作成" in squash(pages[0])
    assert all("承認確認作成" not in squash(page) for page in pages[1:])


def test_japanese_extracts_exactly(demo_services: Services, tmp_path: Path) -> None:
    _, pages = render(demo_services, "contractors", tmp_path)
    first = [line.strip() for line in pages[0].splitlines()]
    row = demo_services.registers.contractors(AS_OF)[0].contractor
    assert "株式会社みらいデータ" in first
    assert "委託先管理台帳" in first
    assert row.name in first and row.kana in first


def test_font_is_an_embedded_subset_of_ipaexgothic_and_nothing_else(
    demo_services: Services, tmp_path: Path
) -> None:
    out = tmp_path / "contractors.pdf"
    render_register(demo_services, "contractors", out)
    fonts = {}
    for page in PdfReader(out).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[str(font["/BaseFont"])] = font
    assert fonts
    for name, font in fonts.items():
        assert re.fullmatch(r"/[A-Z]{6}\+IPAexGothic", name), name  # subset tag + the shipped font
        assert "/FontFile2" in font["/FontDescriptor"].get_object()  # TrueType outlines embedded


def test_document_title_author_and_subject_are_set(demo_services: Services, tmp_path: Path) -> None:
    out = tmp_path / "contracts.pdf"
    render_register(demo_services, "contracts", out, as_of=date(2026, 4, 1))
    metadata = PdfReader(out).metadata
    assert metadata is not None
    assert metadata.title == "契約・NDA台帳 / Contract and NDA register"
    assert metadata.author is not None and "株式会社みらいデータ" in metadata.author
    assert metadata.subject is not None and "基準日 2026-04-01" in metadata.subject


def test_as_of_date_is_the_one_printed_and_used(demo_services: Services, tmp_path: Path) -> None:
    _, pages = render(demo_services, "findings", tmp_path, as_of=date(2026, 4, 1))
    assert all("基準日 2026年4月1日" in page for page in pages)


def test_filter_limits_the_register_and_is_printed(demo_services: Services, tmp_path: Path) -> None:
    _, pages = render(demo_services, "contractors", tmp_path, filter_text="システム")
    text = squash("".join(pages))
    rows = demo_services.registers.contractors(AS_OF)
    matching = [r.contractor.name for r in rows if "システム" in r.contractor.name]
    others = [
        r.contractor.name
        for r in rows
        if "システム"
        not in (r.contractor.name + (r.contractor.kana or "") + (r.contractor.entrusted_work or ""))
    ]
    assert matching and others
    assert all(squash(name) in text for name in matching)
    assert all(squash(name) not in text for name in others)
    assert all("絞り込み: 「システム」" in page for page in pages)


def test_each_register_renders_with_its_portrait_or_landscape_page(
    demo_services: Services, tmp_path: Path
) -> None:
    ids = sample_ids(demo_services)
    for name, info in REGISTERS.items():
        out = tmp_path / f"{name}.pdf"
        render_register(demo_services, name, out, record_id=ids.get(name) if info.needs_id else None)
        box = PdfReader(out).pages[0].mediabox
        assert (float(box.width) < float(box.height)) == info.portrait, name


@pytest.mark.parametrize("register", sorted(REGISTERS))
def test_every_page_carries_the_audit_chain_head_that_verify_anchor_takes(
    demo_services: Services, tmp_path: Path, register: str
) -> None:
    """Issue 13: the chain head printed on paper anchors the trail outside the database file."""
    record_id = sample_ids(demo_services).get(register) if REGISTERS[register].needs_id else None
    head = demo_services.audit.head()
    _, pages = render(demo_services, register, tmp_path, record_id=record_id)
    for page in pages:
        printed = re.search(r"監査ログの先頭\s*(\d+:[0-9a-f]{64})", page)
        assert printed is not None and printed.group(1) == head.text
    assert demo_services.audit.verify_anchor(ChainHead.parse(printed.group(1))).is_intact
