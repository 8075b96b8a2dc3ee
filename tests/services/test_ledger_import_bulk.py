"""The bulk write path of the ledger import: what it writes equals what the one-by-one services write.

The import validates each row once (in the preview), inserts records and audit events in bulk with ids
allocated up front, hashes the chain inline and pauses the cyclic garbage collector. Each of those
shortcuts is checked here against the slow path it replaces.
"""

from __future__ import annotations

import gc
from datetime import UTC, date, datetime, timedelta
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from desktop.domain.audit_chain import GENESIS, event_hash
from desktop.domain.enums import AuditAction
from desktop.domain.schema import CONTRACT, CONTRACTOR, EVALUATION, validate
from desktop.services import records
from desktop.services.audit import chain, json_value, record_event, record_events
from desktop.services.facade import Services
from desktop.services.ledger_import import LedgerImportError, LedgerImportService, collector_paused
from desktop.store.models import AuditEvent, Contract, Contractor, Evaluation
from tests.services.test_ledger_import import NUMBER_A, NUMBER_B, WIDE, _row, dump, hand_kept_ledger


class Colour(Enum):
    RED = "red"


def _content(event: AuditEvent) -> tuple[Any, ...]:
    return (event.occurred_at, event.actor, event.action, event.record_type, event.record_id, event.changes)


def test_record_events_writes_what_record_event_writes(services: Services) -> None:
    """Creations, updates and deletions, with dates, enums, lists, numbers and text in several scripts."""
    items: list[tuple[int, dict[str, Any] | None, dict[str, Any] | None]] = [
        (
            1,
            None,
            {
                "name": "株式会社あおば",
                "pi_items": ["氏名", "住所"],
                "count": 0,
                "flag": False,
                "empty": None,
                "on": date(2026, 4, 1),
                "at": datetime(2026, 4, 1, 9, 30, tzinfo=UTC),
                "colour": Colour.RED,
                "ratio": 1.5,
                "nested": {"a": [date(2026, 1, 2)]},
                "tuple": ("x", 1),
            },
        ),
        (
            2,
            {"name": "旧", "count": 1, "same": "x", "gone": "y"},
            {"name": "新", "count": 2, "same": "x", "gone": None},
        ),
        (3, {"name": "削除される", "on": date(2025, 1, 1)}, None),
        (4, None, {}),
        (5, {}, {"name": 'Ünïcödé "quoted" \\ back'}),
    ]
    with services.context.write() as session:
        for record_id, before, after in items:
            record_event(
                session, services.context, AuditAction.UPDATE, "contractor", record_id, before, after
            )
        record_events(session, services.context, AuditAction.UPDATE, "contractor", items)
    with services.database.read() as session:
        events = list(session.scalars(select(AuditEvent).order_by(AuditEvent.id)))
    one_by_one, bulk = events[: len(items)], events[len(items) :]
    assert [_content(e) for e in bulk] == [_content(e) for e in one_by_one]
    assert one_by_one[0].changes["on"] == [None, "2026-04-01"] and "empty" not in one_by_one[0].changes
    assert services.audit.verify_chain().is_intact


JSON_LEAF = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**18), max_value=10**18),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
)
JSON_VALUE = st.recursive(
    JSON_LEAF,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)


class _Session:
    """All `chain` needs of a session when the head of the chain is known."""

    def __init__(self, head: tuple[int, str]):
        self.info: dict[str, Any] = {"audit_head": head}


@settings(max_examples=200, deadline=None)
@given(
    changes=st.lists(
        st.dictionaries(st.text(max_size=8), st.lists(JSON_VALUE, min_size=2, max_size=2), max_size=5),
        min_size=1,
        max_size=4,
    ),
    actor=st.text(max_size=10),
    record_id=st.integers(min_value=0, max_value=2**40),
    first_id=st.integers(min_value=0, max_value=10**6),
    offset=st.integers(min_value=-(10**6), max_value=10**6),
)
def test_chain_hashes_byte_for_byte_as_event_hash(
    changes: list[dict[str, Any]], actor: str, record_id: int, first_id: int, offset: int
) -> None:
    occurred_at = datetime(2026, 11, 25, 1, 2, 3, 456789, tzinfo=UTC) + timedelta(seconds=offset)
    rows = [
        {
            "occurred_at": occurred_at,
            "actor": actor,
            "action": "create",
            "record_type": "contractor",
            "record_id": record_id + index,
            "changes": item,
        }
        for index, item in enumerate(changes)
    ]
    session = _Session((first_id, GENESIS))
    chained = chain(session, rows)  # type: ignore[arg-type]
    previous, event_id = GENESIS, first_id
    for row in chained:
        event_id += 1
        assert (row["id"], row["previous_hash"]) == (event_id, previous)
        assert row["hash"] == event_hash(
            previous, event_id, occurred_at, actor, "create", "contractor", row["record_id"], row["changes"]
        )
        previous = row["hash"]
    assert session.info["audit_head"] == (event_id, previous)


