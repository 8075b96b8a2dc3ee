"""Each rule at its boundaries: the day before, of and after the date it turns on."""

from dataclasses import replace
from datetime import date, timedelta

import pytest

from desktop.domain.clauses import CLAUSES, REQUIRED_CLAUSES
from desktop.domain.enums import Severity
from desktop.domain.facts import (
    ComplianceFacts,
    ConsentHopFacts,
    ContractFacts,
    ContractorFacts,
    EngagementFacts,
    EvaluationFacts,
    JointUseChangeFacts,
    JointUseFacts,
    RedelegationFacts,
)
from desktop.domain.rules import (
    RULE_IDS,
    Finding,
    RuleSettings,
    add_months,
    contract_cover,
    evaluate,
    term_end,
    upcoming_deadlines,
)
from desktop.domain.schema import JOINT_USE

D = date(2026, 6, 1)
DAY = timedelta(days=1)
ALL_CLAUSES = tuple(clause.code for clause in CLAUSES)

CONTRACTOR = ContractorFacts(1, "株式会社さくら", "corporation", "JP", "active", True, date(2026, 2, 1))
EVALUATION = EvaluationFacts(10, 1, date(2026, 1, 10), "pass", "full", date(2027, 1, 10))
NDA = ContractFacts(
    20, 1, "nda", "機密保持契約書", date(2024, 1, 1), None, False, None, REQUIRED_CLAUSES["nda"]
)
# The classic pair: the NDA binds to confidentiality, the outsourcing contract carries the other PI clauses.
OUTSOURCING = ContractFacts(
    21,
    1,
    "outsourcing",
    "業務委託契約書",
    date(2024, 1, 1),
    None,
    False,
    None,
    tuple(c for c in ALL_CLAUSES if c != "confidentiality"),
)
COMPLIANT = ComplianceFacts(
    contractors=(CONTRACTOR,), evaluations=(EVALUATION,), contracts=(NDA, OUTSOURCING)
)


def rules(facts: ComplianceFacts, today: date, settings: RuleSettings | None = None) -> dict[str, Severity]:
    return {f.rule: f.severity for f in evaluate(facts, today, settings)}


def test_a_compliant_contractor_has_no_findings():
    assert evaluate(COMPLIANT, D) == []


def test_rule_ids_are_unique_and_documented():
    assert len(RULE_IDS) == len(set(RULE_IDS))


def test_a_candidate_owes_no_evaluation_or_nda():
    facts = ComplianceFacts(contractors=(replace(CONTRACTOR, status="candidate", start_date=None),))
    assert evaluate(facts, D) == []


def test_a_suspended_contractor_owes_what_an_active_one_owes():
    facts = ComplianceFacts(contractors=(replace(CONTRACTOR, status="suspended"),))
    assert rules(facts, D) == rules(ComplianceFacts(contractors=(CONTRACTOR,)), D) != {}


def test_active_contractor_without_evaluation_is_blocking():
    facts = replace(COMPLIANT, evaluations=())
    assert rules(facts, D)["evaluation.missing"] is Severity.BLOCKING


def test_contractor_handling_no_pi_needs_no_evaluation():
    facts = ComplianceFacts(contractors=(replace(CONTRACTOR, handles_pi=False),))
    assert evaluate(facts, D) == []


def test_latest_evaluation_counts():
    failed_old = EvaluationFacts(9, 1, date(2025, 1, 10), "fail", "full", date(2026, 1, 10))
    assert "evaluation.failed" not in rules(replace(COMPLIANT, evaluations=(failed_old, EVALUATION)), D)
    failed_new = replace(failed_old, evaluated_on=date(2026, 2, 1), next_due_on=date(2027, 2, 1))
    assert (
        rules(replace(COMPLIANT, evaluations=(EVALUATION, failed_new)), D)["evaluation.failed"]
        is Severity.BLOCKING
    )


def test_conditional_pass_is_a_warning_to_follow_up():
    facts = replace(COMPLIANT, evaluations=(replace(EVALUATION, result="conditional"),))
    assert rules(facts, D) == {"evaluation.conditional": Severity.WARNING}


def test_evaluation_due_boundaries():
    due = EVALUATION.next_due_on
    assert "evaluation.overdue" not in rules(COMPLIANT, due - timedelta(days=31))
    assert rules(COMPLIANT, due - timedelta(days=30))["evaluation.overdue"] is Severity.WARNING
    assert rules(COMPLIANT, due)["evaluation.overdue"] is Severity.WARNING
    assert rules(COMPLIANT, due + DAY)["evaluation.overdue"] is Severity.BLOCKING


