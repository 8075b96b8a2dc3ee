"""Approve selected on the 評価 and 契約・NDA pages (officer only, counted confirmation, off the GUI thread,
pages refreshed through the ChangeBus), and the read-only form of a superseded version."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.ui.forms import open_form
from desktop.ui.models.base import RECORD_ID_ROLE, ROW_ROLE
from tests.ui.conftest import OFFSCREEN_NOTES, find_message_box, wait_for_message_box
from tests.ui.forms_support import pin_singletons

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOTES)
TODAY = date(2026, 11, 25)


@pytest.fixture(autouse=True)
def _pinned() -> None:
    pin_singletons()


def pending_evaluations(services: Any, count: int) -> list[Any]:
    scores = {item.code: 2 for item in services.evaluations.items_for("full")}
    created = []
    for number in range(count):
        contractor = services.contractors.create({"name": f"株式会社承認テスト{number}", "status": "active"})
        created.append(
            services.evaluations.create(
                {"contractor_id": contractor.id, "evaluated_on": "2026-10-01", "evaluator": "佐藤"}, scores
            )
        )
    return created


def pending_nda(services: Any) -> Any:
    contractor = services.contractors.create({"name": "株式会社契約承認テスト", "status": "active"})
    return services.contracts.create(
        {
            "contractor_id": contractor.id,
            "kind": "nda",
            "title": "機密保持契約書",
            "signed_on": "2026-04-01",
            "effective_from": "2026-04-01",
        }
    )


def select_ids(page: Any, ids: set[int]) -> None:
    """Select the rows of `ids` as Ctrl+click does, the last one current."""
    model, selection = page.table.model(), page.table.selectionModel()
    selection.clearSelection()
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if index.data(RECORD_ID_ROLE) in ids:
            selection.setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            )


def approval_texts(page: Any, ids: set[int]) -> set[str]:
    model, column = page.table.model(), page.source_model.column_index("approval")
    return {
        model.index(row, column).data()
        for row in range(model.rowCount())
        if model.index(row, 0).data(RECORD_ID_ROLE) in ids
    }


def confirm(qtbot: Any, page: Any, answer: QMessageBox.StandardButton) -> str:
    box = wait_for_message_box(qtbot, page, "confirmApproval")
    question = box.text()
    qtbot.mouseClick(box.button(answer), Qt.MouseButton.LeftButton)
    return question


def test_officer_approves_the_selected_evaluations_after_a_counted_confirmation(
    qtbot: Any, make_window: Any, demo_services: Any
) -> None:
    created = pending_evaluations(demo_services, 3)
    ids = {record.id for record in created}
    window = make_window(demo_services)
    page = window.show_page("evaluations")
    assert approval_texts(page, ids) == {"承認待ち"}
    select_ids(page, ids)
    assert page.approve_button.isVisible() and page.approve_button.isEnabled()
    assert not page.delete_button.isEnabled()  # several rows: delete works on one at a time
    qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
    assert confirm(qtbot, page, QMessageBox.StandardButton.Yes).startswith("委託先評価 3 件を承認しますか")
    qtbot.waitUntil(lambda: page.approval_operation is None, timeout=10000)
    for record in created:
        stored = demo_services.evaluations.get(record.id)
        assert (stored.approver, stored.approved_on) == ("tester", TODAY)
    qtbot.waitUntil(lambda: approval_texts(page, ids) == {"承認済 2026-11-25"})  # refreshed through the bus
    assert window.statusBar().currentMessage() == "3 件を承認しました。"
    assert not page.approve_button.isEnabled()  # nothing selected awaits approval any more


def test_select_all_approves_only_the_pending_contracts_and_says_how_many_stay(
    qtbot: Any, make_window: Any, demo_services: Any
) -> None:
    nda = pending_nda(demo_services)
    total = len(demo_services.contracts.list())
    window = make_window(demo_services)
    page = window.show_page("contracts")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(page.selected_rows()) == total
    assert page.approve_action in page.table.actions() and page.approve_action.isEnabled()  # the context menu
    page.approve_action.trigger()
    question = confirm(qtbot, page, QMessageBox.StandardButton.Yes)
    assert "契約・NDA 1 件を承認しますか" in question and f"{total - 1} 件は承認済みまたは旧版" in question
    qtbot.waitUntil(lambda: page.approval_operation is None, timeout=10000)
    assert demo_services.contracts.get(nda.id).approved_on == TODAY
    assert demo_services.contracts.pending_ids() == []


def test_answering_no_approves_nothing(qtbot: Any, make_window: Any, demo_services: Any) -> None:
    created = pending_evaluations(demo_services, 2)
    page = make_window(demo_services).show_page("evaluations")
    select_ids(page, {record.id for record in created})
    page.approve_selected()
    confirm(qtbot, page, QMessageBox.StandardButton.No)
    assert page.approval_operation is None
    assert demo_services.evaluations.pending_ids() == [record.id for record in created]


def test_a_refusal_names_the_record_and_approves_none(
    qtbot: Any, make_window: Any, demo_services: Any
) -> None:
    created = pending_evaluations(demo_services, 2)
    page = make_window(demo_services).show_page("evaluations")
    select_ids(page, {record.id for record in created})
    page.approve_selected()
    changed = demo_services.evaluations.update(
        created[1].id, {"conditions": "追記"}, None, created[1].version
    )
    confirm(qtbot, page, QMessageBox.StandardButton.Yes)
    refusal = wait_for_message_box(qtbot, page)
    assert f"#{changed.id}" in refusal.text() and "再読み込み" in refusal.text()
    refusal.accept()
    qtbot.waitUntil(lambda: page.approval_operation is None)
    assert demo_services.evaluations.pending_ids() == [record.id for record in created]


def test_staff_sees_approve_selected_disabled_with_the_reason(
    qtbot: Any, make_window: Any, demo_services: Any
) -> None:
    created = pending_evaluations(demo_services, 1)
    demo_services.context.role = "staff"
    page = make_window(demo_services).show_page("evaluations")
    select_ids(page, {created[0].id})
    assert page.approve_button.isVisible() and not page.approve_button.isEnabled()
    assert "個人情報保護責任者" in page.approve_button.toolTip()
    assert not page.approve_action.isEnabled()
    assert page.approve_selected() is None and find_message_box(page, "confirmApproval") is None
    assert demo_services.evaluations.pending_ids() == [created[0].id]


def test_only_the_evaluation_and_contract_pages_offer_it(make_window: Any, demo_services: Any) -> None:
    window = make_window(demo_services)
    assert window.pages["engagements"].approve_button is None
    assert window.pages["contractors"].approve_button is None
    rows = window.show_page("evaluations").selected_rows()
    assert rows == []


def test_the_selected_rows_are_row_objects_in_view_order(make_window: Any, demo_services: Any) -> None:
    page = make_window(demo_services).show_page("evaluations")
    model = page.table.model()
    wanted = [model.index(row, 0).data(ROW_ROLE) for row in (4, 1)]
    select_ids(page, {row.id for row in wanted})
    assert [row.id for row in page.selected_rows()] == [wanted[1].id, wanted[0].id]


# The form of a superseded version -------------------------------------------------------------------
def superseded_evaluation(services: Any) -> tuple[int, int]:
    first = pending_evaluations(services, 1)[0]
    first = services.evaluations.approve(first.id, first.version)
    draft = services.evaluations.update(first.id, {"conditions": "再評価"}, None, first.version)
    services.evaluations.approve_many([draft.id])
    return first.id, draft.id


def test_a_superseded_evaluation_opens_read_only_and_says_why(
    qtbot: Any, itaku_app: QApplication, sqlite_services: Any
) -> None:
    old_id, current_id = superseded_evaluation(sqlite_services)
    dialog = open_form(sqlite_services, "evaluation", old_id)
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled() and not dialog.save_close_button.isEnabled()
    assert "読み取り専用" in dialog.status_label.text() and "最新の版" in dialog.status_label.text()
    assert dialog.save_button.toolTip() == dialog.status_label.text()
    assert "置き換え" in dialog.approval_label.text()
    assert not dialog.form.editors["evaluator"].isEnabled() and not dialog.checklist.isEnabled()
    dialog.form.editors["evaluator"].setText("別人")  # even if it were typed, Ctrl+S saves nothing
    assert dialog.save() is False
    assert sqlite_services.evaluations.get(old_id).evaluator == "佐藤"
    current = open_form(sqlite_services, "evaluation", current_id)
    qtbot.addWidget(current)
    assert current.form.editors["evaluator"].isEnabled() and current.checklist.isEnabled()
    assert not current.form.editors["approver"].isEnabled()  # set only by Approve, as before
    assert current.status_label.text() == "" and current.save_button.toolTip() == ""


def test_a_superseded_contract_opens_read_only_and_becomes_so_on_reload(
    qtbot: Any, itaku_app: QApplication, sqlite_services: Any
) -> None:
    nda = pending_nda(sqlite_services)
    nda = sqlite_services.contracts.approve(nda.id, nda.version)
    dialog = open_form(sqlite_services, "contract", nda.id)
    qtbot.addWidget(dialog)
    assert dialog.form.editors["title"].isEnabled() and dialog.attach_button.isEnabled()
    draft = sqlite_services.contracts.update(nda.id, {"title": "機密保持契約書（改定）"}, nda.version)
    sqlite_services.contracts.approve_many([draft.id])
    dialog.reload()  # someone approved the new version meanwhile
    assert not dialog.save_button.isEnabled() and "読み取り専用" in dialog.status_label.text()
    assert not dialog.form.editors["title"].isEnabled() and not dialog.attach_button.isEnabled()
    assert not dialog.form.editors["clauses"].isEnabled()
