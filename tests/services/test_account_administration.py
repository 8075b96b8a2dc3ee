"""Accounts administered in the window and the CLI (issue 14): roles changed and accounts disabled by an
officer (never deleted: every account is in the audit trail), passwords changed by their owner or reset by an
officer, and the display name people see. Every change is in the trail, and the trail still replays."""

from __future__ import annotations

import pytest

from desktop.domain.errors import ValidationError
from desktop.domain.roles import PermissionDeniedError
from desktop.services.accounts import AuthenticationError
from desktop.services.facade import Services

PASSWORD = "correct horse battery"


@pytest.fixture
def officer(services: Services) -> Services:
    services.accounts.create_first_officer("kuroda", PASSWORD, "黒田 恵")
    services.accounts.sign_in("kuroda", PASSWORD)
    services.accounts.add("sato", "staff", PASSWORD, "佐藤 花子")
    return services


def test_an_officer_changes_a_role_and_the_trail_says_so(officer: Services) -> None:
    row = officer.accounts.change_role("sato", "auditor")
    assert row.role == "auditor" and officer.accounts.get("sato").role == "auditor"
    events = officer.audit.list_events()
    assert any(e.record_type == "account" and e.changes.get("role") == ["staff", "auditor"] for e in events)
    assert officer.audit.verify_records().is_intact


def test_a_disabled_account_cannot_sign_in_and_is_kept(officer: Services) -> None:
    officer.accounts.set_active("sato", False)
    with pytest.raises(AuthenticationError):
        officer.accounts.sign_in("sato", PASSWORD)
    assert [row.is_active for row in officer.accounts.list() if row.username == "sato"] == [False]
    assert officer.audit.verify_records().is_intact


def test_the_last_active_officer_can_neither_be_demoted_nor_disable_themselves(officer: Services) -> None:
    with pytest.raises(ValidationError):
        officer.accounts.change_role("kuroda", "staff")
    with pytest.raises(ValidationError):
        officer.accounts.set_active("kuroda", False)
    assert officer.accounts.get("kuroda").role == "officer"


def test_an_officer_who_gives_themselves_another_role_loses_the_officers_powers_at_once(
    officer: Services,
) -> None:
    officer.accounts.change_role("sato", "officer")
    officer.accounts.change_role("kuroda", "staff")  # another officer remains
    assert officer.context.role == "staff"  # not an officer until signing out: at once
    with pytest.raises(PermissionDeniedError):
        officer.accounts.change_role("sato", "staff")
    assert officer.accounts.get("sato").role == "officer"


def test_staff_may_not_administer_accounts(officer: Services) -> None:
    officer.accounts.sign_in("sato", PASSWORD)
    with pytest.raises(PermissionDeniedError):
        officer.accounts.change_role("kuroda", "staff")
    with pytest.raises(PermissionDeniedError):
        officer.accounts.change_password("kuroda", "another password")


def test_anyone_changes_their_own_password_with_the_current_one(officer: Services) -> None:
    officer.accounts.change_role("sato", "auditor")
    officer.accounts.sign_in("sato", PASSWORD)
    with pytest.raises(ValidationError) as wrong:
        officer.accounts.change_password("sato", "a new secret phrase", current_password="not it at all")
    assert "current_password" in wrong.value.fields
    officer.accounts.change_password("sato", "a new secret phrase", current_password=PASSWORD)
    with pytest.raises(AuthenticationError):
        officer.accounts.sign_in("sato", PASSWORD)
    officer.accounts.sign_in("sato", "a new secret phrase")
    assert officer.audit.verify_records().is_intact


def test_an_officer_resets_a_password_and_a_short_one_is_refused(officer: Services) -> None:
    with pytest.raises(ValidationError):
        officer.accounts.change_password("sato", "short")
    officer.accounts.change_password("sato", "reset by the officer")
    officer.accounts.sign_in("sato", "reset by the officer")


def test_display_names_are_what_people_see(officer: Services) -> None:
    assert officer.accounts.display_name_of("sato") == "佐藤 花子"
    assert officer.accounts.display_name_of("nobody") == "nobody"
    officer.accounts.set_display_name("sato", "佐藤 花")
    assert officer.accounts.display_names()["sato"] == "佐藤 花"
    assert officer.audit.verify_records().is_intact