def _snapshot(record: Any, names: tuple[str, ...]) -> dict[str, Any]:
    return {name: getattr(record, name) for name in names}


def test_create_many_writes_what_create_writes_and_later_ids_follow_on(services: Services) -> None:
    data = {
        "name": "株式会社わかば",
        "corporate_number": NUMBER_A.translate(WIDE),
        "pi_items": "氏名、住所",
        "start_date": "2026/4/1",
        "data_subject_count": "1200",
    }
    second = {**data, "corporate_number": NUMBER_B}
    with services.context.write() as session:
        single = records.create(
            session,
            services.context,
            Contractor,
            CONTRACTOR,
            {**data, "name": "一件ずつ", "corporate_number": None},
        )
        single_id = single.id
        ids = records.create_many(
            session, services.context, Contractor, CONTRACTOR, [(data, None), (second, None)]
        )
        validated = records.create_many(
            session,
            services.context,
            Contractor,
            CONTRACTOR,
            [(validate(CONTRACTOR, {**data, "corporate_number": None}), None)],
            validated=True,
        )
    assert ids == [single_id + 1, single_id + 2] and validated == [single_id + 3]
    after = services.contractors.create({"name": "後から登録"})  # the database's own id comes after them
    assert after.id == single_id + 4
    names = CONTRACTOR.names + ("version", "updated_by", "created_at", "updated_at")
    with services.database.read() as session:
        stored = {c.id: c for c in session.scalars(select(Contractor))}
        events = {
            e.record_id: e for e in session.scalars(select(AuditEvent).where(AuditEvent.action == "create"))
        }
    expected = {**_snapshot(stored[single_id], names), "name": "株式会社わかば", "corporate_number": NUMBER_A}
    assert _snapshot(stored[ids[0]], names) == expected
    assert _snapshot(stored[validated[0]], names) == {**expected, "corporate_number": None}
    for record_id in (ids[0], validated[0]):
        assert {
            k: v for k, v in events[record_id].changes.items() if k not in ("name", "corporate_number")
        } == {k: v for k, v in events[single_id].changes.items() if k not in ("name", "corporate_number")}
    assert events[ids[0]].changes["corporate_number"] == [None, NUMBER_A]
    assert services.audit.verify_chain().is_intact


def test_create_many_reports_each_invalid_item_by_its_index_and_skips_it(sqlite_services: Services) -> None:
    errors: dict[int, set[str]] = {}
    with sqlite_services.context.write() as session:
        ids = records.create_many(
            session,
            sqlite_services.context,
            Contractor,
            CONTRACTOR,
            [({"name": "A社"}, None), ({"name": "", "phone": "abc"}, None), ({"name": "C社"}, None)],
            on_error=lambda index, error: errors.setdefault(index, set(error.fields)),
        )
        assert ids[1] is None and ids[0] is not None and ids[2] is not None
    assert errors == {1: {"name", "phone"}}
    with pytest.raises(Exception, match="委託先名"), sqlite_services.context.write() as session:
        records.create_many(session, sqlite_services.context, Contractor, CONTRACTOR, [({"name": ""}, None)])


def test_imported_records_are_exactly_what_validation_makes_of_them(
    services: Services, tmp_path: Path
) -> None:
    """Validated once in the preview, written without a second validation: nothing may differ."""
    services.contractors.create({"name": "既存株式会社"})
    rows = [
        _row(
            i,
            f"株式会社{i:03d}",
            None,
            **{
                "評価実施日": f"2026/{1 + i % 12}/1",
                "評価結果": "適合",
                "次回評価予定日": "2027/6/30" if i % 2 else None,
                "機密保持契約締結日": "令和7年4月1日",
                "契約終了日": "2028/3/31" if i % 3 else None,
                "Pマーク": "有" if i % 2 else "第123号",
                "件数": "１，２００",
            },
        )
        for i in range(1, 8)
    ]
    importer = LedgerImportService(services.context, services.settings)
    summary = importer.import_contractors(hand_kept_ledger(tmp_path / "l.xlsx", rows))
    assert (summary.added, summary.evaluations, summary.ndas) == (7, 7, 7)
    with services.database.read() as session:
        written = (
            [
                (CONTRACTOR, c)
                for c in session.scalars(select(Contractor).where(Contractor.name != "既存株式会社"))
            ]
            + [(EVALUATION, e) for e in session.scalars(select(Evaluation))]
            + [(CONTRACT, c) for c in session.scalars(select(Contract))]
        )
        events = {(e.record_type, e.record_id): e.changes for e in session.scalars(select(AuditEvent))}
    assert len(written) == 21
    for schema, record in written:
        snapshot = _snapshot(record, schema.names)
        assert validate(schema, snapshot) == snapshot, (schema.record_type, snapshot)
        # The audit event holds every set field, as `record_event` would have written it on `create`.
        changes = events[(schema.record_type, record.id)]
        assert {name: value for name, value in changes.items() if name in schema.names} == {
            name: [None, json_value(value)] for name, value in sorted(snapshot.items()) if value is not None
        }
    assert services.audit.verify_chain().is_intact
    assert services.audit.count_events() == 1 + 21


