"""The list registers (A4 landscape): contractors, contracts, engagements with their consent chains,
joint uses and findings. Each is a bulk service query turned into one ruled table."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from reportlab.platypus import Paragraph

from desktop.domain import joint_use_items as items
from desktop.domain.clauses import CLAUSE_BY_CODE, REQUIRED_CLAUSES
from desktop.domain.consent_chain import authorities_of, authority_text
from desktop.domain.enums import (
    ConsentForm,
    ContractKind,
    ContractorKind,
    ContractorStatus,
    EngagementStatus,
    EvaluationResult,
    JointUseChangeBasis,
    JointUseChangeField,
    NoticeMethod,
    Severity,
)
from desktop.domain.errors import Message
from desktop.domain.kinds import RecordType, RuleId
from desktop.domain.rules import RULES, Finding
from desktop.domain.schema import SCHEMAS, record_type_label
from desktop.reports.pdf.layout import Column, data_table, section_heading
from desktop.reports.pdf.request import Built, ReportRequest
from desktop.reports.pdf.text import DASH, day, joined, label, lines, markup, muted, number

RULE_TITLES = {rule.rule: rule for rule in RULES}
NUMBER_HEADING = label(Message("No.", "#"))
ALERT = "#A00000"


def heading(record_type: RecordType, field_name: str) -> str:
    """A column heading from the schema: the same names as the window."""
    return label(SCHEMAS[record_type].field(field_name).label)


def alert(markup_text: str) -> str:
    return f'<font color="{ALERT}">{markup_text}</font>'


def enum_label(enum: Any, value: str | None) -> str:
    """The Japanese label of a stored enum value (the value itself if it is unknown)."""
    if not value:
        return ""
    try:
        return markup(enum(value).label.ja)
    except ValueError:
        return markup(value)


def rule_title(rule: RuleId) -> str:
    info = RULE_TITLES.get(rule)
    return info.ja if info else rule


def finding_lines(findings: Sequence[Finding]) -> str:
    """Open findings in a cell: ■ blocking / □ warning, the rule's title and its due date."""
    parts = []
    for finding in findings:
        mark = "■" if finding.severity is Severity.BLOCKING else "□"
        text = markup(f"{mark}{finding.severity.label.ja} {rule_title(finding.rule)}")
        if finding.due:
            text += muted(markup(f"（期限 {day(finding.due)}）"))
        parts.append(alert(text) if finding.severity is Severity.BLOCKING else text)
    return lines(*parts)


def scope_of(request: ReportRequest) -> str:
    return f"絞り込み: 「{request.filter_text}」" if request.filter_text else "絞り込み: なし（全件）"


def filter_detail(request: ReportRequest) -> tuple[str, str]:
    return (
        label(Message("絞り込み条件", "Filter")),
        markup(f"「{request.filter_text}」を含むもの") if request.filter_text else markup("なし（全件）"),
    )


def count_detail(count: int, unit: str = "件") -> tuple[str, str]:
    return label(Message("件数", "Records")), markup(f"{count:,} {unit}")


# ---------------------------------------------------------------- 委託先管理台帳

CONTRACTOR_COLUMNS = (
    Column(NUMBER_HEADING, 3.2, "RIGHT"),
    Column(heading(RecordType.CONTRACTOR, "name"), 13.4),
    Column(heading(RecordType.CONTRACTOR, "corporate_number"), 10),
    Column(heading(RecordType.CONTRACTOR, "status"), 5),
    Column(heading(RecordType.CONTRACTOR, "entrusted_work"), 12),
    Column(label(Message("個人情報の項目・本人の概数", "PI items and volume")), 13.5),
    Column(label(Message("認証（Pマーク・ISMS）", "Certificates")), 12.5),
    Column(label(Message("最新の委託先評価", "Latest evaluation")), 11.5),
    Column(label(Message("機密保持契約（NDA）", "NDA")), 10.5),
    Column(label(Message("指摘事項", "Open findings")), 13.2),
)


