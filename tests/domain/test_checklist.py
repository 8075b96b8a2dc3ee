import pytest

from desktop.domain.checklist import (
    DEFAULT_TEMPLATE,
    Thresholds,
    items_for_route,
    score_evaluation,
    template_from_dicts,
)
from desktop.domain.enums import EvaluationResult
from desktop.domain.errors import ValidationError

FULL = items_for_route(DEFAULT_TEMPLATE, "full")


def scores(default: int, **overrides: int) -> dict[str, int]:
    return {item.code: overrides.get(item.code, default) for item in FULL}


def test_template_has_about_twenty_items_in_every_group_with_mandatory_ones():
    assert 18 <= len(DEFAULT_TEMPLATE) <= 25
    assert {item.group for item in DEFAULT_TEMPLATE} == {
        "organisational",
        "personnel",
        "physical",
        "technical",
        "certificate",
        "incident",
        "redelegation",
    }
    assert {"org_officer", "per_nda"} <= {item.code for item in DEFAULT_TEMPLATE if item.mandatory}


def test_result_follows_the_thresholds():
    full_marks = score_evaluation(FULL, scores(2), Thresholds(80, 60))
    assert (full_marks.total, full_marks.maximum, full_marks.result) == (40, 40, EvaluationResult.PASS)
    # 16 optional items at 1 and 4 mandatory at 2 → 24 / 40 = 60 %: exactly the conditional threshold.
    sixty = {item.code: 2 if item.mandatory else 1 for item in FULL}
    assert score_evaluation(FULL, sixty, Thresholds(80, 60)).result is EvaluationResult.CONDITIONAL
    assert score_evaluation(FULL, sixty, Thresholds(80, 61)).result is EvaluationResult.FAIL
    assert score_evaluation(FULL, sixty, Thresholds(60, 50)).result is EvaluationResult.PASS


def test_a_failed_mandatory_item_fails_whatever_the_score():
    score = score_evaluation(FULL, scores(2, org_officer=0), Thresholds(80, 60))
    assert score.total == 38 and score.result is EvaluationResult.FAIL
    assert score.failed_mandatory == ("org_officer",)


def test_simplified_route_asks_only_the_simplified_items():
    simplified = items_for_route(DEFAULT_TEMPLATE, "privacy_mark")
    assert 0 < len(simplified) < len(FULL) and all(item.simplified for item in simplified)


def test_missing_or_out_of_range_scores_are_errors_per_item():
    bad = scores(2)
    del bad["tec_auth"]
    bad["tec_access"] = 3
    bad["unknown"] = 1
    with pytest.raises(ValidationError) as caught:
        score_evaluation(FULL, bad, Thresholds())
    assert set(caught.value.fields) == {"score.tec_auth", "score.tec_access", "score.unknown"}


def test_template_edits_are_validated():
    rows = [item.to_dict() for item in DEFAULT_TEMPLATE]
    assert template_from_dicts(rows) == DEFAULT_TEMPLATE
    with pytest.raises(ValidationError):
        template_from_dicts(rows + [rows[0]])  # repeated code
    with pytest.raises(ValidationError):
        template_from_dicts([{**rows[0], "group": "nonsense"}])
    with pytest.raises(ValidationError):
        template_from_dicts([])
