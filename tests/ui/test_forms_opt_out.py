"""The opt-out forms and pages: ①–⑤ labels, the preview of what the persons are told, the change history, a
stop request's arrangement chosen by title, and the two register pages on the demo data."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from desktop.domain.kinds import RecordType
from desktop.services.facade import Services
from desktop.ui.forms import open_form
from desktop.ui.forms.opt_out_form import OptOutChangeDialog, notice_preview
from tests.ui.forms_support import IGNORE_OFFSCREEN, japanese_font  # noqa: F401

pytestmark = IGNORE_OFFSCREEN
SHOTS = os.environ.get("ITAKU_TEST_SHOTS")  # a folder to keep the pictures in, for review


def keep(widget: Any, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def test_items_are_labelled_as_the_policy_numbers_them(qtbot: Any, sqlite_services: Services) -> None:
    dialog = open_form(sqlite_services, RecordType.OPT_OUT, None)
    qtbot.addWidget(dialog)
    names = ("purpose_statement", "pi_items", "provision_method", "stop_request_method", "acquisition_method")
    assert [dialog.form.labels[name].text()[0] for name in names] == ["①", "②", "③", "④", "⑤"]


def test_the_preview_follows_the_form_and_matches_the_saved_record(
    qtbot: Any, demo_services: Services
) -> None:
    dialog = open_form(demo_services, RecordType.OPT_OUT, 1)
    qtbot.addWidget(dialog)
    assert dialog.preview.toPlainText() == demo_services.opt_outs.notice(1)
    assert notice_preview(dialog.form.values()) == demo_services.opt_outs.notice(1)
    dialog.form.editors["title"].setText("新しい名称")
    assert dialog.preview.toPlainText().startswith("新しい名称")
    dialog.show()
    keep(dialog, "form-opt_out")


def test_a_new_arrangement_is_saved_and_a_change_added(qtbot: Any, sqlite_services: Services) -> None:
    dialog = open_form(sqlite_services, RecordType.OPT_OUT, None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.save_button.isEnabled() and not dialog.add_change_button.isEnabled()
    dialog.form.editors["title"].setText("会員名簿の提供")
    dialog.form.editors["start_date"].set_value(date(2026, 12, 1))
    with qtbot.waitSignal(dialog.saved, timeout=2000) as signal:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    opt_out_id = signal.args[1]
    assert sqlite_services.opt_outs.get(opt_out_id).title == "会員名簿の提供"
    qtbot.mouseClick(dialog.add_change_button, Qt.MouseButton.LeftButton)
    change = dialog.sub_dialog
    assert isinstance(change, OptOutChangeDialog)
    change.form.editors["field"].set_value("pi_items")
    change.form.editors["description"].setPlainText("生年月日を追加")
    change.form.editors["changed_on"].set_value(date(2027, 1, 1))
    change.form.editors["ppc_notified_on"].set_value(date(2026, 12, 20))
    with qtbot.waitSignal(dialog.saved, timeout=2000):
        qtbot.mouseClick(change.save_close_button, Qt.MouseButton.LeftButton)
    assert dialog.change_table.rowCount() == 1
    assert dialog.change_table.item(0, 3).text() == "2026-12-20"
    assert dialog.change_table.item(0, 4).text() == "not yet"  # untranslated here: no translator installed
    [stored] = sqlite_services.opt_outs.get(opt_out_id).changes
    assert stored.ppc_notified_on == date(2026, 12, 20) and stored.made_known_on is None


def test_a_stop_request_is_saved_for_the_arrangement_chosen(qtbot: Any, demo_services: Services) -> None:
    dialog = open_form(demo_services, RecordType.STOP_REQUEST, None, opt_out_id=2)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.form.value("opt_out_id") == 2
    dialog.form.editors["person"].setText("佐藤 花子")
    dialog.form.editors["identity_check"].setText("運転免許証の写し")
    dialog.form.editors["received_on"].set_value(date(2026, 11, 20))
    dialog.form.editors["effective_on"].set_value(date(2026, 11, 19))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.form.errors["effective_on"].isVisible()  # before the receipt: refused at the field
    assert not [s for s in demo_services.stop_requests.list() if s.person == "佐藤 花子"]
    dialog.form.editors["effective_on"].set_value(date(2026, 11, 21))
    with qtbot.waitSignal(dialog.saved, timeout=2000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    [stored] = [s for s in demo_services.stop_requests.list() if s.person == "佐藤 花子"]
    assert stored.opt_out_id == 2
    keep(dialog, "form-stop_request")


def test_the_pages_list_the_demo_records_with_their_findings(window: Any, demo_services: Services) -> None:
    page = window.show_page("opt_outs")
    model = page.source_model
    assert model.rowCount() == len(demo_services.opt_outs.list()) == 5
    flagged = {
        model.row_object(row).title
        for row in range(model.rowCount())
        if model.row_findings(model.row_object(row))
    }
    assert "健康相談会員の名簿提供" in flagged and "会員名簿の提携先への提供" not in flagged
    keep(window, "page-opt_outs")
    stops = window.show_page("stop_requests")
    assert stops.source_model.rowCount() == 3
    keep(window, "page-stop_requests")
