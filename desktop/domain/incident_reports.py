"""The reports an incident (漏えい等の事案) owes, worded once: to the PPC (APPI Art. 26(1); Enforcement Rules
Art. 7, 8), to the persons (Art. 26(2); Rules Art. 10) and to the Privacy Mark examination body (審査機関).
The rules, the form, the register and the workbook read this table.

When each is due (counted from the day the incident became known, `discovered_on`):
- PPC preliminary report (速報): "promptly" (Rules Art. 8(1)); the PPC reads it as about 3–5 days, so a
  setting, `incident_preliminary_days` (default 5).
- PPC confirmed report (確報): within 30 days, 60 for an incident caused by a malicious act (Rules Art. 8(2)),
  whatever other category it also falls in.
- Notice to the persons: "promptly, as the situation allows" (Rules Art. 10). Read here as due with the
  preliminary report: by then the company knows enough to report to the PPC, so it knows enough to tell the
  persons (PPC Guidelines (General) 3-5-4-2 allow the notice once the situation is grasped).
- Privacy Mark body: the confirmed report (報告書) for EVERY incident, within the same 30 / 60 days; the
  preliminary report (第一報) for the incidents reportable to the PPC, with the PPC's.
The PPC reports and the notice are owed only for the four reportable categories (Rules Art. 7 ①–④).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from desktop.domain.errors import Message
from desktop.domain.facts import IncidentFacts
from desktop.domain.kinds import RuleId

CONFIRMED_DAYS = 30  # Enforcement Rules Art. 8(2)
CONFIRMED_DAYS_MALICIOUS = 60  # Art. 8(2), for the incidents of Art. 7 ③ (a malicious act)
THOUSAND_PERSONS = 1000  # Art. 7 ④: "more than 1,000"

PRELIMINARY = "preliminary"
CONFIRMED = "confirmed"


@dataclass(frozen=True)
class IncidentReport:
    field: str  # the incident's date field recording when it was sent
    rule: RuleId
    ja: str
    en: str
    deadline: str  # PRELIMINARY or CONFIRMED
    reportable_only: bool  # owed only in the four categories of Rules Art. 7

    @property
    def label(self) -> Message:
        return Message(self.ja, self.en)


REPORTS: tuple[IncidentReport, ...] = (
    IncidentReport(
        "ppc_preliminary_reported_on",
        RuleId.INCIDENT_PPC_PRELIMINARY_MISSING,
        "個人情報保護委員会への速報",
        "preliminary report to the PPC",
        PRELIMINARY,
        True,
    ),
    IncidentReport(
        "ppc_confirmed_reported_on",
        RuleId.INCIDENT_PPC_CONFIRMED_MISSING,
        "個人情報保護委員会への確報",
        "confirmed report to the PPC",
        CONFIRMED,
        True,
    ),
    IncidentReport(
        "persons_notified_on",
        RuleId.INCIDENT_PERSONS_NOTICE_MISSING,
        "本人への通知",
        "notice to the persons",
        PRELIMINARY,
        True,
    ),
    IncidentReport(
        "pmark_preliminary_reported_on",
        RuleId.INCIDENT_PMARK_PRELIMINARY_MISSING,
        "審査機関への第一報",
        "preliminary report to the Privacy Mark body",
        PRELIMINARY,
        True,
    ),
    IncidentReport(
        "pmark_confirmed_reported_on",
        RuleId.INCIDENT_PMARK_CONFIRMED_MISSING,
        "審査機関への報告書",
        "confirmed report to the Privacy Mark body",
        CONFIRMED,
        False,
    ),
)
REPORT_BY_RULE: dict[RuleId, IncidentReport] = {report.rule: report for report in REPORTS}


def exceeds_thousand_persons(person_count: int | None, flagged: bool) -> bool:
    """Rules Art. 7 ④: more than 1,000 persons, by the count recorded or ticked while it is estimated."""
    return flagged or (person_count is not None and person_count > THOUSAND_PERSONS)


def reportable_categories(incident: IncidentFacts) -> tuple[Message, ...]:
    """The categories of Rules Art. 7 ①–④ the incident falls in (none: not reportable to the PPC). ① by the
    box, or by a PI item naming a category of special-care PI (病歴, 健康診断…: desktop.domain.opt_out_items)."""
    found = []
    if incident.involves_special_care or incident.special_care_items:
        found.append(Message("① 要配慮個人情報", "① special-care PI"))
    if incident.may_cause_financial_damage:
        found.append(Message("② 財産的被害のおそれ", "② possible financial damage"))
    if incident.is_malicious:
        found.append(Message("③ 不正の目的", "③ malicious act"))
    if exceeds_thousand_persons(incident.person_count, incident.over_thousand_persons):
        found.append(Message("④ 1,000人超", "④ more than 1,000 persons"))
    return tuple(found)


def is_reportable(incident: IncidentFacts) -> bool:
    return bool(reportable_categories(incident))


def confirmed_days(is_malicious: bool) -> int:
    return CONFIRMED_DAYS_MALICIOUS if is_malicious else CONFIRMED_DAYS


def report_due(
    report: IncidentReport, discovered_on: date, is_malicious: bool, preliminary_days: int
) -> date:
    if report.deadline == PRELIMINARY:
        return discovered_on + timedelta(days=preliminary_days)
    return discovered_on + timedelta(days=confirmed_days(is_malicious))


def owed_reports(incident: IncidentFacts) -> tuple[IncidentReport, ...]:
    """The reports this incident owes: all five when reportable, else the Privacy Mark confirmed report."""
    reportable = is_reportable(incident)
    return tuple(report for report in REPORTS if reportable or not report.reportable_only)