def contractor_cells(index: int, row: Any) -> list[str]:
    """One 委託先管理台帳 row (markup). Also used by the benchmark's bare-table baseline."""
    c = row.contractor
    name = lines(
        markup(c.name),
        muted(markup(c.kana)),
        muted(enum_label(ContractorKind, c.kind)) if c.kind != ContractorKind.CORPORATION.value else "",
    )
    number_cell = lines(
        markup(c.corporate_number) if c.corporate_number else DASH,
        muted(markup(f"国: {c.country}")) if c.country and c.country != "JP" else "",
    )
    flags = "・".join(
        text
        for flag, text in ((c.handles_special_care, "要配慮個人情報"), (c.handles_my_number, "特定個人情報"))
        if flag
    )
    items = lines(
        joined(c.pi_items),
        muted(markup(f"約 {number(c.data_subject_count)} 人")) if c.data_subject_count is not None else "",
        alert(markup(flags)) if flags else "",
    )
    certificates = (
        lines(
            markup(f"Pマーク {c.privacy_mark_number}") + muted(markup(f"（〜{day(c.privacy_mark_expiry)}）"))
            if c.privacy_mark_number
            else "",
            markup(f"ISMS {c.isms_number}")
            + (muted(markup(f"（〜{day(c.isms_expiry)}）")) if c.isms_expiry else "")
            if c.isms_number
            else "",
        )
        or DASH
    )
    evaluation = row.latest_evaluation
    if evaluation is None:
        evaluation_cell = alert(markup("未実施"))
    else:
        result = enum_label(EvaluationResult, evaluation.result)
        evaluation_cell = lines(
            markup(f"{day(evaluation.evaluated_on)} ")
            + (result if evaluation.result == EvaluationResult.PASS.value else alert(result)),
            muted(markup(f"次回 {day(evaluation.next_due_on)}")),
        )
    nda = row.nda
    if nda.in_force:
        nda_cell = lines(
            markup("有効"),
            muted(markup(f"〜{day(nda.expires_on)}" if nda.expires_on else "期限の定めなし")),
            muted(markup("自動更新")) if nda.auto_renewal else "",
        )
    else:
        nda_cell = alert(markup("有効なNDAなし"))
    return [
        str(index),
        name,
        number_cell,
        enum_label(ContractorStatus, c.status),
        markup(c.entrusted_work),
        items,
        certificates,
        evaluation_cell,
        nda_cell,
        finding_lines(row.findings),
    ]


def contractors(request: ReportRequest) -> Built:
    rows = request.services.registers.contractors(request.as_of, text=request.filter_text or None)
    cells = [contractor_cells(index, row) for index, row in enumerate(rows, start=1)]
    with_findings = sum(1 for row in rows if row.findings)
    story = (
        [data_table(CONTRACTOR_COLUMNS, cells, request.styles, request.width)] if cells else [empty(request)]
    )
    return Built(
        story,
        scope_of(request),
        [
            filter_detail(request),
            count_detail(len(rows), "社"),
            (label(Message("指摘事項のある委託先", "With open findings")), markup(f"{with_findings:,} 社")),
        ],
        subject="委託先の一覧（評価・NDA・指摘事項）",
    )


def empty(request: ReportRequest) -> Paragraph:
    return Paragraph(markup("該当する記録はありません。 / No records."), request.styles.body)


# ---------------------------------------------------------------- 契約・NDA台帳

CONTRACT_COLUMNS = (
    Column(NUMBER_HEADING, 3.2, "RIGHT"),
    Column(label(Message("委託先名", "Contractor")), 13),
    Column(heading(RecordType.CONTRACT, "kind"), 10.5),
    Column(lines(heading(RecordType.CONTRACT, "title"), muted(markup("契約番号"))), 14),
    Column(lines(heading(RecordType.CONTRACT, "signed_on"), muted(markup("効力発生日"))), 7.5),
    Column(lines(heading(RecordType.CONTRACT, "expires_on"), muted(markup("現在の期間の満了"))), 9.5),
    Column(heading(RecordType.CONTRACT, "auto_renewal"), 7.2),
    Column(label(Message("基準日の状態", "Status")), 5),
    Column(heading(RecordType.CONTRACT, "clauses"), 15.5),
    Column(label(Message("添付ファイル", "Attachment (SHA-256)")), 10.5),
    Column(heading(RecordType.CONTRACT, "notes"), 8.5),
)


