"""itaku-cli signs in: init creates the officer, demo the staff and auditor; roles hold on the command line."""

import json
import sqlite3

import pytest

from tests.test_cli import cli

PASSWORD = "s3cret-pass"


@pytest.fixture
def db(tmp_path):
    url = f"sqlite:///{tmp_path / 'trust.sqlite3'}"
    assert cli("--db", url, "init", env={"ITAKU_PASSWORD": PASSWORD}).returncode == 0
    result = cli("--db", url, "--user", "officer", "demo", "--size", "20", env={"ITAKU_PASSWORD": PASSWORD})
    assert result.returncode == 0, result.stderr
    return url


def as_user(db, user, *args, password=PASSWORD, env=None):
    return cli("--db", db, "--user", user, *args, env={"ITAKU_PASSWORD": password, **(env or {})})


def test_init_and_demo_create_the_three_accounts(db):
    listed = json.loads(as_user(db, "officer", "user", "list", "--json").stdout)
    assert {(a["username"], a["role"]) for a in listed} == {
        ("officer", "officer"),
        ("staff", "staff"),
        ("auditor", "auditor"),
    }
    # The demo's people have names, as people see them (status bar, 印刷者, audit log): issue 14.
    names = {a["username"]: a["display_name"] for a in listed}
    assert (names["staff"], names["auditor"]) == ("佐藤 美咲", "内部監査室 田中 誠")


def test_commands_need_a_signed_in_user(db):
    result = cli("--db", db, "contractor", "list", env={"ITAKU_USER": ""})
    assert result.returncode == 2 and "--user" in result.stderr
    wrong = as_user(db, "officer", "contractor", "list", password="wrong-password")
    assert wrong.returncode == 2 and "パスワードが違います" in wrong.stderr


def pending_evaluation(db):
    added = as_user(db, "staff", "contractor", "add", "--name", "評価待ち株式会社", "--json")
    return json.loads(added.stdout)["id"]


def test_staff_cannot_approve_but_the_officer_can(db, tmp_path):
    path = db.removeprefix("sqlite:///")
    connection = sqlite3.connect(path)
    evaluation_id = connection.execute("SELECT id FROM evaluation ORDER BY id LIMIT 1").fetchone()[0]
    connection.execute(
        "UPDATE evaluation SET approved_on = NULL, approver = NULL WHERE id = ?", (evaluation_id,)
    )
    connection.commit()
    refused = as_user(db, "staff", "evaluation", "approve", "--id", str(evaluation_id))
    assert refused.returncode == 2 and "個人情報保護責任者" in refused.stderr
    assert (
        connection.execute("SELECT approved_on FROM evaluation WHERE id = ?", (evaluation_id,)).fetchone()[0]
        is None
    )
    approved = as_user(db, "officer", "evaluation", "approve", "--id", str(evaluation_id))
    assert approved.returncode == 0, approved.stderr
    assert (
        connection.execute("SELECT approver FROM evaluation WHERE id = ?", (evaluation_id,)).fetchone()[0]
        == "officer"
    )
    connection.close()


def test_auditor_reads_but_cannot_write(db):
    assert as_user(db, "auditor", "contractor", "list", "--json").returncode == 0
    refused = as_user(db, "auditor", "contractor", "add", "--name", "X")
    assert refused.returncode == 2 and "auditor" in refused.stderr.lower() or "監査" in refused.stderr


def test_only_the_officer_adds_accounts(db):
    env = {"ITAKU_NEW_PASSWORD": "another-pass"}
    assert as_user(db, "staff", "user", "add", "mallory", "--role", "officer", env=env).returncode == 2
    assert as_user(db, "officer", "user", "add", "sato", "--role", "staff", env=env).returncode == 0
    assert as_user(db, "sato", "contractor", "list", password="another-pass").returncode == 0


def test_audit_verify_finds_a_changed_byte(db):
    assert as_user(db, "auditor", "audit", "verify").returncode == 0
    connection = sqlite3.connect(db.removeprefix("sqlite:///"))
    connection.execute("UPDATE audit_event SET actor = 'mallory' WHERE id = 5")
    connection.commit()
    connection.close()
    result = as_user(db, "auditor", "audit", "verify")
    assert result.returncode == 1 and "#5" in result.stdout


def test_backup_and_restore_from_the_command_line(db, tmp_path):
    out = tmp_path / "backup.zip"
    assert as_user(db, "staff", "backup", str(out)).returncode == 0 and out.exists()
    assert as_user(db, "officer", "contractor", "add", "--name", "復元で消える").returncode == 0
    assert as_user(db, "staff", "restore", str(out)).returncode == 2  # officers only
    restored = as_user(db, "officer", "restore", str(out))
    assert restored.returncode == 0, restored.stderr
    names = [row["name"] for row in json.loads(as_user(db, "officer", "contractor", "list", "--json").stdout)]
    assert "復元で消える" not in names and len(names) == 20
    bogus = tmp_path / "bogus.zip"
    bogus.write_text("not a zip")
    refused = as_user(db, "officer", "restore", str(bogus))
    assert refused.returncode == 2 and "Itaku" in refused.stderr


def test_init_without_a_password_still_creates_the_schema(tmp_path):
    url = f"sqlite:///{tmp_path / 'plain.sqlite3'}"
    result = cli("--db", url, "init", env={"ITAKU_PASSWORD": ""})
    assert result.returncode == 0 and "no officer account" in result.stderr


