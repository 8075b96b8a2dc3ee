"""The dashboard (figures, deadlines in date order, a click opens the record) and the audit log page."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt

from desktop.domain.enums import Severity
from tests.conftest import make_services
from tests.ui.conftest import OFFSCREEN_NOTES

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOTES)


def _click_row(qtbot: Any, view: Any, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_dashboard_shows_findings_by_severity(window: Any, demo_services: Any) -> None:
    page = window.show_page("dashboard")
    findings = demo_services.checks.findings()
    blocking = sum(1 for f in findings if f.severity is Severity.BLOCKING)
    assert page.blocking_figure.number.text() == str(blocking)
    assert page.warning_figure.number.text() == str(len(findings) - blocking)
    assert page.findings_model.rowCount() == len(findings)
    severities = [page.findings_model.row_object(row).severity for row in range(len(findings))]
    assert severities == sorted(severities, key=lambda s: s is not Severity.BLOCKING)


def test_dashboard_lists_the_deadlines_of_the_next_90_days_in_date_order(
    window: Any, demo_services: Any
) -> None:
    page = window.show_page("dashboard")
    model = page.deadlines_model
    dues = [model.row_object(row).due for row in range(model.rowCount())]
    assert len(dues) == len(demo_services.checks.deadlines(days=90)) > 0
    assert dues == sorted(dues)
    assert all(date(2026, 11, 25) <= due <= date(2027, 2, 23) for due in dues)
    assert page.deadline_figure.number.text() == str(len(dues))


def test_clicking_a_deadline_opens_its_record(qtbot: Any, window: Any) -> None:
    page = window.show_page("dashboard")
    model = page.deadlines_model
    row = next(r for r in range(model.rowCount()) if model.row_object(r).record_type == "contract")
    deadline = model.row_object(row)
    _click_row(qtbot, page.deadlines_view, row)
    qtbot.waitUntil(lambda: ("contract", deadline.record_id) in window.open_dialogs)
    dialog = window.open_dialogs[("contract", deadline.record_id)]
    assert dialog.isVisible() and dialog.record_id == deadline.record_id
    _click_row(qtbot, page.deadlines_view, row)  # a second click brings the same form forward
    assert len([d for d in window.open_dialogs.values() if d.isVisible()]) == 1
    dialog.reject()


def test_clicking_a_redelegation_finding_opens_its_engagement(qtbot: Any, window: Any) -> None:
    page = window.show_page("dashboard")
    model = page.findings_model
    row = next(r for r in range(model.rowCount()) if model.row_object(r).record_type == "redelegation")
    engagement_id = window.snapshot.redelegation_engagements[model.row_object(row).record_id]
    _click_row(qtbot, page.findings_view, row)
    qtbot.waitUntil(lambda: ("engagement", engagement_id) in window.open_dialogs)
    window.open_dialogs[("engagement", engagement_id)].reject()


def test_audit_log_filters_by_record_actor_and_date(
    qtbot: Any, window: Any, demo_services: Any, sqlite_url: str, tmp_path: Any
) -> None:
    other = make_services(sqlite_url, tmp_path, actor="auditor")
    created = other.contractors.create({"name": "株式会社監査テスト"})
    other.close()
    page = window.show_page("audit")
    page.refresh()
    total = page.model.rowCount()
    assert page.actor_box.findData("auditor") > 0
    page.actor_box.setCurrentIndex(page.actor_box.findData("auditor"))
    assert page.model.rowCount() == 1
    assert page.model.row_object(0).record_id == created.id
    page.clear_filters()
    assert page.model.rowCount() == total
    page.record_type_box.setCurrentIndex(page.record_type_box.findData("contractor"))
    page.record_id_edit.setText(str(created.id))
    assert [page.model.row_object(r).record_id for r in range(page.model.rowCount())] == [created.id]
    page.clear_filters()
    page.from_check.setChecked(True)
    page.from_date.setDate(QDate(2030, 1, 1))
    assert page.model.rowCount() == 0
    assert page.count_label.text() == "0 件"
    page.from_date.setDate(QDate(2026, 11, 1))
    assert page.model.rowCount() == total


def test_audit_log_is_read_only(window: Any) -> None:
    page = window.show_page("audit")
    index = page.model.index(0, 1)
    assert not (page.model.flags(index) & Qt.ItemFlag.ItemIsEditable)
    assert page.table.editTriggers() == page.table.EditTrigger.NoEditTriggers


def test_audit_log_verifies_the_hash_chain(qtbot: Any, window: Any) -> None:
    page = window.show_page("audit")
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.verification.finished, timeout=10000) as finished:
        pass
    assert finished.args == [True]
    assert page.verify_label.text()
    assert "#2e7d32" in page.verify_label.styleSheet()  # intact: green


def test_audit_log_verification_names_a_record_changed_outside_itaku(qtbot: Any, window: Any) -> None:
    """Issue 13: the page replays the trail too, so a direct edit of the file turns the verdict red."""
    import sqlite3

    services = window.services
    contractor = services.contractors.create({"name": "株式会社さくら"})
    with sqlite3.connect(services.database.engine.url.database) as connection:
        connection.execute("UPDATE contractor SET name = '偽' WHERE id = ?", (contractor.id,))
    connection.close()
    page = window.show_page("audit")
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.verification.finished, timeout=10000):
        pass
    assert "#c62828" in page.verify_label.styleSheet()
    assert f"contractor #{contractor.id} の name" in page.verify_label.text()


def test_dashboard_shows_since_and_due_under_one_name_each(window: Any) -> None:
    page = window.show_page("dashboard")
    model = page.findings_model
    headers = [
        model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        for column in range(model.columnCount())
    ]
    since, due = headers.index("発生日"), headers.index("期限")
    rows = [model.row_object(row) for row in range(model.rowCount())]
    assert any(f.due is not None and f.since != f.due for f in rows)
    for row, finding in enumerate(rows):
        shown = (model.index(row, since).data(), model.index(row, due).data())
        assert shown == tuple(day.isoformat() if day else "" for day in (finding.since, finding.due))


def test_dashboard_cites_each_finding_s_basis_in_a_column_and_the_tooltip(window: Any) -> None:
    page = window.show_page("dashboard")
    model = page.findings_model
    headers = [
        model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        for column in range(model.columnCount())
    ]
    basis = headers.index("根拠")
    rows = [model.row_object(row) for row in range(model.rowCount())]
    assert rows
    for row, finding in enumerate(rows):
        assert model.index(row, basis).data() == finding.basis.ja
        tooltip = model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
        assert tooltip == f"{finding.message.ja}\n根拠: {finding.basis.ja}"
