"""How long a third-party provision record (第三者提供記録, APPI Art. 29(2)) or a receipt confirmation record
(確認記録, Art. 30(4)) is kept: APPI Enforcement Rules Art. 21 (provision) and Art. 25 (receipt), which read
alike:

- a record made by keeping the contract or other document of goods or services provided to the person
  (Art. 19(3) / 23(3)): until one year has passed, counted from the day of the last provision (receipt);
- a record made in bulk for a continuous provision (Art. 19(2) / 23(2)): three years from the last one;
- otherwise: three years. A record made at each provision is made promptly after it (Art. 19(2)), so the
  day of the provision stands for the day of the record here.

"From the day of … counted" (起算して) includes that day, so the period ends on the day before the same day
one (three) years later; where that day does not exist (29 February), at the end of that month (Civil Code
Art. 143(2)). Pure: no Qt, no SQL.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from desktop.domain.enums import RecordForm


def retention_years(record_form: str | None) -> int:
    """One year for a contract (or bulk record) of goods or services to the person, three otherwise (an
    unset form is kept the longer period)."""
    if record_form == RecordForm.CONTRACT_OR_BULK_RECORD_FOR_GOODS_OR_SERVICES_TO_THE_PERSON.value:
        return 1
    return 3


def period_end(start: date, years: int) -> date:
    """The last day of a period of `years` counted from `start` inclusive (Civil Code Art. 143(2))."""
    year = start.year + years
    if start.month == 2 and start.day == 29 and not calendar.isleap(year):
        return date(year, 2, 28)  # no corresponding day: the end of that month
    return date(year, start.month, start.day) - timedelta(days=1)


def retention_end(last_provision: date | None, record_form: str | None) -> date | None:
    """The last day the record must be kept; None while the provision goes on (no last day yet)."""
    if last_provision is None:
        return None
    return period_end(last_provision, retention_years(record_form))


def may_be_deleted(last_provision: date | None, record_form: str | None, today: date) -> bool:
    """Whether the retention period has ended on `today` (the day after the retention end, or later)."""
    end = retention_end(last_provision, record_form)
    return end is not None and today > end


def last_day(on: date | None, period_from: date | None, period_to: date | None) -> date | None:
    """The day of the last provision (receipt) a record covers: its date, or the end of its period; None
    for a continuous one still going on."""
    if on is not None:
        return on
    if period_from is not None:
        return period_to
    return None


def first_day(on: date | None, period_from: date | None) -> date | None:
    """The day of the first provision (receipt) a record covers."""
    return on if on is not None else period_from
