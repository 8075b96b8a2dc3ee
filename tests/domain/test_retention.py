"""The retention of provision and receipt records (APPI Enforcement Rules Art. 21, 25) at its boundaries:
one year (contract or bulk record of goods or services to the person) or three years, counted from the day
of the last provision inclusive (Civil Code Art. 143(2))."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.domain import retention
from desktop.domain.enums import RecordForm

CONTRACT = RecordForm.CONTRACT_OR_BULK_RECORD_FOR_GOODS_OR_SERVICES_TO_THE_PERSON.value
DAY = timedelta(days=1)


@pytest.mark.parametrize(
    ("form", "end"),
    [
        (CONTRACT, date(2027, 3, 31)),
        (RecordForm.BULK_RECORD.value, date(2029, 3, 31)),
        (RecordForm.EACH_TIME.value, date(2029, 3, 31)),
        (None, date(2029, 3, 31)),
    ],
)
def test_the_retention_ends_the_day_before_the_same_day_one_or_three_years_on(
    form: str | None, end: date
) -> None:
    assert retention.retention_end(date(2026, 4, 1), form) == end


@pytest.mark.parametrize(
    ("today", "deletable"),
    [(date(2027, 3, 30), False), (date(2027, 3, 31), False), (date(2027, 4, 1), True)],
    ids=["day-before-end", "on-end", "day-after-end"],
)
def test_a_record_may_be_deleted_only_after_its_retention_end(today: date, deletable: bool) -> None:
    assert retention.may_be_deleted(date(2026, 4, 1), CONTRACT, today) is deletable


def test_29_february_ends_at_the_end_of_february() -> None:
    assert retention.period_end(date(2028, 2, 29), 1) == date(2029, 2, 28)
    assert retention.period_end(date(2028, 2, 29), 4) == date(2032, 2, 28)  # leap year: the day before 2/29
    assert retention.period_end(date(2028, 3, 1), 1) == date(2029, 2, 28)


def test_a_period_counts_from_its_end_and_an_ongoing_one_has_no_end_yet() -> None:
    assert retention.last_day(None, date(2026, 1, 1), date(2026, 6, 30)) == date(2026, 6, 30)
    assert retention.last_day(date(2026, 2, 1), None, None) == date(2026, 2, 1)
    assert retention.last_day(None, date(2026, 1, 1), None) is None
    assert retention.retention_end(None, CONTRACT) is None
    assert retention.may_be_deleted(None, CONTRACT, date(2099, 1, 1)) is False
    assert retention.first_day(None, date(2026, 1, 1)) == date(2026, 1, 1)
