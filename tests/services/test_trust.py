"""Issue 6: roles enforced in the services, approval, the audit hash chain, backups."""

import random
import sqlite3
import zipfile

import pytest
from sqlalchemy import func, select, text

from desktop.domain.errors import Message, ValidationError
from desktop.domain.roles import PermissionDeniedError
from desktop.services.accounts import AuthenticationError
from desktop.store.models import Account, AuditEvent, Contractor
from tests.conftest import make_services

PASSWORD = "correct horse battery"


def with_role(services, role, actor=None):
    services.context.role = role
    services.context.actor = actor or role
    return services


def scores(services, route="full"):
    return {item.code: 2 for item in services.evaluations.items_for(route)}


def evaluation(services, contractor_id, day="2026-04-01"):
    return services.evaluations.create(
        {"contractor_id": contractor_id, "evaluated_on": day, "evaluator": "佐藤"}, scores(services)
    )


@pytest.fixture
def contractor(services):
    return services.contractors.create({"name": "株式会社さくら", "status": "active", "pi_items": ["氏名"]})


def test_staff_cannot_approve_and_the_refusal_names_the_role(services, contractor):
    pending = evaluation(services, contractor.id)
    with_role(services, "staff")
    with pytest.raises(PermissionDeniedError) as caught:
        services.evaluations.approve(pending.id, pending.version)
    assert "個人情報保護責任者" in caught.value.message.ja and "officer" in caught.value.message.en
    assert services.evaluations.get(pending.id).approved_on is None


def test_auditor_cannot_write_anything(services, contractor):
    with_role(services, "auditor")
    attempts = [
        lambda: services.contractors.create({"name": "X"}),
        lambda: services.contractors.update(contractor.id, {"name": "X"}, contractor.version),
        lambda: services.contractors.delete(contractor.id, contractor.version),
        lambda: services.settings.update({"contract_warning_days": 1}),
        lambda: services.company.save({"name": "X"}),
        lambda: services.demo.load(20, 1),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDeniedError):
            attempt()
    assert services.contractors.get(contractor.id).name == "株式会社さくら"
    assert len(services.contractors.search()) == 1  # but reading is allowed


def test_staff_cannot_change_settings_or_accounts(services):
    with_role(services, "staff")
    with pytest.raises(PermissionDeniedError):
        services.settings.update({"contract_warning_days": 1})
    with pytest.raises(PermissionDeniedError):
        services.accounts.add("eve", "officer", PASSWORD)


def test_nobody_signed_in_is_refused(services):
    services.context.role = None
    with pytest.raises(PermissionDeniedError) as caught:
        services.contractors.search()
    assert "サインイン" in caught.value.message.ja


def test_approval_cannot_be_written_through_an_edit(services, contractor):
    with pytest.raises(ValidationError) as caught:
        services.evaluations.create(
            {
                "contractor_id": contractor.id,
                "evaluated_on": "2026-04-01",
                "evaluator": "佐藤",
                "approver": "私",
                "approved_on": "2026-04-02",
            },
            scores(services),
        )
    assert {"approver"} <= set(caught.value.fields)


def rules(services):
    return {f.rule for f in services.checks.findings() if f.record_type == "contractor"}


def test_an_evaluation_counts_only_once_approved(services, contractor):
    pending = evaluation(services, contractor.id)
    assert "evaluation.missing" in rules(services)
    services.evaluations.approve(pending.id, pending.version)
    assert "evaluation.missing" not in rules(services)


def test_editing_an_approved_evaluation_makes_a_new_version_awaiting_approval(services, contractor):
    first = services.evaluations.approve(evaluation(services, contractor.id).id, 1)
    failing = {**scores(services), "org_officer": 0}
    draft = services.evaluations.update(first.id, {"conditions": "再評価"}, failing, first.version)
    assert draft.id != first.id and draft.supersedes_id == first.id and draft.approved_on is None
    # The approved version still stands and still counts: no failed-evaluation finding yet.
    assert services.evaluations.get(first.id).result == "pass"
    assert "evaluation.failed" not in rules(services)
    assert [row.id for row in services.evaluations.list(contractor.id)] == [draft.id, first.id]
    with pytest.raises(ValidationError):  # a second draft of the same approved version
        services.evaluations.update(first.id, {"conditions": "別の案"}, None, first.version)
    services.evaluations.approve(draft.id, draft.version)
    assert services.evaluations.get(first.id).is_superseded
    assert "evaluation.failed" in rules(services)