def test_evaluation_warning_period_comes_from_settings():
    due = EVALUATION.next_due_on
    assert "evaluation.overdue" not in rules(
        COMPLIANT, due - timedelta(days=10), RuleSettings(evaluation_warning_days=9)
    )
    assert "evaluation.overdue" in rules(
        COMPLIANT, due - timedelta(days=9), RuleSettings(evaluation_warning_days=9)
    )


def test_certificate_relied_on_expiry_boundaries():
    expiry = date(2026, 9, 30)
    contractor = replace(CONTRACTOR, privacy_mark_expiry=expiry)
    evaluation = replace(EVALUATION, route="privacy_mark")
    facts = replace(COMPLIANT, contractors=(contractor,), evaluations=(evaluation,))
    assert "evaluation.certificate_expired" not in rules(facts, expiry - timedelta(days=31))
    assert rules(facts, expiry - timedelta(days=30))["evaluation.certificate_expired"] is Severity.WARNING
    assert rules(facts, expiry)["evaluation.certificate_expired"] is Severity.WARNING
    assert rules(facts, expiry + DAY)["evaluation.certificate_expired"] is Severity.BLOCKING
    # A full evaluation did not rely on the certificate.
    assert "evaluation.certificate_expired" not in rules(
        replace(facts, evaluations=(EVALUATION,)), expiry + DAY
    )


def test_nda_expiry_boundaries_and_warning():
    expiry = date(2026, 7, 31)
    nda = replace(NDA, expires_on=expiry)
    facts = replace(COMPLIANT, contracts=(nda, OUTSOURCING))
    assert rules(facts, expiry - timedelta(days=61)) == {}
    assert rules(facts, expiry - timedelta(days=60)) == {"contract.expiring": Severity.WARNING}
    assert rules(facts, expiry) == {"contract.expiring": Severity.WARNING}
    assert rules(facts, expiry + DAY)["contract.nda_missing"] is Severity.BLOCKING


def test_auto_renewing_nda_stays_in_force_and_does_not_warn():
    nda = replace(NDA, expires_on=date(2025, 3, 31), auto_renewal=True, renewal_term_months=12)
    facts = replace(COMPLIANT, contracts=(nda, OUTSOURCING))
    assert rules(facts, D) == {}
    assert term_end(nda, D) == date(2027, 3, 31)
    assert term_end(nda, date(2027, 3, 31)) == date(2027, 3, 31)
    assert term_end(nda, date(2027, 4, 1)) == date(2028, 3, 31)


def test_nda_not_yet_effective_does_not_count():
    nda = replace(NDA, effective_from=D + DAY)
    assert (
        rules(replace(COMPLIANT, contracts=(nda, OUTSOURCING)), D)["contract.nda_missing"]
        is Severity.BLOCKING
    )
    assert "contract.nda_missing" not in rules(replace(COMPLIANT, contracts=(nda, OUTSOURCING)), D + DAY)


def test_missing_pi_clauses_fire_on_the_contract_and_on_the_contractor():
    lacking = replace(OUTSOURCING, clauses=tuple(c for c in ALL_CLAUSES if c != "compliance_audit"))
    found = evaluate(replace(COMPLIANT, contracts=(NDA, lacking)), D)
    by_rule = {f.rule: f for f in found}
    assert by_rule["contract.clauses_missing"].record_type == "contract"
    assert by_rule["contract.pi_clauses_not_in_force"].severity is Severity.BLOCKING
    assert "契約内容の遵守状況を確認する権利" in by_rule["contract.pi_clauses_not_in_force"].message.ja


def test_a_contract_with_the_confidentiality_clause_is_the_nda_whatever_its_kind():
    """Issue 12: an outsourcing contract with a confidentiality article, or a 覚書, satisfies the NDA duty."""
    for kind in ("outsourcing", "data_processing"):
        alone = replace(OUTSOURCING, kind=kind, clauses=ALL_CLAUSES)
        assert evaluate(replace(COMPLIANT, contracts=(alone,)), D) == []


def test_a_contract_without_the_confidentiality_clause_does_not_stand_for_an_nda():
    found = rules(replace(COMPLIANT, contracts=(OUTSOURCING,)), D)
    assert found["contract.nda_missing"] is Severity.BLOCKING
    assert found["contract.pi_clauses_not_in_force"] is Severity.BLOCKING


def test_an_nda_carries_confidentiality_even_when_the_clause_is_not_ticked():
    unticked = replace(NDA, clauses=tuple(c for c in REQUIRED_CLAUSES["nda"] if c != "confidentiality"))
    assert evaluate(replace(COMPLIANT, contracts=(unticked, OUTSOURCING)), D) == []


