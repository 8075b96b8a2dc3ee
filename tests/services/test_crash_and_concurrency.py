"""Crash safety (SIGKILL at random moments) and concurrent writers (no lost update)."""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.domain.errors import ConflictError
from desktop.store.database import sqlite_path
from desktop.store.models import Account, AuditEvent, Contract, Contractor, Evaluation, Provision
from tests.conftest import _reset_postgres as reset_postgres
from tests.conftest import make_services

ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    from desktop.app import build_services
    services = build_services(sys.argv[1], actor="child", data_dir=Path(sys.argv[2]))
    mode = sys.argv[3]
    print("ready", flush=True)
    if mode == "demo":
        services.demo.load(int(sys.argv[4]), 1, demo_password=os.environ.get("ITAKU_PASSWORD"))
        print("done", flush=True)
    elif mode == "import":
        services.ledger_import.import_contractors(Path(sys.argv[4]))
        print("done", flush=True)
    elif mode == "import-provisions":
        services.provision_import.import_provisions(Path(sys.argv[4]))
        print("done", flush=True)
    else:
        record = services.contractors.get(1)
        n = 0
        while True:  # a burst of saves: each one transaction of a new contractor or an edit
            n += 1
            if n % 2:
                services.contractors.create({"name": f"burst {n}", "pi_items": ["氏名"]})
            else:
                record = services.contractors.update(1, {"notes": f"edit {n}"}, record.version)
""")


def run_child(url: str, data_dir: Path, mode: str, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, url, str(data_dir), mode, *extra],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "ITAKU_PASSWORD": DEMO_PASSWORD},
    )


DEMO_PASSWORD = "demo password 2026"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[int], str]:
    """Makes an empty database with the schema in place, fresh for each attempt: a SQLite file, or the
    test run's PostgreSQL database with its schema dropped and made again."""

    def make(attempt: int) -> str:
        if request.param == "sqlite":
            url = f"sqlite:///{tmp_path / f'attempt{attempt}.db'}"
        else:
            url = request.getfixturevalue("postgres_database")
            reset_postgres(url)
        make_services(url, tmp_path).close()
        return url

    return make


def check_integrity(url: str) -> None:
    path = sqlite_path(url)
    if path is not None:
        assert integrity(path) == "ok"


def kill_at_random(child: subprocess.Popen[str], rng: random.Random, longest: float) -> None:
    assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    time.sleep(rng.uniform(0.0, longest))
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)


