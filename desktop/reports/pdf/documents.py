"""The single-record documents (A4 portrait): one evaluation (委託先評価表), the public notice of one
joint use (共同利用に関する公表文) and one contractor's complete file (委託先カルテ)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from desktop.domain.checklist import GROUPS
from desktop.domain.clauses import CLAUSE_BY_CODE
from desktop.domain.consent_chain import authorities_of, authority_text
from desktop.domain.enums import (
    AuditAction,
    ContractKind,
    EvaluationResult,
    EvaluationRoute,
    NoticeMethod,
    ProvisionBasis,
    Severity,
)
from desktop.domain.errors import Message
from desktop.domain.kinds import RecordType
from desktop.domain.schema import (
    AUTHORITY_LIST,
    BOOLEAN,
    CONTRACTOR,
    DATE,
    ENUM,
    EVALUATION,
    INTEGER,
    JOINT_USE,
    MULTILINE,
    TEXT_LIST,
    Field,
    record_type_label,
)
from desktop.reports.pdf.layout import CellParagraph, Column, data_table, fact_table, section_heading
from desktop.reports.pdf.ledgers import (
    alert,
    attachment_cell,
    consent_verdict,
    enum_label,
    heading,
    hop_line,
    rule_title,
)
from desktop.reports.pdf.request import Built, ReportRequest
from desktop.reports.pdf.text import (
    DASH,
    day,
    day_ja,
    joined,
    label,
    lines,
    markup,
    moment_ja,
    muted,
    number,
    yes_no,
)
from desktop.services.contracts import ContractorCover


def field_label(field: Field) -> str:
    return label(field.label)


def field_value(field: Field, value: Any) -> str:
    """A stored value as the window shows it: enum labels, 有/無, dates, lists."""
    if value is None or value == "" or value == []:
        return ""
    if field.kind == ENUM and field.enum is not None:
        return enum_label(field.enum, value)
    if field.kind == BOOLEAN:
        return markup(yes_no(bool(value)))
    if field.kind == DATE:
        return markup(day(value) if hasattr(value, "isoformat") else str(value))
    if field.kind == TEXT_LIST:
        return joined(value)
    if field.kind == AUTHORITY_LIST:
        return lines(*(markup(authority_text(a, None).ja) for a in authorities_of(value)))
    if field.kind == INTEGER:
        return markup(number(value)) if isinstance(value, int) else markup(value)
    return markup(value)


def section(request: ReportRequest, ja: str, en: str, count: int | None = None) -> list[Flowable]:
    counted = f"（{count} 件）" if count is not None else ""
    return section_heading(f"■ {markup(ja)}{markup(counted)} {muted(markup(en), 7)}", request.styles)


def none_recorded(request: ReportRequest) -> Paragraph:
    return Paragraph(muted(markup("記録なし / None recorded")), request.styles.cell)


# ---------------------------------------------------------------- 委託先評価表

CHECKLIST_COLUMNS = (
    Column(label(Message("No.", "#")), 4, "RIGHT"),
    Column(label(Message("区分", "Group")), 15),
    Column(label(Message("評価項目", "Checklist item")), 49),
    Column(label(Message("必須", "Req.")), 6, "CENTER"),
    Column(label(Message("配点", "Max")), 5.5, "CENTER"),
    Column(label(Message("評点", "Score")), 5.5, "CENTER"),
)


def evaluation(request: ReportRequest) -> Built:
    assert request.record_id is not None
    record, contractor = request.services.registers.evaluation(request.record_id)
    items: list[dict[str, Any]] = list(record.items or [])
    cells = []
    for index, item in enumerate(items, start=1):
        group = GROUPS.get(str(item.get("group")), (str(item.get("group", "")), ""))
        score = item.get("score")
        mandatory = bool(item.get("mandatory"))
        score_text = markup(score if score is not None else DASH)
        if mandatory and score == 0:
            score_text = alert(score_text)
        cells.append(
            [
                str(index),
                markup(group[0]),
                lines(markup(item.get("ja")), muted(markup(item.get("en")))),
                markup("○") if mandatory else "",
                markup(item.get("max_score")),
                score_text,
            ]
        )
    percent = 100.0 * record.total_score / record.max_score if record.max_score else 0.0
    result = enum_label(EvaluationResult, record.result)
    if record.result != EvaluationResult.PASS.value:
        result = alert(result)
    failed = [item for item in items if item.get("mandatory") and item.get("score") == 0]
    summary = [
        (
            label(Message("合計点", "Total")),
            markup(f"{record.total_score} / {record.max_score} 点（{percent:.0f}%）"),
        ),
        (
            label(Message("評価結果", "Result")),
            result
            + (
                "<br/>" + alert(markup("必須項目が0点: " + "、".join(str(i.get("ja")) for i in failed)))
                if failed
                else ""
            ),
        ),
        (field_label(EVALUATION.field("conditions")), markup(record.conditions) or markup("なし")),
        (
            field_label(EVALUATION.field("next_due_on")),
            lines(markup(day(record.next_due_on)), muted(markup(record.next_due_reason))),
        ),
        (field_label(EVALUATION.field("approver")), markup(record.approver) or alert(markup("未承認"))),
        (field_label(EVALUATION.field("approved_on")), markup(day(record.approved_on))),
    ]
    width = request.width
    story: list[Flowable] = [
        *section(request, "評価項目", "Checklist"),
        Paragraph(
            muted(
                markup(
                    "評点: 2 = 実施している　1 = 一部実施している　0 = 実施していない"
                    "（必須項目が0点の場合は不適合）"
                )
            ),
            request.styles.cell,
        ),
        Spacer(1, 1.5 * mm),
        data_table(CHECKLIST_COLUMNS, cells, request.styles, width),
        *section(request, "評価結果と承認", "Result and approval"),
        KeepTogether([fact_table(summary, request.styles, width, label_share=0.24)]),
    ]
    certificate = ""
    if record.certificate_number:
        certificate = markup(record.certificate_number) + muted(
            markup(f"（有効期限 {day(record.certificate_expiry)}）")
        )
    details = [
        (field_label(CONTRACTOR.field("name")), markup(contractor.name)),
        (field_label(CONTRACTOR.field("corporate_number")), markup(contractor.corporate_number) or DASH),
        (field_label(EVALUATION.field("evaluated_on")), markup(day_ja(record.evaluated_on))),
        (field_label(EVALUATION.field("evaluator")), markup(record.evaluator)),
        (
            field_label(EVALUATION.field("route")),
            enum_label(EvaluationRoute, record.route)
            + (muted(markup("　認証: ")) + certificate if certificate else ""),
        ),
    ]
    scope = f"対象: {contractor.name}（評価 #{record.id}・評価日 {day(record.evaluated_on)}）"
    return Built(
        story, scope, details, subject=f"{contractor.name} の委託先評価（{day(record.evaluated_on)}）"
    )


# ---------------------------------------------------------------- 共同利用に関する公表文


def joint_use_notice(request: ReportRequest) -> Built:
    from desktop.services.joint_uses import notice_text

    assert request.record_id is not None
    joint_use = request.services.registers.joint_use(request.record_id)
    text = notice_text(joint_use)
    styles = request.styles
    heading_style = ParagraphStyle(
        "notice-heading",
        parent=styles.body,
        fontSize=10.5,
        leading=15,
        spaceBefore=2.5 * mm,
        spaceAfter=1 * mm,
        keepWithNext=True,
    )
    body_style = ParagraphStyle("notice-body", parent=styles.body, leftIndent=5 * mm)
    title_style = ParagraphStyle(
        "notice-title",
        parent=styles.body,
        fontSize=14,
        leading=20,
        alignment=TA_CENTER,
        spaceBefore=2 * mm,
        spaceAfter=3 * mm,
    )
    closing_style = ParagraphStyle(
        "notice-closing", parent=styles.body, alignment=TA_RIGHT, spaceBefore=6 * mm
    )
    body: list[Flowable] = []
    text_lines = text.split("\n")
    body.append(Paragraph(markup(text_lines[0]), title_style))
    for line in text_lines[1:]:
        if not line.strip():
            body.append(Spacer(1, 2 * mm))
        elif line[0] in "①②③④⑤⑥":
            body.append(CellParagraph(markup(line), heading_style))
        else:
            body.append(CellParagraph(markup(line), body_style))  # dates, numbers, URLs kept whole
    body.append(Paragraph(markup("以上"), closing_style))
    details = [
        (field_label(JOINT_USE.field("title")), markup(joint_use.title)),
        (
            field_label(JOINT_USE.field("notice_method")),
            enum_label(NoticeMethod, joint_use.notice_method) or DASH,
        ),
        (field_label(JOINT_USE.field("notice_reference")), markup(joint_use.notice_reference) or DASH),
        (
            field_label(JOINT_USE.field("notice_published_on")),
            markup(day_ja(joint_use.notice_published_on))
            if joint_use.notice_published_on
            else alert(markup("未公表")),
        ),
    ]
    scope = f"対象: {joint_use.title}（共同利用 #{joint_use.id}）"
    return Built(body, scope, details, subject=f"{joint_use.title} の公表文（個人情報保護法27条5項3号）")


# ---------------------------------------------------------------- 委託先カルテ

EVALUATION_COLUMNS = (
    Column(heading(RecordType.EVALUATION, "evaluated_on"), 10),
    Column(heading(RecordType.EVALUATION, "route"), 12),
    Column(label(Message("合計点", "Total")), 8, "CENTER"),
    Column(label(Message("結果", "Result")), 9),
    Column(heading(RecordType.EVALUATION, "conditions"), 14),
    Column(heading(RecordType.EVALUATION, "evaluator"), 9),
    Column(lines(heading(RecordType.EVALUATION, "approver"), muted(markup("承認日"))), 10),
    Column(heading(RecordType.EVALUATION, "next_due_on"), 10),
)
FILE_CONTRACT_COLUMNS = (
    Column(lines(heading(RecordType.CONTRACT, "kind"), muted(markup("契約名・契約番号"))), 17),
    Column(lines(heading(RecordType.CONTRACT, "signed_on"), muted(markup("効力発生日"))), 11.5),
    Column(lines(heading(RecordType.CONTRACT, "expires_on"), muted(markup("自動更新"))), 11.5),
    Column(label(Message("状態", "Status")), 6.5),
    Column(heading(RecordType.CONTRACT, "clauses"), 28),
    Column(label(Message("添付（SHA-256）", "Attachment")), 13.5),
)
FILE_ENGAGEMENT_COLUMNS = (
    Column(lines(heading(RecordType.ENGAGEMENT, "client_name"), muted(markup("受託業務の内容"))), 17),
    Column(label(Message("この委託先への再委託", "Re-delegated to this contractor")), 17),
    Column(label(Message("同意の連鎖", "Consent chain")), 42),
    Column(label(Message("同意の先行", "In time")), 8, "CENTER"),
)
FILE_PROVISION_COLUMNS = (
    Column(label(Message("提供年月日（期間）", "Provided on (period)")), 14),
    Column(heading(RecordType.PROVISION, "persons"), 25),
    Column(heading(RecordType.PROVISION, "pi_items"), 20),
    Column(heading(RecordType.PROVISION, "basis"), 14),
    Column(label(Message("保存期間", "Kept until")), 15),
)
FILE_FINDING_COLUMNS = (
    Column(label(Message("重要度", "Severity")), 7, "CENTER"),
    Column(label(Message("発生日", "Since")), 10),
    Column(label(Message("期限", "Due")), 10),
    Column(label(Message("指摘事項", "Finding")), 20),
    Column(label(Message("内容", "Details")), 37),
)
HISTORY_COLUMNS = (
    Column(label(Message("日時（日本時間）", "When (JST)")), 13),
    Column(label(Message("操作者", "By")), 9),
    Column(label(Message("操作", "Action")), 6, "CENTER"),
    Column(label(Message("対象", "Record")), 11),
    Column(label(Message("変更内容（変更前 → 変更後）", "Changes (before → after)")), 45),
)


def contract_clauses(contract: Any, missing: Sequence[str]) -> str:
    present = [CLAUSE_BY_CODE[code].ja if code in CLAUSE_BY_CODE else code for code in contract.clauses or []]
    missing_names = [CLAUSE_BY_CODE[code].ja if code in CLAUSE_BY_CODE else code for code in missing]
    return lines(
        markup("あり: " + ("、".join(present) or "なし")),
        alert(markup("欠落: " + "、".join(missing_names))) if missing_names else "",
    )


def _carriers(contracts: Sequence[Any]) -> str:
    return "<br/>".join(
        markup(c.title) + "（" + enum_label(ContractKind, c.kind) + markup(f"、#{c.id}）") for c in contracts
    )


def cover_pairs(cover: ContractorCover) -> list[tuple[str, str]]:
    """The confidentiality duty and each PI clause, with the approved contracts in force that carry it (the
    rules' reading: the NDA is what a contract contains, not what it is called)."""
    confidentiality = cover.cover.confidentiality
    pairs = [
        (
            label(Message("秘密保持義務（NDA）", "Confidentiality (NDA)")),
            _carriers(confidentiality)
            if confidentiality
            else (
                alert(markup("秘密保持の条項を含む有効な契約なし"))
                if cover.handles_pi
                else muted(markup("なし（個人情報を取り扱わないため指摘なし）"))
            ),
        )
    ]
    if not cover.handles_pi:
        pairs.append(
            (
                label(Message("個人情報に関する条項", "PI clauses")),
                muted(markup("個人情報を取り扱わない委託先のため不要")),
            )
        )
        return pairs
    for code, carriers in cover.cover.clauses:
        clause = CLAUSE_BY_CODE[code]
        pairs.append(
            (
                markup(clause.ja),
                _carriers(carriers) if carriers else alert(markup("有効な契約になし（欠落）")),
            )
        )
    return pairs


def provision_line(provision: Any) -> list[str]:
    """A provision to the contractor in its file (第三者提供記録, issue 15)."""
    if provision.provided_on:
        when = markup(day(provision.provided_on))
    else:
        end = day(provision.period_to) if provision.period_to else "継続中"
        when = markup(f"{day(provision.period_from)}〜{end}")
    try:
        basis = (
            markup(ProvisionBasis(provision.basis).label.ja) if provision.basis else alert(markup("根拠なし"))
        )
    except ValueError:
        basis = markup(str(provision.basis))
    return [
        when,
        markup(provision.persons or ""),
        markup("、".join(provision.pi_items)),
        basis,
        markup(f"{day(provision.retention_end)}まで")
        if provision.retention_end
        else muted(markup("提供継続中")),
    ]


def contractor_file(request: ReportRequest) -> Built:
    assert request.record_id is not None
    file = request.services.registers.contractor_file(request.record_id, request.as_of)
    contractor = file.contractor
    styles, width = request.styles, request.width
    short = [
        (field_label(f), field_value(f, getattr(contractor, f.name)))
        for f in CONTRACTOR.fields
        if f.kind != MULTILINE
    ]
    long = [
        (field_label(f), field_value(f, getattr(contractor, f.name)))
        for f in CONTRACTOR.fields
        if f.kind == MULTILINE
    ]
    story: list[Flowable] = [
        *section(request, "基本情報", "Record"),
        fact_table(short, styles, width, label_share=0.36, columns=2),
        fact_table(long, styles, width, label_share=0.18),
    ]

    story.extend(section(request, "委託先評価", "Evaluations", len(file.evaluations)))
    if file.evaluations:
        rows = []
        for e in file.evaluations:
            result = enum_label(EvaluationResult, e.result)
            rows.append(
                [
                    markup(day(e.evaluated_on)),
                    enum_label(EvaluationRoute, e.route),
                    markup(f"{e.total_score}/{e.max_score}"),
                    result if e.result == EvaluationResult.PASS.value else alert(result),
                    markup(e.conditions),
                    markup(e.evaluator),
                    lines(markup(e.approver), muted(markup(day(e.approved_on)))),
                    lines(markup(day(e.next_due_on)), muted(markup(e.next_due_reason))),
                ]
            )
        story.append(data_table(EVALUATION_COLUMNS, rows, styles, width))
    else:
        story.append(Paragraph(alert(markup("委託先評価の記録がありません")), styles.cell))

    story.extend(section(request, "契約・機密保持契約", "Contracts and NDAs", len(file.contracts)))
    if file.contracts:
        rows = []
        for row in file.contracts:
            c = row.contract
            renewal = f"自動更新 {c.renewal_term_months}か月" if c.auto_renewal else "自動更新なし"
            rows.append(
                [
                    lines(
                        enum_label(ContractKind, c.kind), markup(c.title), muted(markup(c.reference_number))
                    ),
                    lines(markup(day(c.signed_on)), muted(markup(day(c.effective_from)))),
                    lines(markup(day(c.expires_on) if c.expires_on else "定めなし"), muted(markup(renewal))),
                    markup("有効") if row.in_force else alert(markup("失効")),
                    contract_clauses(c, row.missing_clauses),
                    attachment_cell(c),
                ]
            )
        story.append(data_table(FILE_CONTRACT_COLUMNS, rows, styles, width))
    else:
        story.append(none_recorded(request))

    if file.cover is not None:
        story.extend(section(request, "契約による義務の担保", "Which contract carries each duty"))
        story.append(fact_table(cover_pairs(file.cover), styles, width, label_share=0.3))

    story.extend(
        section(
            request, "受託業務・再委託と同意の連鎖", "Engagements and consent chains", len(file.engagements)
        )
    )
    if file.engagements:
        rows = []
        for engaged in file.engagements:
            own = [r for r in engaged.redelegations if r.redelegation.contractor_id == contractor.id]
            engagement = engaged.engagement
            chain = (
                [hop_line(h) for h in engaged.hops]
                if not engagement.client_is_original
                else [muted(markup("委託元が本人から取得した事業者（同意不要）"))]
            )
            for r in own:
                chain += [hop_line(h) for h in r.hops] or [
                    alert(markup("再委託に対する委託元の同意の記録なし"))
                ]
            rows.append(
                [
                    lines(markup(engagement.client_name), muted(markup(engagement.work))),
                    lines(
                        *(
                            markup(r.redelegation.work or "")
                            + muted(markup(f"（{day(r.redelegation.start_date)}〜）"))
                            for r in own
                        )
                    ),
                    lines(*chain),
                    consent_verdict(engaged),
                ]
            )
        story.append(data_table(FILE_ENGAGEMENT_COLUMNS, rows, styles, width))
    else:
        story.append(none_recorded(request))

    story.extend(
        section(request, "この委託先への第三者提供", "Provisions to this contractor", len(file.provisions))
    )
    if file.provisions:
        story.append(
            data_table(FILE_PROVISION_COLUMNS, [provision_line(p) for p in file.provisions], styles, width)
        )
    else:
        story.append(none_recorded(request))
    story.extend(contractor_incident_section(request, contractor.id))

    story.extend(section(request, "指摘事項", "Open findings", len(file.findings)))
    if file.findings:
        rows = [
            [
                alert(markup(f.severity.label.ja))
                if f.severity is Severity.BLOCKING
                else markup(f.severity.label.ja),
                markup(day(f.since)),
                markup(day(f.due)),
                markup(rule_title(f.rule)),
                lines(
                    markup(f.message.ja),
                    muted(
                        markup(f"{f.record_label}（{record_type_label(f.record_type).ja} #{f.record_id}）")
                    ),
                ),
            ]
            for f in sorted(file.findings, key=lambda f: (f.severity is not Severity.BLOCKING, f.rule))
        ]
        story.append(data_table(FILE_FINDING_COLUMNS, rows, styles, width))
    else:
        story.append(Paragraph(markup("指摘事項はありません。"), styles.cell))

    story.extend(section(request, "変更履歴", "Change history", len(file.history)))
    if file.history:
        rows = []
        # The changes in the words of the audit log page and the workbook's 監査ログ sheet (one formatter).
        described = request.services.audit.describe_changes(file.history)
        for event, changes in zip(file.history, described, strict=True):
            rows.append(
                [
                    markup(moment_ja(event.occurred_at)),
                    markup(event.actor),
                    enum_label(AuditAction, event.action),
                    markup(f"{record_type_label(event.record_type).ja} #{event.record_id}"),
                    lines(*(markup(line.text("ja")) for line in changes)),
                ]
            )
        story.append(data_table(HISTORY_COLUMNS, rows, styles, width))
    else:
        story.append(none_recorded(request))

    details = [
        (field_label(CONTRACTOR.field("name")), markup(contractor.name)),
        (field_label(CONTRACTOR.field("corporate_number")), markup(contractor.corporate_number) or DASH),
        (field_label(CONTRACTOR.field("status")), field_value(CONTRACTOR.field("status"), contractor.status)),
        (label(Message("指摘事項", "Open findings")), markup(f"{len(file.findings)} 件")),
    ]
    scope = f"対象: {contractor.name}（委託先 #{contractor.id}）"
    return Built(
        story,
        scope,
        details,
        subject=f"{contractor.name} の委託先カルテ（記録・評価・契約・同意・指摘・履歴）",
    )


# ---------------------------------------------------------------- 委託先カルテ: the contractor's incidents (issue 15)

FILE_INCIDENT_COLUMNS = (
    Column(lines(heading(RecordType.INCIDENT, "title"), muted(markup("発覚日"))), 24),
    Column(lines(heading(RecordType.INCIDENT, "person_count"), muted(markup("報告対象の事態"))), 20),
    Column(label(Message("報告・通知（期限／実施日）", "Reports (due / sent)")), 44),
)


def contractor_incident_section(request: ReportRequest, contractor_id: int) -> list[Flowable]:
    """The incidents at the contractor (漏えい等の事案, APPI Art. 26), each with the reports it owes."""
    from desktop.reports.pdf.requests_incidents import report_lines

    rows = request.services.incidents.register_rows(contractor_id=contractor_id)
    story: list[Flowable] = section(request, "事故（漏えい等の事案）", "Incidents", len(rows))
    if not rows:
        story.append(none_recorded(request))
        return story
    cells = []
    for row in rows:
        incident = row.incident
        count = f"{incident.person_count:,} 人" if incident.person_count is not None else "人数不明"
        cells.append(
            [
                lines(markup(incident.title), muted(markup(f"発覚 {day(incident.discovered_on)}"))),
                lines(
                    markup(count),
                    *(alert(markup(c.ja)) for c in row.categories),
                ),
                report_lines(row.reports, request.as_of),
            ]
        )
    story.append(data_table(FILE_INCIDENT_COLUMNS, cells, request.styles, request.width))
    return story
