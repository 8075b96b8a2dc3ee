"""The engagement form: consent chain colours, one dialog per link, re-delegations, status refusal."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from desktop.services.facade import Services
from desktop.ui.forms import open_form
from desktop.ui.forms.engagement_form import ConsentHopDialog, RedelegationDialog
from tests.ui.forms_support import IGNORE_OFFSCREEN, japanese_font  # noqa: F401

pytestmark = IGNORE_OFFSCREEN


def engagement_findings(services: Services, engagement_id: int) -> list[str]:
    return [
        f.rule
        for f in services.checks.findings()
        if f.record_type == "engagement" and f.record_id == engagement_id
    ]


def open_engagement(qtbot, services: Services, engagement_id: int | None, **defaults):
    dialog = open_form(services, "engagement", engagement_id, **defaults)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_adding_the_missing_consent_turns_the_red_link_green_and_clears_the_finding(
    qtbot, demo_services: Services
) -> None:
    engagement = demo_services.engagements.get(1)
    assert not engagement.client_is_original
    assert not [hop for hop in engagement.consent_hops if hop.redelegation_id is None]
    assert "engagement.consent_missing" in engagement_findings(demo_services, 1)
    dialog = open_engagement(qtbot, demo_services, 1)
    link = dialog.chain.buttons["client>us"]
    assert link.property("status") == "missing"
    assert engagement.original_business_name in dialog.chain.reasons.text()
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    hop_dialog = dialog.sub_dialog
    assert isinstance(hop_dialog, ConsentHopDialog) and hop_dialog.redelegation_id is None
    # The giver and the link are parties of the chain, picked, not typed: the original business by default.
    assert hop_dialog.form.value("given_by") == "original"
    assert hop_dialog.form.value("link_from") == "client" and hop_dialog.form.value("link_to") == "us"
    assert engagement.original_business_name in hop_dialog.form.editors["given_by"].currentText()
    assert not hop_dialog.save_button.isEnabled()  # the consent date is still empty
    hop_dialog.form.editors["consented_on"].set_value(engagement.start_date - timedelta(days=3))
    with qtbot.waitSignal(dialog.saved, timeout=2000):
        qtbot.mouseClick(hop_dialog.save_close_button, Qt.MouseButton.LeftButton)
    assert dialog.chain.buttons["client>us"].property("status") == "ok"
    assert dialog.chain.reasons.isHidden()
    assert dialog.hop_table.rowCount() == len(engagement.consent_hops) + 1
    assert "engagement.consent_missing" not in engagement_findings(demo_services, 1)


def test_late_consent_is_red_with_the_reason(qtbot, demo_services: Services) -> None:
    dialog = open_engagement(qtbot, demo_services, 2)  # the demo's consent obtained after the start
    assert dialog.chain.buttons["client>us"].property("status") == "late"
    assert "after the start" in dialog.chain.reasons.text() or "より後" in dialog.chain.reasons.text()


def test_re_delegation_link_records_the_clients_consent(qtbot, demo_services: Services) -> None:
    engagement = demo_services.engagements.get(4)  # its re-delegation has no consent of the client
    redelegation = engagement.redelegations[0]
    dialog = open_engagement(qtbot, demo_services, 4)
    key = f"us>redelegation:{redelegation.id}"
    assert dialog.chain.buttons[key].property("status") == "missing"
    qtbot.mouseClick(dialog.chain.buttons[key], Qt.MouseButton.LeftButton)
    hop_dialog = dialog.sub_dialog
    assert hop_dialog.redelegation_id == redelegation.id
    assert hop_dialog.form.value("given_by") == "original"  # the original business, not the client
    assert hop_dialog.form.value("link_to") == f"redelegation:{redelegation.id}"
    assert redelegation.contractor.name in hop_dialog.form.editors["link_to"].currentText()
    hop_dialog.form.editors["consented_on"].set_value(redelegation.start_date)
    hop_dialog.form.editors["form"].set_value("email")
    qtbot.mouseClick(hop_dialog.save_close_button, Qt.MouseButton.LeftButton)
    assert dialog.chain.buttons[key].property("status") == "ok"
    assert not [
        f
        for f in demo_services.checks.findings()
        if f.rule == "redelegation.consent_missing" and f.record_id == redelegation.id
    ]


def test_setting_active_without_consent_is_refused_at_the_status_field(
    qtbot, sqlite_services: Services
) -> None:
    created = sqlite_services.engagements.create(
        {
            "client_name": "株式会社委託元",
            "client_is_original": False,
            "original_business_name": "株式会社当初",
            "work": "データ入力",
            "start_date": date(2026, 12, 1),
        }
    )
    dialog = open_engagement(qtbot, sqlite_services, created.id)
    dialog.form.editors["status"].set_value("active")
    with qtbot.assertNotEmitted(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "方針7" in dialog.form.error_text("status")
    assert sqlite_services.engagements.get(created.id).status == "planned"


def test_new_engagement_chain_is_drawn_from_the_form_and_unlocks_after_saving(
    qtbot, sqlite_services: Services
) -> None:
    contractor = sqlite_services.contractors.create({"name": "株式会社再委託先"})
    dialog = open_engagement(qtbot, sqlite_services, None)
    dialog.form.editors["client_name"].setText("株式会社新規委託元")
    dialog.form.editors["work"].setPlainText("発送代行")
    dialog.form.editors["start_date"].set_value(date(2026, 12, 1))
    assert any(
        "株式会社新規委託元" in label.text() and label.isVisible()
        for label in dialog.chain.grid_host.findChildren(type(dialog.chain.reasons))
    )
    assert not dialog.chain.buttons["client>us"].isEnabled()  # nothing to record a consent on yet
    assert not dialog.add_redelegation_button.isEnabled()
    with qtbot.waitSignal(dialog.saved, timeout=2000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.add_redelegation_button.isEnabled()
    qtbot.mouseClick(dialog.add_redelegation_button, Qt.MouseButton.LeftButton)
    sub = dialog.sub_dialog
    assert isinstance(sub, RedelegationDialog)
    assert sub.form.value("start_date") == date(2026, 12, 1)
    sub.form.editors["contractor_id"].set_value(contractor.id)
    qtbot.mouseClick(sub.save_close_button, Qt.MouseButton.LeftButton)
    assert dialog.redelegation_table.rowCount() == 1
    assert dialog.redelegation_table.item(0, 0).text() == "株式会社再委託先"
    redelegation_id = sqlite_services.engagements.get(dialog.record_id).redelegations[0].id
    assert dialog.chain.buttons[f"us>redelegation:{redelegation_id}"].property("status") == "missing"


def test_deleting_a_re_delegation_removes_its_link(qtbot, demo_services: Services, monkeypatch) -> None:
    dialog = open_engagement(qtbot, demo_services, 4)
    monkeypatch.setattr(dialog, "confirm", lambda question: True)
    dialog.redelegation_table.selectRow(0)
    qtbot.mouseClick(dialog.delete_redelegation_button, Qt.MouseButton.LeftButton)
    assert dialog.redelegation_table.rowCount() == 0
    assert not [key for key in dialog.chain.buttons if "redelegation:" in key]
    assert demo_services.engagements.get(4).redelegations == []


def test_a_consent_given_by_the_wrong_party_stays_red_and_says_whose_it_must_be(
    qtbot, demo_services: Services
) -> None:
    """The demo's engagement 3: its client 'consented' to our engagement; the client is not the original
    business and has no authority from it, so the link stays red, naming the original business."""
    engagement = demo_services.engagements.get(3)
    dialog = open_engagement(qtbot, demo_services, 3)
    assert dialog.chain.buttons["client>us"].property("status") == "missing"
    reasons = dialog.chain.reasons.text()
    assert engagement.original_business_name in reasons and engagement.client_name in reasons
    assert dialog.hop_table.item(0, 0).text().startswith(engagement.client_name)


def test_an_intermediate_client_is_drawn_and_its_authorised_consent_turns_its_link_green(
    qtbot, demo_services: Services
) -> None:
    dialog = open_engagement(qtbot, demo_services, 4)  # original → ひかり情報サービス → client → us
    intermediate = "intermediate:株式会社ひかり情報サービス"
    assert dialog.chain.buttons[f"original>{intermediate}"].property("status") == "neutral"
    assert dialog.chain.buttons[f"{intermediate}>client"].property("status") == "ok"
    assert dialog.chain.buttons["client>us"].property("status") == "ok"  # given by the authorised party
    assert [entry["party"] for entry in dialog.form.value("consent_authorities")] == [intermediate, "client"]


def test_the_form_adds_a_second_authorisation_picked_from_the_chain(qtbot, demo_services: Services) -> None:
    """Two rows of authorisations: each party picked from the chain's intermediates and client, with its date
    and document; saved, the engagement holds both, and removing one leaves the other."""
    from desktop.ui.widgets.authority_list import AuthorityListEditor
    from desktop.ui.widgets.date_field import DateField

    dialog = open_engagement(qtbot, demo_services, 4)
    editor = dialog.form.editor("consent_authorities", AuthorityListEditor)
    editor.set_value([])
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    choices = []
    for row, (key, day, document) in enumerate(
        [
            ("intermediate:株式会社ひかり情報サービス", "2020-01-05", "覚書一"),
            ("client", "2020-02-05", "覚書二"),
        ]
    ):
        box = editor.table.cellWidget(row, editor.PARTY)
        choices = [box.itemText(i) for i in range(box.count())]
        box.set_value(key)
        date_field = editor.table.cellWidget(row, editor.DATE)
        assert isinstance(date_field, DateField)
        date_field.set_value(day)
        editor.table.cellWidget(row, editor.DOCUMENT).setText(document)
    assert any("株式会社ひかり情報サービス" in choice for choice in choices)  # by name, not by key
    assert dialog.save()
    saved = demo_services.engagements.get(4).consent_authorities
    assert saved == [
        {
            "party": "intermediate:株式会社ひかり情報サービス",
            "granted_on": "2020-01-05",
            "document": "覚書一",
        },
        {"party": "client", "granted_on": "2020-02-05", "document": "覚書二"},
    ]
    # Without the client's authorisation its consent to client → us no longer counts: the active engagement
    # cannot be saved so, and nothing changes.
    editor.table.selectRow(1)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert [a["party"] for a in editor.value()] == ["intermediate:株式会社ひかり情報サービス"]
    assert not dialog.save()
    assert dialog.form.error_text("status")
    assert demo_services.engagements.get(4).consent_authorities == saved


def test_a_half_filled_authorisation_is_refused_at_its_field(qtbot, demo_services: Services) -> None:
    from desktop.ui.widgets.authority_list import AuthorityListEditor

    dialog = open_engagement(qtbot, demo_services, 4)
    editor = dialog.form.editor("consent_authorities", AuthorityListEditor)
    before = demo_services.engagements.get(4).consent_authorities
    row = editor.add_row("client")  # no date, no document
    assert row == len(before)
    assert not dialog.save()
    assert "付与日" in dialog.form.error_text("consent_authorities") or "date" in dialog.form.error_text(
        "consent_authorities"
    )
    assert demo_services.engagements.get(4).consent_authorities == before


def test_a_migrated_consent_without_giver_is_listed_to_complete(qtbot, demo_services: Services) -> None:
    dialog = open_engagement(qtbot, demo_services, 2)
    rows = [dialog.hop_table.item(row, 0).text() for row in range(dialog.hop_table.rowCount())]
    incomplete = [row for row, text in enumerate(rows) if "営業部" in text]
    assert len(incomplete) == 1
    dialog.hop_table.selectRow(incomplete[0])
    qtbot.mouseClick(dialog.edit_hop_button, Qt.MouseButton.LeftButton)
    hop_dialog = dialog.sub_dialog
    assert hop_dialog.as_written_label.isVisible()
    assert "営業部" in hop_dialog.as_written_label.text()
