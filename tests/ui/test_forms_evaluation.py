"""The evaluation form: checklist scored live, failed mandatory items marked, due-date reason, approval."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from desktop.services.facade import Services
from desktop.ui.forms import open_form
from tests.ui.forms_support import IGNORE_OFFSCREEN, japanese_font  # noqa: F401

pytestmark = IGNORE_OFFSCREEN


@pytest.fixture
def contractor_id(sqlite_services: Services) -> int:
    return sqlite_services.contractors.create({"name": "株式会社評価先"}).id


def new_evaluation(qtbot, services: Services, contractor_id: int):
    dialog = open_form(services, "evaluation", None, contractor_id=contractor_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def score_all(dialog, value: int) -> None:
    for item in dialog.checklist.items:
        dialog.checklist.set_score(item.code, value)


def test_ticking_checklist_items_changes_the_result_live(
    qtbot, sqlite_services: Services, contractor_id: int
) -> None:
    dialog = new_evaluation(qtbot, sqlite_services, contractor_id)
    assert len(dialog.checklist.items) == 20
    assert "—" in dialog.result_label.text()
    assert not dialog.save_button.isEnabled()  # nothing scored yet
    score_all(dialog, 2)
    assert "適合" in dialog.result_label.text() or "Pass" in dialog.result_label.text()
    assert "40 / 40" in dialog.score_label.text()
    qtbot.mouseClick(dialog.checklist.groups["org_officer"].button(0), Qt.MouseButton.LeftButton)
    assert dialog.score.result.value == "fail"
    assert "38 / 40" in dialog.score_label.text()
    assert dialog.failed_label.text() and "個人情報保護責任者" in dialog.failed_label.text()
    assert "✖" in dialog.checklist.marks["org_officer"].text()
    qtbot.mouseClick(dialog.checklist.groups["org_officer"].button(2), Qt.MouseButton.LeftButton)
    for code in ("org_rules", "org_ledger", "org_internal_audit", "per_training", "per_supervision"):
        dialog.checklist.set_score(code, 0)
    assert dialog.score.result.value == "conditional"  # 30 / 40 = 75 %


def test_saved_evaluation_stores_the_scores_and_result(
    qtbot, sqlite_services: Services, contractor_id: int
) -> None:
    dialog = new_evaluation(qtbot, sqlite_services, contractor_id)
    score_all(dialog, 2)
    assert dialog.form.value("next_due_on") == date(2027, 11, 25)  # evaluated today + 12 months
    with qtbot.waitSignal(dialog.saved, timeout=2000) as signal:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    stored = sqlite_services.evaluations.get(signal.args[1])
    assert (stored.result, stored.total_score, stored.evaluator) == ("pass", 40, "tester")


def test_changed_route_shows_that_routes_items(qtbot, sqlite_services: Services, contractor_id: int) -> None:
    dialog = new_evaluation(qtbot, sqlite_services, contractor_id)
    dialog.checklist.set_score("org_officer", 1)
    dialog.form.editors["route"].set_value("privacy_mark")
    assert [item.code for item in dialog.checklist.items] == [
        item.code for item in sqlite_services.evaluations.items_for("privacy_mark")
    ]
    assert dialog.checklist.scores() == {"org_officer": 1}


def test_simplified_route_without_certificate_is_refused_at_the_route_field(
    qtbot, sqlite_services: Services, contractor_id: int
) -> None:
    dialog = new_evaluation(qtbot, sqlite_services, contractor_id)
    dialog.form.editors["route"].set_value("isms")
    score_all(dialog, 2)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "ISMS" in dialog.form.error_text("route")
    assert sqlite_services.evaluations.list() == []


def test_moved_due_date_requires_a_reason(qtbot, sqlite_services: Services, contractor_id: int) -> None:
    dialog = new_evaluation(qtbot, sqlite_services, contractor_id)
    score_all(dialog, 2)
    assert dialog.save_button.isEnabled()
    dialog.form.editors["next_due_on"].set_value(date(2027, 6, 1))
    assert not dialog.save_button.isEnabled()
    assert "次回予定日を変更した理由" in dialog.status_label.text()
    dialog.form.editors["next_due_reason"].setPlainText("契約更新に合わせるため")
    assert dialog.save_button.isEnabled()


def test_evaluated_on_moves_the_default_due_date(
    qtbot, sqlite_services: Services, contractor_id: int
) -> None:
    dialog = new_evaluation(qtbot, sqlite_services, contractor_id)
    dialog.form.editors["evaluated_on"].set_value(date(2026, 1, 31))
    assert dialog.form.value("next_due_on") == date(2027, 1, 31)


def test_approve_records_the_approval(qtbot, sqlite_services: Services, contractor_id: int) -> None:
    dialog = new_evaluation(qtbot, sqlite_services, contractor_id)
    score_all(dialog, 2)
    assert not dialog.approve_button.isEnabled()  # not saved yet
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.approve_button.isEnabled()
    with qtbot.waitSignal(dialog.saved, timeout=2000):
        qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    stored = sqlite_services.evaluations.get(dialog.record_id)
    assert (stored.approver, stored.approved_on) == ("tester", date(2026, 11, 25))
    assert dialog.form.value("approved_on") == date(2026, 11, 25)
    assert not dialog.approve_button.isEnabled()


def test_saved_evaluation_reopens_with_its_own_items_and_scores(qtbot, demo_services: Services) -> None:
    row = demo_services.evaluations.list()[0]
    dialog = open_form(demo_services, "evaluation", row.id)
    qtbot.addWidget(dialog)
    assert sum(dialog.checklist.scores().values()) == row.total_score
    assert dialog.score.result.value == row.result
    assert not dialog.is_dirty()


def test_evaluation_shows_its_approval_state_and_edits_of_an_approved_one_become_a_new_version(
    qtbot, sqlite_services: Services, contractor_id: int
) -> None:
    dialog = new_evaluation(qtbot, sqlite_services, contractor_id)
    score_all(dialog, 2)
    assert dialog.approval_label.isHidden()  # nothing to say before it is saved
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.approval_label.isHidden()
    assert "承認待ち" in dialog.approval_label.text() or "Awaiting approval" in dialog.approval_label.text()
    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    first_id = dialog.record_id
    assert "2026-11-25" in dialog.approval_label.text()
    dialog.form.editors["conditions"].setPlainText("年1回の実地確認")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.record_id != first_id
    assert sqlite_services.evaluations.get(dialog.record_id).approved_on is None
    assert sqlite_services.evaluations.get(first_id).approved_on == date(2026, 11, 25)
    assert f"#{first_id}" in dialog.approval_label.text()
    assert dialog.approve_button.isEnabled()


def test_staff_cannot_approve_an_evaluation(
    qtbot, sqlite_services: Services, contractor_id: int, tmp_path
) -> None:
    from desktop.app import build_services
    from tests.conftest import FIXED_NOW

    items = sqlite_services.evaluations.items_for("full")
    evaluation = sqlite_services.evaluations.create(
        {
            "contractor_id": contractor_id,
            "evaluated_on": date(2026, 11, 1),
            "evaluator": "tester",
            "route": "full",
        },
        {item.code: 2 for item in items},
    )
    staff = build_services(
        sqlite_services.database.url,
        actor="staff",
        data_dir=tmp_path / "files",
        clock=lambda: FIXED_NOW,
        role="staff",
    )
    try:
        dialog = open_form(staff, "evaluation", evaluation.id)
        qtbot.addWidget(dialog)
        assert not dialog.approve_button.isEnabled()
    finally:
        staff.close()
