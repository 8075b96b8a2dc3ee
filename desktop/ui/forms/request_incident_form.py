"""The forms of a data-subject request (本人からの請求, policy §9) and of an incident (漏えい等の事案, APPI Art. 26).

The request's form shows the reply's due date (the setting `request_reply_days` after the receipt) as the
receipt date is typed; the incident's form shows, beside the dates the reports were sent, the reports the
incident owes and their due dates (desktop.domain.incident_reports), recomputed as the flags change."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtWidgets import QGroupBox, QLabel, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from desktop.domain import incident_reports
from desktop.domain.facts import IncidentFacts
from desktop.domain.kinds import RecordType
from desktop.domain.opt_out_items import special_care_items
from desktop.domain.schema import INCIDENT, REQUEST
from desktop.ui.forms.base import RecordDialog
from desktop.ui.forms.choices import contractor_choice
from desktop.ui.language import text

INCIDENT_FIELDS = (
    "title",
    "discovered_on",
    "contractor_id",
    "description",
    "pi_items",
    "person_count",
    "notes",
)
CATEGORY_FIELDS = (
    "involves_special_care",
    "may_cause_financial_damage",
    "is_malicious",
    "over_thousand_persons",
)
REPORT_FIELDS = tuple(report.field for report in incident_reports.REPORTS)


def _day(value: Any) -> date | None:
    return value if isinstance(value, date) else None


def _count(value: Any) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


class RequestDialog(RecordDialog):
    """A person's request: what and from whom, the identity check, the decision with its ground, the reply."""

    record_type = RecordType.REQUEST
    schema = REQUEST

    def build_body(self) -> QWidget:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form.layout_for(self.form.names))
        self.due_label = QLabel(body)
        self.due_label.setObjectName("dueLabel")
        layout.addWidget(self.due_label)
        self.form.changed.connect(self.refresh_due)
        self.resize(680, 620)
        return body

    def after_new(self) -> None:
        self.refresh_due()

    def after_load(self, record: Any) -> None:
        self.refresh_due()

    def refresh_due(self) -> None:
        if not hasattr(self, "due_label"):
            return
        received = _day(self.form.values().get("received_on"))
        days = self.services.requests.reply_days()
        if received is None:
            self.due_label.setText(self.tr("Reply due %1 days after the receipt").replace("%1", str(days)))
        else:
            due = (received + timedelta(days=days)).isoformat()
            self.due_label.setText(
                self.tr("Reply due on %1 (%2 days after the receipt)")
                .replace("%1", due)
                .replace("%2", str(days))
            )

    def fetch(self, record_id: int) -> Any:
        return self.services.requests.get(record_id)

    def record_title(self) -> str:
        return self.record.requester if self.record is not None else ""

    def submit(self, values: dict[str, Any], version: int | None) -> Any:
        if self.record_id is None:
            return self.services.requests.create(values)
        return self.services.requests.update(self.record_id, values, version)


class IncidentDialog(RecordDialog):
    """An incident: what happened and to how many persons, the reportable categories, the reports sent."""

    record_type = RecordType.INCIDENT
    schema = INCIDENT

    def custom_editors(self) -> dict[str, QWidget]:
        return {"contractor_id": contractor_choice(self.services)}

    def build_body(self) -> QWidget:
        self.tabs = QTabWidget(self)
        facts_page = QScrollArea()
        facts_page.setWidgetResizable(True)
        facts_page.setFrameShape(QScrollArea.Shape.NoFrame)
        facts_page.setWidget(self.form.layout_for(INCIDENT_FIELDS))
        self.tabs.addTab(facts_page, self.tr("&Incident"))
        self.tabs.addTab(self.form.layout_for(CATEGORY_FIELDS), self.tr("Re&portable categories"))
        reports_page = QWidget()
        reports_layout = QVBoxLayout(reports_page)
        reports_layout.addWidget(self.form.layout_for(REPORT_FIELDS))
        owed_box = QGroupBox(self.tr("Reports owed and their due dates"), reports_page)
        owed_layout = QVBoxLayout(owed_box)
        self.owed_label = QLabel(owed_box)
        self.owed_label.setObjectName("reportsOwed")
        self.owed_label.setWordWrap(True)
        owed_layout.addWidget(self.owed_label)
        reports_layout.addWidget(owed_box)
        reports_layout.addStretch(1)
        self.tabs.addTab(reports_page, self.tr("&Reports"))
        self.form.changed.connect(self.refresh_reports)
        self.resize(760, 640)
        return self.tabs

    def after_new(self) -> None:
        self.refresh_reports()

    def after_load(self, record: Any) -> None:
        self.refresh_reports()

    def refresh_reports(self) -> None:
        if not hasattr(self, "owed_label"):
            return
        values = self.form.values()
        discovered = _day(values.get("discovered_on"))
        if discovered is None:
            self.owed_label.setText(self.tr("Enter the discovery date to see the reports' due dates."))
            return

        def sent_on(name: str) -> date | None:
            return _day(values.get(name))

        facts = IncidentFacts(
            0,
            "",
            discovered,
            None,
            _count(values.get("person_count")),
            involves_special_care=bool(values.get("involves_special_care")),
            may_cause_financial_damage=bool(values.get("may_cause_financial_damage")),
            is_malicious=bool(values.get("is_malicious")),
            over_thousand_persons=bool(values.get("over_thousand_persons")),
            ppc_preliminary_reported_on=sent_on("ppc_preliminary_reported_on"),
            ppc_confirmed_reported_on=sent_on("ppc_confirmed_reported_on"),
            persons_notified_on=sent_on("persons_notified_on"),
            pmark_preliminary_reported_on=sent_on("pmark_preliminary_reported_on"),
            pmark_confirmed_reported_on=sent_on("pmark_confirmed_reported_on"),
            special_care_items=special_care_items(str(item) for item in values.get("pi_items") or ()),
        )
        days = self.services.incidents.preliminary_days()
        categories = incident_reports.reportable_categories(facts)
        lines = [
            self.tr("Reportable to the PPC: %1").replace("%1", "、".join(text(c) for c in categories))
            if categories
            else self.tr("Not in the four reportable categories: the Privacy Mark report only.")
        ]
        not_yet = self.tr("not yet")
        for report in incident_reports.owed_reports(facts):
            due = incident_reports.report_due(report, discovered, facts.is_malicious, days)
            sent = _day(values.get(report.field))
            lines.append(
                f"・{text(report.label)}: {due.isoformat()} — {sent.isoformat() if sent else not_yet}"
            )
        self.owed_label.setText("\n".join(lines))

    def fetch(self, record_id: int) -> Any:
        return self.services.incidents.get(record_id)

    def record_title(self) -> str:
        return self.record.title if self.record is not None else ""

    def submit(self, values: dict[str, Any], version: int | None) -> Any:
        if self.record_id is None:
            return self.services.incidents.create(values)
        return self.services.incidents.update(self.record_id, values, version)
