"""The reusable inputs: optional dates with a calendar, text lists, choice boxes, schema forms, the chain."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt

from desktop.domain.consent_chain import ConsentRecord, SubContractor, build_chain
from desktop.domain.schema import CONTRACTOR
from desktop.ui.widgets.consent_chain import LATE, MISSING, NEUTRAL, OK, chain_links
from desktop.ui.widgets.date_field import DateField
from desktop.ui.widgets.schema_form import ChoiceBox, SchemaForm
from desktop.ui.widgets.text_list import TextListEditor
from tests.ui.forms_support import IGNORE_OFFSCREEN, japanese_font  # noqa: F401

pytestmark = IGNORE_OFFSCREEN


def test_optional_date_can_be_cleared(qtbot) -> None:
    field = DateField(optional=True)
    qtbot.addWidget(field)
    field.set_value(date(2026, 4, 1))
    assert field.value() == date(2026, 4, 1)
    qtbot.mouseClick(field.clear_button, Qt.MouseButton.LeftButton)
    assert field.value() is None and field.is_empty()


def test_required_date_has_no_clear_button(qtbot) -> None:
    field = DateField(optional=False)
    qtbot.addWidget(field)
    assert field.clear_button is None


def test_calendar_pick_sets_the_date(qtbot) -> None:
    field = DateField()
    qtbot.addWidget(field)
    field.show()
    qtbot.mouseClick(field.calendar_button, Qt.MouseButton.LeftButton)
    assert field.popup is not None and field.popup.isVisible()
    with qtbot.waitSignal(field.changed, timeout=1000):
        field.popup.calendar.activated.emit(QDate(2027, 2, 28))
    assert field.value() == date(2027, 2, 28)
    assert not field.popup.isVisible()


def test_typed_dates_are_parsed_and_bad_text_is_kept_for_the_service_to_name(qtbot) -> None:
    field = DateField()
    qtbot.addWidget(field)
    qtbot.keyClicks(field.line_edit, "2026/4/1")
    assert field.value() == date(2026, 4, 1)
    field.line_edit.setText("2026-02-30")
    assert field.value() == "2026-02-30"


def test_text_list_takes_one_entry_per_line_without_blanks_or_repeats(qtbot) -> None:
    editor = TextListEditor()
    qtbot.addWidget(editor)
    editor.setPlainText("氏名\n\n 住所 \n氏名\n")
    assert editor.value() == ["氏名", "住所"]
    editor.set_value(["電話番号"])
    assert editor.toPlainText() == "電話番号"


def test_choice_box_keeps_a_value_it_does_not_list(qtbot) -> None:
    box = ChoiceBox([("A", "a")], blank="—")
    qtbot.addWidget(box)
    assert box.value() is None
    box.set_value("legacy")
    assert box.value() == "legacy" and box.currentText() == "legacy"


def test_schema_form_uses_schema_labels_and_marks_required(qtbot) -> None:
    form = SchemaForm(CONTRACTOR, ("name", "kind", "start_date"))
    page = form.layout_for(form.names)
    qtbot.addWidget(page)
    assert form.labels["name"].text() == "委託先名 *"
    assert form.labels["kind"].text() == "区分"
    assert form.missing_required() == ["name"]
    form.set_values({"name": "株式会社A", "kind": "sole_proprietor", "start_date": date(2026, 1, 5)})
    assert form.values() == {"name": "株式会社A", "kind": "sole_proprietor", "start_date": date(2026, 1, 5)}
    assert form.editors["kind"].currentText() == "個人事業主"
    assert form.missing_required() == []


def test_chain_links_follow_the_consent_dates() -> None:
    chain = build_chain(
        "委託元",
        False,
        "当初の事業者",
        [],
        date(2026, 4, 1),
        "当社",
        [SubContractor(7, "再委託先7", date(2026, 5, 1)), SubContractor(8, "再委託先8", date(2026, 5, 1))],
    )
    consents = [
        ConsentRecord(1, "original", "client", "us", date(2026, 3, 1)),
        ConsentRecord(2, "original", "us", "redelegation:7", date(2026, 5, 2)),
        ConsentRecord(3, "client", "us", "redelegation:8", date(2026, 4, 2)),  # the client: not the original
    ]
    links = chain_links(chain, consents)
    assert [(link.key, link.status) for link in links] == [
        ("original>client", NEUTRAL),
        ("client>us", OK),
        ("us>redelegation:7", LATE),
        ("us>redelegation:8", MISSING),
    ]
    assert links[3].not_counted and "当初の事業者" in links[3].consenters.ja
    direct = chain_links(build_chain("委託元", True, None, [], date(2026, 4, 1), "当社"), [])
    assert [(link.key, link.status) for link in direct] == [("client>us", NEUTRAL)]
