"""Corrective actions (是正処置) on any record kind (issue 12): a corrective action on a joint use or an opt-out
provision closes the finding of a past lapse on it — the thing done, but late — from the day it was taken, and
never a breach still going on (the thing still not done). Through the services, on SQLite and PostgreSQL, at
the boundaries (the day before, on and after the action)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from desktop.domain.errors import DependencyError, ValidationError
from desktop.domain.kinds import RuleId
from desktop.services.facade import Services
from desktop.store.models import CorrectiveAction

DAY = timedelta(days=1)
START = date(2026, 4, 1)
ACTED = date(2026, 6, 10)

JOINT_USE = {
    "title": "グループ共同利用",
    "joint_use_statement": "以下のとおり共同利用します",
    "pi_items": "氏名,住所",
    "scope": "当社グループ",
    "purposes": "サービスのご案内",
    "responsible_name": "株式会社みらいデータ",
    "responsible_address": "東京都千代田区",
    "responsible_representative": "代表取締役 山田 太郎",
    "acquisition_method": "申込書",
    "start_date": START,
}
OPT_OUT: dict[str, Any] = {
    "title": "提携先への会員名簿の提供",
    "purpose_statement": "会員名簿を提携先に提供することを利用目的とします。",
    "pi_items": ["氏名", "住所", "電話番号"],
    "provision_method": "電子データを暗号化して送付します。",
    "stop_statement": "ご本人の求めに応じて提供を停止します。",
    "stop_request_method": "お問い合わせ窓口（privacy@example.jp）で受け付けます。",
    "acquisition_method": "会員登録の申込書から取得します。",
    "start_date": START,
}


def at(services: Services, day: date) -> Services:
    moment = datetime(day.year, day.month, day.day, 3, 0, tzinfo=UTC)
    services.context.clock = lambda: moment
    return services


def act(services: Services, record_type: str, record_id: int, rule: RuleId, on: date = ACTED) -> Any:
    at(services, on)
    return services.corrective_actions.create(
        {
            "record_type": record_type,
            "record_id": record_id,
            "rule": rule.value,
            "action": "公表の手順を見直し、担当者に周知した",
            "taken_on": on.isoformat(),
            "taken_by": "黒田 修",
        }
    )


def open_findings(services: Services, record_id: int, rule: RuleId, day: date) -> list[Any]:
    return [f for f in services.checks.findings(day) if f.record_id == record_id and f.rule == rule]


def closes_from_the_action_day(services: Services, record_id: int, rule: RuleId) -> None:
    assert open_findings(services, record_id, rule, ACTED - DAY)
    assert open_findings(services, record_id, rule, ACTED) == []
    assert open_findings(services, record_id, rule, ACTED + DAY) == []


def test_a_joint_use_begun_before_its_notice_is_closed_by_a_corrective_action(services: Services) -> None:
    at(services, START - 30 * DAY)
    joint_use = services.joint_uses.create({**JOINT_USE, "notice_published_on": START + 5 * DAY})
    act(services, "joint_use", joint_use.id, RuleId.JOINT_USE_NOTICE_LATE)
    closes_from_the_action_day(services, joint_use.id, RuleId.JOINT_USE_NOTICE_LATE)


def test_a_joint_use_never_noticed_is_not_closed_by_one(services: Services) -> None:
    """Still not published: a breach going on; the action is on record but the finding stays."""
    at(services, START - 30 * DAY)
    joint_use = services.joint_uses.create({**JOINT_USE, "notice_published_on": None})
    act(services, "joint_use", joint_use.id, RuleId.JOINT_USE_NOTICE_LATE)
    assert open_findings(services, joint_use.id, RuleId.JOINT_USE_NOTICE_LATE, ACTED + DAY)


def test_a_change_noticed_after_it_took_effect_is_closed_and_a_later_one_is_not(services: Services) -> None:
    at(services, START - 30 * DAY)
    joint_use = services.joint_uses.create({**JOINT_USE, "notice_published_on": START - 5 * DAY})
    for changed in (START + 10 * DAY, ACTED + 10 * DAY):  # the second lapse begins after the action
        services.joint_uses.add_change(
            {
                "joint_use_id": joint_use.id,
                "field": "purpose",
                "description": "利用目的の追加",
                "changed_on": changed,
                "noticed_on": changed + 3 * DAY,
            }
        )
    rule = RuleId.JOINT_USE_CHANGE_WITHOUT_ADVANCE_NOTICE
    act(services, "joint_use", joint_use.id, rule)
    later = ACTED + 20 * DAY
    # the day before the action: the first lapse, and the second change still planned (a warning)
    assert [f.since for f in open_findings(services, joint_use.id, rule, ACTED - DAY)] == [
        START + 10 * DAY,
        None,
    ]
    assert [f.since for f in open_findings(services, joint_use.id, rule, ACTED)] == [None]
    assert [f.since for f in open_findings(services, joint_use.id, rule, later)] == [ACTED + 10 * DAY]


@pytest.mark.parametrize("notified", [START + DAY, START + 30 * DAY])
def test_an_opt_out_notified_after_the_provision_began_is_closed(services: Services, notified: date) -> None:
    at(services, START - 30 * DAY)
    opt_out = services.opt_outs.create({**OPT_OUT, "ppc_notified_on": notified, "made_known_on": START})
    act(services, "opt_out", opt_out.id, RuleId.OPT_OUT_NOTIFICATION_LATE)
    closes_from_the_action_day(services, opt_out.id, RuleId.OPT_OUT_NOTIFICATION_LATE)


def test_an_opt_out_change_notified_late_is_closed_but_one_still_owed_is_not(services: Services) -> None:
    at(services, START - 30 * DAY)
    opt_out = services.opt_outs.create({**OPT_OUT, "ppc_notified_on": START, "made_known_on": START})
    changed = START + 20 * DAY
    base = {
        "opt_out_id": opt_out.id,
        "field": "pi_items",
        "description": "項目に生年月日を追加",
        "changed_on": changed,
    }
    services.opt_outs.add_change({**base, "ppc_notified_on": changed + DAY, "made_known_on": changed})
    rule = RuleId.OPT_OUT_CHANGE_NOT_NOTIFIED
    act(services, "opt_out", opt_out.id, rule)
    closes_from_the_action_day(services, opt_out.id, rule)
    at(services, START - 30 * DAY)
    services.opt_outs.add_change(base)  # another change never notified: going on
    assert len(open_findings(services, opt_out.id, rule, ACTED + DAY)) == 1


def count(services: Services) -> int:
    with services.database.read() as session:
        return int(session.scalar(select(func.count(CorrectiveAction.id))) or 0)


@pytest.mark.parametrize(
    ("record_type", "rule", "named"),
    [
        ("opt_out", RuleId.JOINT_USE_NOTICE_LATE, "record_type"),  # the rule's findings are on joint uses
        ("request", RuleId.JOINT_USE_NOTICE_LATE, "record_type"),  # no closable finding is on a request
        ("joint_use", RuleId.JOINT_USE_ITEM_MISSING, "rule"),  # a breach going on
    ],
)
def test_a_mismatched_record_or_rule_is_refused_and_writes_nothing(
    services: Services, record_type: str, rule: RuleId, named: str
) -> None:
    at(services, START - 30 * DAY)
    joint_use = services.joint_uses.create({**JOINT_USE, "notice_published_on": START + 5 * DAY})
    with pytest.raises(ValidationError) as caught:
        act(services, record_type, joint_use.id, rule)
    assert named in caught.value.fields
    assert count(services) == 0


def test_a_missing_record_is_named(services: Services) -> None:
    with pytest.raises(ValidationError) as caught:
        act(services, "joint_use", 404, RuleId.JOINT_USE_NOTICE_LATE)
    assert set(caught.value.fields) == {"record_id"}
    assert count(services) == 0


def test_the_list_names_the_record_and_a_record_with_an_action_is_not_deleted(services: Services) -> None:
    at(services, START - 30 * DAY)
    joint_use = services.joint_uses.create({**JOINT_USE, "notice_published_on": START + 5 * DAY})
    act(services, "joint_use", joint_use.id, RuleId.JOINT_USE_NOTICE_LATE)
    (row,) = services.corrective_actions.list(record_type="joint_use", record_id=joint_use.id)
    assert (row.record_type, row.record_id, row.record_label) == (
        "joint_use",
        joint_use.id,
        "グループ共同利用",
    )
    current = services.joint_uses.get(joint_use.id)
    with pytest.raises(DependencyError):
        services.joint_uses.delete(joint_use.id, current.version)
    assert services.joint_uses.get(joint_use.id).id == joint_use.id
