"""Incidents (漏えい等の事案, APPI Art. 26): at the company or at a contractor, what leaked and for how many
persons, the reportable categories (Enforcement Rules Art. 7), and the reports sent to the PPC, the persons
and the Privacy Mark examination body, each with its due date (desktop.domain.incident_reports)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from desktop.domain import incident_reports
from desktop.domain.errors import Message, ValidationError
from desktop.domain.facts import IncidentFacts
from desktop.domain.kinds import RecordType
from desktop.domain.opt_out_items import special_care_items
from desktop.domain.schema import INCIDENT, clean_search_text
from desktop.services import records
from desktop.services.context import ServiceContext
from desktop.services.settings import SettingsService
from desktop.store.models import Contractor, Incident

# The incident page's status choices, and `itaku-cli incident list --status`.
INCIDENT_OPEN = "open"  # a report still owed
INCIDENT_CLOSED = "closed"  # every report owed has been sent
INCIDENT_STATUS: dict[str, Message] = {
    INCIDENT_OPEN: Message("報告・通知が未了", "reports owed"),
    INCIDENT_CLOSED: Message("報告・通知済み", "all reported"),
}


@dataclass(frozen=True)
class ReportDue:
    """One report an incident owes, its due date and when it was sent (None: not yet)."""

    report: incident_reports.IncidentReport
    due_on: date
    sent_on: date | None


@dataclass(frozen=True)
class IncidentRow:
    id: int
    title: str
    discovered_on: date
    contractor_id: int | None
    contractor_name: str | None
    person_count: int | None
    is_reportable: bool
    categories: str  # the reportable categories, ja (empty: not reportable to the PPC)
    reports_owed: int  # reports owed and not yet sent
    next_due_on: date | None  # the earliest due date of those
    status: str
    version: int


def incident_facts(incident: Incident) -> IncidentFacts:
    return IncidentFacts(
        incident.id,
        incident.title,
        incident.discovered_on,
        incident.contractor_id,
        incident.person_count,
        bool(incident.involves_special_care),
        bool(incident.may_cause_financial_damage),
        bool(incident.is_malicious),
        bool(incident.over_thousand_persons),
        incident.ppc_preliminary_reported_on,
        incident.ppc_confirmed_reported_on,
        incident.persons_notified_on,
        incident.pmark_preliminary_reported_on,
        incident.pmark_confirmed_reported_on,
        special_care_items(incident.pi_items or ()),
    )


def reports_due(incident: Incident, preliminary_days: int) -> list[ReportDue]:
    """The reports the incident owes (all five when reportable, else the Privacy Mark report), in order."""
    facts = incident_facts(incident)
    return [
        ReportDue(
            report,
            incident_reports.report_due(report, facts.discovered_on, facts.is_malicious, preliminary_days),
            getattr(incident, report.field),
        )
        for report in incident_reports.owed_reports(facts)
    ]


def _check_contractor(session: Any, clean: dict[str, Any]) -> None:
    contractor_id = clean.get("contractor_id")
    if contractor_id is not None and session.get(Contractor, contractor_id) is None:
        raise ValidationError(
            {
                "contractor_id": Message(
                    f"関係する委託先: 委託先 #{contractor_id} は存在しません",
                    f"Contractor involved: there is no contractor #{contractor_id}",
                )
            }
        )


@dataclass(frozen=True)
class IncidentRegisterRow:
    """An incident with its contractor's name and the reports it owes (the register and the workbook)."""

    incident: Incident
    contractor_name: str | None
    reports: tuple[ReportDue, ...]
    categories: tuple[Message, ...]


class IncidentService:
    def __init__(self, context: ServiceContext, settings: SettingsService):
        self.context = context
        self.settings = settings

    def preliminary_days(self) -> int:
        return int(self.settings.get("incident_preliminary_days"))

    def list(
        self, text: str | None = None, contractor_id: int | None = None, as_of: date | None = None
    ) -> list[IncidentRow]:
        text = clean_search_text(text)
        today = as_of or self.context.today()
        days = self.preliminary_days()
        query = (
            select(Incident, Contractor.name)
            .outerjoin(Contractor, Contractor.id == Incident.contractor_id)
            .order_by(Incident.discovered_on.desc(), Incident.id)
        )
        if contractor_id is not None:
            query = query.where(Incident.contractor_id == contractor_id)
        if text:
            query = query.where(
                Incident.title.contains(text, autoescape=True)
                | Contractor.name.contains(text, autoescape=True)
            )
        with self.context.read() as session:
            rows = []
            for incident, contractor_name in session.execute(query):
                facts = incident_facts(incident)
                owed = [
                    due for due in reports_due(incident, days) if due.sent_on is None or due.sent_on > today
                ]
                rows.append(
                    IncidentRow(
                        incident.id,
                        incident.title,
                        incident.discovered_on,
                        incident.contractor_id,
                        contractor_name,
                        incident.person_count,
                        incident_reports.is_reportable(facts),
                        "、".join(c.ja for c in incident_reports.reportable_categories(facts)),
                        len(owed),
                        min((due.due_on for due in owed), default=None),
                        INCIDENT_OPEN if owed else INCIDENT_CLOSED,
                        incident.version,
                    )
                )
            return rows

    def register_rows(self, contractor_id: int | None = None) -> tuple[IncidentRegisterRow, ...]:
        """Every incident (oldest discovered first), or a contractor's, with the reports it owes."""
        days = self.preliminary_days()
        query = (
            select(Incident, Contractor.name)
            .outerjoin(Contractor, Contractor.id == Incident.contractor_id)
            .order_by(Incident.discovered_on, Incident.id)
        )
        if contractor_id is not None:
            query = query.where(Incident.contractor_id == contractor_id)
        with self.context.read() as session:
            return tuple(
                IncidentRegisterRow(
                    incident,
                    name,
                    tuple(reports_due(incident, days)),
                    incident_reports.reportable_categories(incident_facts(incident)),
                )
                for incident, name in session.execute(query)
            )

    def get(self, incident_id: int) -> Incident:
        with self.context.read() as session:
            return records.load(session, Incident, incident_id, RecordType.INCIDENT)

    def reports(self, incident_id: int) -> tuple[ReportDue, ...]:
        """The reports the incident owes with their due dates (the form and the register show them)."""
        return tuple(reports_due(self.get(incident_id), self.preliminary_days()))

    def create(self, data: dict[str, Any]) -> Incident:
        with self.context.write() as session:
            return records.create(
                session,
                self.context,
                Incident,
                INCIDENT,
                data,
                check=lambda clean: _check_contractor(session, clean),
            )

    def update(self, incident_id: int, changes: dict[str, Any], expected_version: int | None) -> Incident:
        with self.context.write() as session:
            incident = records.load(session, Incident, incident_id, RecordType.INCIDENT)
            return records.update(
                session,
                self.context,
                incident,
                INCIDENT,
                changes,
                expected_version,
                check=lambda clean: _check_contractor(session, clean),
            )

    def delete(self, incident_id: int, expected_version: int | None) -> None:
        with self.context.write() as session:
            incident = records.load(session, Incident, incident_id, RecordType.INCIDENT)
            records.delete(session, self.context, incident, INCIDENT, expected_version)