def test_a_contractor_handling_no_pi_may_have_a_plain_nda_without_any_finding():
    plain = replace(NDA, clauses=())
    for status in ("active", "candidate", "suspended"):
        contractor = replace(CONTRACTOR, handles_pi=False, status=status)
        facts = ComplianceFacts(contractors=(contractor,), contracts=(plain,))
        assert evaluate(facts, D) == []
        assert evaluate(ComplianceFacts(contractors=(contractor,)), D) == []


def test_clauses_spread_over_contracts_in_force_are_missing_from_neither():
    confidentiality_only = replace(NDA, clauses=("confidentiality",))
    assert evaluate(replace(COMPLIANT, contracts=(confidentiality_only, OUTSOURCING)), D) == []
    # Once the outsourcing contract has ended, the NDA alone lacks what its kind needs.
    ended = replace(OUTSOURCING, expires_on=D - DAY)
    found = rules(replace(COMPLIANT, contracts=(confidentiality_only, ended)), D)
    assert found["contract.clauses_missing"] is Severity.WARNING
    assert found["contract.pi_clauses_not_in_force"] is Severity.BLOCKING
    assert "contract.nda_missing" not in found


def test_contract_cover_names_the_contracts_carrying_each_duty():
    cover = contract_cover((NDA, OUTSOURCING), D)
    assert [c.id for c in cover.confidentiality] == [NDA.id]
    carriers = {code: [c.id for c in contracts] for code, contracts in cover.clauses}
    assert carriers["confidentiality"] == [NDA.id]
    assert carriers["purpose_limitation"] == [NDA.id, OUTSOURCING.id]
    assert carriers["compliance_audit"] == [OUTSOURCING.id]
    assert cover.missing == ()
    later = contract_cover((NDA, replace(OUTSOURCING, effective_from=D + DAY)), D)
    assert "compliance_audit" in later.missing and later.has_confidentiality


def test_ended_contractor_needs_confirmed_return_or_destruction():
    ended = replace(CONTRACTOR, status="ended", end_date=date(2026, 3, 31))
    assert rules(ComplianceFacts(contractors=(ended,)), D) == {
        "contractor.disposal_unconfirmed": Severity.BLOCKING
    }
    confirmed = replace(ended, disposition_date=date(2026, 4, 10))
    assert rules(ComplianceFacts(contractors=(confirmed,)), D) == {}


def test_foreign_contractor_needs_the_regime_check():
    foreign = replace(CONTRACTOR, kind="foreign_corporation", country="US")
    facts = replace(COMPLIANT, contractors=(foreign,))
    assert rules(facts, D) == {"contractor.foreign_regime_missing": Severity.BLOCKING}
    assert rules(replace(facts, contractors=(replace(foreign, has_foreign_regime_note=True),)), D) == {}


ENGAGEMENT = EngagementFacts(
    30, "東邦生命保険株式会社", False, "株式会社あおぞら生活", date(2026, 5, 1), None, "active"
)


def test_engagement_consent_must_be_dated_on_or_before_the_start():
    def hop(day: date) -> ConsentHopFacts:
        return ConsentHopFacts(40, 30, None, day, "original", "client", "us")

    base = ComplianceFacts(engagements=(ENGAGEMENT,))
    assert rules(base, D) == {"engagement.consent_missing": Severity.BLOCKING}
    assert rules(replace(base, consent_hops=(hop(ENGAGEMENT.start_date - DAY),)), D) == {}
    assert rules(replace(base, consent_hops=(hop(ENGAGEMENT.start_date),)), D) == {}
    late = evaluate(replace(base, consent_hops=(hop(ENGAGEMENT.start_date + DAY),)), D)
    assert [f.rule for f in late] == ["engagement.consent_missing"]
    assert "より後" in late[0].message.ja


def test_engagement_with_the_original_business_needs_no_consent_hop():
    original = replace(ENGAGEMENT, client_is_original=True, original_business_name=None)
    assert evaluate(ComplianceFacts(engagements=(original,)), D) == []


def test_redelegation_consent_boundaries_and_non_compliant_contractor():
    original = replace(ENGAGEMENT, client_is_original=True)
    redelegation = RedelegationFacts(50, 30, 1, date(2026, 5, 15), None)
    base = replace(COMPLIANT, engagements=(original,), redelegations=(redelegation,))
    assert rules(base, D) == {"redelegation.consent_missing": Severity.BLOCKING}
    on_time = ConsentHopFacts(41, 30, 50, redelegation.start_date, "client", "us", "redelegation:50")
    assert rules(replace(base, consent_hops=(on_time,)), D) == {}
    late = replace(on_time, consented_on=redelegation.start_date + DAY)
    assert rules(replace(base, consent_hops=(late,)), D) == {
        "redelegation.consent_missing": Severity.BLOCKING
    }
    broken = replace(base, consent_hops=(on_time,), evaluations=())
    assert rules(broken, D)["redelegation.contractor_not_compliant"] is Severity.BLOCKING


