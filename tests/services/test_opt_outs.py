"""Opt-out provision (policy §5(3); APPI Art. 27(2)–(3)) through the services, on SQLite and PostgreSQL: the
arrangement's items, its notification before the provision, special-care PI, changes notified again, stop
requests; each rule at its boundaries (the day before, on and after each date)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from desktop.domain.enums import Severity
from desktop.domain.errors import DependencyError, ValidationError
from desktop.domain.kinds import RecordType, RuleId
from desktop.services.facade import Services
from desktop.store.models import AuditEvent, OptOut, OptOutChange, StopRequest

DAY = timedelta(days=1)
START = date(2026, 4, 1)

COMPLETE: dict[str, Any] = {
    "title": "提携先への会員名簿の提供",
    "purpose_statement": "会員名簿を提携先に提供することを利用目的とします。",
    "pi_items": ["氏名", "住所", "電話番号"],
    "provision_method": "電子データを暗号化して送付します。",
    "stop_statement": "ご本人の求めに応じて提供を停止します。",
    "stop_request_method": "お問い合わせ窓口（privacy@example.jp）で受け付けます。",
    "acquisition_method": "会員登録の申込書から取得します。",
    "ppc_notified_on": START,
    "made_known_on": START,
    "start_date": START,
}


def create(services: Services, **changes: Any) -> Any:
    return services.opt_outs.create({**COMPLETE, **changes})


def findings(services: Services, today: date, rule: RuleId | None = None) -> list[Any]:
    return [
        f
        for f in services.checks.findings(today)
        if f.record_type == RecordType.OPT_OUT and (rule is None or f.rule == rule)
    ]


def rows(services: Services, model: Any) -> int:
    with services.context.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_a_complete_notified_arrangement_has_no_finding(services: Services) -> None:
    create(services)
    assert findings(services, START + 30 * DAY) == []


@pytest.mark.parametrize(
    "field",
    [
        "purpose_statement",
        "pi_items",
        "provision_method",
        "stop_statement",
        "stop_request_method",
        "acquisition_method",
    ],
)
def test_each_missing_item_is_blocking_and_named(services: Services, field: str) -> None:
    create(services, **{field: [] if field == "pi_items" else "  "})
    found = findings(services, START, RuleId.OPT_OUT_ITEM_MISSING)
    assert [f.severity for f in found] == [Severity.BLOCKING]
    from desktop.domain.schema import OPT_OUT

    number = OPT_OUT.field(field).ja.split(" ", 1)[1]
    assert number in found[0].message.ja
    assert found[0].basis.en.startswith("APPI Art. 27(2)")


def test_special_care_is_blocking_by_the_box_or_by_an_item_naming_it(services: Services) -> None:
    flagged = create(services, title="A", includes_special_care=True)
    named = create(services, title="B", pi_items=["氏名", "病歴"])
    plain = create(services, title="C")
    found = {f.record_id: f for f in findings(services, START, RuleId.OPT_OUT_SPECIAL_CARE)}
    assert set(found) == {flagged.id, named.id}
    assert plain.id not in found
    assert all(f.severity is Severity.BLOCKING for f in found.values())
    assert "病歴" in found[named.id].message.ja
    # Planned, not started: still blocking (the Act forbids it outright).
    assert findings(services, START - 100 * DAY, RuleId.OPT_OUT_SPECIAL_CARE)


@pytest.mark.parametrize("which", ["ppc_notified_on", "made_known_on"])
@pytest.mark.parametrize(
    ("notified", "blocking"),
    [(START - DAY, False), (START, False), (START + DAY, True)],
    ids=["day-before-start", "on-start", "day-after-start"],
)
def test_notification_must_come_on_or_before_the_start(
    services: Services, which: str, notified: date, blocking: bool
) -> None:
    create(services, **{which: notified})
    found = findings(services, START + 10 * DAY, RuleId.OPT_OUT_NOTIFICATION_LATE)
    if blocking:
        assert [f.severity for f in found] == [Severity.BLOCKING]
        assert found[0].since == START
    else:
        assert found == []


@pytest.mark.parametrize(
    ("today", "severity"),
    [(START - DAY, Severity.WARNING), (START, Severity.WARNING), (START + DAY, Severity.BLOCKING)],
    ids=["day-before-start", "on-start", "day-after-start"],
)
def test_not_yet_notified_warns_until_the_start_then_blocks(
    services: Services, today: date, severity: Severity
) -> None:
    create(services, ppc_notified_on=None, made_known_on=START - 5 * DAY)
    found = findings(services, today, RuleId.OPT_OUT_NOTIFICATION_LATE)
    assert [(f.severity, f.due) for f in found] == [(severity, START)]


def test_a_notification_date_still_ahead_has_not_happened_as_of_today(services: Services) -> None:
    create(services, ppc_notified_on=START - 2 * DAY, made_known_on=START - 2 * DAY)
    assert findings(services, START - 3 * DAY, RuleId.OPT_OUT_NOTIFICATION_LATE)[0].severity is (
        Severity.WARNING
    )
    assert findings(services, START - 2 * DAY, RuleId.OPT_OUT_NOTIFICATION_LATE) == []


def test_the_deadline_shows_on_the_dashboard_before_the_start(services: Services) -> None:
    opt_out = create(services, ppc_notified_on=None)
    due = [d for d in services.checks.deadlines(START - 10 * DAY) if d.record_type == RecordType.OPT_OUT]
    assert [(d.due, d.record_id) for d in due] == [(START, opt_out.id)]


def test_an_ended_arrangement_is_not_checked_for_items(services: Services) -> None:
    create(services, purpose_statement="", end_date=START + 10 * DAY)
    assert findings(services, START + 10 * DAY, RuleId.OPT_OUT_ITEM_MISSING)
    assert findings(services, START + 11 * DAY, RuleId.OPT_OUT_ITEM_MISSING) == []


CHANGED = date(2026, 9, 1)


def add_change(services: Services, opt_out_id: int, **values: Any) -> Any:
    return services.opt_outs.add_change(
        {
            "opt_out_id": opt_out_id,
            "field": "pi_items",
            "description": "項目に生年月日を追加",
            "changed_on": CHANGED,
            **values,
        }
    )


@pytest.mark.parametrize(
    ("notified", "blocking"),
    [(CHANGED - DAY, False), (CHANGED, False), (CHANGED + DAY, True)],
    ids=["day-before-change", "on-change", "day-after-change"],
)
def test_a_change_is_notified_again_before_it_takes_effect(
    services: Services, notified: date, blocking: bool
) -> None:
    opt_out = create(services)
    add_change(services, opt_out.id, ppc_notified_on=notified, made_known_on=CHANGED - 10 * DAY)
    found = findings(services, CHANGED + 30 * DAY, RuleId.OPT_OUT_CHANGE_NOT_NOTIFIED)
    assert [f.severity for f in found] == ([Severity.BLOCKING] if blocking else [])


@pytest.mark.parametrize(
    ("today", "severity"),
    [(CHANGED - DAY, Severity.WARNING), (CHANGED, Severity.WARNING), (CHANGED + DAY, Severity.BLOCKING)],
    ids=["day-before-change", "on-change", "day-after-change"],
)
def test_a_change_not_yet_notified_warns_until_it_takes_effect(
    services: Services, today: date, severity: Severity
) -> None:
    opt_out = create(services)
    add_change(services, opt_out.id)
    found = findings(services, today, RuleId.OPT_OUT_CHANGE_NOT_NOTIFIED)
    assert [(f.severity, f.due, f.since) for f in found] == [(severity, CHANGED, CHANGED)]


@pytest.mark.parametrize(
    ("days", "severity"),
    [(29, Severity.WARNING), (30, Severity.WARNING), (31, Severity.BLOCKING)],
    ids=["day-before-due", "on-due", "day-after-due"],
)
def test_the_providers_new_details_are_notified_without_delay_after_the_change(
    services: Services, days: int, severity: Severity
) -> None:
    opt_out = create(services)
    add_change(services, opt_out.id, field="provider", description="本店移転")
    found = findings(services, CHANGED + days * DAY, RuleId.OPT_OUT_CHANGE_NOT_NOTIFIED)
    assert [(f.severity, f.due) for f in found] == [(severity, CHANGED + 30 * DAY)]


def test_the_without_delay_period_is_a_setting(services: Services) -> None:
    services.settings.update({"opt_out_change_notice_days": 10})
    opt_out = create(services)
    add_change(services, opt_out.id, field="provision_ended", description="提供を終了")
    found = findings(services, CHANGED + 11 * DAY, RuleId.OPT_OUT_CHANGE_NOT_NOTIFIED)
    assert [(f.severity, f.due) for f in found] == [(Severity.BLOCKING, CHANGED + 10 * DAY)]


def test_every_write_is_in_the_audit_trail(services: Services) -> None:
    opt_out = create(services)
    change = add_change(services, opt_out.id)
    stop = services.stop_requests.create(
        {
            "opt_out_id": opt_out.id,
            "person": "山田 太郎",
            "received_on": START,
            "identity_check": "運転免許証の写し",
            "effective_on": START + DAY,
        }
    )
    services.opt_outs.update(opt_out.id, {"title": "新しい名称"}, opt_out.version)
    services.stop_requests.update(stop.id, {"effective_on": START + 2 * DAY}, stop.version)
    with services.context.read() as session:
        events = session.execute(
            select(AuditEvent.record_type, AuditEvent.record_id, AuditEvent.action).order_by(AuditEvent.id)
        ).all()
    assert [tuple(e) for e in events[-5:]] == [
        (RecordType.OPT_OUT, opt_out.id, "create"),
        (RecordType.OPT_OUT_CHANGE, change.id, "create"),
        (RecordType.STOP_REQUEST, stop.id, "create"),
        (RecordType.OPT_OUT, opt_out.id, "update"),
        (RecordType.STOP_REQUEST, stop.id, "update"),
    ]
    assert services.audit.verify_chain().is_intact
    assert services.audit.verify_records().is_intact


def test_a_bad_stop_request_names_the_field_and_writes_nothing(services: Services) -> None:
    opt_out = create(services)
    base = {
        "opt_out_id": opt_out.id,
        "person": "山田 太郎",
        "received_on": START,
        "identity_check": "運転免許証",
        "effective_on": START,
    }
    for field, value in (
        ("effective_on", START - DAY),
        ("identity_check", ""),
        ("person", None),
        ("opt_out_id", opt_out.id + 100),
        ("received_on", "2026-02-30"),
    ):
        with pytest.raises(ValidationError) as raised:
            services.stop_requests.create({**base, field: value})
        assert field in raised.value.fields
    assert rows(services, StopRequest) == 0


def test_a_change_of_a_missing_arrangement_is_refused(services: Services) -> None:
    with pytest.raises(ValidationError) as raised:
        add_change(services, 999)
    assert "opt_out_id" in raised.value.fields
    assert rows(services, OptOutChange) == 0


def test_an_arrangement_with_stop_requests_cannot_be_deleted(services: Services) -> None:
    opt_out = create(services)
    add_change(services, opt_out.id)
    services.stop_requests.create(
        {
            "opt_out_id": opt_out.id,
            "person": "山田 太郎",
            "received_on": START,
            "identity_check": "運転免許証",
            "effective_on": START,
        }
    )
    with pytest.raises(DependencyError):
        services.opt_outs.delete(opt_out.id, None)
    assert rows(services, OptOut) == 1 and rows(services, OptOutChange) == 1
    other = create(services, title="他")
    add_change(services, other.id)
    services.opt_outs.delete(other.id, None)
    assert rows(services, OptOut) == 1 and rows(services, OptOutChange) == 1


def test_lists_count_changes_and_stop_requests(services: Services) -> None:
    opt_out = create(services)
    add_change(services, opt_out.id)
    services.stop_requests.create(
        {
            "opt_out_id": opt_out.id,
            "person": "山田 太郎",
            "person_reference": "M-0001",
            "received_on": START,
            "identity_check": "運転免許証",
            "effective_on": START,
        }
    )
    [row] = services.opt_outs.list()
    assert (row.change_count, row.stop_request_count) == (1, 1)
    [stop] = services.stop_requests.list("M-0001")
    assert stop.opt_out_title == COMPLETE["title"]
    assert services.stop_requests.list("nobody") == []
    assert "② 第三者に提供される個人情報の項目" in services.opt_outs.notice(opt_out.id)
