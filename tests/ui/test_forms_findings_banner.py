"""From a finding to the fix: opening a finding opens its record's form with a banner listing the record's
open findings and what to do, the tab holding the field to fix in front and the field highlighted; every
form opened from the window shows the banner; the dashboard gives the finding text the width."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.domain.kinds import RuleId
from desktop.domain.schema import (
    CONTRACT,
    CONTRACTOR,
    ENGAGEMENT,
    INCIDENT,
    JOINT_USE,
    OPT_OUT,
    PROVISION,
    RECEIPT,
    REQUEST,
)
from desktop.ui.forms.finding_fixes import FINDING_FIXES
from tests.ui.conftest import OFFSCREEN_NOTES

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOTES)


def finding_row(page: Any, rule: str) -> int:
    model = page.findings_model
    return next(row for row in range(model.rowCount()) if model.row_object(row).rule == rule)


def test_every_rule_says_where_it_is_fixed_and_what_to_do() -> None:
    assert set(FINDING_FIXES) == set(RuleId)
    form_fields = {
        field.name
        for schema in (
            CONTRACTOR,
            CONTRACT,
            ENGAGEMENT,
            JOINT_USE,
            OPT_OUT,
            PROVISION,
            RECEIPT,
            REQUEST,
            INCIDENT,
        )
        for field in schema.fields
    }
    for rule, fix in FINDING_FIXES.items():
        assert fix.advice, rule
        assert set(fix.fields) <= form_fields, rule


def test_every_advice_is_translated_into_japanese(itaku_app: QApplication) -> None:
    for rule, fix in FINDING_FIXES.items():
        assert fix.advice_text() != fix.advice, rule
        assert any("\u3040" <= character <= "\u30ff" for character in fix.advice_text()), rule


def test_enter_on_a_finding_opens_the_form_at_the_field_that_fixes_it(qtbot: Any, window: Any) -> None:
    page = window.show_page("dashboard")
    row = finding_row(page, RuleId.CONTRACTOR_FOREIGN_REGIME_MISSING)
    finding = page.findings_model.row_object(row)
    view = page.findings_view
    view.setFocus()
    view.setCurrentIndex(view.model().index(row, 1))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ("contractor", finding.record_id) in window.open_dialogs)
    dialog = window.open_dialogs[("contractor", finding.record_id)]
    qtbot.waitExposed(dialog)
    banner = dialog.findings_banner
    assert banner.isVisible()
    said = banner.plain_text()
    assert "未解決の指摘事項" in said and "第28条" in said
    assert "その国の個人情報保護制度を確認した記録" in said  # what to do
    editor = dialog.form.editors["foreign_regime_note"]
    assert dialog.tabs.currentWidget().isAncestorOf(editor)
    assert dialog.tabs.currentIndex() == 1
    assert dialog.highlighted_fields() == ["foreign_regime_note"]
    assert "d32f2f" in editor.styleSheet()
    qtbot.waitUntil(editor.hasFocus)


def test_double_click_opens_a_joint_use_at_a_missing_notice_item(qtbot: Any, window: Any) -> None:
    page = window.show_page("dashboard")
    row = finding_row(page, RuleId.JOINT_USE_ITEM_MISSING)
    finding = page.findings_model.row_object(row)
    view = page.findings_view
    view.scrollTo(view.model().index(row, 3))
    rect = view.visualRect(view.model().index(row, 3))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double click:
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # click, then double
    qtbot.waitUntil(lambda: ("joint_use", finding.record_id) in window.open_dialogs)
    assert len(window.open_dialogs) == 1
    dialog = window.open_dialogs[("joint_use", finding.record_id)]
    assert dialog.findings_banner.isVisible()
    highlighted = dialog.highlighted_fields()
    assert highlighted and all(not dialog.form.value(name) for name in highlighted)


def test_a_form_opened_from_its_page_shows_the_banner_too(qtbot: Any, window: Any) -> None:
    snapshot_findings = [
        f for f in window.snapshot.findings if f.rule == RuleId.CONTRACTOR_DISPOSAL_UNCONFIRMED
    ]
    record_id = snapshot_findings[0].record_id
    page = window.show_page("contractors")
    page.select_id(record_id)
    page.edit_selected()
    dialog = window.open_dialogs[("contractor", record_id)]
    assert dialog.findings_banner.isVisible()
    assert "返却・廃棄" in dialog.findings_banner.plain_text()
    assert "disposition_date" in dialog.highlighted_fields()


def test_a_record_without_findings_has_no_banner(qtbot: Any, window: Any, demo_services: Any) -> None:
    with_findings = {f.record_id for f in window.snapshot.findings if f.record_type == "contractor"}
    clean = next(record_id for record_id in range(1, 41) if record_id not in with_findings)
    dialog = window.open_record("contractor", clean)
    assert not dialog.findings_banner.isVisible() and dialog.highlighted_fields() == []


def test_fixing_the_field_and_saving_clears_the_banner(qtbot: Any, window: Any) -> None:
    page = window.show_page("dashboard")
    finding = page.findings_model.row_object(finding_row(page, RuleId.CONTRACTOR_FOREIGN_REGIME_MISSING))
    dialog = window.open_record("contractor", finding.record_id)
    dialog.form.editors["foreign_regime_note"].setPlainText(
        "米国の制度を個人情報保護委員会の資料で確認した。"
    )
    with qtbot.waitSignal(window.findings_updated, timeout=10000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert all(f.rule != RuleId.CONTRACTOR_FOREIGN_REGIME_MISSING for f in dialog.findings_banner.findings)
    assert "foreign_regime_note" not in dialog.highlighted_fields()
    assert "d32f2f" not in dialog.form.editors["foreign_regime_note"].styleSheet()


def test_the_dashboard_gives_the_finding_text_the_width(window: Any) -> None:
    page = window.show_page("dashboard")
    view = page.findings_view
    columns = [column.key for column in page.findings_model.columns]
    message = columns.index("message")
    header = view.horizontalHeader()
    for date_column in (columns.index(key) for key in ("since", "due") if key in columns):
        assert header.sectionSize(message) > 2 * header.sectionSize(date_column)
        assert header.sectionSize(date_column) < view.viewport().width() / 5
    row = finding_row(page, RuleId.CONTRACTOR_FOREIGN_REGIME_MISSING)
    index = view.model().index(row, message)
    # The full text is the tooltip (it may be cut off in the cell), followed by the finding's basis.
    tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith(index.data(Qt.ItemDataRole.DisplayRole) + "\n")
    assert "根拠: " in tooltip
    assert page.findings_hint.isVisible() and "ダブルクリック" in page.findings_hint.text()