def clause_summary(kind: str, clauses: Sequence[str], missing: Sequence[str]) -> str:
    required = REQUIRED_CLAUSES.get(kind, ())
    present = [code for code in required if code in clauses]
    summary = markup(f"必要条項 {len(present)}/{len(required)}")
    if missing:
        names = "、".join(CLAUSE_BY_CODE[code].ja if code in CLAUSE_BY_CODE else code for code in missing)
        return lines(summary, alert(markup(f"欠落: {names}")))
    return summary + markup("（すべてあり）")


def attachment_cell(contract: Any) -> str:
    if not contract.attachment_name:
        return DASH
    return lines(markup(contract.attachment_name), muted(markup(contract.attachment_sha256 or "")))


def contracts(request: ReportRequest) -> Built:
    rows = [
        row
        for row in request.services.registers.contracts(request.as_of)
        if request.matches(row.contractor_name, row.contract.title, row.contract.reference_number)
    ]
    cells = []
    for index, row in enumerate(rows, start=1):
        contract = row.contract
        renewal = (
            markup("有") + muted(markup(f"（{contract.renewal_term_months}か月）"))
            if contract.auto_renewal
            else markup("無")
        )
        cells.append(
            [
                str(index),
                markup(row.contractor_name),
                enum_label(ContractKind, contract.kind),
                lines(markup(contract.title), muted(markup(contract.reference_number))),
                lines(markup(day(contract.signed_on)), muted(markup(day(contract.effective_from)))),
                lines(
                    markup(day(contract.expires_on) if contract.expires_on else "定めなし"),
                    muted(markup(f"満了 {day(row.term_end)}")) if row.in_force and row.term_end else "",
                ),
                renewal,
                markup("有効") if row.in_force else alert(markup("失効")),
                lines(
                    clause_summary(contract.kind, contract.clauses or [], row.missing_clauses),
                    muted(markup(row.duty.message.ja)) if row.duty is not None else "",
                ),
                attachment_cell(contract),
                markup(contract.notes),
            ]
        )
    story = (
        [data_table(CONTRACT_COLUMNS, cells, request.styles, request.width)] if cells else [empty(request)]
    )
    lacking = sum(1 for row in rows if row.missing_clauses)
    return Built(
        story,
        scope_of(request),
        [
            filter_detail(request),
            count_detail(len(rows)),
            (label(Message("条項の欠落がある契約", "Lacking clauses")), markup(f"{lacking:,} 件")),
        ],
        subject="契約・機密保持契約の一覧と個人情報に関する条項",
    )


# ---------------------------------------------------------------- 受託業務・再委託同意台帳

ENGAGEMENT_COLUMNS = (
    Column(NUMBER_HEADING, 3.2, "RIGHT"),
    Column(lines(heading(RecordType.ENGAGEMENT, "client_name"), muted(markup("当初の取得事業者"))), 13),
    Column(lines(heading(RecordType.ENGAGEMENT, "work"), muted(markup("個人情報の項目"))), 14),
    Column(label(Message("期間・状態", "Term and status")), 8.5),
    Column(label(Message("委託元からの同意（当社への委託）", "Consent for our engagement")), 19),
    Column(label(Message("再委託と委託元の同意", "Re-delegations and their consent")), 24),
    Column(label(Message("同意の先行", "Consent in time")), 6.5, "CENTER"),
    Column(label(Message("指摘事項", "Open findings")), 12),
)


def hop_line(hop_row: Any) -> str:
    """One consent: date, who gave it (a party of the chain) for which link, form and reference, and whether
    it counts: in time, late, or not at all (wrong party, or giver and link still to complete)."""
    hop = hop_row.hop
    giver = hop_row.giver.ja if hop_row.giver is not None else f"{hop.from_party}（同意した者 未特定）"
    link = hop_row.link.ja if hop_row.link is not None else f"→ {hop.to_party}（対象の委託 未特定）"
    text = markup(f"{day(hop.consented_on)} {giver}：{link}")
    form = enum_label(ConsentForm, hop.form)
    detail = muted(f"（{form}{markup('・' + hop.reference) if hop.reference else ''}）")
    if hop_row.not_counted is not None:
        verdict = alert(markup(f" ×無効：{hop_row.not_counted.ja}"))
    elif hop_row.in_time:
        verdict = markup(" ○事前")
    else:
        verdict = alert(markup(" ×事後"))
    return text + detail + verdict