def test_a_contract_counts_only_once_approved_and_edits_keep_the_approved_one(services, contractor):
    nda = services.contracts.create(
        {
            "contractor_id": contractor.id,
            "kind": "nda",
            "title": "NDA",
            "signed_on": "2026-01-01",
            "effective_from": "2026-01-01",
            "clauses": ["confidentiality"],
        }
    )
    assert "contract.nda_missing" in rules(services)
    approved = services.contracts.approve(nda.id, nda.version)
    assert "contract.nda_missing" not in rules(services)
    draft = services.contracts.update(approved.id, {"expires_on": "2026-03-31"}, approved.version)
    assert draft.supersedes_id == approved.id and "contract.nda_missing" not in rules(services)
    services.contracts.approve(draft.id, draft.version)
    assert "contract.nda_missing" in rules(services)  # the approved new version expired in March


def test_deleting_an_approved_contract_needs_an_officer(services, contractor):
    nda = services.contracts.create(
        {
            "contractor_id": contractor.id,
            "kind": "nda",
            "title": "NDA",
            "signed_on": "2026-01-01",
            "effective_from": "2026-01-01",
        }
    )
    nda = services.contracts.approve(nda.id, nda.version)
    services.contractors.update(
        contractor.id,
        {"status": "ended", "disposition_method": "destroyed", "disposition_date": "2026-11-01"},
        contractor.version,
    )
    with_role(services, "staff")
    with pytest.raises(PermissionDeniedError):
        services.contracts.delete(nda.id, nda.version)


def test_passwords_are_argon2_hashes_never_stored_or_logged_in_clear(services):
    services.accounts.add("sato", "staff", PASSWORD)
    with services.database.read() as session:
        stored = session.scalar(select(Account.password_hash).where(Account.username == "sato"))
        events = list(session.scalars(select(AuditEvent.changes)))
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert all(PASSWORD not in str(changes) and "$argon2" not in str(changes) for changes in events)


def test_sign_in_sets_actor_and_role_and_refuses_wrong_passwords(services):
    services.accounts.add("sato", "staff", PASSWORD)
    with pytest.raises(AuthenticationError):
        services.accounts.sign_in("sato", "wrong password")
    with pytest.raises(AuthenticationError) as unknown:
        services.accounts.sign_in("nobody", PASSWORD)
    assert "ユーザー名またはパスワード" in unknown.value.message.ja  # does not say which was wrong
    services.accounts.sign_in("sato", PASSWORD)
    assert (services.context.actor, services.context.role) == ("sato", "staff")
    created = services.contractors.create({"name": "A"})
    assert created.updated_by == "sato" and services.audit.list_events()[0].actor == "sato"


def test_first_officer_only_while_no_account_exists(services):
    services.accounts.create_first_officer("kuroda", PASSWORD)
    with pytest.raises(ValidationError):
        services.accounts.create_first_officer("mallory", PASSWORD)
    with pytest.raises(ValidationError) as short:
        services.accounts.add("x", "staff", "short")
    assert "password" in short.value.fields


def test_audit_chain_is_intact_after_ordinary_work(services, contractor):
    services.contractors.update(contractor.id, {"phone": "03-1234-5678"}, contractor.version)
    report = services.audit.verify_chain()
    assert report.is_intact and report.events == 2


def test_a_single_changed_byte_in_any_audit_event_is_found(tmp_path):
    """50 times: alter one byte of one column of one random event of a demo database."""
    services = make_services(f"sqlite:///{tmp_path / 'chain.db'}", tmp_path)
    services.demo.load(20, 1)
    database = services.database.url.removeprefix("sqlite:///")
    services.close()
    rng = random.Random(6)
    connection = sqlite3.connect(database)
    ids = [row[0] for row in connection.execute("SELECT id FROM audit_event")]
    columns = [
        "occurred_at",
        "actor",
        "action",
        "record_type",
        "record_id",
        "changes",
        "previous_hash",
        "hash",
    ]
    for _ in range(50):
        event_id, column = rng.choice(ids), rng.choice(columns)
        original = connection.execute(
            f"SELECT {column} FROM audit_event WHERE id = ?", (event_id,)
        ).fetchone()[0]
        text_value = str(original)
        position = rng.randrange(len(text_value))
        replacement = "7" if text_value[position] != "7" else "8"
        altered = text_value[:position] + replacement + text_value[position + 1 :]
        value = int(altered) if isinstance(original, int) else altered
        connection.execute(f"UPDATE audit_event SET {column} = ? WHERE id = ?", (value, event_id))
        connection.commit()
        checker = make_services(f"sqlite:///{database}", tmp_path)
        report = checker.audit.verify_chain()
        checker.close()
        assert not report.is_intact, (event_id, column)
        # The altered event is named, or (when only its link to the previous one was altered) itself.
        assert report.first_broken_id == event_id, (event_id, column, report)
        connection.execute(f"UPDATE audit_event SET {column} = ? WHERE id = ?", (original, event_id))
        connection.commit()
    connection.close()


