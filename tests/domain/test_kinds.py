"""The enums name exactly the record kinds and rules the rest of the code knows."""

from desktop.domain.kinds import RecordType, RuleId
from desktop.domain.rules import RULE_IDS
from desktop.domain.schema import SCHEMAS


def test_every_rule_is_a_rule_id_and_back():
    assert set(RULE_IDS) == {rule.value for rule in RuleId}


def test_every_schema_names_a_record_type():
    assert {RecordType(name) for name in SCHEMAS} <= set(RecordType)


def test_a_rule_topic_is_the_part_before_the_dot():
    assert RuleId.REDELEGATION_CONSENT_MISSING.topic == "redelegation"
    assert RuleId.JOINT_USE_CHANGE_NOTICE_OVERDUE.topic == "joint_use"
