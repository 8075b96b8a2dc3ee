"""PDF registers the PI protection officer (個人情報保護責任者) prints, seals and files for the audit.

`render_register(services, "contractors", Path("out.pdf"))` is all the window and the CLI call. Data comes
only through the services; the file appears only when the whole document was written (a temporary file
is renamed into place), so an error or a cancel leaves nothing behind.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.domain.errors import Message, ValidationError
from desktop.domain.kinds import RecordType
from desktop.domain.schema import COMPANY, clean_search_text
from desktop.reports.pdf import documents, ledgers, opt_out, provision, requests_incidents
from desktop.reports.pdf.layout import (
    PageFacts,
    StreamingTable,
    build_pdf,
    make_styles,
    title_block,
)
from desktop.reports.pdf.request import Built, ReportRequest
from desktop.reports.pdf.text import collecting_unprintable, day_ja, describe_characters, label, markup
from desktop.services.output_path import check_output_path
from desktop.services.progress import Progress

if TYPE_CHECKING:
    from desktop.services.facade import Services

__all__ = ["REGISTERS", "RegisterInfo", "ReportResult", "check_request", "render_register"]


@dataclass(frozen=True)
class RegisterInfo:
    """One register: its titles, what builds it, and the kinds of record it lists."""

    title_ja: str
    title_en: str
    build: Callable[[ReportRequest], Built]
    needs_id: bool  # prints one record, chosen by its id
    portrait: bool = False
    lists: tuple[RecordType, ...] = ()  # the record kinds whose records it prints (the first is its subject)


@dataclass(frozen=True)
class ReportResult:
    path: Path
    pages: int
    unprintable: tuple[str, ...] = ()  # characters no font holds, printed as 〓 (the caller says which)

    def unprintable_warning(self) -> Message | None:
        """What to tell the person before they print, if any character came out as 〓."""
        if not self.unprintable:
            return None
        listed = describe_characters(self.unprintable)
        return Message(
            f"次の文字は印刷できる字形がないため「〓」で表しています: {listed}",
            f"These characters have no printable glyph and are shown as 〓: {listed}",
        )


# Every register by the name the CLI and the print dialog use, in the order they list them. Each record kind
# is listed by at least one register (tests/test_record_kinds.py): see docs/adding-a-record-kind.md.
REGISTERS: dict[str, RegisterInfo] = {
    "contractors": RegisterInfo(
        "委託先管理台帳",
        "Contractor register",
        ledgers.contractors,
        needs_id=False,
        lists=(RecordType.CONTRACTOR,),
    ),
    "evaluation": RegisterInfo(
        "委託先評価表",
        "Contractor evaluation sheet",
        documents.evaluation,
        needs_id=True,
        portrait=True,
        lists=(RecordType.EVALUATION,),
    ),
    "contracts": RegisterInfo(
        "契約・NDA台帳",
        "Contract and NDA register",
        ledgers.contracts,
        needs_id=False,
        lists=(RecordType.CONTRACT,),
    ),
    "engagements": RegisterInfo(
        "受託業務・再委託同意台帳",
        "Engagement and re-delegation consent register",
        ledgers.engagements,
        needs_id=False,
        lists=(RecordType.ENGAGEMENT, RecordType.REDELEGATION, RecordType.CONSENT_HOP),
    ),
    "joint-uses": RegisterInfo(
        "共同利用台帳",
        "Joint use register",
        ledgers.joint_uses,
        needs_id=False,
        lists=(RecordType.JOINT_USE, RecordType.JOINT_USE_CHANGE),
    ),
    "opt-outs": RegisterInfo(
        "オプトアウト届出事項",
        "Opt-out provision register",
        opt_out.opt_outs,
        needs_id=False,
        lists=(RecordType.OPT_OUT, RecordType.OPT_OUT_CHANGE, RecordType.STOP_REQUEST),
    ),
    "provisions": RegisterInfo(
        "第三者提供記録簿",
        "Third-party provision records",
        provision.provisions,
        needs_id=False,
        lists=(RecordType.PROVISION,),
    ),
    "receipts": RegisterInfo(
        "確認記録簿",
        "Receipt confirmation records",
        provision.receipts,
        needs_id=False,
        lists=(RecordType.RECEIPT,),
    ),
    "requests": RegisterInfo(
        "本人請求対応記録",
        "Data-subject request record",
        requests_incidents.requests,
        needs_id=False,
        lists=(RecordType.REQUEST,),
    ),
    "incidents": RegisterInfo(
        "事故対応記録",
        "Incident record",
        requests_incidents.incidents,
        needs_id=False,
        lists=(RecordType.INCIDENT,),
    ),
    "findings": RegisterInfo(
        "指摘事項一覧",
        "Findings",
        ledgers.findings,
        needs_id=False,
        lists=(RecordType.CORRECTIVE_ACTION,),  # the corrective actions that closed findings
    ),
    "joint-use-notice": RegisterInfo(
        "共同利用に関する公表文",
        "Public notice of joint use",
        documents.joint_use_notice,
        needs_id=True,
        portrait=True,
        lists=(RecordType.JOINT_USE,),
    ),
    "contractor-file": RegisterInfo(
        "委託先カルテ",
        "Contractor file",
        documents.contractor_file,
        needs_id=True,
        portrait=True,
        lists=(RecordType.CONTRACTOR, RecordType.EVALUATION, RecordType.CONTRACT),
    ),
}

LANDSCAPE_CELL_SIZE = 6.8
PORTRAIT_CELL_SIZE = 8.0


def render_register(
    services: Services,
    register: str,
    out: Path,
    *,
    as_of: date | None = None,
    record_id: int | None = None,
    filter_text: str | None = None,
    printed_by: str | None = None,
    progress: Progress | None = None,
) -> ReportResult:
    """Write one register to `out` and return its page count.

    `progress(done, total)` is called as records are laid out; it raises Cancelled to stop.
    Bad input raises ValidationError (unknown register, missing id, unusable path), an unknown id
    NotFoundError; in every failure no file is created and an existing `out` is left as it was.
    Characters no font holds are printed as 〓 and named in the result's `unprintable`.
    """
    with collecting_unprintable() as unprintable:
        result = _render_register(
            services,
            register,
            out,
            as_of=as_of,
            record_id=record_id,
            filter_text=filter_text,
            printed_by=printed_by,
            progress=progress,
        )
    return replace(result, unprintable=tuple(sorted(unprintable)))


def _render_register(
    services: Services,
    register: str,
    out: Path,
    *,
    as_of: date | None,
    record_id: int | None,
    filter_text: str | None,
    printed_by: str | None,
    progress: Progress | None,
) -> ReportResult:
    info = check_request(register, out, record_id, filter_text)
    out = Path(out)
    filter_text = (filter_text or "").strip() or None
    as_of = as_of or services.context.today()
    styles = make_styles(PORTRAIT_CELL_SIZE if info.portrait else LANDSCAPE_CELL_SIZE)
    company = services.registers.company()
    facts = PageFacts(
        company=company.name if company else "（自社情報が未登録です）",
        title_ja=info.title_ja,
        title_en=info.title_en,
        as_of=as_of,
        scope="",
        printed_at=services.context.now(),
        printed_by=printed_by or services.accounts.display_name_of(services.context.actor),
        portrait=info.portrait,
        audit_head=services.audit.head().text,
    )
    request = ReportRequest(services, as_of, record_id, filter_text, styles, facts.frame_width)
    built = info.build(request)  # NotFoundError here, before any file exists
    facts = replace(facts, scope=built.scope)
    details = [
        (label(Message("基準日", "As of")), markup(f"{day_ja(as_of)}（{as_of.isoformat()}）")),
        *built.details,
    ]
    if company is not None:
        officer = " ".join(part for part in (company.officer_title, company.officer_name) if part)
        details.append((label(COMPANY.field("officer_name").label), markup(officer) or markup("（未登録）")))
        if company.privacy_mark_number:
            details.append(
                (label(COMPANY.field("privacy_mark_number").label), markup(company.privacy_mark_number))
            )
    story = [*title_block(facts, details, styles), *built.story]
    total = sum(flowable.data_rows() for flowable in built.story if isinstance(flowable, StreamingTable))
    built.story.clear()  # the document consumes `story`; nothing else may keep the pages' rows alive
    author = f"{facts.company}（{facts.printed_by}）"
    subject = f"{built.subject}／基準日 {as_of.isoformat()}／{built.scope}"
    partial = out.with_name(
        f".itaku-{uuid.uuid4().hex[:12]}.pdf.part"
    )  # short: `out` may be near the name limit
    try:
        pages = build_pdf(
            partial, facts, story, styles, author=author, subject=subject, progress=progress, total=total
        )
        os.replace(partial, out)
    except OSError as error:  # read-only folder, disk full, the PDF open and locked in a viewer (Windows)
        raise ValidationError(
            {
                "out": Message(
                    f"PDF を書き込めません: {out}（{error.strerror or error}）",
                    f"cannot write the PDF: {out} ({error.strerror or error})",
                )
            }
        ) from None
    finally:
        partial.unlink(missing_ok=True)
    return ReportResult(out, pages)


def check_request(
    register: str, out: Path, record_id: int | None, filter_text: str | None = None
) -> RegisterInfo:
    """Refuse a request that cannot succeed before any database work: unknown register, id missing or
    not wanted, filter on a single record, output path unusable."""
    info = REGISTERS.get(register)
    if info is None:
        names = ", ".join(REGISTERS)
        raise ValidationError(
            {
                "register": Message(
                    f"不明な帳票です: {register}（指定できるもの: {names}）",
                    f"unknown register: {register} (one of: {names})",
                )
            }
        )
    if info.needs_id and record_id is None:
        raise ValidationError(
            {
                "id": Message(
                    f"{info.title_ja}には対象の ID（--id）が必要です",
                    f"{info.title_en} needs the id of its record (--id)",
                )
            }
        )
    if not info.needs_id and record_id is not None:
        raise ValidationError(
            {
                "id": Message(
                    f"{info.title_ja}には ID（--id）を指定できません", f"{info.title_en} takes no id (--id)"
                )
            }
        )
    clean_search_text(filter_text, "filter")
    if info.needs_id and filter_text and filter_text.strip():
        raise ValidationError(
            {
                "filter": Message(
                    f"{info.title_ja}では絞り込みを指定できません", f"{info.title_en} takes no filter"
                )
            }
        )
    path = Path(out)
    try:
        is_folder, has_folder = path.is_dir(), path.parent.is_dir()
    except OSError as error:  # e.g. a name longer than the file system allows
        raise ValidationError(
            {
                "out": Message(
                    f"出力先に使えない名前です: {path}（{error.strerror or error}）",
                    f"unusable output path: {path} ({error.strerror or error})",
                )
            }
        ) from None
    if is_folder:
        raise ValidationError(
            {"out": Message(f"出力先がフォルダです: {path}", f"the output is a folder: {path}")}
        )
    if not has_folder:
        raise ValidationError(
            {
                "out": Message(
                    f"出力先のフォルダがありません: {path.parent}",
                    f"the output folder does not exist: {path.parent}",
                )
            }
        )
    check_output_path(path)  # and writable
    return info
