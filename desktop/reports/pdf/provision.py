"""第三者提供記録簿 and 確認記録簿 (A4 landscape): each provision of personal data to a third party with the
record items of APPI Enforcement Rules Art. 20 (APPI Art. 29), and each receipt from one with the
confirmation of how the provider acquired the data (Art. 30; Rules Art. 24); with how long each record is
kept (Rules Art. 21, 25) and its open findings."""

from __future__ import annotations

from typing import Any

from desktop.domain.enums import ProvisionBasis, ProvisionExemption, ProvisionMethod, RecordForm
from desktop.domain.errors import Message
from desktop.domain.kinds import RecordType
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
    missing_mark,
    scope_of,
)
from desktop.reports.pdf.request import Built, ReportRequest
from desktop.reports.pdf.text import day as day_text
from desktop.reports.pdf.text import joined, label, lines, markup, muted

PROVISION_COLUMNS = (
    Column(NUMBER_HEADING, 3, "RIGHT"),
    Column(label(Message("提供年月日（期間）", "Provided on (period)")), 9),
    Column(
        label(Message("提供先（氏名・名称、住所、代表者）", "Recipient (name, address, representative)")), 17
    ),
    Column(heading(RecordType.PROVISION, "persons"), 14),
    Column(heading(RecordType.PROVISION, "pi_items"), 10),
    Column(heading(RecordType.PROVISION, "basis"), 12),
    Column(heading(RecordType.PROVISION, "method"), 6),
    Column(label(Message("記録の作成方法・保存期間", "Record form, kept until")), 11),
    Column(label(Message("指摘事項", "Open findings")), 14),
)

RECEIPT_COLUMNS = (
    Column(NUMBER_HEADING, 3, "RIGHT"),
    Column(label(Message("受領年月日（期間）", "Received on (period)")), 9),
    Column(
        label(Message("提供者（氏名・名称、住所、代表者）", "Provider (name, address, representative)")), 17
    ),
    Column(label(Message("取得の経緯と確認（日・方法）", "How the provider acquired it, confirmed")), 20),
    Column(heading(RecordType.RECEIPT, "persons"), 12),
    Column(heading(RecordType.RECEIPT, "pi_items"), 9),
    Column(label(Message("記録の作成方法・保存期間", "Record form, kept until")), 11),
    Column(label(Message("指摘事項", "Open findings")), 14),
)


def _when(on: Any, period_from: Any, period_to: Any) -> str:
    if on:
        return markup(day_text(on))
    if period_from:
        end = day_text(period_to) if period_to else "継続中"
        return lines(markup(f"{day_text(period_from)}〜"), markup(end), muted(markup("一括記録")))
    return alert(markup("（未記入）"))


def _party(name: str, address: str | None, representative: str | None, is_corporation: bool) -> str:
    if is_corporation:
        return lines(
            markup(name), missing_mark(muted(markup(address))), missing_mark(muted(markup(representative)))
        )
    return lines(markup(name), muted(markup(address)), muted(markup("個人")))


def _kept(record_form: str | None, retention_end: Any) -> str:
    until = markup(f"{day_text(retention_end)}まで") if retention_end else muted(markup("提供継続中"))
    return lines(muted(enum_label(RecordForm, record_form)), until)


def provision_cells(index: int, row: Any) -> list[str]:
    p = row.provision
    if p.basis == ProvisionBasis.EXEMPTION.value:
        basis = lines(
            enum_label(ProvisionBasis, p.basis), missing_mark(enum_label(ProvisionExemption, p.exemption))
        )
    elif p.basis == ProvisionBasis.OPT_OUT.value:
        basis = lines(enum_label(ProvisionBasis, p.basis), missing_mark(muted(markup(p.opt_out_title))))
    else:
        basis = missing_mark(enum_label(ProvisionBasis, p.basis))
    recipient = _party(
        p.recipient_name, p.recipient_address, p.recipient_representative, p.recipient_is_corporation
    )
    if p.contractor_name:
        recipient = lines(recipient, muted(markup(f"委託先: {p.contractor_name}")))
    return [
        str(index),
        _when(p.provided_on, p.period_from, p.period_to),
        recipient,
        lines(missing_mark(markup(p.persons)), muted(markup(" ".join((p.person_references or "").split())))),
        missing_mark(joined(p.pi_items)),
        basis,
        missing_mark(enum_label(ProvisionMethod, p.method)),
        _kept(p.record_form, p.retention_end),
        finding_lines(row.findings),
    ]


def receipt_cells(index: int, row: Any) -> list[str]:
    r = row.receipt
    confirmation = lines(
        missing_mark(markup(r.acquisition_confirmation)),
        markup("確認日 ") + (markup(day_text(r.confirmed_on)) if r.confirmed_on else alert(markup("未"))),
        missing_mark(muted(markup(r.confirmation_method))),
    )
    return [
        str(index),
        _when(r.received_on, r.period_from, r.period_to),
        _party(r.provider_name, r.provider_address, r.provider_representative, r.provider_is_corporation),
        confirmation,
        missing_mark(markup(r.persons)),
        missing_mark(joined(r.pi_items)),
        _kept(r.record_form, r.retention_end),
        finding_lines(row.findings),
    ]


def provisions(request: ReportRequest) -> Built:
    rows = [
        row
        for row in request.services.registers.provisions(request.as_of)
        if request.matches(row.provision.recipient_name, row.provision.persons, row.provision.contractor_name)
    ]
    cells = [provision_cells(index, row) for index, row in enumerate(rows, start=1)]
    story: list[Any] = (
        [data_table(PROVISION_COLUMNS, cells, request.styles, request.width)] if cells else [empty(request)]
    )
    return Built(
        story,
        scope_of(request),
        [filter_detail(request), count_detail(len(rows))],
        subject="第三者提供に係る記録（個人情報保護法29条、施行規則20条・21条）",
    )


def receipts(request: ReportRequest) -> Built:
    rows = [
        row
        for row in request.services.registers.receipts(request.as_of)
        if request.matches(row.receipt.provider_name, row.receipt.persons)
    ]
    cells = [receipt_cells(index, row) for index, row in enumerate(rows, start=1)]
    story: list[Any] = (
        [data_table(RECEIPT_COLUMNS, cells, request.styles, request.width)] if cells else [empty(request)]
    )
    return Built(
        story,
        scope_of(request),
        [filter_detail(request), count_detail(len(rows))],
        subject="第三者提供を受ける際の確認に係る記録（個人情報保護法30条、施行規則22条〜25条）",
    )
