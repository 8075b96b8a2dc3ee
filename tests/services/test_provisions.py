"""Third-party provision records (APPI Art. 29) and receipt confirmation records (Art. 30) through the
services, on SQLite and PostgreSQL: each rule at its boundaries (the day before, on and after the retention
end, the opt-out's notification and a stop request's effective date), the deletion guard, the audit trail."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from desktop.domain.enums import Severity
from desktop.domain.errors import RetentionError, ValidationError
from desktop.domain.kinds import RecordType, RuleId
from desktop.services.facade import Services
from desktop.store.models import AuditEvent, Provision, Receipt

DAY = timedelta(days=1)
PROVIDED = date(2026, 4, 1)
CONTRACT_FORM = "contract_or_bulk_record_for_goods_or_services_to_the_person"

COMPLETE: dict[str, Any] = {
    "provided_on": PROVIDED,
    "recipient_name": "株式会社つばめ",
    "recipient_address": "東京都千代田区1-1",
    "recipient_representative": "代表取締役 燕 一郎",
    "persons": "2026年3月の会員登録者",
    "person_references": "M-0001\nM-0002",
    "pi_items": ["氏名", "住所"],
    "basis": "consent",
    "method": "electronic",
    "record_form": "each_time",
}

RECEIPT: dict[str, Any] = {
    "received_on": PROVIDED,
    "provider_name": "株式会社かもめ",
    "provider_address": "大阪府大阪市1-1",
    "provider_representative": "代表取締役 鴎 花子",
    "acquisition_confirmation": "提供者が本人から申込書で取得（同意書あり）",
    "confirmed_on": PROVIDED,
    "confirmation_method": "提供者の同意書の写しを受領",
    "persons": "キャンペーン応募者",
    "pi_items": ["氏名", "メールアドレス"],
}

OPT_OUT: dict[str, Any] = {
    "title": "会員名簿の提供",
    "purpose_statement": "提供を利用目的とします。",
    "pi_items": ["氏名", "住所"],
    "provision_method": "電子データで送付",
    "stop_statement": "求めに応じて停止します。",
    "stop_request_method": "窓口で受け付けます。",
    "acquisition_method": "申込書",
    "ppc_notified_on": PROVIDED,
    "made_known_on": PROVIDED,
    "start_date": PROVIDED,
}


def at(services: Services, day: date) -> Services:
    moment = datetime(day.year, day.month, day.day, 3, 0, tzinfo=UTC)
    services.context.clock = lambda: moment
    return services


def provision(services: Services, **changes: Any) -> Any:
    return services.provisions.create({**COMPLETE, **changes})


def receipt(services: Services, **changes: Any) -> Any:
    return services.receipts.create({**RECEIPT, **changes})


def findings(
    services: Services, today: date, rule: RuleId, kind: RecordType = RecordType.PROVISION
) -> list[Any]:
    return [f for f in services.checks.findings(today) if f.record_type == kind and f.rule == rule]


def count(services: Services, model: Any) -> int:
    with services.context.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_a_complete_provision_and_receipt_have_no_finding(services: Services) -> None:
    provision(services)
    receipt(services)
    found = [
        f
        for f in services.checks.findings(PROVIDED + 30 * DAY)
        if f.record_type in (RecordType.PROVISION, RecordType.RECEIPT)
    ]
    assert found == []


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"basis": None}, "提供の根拠"),
        ({"basis": "exemption"}, "方針5(1)〜(6)"),
        ({"basis": "opt_out"}, "オプトアウト"),
    ],
    ids=["no-basis", "exemption-unnamed", "opt-out-unnamed"],
)
def test_a_provision_without_a_basis_is_blocking(
    services: Services, changes: dict[str, Any], words: str
) -> None:
    record = provision(services, **changes)
    found = findings(services, PROVIDED, RuleId.PROVISION_BASIS_MISSING)
    assert [(f.severity, f.record_id) for f in found] == [(Severity.BLOCKING, record.id)]
    assert words in found[0].message.ja
    assert found[0].basis.en.startswith("APPI Art. 27")


def test_a_planned_provision_without_a_basis_warns_until_its_day(services: Services) -> None:
    provision(services, basis=None)
    found = findings(services, PROVIDED - DAY, RuleId.PROVISION_BASIS_MISSING)
    assert [(f.severity, f.due) for f in found] == [(Severity.WARNING, PROVIDED)]
    assert findings(services, PROVIDED, RuleId.PROVISION_BASIS_MISSING)[0].severity is Severity.BLOCKING


def test_an_exemption_naming_its_clause_is_a_basis(services: Services) -> None:
    provision(services, basis="exemption", exemption="laws_and_emergencies")
    assert findings(services, PROVIDED, RuleId.PROVISION_BASIS_MISSING) == []


@pytest.mark.parametrize(
    ("field", "label"),
    [
        ("recipient_address", "提供先の住所"),
        ("recipient_representative", "提供先の代表者の氏名"),
        ("persons", "本人"),
        ("pi_items", "個人データの項目"),
        ("method", "提供の方法"),
    ],
)
def test_each_missing_item_is_blocking_and_named(services: Services, field: str, label: str) -> None:
    provision(services, **{field: [] if field == "pi_items" else None})
    found = findings(services, PROVIDED, RuleId.PROVISION_ITEM_MISSING)
    assert [f.severity for f in found] == [Severity.BLOCKING]
    assert label in found[0].message.ja


def test_address_and_representative_are_needed_only_for_a_corporation(services: Services) -> None:
    provision(services, recipient_is_corporation=False, recipient_address=None, recipient_representative=None)
    assert findings(services, PROVIDED, RuleId.PROVISION_ITEM_MISSING) == []


# Each-time record of 2026-04-01: kept 3 years, until 2029-03-31; a contract record 1 year, until 2027-03-31.
@pytest.mark.parametrize(
    ("form", "end"),
    [("each_time", date(2029, 3, 31)), (CONTRACT_FORM, date(2027, 3, 31))],
    ids=["three-years", "one-year"],
)
@pytest.mark.parametrize("offset", [-1, 0, 1], ids=["day-before-end", "on-end", "day-after-end"])
def test_retention_ended_from_the_day_after_the_end(
    services: Services, form: str, end: date, offset: int
) -> None:
    provision(services, record_form=form)
    receipt(services, record_form=form)
    today = end + offset * DAY
    for rule, kind in (
        (RuleId.PROVISION_RETENTION_ENDED, RecordType.PROVISION),
        (RuleId.RECEIPT_RETENTION_ENDED, RecordType.RECEIPT),
    ):
        found = findings(services, today, rule, kind)
        if offset <= 0:
            assert found == []
        else:
            assert [(f.severity, f.since) for f in found] == [(Severity.WARNING, end + DAY)]
            assert f"{end:%Y-%m-%d}" in found[0].message.ja
            assert "削除" in found[0].message.ja


def test_a_bulk_record_counts_from_the_end_of_its_period(services: Services) -> None:
    provision(
        services,
        provided_on=None,
        period_from=date(2025, 1, 1),
        period_to=PROVIDED,
        record_form="bulk_record",
    )
    assert findings(services, date(2029, 3, 31), RuleId.PROVISION_RETENTION_ENDED) == []
    assert findings(services, date(2029, 4, 1), RuleId.PROVISION_RETENTION_ENDED)
    ongoing = provision(services, provided_on=None, period_from=date(2020, 1, 1), record_form="bulk_record")
    assert ongoing.id not in {
        f.record_id for f in findings(services, date(2099, 1, 1), RuleId.PROVISION_RETENTION_ENDED)
    }


@pytest.mark.parametrize("offset", [-1, 0, 1], ids=["day-before-end", "on-end", "day-after-end"])
def test_deletion_is_refused_until_the_retention_ends_then_audit_logged(
    services: Services, offset: int
) -> None:
    record = provision(services, record_form=CONTRACT_FORM)
    kept = receipt(services, record_form=CONTRACT_FORM)
    at(services, date(2027, 3, 31) + offset * DAY)
    if offset <= 0:
        with pytest.raises(RetentionError) as refused:
            services.provisions.delete(record.id, None)
        assert "2027-03-31" in refused.value.message.ja
        with pytest.raises(RetentionError):
            services.receipts.delete(kept.id, None)
        assert count(services, Provision) == 1
        assert count(services, Receipt) == 1
    else:
        services.provisions.delete(record.id, None)
        services.receipts.delete(kept.id, None)
        assert count(services, Provision) == 0
        assert count(services, Receipt) == 0
        with services.context.read() as session:
            actions = session.execute(
                select(AuditEvent.record_type, AuditEvent.action).where(AuditEvent.action == "delete")
            ).all()
        assert {(str(t), str(a)) for t, a in actions} == {("provision", "delete"), ("receipt", "delete")}


def test_an_ongoing_continuous_provision_cannot_be_deleted(services: Services) -> None:
    record = provision(services, provided_on=None, period_from=date(2010, 1, 1), record_form="bulk_record")
    at(services, date(2099, 1, 1))
    with pytest.raises(RetentionError):
        services.provisions.delete(record.id, None)


def test_a_provision_is_versioned_and_audit_logged(services: Services) -> None:
    record = provision(services)
    updated = services.provisions.update(record.id, {"persons": "2026年4月の会員登録者"}, record.version)
    assert updated.version == record.version + 1
    with services.context.read() as session:
        events = session.scalars(
            select(AuditEvent.action).where(
                AuditEvent.record_type == "provision", AuditEvent.record_id == record.id
            )
        ).all()
    assert [str(e) for e in events] == ["create", "update"]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"provided_on": None}, "provided_on"),
        ({"provided_on": None, "period_from": PROVIDED, "period_to": PROVIDED - DAY}, "period_to"),
        ({"period_from": PROVIDED}, "period_from"),
        ({"exemption": "entrustment"}, "exemption"),
        ({"opt_out_id": 1}, "opt_out_id"),
        ({"basis": "opt_out", "opt_out_id": 999}, "opt_out_id"),
        ({"contractor_id": 999}, "contractor_id"),
        ({"recipient_name": ""}, "recipient_name"),
        ({"method": "fax"}, "method"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(
    services: Services, data: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationError) as error:
        provision(services, **data)
    assert field in error.value.fields
    assert count(services, Provision) == 0


def test_a_provision_to_a_contractor_is_listed_with_it(services: Services) -> None:
    contractor = services.contractors.create({"name": "株式会社さくら"})
    linked = provision(services, contractor_id=contractor.id)
    provision(services, recipient_name="別の会社")
    rows = services.provisions.list(contractor_id=contractor.id)
    assert [(r.id, r.contractor_name) for r in rows] == [(linked.id, "株式会社さくら")]


# --- provisions under opt-out ---


def opt_out_provision(services: Services, opt_out_id: int, **changes: Any) -> Any:
    return provision(services, basis="opt_out", opt_out_id=opt_out_id, **changes)


@pytest.mark.parametrize(
    ("notified", "blocking"),
    [(PROVIDED - DAY, False), (PROVIDED, False), (PROVIDED + DAY, True)],
    ids=["day-before-provision", "on-provision", "day-after-provision"],
)
@pytest.mark.parametrize("which", ["ppc_notified_on", "made_known_on"])
def test_a_provision_under_opt_out_before_its_notification_is_blocking(
    services: Services, which: str, notified: date, blocking: bool
) -> None:
    opt_out = services.opt_outs.create({**OPT_OUT, "start_date": PROVIDED - 10 * DAY, which: notified})
    opt_out_provision(services, opt_out.id)
    found = findings(services, PROVIDED + 10 * DAY, RuleId.PROVISION_OPT_OUT_NOT_NOTIFIED)
    assert [f.severity for f in found] == ([Severity.BLOCKING] if blocking else [])
    if blocking:
        assert found[0].basis.en.startswith("APPI Art. 27(2)")


def test_a_planned_provision_under_an_unnotified_opt_out_warns_until_its_day(services: Services) -> None:
    opt_out = services.opt_outs.create({**OPT_OUT, "ppc_notified_on": None})
    opt_out_provision(services, opt_out.id)
    found = findings(services, PROVIDED - DAY, RuleId.PROVISION_OPT_OUT_NOT_NOTIFIED)
    assert [(f.severity, f.due) for f in found] == [(Severity.WARNING, PROVIDED)]


EFFECTIVE = date(2026, 6, 1)


def stop(services: Services, opt_out_id: int, **changes: Any) -> Any:
    return services.stop_requests.create(
        {
            "opt_out_id": opt_out_id,
            "person": "山田 太郎",
            "person_reference": "M-0002",
            "received_on": EFFECTIVE - 10 * DAY,
            "identity_check": "運転免許証",
            "effective_on": EFFECTIVE,
            **changes,
        }
    )


@pytest.mark.parametrize(
    ("provided", "blocking"),
    [(EFFECTIVE - DAY, False), (EFFECTIVE, True), (EFFECTIVE + DAY, True)],
    ids=["day-before-effective", "on-effective", "day-after-effective"],
)
def test_a_provision_on_or_after_a_stop_request_is_blocking(
    services: Services, provided: date, blocking: bool
) -> None:
    opt_out = services.opt_outs.create(OPT_OUT)
    stop(services, opt_out.id)
    record = opt_out_provision(services, opt_out.id, provided_on=provided)
    found = findings(services, EFFECTIVE + 30 * DAY, RuleId.PROVISION_AFTER_STOP_REQUEST)
    if blocking:
        assert [(f.severity, f.record_id, f.since) for f in found] == [
            (Severity.BLOCKING, record.id, provided)
        ]
        assert "山田 太郎" in found[0].message.ja
    else:
        assert found == []


@pytest.mark.parametrize(
    ("stop_fields", "matches"),
    [
        ({"person_reference": "m-0002"}, True),  # the reference, as written in another case
        ({"person_reference": None, "person": "M-0001"}, True),
        ({"person_reference": "M-9999", "person": "佐藤 花子"}, False),
    ],
    ids=["reference", "person", "someone-else"],
)
def test_the_person_is_matched_by_a_line_of_the_person_references(
    services: Services, stop_fields: dict[str, Any], matches: bool
) -> None:
    opt_out = services.opt_outs.create(OPT_OUT)
    stop(services, opt_out.id, **stop_fields)
    opt_out_provision(services, opt_out.id, provided_on=EFFECTIVE + DAY)
    assert bool(findings(services, EFFECTIVE + 30 * DAY, RuleId.PROVISION_AFTER_STOP_REQUEST)) is matches


def test_a_stop_request_under_another_opt_out_or_a_consent_provision_does_not_count(
    services: Services,
) -> None:
    opt_out = services.opt_outs.create(OPT_OUT)
    other = services.opt_outs.create({**OPT_OUT, "title": "別の提供"})
    stop(services, other.id)
    opt_out_provision(services, opt_out.id, provided_on=EFFECTIVE + DAY)
    provision(services, provided_on=EFFECTIVE + DAY)  # by consent
    assert findings(services, EFFECTIVE + 30 * DAY, RuleId.PROVISION_AFTER_STOP_REQUEST) == []


@pytest.mark.parametrize(
    ("today", "severity"),
    [(EFFECTIVE - DAY, Severity.WARNING), (EFFECTIVE, Severity.BLOCKING)],
    ids=["day-before-effective", "on-effective"],
)
def test_a_continuous_provision_going_on_past_a_stop_warns_until_the_stop_takes_effect(
    services: Services, today: date, severity: Severity
) -> None:
    opt_out = services.opt_outs.create(OPT_OUT)
    stop(services, opt_out.id)
    opt_out_provision(services, opt_out.id, provided_on=None, period_from=PROVIDED, record_form="bulk_record")
    found = findings(services, today, RuleId.PROVISION_AFTER_STOP_REQUEST)
    assert [f.severity for f in found] == [severity]
    if severity is Severity.WARNING:
        assert found[0].due == EFFECTIVE


def test_special_care_items_provided_under_opt_out_are_blocking(services: Services) -> None:
    opt_out = services.opt_outs.create(OPT_OUT)
    record = opt_out_provision(services, opt_out.id, pi_items=["氏名", "病歴"])
    provision(services, pi_items=["氏名", "病歴"])  # by consent: allowed
    found = findings(services, PROVIDED, RuleId.PROVISION_SPECIAL_CARE_BY_OPT_OUT)
    assert [(f.severity, f.record_id) for f in found] == [(Severity.BLOCKING, record.id)]
    assert "病歴" in found[0].message.ja


# --- receipts ---


@pytest.mark.parametrize("field", ["acquisition_confirmation", "confirmed_on", "confirmation_method"])
def test_a_receipt_without_the_confirmation_is_blocking(services: Services, field: str) -> None:
    receipt(services, **{field: None})
    found = findings(services, PROVIDED, RuleId.RECEIPT_CONFIRMATION_MISSING, RecordType.RECEIPT)
    assert [f.severity for f in found] == [Severity.BLOCKING]
    assert found[0].basis.en.startswith("APPI Art. 30(1)")


@pytest.mark.parametrize(
    ("confirmed", "blocking"),
    [(PROVIDED - DAY, False), (PROVIDED, False), (PROVIDED + DAY, True)],
    ids=["day-before-receipt", "on-receipt", "day-after-receipt"],
)
def test_the_confirmation_is_made_by_the_receipt(services: Services, confirmed: date, blocking: bool) -> None:
    receipt(services, confirmed_on=confirmed)
    found = findings(services, PROVIDED + 10 * DAY, RuleId.RECEIPT_CONFIRMATION_MISSING, RecordType.RECEIPT)
    assert [f.severity for f in found] == ([Severity.BLOCKING] if blocking else [])


def test_a_planned_receipt_without_the_confirmation_warns_until_its_day(services: Services) -> None:
    receipt(services, acquisition_confirmation=None)
    found = findings(services, PROVIDED - DAY, RuleId.RECEIPT_CONFIRMATION_MISSING, RecordType.RECEIPT)
    assert [(f.severity, f.due) for f in found] == [(Severity.WARNING, PROVIDED)]


@pytest.mark.parametrize("field", ["provider_address", "provider_representative", "persons", "pi_items"])
def test_each_missing_receipt_item_is_blocking(services: Services, field: str) -> None:
    receipt(services, **{field: [] if field == "pi_items" else None})
    found = findings(services, PROVIDED, RuleId.RECEIPT_ITEM_MISSING, RecordType.RECEIPT)
    assert [f.severity for f in found] == [Severity.BLOCKING]


def test_a_receipt_without_its_date_names_the_field_and_writes_nothing(services: Services) -> None:
    with pytest.raises(ValidationError) as error:
        receipt(services, received_on=None)
    assert "received_on" in error.value.fields
    assert count(services, Receipt) == 0


def test_a_contractor_or_opt_out_with_provisions_is_not_deleted(services: Services) -> None:
    from desktop.domain.errors import DependencyError

    contractor = services.contractors.create({"name": "株式会社さくら"})
    opt_out = services.opt_outs.create(OPT_OUT)
    provision(services, contractor_id=contractor.id)
    opt_out_provision(services, opt_out.id)
    with pytest.raises(DependencyError) as refused:
        services.contractors.delete(contractor.id, None)
    assert "第三者提供記録" in refused.value.message.ja
    with pytest.raises(DependencyError) as refused:
        services.opt_outs.delete(opt_out.id, None)
    assert "第三者提供記録" in refused.value.message.ja
    assert count(services, Provision) == 2


def test_a_planned_provision_lacking_its_basis_is_a_deadline_on_the_dashboard(services: Services) -> None:
    record = provision(services, basis=None)
    due = [d for d in services.checks.deadlines(PROVIDED - 10 * DAY) if d.record_type == RecordType.PROVISION]
    assert [(d.due, d.record_id, d.kind) for d in due] == [(PROVIDED, record.id, "record_owed")]
    assert [
        d for d in services.checks.deadlines(PROVIDED + DAY) if d.record_type == RecordType.PROVISION
    ] == []