def missing_lines(missing: Any) -> list[str]:
    """Per link without a consent that counts: which consent is missing and whose it must be."""
    return [alert(markup(f"不足 {message.ja}")) for message in missing]


def engagement_consent_cell(row: Any) -> str:
    engagement = row.engagement
    if engagement.client_is_original and not row.hops:
        return muted(markup("不要（委託元が本人から取得した事業者）"))
    chain = ""
    if not engagement.client_is_original:
        parties = [engagement.original_business_name or "?", *(engagement.intermediate_clients or [])]
        chain = muted(markup(" → ".join([*parties, engagement.client_name, "当社"])))
    authorities = [  # each party the original business authorised in writing, with its date and document
        muted(markup(f"同意の権限: {authority_text(authority, engagement.client_name).ja}"))
        for authority in authorities_of(engagement.consent_authorities)
    ]
    return lines(chain, *authorities, *(hop_line(hop) for hop in row.hops), *missing_lines(row.missing))


def redelegation_block(redelegation_row: Any) -> str:
    redelegation = redelegation_row.redelegation
    head = markup(f"▶ {redelegation_row.contractor_name}") + muted(
        markup(
            f"（{redelegation.work or '業務の記載なし'}・{day(redelegation.start_date)}〜{day(redelegation.end_date) if redelegation.end_date else ''}）"
        )
    )
    hops = [hop_line(hop) for hop in redelegation_row.hops] + missing_lines(redelegation_row.missing)
    return lines(head, *("　" + hop for hop in hops))


def consent_verdict(row: Any) -> str:
    in_time = row.consent_in_time and all(r.consent_in_time for r in row.redelegations)
    return markup("○") + muted(markup("事前")) if in_time else alert(markup("×") + markup("未確認・事後"))


def engagement_cells(index: int, row: Any) -> list[str]:
    engagement = row.engagement
    client = lines(
        markup(engagement.client_name),
        muted(markup(engagement.client_corporate_number)),
        muted(markup(f"当初: {engagement.original_business_name}"))
        if not engagement.client_is_original and engagement.original_business_name
        else "",
    )
    term = lines(
        markup(f"{day(engagement.start_date)}〜"),
        markup(day(engagement.end_date)) if engagement.end_date else "",
        enum_label(EngagementStatus, engagement.status),
    )
    redelegations = "<br/>".join(redelegation_block(r) for r in row.redelegations) or muted(
        markup("再委託なし")
    )
    return [
        str(index),
        client,
        lines(markup(engagement.work), muted(joined(engagement.pi_items))),
        term,
        engagement_consent_cell(row),
        redelegations,
        consent_verdict(row),
        finding_lines(row.findings),
    ]


def engagement_matches(request: ReportRequest, row: Any) -> bool:
    engagement = row.engagement
    return request.matches(
        engagement.client_name,
        engagement.original_business_name,
        engagement.work,
        *(r.contractor_name for r in row.redelegations),
    )


def engagements(request: ReportRequest) -> Built:
    rows = [
        row
        for row in request.services.registers.engagements(request.as_of)
        if engagement_matches(request, row)
    ]
    cells = [engagement_cells(index, row) for index, row in enumerate(rows, start=1)]
    story = (
        [data_table(ENGAGEMENT_COLUMNS, cells, request.styles, request.width)] if cells else [empty(request)]
    )
    late = sum(
        1 for row in rows if not (row.consent_in_time and all(r.consent_in_time for r in row.redelegations))
    )
    return Built(
        story,
        scope_of(request),
        [
            filter_detail(request),
            count_detail(len(rows)),
            (label(Message("同意が先行していないもの", "Consent not in time")), markup(f"{late:,} 件")),
        ],
        subject="受託業務と再委託の同意の連鎖（同意が業務開始に先行したか）",
    )


# ---------------------------------------------------------------- 共同利用台帳

