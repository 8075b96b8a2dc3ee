"""The contract form: date order at the field, PI clause checklist, attachment with hash warning."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices

from desktop.domain.clauses import REQUIRED_CLAUSES
from desktop.services.facade import Services
from desktop.ui.forms import open_form
from tests.ui.forms_support import IGNORE_OFFSCREEN, japanese_font  # noqa: F401

pytestmark = IGNORE_OFFSCREEN


@pytest.fixture
def contractor_id(sqlite_services: Services) -> int:
    return sqlite_services.contractors.create({"name": "株式会社契約先", "pi_items": ["氏名", "住所"]}).id


def filled_contract_form(qtbot, services: Services, contractor_id: int):
    dialog = open_form(services, "contract", None, contractor_id=contractor_id)
    qtbot.addWidget(dialog)
    dialog.form.editors["kind"].set_value("nda")
    dialog.form.editors["title"].setText("機密保持契約書")
    dialog.form.editors["signed_on"].set_value(date(2026, 4, 1))
    dialog.form.editors["effective_from"].set_value(date(2026, 4, 1))
    return dialog


def test_contractor_default_preselects_the_contractor(
    qtbot, sqlite_services: Services, contractor_id: int
) -> None:
    dialog = open_form(sqlite_services, "contract", None, contractor_id=contractor_id)
    qtbot.addWidget(dialog)
    assert dialog.form.value("contractor_id") == contractor_id
    assert dialog.form.editors["contractor_id"].currentText() == "株式会社契約先"


def test_expiry_before_signing_is_shown_at_the_field_and_nothing_is_written(
    qtbot, sqlite_services: Services, contractor_id: int
) -> None:
    dialog = filled_contract_form(qtbot, sqlite_services, contractor_id)
    qtbot.keyClicks(dialog.form.editors["expires_on"].line_edit, "2026-03-31")
    with qtbot.assertNotEmitted(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "有効期限は締結日以降" in dialog.form.error_text("expires_on")
    assert dialog.form.error_text("signed_on") == ""
    assert sqlite_services.contracts.list() == []


def test_required_clauses_missing_for_the_kind_are_marked_and_clear_when_ticked(
    qtbot, sqlite_services: Services, contractor_id: int
) -> None:
    dialog = filled_contract_form(qtbot, sqlite_services, contractor_id)
    clauses = dialog.clauses
    # An NDA binds to confidentiality by its nature; the PI clauses its kind needs are still missing.
    assert clauses.missing() == [code for code in REQUIRED_CLAUSES["nda"] if code != "confidentiality"]
    assert "3" in clauses.missing_label.text()
    assert "missing" in clauses.boxes["purpose_limitation"].text()
    assert "by its nature" in clauses.boxes["confidentiality"].text()
    assert "counts as the NDA" in clauses.duty_label.text()
    for code in REQUIRED_CLAUSES["nda"]:
        qtbot.mouseClick(clauses.boxes[code], Qt.MouseButton.LeftButton)
    assert clauses.missing() == []
    dialog.form.editors["kind"].set_value("outsourcing")
    assert len(clauses.missing()) == len(REQUIRED_CLAUSES["outsourcing"]) - 4
    with qtbot.waitSignal(dialog.saved, timeout=2000) as signal:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = sqlite_services.contracts.get(signal.args[1])
    assert sorted(saved.clauses) == sorted(REQUIRED_CLAUSES["nda"])


def test_attachment_is_stored_opened_and_warned_about_when_modified(
    qtbot, sqlite_services: Services, contractor_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "signed.pdf"
    source.write_bytes(b"%PDF-1.4 signed contract")
    dialog = filled_contract_form(qtbot, sqlite_services, contractor_id)
    dialog.set_pending_attachment(source)
    assert "signed.pdf" in dialog.attachment_label.text()
    with qtbot.waitSignal(dialog.saved, timeout=2000) as signal:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    contract_id = signal.args[1]
    assert sqlite_services.contracts.get(contract_id).attachment_name == "signed.pdf"
    assert dialog.attachment_warning.isHidden()
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert opened and Path(opened[0].toLocalFile()) == sqlite_services.contracts.attachment_file(contract_id)
    sqlite_services.contracts.attachment_file(contract_id).write_bytes(b"tampered")
    reopened = open_form(sqlite_services, "contract", contract_id)
    qtbot.addWidget(reopened)
    assert not reopened.attachment_warning.isHidden()
    assert "SHA-256" in reopened.attachment_warning.text()


def saved_contract(qtbot, services: Services, contractor_id: int):
    dialog = filled_contract_form(qtbot, services, contractor_id)
    with qtbot.waitSignal(dialog.saved, timeout=2000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    return dialog


def contract_findings(services: Services, contract_id: int) -> list[str]:
    return [
        finding.rule
        for finding in services.checks.findings()
        if finding.record_type == "contract" and finding.record_id == contract_id
    ]


def test_officer_approves_and_the_checks_then_count_the_contract(
    qtbot, sqlite_services: Services, contractor_id: int
) -> None:
    dialog = saved_contract(qtbot, sqlite_services, contractor_id)  # an NDA without its required clauses
    dialog.show()
    assert dialog.approve_button.isVisible() and dialog.approve_button.isEnabled()
    assert "承認待ち" in dialog.approval_label.text() or "Awaiting approval" in dialog.approval_label.text()
    assert contract_findings(sqlite_services, dialog.record_id) == []  # not approved: does not count yet
    with qtbot.waitSignal(dialog.saved, timeout=2000):
        qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    stored = sqlite_services.contracts.get(dialog.record_id)
    assert (stored.approver, stored.approved_on) == ("tester", date(2026, 11, 25))
    assert contract_findings(sqlite_services, dialog.record_id) == ["contract.clauses_missing"]
    assert "2026-11-25" in dialog.approval_label.text() and "tester" in dialog.approval_label.text()
    assert not dialog.approve_button.isEnabled()


def test_staff_sees_approve_but_cannot_use_it(
    qtbot, sqlite_services: Services, contractor_id: int, tmp_path: Path
) -> None:
    from desktop.app import build_services
    from tests.conftest import FIXED_NOW

    contract = sqlite_services.contracts.create(
        {
            "contractor_id": contractor_id,
            "kind": "nda",
            "title": "NDA",
            "signed_on": date(2026, 4, 1),
            "effective_from": date(2026, 4, 1),
        }
    )
    staff = build_services(
        sqlite_services.database.url,
        actor="staff",
        data_dir=tmp_path / "files",
        clock=lambda: FIXED_NOW,
        role="staff",
    )
    try:
        dialog = open_form(staff, "contract", contract.id)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.approve_button.isVisible() and not dialog.approve_button.isEnabled()
        assert "個人情報保護責任者" in dialog.approve_button.toolTip()
        dialog.approve()  # even if reached, the service refuses and nothing is approved
        assert sqlite_services.contracts.get(contract.id).approved_on is None
    finally:
        staff.close()


def test_editing_an_approved_contract_shows_the_new_version_awaiting_approval(
    qtbot, sqlite_services: Services, contractor_id: int
) -> None:
    dialog = saved_contract(qtbot, sqlite_services, contractor_id)
    first_id = dialog.record_id
    sqlite_services.contracts.approve(first_id, dialog.version)
    dialog.reload()
    dialog.form.editors["title"].setText("機密保持契約書（改定）")
    with qtbot.waitSignal(dialog.saved, timeout=2000) as signal:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert signal.args[1] == dialog.record_id != first_id
    assert dialog.form.value("title") == "機密保持契約書（改定）"
    label = dialog.approval_label.text()
    assert f"#{dialog.record_id}" in label and f"#{first_id}" in label
    assert dialog.approve_button.isEnabled()
    assert sqlite_services.contracts.get(first_id).title == "機密保持契約書"  # the approved one still stands
    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    old = open_form(sqlite_services, "contract", first_id)
    qtbot.addWidget(old)
    assert "Superseded" in old.approval_label.text() or "置き換え" in old.approval_label.text()
    assert not old.approve_button.isEnabled()


def test_the_form_says_which_contract_carries_confidentiality_and_the_pi_clauses(
    qtbot, sqlite_services: Services, contractor_id: int
) -> None:
    outsourcing = sqlite_services.contracts.create(
        {
            "contractor_id": contractor_id,
            "kind": "outsourcing",
            "title": "業務委託契約書",
            "signed_on": "2026-04-01",
            "effective_from": "2026-04-01",
            "clauses": [code for code in REQUIRED_CLAUSES["outsourcing"] if code != "handling_report"],
        }
    )
    sqlite_services.contracts.approve(outsourcing.id, outsourcing.version)
    dialog = open_form(sqlite_services, "contract", outsourcing.id)
    qtbot.addWidget(dialog)
    assert "counts as the NDA" in dialog.clauses.duty_label.text()
    cover = dialog.cover_label.text()
    assert f"Confidentiality (the NDA): 「業務委託契約書」(#{outsourcing.id})" in cover
    assert "PI clauses in no contract in force: " in cover and "報告" in cover.splitlines()[-1]
    qtbot.mouseClick(dialog.clauses.boxes["confidentiality"], Qt.MouseButton.LeftButton)
    assert "does not count as the NDA" in dialog.clauses.duty_label.text()


def test_a_plain_nda_of_a_contractor_handling_no_pi_lacks_nothing(qtbot, sqlite_services: Services) -> None:
    cleaner = sqlite_services.contractors.create({"name": "株式会社清掃", "entrusted_work": "清掃"})
    dialog = filled_contract_form(qtbot, sqlite_services, cleaner.id)
    assert dialog.clauses.missing() == []
    assert "no PI clause is required" in dialog.cover_label.text()
    assert "purpose_limitation" not in dialog.clauses.missing()