def joint_use(**changes) -> JointUseFacts:
    base = JointUseFacts(
        60,
        "グループ共同利用",
        date(2026, 4, 1),
        None,
        date(2026, 3, 1),
        True,
        True,
        True,
        True,
        True,
        True,
        True,
        True,
        True,
    )
    return replace(base, **changes)


def test_joint_use_complete_and_published_in_advance_has_no_findings():
    assert evaluate(ComplianceFacts(joint_uses=(joint_use(),)), D) == []


@pytest.mark.parametrize(
    ("missing", "severity"),
    [
        ("has_statement", Severity.BLOCKING),
        ("has_pi_items", Severity.BLOCKING),
        ("has_scope", Severity.BLOCKING),
        ("has_purposes", Severity.BLOCKING),
        ("has_responsible_name", Severity.BLOCKING),
        ("has_responsible_address", Severity.BLOCKING),
        ("has_responsible_representative", Severity.BLOCKING),
        ("has_acquisition_method", Severity.WARNING),
    ],
)
def test_joint_use_each_missing_item(missing, severity):
    found = evaluate(ComplianceFacts(joint_uses=(joint_use(**{missing: False}),)), D)
    assert [(f.rule, f.severity) for f in found] == [("joint_use.item_missing", severity)]


def test_item_six_says_it_is_a_policy_promise_not_the_act():
    found = evaluate(ComplianceFacts(joint_uses=(joint_use(has_acquisition_method=False),)), D)
    assert "方針" in found[0].message.ja and "not an item of the Act" in found[0].message.en


def test_representative_only_required_for_a_corporation():
    person = joint_use(responsible_is_corporation=False, has_responsible_representative=False)
    assert evaluate(ComplianceFacts(joint_uses=(person,)), D) == []


def test_joint_use_notice_must_precede_the_start():
    start = date(2026, 4, 1)
    assert rules(ComplianceFacts(joint_uses=(joint_use(notice_published_on=start),)), D) == {}
    late = ComplianceFacts(joint_uses=(joint_use(notice_published_on=start + DAY),))
    assert rules(late, D) == {"joint_use.notice_late": Severity.BLOCKING}
    assert rules(ComplianceFacts(joint_uses=(joint_use(notice_published_on=None),)), D) == {
        "joint_use.notice_late": Severity.BLOCKING
    }


def test_change_of_purpose_must_be_noticed_in_advance():
    changed = date(2026, 5, 1)

    def facts(noticed):
        return ComplianceFacts(
            joint_uses=(joint_use(),),
            joint_use_changes=(JointUseChangeFacts(70, 60, "purpose", changed, noticed),),
        )

    assert rules(facts(changed - DAY), D) == {}
    assert rules(facts(changed), D) == {}
    assert rules(facts(changed + DAY), D) == {"joint_use.change_without_advance_notice": Severity.BLOCKING}
    assert rules(facts(None), D) == {"joint_use.change_without_advance_notice": Severity.BLOCKING}


def test_change_of_responsible_address_must_be_noticed_soon_after():
    changed = date(2026, 5, 1)
    due = changed + timedelta(days=30)

    def facts(noticed):
        return ComplianceFacts(
            joint_uses=(joint_use(),),
            joint_use_changes=(JointUseChangeFacts(71, 60, "responsible_address", changed, noticed),),
        )

    assert rules(facts(None), due - DAY) == {"joint_use.change_notice_overdue": Severity.WARNING}
    assert rules(facts(None), due) == {"joint_use.change_notice_overdue": Severity.WARNING}
    assert rules(facts(None), due + DAY) == {"joint_use.change_notice_overdue": Severity.BLOCKING}
    assert rules(facts(due), due + DAY) == {}
    assert rules(facts(due + DAY), due + DAY) == {"joint_use.change_notice_overdue": Severity.WARNING}


def test_ended_joint_use_is_history():
    ended = joint_use(has_purposes=False, end_date=D - DAY)
    assert evaluate(ComplianceFacts(joint_uses=(ended,)), D) == []


