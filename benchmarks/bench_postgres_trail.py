"""What the database-written audit trail costs on PostgreSQL: a ledger import (the bulk write a team database
sees: contractors, their evaluations and NDAs, in one transaction) into a database whose roles are in force
(its triggers write and chain every event, desktop.store.roles) against the same import into a plain
database, where the app writes the events in bulk. (The demo data, used before, is refused on a team
database: its approvals carry past dates that only the server's itaku_approve may set.)

    .venv/bin/python benchmarks/bench_postgres_trail.py [--rows 2000] [--url postgresql+psycopg://localhost/test]

Both databases are created on the server for this run and dropped afterwards, with the group roles.
Prints the seconds of each import, the number of audit events, and the ratio (enforced / plain).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def load(url: str, ledger: Path, rows: int, enforce: bool, folder: Path) -> tuple[float, int]:
    from desktop.app import build_services
    from desktop.services.ledger_import import LedgerImportService

    services = build_services(url, actor="bench", data_dir=folder)
    try:
        if enforce:
            services.accounts.enforce_database_roles()
        importer = LedgerImportService(services.context, services.settings)
        started = time.perf_counter()
        summary = importer.import_contractors(ledger)
        elapsed = time.perf_counter() - started
        assert summary.added == rows, summary
        events = services.audit.count_events()
        assert services.audit.verify_chain().is_intact
        return elapsed, events
    finally:
        services.close()


def main() -> None:
    from sqlalchemy import create_engine, text

    from desktop.store import roles

    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--url", default="postgresql+psycopg://localhost/test")
    options = parser.parse_args()
    admin = create_engine(options.url, isolation_level="AUTOCOMMIT")
    names = [f"itaku_bench_{uuid.uuid4().hex[:10]}" for _ in range(2)]
    results = {}
    try:
        with admin.connect() as connection:
            for name in names:
                connection.execute(text(f'CREATE DATABASE "{name}"'))
        with tempfile.TemporaryDirectory() as folder:
            from benchmarks.bench_xlsx_import import build_ledger

            ledger = Path(folder) / "ledger.xlsx"
            build_ledger(ledger, options.rows)
            for name, enforce in zip(names, (False, True), strict=True):
                url = admin.url.set(database=name).render_as_string(hide_password=False)
                results[enforce] = load(url, ledger, options.rows, enforce, Path(folder) / name)
    finally:
        with admin.connect() as connection:
            for name in names:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                for group in roles.group_names(name).values():
                    connection.execute(text(f'DROP ROLE IF EXISTS "{group}"'))
        admin.dispose()
    (plain, plain_events), (enforced, enforced_events) = results[False], results[True]
    print(f"plain:    {plain:7.2f} s  {plain_events:,} audit events written by the app")
    print(f"enforced: {enforced:7.2f} s  {enforced_events:,} audit events written by the database's triggers")
    print(f"ratio enforced / plain: {enforced / plain:.2f}")


if __name__ == "__main__":
    main()
