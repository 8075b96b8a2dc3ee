"""本人請求対応記録 and 事故対応記録 (A4 landscape): the data-subject requests of policy §9 with their due dates,
decisions and replies; the incidents (APPI Art. 26) with the reportable categories and each report owed, its due
date and the day it was sent. Each row ends with its open findings."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from desktop.domain.enums import RefusalGround, ReplyMethod, RequestDecision, RequestType
from desktop.domain.errors import Message
from desktop.domain.kinds import RecordType
from desktop.domain.rules import Finding
from desktop.reports.pdf.layout import Column, data_table
from desktop.reports.pdf.ledgers import (
    NUMBER_HEADING,
    alert,
    count_detail,
    empty,
    enum_label,
    filter_detail,
    finding_lines,
    heading,
    scope_of,
)
from desktop.reports.pdf.request import Built, ReportRequest
from desktop.reports.pdf.text import day as day_text
from desktop.reports.pdf.text import joined, label, lines, markup, muted


def _findings_by_record(request: ReportRequest, record_type: RecordType) -> dict[int, list[Finding]]:
    grouped: dict[int, list[Finding]] = defaultdict(list)
    for finding in request.services.checks.findings(request.as_of):
        if finding.record_type == record_type:
            grouped[finding.record_id].append(finding)
    return grouped


# ---------------------------------------------------------------- 本人請求対応記録

REQUEST_COLUMNS = (
    Column(NUMBER_HEADING, 3, "RIGHT"),
    Column(heading(RecordType.REQUEST, "received_on"), 7.5),
    Column(heading(RecordType.REQUEST, "request_type"), 10),
    Column(lines(heading(RecordType.REQUEST, "requester"), muted(markup("代理人"))), 11),
    Column(heading(RecordType.REQUEST, "identity_check"), 12),
    Column(label(Message("回答期限", "Due on")), 7.5),
    Column(lines(heading(RecordType.REQUEST, "decision"), muted(markup("応じない理由"))), 17),
    Column(lines(heading(RecordType.REQUEST, "replied_on"), muted(markup("回答方法"))), 9),
    Column(heading(RecordType.REQUEST, "fee"), 6, "RIGHT"),
    Column(label(Message("指摘事項", "Open findings")), 17),
)


def request_cells(index: int, row: Any, findings: list[Finding]) -> list[str]:
    requester = lines(
        markup(row.requester),
        muted(markup(f"代理人: {row.agent_name or '（氏名未記入）'}")) if row.by_agent else "",
    )
    decision = lines(
        enum_label(RequestDecision, row.decision),
        muted(enum_label(RefusalGround, row.refusal_ground)),
    )
    replied = (
        lines(markup(day_text(row.replied_on)), muted(enum_label(ReplyMethod, row.reply_method)))
        if row.replied_on
        else alert(markup("未回答"))
    )
    return [
        str(index),
        markup(day_text(row.received_on)),
        enum_label(RequestType, row.request_type),
        requester,
        markup(row.identity_check),
        markup(day_text(row.due_on)),
        decision,
        replied,
        markup(f"{row.fee:,} 円") if row.fee is not None else "",
        finding_lines(findings),
    ]


def requests(request: ReportRequest) -> Built:
    findings = _findings_by_record(request, RecordType.REQUEST)
    rows = sorted(
        (
            row
            for row in request.services.requests.list(as_of=request.as_of)
            if request.matches(row.requester, RequestType(row.request_type).label.ja)
        ),
        key=lambda row: (row.received_on, row.id),
    )
    cells = [request_cells(index, row, findings.get(row.id, [])) for index, row in enumerate(rows, start=1)]
    story: list[Any] = (
        [data_table(REQUEST_COLUMNS, cells, request.styles, request.width)] if cells else [empty(request)]
    )
    days = request.services.requests.reply_days()
    return Built(
        story,
        scope_of(request),
        [
            filter_detail(request),
            count_detail(len(rows)),
            (label(Message("回答期限の基準", "Reply standard")), markup(f"受付日から {days} 日以内")),
        ],
        subject="本人からの開示等の請求（個人情報保護法32条〜35条、方針9）の受付・決定・回答の記録",
    )


# ---------------------------------------------------------------- 事故対応記録

INCIDENT_COLUMNS = (
    Column(NUMBER_HEADING, 3, "RIGHT"),
    Column(lines(heading(RecordType.INCIDENT, "title"), muted(markup("発覚日・委託先"))), 14),
    Column(lines(label(Message("概要", "What happened")), muted(markup("項目・本人の数"))), 20),
    Column(label(Message("報告対象の事態（規則7条）", "Reportable (Rules Art. 7)")), 10),
    Column(label(Message("報告・通知（期限／実施日）", "Reports (due / sent)")), 26),
    Column(label(Message("指摘事項", "Open findings")), 17),
)


def report_lines(reports: Any, as_of: Any) -> str:
    parts = []
    for due in reports:
        sent = due.sent_on if due.sent_on is not None and due.sent_on <= as_of else None
        status = markup(day_text(sent)) if sent else alert(markup("未"))
        parts.append(markup(f"{due.report.ja} 期限 {day_text(due.due_on)}／") + status)
    return lines(*parts)


def incident_cells(index: int, row: Any, findings: list[Finding], as_of: Any) -> list[str]:
    incident = row.incident
    count = f"{incident.person_count:,} 人" if incident.person_count is not None else "人数不明"
    return [
        str(index),
        lines(
            markup(incident.title),
            muted(markup(f"発覚 {day_text(incident.discovered_on)}")),
            muted(markup(f"委託先: {row.contractor_name}")) if row.contractor_name else "",
        ),
        lines(markup(incident.description), muted(joined(incident.pi_items)), muted(markup(count))),
        lines(*(alert(markup(c.ja)) for c in row.categories))
        or muted(markup("該当なし（審査機関への報告のみ）")),
        report_lines(row.reports, as_of),
        finding_lines(findings),
    ]


def incidents(request: ReportRequest) -> Built:
    findings = _findings_by_record(request, RecordType.INCIDENT)
    rows = [
        row
        for row in request.services.incidents.register_rows()
        if request.matches(row.incident.title, row.contractor_name, row.incident.description)
    ]
    cells = [
        incident_cells(index, row, findings.get(row.incident.id, []), request.as_of)
        for index, row in enumerate(rows, start=1)
    ]
    story: list[Any] = (
        [data_table(INCIDENT_COLUMNS, cells, request.styles, request.width)] if cells else [empty(request)]
    )
    days = request.services.incidents.preliminary_days()
    return Built(
        story,
        scope_of(request),
        [
            filter_detail(request),
            count_detail(len(rows)),
            (
                label(Message("報告期限", "Report deadlines")),
                markup(f"速報・本人通知 発覚から {days} 日／確報・報告書 30 日（不正の目的 60 日）"),
            ),
        ],
        subject="漏えい等の事案（個人情報保護法26条）の個人情報保護委員会・本人・審査機関への報告の記録",
    )
