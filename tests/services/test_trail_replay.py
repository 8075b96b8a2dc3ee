"""Issue 13: a direct edit of the SQLite file shows. `audit verify` replays the trail against the records,
accounts and settings are in the trail, the chain head anchors it outside the file, and a database whose
accounts were all deleted is refused rather than set up again."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.audit_chain import ChainHead
from desktop.domain.audit_chain import event_hash as recompute_hash
from desktop.services.accounts import DamagedDatabaseError
from desktop.services.facade import Services
from tests.conftest import make_services
from tests.services.test_ledger_import import _row, hand_kept_ledger

PASSWORD = "correct horse battery"


def sqlite_file(services: Services) -> Path:
    return Path(services.database.engine.url.database or "")


def edit(services: Services, *statements: str) -> None:
    """What a person with write access to the file can do, outside Itaku."""
    connection = sqlite3.connect(sqlite_file(services))
    for statement in statements:
        connection.execute(statement)
    connection.commit()
    connection.close()


def found(services: Services) -> set[tuple[str, int, str | None, str]]:
    report = services.audit.verify_records()
    return {(d.record_type, d.record_id, d.field, d.problem) for d in report.discrepancies}


def test_every_record_is_as_its_trail_says_after_ordinary_work(services: Services, tmp_path: Path) -> None:
    """Creates, edits, approvals, new versions, bulk imports and approvals, deletions (cascading ones too),
    accounts, settings and the company profile replay to exactly what is stored: no false alarm."""
    services.demo.load(20, 1)
    services.accounts.add("sato", "staff", PASSWORD, "佐藤")
    services.settings.update(
        {"contract_warning_days": 10, "evaluation_template": services.settings.get("evaluation_template")}
    )
    services.settings.update({"contract_warning_days": 20})
    services.company.save({"name": "自社株式会社"})
    profile = services.registers.company()
    services.company.save({"name": "自社株式会社", "address": "東京都"}, profile.version if profile else None)
    contractor = services.contractors.create(
        {"name": "株式会社さくら", "status": "active", "pi_items": ["氏名"]}
    )
    contractor = services.contractors.update(contractor.id, {"phone": "03-1234-5678"}, contractor.version)
    scores = {item.code: 2 for item in services.evaluations.items_for("full")}
    evaluation = services.evaluations.create(
        {"contractor_id": contractor.id, "evaluated_on": "2026-04-01", "evaluator": "佐藤"}, scores
    )
    evaluation = services.evaluations.approve(evaluation.id, evaluation.version)
    draft = services.evaluations.update(evaluation.id, {"conditions": "再評価"}, scores, evaluation.version)
    services.evaluations.approve(draft.id, draft.version)  # supersedes the first
    engagement = services.engagements.list()[0]
    services.engagements.delete(engagement.id, None)  # its hops and re-delegations go with it
    from desktop.services.ledger_import import LedgerImportService

    rows = [
        _row(
            i,
            f"株式会社{i:03d}",
            None,
            **{"評価実施日": "2026/4/1", "評価結果": "適合", "機密保持契約締結日": "2026/3/1"},
        )
        for i in range(1, 12)
    ]
    LedgerImportService(services.context, services.settings).import_contractors(
        hand_kept_ledger(tmp_path / "ledger.xlsx", rows)
    )
    services.evaluations.approve_many(services.evaluations.pending_ids())
    spare = services.contractors.create({"name": "消す株式会社"})
    services.contractors.delete(spare.id, spare.version)

    report = services.audit.verify_records()
    assert report.is_intact, [d.message.en for d in report.discrepancies]
    assert report.records > 100


@pytest.fixture
def officer(sqlite_services: Services) -> Services:
    sqlite_services.accounts.create_first_officer("kuroda", PASSWORD)
    sqlite_services.accounts.sign_in("kuroda", PASSWORD)
    sqlite_services.demo.load(20, 1)
    assert sqlite_services.audit.verify_records().is_intact
    return sqlite_services


def test_a_row_changed_outside_itaku_is_named_by_kind_id_and_field(officer: Services) -> None:
    edit(officer, "UPDATE contractor SET name = '偽の委託先' WHERE id = 3")
    edit(officer, "UPDATE evaluation SET approver = 'kuroda', approved_on = '2026-01-01' WHERE id = 1")
    assert found(officer) >= {
        ("contractor", 3, "name", "changed"),
        ("evaluation", 1, "approved_on", "changed"),
    }
    report = officer.audit.verify_records()
    named = [d for d in report.discrepancies if d.field == "name"][0]
    assert "偽の委託先" in named.message.ja and "contractor #3" in named.message.en


def test_a_row_added_or_deleted_outside_itaku_is_named(officer: Services) -> None:
    edit(
        officer,
        "DELETE FROM contract WHERE id = 2",
        "INSERT INTO contractor (id, version, created_at, updated_at, updated_by, name, kind, country, pi_items, "
        "handles_special_care, handles_my_number, status) VALUES (999, 1, '2026-01-01', '2026-01-01', 'x', '幽霊', "
        "'corporation', 'JP', '[]', 0, 0, 'active')",
    )
    assert found(officer) == {("contract", 2, None, "deleted"), ("contractor", 999, None, "added")}


def test_a_deleted_record_put_back_outside_itaku_is_named(officer: Services) -> None:
    spare = officer.contractors.create({"name": "消す株式会社"})
    officer.contractors.delete(spare.id, spare.version)
    edit(
        officer,
        "INSERT INTO contractor (id, version, created_at, updated_at, updated_by, name, kind, country, pi_items, "
        f"handles_special_care, handles_my_number, status) VALUES ({spare.id}, 1, '2026-01-01', '2026-01-01', 'x', "
        "'消す株式会社', 'corporation', 'JP', '[]', 0, 0, 'active')",
    )
    assert found(officer) == {("contractor", spare.id, None, "added")}


def test_a_value_that_does_not_even_load_is_named(officer: Services) -> None:
    edit(officer, "UPDATE evaluation SET evaluated_on = 'not a date' WHERE id = 1")
    assert found(officer) == {("evaluation", 1, "evaluated_on", "unreadable")}


def test_accounts_and_settings_are_in_the_trail_and_their_edits_show(officer: Services) -> None:
    officer.accounts.add("sato", "staff", PASSWORD)
    officer.settings.update({"contract_warning_days": 10})
    assert officer.audit.verify_records().is_intact
    edit(
        officer,
        "UPDATE account SET role = 'officer' WHERE username = 'sato'",
        "UPDATE setting SET value = '365' WHERE key = 'contract_warning_days'",
    )
    sato = next(row.id for row in officer.accounts.list() if row.username == "sato")
    assert found(officer) == {("account", sato, "role", "changed"), ("setting", 1, "value", "changed")}


def test_a_password_replaced_outside_itaku_shows_without_printing_it(officer: Services) -> None:
    from argon2 import PasswordHasher

    known = PasswordHasher().hash("the attacker's password")
    edit(officer, f"UPDATE account SET password_hash = '{known}' WHERE username = 'kuroda'")
    report = officer.audit.verify_records()
    assert {(d.record_type, d.field) for d in report.discrepancies} == {("account", "password_hash_sha256")}
    shown = report.discrepancies[0].message
    assert "$argon2" not in shown.ja + shown.en and "パスワード" in shown.ja


def test_the_cli_names_the_edit_and_exits_non_zero(tmp_path: Path) -> None:
    from tests.test_cli import cli

    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    env = {"ITAKU_PASSWORD": PASSWORD}
    assert cli("--db", url, "init", env=env).returncode == 0
    assert cli("--db", url, "--user", "officer", "demo", "--size", "20", env=env).returncode == 0
    clean = cli("--db", url, "--lang", "en", "--user", "auditor", "audit", "verify", env=env)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "are as the audit trail says" in clean.stdout and "chain head" in clean.stdout
    connection = sqlite3.connect(tmp_path / "cli.sqlite3")
    connection.execute("UPDATE account SET role = 'officer' WHERE username = 'staff'")
    connection.commit()
    connection.close()
    result = cli("--db", url, "--lang", "en", "--user", "auditor", "audit", "verify", env=env)
    assert result.returncode == 1
    assert (
        "account #" in result.stdout and "role is 'officer' but the audit trail says 'staff'" in result.stdout
    )


def test_deleting_every_account_does_not_reopen_set_up_mode(officer: Services, tmp_path: Path) -> None:
    edit(officer, "DELETE FROM account")
    fresh = make_services(str(officer.database.engine.url), tmp_path, actor="mallory")
    try:
        with pytest.raises(DamagedDatabaseError) as refused:
            fresh.accounts.has_accounts()
        assert "破損" in refused.value.message.ja and "damaged" in refused.value.message.en
        with pytest.raises(DamagedDatabaseError):
            fresh.accounts.create_first_officer("mallory", PASSWORD)
        with pytest.raises(DamagedDatabaseError):
            fresh.accounts.enter_setup_mode("mallory")
    finally:
        fresh.close()


def test_a_new_database_without_accounts_is_still_set_up(sqlite_services: Services) -> None:
    sqlite_services.demo.load(20, 1)  # set-up mode may write records before the officer exists
    assert sqlite_services.accounts.has_accounts() is False
    sqlite_services.accounts.create_first_officer("kuroda", PASSWORD)
    assert sqlite_services.accounts.has_accounts() is True


def test_the_cli_refuses_a_database_whose_accounts_were_deleted(tmp_path: Path) -> None:
    from tests.test_cli import cli

    path = tmp_path / "cli.sqlite3"
    env = {"ITAKU_PASSWORD": PASSWORD}
    assert cli("--db", str(path), "init", env=env).returncode == 0
    connection = sqlite3.connect(path)
    connection.execute("DELETE FROM account")
    connection.commit()
    connection.close()
    for command in (("init",), ("contractor", "list"), ("audit", "verify")):
        result = cli("--db", str(path), "--lang", "en", *command, env=env)
        assert result.returncode == 2 and "damaged" in result.stderr, (command, result.stderr)
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT COUNT(*) FROM account").fetchone()[0] == 0


def test_the_chain_head_anchors_the_trail_outside_the_file(officer: Services) -> None:
    printed = officer.audit.head()
    assert printed.sequence > 0 and len(printed.hash) == 64
    officer.contractors.create({"name": "後から登録した株式会社"})
    assert officer.audit.verify_anchor(printed).is_intact  # later work keeps earlier anchors
    assert officer.audit.verify_anchor(ChainHead.parse(printed.text)).is_intact
    # The attacker edits a record and recomputes the whole chain so that it verifies again...
    edit(officer, "UPDATE contractor SET name = '偽の委託先' WHERE id = 3")
    with sqlite3.connect(sqlite_file(officer)) as connection:
        (created,) = connection.execute(
            "SELECT id FROM audit_event WHERE record_type = 'contractor' AND record_id = 3 AND action = 'create'"
        ).fetchone()
    connection.close()
    rewrite_event_and_rechain(officer, created, {"name": [None, "偽の委託先"]})
    assert officer.audit.verify_chain().is_intact and officer.audit.verify_records().is_intact
    # ...but the anchor printed before the edit no longer holds.
    checked = officer.audit.verify_anchor(printed)
    assert not checked.is_intact and f"#{printed.sequence}" in checked.message.ja
    assert not officer.audit.verify_anchor(ChainHead(10**9, printed.hash)).is_intact


def rewrite_event_and_rechain(services: Services, event_id: int, changes: dict[str, Any]) -> None:
    """Change one event's content and recompute every hash from it on: a chain that verifies again."""
    import json
    from datetime import UTC, datetime

    connection = sqlite3.connect(sqlite_file(services))
    rows = connection.execute(
        "SELECT id, occurred_at, actor, action, record_type, record_id, changes FROM audit_event ORDER BY id"
    ).fetchall()
    previous = "0" * 64
    for event_id_, occurred_at, actor, action, record_type, record_id, stored in rows:
        content = json.loads(stored)
        if event_id_ == event_id:
            content = {**content, **changes}
        moment = datetime.fromisoformat(occurred_at).replace(tzinfo=UTC)
        digest = recompute_hash(previous, event_id_, moment, actor, action, record_type, record_id, content)
        connection.execute(
            "UPDATE audit_event SET changes = ?, previous_hash = ?, hash = ? WHERE id = ?",
            (json.dumps(content, ensure_ascii=False), previous, digest, event_id_),
        )
        previous = digest
    connection.commit()
    connection.close()


def test_anchor_text_is_checked(officer: Services) -> None:
    from tests.test_cli import cli

    for bad in ("12", "x:abc", "12:" + "g" * 64, "１２:" + "a" * 64):
        with pytest.raises(ValueError):
            ChainHead.parse(bad)
    url = str(officer.database.engine.url)
    result = cli(
        "--db",
        url,
        "--lang",
        "en",
        "--user",
        "kuroda",
        "audit",
        "verify",
        "--anchor",
        "12:xyz",
        env={"ITAKU_PASSWORD": PASSWORD},
    )
    assert result.returncode == 2 and "SEQ:HASH" in result.stderr
    head = officer.audit.head()
    good = cli(
        "--db",
        url,
        "--lang",
        "en",
        "--user",
        "kuroda",
        "audit",
        "verify",
        "--anchor",
        head.text,
        env={"ITAKU_PASSWORD": PASSWORD},
    )
    assert good.returncode == 0 and "still has the recorded hash" in good.stdout
