"""The register pages driven as a user would: type to search, pick a status, sort, open, delete."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from desktop.ui.models.base import RECORD_ID_ROLE, SEVERITY_ROLE
from tests.ui.conftest import OFFSCREEN_NOTES, type_text, wait_for_message_box

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOTES)


def _rows(page: Any) -> int:
    return page.table.model().rowCount()


def _column(page: Any, key: str) -> list[Any]:
    model = page.table.model()
    column = page.source_model.column_index(key)
    return [model.index(row, column).data() for row in range(model.rowCount())]


def _select_record(qtbot: Any, page: Any, record_id: int) -> None:
    assert page.select_id(record_id)
    qtbot.waitUntil(lambda: page.delete_button.isEnabled())


def test_contractor_page_shows_the_demo_contractors(qtbot: Any, window: Any) -> None:
    page = window.show_page("contractors")
    assert _rows(page) == 40
    assert any(name.startswith("株式会社") for name in _column(page, "name"))
    qtbot.waitUntil(lambda: page.count_label.text() == "40 件")
    assert page.title.text() == "委託先"


def test_typing_in_the_search_box_filters_as_you_type(qtbot: Any, window: Any) -> None:
    page = window.show_page("contractors")
    type_text(page.search_edit, "さくら")
    qtbot.waitUntil(lambda: _rows(page) < 40)
    names = _column(page, "name")
    assert names and all("さくら" in name for name in names)
    qtbot.waitUntil(
        lambda: page.count_label.text() == f"{len(names)} 件 / 全 40 件"
    )  # counted once typing pauses
    page.search_edit.clear()
    qtbot.waitUntil(lambda: _rows(page) == 40)


def test_search_finds_by_work_entrusted(qtbot: Any, window: Any) -> None:
    page = window.show_page("contractors")
    type_text(page.search_edit, "給与計算")
    qtbot.waitUntil(lambda: _rows(page) < 40)
    assert all("給与計算" in work for work in _column(page, "entrusted_work"))


def test_status_filter_shows_only_that_status(qtbot: Any, window: Any, demo_services: Any) -> None:
    page = window.show_page("contractors")
    page.status_box.setCurrentIndex(page.status_box.findData("ended"))
    assert _rows(page) == demo_services.contractors.count(status="ended") > 0
    assert set(_column(page, "status")) == {"終了"}


def test_clicking_a_header_sorts_the_column(qtbot: Any, window: Any) -> None:
    page = window.show_page("contractors")
    header = page.table.horizontalHeader()
    column = page.source_model.column_index("start_date")
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(header.sectionViewportPosition(column) + 5, header.height() // 2),
    )
    dates = _column(page, "start_date")
    assert dates == sorted(dates) or dates == sorted(dates, reverse=True)
    assert dates != _column(page, "start_date")[::-1] or len(set(dates)) == 1


def test_findings_column_marks_rows_with_findings(window: Any) -> None:
    page = window.show_page("contractors")
    model = page.table.model()
    severities = {model.index(row, 0).data(SEVERITY_ROLE) for row in range(model.rowCount())}
    assert {"blocking", "warning", ""} <= severities


def test_double_click_opens_the_record_in_its_form(qtbot: Any, window: Any) -> None:
    page = window.show_page("contractors")
    index = page.table.model().index(3, 1)
    record_id = index.data(RECORD_ID_ROLE)
    rect = page.table.visualRect(index)
    # A real double click starts with a press: Qt's item views ignore a double click on an unpressed index.
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: ("contractor", record_id) in window.open_dialogs)
    dialog = window.open_dialogs[("contractor", record_id)]
    assert dialog.isVisible() and dialog.record_id == record_id
    dialog.reject()


def test_enter_opens_the_current_record(qtbot: Any, window: Any) -> None:
    page = window.show_page("evaluations")
    page.table.setFocus()
    record_id = page.table.model().index(0, 0).data(RECORD_ID_ROLE)
    page.select_id(record_id)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ("evaluation", record_id) in window.open_dialogs)
    window.open_dialogs[("evaluation", record_id)].reject()


def test_delete_of_a_contractor_with_contracts_is_refused_with_the_reason(
    qtbot: Any, window: Any, demo_services: Any
) -> None:
    page = window.show_page("contractors")
    contract = demo_services.contracts.list()[0]
    _select_record(qtbot, page, contract.contractor_id)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    confirm = wait_for_message_box(qtbot, page, "confirmDelete")
    assert contract.contractor_name in confirm.text()
    qtbot.mouseClick(confirm.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    refusal = wait_for_message_box(qtbot, page, "deleteRefused")
    assert "削除できません" in refusal.text() and "契約" in refusal.text()
    refusal.accept()
    assert demo_services.contractors.get(contract.contractor_id).name == contract.contractor_name
    assert _rows(page) == 40


def test_delete_confirmed_removes_the_record_everywhere(qtbot: Any, window: Any, demo_services: Any) -> None:
    created = demo_services.contractors.create({"name": "株式会社削除テスト"})
    window.bus.announce({"contractor"})
    page = window.show_page("contractors")
    assert _rows(page) == 41
    _select_record(qtbot, page, created.id)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    confirm = wait_for_message_box(qtbot, page, "confirmDelete")
    qtbot.mouseClick(confirm.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _rows(page) == 40)
    assert demo_services.contractors.count(text="削除テスト") == 0


def test_delete_answered_no_keeps_the_record(qtbot: Any, window: Any, demo_services: Any) -> None:
    created = demo_services.contractors.create({"name": "株式会社残すテスト"})
    window.bus.announce({"contractor"})
    page = window.show_page("contractors")
    _select_record(qtbot, page, created.id)
    page.delete_selected()
    confirm = wait_for_message_box(qtbot, page, "confirmDelete")
    qtbot.mouseClick(confirm.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    assert demo_services.contractors.count(text="残すテスト") == 1


def test_new_button_opens_an_empty_form(qtbot: Any, window: Any) -> None:
    page = window.show_page("joint_uses")
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    forms = [dialog for dialog in window.findChildren(QDialog, "joint_useForm") if dialog.isVisible()]
    assert len(forms) == 1 and forms[0].record_id is None
    forms[0].reject()


def test_evaluation_page_filters_by_result(window: Any, demo_services: Any) -> None:
    page = window.show_page("evaluations")
    page.status_box.setCurrentIndex(page.status_box.findData("fail"))
    expected = sum(1 for row in demo_services.evaluations.list() if row.result == "fail")
    assert _rows(page) == expected > 0
    assert set(_column(page, "result")) == {"不適合"}


def test_contract_page_filters_by_kind_and_search(qtbot: Any, window: Any) -> None:
    page = window.show_page("contracts")
    total = _rows(page)
    page.status_box.setCurrentIndex(page.status_box.findData("nda"))
    assert 0 < _rows(page) < total
    qtbot.keyClicks(page.search_edit, "Northwind")
    qtbot.waitUntil(lambda: _rows(page) == 1)


def test_engagement_page_shows_findings_of_its_redelegations(window: Any) -> None:
    page = window.show_page("engagements")
    snapshot = window.snapshot
    engagement_ids = {
        snapshot.redelegation_engagements[f.record_id]
        for f in snapshot.findings
        if f.record_type == "redelegation"
    }
    model = page.table.model()
    marked = {
        model.index(row, 0).data(RECORD_ID_ROLE)
        for row in range(model.rowCount())
        if model.index(row, 0).data(SEVERITY_ROLE)
    }
    assert engagement_ids and engagement_ids <= marked


def test_joint_use_page_sorts_by_start_date(window: Any) -> None:
    page = window.show_page("joint_uses")
    column = page.source_model.column_index("start_date")
    page.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    dates = _column(page, "start_date")
    assert len(dates) > 1 and dates == sorted(dates, reverse=True)


def test_new_evaluation_is_for_the_contractor_of_the_selected_row(qtbot: Any, window: Any) -> None:
    page = window.show_page("evaluations")
    record_id = page.table.model().index(0, 0).data(RECORD_ID_ROLE)
    page.select_id(record_id)
    contractor_id = page.selected_row_object().contractor_id
    assert page.new_defaults() == {"contractor_id": contractor_id}
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    forms = [dialog for dialog in window.findChildren(QDialog, "evaluationForm") if dialog.isVisible()]
    assert len(forms) == 1 and forms[0].record_id is None
    assert forms[0].collect()["contractor_id"] == contractor_id
    forms[0].reject()