def test_a_due_date_the_settings_push_past_2199_is_an_error_and_nothing_is_written(
    services: Services, tmp_path: Path
) -> None:
    """The one evaluation value that depends on the database (the interval setting) is checked at writing."""
    importer = LedgerImportService(services.context, services.settings)
    before = dump(services)
    path = hand_kept_ledger(
        tmp_path / "l.xlsx",
        [
            _row(1, "株式会社あおば", NUMBER_A, **{"評価実施日": "2026/4/1", "評価結果": "適合"}),
            _row(2, "株式会社わかば", NUMBER_B, **{"評価実施日": "2199/6/1", "評価結果": "適合"}),
        ],
    )
    assert importer.read(path).errors == []  # the ledger's own cells are fine
    with pytest.raises(LedgerImportError) as caught:
        importer.import_contractors(path)
    assert [(e.excel_row, e.column, e.message.en) for e in caught.value.errors] == [
        (7, "次回評価予定日", "Next evaluation due: must be between 1900 and 2199")
    ]
    assert dump(services) == before


def test_an_evaluator_too_long_is_listed_by_the_preview_and_nothing_is_written(
    sqlite_services: Services, tmp_path: Path
) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["会社名", "評価日", "評価結果", "評価者"])
    sheet.append(["A社", "2026/4/1", "適合", "佐藤"])
    sheet.append(["B社", "2026/4/1", "適合", "佐" * 201])
    workbook.save(tmp_path / "l.xlsx")
    importer = LedgerImportService(sqlite_services.context, sqlite_services.settings)
    before = dump(sqlite_services)
    assert [(e.excel_row, e.column) for e in importer.read(tmp_path / "l.xlsx").errors] == [(3, "評価者")]
    with pytest.raises(LedgerImportError):
        importer.import_contractors(tmp_path / "l.xlsx")
    assert dump(sqlite_services) == before


def test_the_collector_pause_restores_the_state_it_found(sqlite_services: Services, tmp_path: Path) -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer import is still running
    assert gc.isenabled()
    importer = LedgerImportService(sqlite_services.context, sqlite_services.settings)
    broken = hand_kept_ledger(tmp_path / "broken.xlsx", [_row(1, "", NUMBER_A)])
    with pytest.raises(LedgerImportError):
        importer.import_contractors(broken)
    assert gc.isenabled()  # also after a failed import
    gc.disable()
    try:
        importer.import_contractors(hand_kept_ledger(tmp_path / "ok.xlsx", [_row(1, "A社", NUMBER_A)]))
        assert not gc.isenabled()  # a caller that had it off keeps it off
    finally:
        gc.enable()


def test_a_new_row_breaking_a_rule_about_a_missing_column_is_still_refused(
    sqlite_services: Services, tmp_path: Path
) -> None:
    """A foreign corporation with no 国 column: the preview cannot tell (a stored country could settle it
    on an update), so the row has no clean record; writing it as new is refused by its row."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["会社名", "区分", "住所"])
    sheet.append(["Pacific Data Inc.", "外国法人", "San Francisco"])
    sheet.append(["B社", None, "東京都"])
    workbook.save(tmp_path / "l.xlsx")
    importer = LedgerImportService(sqlite_services.context, sqlite_services.settings)
    preview = importer.read(tmp_path / "l.xlsx")
    assert preview.errors == [] and preview.rows[0].new_contractor is None
    before = dump(sqlite_services)
    with pytest.raises(LedgerImportError) as caught:
        importer.apply(preview)
    assert [e.excel_row for e in caught.value.errors] == [2]
    assert dump(sqlite_services) == before