def test_a_deleted_audit_event_breaks_the_chain_at_the_next_one(services, contractor):
    services.contractors.update(contractor.id, {"phone": "03-1234-5678"}, contractor.version)
    services.contractors.update(contractor.id, {"phone": "03-1234-5679"}, contractor.version + 1)
    with services.database.write() as session:
        session.execute(text("DELETE FROM audit_event WHERE id = 2"))
    report = services.audit.verify_chain()
    assert report.first_broken_id == 3 and "#3" in report.message.en


def test_backup_is_a_consistent_copy_with_attachments_and_restores(sqlite_services, tmp_path):
    services = sqlite_services
    c = services.contractors.create({"name": "株式会社さくら"})
    signed = tmp_path / "nda.pdf"
    signed.write_bytes(b"%PDF signed")
    services.contracts.create(
        {
            "contractor_id": c.id,
            "kind": "nda",
            "title": "NDA",
            "signed_on": "2026-01-01",
            "effective_from": "2026-01-01",
        },
        attachment=signed,
    )
    result = services.backups.backup(tmp_path / "backup.zip")
    assert result.attachments == 1 and result.schema_revision
    with zipfile.ZipFile(result.path) as archive:
        assert {"manifest.json", "itaku.sqlite3"} <= set(archive.namelist())
    # Change the database and lose the file, then restore.
    services.contractors.create({"name": "後から追加"})
    stored = services.contracts.attachment_file(1)
    stored.unlink()
    services.backups.restore(result.path)
    assert [row.name for row in services.contractors.search()] == ["株式会社さくら"]
    assert services.contracts.attachment_status(1).value == "ok"