def test_an_attack_backup_is_refused_by_restore_with_a_message_and_nothing_lost(db, tmp_path):
    """Issue 13: the `attachments/../backups/…` key used to replace the database, then fail (exit 1, a
    traceback, the contractors gone, no restore event); now exit 2 with a message and nothing changed."""
    import hashlib
    import zipfile

    out = tmp_path / "backup.zip"
    assert as_user(db, "officer", "backup", str(out)).returncode == 0
    assert as_user(db, "officer", "contractor", "add", "--name", "残るべき委託先").returncode == 0
    attack = tmp_path / "attack.zip"
    key = "attachments/../backups/x.zip"
    with zipfile.ZipFile(out) as source, zipfile.ZipFile(attack, "w") as target:
        manifest = json.loads(source.read("manifest.json"))
        manifest["attachments"][key] = hashlib.sha256(b"x").hexdigest()
        target.writestr("manifest.json", json.dumps(manifest))
        target.writestr("itaku.sqlite3", source.read("itaku.sqlite3"))
        target.writestr(key, b"x")
    result = cli(
        "--db",
        db,
        "--lang",
        "en",
        "--user",
        "officer",
        "restore",
        str(attack),
        env={"ITAKU_PASSWORD": PASSWORD},
    )
    assert result.returncode == 2 and "unsafe path" in result.stderr and "Traceback" not in result.stderr
    names = [row["name"] for row in json.loads(as_user(db, "officer", "contractor", "list", "--json").stdout)]
    assert "残るべき委託先" in names and len(names) == 21
    assert as_user(db, "auditor", "audit", "verify").returncode == 0


def test_user_passwd_sets_a_new_password_from_the_environment(db):
    changed = as_user(db, "staff", "user", "passwd", "staff", env={"ITAKU_NEW_PASSWORD": "another-pass-1"})
    assert changed.returncode == 0, changed.stderr
    assert as_user(db, "staff", "contractor", "list").returncode == 2  # the old password no longer works
    assert as_user(db, "staff", "contractor", "list", password="another-pass-1").returncode == 0


def test_user_passwd_of_someone_else_needs_the_officer(db):
    refused = as_user(db, "staff", "user", "passwd", "auditor", env={"ITAKU_NEW_PASSWORD": "another-pass-1"})
    assert refused.returncode == 2 and "個人情報保護責任者" in refused.stderr
    reset = as_user(db, "officer", "user", "passwd", "auditor", env={"ITAKU_NEW_PASSWORD": "another-pass-1"})
    assert reset.returncode == 0, reset.stderr
    assert as_user(db, "auditor", "contractor", "list", password="another-pass-1").returncode == 0


def test_user_list_shows_the_display_name(db):
    added = as_user(
        db,
        "officer",
        "user",
        "add",
        "sato",
        "--role",
        "staff",
        "--display-name",
        "佐藤 花子",
        env={"ITAKU_NEW_PASSWORD": "another-pass-1"},
    )
    assert added.returncode == 0, added.stderr
    listed = json.loads(as_user(db, "officer", "user", "list", "--json").stdout)
    assert {a["username"]: a["display_name"] for a in listed}["sato"] == "佐藤 花子"
    text = as_user(db, "officer", "user", "list").stdout
    assert any("sato" in line and "佐藤 花子" in line for line in text.splitlines())


def listed_users(db):
    return {a["username"]: a for a in json.loads(as_user(db, "officer", "user", "list", "--json").stdout)}


def test_user_set_changes_role_display_name_and_state_in_one_go(db):
    changed = as_user(
        db, "officer", "user", "set", "staff", "--role", "auditor", "--display-name", "佐藤 美咲（監査）"
    )
    assert changed.returncode == 0, changed.stderr
    assert "auditor" in changed.stdout and "佐藤 美咲（監査）" in changed.stdout
    staff = listed_users(db)["staff"]
    assert (staff["role"], staff["display_name"], staff["is_active"]) == (
        "auditor",
        "佐藤 美咲（監査）",
        True,
    )
    assert as_user(db, "staff", "contractor", "add", "--name", "監査役は書けない").returncode == 2

    disabled = as_user(db, "officer", "user", "set", "staff", "--disable", "--clear-display-name")
    assert disabled.returncode == 0, disabled.stderr
    staff = listed_users(db)["staff"]
    assert (staff["display_name"], staff["is_active"]) == (None, False)
    assert as_user(db, "staff", "contractor", "list").returncode == 2  # a disabled account cannot sign in
    assert as_user(db, "officer", "user", "set", "staff", "--enable", "--role", "staff").returncode == 0
    assert as_user(db, "staff", "contractor", "list").returncode == 0
    assert as_user(db, "auditor", "audit", "verify").returncode == 0


def test_user_set_is_all_or_nothing_and_names_what_is_wrong(db):
    # The officer disabling themselves fails: the role change asked for in the same command is not made.
    refused = as_user(db, "officer", "user", "set", "officer", "--display-name", "新しい名前", "--disable")
    assert refused.returncode == 2 and "自分のアカウント" in refused.stderr
    assert listed_users(db)["officer"]["display_name"] != "新しい名前"
    last = as_user(db, "officer", "user", "set", "officer", "--role", "staff", "--display-name", "新しい名前")
    assert last.returncode == 2 and "個人情報保護責任者が1人もいなくなる" in last.stderr
    assert listed_users(db)["officer"]["display_name"] != "新しい名前"
    nothing = as_user(db, "officer", "user", "set", "staff")
    assert nothing.returncode == 2 and "--role" in nothing.stderr
    bad = as_user(db, "officer", "user", "set", "staff", "--display-name", "改行\u202eあり")
    assert bad.returncode == 2 and "表示名" in bad.stderr
    assert as_user(db, "staff", "user", "set", "auditor", "--role", "staff").returncode == 2
    assert listed_users(db)["auditor"]["role"] == "auditor"
