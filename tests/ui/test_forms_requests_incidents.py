"""The request and incident forms and pages: the reply's due date shown as the receipt is typed, a bad date
refused at its field with nothing written, the incident's reports owed and their due dates, a finding opening
the field that fixes it, and the two register pages (list, status filter) on the demo data."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from desktop.domain.kinds import RecordType, RuleId
from desktop.services.facade import Services
from desktop.ui.forms import open_form
from tests.ui.forms_support import IGNORE_OFFSCREEN, japanese_font  # noqa: F401

pytestmark = IGNORE_OFFSCREEN
SHOTS = os.environ.get("ITAKU_TEST_SHOTS")  # a folder to keep the pictures in, for review


def keep(widget: Any, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def test_a_request_shows_its_due_date_refuses_a_reply_before_the_receipt_and_saves(
    qtbot: Any, sqlite_services: Services
) -> None:
    dialog = open_form(sqlite_services, RecordType.REQUEST, None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "14" in dialog.due_label.text()
    dialog.form.editors["request_type"].set_value("disclosure")
    dialog.form.editors["requester"].setText("山田 花子")
    dialog.form.editors["identity_check"].setText("運転免許証の写し")
    dialog.form.editors["received_on"].set_value(date(2026, 4, 1))
    assert "2026-04-15" in dialog.due_label.text()
    dialog.form.editors["replied_on"].set_value(date(2026, 3, 31))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.form.errors["replied_on"].isVisible()
    assert sqlite_services.requests.list() == []
    dialog.form.editors["replied_on"].set_value(date(2026, 4, 3))
    dialog.form.editors["decision"].set_value("granted")
    with qtbot.waitSignal(dialog.saved, timeout=2000) as signal:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    stored = sqlite_services.requests.get(signal.args[1])
    assert (stored.requester, stored.replied_on, stored.decision) == (
        "山田 花子",
        date(2026, 4, 3),
        "granted",
    )


def test_an_incident_form_lists_the_reports_owed_and_opens_on_the_missing_one(
    qtbot: Any, demo_services: Services
) -> None:
    [row] = [r for r in demo_services.incidents.list() if r.title == "健康診断結果の誤送付"]
    dialog = open_form(demo_services, RecordType.INCIDENT, row.id)
    qtbot.addWidget(dialog)
    dialog.show()
    owed = dialog.owed_label.text()
    discovered = demo_services.incidents.get(row.id).discovered_on
    assert "① 要配慮個人情報" in owed
    five, thirty = (date.fromordinal(discovered.toordinal() + days).isoformat() for days in (5, 30))
    assert f"本人への通知: {five}" in owed and f"個人情報保護委員会への確報: {thirty}" in owed
    findings = [
        f
        for f in demo_services.checks.findings()
        if f.record_type == RecordType.INCIDENT and f.record_id == row.id
    ]
    notice = [f for f in findings if f.rule == RuleId.INCIDENT_PERSONS_NOTICE_MISSING]
    dialog.show_findings(notice, reveal=True)
    assert dialog.highlighted_fields() == ["persons_notified_on"]
    assert dialog.tabs.currentIndex() == 2  # the Reports tab, brought forward
    keep(dialog, "form-incident")
    # Ticking "malicious" moves the confirmed reports to 60 days.
    dialog.form.editors["is_malicious"].setChecked(True)
    sixty = discovered.toordinal() + 60
    assert date.fromordinal(sixty).isoformat() in dialog.owed_label.text()


def test_the_pages_list_the_demo_records_with_their_findings_and_filter_by_status(
    window: Any, demo_services: Services
) -> None:
    page = window.show_page("requests")
    model = page.source_model
    assert model.rowCount() == len(demo_services.requests.list()) == 7
    flagged = [
        model.row_object(r) for r in range(model.rowCount()) if model.row_findings(model.row_object(r))
    ]
    assert len(flagged) == 4  # overdue, due soon, refused without a ground, replied without a decision
    page.status_box.setCurrentIndex(page.status_box.findData("overdue"))
    assert page.proxy.rowCount() == 1
    keep(window, "page-requests")
    incidents = window.show_page("incidents")
    assert incidents.source_model.rowCount() == 5
    incidents.status_box.setCurrentIndex(incidents.status_box.findData("open"))
    assert incidents.proxy.rowCount() == 5
    keep(window, "page-incidents")