def integrity(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()


def test_sigkill_during_a_large_operation_leaves_all_or_nothing(tmp_path, empty_database):
    """A demo load is one transaction of ~2,500 rows and its accounts: after a kill, the database holds none
    or all of it, on SQLite and on PostgreSQL alike."""
    rng = random.Random(2026)
    complete = None
    for attempt in range(5):
        url = empty_database(attempt)  # schema in place: "before" is empty
        kill_at_random(run_child(url, tmp_path / "files", "demo", "600"), rng, 2.5)
        check_integrity(url)
        services = make_services(url, tmp_path)
        counts = services.checks.record_counts()
        with services.database.read() as session:
            events = session.scalar(select(func.count(AuditEvent.id)))
            accounts = sorted(session.scalars(select(Account.username)))
        report = services.audit.verify_chain()
        services.close()
        assert report.is_intact
        if counts["contractor"] == 0:
            assert events == 0 and sum(counts.values()) == 0 and accounts == []
        else:
            complete = complete or (counts, events)
            assert (counts, events) == complete and counts["contractor"] == 600
            assert accounts == ["auditor", "officer", "staff"]


def build_ledger(path: Path, rows: int) -> Path:
    """A ledger of `rows` contractors, each with an evaluation and an NDA."""
    from openpyxl import Workbook

    from desktop.domain.values import make_corporate_number

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("委託先管理台帳")
    sheet.append(["委託先名", "法人番号", "所在地", "評価日", "評価結果", "NDA締結日"])
    for index in range(rows):
        number = make_corporate_number(f"{400000000000 + index:012d}")
        sheet.append([f"株式会社取込{index:05d}", number, "東京都千代田区", "2026/4/1", "適合", "2025/4/1"])
    workbook.save(path)
    return path


def test_sigkill_during_an_import_leaves_all_or_nothing(tmp_path, empty_database):
    """An import writes every row, its evaluation, its NDA and their audit events in one transaction: a
    kill leaves the database as before or as after, never in between, on SQLite and on PostgreSQL."""
    rows = 1500
    ledger = build_ledger(tmp_path / "ledger.xlsx", rows)
    rng = random.Random(1313)
    for attempt in range(4):
        url = empty_database(attempt)
        kill_at_random(run_child(url, tmp_path / "files", "import", str(ledger)), rng, 6.0)
        check_integrity(url)
        services = make_services(url, tmp_path)
        with services.database.read() as session:
            counts = tuple(
                session.scalar(select(func.count()).select_from(model))
                for model in (Contractor, Evaluation, Contract)
            )
            events = session.scalar(select(func.count(AuditEvent.id)))
        report = services.audit.verify_chain()
        services.close()
        assert report.is_intact
        assert (counts, events) in (((0, 0, 0), 0), ((rows, rows, rows), 3 * rows))


def build_provision_ledger(path: Path, rows: int) -> Path:
    """A 第三者提供記録簿 of `rows` lines, as legal staff keep it."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("第三者提供記録簿")
    sheet.append(["提供日", "提供先", "提供先住所", "代表者", "本人", "項目", "根拠", "方法"])
    for index in range(rows):
        sheet.append(
            [
                "2026/4/1",
                f"株式会社提供先{index:05d}",
                "東京都港区芝公園1-2-3",
                "代表取締役 山本 健一",
                f"会員 M-{index:05d}",
                "氏名、住所",
                "同意",
                "電子",
            ]
        )
    workbook.save(path)
    return path


def test_sigkill_during_a_provision_import_leaves_all_or_nothing(tmp_path, empty_database):
    """The provision ledger import (issue 15) writes every line and its audit event in one transaction: a kill
    leaves the database as before or as after, never in between, on SQLite and on PostgreSQL."""
    rows = 1500
    ledger = build_provision_ledger(tmp_path / "provisions.xlsx", rows)
    rng = random.Random(2915)
    for attempt in range(3):
        url = empty_database(attempt)
        kill_at_random(run_child(url, tmp_path / "files", "import-provisions", str(ledger)), rng, 5.0)
        check_integrity(url)
        services = make_services(url, tmp_path)
        with services.database.read() as session:
            provisions = session.scalar(select(func.count()).select_from(Provision))
            events = session.scalar(
                select(func.count(AuditEvent.id)).where(AuditEvent.record_type == "provision")
            )
        report = services.audit.verify_chain()
        services.close()
        assert report.is_intact
        assert (provisions, events) in ((0, 0), (rows, rows))


def test_sigkill_during_a_burst_of_saves_never_leaves_half_a_save(tmp_path):
    rng = random.Random(15001)
    path = tmp_path / "burst.db"
    url = f"sqlite:///{path}"
    setup = make_services(url, tmp_path)
    setup.contractors.create({"name": "edited", "pi_items": ["氏名"]})
    setup.close()
    for _ in range(8):
        kill_at_random(run_child(url, tmp_path / "files", "burst"), rng, 1.0)
        assert integrity(path) == "ok"
        services = make_services(url, tmp_path)
        with services.database.read() as session:
            contractors = session.scalar(select(func.count(Contractor.id)))
            creates = session.scalar(
                select(func.count(AuditEvent.id)).where(
                    AuditEvent.record_type == "contractor", AuditEvent.action == "create"
                )
            )
            version = session.scalar(select(Contractor.version).where(Contractor.id == 1))
            updates = session.scalar(
                select(func.count(AuditEvent.id)).where(
                    AuditEvent.record_type == "contractor",
                    AuditEvent.action == "update",
                    AuditEvent.record_id == 1,
                )
            )
        assert services.audit.verify_chain().is_intact
        services.close()
        # Every saved row has its audit event and every audit event its row: no save was cut in half.
        assert contractors == creates
        assert version == updates + 1


@pytest.mark.parametrize("writers,edits", [(8, 400)])
def test_concurrent_writers_lose_no_update(database_url, tmp_path, writers, edits):
    setup = make_services(database_url, tmp_path)
    record = setup.contractors.create({"name": "shared"})
    setup.close()
    per_writer = edits // writers
    conflicts = [0] * writers
    errors: list[BaseException] = []

    def writer(index: int) -> None:
        services = make_services(database_url, tmp_path, actor=f"writer{index}")
        try:
            done = 0
            while done < per_writer:
                current = services.contractors.get(record.id)
                try:
                    services.contractors.update(record.id, {"notes": f"{index}-{done}"}, current.version)
                    done += 1
                except ConflictError:
                    conflicts[index] += 1
        except BaseException as error:  # surfaced below
            errors.append(error)
        finally:
            services.close()

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    assert not errors, errors
    check = make_services(database_url, tmp_path)
    final = check.contractors.get(record.id)
    with check.database.read() as session:
        updates = session.scalar(select(func.count(AuditEvent.id)).where(AuditEvent.action == "update"))
        by_actor = dict(
            session.execute(
                select(AuditEvent.actor, func.count())
                .where(AuditEvent.action == "update")
                .group_by(AuditEvent.actor)
            ).all()
        )
    assert check.audit.verify_chain().is_intact
    check.close()
    assert final.version == 1 + per_writer * writers
    assert updates == per_writer * writers
    assert by_actor == {f"writer{i}": per_writer for i in range(writers)}
