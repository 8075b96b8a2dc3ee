"""The joint-use rules on facts alone: what owes a deadline and what does not (the boundaries of each rule are
tested through the services in tests/services/test_joint_use_rules.py)."""

from __future__ import annotations

from datetime import date, timedelta

from desktop.domain.enums import JointUseChangeBasis, JointUseChangeField, Severity
from desktop.domain.facts import ComplianceFacts, JointUseChangeFacts, JointUseFacts
from desktop.domain.kinds import RuleId
from desktop.domain.rules import RULE_INFO, evaluate, upcoming_deadlines

D = date(2026, 11, 25)
DAY = timedelta(days=1)


def joint_use(**changes) -> JointUseFacts:
    values = dict(
        id=60,
        title="共同利用",
        start_date=date(2025, 4, 1),
        end_date=None,
        notice_published_on=date(2025, 3, 1),
        has_statement=True,
        has_pi_items=True,
        has_scope=True,
        has_purposes=True,
        has_responsible_name=True,
        has_responsible_address=True,
        responsible_is_corporation=True,
        has_responsible_representative=True,
        has_acquisition_method=True,
    )
    values.update(changes)
    return JointUseFacts(**values)


def change(field: str, changed_on: date, noticed_on: date | None = None, **values) -> JointUseChangeFacts:
    return JointUseChangeFacts(70, 60, field, changed_on, noticed_on, **values)


def test_only_items_and_scope_need_a_basis():
    assert {field for field in JointUseChangeField if field.needs_basis} == {
        JointUseChangeField.PI_ITEMS,
        JointUseChangeField.SCOPE,
    }


def test_a_change_of_other_things_owes_nothing():
    facts = ComplianceFacts(joint_uses=(joint_use(),), joint_use_changes=(change("other", D + DAY),))
    assert evaluate(facts, D) == []
    assert upcoming_deadlines(facts, D) == []


def test_a_change_of_items_owes_a_basis_not_a_notice():
    facts = ComplianceFacts(joint_uses=(joint_use(),), joint_use_changes=(change("pi_items", D + 10 * DAY),))
    assert [(d.kind, d.due) for d in upcoming_deadlines(facts, D)] == [("basis_owed", D + 10 * DAY)]
    (finding,) = evaluate(facts, D)
    assert (finding.rule, finding.severity) == (RuleId.JOINT_USE_CHANGE_WITHOUT_BASIS, Severity.WARNING)


def test_a_basis_without_its_reason_is_no_basis():
    bare = change("scope", D - DAY, basis=JointUseChangeBasis.CONSENT.value, has_basis_reason=False)
    (finding,) = evaluate(ComplianceFacts(joint_uses=(joint_use(),), joint_use_changes=(bare,)), D)
    assert (finding.rule, finding.severity) == (RuleId.JOINT_USE_CHANGE_WITHOUT_BASIS, Severity.BLOCKING)
    assert "説明がありません" in finding.message.ja
    whole = change("scope", D - DAY, basis=JointUseChangeBasis.CONSENT.value, has_basis_reason=True)
    assert evaluate(ComplianceFacts(joint_uses=(joint_use(),), joint_use_changes=(whole,)), D) == []


def test_an_ended_joint_use_owes_no_deadline():
    ended = joint_use(end_date=D - DAY, notice_published_on=None, start_date=D + DAY)
    facts = ComplianceFacts(joint_uses=(ended,), joint_use_changes=(change("purpose", D + DAY),))
    assert evaluate(facts, D) == []
    assert upcoming_deadlines(facts, D) == []


def test_the_new_rule_cites_article_27_and_the_guideline():
    basis = RULE_INFO[RuleId.JOINT_USE_CHANGE_WITHOUT_BASIS].basis
    assert basis.en == "APPI Art. 27(5)(iii), (6); PPC Guidelines (General) 3-6-3"
    assert basis.ja == "個人情報保護法第27条第5項第3号・第6項、ガイドライン（通則編）3-6-3"
