"""Data-subject requests (policy §9; APPI Art. 32–35) and incidents (APPI Art. 26; Enforcement Rules Art. 7–10;
Privacy Mark reporting) through the services, on SQLite and PostgreSQL: each due date at its boundaries (the
day before, on and after), 30 against 60 days for a malicious act, the settings that move them, the audit
trail and versions, and nothing written by a refused save."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from desktop.domain.enums import Severity
from desktop.domain.errors import ValidationError
from desktop.domain.kinds import RecordType, RuleId
from desktop.services.facade import Services
from desktop.store.models import AuditEvent, Incident, Request

DAY = timedelta(days=1)
RECEIVED = date(2026, 4, 1)
DISCOVERED = date(2026, 5, 11)


def request(services: Services, **changes: Any) -> Any:
    data = {
        "request_type": "disclosure",
        "requester": "山田 花子",
        "received_on": RECEIVED,
        "identity_check": "運転免許証の写し",
        **changes,
    }
    return services.requests.create(data)


def incident(services: Services, **changes: Any) -> Any:
    data = {
        "title": "顧客名簿の誤送信",
        "discovered_on": DISCOVERED,
        "description": "顧客名簿を誤って別の取引先にメール送信した。",
        "pi_items": ["氏名", "メールアドレス"],
        "person_count": 12,
        **changes,
    }
    return services.incidents.create(data)


def findings(
    services: Services, today: date, rule: RuleId, record_type: RecordType | None = None
) -> list[Any]:
    return [
        f
        for f in services.checks.findings(today)
        if f.rule == rule and (record_type is None or f.record_type == record_type)
    ]


def count(services: Services, model: Any) -> int:
    with services.database.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


# Requests ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("today", "severity"),
    [
        (RECEIVED + 13 * DAY, Severity.WARNING),  # the day before the due date
        (RECEIVED + 14 * DAY, Severity.WARNING),  # on it
        (RECEIVED + 15 * DAY, Severity.BLOCKING),  # the day after
    ],
)
def test_a_request_not_replied_to_warns_with_its_due_date_then_blocks(services, today, severity):
    made = request(services)
    found = findings(services, today, RuleId.REQUEST_REPLY_OVERDUE)
    assert [(f.severity, f.record_type, f.record_id) for f in found] == [
        (severity, RecordType.REQUEST, made.id)
    ]
    assert found[0].due == RECEIVED + 14 * DAY
    due_ja = (
        "期限 2026年4月15日 まで" if severity is Severity.WARNING else "2026-04-15"
    )  # a future due, worded so
    assert due_ja in found[0].message.ja and "2026-04-15" in found[0].message.en
    assert found[0].basis.en.startswith("APPI Art. 33–35")


def test_the_due_date_follows_the_setting_and_is_shown(services):
    made = request(services)
    assert services.requests.list()[0].due_on == RECEIVED + 14 * DAY
    services.settings.update({"request_reply_days": 7})
    assert services.requests.list()[0].due_on == RECEIVED + 7 * DAY
    assert (
        findings(services, RECEIVED + 8 * DAY, RuleId.REQUEST_REPLY_OVERDUE)[0].severity is Severity.BLOCKING
    )
    assert [f.due for f in findings(services, RECEIVED, RuleId.REQUEST_REPLY_OVERDUE)] == [RECEIVED + 7 * DAY]
    assert made.id == services.requests.list()[0].id


def test_a_reply_ends_the_finding_from_its_day(services):
    request(services, decision="granted", replied_on=RECEIVED + 20 * DAY, reply_method="document")
    assert (
        findings(services, RECEIVED + 19 * DAY, RuleId.REQUEST_REPLY_OVERDUE)[0].severity is Severity.BLOCKING
    )
    assert findings(services, RECEIVED + 20 * DAY, RuleId.REQUEST_REPLY_OVERDUE) == []
    assert services.requests.list(as_of=RECEIVED + 20 * DAY)[0].status == "replied"
    assert services.requests.list(as_of=RECEIVED + 19 * DAY)[0].status == "overdue"
    assert services.requests.list(as_of=RECEIVED + 14 * DAY)[0].status == "open"


def test_a_reply_while_the_decision_is_pending_is_blocking_and_not_also_overdue(services):
    request(services, replied_on=RECEIVED + 3 * DAY)
    today = RECEIVED + 30 * DAY
    undecided = findings(services, today, RuleId.REQUEST_UNDECIDED)
    assert [f.severity for f in undecided] == [Severity.BLOCKING]
    assert findings(services, today, RuleId.REQUEST_REPLY_OVERDUE) == []
    # Before the reply is given, the only finding is the reply's due date: no duplicate.
    assert findings(services, RECEIVED + 2 * DAY, RuleId.REQUEST_UNDECIDED) == []
    assert len(findings(services, RECEIVED + 2 * DAY, RuleId.REQUEST_REPLY_OVERDUE)) == 1


@pytest.mark.parametrize(
    ("request_type", "decision", "ground", "fires"),
    [
        ("disclosure", "refused", None, True),
        ("disclosure", "partly_granted", None, True),
        ("disclosure_of_provision_records", "refused", None, True),
        ("disclosure", "refused", "harm_to_company", False),
        ("disclosure", "granted", None, False),
        ("correction", "refused", None, False),  # grounds of Art. 34, explained in the notes
    ],
)
def test_a_disclosure_refused_without_a_ground_is_blocking(services, request_type, decision, ground, fires):
    request(
        services,
        request_type=request_type,
        decision=decision,
        refusal_ground=ground,
        replied_on=RECEIVED + 5 * DAY,
        reply_method="document",
    )
    found = findings(services, RECEIVED + 6 * DAY, RuleId.REQUEST_REFUSAL_WITHOUT_GROUND)
    assert [f.severity for f in found] == ([Severity.BLOCKING] if fires else [])
    if fires:
        assert "方針9" in found[0].basis.ja


def test_request_input_errors_name_the_field_and_write_nothing(services):
    cases = [
        ({"request_type": "complaint"}, "request_type"),
        ({"requester": ""}, "requester"),
        ({"received_on": "2026-02-30"}, "received_on"),
        ({"replied_on": RECEIVED - DAY}, "replied_on"),
        ({"decision": "granted", "refusal_ground": "harm_to_company"}, "refusal_ground"),
        ({"refusal_ground": "no_reason"}, "refusal_ground"),
        ({"fee": -300}, "fee"),
        ({"agent_name": "代理 太郎"}, "by_agent"),
    ]
    for changes, field in cases:
        with pytest.raises(ValidationError) as caught:
            request(services, **changes)
        assert field in caught.value.fields, (changes, caught.value.fields)
    assert count(services, Request) == 0
    assert count(services, AuditEvent) == 0


def test_a_request_is_versioned_and_audited(services):
    made = request(services, fee=1000, by_agent=True, agent_name="代理 太郎")
    updated = services.requests.update(
        made.id, {"decision": "granted", "replied_on": RECEIVED + 2 * DAY}, made.version
    )
    assert updated.version == made.version + 1
    services.requests.delete(updated.id, updated.version)
    with services.database.read() as session:
        actions = [
            e.action
            for e in session.scalars(
                select(AuditEvent).where(AuditEvent.record_type == "request").order_by(AuditEvent.id)
            )
        ]
    assert actions == ["create", "update", "delete"]


# Incidents --------------------------------------------------------------------------------------------------
REPORTABLE = {"involves_special_care": True}


def incident_findings(services: Services, today: date) -> dict[RuleId, Any]:
    found = [f for f in services.checks.findings(today) if f.record_type == RecordType.INCIDENT]
    return {f.rule: f for f in found}


@pytest.mark.parametrize(
    ("offset", "severity"),
    [(4, Severity.WARNING), (5, Severity.WARNING), (6, Severity.BLOCKING)],
)
def test_the_preliminary_reports_and_the_notice_are_due_five_days_after_discovery(services, offset, severity):
    incident(services, **REPORTABLE)
    found = incident_findings(services, DISCOVERED + offset * DAY)
    for rule in (
        RuleId.INCIDENT_PPC_PRELIMINARY_MISSING,
        RuleId.INCIDENT_PERSONS_NOTICE_MISSING,
        RuleId.INCIDENT_PMARK_PRELIMINARY_MISSING,
    ):
        assert found[rule].severity is severity, rule
        assert found[rule].due == DISCOVERED + 5 * DAY
    # The confirmed reports are still ahead.
    assert found[RuleId.INCIDENT_PPC_CONFIRMED_MISSING].severity is Severity.WARNING


@pytest.mark.parametrize(
    ("malicious", "days"),
    [(False, 30), (True, 60)],
)
@pytest.mark.parametrize("offset", [-1, 0, 1])
def test_the_confirmed_reports_are_due_30_days_after_discovery_60_for_a_malicious_act(
    services, malicious, days, offset
):
    incident(services, may_cause_financial_damage=True, is_malicious=malicious)
    found = incident_findings(services, DISCOVERED + (days + offset) * DAY)
    expected = Severity.BLOCKING if offset > 0 else Severity.WARNING
    for rule in (RuleId.INCIDENT_PPC_CONFIRMED_MISSING, RuleId.INCIDENT_PMARK_CONFIRMED_MISSING):
        assert found[rule].severity is expected, rule
        assert found[rule].due == DISCOVERED + days * DAY


def test_an_incident_outside_the_four_categories_owes_only_the_privacy_mark_report(services):
    incident(services, person_count=1000)  # "more than 1,000": a thousand is not
    found = incident_findings(services, DISCOVERED + 31 * DAY)
    assert set(found) == {RuleId.INCIDENT_PMARK_CONFIRMED_MISSING}
    assert found[RuleId.INCIDENT_PMARK_CONFIRMED_MISSING].severity is Severity.BLOCKING


@pytest.mark.parametrize(
    "changes",
    [
        {"person_count": 1001},
        {"person_count": None, "over_thousand_persons": True},
        {"involves_special_care": True},
        {"pi_items": ["氏名", "健康診断の結果"]},  # an item naming special-care PI, the box unticked
        {"may_cause_financial_damage": True},
        {"is_malicious": True},
    ],
)
def test_each_of_the_four_categories_makes_the_incident_reportable(services, changes):
    incident(services, **changes)
    found = incident_findings(services, DISCOVERED)
    assert RuleId.INCIDENT_PPC_PRELIMINARY_MISSING in found
    assert services.incidents.list()[0].is_reportable


def test_reports_sent_end_their_findings_and_the_setting_moves_the_preliminary_due(services):
    made = incident(services, **REPORTABLE)
    services.settings.update({"incident_preliminary_days": 3})
    found = incident_findings(services, DISCOVERED + 4 * DAY)
    assert found[RuleId.INCIDENT_PPC_PRELIMINARY_MISSING].severity is Severity.BLOCKING
    assert found[RuleId.INCIDENT_PPC_PRELIMINARY_MISSING].due == DISCOVERED + 3 * DAY
    sent = {
        "ppc_preliminary_reported_on": DISCOVERED + 2 * DAY,
        "persons_notified_on": DISCOVERED + 2 * DAY,
        "pmark_preliminary_reported_on": DISCOVERED + 3 * DAY,
        "ppc_confirmed_reported_on": DISCOVERED + 20 * DAY,
        "pmark_confirmed_reported_on": DISCOVERED + 25 * DAY,
    }
    services.incidents.update(made.id, sent, made.version)
    assert incident_findings(services, DISCOVERED + 40 * DAY) == {}
    # A date still ahead has not happened yet: on the day before it the report is owed.
    assert RuleId.INCIDENT_PMARK_CONFIRMED_MISSING in incident_findings(services, DISCOVERED + 24 * DAY)
    assert services.incidents.list(as_of=DISCOVERED + 40 * DAY)[0].status == "closed"
    dues = {d.report.rule: d.due_on for d in services.incidents.reports(made.id)}
    assert dues[RuleId.INCIDENT_PPC_CONFIRMED_MISSING] == DISCOVERED + 30 * DAY


def test_incident_input_errors_name_the_field_and_write_nothing(services):
    cases = [
        ({"title": ""}, "title"),
        ({"discovered_on": "yesterday"}, "discovered_on"),
        ({"contractor_id": 999}, "contractor_id"),
        ({"person_count": -1}, "person_count"),
        ({"ppc_preliminary_reported_on": DISCOVERED - DAY}, "ppc_preliminary_reported_on"),
        ({"pmark_confirmed_reported_on": DISCOVERED - DAY}, "pmark_confirmed_reported_on"),
    ]
    for changes, field in cases:
        with pytest.raises(ValidationError) as caught:
            incident(services, **changes)
        assert field in caught.value.fields, (changes, caught.value.fields)
    assert count(services, Incident) == 0
    assert count(services, AuditEvent) == 0


# The contractor's re-evaluation ----------------------------------------------------------------------------
def _at(services: Services, day: date) -> None:
    moment = datetime(day.year, day.month, day.day, 3, 0, tzinfo=UTC)
    services.context.clock = lambda: moment


def _evaluated_contractor(services: Services, evaluated_on: date) -> Any:
    _at(services, date(2026, 1, 5))
    made = services.contractors.create(
        {"name": "株式会社さくら", "status": "active", "pi_items": ["氏名"], "start_date": "2026-01-10"}
    )
    evaluation = services.evaluations.create(
        {"contractor_id": made.id, "evaluated_on": evaluated_on.isoformat(), "evaluator": "佐藤"},
        {item.code: 2 for item in services.evaluations.items_for("full")},
    )
    services.evaluations.approve(evaluation.id, evaluation.version)
    return made


@pytest.mark.parametrize(
    ("discovered", "fires"),
    [(date(2026, 1, 7), False), (date(2026, 1, 8), False), (date(2026, 1, 9), True)],
)
def test_an_incident_after_the_latest_evaluation_asks_for_a_re_evaluation(services, discovered, fires):
    made = _evaluated_contractor(services, date(2026, 1, 8))
    incident(services, contractor_id=made.id, discovered_on=discovered)
    found = findings(services, date(2026, 3, 1), RuleId.CONTRACTOR_REEVALUATION_AFTER_INCIDENT)
    assert [(f.severity, f.record_type, f.record_id) for f in found] == (
        [(Severity.WARNING, RecordType.CONTRACTOR, made.id)] if fires else []
    )
    if fires:
        assert "JIS Q 15001" in found[0].basis.en
    assert [row.id for row in services.incidents.list(contractor_id=made.id)] == [
        row.id for row in services.incidents.list()
    ]


def test_the_contractor_file_lists_its_incidents_and_the_contractor_cannot_be_deleted(services, tmp_path):
    from pypdf import PdfReader

    from desktop.domain.errors import DependencyError
    from desktop.reports.pdf import render_register

    made = _evaluated_contractor(services, date(2026, 1, 8))
    incident(services, contractor_id=made.id, discovered_on=date(2026, 2, 1), title="配送伝票の紛失")
    incident(services, title="自社での誤送信")  # not the contractor's
    out = tmp_path / "file.pdf"
    render_register(services, "contractor-file", out, as_of=date(2026, 3, 1), record_id=made.id)
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "事故（漏えい等の事案）（1 件）" in text and "配送伝票の紛失" in text
    assert "自社での誤送信" not in text and "審査機関への報告書 期限 2026-03-03" in text
    current = services.contractors.get(made.id)
    with pytest.raises(DependencyError) as caught:
        services.contractors.delete(made.id, current.version)
    assert "事故" in caught.value.message.ja
