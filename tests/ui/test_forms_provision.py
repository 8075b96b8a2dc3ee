"""The provision and receipt forms and pages: the retention end worked out as the form is filled, a bad date
refused at its field with nothing written, a finding opening the form at the field that fixes it, the two
register pages on the demo data with the retention filter, and a deletion before the retention end refused."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.domain.kinds import RecordType, RuleId
from desktop.services.facade import Services
from desktop.ui.forms import open_form
from desktop.ui.models.provisions import RETENTION_ENDED
from tests.ui.conftest import find_message_box
from tests.ui.forms_support import IGNORE_OFFSCREEN, japanese_font  # noqa: F401

pytestmark = IGNORE_OFFSCREEN
SHOTS = os.environ.get("ITAKU_TEST_SHOTS")  # a folder to keep the pictures in, for review


def keep(widget: Any, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def test_a_new_provision_shows_its_retention_end_and_is_saved(qtbot: Any, sqlite_services: Services) -> None:
    dialog = open_form(sqlite_services, RecordType.PROVISION, None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "Enter the date or the period" in dialog.retention_label.text()
    dialog.form.editors["recipient_name"].setText("株式会社つばめ")
    dialog.form.editors["period_from"].set_value(date(2026, 1, 1))
    assert "goes on" in dialog.retention_label.text()
    dialog.form.editors["period_from"].set_value(None)
    dialog.form.editors["provided_on"].set_value(date(2026, 4, 1))
    assert "2029-03-31" in dialog.retention_label.text()
    dialog.form.editors["record_form"].set_value(
        "contract_or_bulk_record_for_goods_or_services_to_the_person"
    )
    assert "2027-03-31" in dialog.retention_label.text()
    dialog.form.editors["basis"].set_value("consent")
    with qtbot.waitSignal(dialog.saved, timeout=2000) as signal:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    stored = sqlite_services.provisions.get(signal.args[1])
    assert (stored.recipient_name, stored.basis, stored.provided_on) == (
        "株式会社つばめ",
        "consent",
        date(2026, 4, 1),
    )


def test_a_period_ending_before_it_starts_is_refused_at_the_field(
    qtbot: Any, sqlite_services: Services
) -> None:
    dialog = open_form(sqlite_services, RecordType.RECEIPT, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.editors["provider_name"].setText("株式会社かもめ")
    dialog.form.editors["period_from"].set_value(date(2026, 4, 1))
    dialog.form.editors["period_to"].set_value(date(2026, 3, 31))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.form.errors["period_to"].isVisible()
    assert sqlite_services.receipts.list() == []


def test_a_provision_finding_opens_the_form_at_the_basis(qtbot: Any, window: Any) -> None:
    finding = next(f for f in window.snapshot.findings if f.rule == RuleId.PROVISION_BASIS_MISSING)
    dialog = window.open_record("provision", finding.record_id)
    assert dialog.findings_banner.isVisible()
    assert "basis" in dialog.highlighted_fields()
    assert "d32f2f" in dialog.form.editors["basis"].styleSheet()
    dialog.show()
    keep(dialog, "form-provision")


def test_the_pages_list_the_demo_records_and_filter_by_retention(
    window: Any, demo_services: Services
) -> None:
    page = window.show_page("provisions")
    model = page.source_model
    assert model.rowCount() == len(demo_services.provisions.list()) == 9
    ended = [
        model.row_object(row).recipient_name
        for row in range(model.rowCount())
        if model.status_value(model.row_object(row)) == RETENTION_ENDED
    ]
    assert ended == ["株式会社旅行プラン"]
    flagged = {
        model.row_object(row).recipient_name
        for row in range(model.rowCount())
        if model.row_findings(model.row_object(row))
    }
    assert {"株式会社データ流通", "株式会社ヘルスケア提携"} <= flagged
    keep(window, "page-provisions")
    receipts = window.show_page("receipts")
    assert receipts.source_model.rowCount() == 4
    keep(window, "page-receipts")


def test_deleting_a_provision_before_its_retention_end_is_refused(
    qtbot: Any, window: Any, demo_services: Services
) -> None:
    kept = next(r for r in demo_services.provisions.list() if r.recipient_name == "株式会社データ流通")
    page = window.show_page("provisions")
    page._confirmed_delete(QMessageBox.StandardButton.Yes, kept.id, kept.version)
    box = find_message_box(page, "deleteRefused") or find_message_box(window, "deleteRefused")
    assert box is not None and f"{kept.retention_end:%Y-%m-%d}" in box.text() + box.informativeText()
    assert kept.id in {r.id for r in demo_services.provisions.list()}
    box.close()
    ended = next(r for r in demo_services.provisions.list() if r.recipient_name == "株式会社旅行プラン")
    page._confirmed_delete(QMessageBox.StandardButton.Yes, ended.id, ended.version)
    assert ended.id not in {r.id for r in demo_services.provisions.list()}
