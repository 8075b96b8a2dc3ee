"""Future deadlines warn in the same words everywhere (issue 12): a warning whose due date is still ahead says
"期限 YYYY年M月D日 まで" and nothing that reads as late; from the due date on, the blocking finding says it
passed. Through the services on SQLite and PostgreSQL at the boundaries (the day before, on and after), and
over every warning of the demo."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from desktop.domain.enums import Severity
from desktop.domain.kinds import RuleId
from desktop.services.facade import Services

DAY = timedelta(days=1)
START = date(2027, 1, 10)
LATE_WORDS = ("遅延", "遅れ", "過ぎ", "より後です", "ありません。")  # what a future deadline must not say


def at(services: Services, day: date) -> Services:
    moment = datetime(day.year, day.month, day.day, 3, 0, tzinfo=UTC)
    services.context.clock = lambda: moment
    return services


def messages(services: Services, record_id: int, rule: RuleId, day: date) -> list[tuple[Severity, str, str]]:
    return [
        (f.severity, f.message.ja, f.message.en)
        for f in services.checks.findings(day)
        if f.record_id == record_id and f.rule == rule
    ]


@pytest.mark.parametrize("planned", [None, START, START + 5 * DAY])
def test_a_joint_use_not_started_yet_warns_with_its_due_date_not_as_late(
    services: Services, planned: date | None
) -> None:
    at(services, START - 60 * DAY)
    joint_use = services.joint_uses.create(
        {"title": "グループ共同利用", "start_date": START, "notice_published_on": planned}
    )
    [(severity, ja, en)] = messages(services, joint_use.id, RuleId.JOINT_USE_NOTICE_LATE, START - DAY)
    assert severity is Severity.WARNING
    assert "期限 2027年1月10日 まで" in ja and "2027-01-10" in en
    assert not any(word in ja for word in ("遅延", "遅れ", "過ぎ"))
    if planned is not None and planned > START:
        assert "公表予定日" in ja  # planned, not given: it does not read as published late
    on_start = messages(services, joint_use.id, RuleId.JOINT_USE_NOTICE_LATE, START)
    if planned == START:  # published on the start day: in time
        assert on_start == []
    else:
        [(severity, ja, _en)] = on_start
        assert severity is Severity.BLOCKING and "期限 2027年1月10日 まで" not in ja


@pytest.mark.parametrize(
    ("offset", "severity"), [(-1, Severity.WARNING), (0, Severity.WARNING), (1, Severity.BLOCKING)]
)
def test_a_request_reply_says_its_due_date_until_it_passes(
    services: Services, offset: int, severity: Severity
) -> None:
    received = date(2026, 4, 1)
    at(services, received)
    request = services.requests.create(
        {
            "request_type": "disclosure",
            "requester": "山田 花子",
            "received_on": received,
            "identity_check": "免許証",
        }
    )
    [(found, ja, _en)] = messages(
        services, request.id, RuleId.REQUEST_REPLY_OVERDUE, date(2026, 4, 15) + offset * DAY
    )
    assert found is severity
    if severity is Severity.WARNING:
        assert "期限 2026年4月15日 まで" in ja and "過ぎ" not in ja
    else:
        assert "過ぎ" in ja and "期限 2026年4月15日 まで" not in ja


def test_every_warning_of_the_demo_with_a_due_date_ahead_says_it(demo_services: Services) -> None:
    today = demo_services.context.today()
    ahead = [
        f
        for f in demo_services.checks.findings()
        if f.severity is Severity.WARNING and f.due is not None and f.due >= today
    ]
    assert (
        len({f.rule for f in ahead}) >= 10
    )  # evaluations, contracts, consents, notices, requests, incidents…
    for finding in ahead:
        phrase = f"期限 {finding.due.year}年{finding.due.month}月{finding.due.day}日 まで"
        assert phrase in finding.message.ja, finding
        assert (
            f"due by {finding.due:%Y-%m-%d}" in finding.message.en
            or f"{finding.due:%Y-%m-%d}" in finding.message.en
        )
        assert not any(word in finding.message.ja for word in ("遅延", "遅れ", "過ぎ")), finding