def test_backup_while_another_connection_holds_a_write(sqlite_services, tmp_path):
    services = sqlite_services
    services.contractors.create({"name": "A"})
    writer = sqlite3.connect(services.database.url.removeprefix("sqlite:///"), isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE contractor SET name = 'uncommitted'")
    result = services.backups.backup(tmp_path / "during.zip")
    writer.execute("ROLLBACK")
    writer.close()
    with zipfile.ZipFile(result.path) as archive:
        archive.extract("itaku.sqlite3", tmp_path / "x")
    copy = sqlite3.connect(tmp_path / "x" / "itaku.sqlite3")
    assert copy.execute("SELECT name FROM contractor").fetchall() == [("A",)]
    copy.close()


def test_restore_refuses_what_is_not_an_itaku_database(sqlite_services, tmp_path):
    services = sqlite_services
    services.contractors.create({"name": "A"})
    text_file = tmp_path / "notes.txt"
    text_file.write_text("hello")
    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    fake = tmp_path / "fake.zip"
    with zipfile.ZipFile(fake, "w") as archive:
        archive.writestr("readme.txt", "x")
    for source in (text_file, other, fake, tmp_path / "missing.zip"):
        with pytest.raises(ValidationError):
            services.backups.restore(source)
    assert [row.name for row in services.contractors.search()] == ["A"]


def test_restore_refuses_a_newer_schema(sqlite_services, tmp_path):
    services = sqlite_services
    result = services.backups.backup(tmp_path / "b.zip")
    newer = tmp_path / "newer.sqlite3"
    with zipfile.ZipFile(result.path) as archive:
        newer.write_bytes(archive.read("itaku.sqlite3"))
    connection = sqlite3.connect(newer)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    with pytest.raises(ValidationError) as caught:
        services.backups.restore(newer)
    assert "newer" in caught.value.fields["backup"].en


@pytest.mark.postgres
def test_postgres_backup_says_to_use_pg_dump(postgres_database, tmp_path):
    services = make_services(postgres_database, tmp_path)
    with pytest.raises(ValidationError) as caught:
        services.backups.backup(services.context.data_dir / "x.zip")
    assert "pg_dump" in caught.value.fields["backup"].en
    services.close()


def test_daily_backups_keep_the_newest_n(sqlite_services):
    services = sqlite_services
    folder = services.context.data_dir / "backups"
    folder.mkdir(parents=True)
    for day in range(1, 10):
        (folder / f"itaku-202611{day:02d}.itaku-backup.zip").write_bytes(b"old")
    made = services.backups.ensure_daily(keep=3)
    assert made is not None and made.name == "itaku-20261125.itaku-backup.zip"
    assert sorted(p.name for p in folder.iterdir()) == [
        "itaku-20261108.itaku-backup.zip",
        "itaku-20261109.itaku-backup.zip",
        "itaku-20261125.itaku-backup.zip",
    ]
    assert services.backups.ensure_daily(keep=3) is None  # one a day


def test_conflict_between_two_clients_one_wins(services, database_url, tmp_path, contractor):
    other = make_services(database_url, tmp_path, actor="colleague")
    other.contractors.update(contractor.id, {"notes": "colleague"}, contractor.version)
    from desktop.domain.errors import ConflictError

    with pytest.raises(ConflictError):
        services.contractors.update(contractor.id, {"notes": "mine"}, contractor.version)
    other.close()
    with services.database.read() as session:
        assert session.scalar(select(Contractor.notes)) == "colleague"
        assert session.scalar(select(func.count(AuditEvent.id)).where(AuditEvent.action == "update")) == 1


def test_a_stored_path_that_escapes_the_data_folder_is_refused(sqlite_services, tmp_path):
    from desktop.services import attachments

    services = sqlite_services
    c = services.contractors.create({"name": "A"})
    contract = services.contracts.create(
        {
            "contractor_id": c.id,
            "kind": "nda",
            "title": "NDA",
            "signed_on": "2026-01-01",
            "effective_from": "2026-01-01",
        }
    )
    with services.database.write() as session:  # as a tampered database would hold it
        session.execute(
            text(
                "UPDATE contract SET attachment_path = '../../../etc/passwd', "
                "attachment_sha256 = 'x' WHERE id = :id"
            ),
            {"id": contract.id},
        )
    with pytest.raises(ValidationError) as caught:
        services.contracts.attachment_file(contract.id)
    assert "attachment" in caught.value.fields
    with pytest.raises(ValidationError):
        attachments.check(services.context.data_dir, "../outside.pdf", "x")


def test_a_refusal_names_the_roles_as_a_sentence_reads_them() -> None:
    from desktop.domain.roles import Permission, PermissionDeniedError

    refusal = PermissionDeniedError(Permission.APPROVE, "staff")
    assert "needs the PI protection officer role (you are signed in as staff)" in refusal.message.en
    assert "個人情報保護責任者" in refusal.message.ja and "担当者" in refusal.message.ja


def test_a_restore_is_written_to_the_restored_databases_audit_trail(sqlite_services, tmp_path):
    """Events after the backup are gone from the restored database: its trail says a restore happened, from
    which file, and names the kept copy and the chain head it had, so an auditor sees the jump."""
    from desktop.domain.schema import record_type_label
    from desktop.services.attachments import sha256_of

    services = sqlite_services
    services.contractors.create({"name": "株式会社さくら"})
    backup = services.backups.backup(tmp_path / "backup.zip").path
    services.contractors.create({"name": "後から追加"})
    with services.database.read() as session:
        replaced = session.execute(
            select(AuditEvent.id, AuditEvent.hash).order_by(AuditEvent.id.desc())
        ).first()
    services.backups.restore(backup)
    with services.database.read() as session:
        events = list(session.scalars(select(AuditEvent).order_by(AuditEvent.id)))
    restore = events[-1]
    assert (restore.action, restore.record_type, restore.record_id) == ("restore", "database", 0)
    after = {name: pair[1] for name, pair in restore.changes.items()}
    assert after["source"] == "backup.zip" and after["source_sha256"] == sha256_of(backup)
    assert (after["replaced_head_id"], after["replaced_head_hash"]) == tuple(replaced)
    assert [p.name for p in tmp_path.rglob("*.before-restore-*")] == [after["kept_as"]]
    assert restore.actor == services.context.actor
    report = services.audit.verify_chain()
    assert report.is_intact and report.events == len(events)
    assert [e.record_type for e in events[:-1]] == [
        "contractor"
    ]  # the later event went with the replaced file
    assert record_type_label("database").ja == "データベース"
    assert record_type_label("account").en == "Account" and record_type_label("contractor").ja == "委託先"
    assert record_type_label("unheard_of") == Message("unheard_of", "unheard_of")
