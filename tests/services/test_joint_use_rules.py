"""Joint use (issue 12): what a notice cannot change, and future deadlines warn while past ones block — each
rule at its boundaries (the day before, on and after its date), through the services, on SQLite and
PostgreSQL. The records are dated after the fixed clock (2026-11-25), so that every date checked is one on
which they already existed."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from desktop.domain.enums import Severity
from desktop.domain.errors import ValidationError
from desktop.domain.kinds import RuleId
from desktop.store.models import AuditEvent, JointUseChange

DAY = timedelta(days=1)
START = date(2026, 12, 10)  # the joint use starts after the fixed clock's today (2026-11-25)
CHANGE = date(2027, 1, 15)  # a change planned after the start

COMPLETE = {
    "joint_use_statement": "以下のとおり共同利用します",
    "pi_items": "氏名,住所",
    "scope": "当社グループ",
    "purposes": "サービスのご案内",
    "responsible_name": "株式会社みらいデータ",
    "responsible_address": "東京都千代田区",
    "responsible_representative": "代表取締役 山田 太郎",
    "acquisition_method": "申込書",
}


def make_joint_use(services, **values):
    data = {
        "title": "グループ共同利用",
        **COMPLETE,
        "start_date": START,
        "notice_published_on": START - 5 * DAY,
    }
    data.update(values)
    return services.joint_uses.create(data)


def verdicts(services, joint_use_id, as_of, rule):
    """(severity, since, due) of each finding of `rule` on the joint use, as of the date."""
    return [
        (f.severity, f.since, f.due)
        for f in services.checks.findings(as_of)
        if f.record_id == joint_use_id and f.rule == rule
    ]


# ------------------------------------------------------------------ the notice of a joint use not yet started


def test_a_missing_notice_warns_before_the_start_and_blocks_from_it(services):
    joint_use = make_joint_use(services, notice_published_on=None)
    rule = RuleId.JOINT_USE_NOTICE_LATE
    assert verdicts(services, joint_use.id, START - DAY, rule) == [(Severity.WARNING, None, START)]
    assert verdicts(services, joint_use.id, START, rule) == [(Severity.BLOCKING, START, START)]
    assert verdicts(services, joint_use.id, START + DAY, rule) == [(Severity.BLOCKING, START, START)]


def test_a_notice_dated_on_the_start_counts_from_that_day(services):
    joint_use = make_joint_use(services, notice_published_on=START)
    rule = RuleId.JOINT_USE_NOTICE_LATE
    (warning,) = [
        f for f in services.checks.findings(START - DAY) if f.record_id == joint_use.id and f.rule == rule
    ]
    assert (warning.severity, warning.due) == (Severity.WARNING, START)
    assert "2026-12-10" in warning.message.ja  # not published yet: it is still to come
    assert verdicts(services, joint_use.id, START, rule) == []
    assert verdicts(services, joint_use.id, START + DAY, rule) == []


def test_a_notice_planned_after_the_start_warns_until_the_start_then_blocks(services):
    joint_use = make_joint_use(services, notice_published_on=START + DAY)
    rule = RuleId.JOINT_USE_NOTICE_LATE
    assert verdicts(services, joint_use.id, START - DAY, rule) == [(Severity.WARNING, None, START)]
    assert verdicts(services, joint_use.id, START, rule) == [(Severity.BLOCKING, START, START)]
    assert verdicts(services, joint_use.id, START + DAY, rule) == [(Severity.BLOCKING, START, START)]


def test_a_missing_notice_item_warns_before_the_start_and_blocks_from_it(services):
    joint_use = make_joint_use(services, purposes=None)
    rule = RuleId.JOINT_USE_ITEM_MISSING
    assert verdicts(services, joint_use.id, START - DAY, rule) == [(Severity.WARNING, None, START)]
    assert verdicts(services, joint_use.id, START, rule) == [(Severity.BLOCKING, START, START)]
    assert verdicts(services, joint_use.id, START + DAY, rule) == [(Severity.BLOCKING, START, START)]


def test_a_notice_owed_before_the_start_is_a_deadline_until_the_start(services):
    joint_use = make_joint_use(services, notice_published_on=None)

    def owed(as_of):
        return [
            (d.kind, d.due) for d in services.checks.deadlines(as_of, days=90) if d.record_id == joint_use.id
        ]

    assert owed(START - DAY) == [("notice_owed", START)]
    assert owed(START) == [("notice_owed", START)]
    assert owed(START + DAY) == []


# ------------------------------------------------------------------ a planned change of purpose or responsible


def add_change(services, joint_use, **values):
    data = {"joint_use_id": joint_use.id, "description": "変更", "changed_on": CHANGE, **values}
    return services.joint_uses.add_change(data)


@pytest.mark.parametrize("field", ["purpose", "responsible_party"])
def test_a_planned_change_without_advance_notice_warns_until_the_change_date_then_blocks(services, field):
    joint_use = make_joint_use(services)
    add_change(services, joint_use, field=field)
    rule = RuleId.JOINT_USE_CHANGE_WITHOUT_ADVANCE_NOTICE
    assert verdicts(services, joint_use.id, CHANGE - DAY, rule) == [(Severity.WARNING, None, CHANGE)]
    assert verdicts(services, joint_use.id, CHANGE, rule) == [(Severity.BLOCKING, CHANGE, CHANGE)]
    assert verdicts(services, joint_use.id, CHANGE + DAY, rule) == [(Severity.BLOCKING, CHANGE, CHANGE)]


def test_an_advance_notice_counts_from_its_date_and_one_after_the_change_never(services):
    in_advance = make_joint_use(services, title="事前に公表")
    add_change(services, in_advance, field="purpose", noticed_on=CHANGE - DAY)
    late = make_joint_use(services, title="変更後に公表")
    add_change(services, late, field="purpose", noticed_on=CHANGE + DAY)
    rule = RuleId.JOINT_USE_CHANGE_WITHOUT_ADVANCE_NOTICE
    # Not given yet two days before: still owed, a warning.
    assert verdicts(services, in_advance.id, CHANGE - 2 * DAY, rule) == [(Severity.WARNING, None, CHANGE)]
    for as_of in (CHANGE - DAY, CHANGE, CHANGE + DAY):
        assert verdicts(services, in_advance.id, as_of, rule) == []
    assert verdicts(services, late.id, CHANGE - DAY, rule) == [(Severity.WARNING, None, CHANGE)]
    assert verdicts(services, late.id, CHANGE, rule) == [(Severity.BLOCKING, CHANGE, CHANGE)]
    assert verdicts(services, late.id, CHANGE + DAY, rule) == [(Severity.BLOCKING, CHANGE, CHANGE)]


def test_a_change_of_the_responsible_partys_details_is_noticed_within_thirty_days_inclusive(services):
    joint_use = make_joint_use(services)
    add_change(services, joint_use, field="responsible_address")
    due = CHANGE + 30 * DAY
    rule = RuleId.JOINT_USE_CHANGE_NOTICE_OVERDUE
    assert verdicts(services, joint_use.id, due - DAY, rule) == [(Severity.WARNING, CHANGE, due)]
    assert verdicts(services, joint_use.id, due, rule) == [(Severity.WARNING, CHANGE, due)]
    assert verdicts(services, joint_use.id, due + DAY, rule) == [(Severity.BLOCKING, CHANGE, due)]


def test_a_planned_change_owes_its_advance_notice_as_a_deadline(services):
    joint_use = make_joint_use(services)
    add_change(services, joint_use, field="purpose")
    owed = [
        (d.kind, d.due)
        for d in services.checks.deadlines(CHANGE - DAY, days=90)
        if d.record_id == joint_use.id
    ]
    assert owed == [("notice_owed", CHANGE)]


# ------------------------------------------------------------------ what a notice cannot change


@pytest.mark.parametrize("field", ["pi_items", "scope"])
def test_a_change_of_items_or_scope_without_a_basis_warns_until_the_change_date_then_blocks(services, field):
    joint_use = make_joint_use(services)
    add_change(services, joint_use, field=field, noticed_on=CHANGE - 20 * DAY)  # a notice does not do
    rule = RuleId.JOINT_USE_CHANGE_WITHOUT_BASIS
    assert verdicts(services, joint_use.id, CHANGE - DAY, rule) == [(Severity.WARNING, None, CHANGE)]
    assert verdicts(services, joint_use.id, CHANGE, rule) == [(Severity.BLOCKING, CHANGE, CHANGE)]
    assert verdicts(services, joint_use.id, CHANGE + DAY, rule) == [(Severity.BLOCKING, CHANGE, CHANGE)]
    (finding,) = [
        f for f in services.checks.findings(CHANGE) if f.record_id == joint_use.id and f.rule == rule
    ]
    assert "3-6-3" in finding.basis.en and "本人の同意" in finding.message.ja
    owed = [
        (d.kind, d.due)
        for d in services.checks.deadlines(CHANGE - DAY, days=90)
        if d.record_id == joint_use.id
    ]
    assert owed == [("basis_owed", CHANGE)]


@pytest.mark.parametrize("basis", ["consent", "succession", "reasonably_expected"])
def test_a_change_of_items_or_scope_with_its_basis_and_reason_has_no_finding(services, basis):
    joint_use = make_joint_use(services)
    add_change(services, joint_use, field="scope", basis=basis, basis_reason="理由を記録")
    for as_of in (CHANGE - DAY, CHANGE, CHANGE + DAY):
        assert [f.rule for f in services.checks.findings(as_of) if f.record_id == joint_use.id] == []
    assert [d for d in services.checks.deadlines(CHANGE - DAY, days=90) if d.record_id == joint_use.id] == []


def test_recording_the_basis_later_clears_the_finding(services):
    joint_use = make_joint_use(services)
    change = add_change(services, joint_use, field="pi_items")
    assert verdicts(services, joint_use.id, CHANGE, RuleId.JOINT_USE_CHANGE_WITHOUT_BASIS)
    services.joint_uses.update_change(
        change.id, {"basis": "consent", "basis_reason": "会員全員から同意書を取得"}, change.version
    )
    assert verdicts(services, joint_use.id, CHANGE, RuleId.JOINT_USE_CHANGE_WITHOUT_BASIS) == []


def count_changes(services) -> tuple[int, int]:
    with services.database.read() as session:
        return (
            int(session.scalar(select(func.count(JointUseChange.id))) or 0),
            int(session.scalar(select(func.count(AuditEvent.id))) or 0),
        )


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"field": "purpose", "basis": "consent", "basis_reason": "同意取得"}, "basis"),  # a notice does
        ({"field": "pi_items", "basis": "consent"}, "basis_reason"),  # a basis says why
        ({"field": "scope", "basis_reason": "同意取得"}, "basis"),  # a reason for no basis
        ({"field": "scope", "basis": "notice", "basis_reason": "公表した"}, "basis"),  # not a basis
    ],
)
def test_a_basis_is_refused_where_it_does_not_belong_and_nothing_is_written(services, values, field):
    joint_use = make_joint_use(services)
    before = count_changes(services)
    with pytest.raises(ValidationError) as caught:
        add_change(services, joint_use, **values)
    assert set(caught.value.fields) == {field}
    assert count_changes(services) == before


def test_a_basis_in_either_language_is_stored_as_its_value(services):
    joint_use = make_joint_use(services)
    change = add_change(
        services, joint_use, field="scope", basis="合併・事業譲渡等による承継", basis_reason="合併"
    )
    assert change.basis == "succession"