JOINT_USE_COLUMNS = (
    Column(NUMBER_HEADING, 3, "RIGHT"),
    Column(lines(heading(RecordType.JOINT_USE, "title"), muted(markup("共同利用の期間"))), 11),
    Column(label(items.STATEMENT.label), 9),
    Column(label(items.PI_ITEMS.label), 9),
    Column(label(items.SCOPE.label), 10),
    Column(label(items.PURPOSES.label), 11),
    Column(label(items.RESPONSIBLE.label), 11),
    Column(label(items.ACQUISITION.label), 9),
    Column(label(Message("公表（方法・公表先・公表日）", "Notice")), 10),
    Column(label(Message("変更履歴", "Change history")), 13),
    Column(label(Message("指摘事項", "Open findings")), 11),
)


def missing_mark(value: str) -> str:
    return value or alert(markup("（未記入）"))


def change_lines(changes: Iterable[Any]) -> str:
    parts = []
    for change in changes:
        try:
            needs_basis = JointUseChangeField(change.field).needs_basis
        except ValueError:
            needs_basis = False
        if change.noticed_on:
            noticed = muted(markup(f"通知・公表 {day(change.noticed_on)}"))
        else:
            noticed = muted(markup("通知・公表 なし")) if needs_basis else alert(markup("通知・公表 未"))
        basis = ""
        if needs_basis or change.basis:
            # PPC Guidelines (General) 3-6-3: a change of ② or ③ stands on its basis, not on a notice.
            basis = (
                markup("根拠 ")
                + enum_label(JointUseChangeBasis, change.basis)
                + muted(markup(f"（{change.basis_reason}）"))
                if change.basis
                else alert(markup("根拠 なし（公表では変更できない事項）"))
            )
        parts.append(
            lines(
                markup(f"{day(change.changed_on)} ") + enum_label(JointUseChangeField, change.field),
                muted(markup(change.description)),
                noticed,
                basis,
            )
        )
    return lines(*parts) or muted(markup("変更なし"))


def joint_use_cells(index: int, row: Any) -> list[str]:
    j = row.joint_use
    title = lines(
        markup(j.title), muted(markup(f"{day(j.start_date)}〜{day(j.end_date) if j.end_date else ''}"))
    )
    scope = lines(markup(j.scope), muted(joined(j.joint_users)))
    responsible = lines(
        markup(j.responsible_name),
        muted(markup(j.responsible_address)),
        muted(markup(j.responsible_representative)) if j.responsible_is_corporation else "",
    )
    notice = lines(
        enum_label(NoticeMethod, j.notice_method),
        muted(markup(j.notice_reference)),
        markup(f"公表日 {day(j.notice_published_on)}")
        if j.notice_published_on
        else alert(markup("公表日 未")),
    )
    return [
        str(index),
        title,
        missing_mark(markup(j.joint_use_statement)),
        missing_mark(joined(j.pi_items)),
        missing_mark(scope),
        missing_mark(markup(j.purposes)),
        missing_mark(responsible),
        missing_mark(markup(j.acquisition_method)),
        notice,
        change_lines(j.changes),
        finding_lines(row.findings),
    ]


def joint_uses(request: ReportRequest) -> Built:
    rows = [
        row
        for row in request.services.registers.joint_uses(request.as_of)
        if request.matches(
            row.joint_use.title, row.joint_use.responsible_name, *(row.joint_use.joint_users or ())
        )
    ]
    cells = [joint_use_cells(index, row) for index, row in enumerate(rows, start=1)]
    story = (
        [data_table(JOINT_USE_COLUMNS, cells, request.styles, request.width)] if cells else [empty(request)]
    )
    return Built(
        story,
        scope_of(request),
        [filter_detail(request), count_detail(len(rows))],
        subject="共同利用（個人情報保護法27条5項3号）の公表事項①〜⑥と変更履歴",
    )


# ---------------------------------------------------------------- 指摘事項一覧

FINDING_COLUMNS = (
    Column(NUMBER_HEADING, 3, "RIGHT"),
    Column(label(Message("発生日", "Since")), 7),
    Column(label(Message("期限", "Due")), 7),
    Column(label(Message("指摘事項", "Finding")), 17),
    Column(label(Message("対象", "Record")), 18),
    Column(label(Message("内容", "Details")), 30),
    Column(label(Message("根拠・規則", "Basis, rule")), 18),
)


