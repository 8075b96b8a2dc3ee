"""The contractor form: create through the form, errors at the field, Save gating, version conflicts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt

from desktop.services.facade import Services
from desktop.ui.forms import open_form
from tests.conftest import make_services
from tests.ui.forms_support import IGNORE_OFFSCREEN, japanese_font  # noqa: F401

pytestmark = IGNORE_OFFSCREEN


def new_contractor_form(qtbot, services: Services):
    dialog = open_form(services, "contractor", None)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_contractor_created_through_form_is_in_database(qtbot, sqlite_services: Services) -> None:
    dialog = new_contractor_form(qtbot, sqlite_services)
    dialog.form.editors["name"].setText("株式会社テスト商事")
    qtbot.keyClicks(dialog.form.editors["corporate_number"], "7000012050002")
    dialog.form.editors["pi_items"].setPlainText("氏名\n住所\n")
    with qtbot.waitSignal(dialog.saved, timeout=2000) as signal:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    record_type, record_id = signal.args
    assert record_type == "contractor"
    stored = sqlite_services.contractors.get(record_id)
    assert (stored.name, stored.corporate_number, stored.pi_items) == (
        "株式会社テスト商事",
        "7000012050002",
        ["氏名", "住所"],
    )
    assert dialog.windowTitle().endswith("株式会社テスト商事")


def test_save_disabled_while_required_name_is_empty(qtbot, sqlite_services: Services) -> None:
    dialog = new_contractor_form(qtbot, sqlite_services)
    assert not dialog.save_button.isEnabled()
    assert "委託先名" in dialog.status_label.text()
    qtbot.keyClicks(dialog.form.editors["name"], "A")
    assert dialog.save_button.isEnabled()
    dialog.form.editors["name"].clear()
    assert not dialog.save_button.isEnabled()


def test_invalid_corporate_number_is_shown_at_the_field_and_nothing_is_written(
    qtbot, sqlite_services: Services
) -> None:
    dialog = new_contractor_form(qtbot, sqlite_services)
    dialog.form.editors["name"].setText("株式会社誤番号")
    qtbot.keyClicks(dialog.form.editors["corporate_number"], "7000012050003")  # wrong check digit
    with qtbot.assertNotEmitted(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "チェックデジット" in dialog.form.error_text("corporate_number")
    assert dialog.form.errors["corporate_number"].isVisible()
    assert dialog.form.error_text("name") == ""
    assert sqlite_services.contractors.count() == 0


def test_error_on_another_tab_brings_that_tab_forward(qtbot, sqlite_services: Services) -> None:
    dialog = new_contractor_form(qtbot, sqlite_services)
    dialog.form.editors["name"].setText("株式会社期限")
    dialog.tabs.setCurrentIndex(0)
    dialog.form.editors["disposition_date"].set_value("2026-13-40")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.form.error_text("disposition_date")
    assert dialog.tabs.currentIndex() == 2
    assert sqlite_services.contractors.count() == 0


def test_version_conflict_is_reported_with_who_won_and_nothing_is_overwritten(
    qtbot, sqlite_services: Services, sqlite_url: str, tmp_path: Path
) -> None:
    created = sqlite_services.contractors.create({"name": "株式会社元の名前"})
    other = make_services(sqlite_url, tmp_path, actor="suzuki")
    try:
        dialog = open_form(sqlite_services, "contractor", created.id)
        qtbot.addWidget(dialog)
        other.contractors.update(created.id, {"name": "株式会社鈴木が直した名前"}, created.version)
        dialog.form.editors["notes"].setPlainText("私のメモ")
        with qtbot.assertNotEmitted(dialog.saved):
            qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert not dialog.banner.isHidden()
        message = dialog.banner.message.text()
        assert "suzuki" in message and "株式会社鈴木が直した名前" in message
        stored = sqlite_services.contractors.get(created.id)
        assert (stored.name, stored.notes) == ("株式会社鈴木が直した名前", None)
        assert dialog.form.value("notes") == "私のメモ"  # the user's edit is still there
        qtbot.mouseClick(dialog.banner.reload_button, Qt.MouseButton.LeftButton)
        assert dialog.form.value("name") == "株式会社鈴木が直した名前"
        assert dialog.form.value("notes") == ""
        assert dialog.banner.isHidden()
    finally:
        other.close()


def test_conflict_can_be_resolved_by_saving_mine_over_it(
    qtbot, sqlite_services: Services, sqlite_url: str, tmp_path: Path
) -> None:
    created = sqlite_services.contractors.create({"name": "株式会社元の名前"})
    other = make_services(sqlite_url, tmp_path, actor="suzuki")
    try:
        dialog = open_form(sqlite_services, "contractor", created.id)
        qtbot.addWidget(dialog)
        other.contractors.update(created.id, {"kana": "スズキ"}, created.version)
        dialog.form.editors["notes"].setPlainText("私のメモ")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        with qtbot.waitSignal(dialog.saved, timeout=2000):
            qtbot.mouseClick(dialog.banner.overwrite_button, Qt.MouseButton.LeftButton)
        stored = sqlite_services.contractors.get(created.id)
        assert stored.notes == "私のメモ" and stored.version == 3
    finally:
        other.close()


def test_editing_an_existing_contractor_updates_it(qtbot, sqlite_services: Services) -> None:
    created = sqlite_services.contractors.create({"name": "株式会社編集前"})
    dialog = open_form(sqlite_services, "contractor", created.id)
    qtbot.addWidget(dialog)
    assert dialog.form.value("name") == "株式会社編集前"
    dialog.form.editors["name"].setText("株式会社編集後")
    dialog.form.editors["status"].set_value("active")
    with qtbot.waitSignal(dialog.saved, timeout=2000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    stored = sqlite_services.contractors.get(created.id)
    assert (stored.name, stored.status, stored.version) == ("株式会社編集後", "active", 2)


def test_tab_order_follows_the_form(qtbot, sqlite_services: Services) -> None:
    from PySide6.QtCore import Qt as QtNamespace

    from desktop.ui.forms.contractor_form import BASIC

    dialog = new_contractor_form(qtbot, sqlite_services)
    owners = {id(editor.focusProxy() or editor): name for name, editor in dialog.form.editors.items()}
    widget, order = dialog.form.editors["name"], ["name"]
    for _ in range(200):
        widget = widget.nextInFocusChain()
        if not (widget.focusPolicy() & QtNamespace.FocusPolicy.TabFocus) or not widget.isVisibleTo(dialog):
            continue
        name = owners.get(id(widget))
        if name is None:
            break
        order.append(name)
    assert order == list(BASIC)


def test_the_contracts_tab_names_the_contract_carrying_confidentiality_and_the_pi_clauses(
    qtbot, sqlite_services: Services
) -> None:
    owner = sqlite_services.contractors.create({"name": "株式会社覚書", "pi_items": ["氏名"]})
    memorandum = sqlite_services.contracts.create(
        {
            "contractor_id": owner.id,
            "kind": "data_processing",
            "title": "個人情報の取扱いに関する覚書",
            "signed_on": "2026-04-01",
            "effective_from": "2026-04-01",
            "clauses": ["confidentiality", "purpose_limitation"],
        }
    )
    sqlite_services.contracts.approve(memorandum.id, memorandum.version)
    dialog = open_form(sqlite_services, "contractor", owner.id)
    qtbot.addWidget(dialog)
    cover = dialog.cover_label.text()
    assert f"Confidentiality (the NDA): 「個人情報の取扱いに関する覚書」(#{memorandum.id})" in cover
    assert "PI clauses in no contract in force: " in cover
    assert "Co&ntracts" in [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]


def test_a_contractor_imported_from_a_ledger_shows_its_import_day_read_only_and_others_do_not(
    qtbot, sqlite_services: Services, tmp_path: Path, itaku_app
) -> None:
    """台帳取込日 (Contractor.imported_on) on the basic tab: shown, in Japanese, for a contractor that came in
    through a ledger import; no row for one registered here or a new one; a label, not an editor (no one edits
    it, and saving the form leaves it as it was)."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["委託先名称", "取扱う個人情報の項目", "状態", "委託開始日"])
    sheet.append(["株式会社台帳取込", "氏名、住所", "委託中", date(2024, 4, 1)])
    workbook.save(tmp_path / "ledger.xlsx")
    sqlite_services.ledger_import.import_contractors(tmp_path / "ledger.xlsx")
    (imported,) = sqlite_services.contractors.search()
    day = sqlite_services.contractors.get(imported.id).imported_on
    assert day == sqlite_services.context.today()
    registered = sqlite_services.contractors.create({"name": "株式会社手入力"})

    dialog = open_form(sqlite_services, "contractor", imported.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.imported_on_caption.text() == "台帳取込日"
    assert dialog.imported_on_label.isVisible() and dialog.imported_on_caption.isVisible()
    assert dialog.imported_on_label.text() == day.isoformat()
    assert "imported_on" not in dialog.form.editors  # no editor: the save below cannot change it
    dialog.form.editors["notes"].setPlainText("取込後に確認")
    with qtbot.waitSignal(dialog.saved, timeout=3000):
        dialog.save()
    assert sqlite_services.contractors.get(imported.id).imported_on == day
    assert dialog.imported_on_label.text() == day.isoformat()

    dialog.reject()

    shown = open_form(sqlite_services, "contractor", registered.id)
    qtbot.addWidget(shown)
    shown.show()
    new = new_contractor_form(qtbot, sqlite_services)
    for other in (shown, new):
        assert not other.imported_on_label.isVisible() and not other.imported_on_caption.isVisible()
        assert other.imported_on_label.text() == ""
