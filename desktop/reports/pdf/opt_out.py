"""オプトアウト届出事項 (A4 landscape): each opt-out arrangement with its items ①–⑤ (policy §5(3)), the dates it
was notified to the PPC and made known, its changes notified again (APPI Art. 27(3)) and its open findings;
then the persons' stop requests."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from desktop.domain import opt_out_items as items
from desktop.domain.enums import NoticeMethod, OptOutChangeField
from desktop.domain.errors import Message
from desktop.domain.kinds import RecordType
from desktop.reports.pdf.layout import Column, data_table, section_heading
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

OPT_OUT_COLUMNS = (
    Column(NUMBER_HEADING, 3, "RIGHT"),
    Column(lines(heading(RecordType.OPT_OUT, "title"), muted(markup("提供の期間"))), 11),
    Column(label(items.PURPOSE.label), 10),
    Column(label(items.PI_ITEMS.label), 8),
    Column(label(items.PROVISION_METHOD.label), 9),
    Column(label(Message("④ 本人の求めによる提供の停止・受付方法", "④ Stop at the person's request")), 11),
    Column(label(items.ACQUISITION_METHOD.label), 9),
    Column(label(Message("届出・本人への通知", "PPC notified, made known")), 12.5),
    Column(label(Message("変更履歴（届出・通知）", "Changes (notified)")), 13),
    Column(label(Message("停止の求め", "Stop requests")), 5, "RIGHT"),
    Column(label(Message("指摘事項", "Open findings")), 12),
)

STOP_REQUEST_COLUMNS = (
    Column(NUMBER_HEADING, 3, "RIGHT"),
    Column(heading(RecordType.STOP_REQUEST, "opt_out_id"), 20),
    Column(heading(RecordType.STOP_REQUEST, "person"), 14),
    Column(heading(RecordType.STOP_REQUEST, "person_reference"), 11),
    Column(heading(RecordType.STOP_REQUEST, "received_on"), 8),
    Column(heading(RecordType.STOP_REQUEST, "identity_check"), 18),
    Column(heading(RecordType.STOP_REQUEST, "effective_on"), 9),
)


def _day(value: Any) -> str:
    return markup(day_text(value)) if value else alert(markup("未"))


def notified_lines(ppc_notified_on: Any, made_known_on: Any) -> str:
    return lines(
        markup("委員会届出 ") + _day(ppc_notified_on),
        markup("本人通知等 ") + _day(made_known_on),
    )


def change_lines(changes: Iterable[Any]) -> str:
    parts = [
        lines(
            markup(f"{day_text(change.changed_on)} ") + enum_label(OptOutChangeField, change.field),
            muted(markup(change.description)),
            notified_lines(change.ppc_notified_on, change.made_known_on),
        )
        for change in changes
    ]
    return lines(*parts) or muted(markup("変更なし"))


def opt_out_cells(index: int, row: Any) -> list[str]:
    o = row.opt_out
    period = f"{day_text(o.start_date)}〜{day_text(o.end_date) if o.end_date else ''}"
    title = lines(
        markup(o.title),
        muted(markup(period)),
        alert(markup("要配慮個人情報を含む")) if o.includes_special_care else "",
    )
    notice = lines(
        notified_lines(o.ppc_notified_on, o.made_known_on),
        muted(enum_label(NoticeMethod, o.made_known_method)),
        muted(markup(o.made_known_reference)),
    )
    return [
        str(index),
        title,
        missing_mark(markup(o.purpose_statement)),
        missing_mark(joined(o.pi_items)),
        missing_mark(markup(o.provision_method)),
        lines(missing_mark(markup(o.stop_statement)), missing_mark(muted(markup(o.stop_request_method)))),
        missing_mark(markup(o.acquisition_method)),
        notice,
        change_lines(o.changes),
        markup(f"{len(row.stop_requests):,}"),
        finding_lines(row.findings),
    ]


def opt_outs(request: ReportRequest) -> Built:
    rows = [
        row
        for row in request.services.registers.opt_outs(request.as_of)
        if request.matches(row.opt_out.title, *(s.person for s in row.stop_requests))
    ]
    cells = [opt_out_cells(index, row) for index, row in enumerate(rows, start=1)]
    story: list[Any] = (
        [data_table(OPT_OUT_COLUMNS, cells, request.styles, request.width)] if cells else [empty(request)]
    )
    stops = [
        stop
        for row in rows
        for stop in row.stop_requests
        if request.matches(row.opt_out.title, stop.person, stop.person_reference)
    ]
    story += section_heading(
        f"■ {markup('提供停止の求め')}（{len(stops)} 件） {muted(markup('Stop requests'), 7)}", request.styles
    )
    if stops:
        stop_cells = [
            [
                str(index),
                markup(stop.opt_out_title),
                markup(stop.person),
                markup(stop.person_reference),
                markup(day_text(stop.received_on)),
                markup(stop.identity_check),
                markup(day_text(stop.effective_on)),
            ]
            for index, stop in enumerate(stops, start=1)
        ]
        story.append(data_table(STOP_REQUEST_COLUMNS, stop_cells, request.styles, request.width))
    else:
        story.append(empty(request))
    return Built(
        story,
        scope_of(request),
        [
            filter_detail(request),
            count_detail(len(rows)),
            (label(Message("提供停止の求め", "Stop requests")), markup(f"{len(stops):,} 件")),
        ],
        subject="オプトアウトによる第三者提供（個人情報保護法27条2項・3項）の届出事項①〜⑤、変更と停止の求め",
    )