def record_name(finding: Finding) -> str:
    kind = record_type_label(finding.record_type).ja
    return lines(markup(finding.record_label), muted(markup(f"{kind} #{finding.record_id}")))


def finding_sort_key(finding: Finding) -> tuple[Any, ...]:
    return (
        finding.since is None,
        finding.since or date.min,
        finding.rule,
        finding.record_label,
        finding.record_id,
    )


def findings(request: ReportRequest) -> Built:
    every = [
        f
        for f in request.services.checks.findings(request.as_of)
        if request.matches(f.record_label, f.message.ja, rule_title(f.rule), f.rule)
    ]
    story: list[Any] = []
    counts = []
    for severity in (Severity.BLOCKING, Severity.WARNING):
        group = sorted((f for f in every if f.severity is severity), key=finding_sort_key)
        counts.append((severity, len(group)))
        story += section_heading(
            f"■ {markup(severity.label.ja)}（{len(group)} 件） {muted(markup(severity.label.en), 7)}",
            request.styles,
        )
        if not group:
            story.append(Paragraph(markup("該当なし / None"), request.styles.cell))
            continue
        cells = [
            [
                str(index),
                markup(day(f.since)),
                markup(day(f.due)),
                markup(rule_title(f.rule)),
                record_name(f),
                markup(f.message.ja) + "<br/>" + muted(markup(f.message.en)),
                lines(markup(f.basis.ja), muted(markup(f.rule))),
            ]
            for index, f in enumerate(group, start=1)
        ]
        story.append(data_table(FINDING_COLUMNS, cells, request.styles, request.width))
    story += corrective_action_section(request)
    return Built(
        story,
        scope_of(request),
        [
            filter_detail(request),
            count_detail(len(every)),
            *(
                (label(Message(f"うち{severity.label.ja}", f"{severity.label.en}")), markup(f"{count:,} 件"))
                for severity, count in counts
            ),
        ],
        subject="法令・規格の要求事項に照らした指摘事項（重要度・期限順）",
    )


CORRECTIVE_ACTION_COLUMNS = (
    Column(NUMBER_HEADING, 3, "RIGHT"),
    Column(heading(RecordType.CORRECTIVE_ACTION, "taken_on"), 7),
    Column(heading(RecordType.CORRECTIVE_ACTION, "record_id"), 18),
    Column(heading(RecordType.CORRECTIVE_ACTION, "rule"), 20),
    Column(heading(RecordType.CORRECTIVE_ACTION, "action"), 38),
    Column(heading(RecordType.CORRECTIVE_ACTION, "taken_by"), 14),
)


def corrective_action_section(request: ReportRequest) -> list[Any]:
    """The corrective actions (是正処置) taken by the as-of date: each closed a finding of a past lapse, which
    the list above no longer shows."""
    actions = [
        a
        for a in request.services.corrective_actions.list(as_of=request.as_of)
        if request.matches(a.record_label, a.action, a.taken_by, rule_title(RuleId(a.rule)), a.rule)
    ]
    story: list[Any] = section_heading(
        f"■ 是正処置（{len(actions)} 件） {muted(markup('Corrective actions'), 7)}", request.styles
    )
    if not actions:
        story.append(Paragraph(markup("該当なし / None"), request.styles.cell))
        return story
    cells = [
        [
            str(index),
            markup(day(a.taken_on)),
            lines(
                markup(a.record_label),
                muted(markup(f"{record_type_label(a.record_type).ja} #{a.record_id}")),
            ),
            lines(markup(rule_title(RuleId(a.rule))), muted(markup(a.rule))),
            markup(a.action) + ("<br/>" + muted(markup(a.notes)) if a.notes else ""),
            lines(markup(a.taken_by), muted(markup(f"記録: {a.recorded_by}"))),
        ]
        for index, a in enumerate(actions, start=1)
    ]
    story.append(data_table(CORRECTIVE_ACTION_COLUMNS, cells, request.styles, request.width))
    return story