def test_findings_are_sorted_blocking_first_then_by_due_date():
    facts = replace(
        COMPLIANT, evaluations=(replace(EVALUATION, result="conditional"),), engagements=(ENGAGEMENT,)
    )
    found = evaluate(facts, D)
    assert [f.severity for f in found] == [Severity.BLOCKING, Severity.WARNING]


def test_deadlines_within_the_horizon_in_date_order():
    nda = replace(NDA, expires_on=D + timedelta(days=45))
    facts = replace(
        COMPLIANT,
        contracts=(nda, OUTSOURCING),
        evaluations=(replace(EVALUATION, next_due_on=D + timedelta(days=20)),),
    )
    deadlines = upcoming_deadlines(facts, D, 90)
    assert [(d.kind, d.due) for d in deadlines] == [
        ("evaluation_due", D + timedelta(days=20)),
        ("contract_expiry", D + timedelta(days=45)),
    ]
    assert upcoming_deadlines(facts, D, 19) == []


def test_add_months_clamps_to_the_end_of_the_month():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)


def only(facts: ComplianceFacts, today: date, rule: str) -> Finding:
    (found,) = [f for f in evaluate(facts, today) if f.rule == rule]
    return found


def test_a_finding_says_since_when_and_by_when_apart():
    """発生日 (since): when what the rule finds began; 期限 (due): by when it must be put right, if ever."""
    missing = only(replace(COMPLIANT, evaluations=()), D, "evaluation.missing")
    assert (missing.since, missing.due) == (CONTRACTOR.start_date, None)
    due = EVALUATION.next_due_on
    soon = only(COMPLIANT, due - timedelta(days=10), "evaluation.overdue")
    assert (soon.severity, soon.since, soon.due) == (Severity.WARNING, due - timedelta(days=30), due)
    late = only(COMPLIANT, due + DAY, "evaluation.overdue")
    assert (late.severity, late.since, late.due) == (Severity.BLOCKING, due, due)
    conditional = replace(EVALUATION, result="conditional")
    follow_up = only(replace(COMPLIANT, evaluations=(conditional,)), D, "evaluation.conditional")
    assert (follow_up.since, follow_up.due) == (EVALUATION.evaluated_on, EVALUATION.next_due_on)
    changed = date(2026, 5, 1)
    owed = only(
        ComplianceFacts(
            joint_uses=(joint_use(),),
            joint_use_changes=(JointUseChangeFacts(71, 60, "responsible_address", changed, None),),
        ),
        D,
        "joint_use.change_notice_overdue",
    )
    assert (owed.since, owed.due) == (changed, changed + timedelta(days=30))


def test_a_finding_in_json_keeps_due_and_adds_since():
    finding = only(COMPLIANT, EVALUATION.next_due_on + DAY, "evaluation.overdue")
    data = finding.to_json()
    assert data["due"] == data["since"] == EVALUATION.next_due_on.isoformat()
    assert Finding.from_json(data) == finding


@pytest.mark.parametrize(
    ("missing", "field"),
    [
        ("has_statement", "joint_use_statement"),
        ("has_pi_items", "pi_items"),
        ("has_scope", "scope"),
        ("has_purposes", "purposes"),
        ("has_responsible_name", "responsible_name"),
        ("has_responsible_address", "responsible_address"),
        ("has_responsible_representative", "responsible_representative"),
        ("has_acquisition_method", "acquisition_method"),
    ],
)
def test_a_missing_joint_use_item_is_named_as_the_form_names_it(missing, field):
    """One wording of ①–⑥ (desktop/domain/joint_use_items.py): the finding quotes the form's field label."""
    (finding,) = evaluate(ComplianceFacts(joint_uses=(joint_use(**{missing: False}),)), D)
    label = JOINT_USE.field(field)
    assert f"「{label.ja}」" in finding.message.ja
    assert label.en in finding.message.en


def test_every_rule_names_its_basis_and_findings_carry_it():
    """Issue 12: every finding cites its article, guideline or policy clause."""
    from desktop.domain.errors import Message
    from desktop.domain.kinds import RecordType, RuleId
    from desktop.domain.rules import RULE_INFO, RULES

    assert {info.rule for info in RULES} == set(RULE_INFO)
    for info in RULES:
        assert info.basis.ja.strip() and info.basis.en.strip(), info.rule
    finding = Finding(
        RuleId.JOINT_USE_NOTICE_LATE,
        Severity.BLOCKING,
        RecordType.JOINT_USE,
        1,
        "x",
        Message("a", "b"),
    )
    assert finding.basis == RULE_INFO[RuleId.JOINT_USE_NOTICE_LATE].basis
    assert "27(5)(iii)" in finding.to_json()["basis"]
