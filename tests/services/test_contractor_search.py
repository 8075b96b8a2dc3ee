"""The contractor search narrowed by the SQLite FTS5 trigram index (migration 0004) finds exactly what the plain
LIKE search finds, and the index follows every write: single records, the demo loader and the ledger import."""

from __future__ import annotations

import sqlite3
import unicodedata
import zipfile
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from desktop.services.facade import Services
from desktop.services.ledger_import import LedgerImportService
from desktop.store import migrate
from desktop.store.queries.contractor_search import index_match
from tests.services.test_ledger_import import _row, hand_kept_ledger

EXTRA = [
    {"name": "ＡＢＣ商事株式会社", "kana": "エービーシーショウジ", "entrusted_work": "発送代行"},
    {"name": "ABC Trading K.K.", "kana": None, "entrusted_work": "Mailing 100% of DM"},
    {"name": "abc_def 合同会社", "kana": "アビーデフ", "entrusted_work": "データ入力"},
    {"name": "abcXdef 有限会社", "kana": None, "entrusted_work": None},
    {"name": "50%オフ販売株式会社", "kana": "ゴジュッパーセント", "entrusted_work": "コールセンター"},
    {"name": 'Quote "Co" Ltd', "kana": None, "entrusted_work": "back\\slash work"},
    {
        "name": "さくら印刷株式会社",
        "kana": "サクラインサツ",
        "entrusted_work": "印刷・発送",
        "corporate_number": "7000012050002",
    },
    {"name": "Sakura Print", "kana": "さくら", "entrusted_work": "printing AND mailing"},
]

STRINGS = [
    "a",
    "A",
    "ab",
    "株",
    "株式",
    "%",
    "_",
    "\\",
    '"',
    "'",
    "*",
    "%%",
    "a%",
    "_d",
    "abc",
    "ABC",
    "ＡＢＣ",
    "ａｂｃ",
    "abc_def",
    "abc%def",
    "c_d",
    "cxd",
    "100%",
    "50%",
    "0%オ",
    "株式会社",
    "株式会社さくら",
    "株式会社xyz",
    "xyz",
    "さくら",
    "サクラ",
    "ｻｸﾗ",
    " さくら ",
    "さくら 印刷",
    "7000012050002",
    "７０００",
    "700",
    "70",
    "7",
    "0120",
    "7000-0120",
    "abc123",
    "ab12",
    "no 1",
    "12",
    '"Co"',
    'Quote "Co',
    "back\\slash",
    "and mailing",
    "AND",
    "OR x",
    "NEAR(a b)",
    "name:abc",
    "^abc",
    "(abc)",
    "{name}",
    "発送",
    "発送代行",
    "データ",
    "コールセンター",
    "印刷・発送",
    "printing",
]


def ascii_lower(value: str) -> str:
    return "".join(ch.lower() if "A" <= ch <= "Z" else ch for ch in value)


def reference(rows: list[tuple], search: str) -> list[int]:
    """The documented semantics in plain Python: SQLite's lower()/LIKE fold ASCII only, the needle is NFKC'd
    and lower-cased, wildcards are literal, digits of the needle are looked for in the corporate number."""
    needle = unicodedata.normalize("NFKC", search).strip()
    if not needle:
        return [row[0] for row in sorted(rows, key=lambda row: (row[1], row[0]))]
    lowered = needle.lower()
    digits = "".join(ch for ch in needle if ch.isdigit())
    found = [
        row
        for row in rows
        if any(value is not None and lowered in ascii_lower(value) for value in row[1:4])
        or (digits and row[4] is not None and digits in row[4])
    ]
    return [row[0] for row in sorted(found, key=lambda row: (row[1], row[0]))]


def all_rows(services: Services) -> list[tuple]:
    with services.database.read() as session:
        return [
            tuple(row)
            for row in session.execute(
                text("SELECT id, name, kana, entrusted_work, corporate_number FROM contractor")
            )
        ]


def index_ids(services: Services, phrase: str) -> set[int]:
    with services.database.read() as session:
        return {
            row[0]
            for row in session.execute(
                text("SELECT rowid FROM contractor_search WHERE contractor_search MATCH :q"),
                {"q": f'"{phrase}"'},
            )
        }


def assert_index_in_sync(services: Services) -> None:
    """FTS5's own check of an external-content index against its table raises when they differ."""
    with services.database.write() as session:
        session.execute(
            text("INSERT INTO contractor_search (contractor_search, rank) VALUES ('integrity-check', 1)")
        )


@pytest.fixture
def searchable(demo_services: Services) -> Services:
    for data in EXTRA:
        demo_services.contractors.create(data)
    return demo_services


def test_the_migration_builds_the_trigram_index_and_its_triggers(sqlite_services: Services) -> None:
    with sqlite_services.database.read() as session:
        names = {row[0] for row in session.execute(text("SELECT name FROM sqlite_master"))}
    assert {
        "contractor_search",
        "contractor_search_insert",
        "contractor_search_update",
        "contractor_search_delete",
    } <= names


def test_every_string_finds_what_a_plain_filter_over_all_rows_finds(searchable: Services) -> None:
    rows = all_rows(searchable)
    samples = list(STRINGS)
    for row in rows[::3]:  # pieces of real names, kana and work, so most strings do match
        samples += [row[1][:3], row[1][1:5], (row[2] or "")[:4], (row[3] or "")[-3:], (row[4] or "")[3:9]]
    for search in samples:
        expected = reference(rows, search)
        assert [row.id for row in searchable.contractors.search(search)] == expected, search
        assert searchable.contractors.count(search) == len(expected), search
    assert reference(rows, "株式会社xyz") == [] and len(reference(rows, "株式会社")) > 10


def test_paging_sorting_and_status_combine_with_the_index(searchable: Services) -> None:
    rows = all_rows(searchable)
    expected = reference(rows, "株式会社")
    pages = [
        row.id
        for offset in range(0, len(expected), 7)
        for row in searchable.contractors.search("株式会社", offset=offset, limit=7)
    ]
    assert pages == expected
    by_kana = searchable.contractors.search("株式会社", order_by="kana", descending=True)
    assert [row.id for row in by_kana] == [
        row.id
        for row in searchable.contractors.search("株式会社", order_by="kana", descending=True, limit=None)
    ]
    assert sorted(row.id for row in by_kana) == sorted(expected)
    active = searchable.contractors.search("株式会社", status="active")
    assert active and all(row.status == "active" for row in active)
    assert {row.id for row in active} == {
        row.id for row in searchable.contractors.search("株式会社") if row.status == "active"
    }
    assert searchable.contractors.count("株式会社", status="active") == len(active)


def test_the_index_really_narrows_strings_of_three_characters_or_more(searchable: Services) -> None:
    assert index_match("ab") is None and index_match("abc1") is None and index_match("  ") is None
    assert index_match("ＡＢＣ") == '{name kana entrusted_work} : "abc"'
    assert index_match('a"b 123') == '{name kana entrusted_work} : "a""b 123" OR corporate_number : "123"'
    target = searchable.contractors.search("%オフ販売")[0].id
    with searchable.database.write() as session:  # take the row out of the index only
        session.execute(
            text(
                "INSERT INTO contractor_search (contractor_search, rowid, name, kana, entrusted_work, corporate_number)"
                " SELECT 'delete', id, name, kana, entrusted_work, corporate_number FROM contractor WHERE id = :id"
            ),
            {"id": target},
        )
    assert searchable.contractors.search("%オフ販売") == []
    assert target in [row.id for row in searchable.contractors.search("オフ")]  # two characters: plain LIKE


def test_the_index_follows_create_update_and_delete(sqlite_services: Services) -> None:
    services = sqlite_services
    record = services.contractors.create(
        {"name": "株式会社みどり", "kana": "ミドリ", "entrusted_work": "梱包"}
    )
    assert index_ids(services, "みどり") == {record.id}
    updated = services.contractors.update(
        record.id, {"name": "株式会社あおば", "corporate_number": "7000012050002"}, record.version
    )
    assert index_ids(services, "みどり") == set() and index_ids(services, "あおば") == {record.id}
    assert [row.id for row in services.contractors.search("01205")] == [record.id]
    services.contractors.update(record.id, {"status": "ended"}, updated.version)
    assert_index_in_sync(services)
    services.contractors.delete(record.id, updated.version + 1)
    assert index_ids(services, "あおば") == set()
    assert services.contractors.search("株式会社あおば") == []
    assert_index_in_sync(services)


def test_the_index_follows_the_demo_loader_and_the_ledger_import(
    sqlite_services: Services, tmp_path: Path
) -> None:
    services = sqlite_services
    services.demo.load(40, 1)
    assert_index_in_sync(services)
    importer = LedgerImportService(services.context, services.settings)
    importer.import_contractors(
        hand_kept_ledger(
            tmp_path / "l.xlsx",
            [
                _row(1, "株式会社インポート一号", None),
                _row(2, "インポート二号合同会社", None, 委託業務の内容="給与計算"),
            ],
        )
    )
    assert_index_in_sync(services)
    rows = all_rows(services)
    for search in ("インポート", "給与計算", "一号", "株式会社"):
        assert [row.id for row in services.contractors.search(search)] == reference(rows, search)
    assert len(services.contractors.search("インポート")) == 2


def test_a_backup_from_before_the_index_is_upgraded_on_restore(
    sqlite_services: Services, tmp_path: Path
) -> None:
    services = sqlite_services
    services.contractors.create({"name": "株式会社ふるい"})
    result = services.backups.backup(tmp_path / "backup.zip")
    old = tmp_path / "old.sqlite3"
    with zipfile.ZipFile(result.path) as archive:
        old.write_bytes(archive.read("itaku.sqlite3"))
    config = migrate.alembic_config(f"sqlite:///{old}")
    command.downgrade(config, "0003")  # the backup as an older version wrote it
    connection = sqlite3.connect(old)
    assert connection.execute(
        "SELECT count(*) FROM sqlite_master WHERE name LIKE 'contractor_search%'"
    ).fetchone() == (0,)
    connection.close()
    services.contractors.create({"name": "株式会社あたらしい"})
    services.backups.restore(old)
    assert [row.name for row in services.contractors.search("株式会社")] == ["株式会社ふるい"]
    assert index_ids(services, "ふるい") == {1}
    services.contractors.create({"name": "株式会社ふるい二"})
    assert [row.name for row in services.contractors.search("ふるい")] == [
        "株式会社ふるい",
        "株式会社ふるい二",
    ]
    assert_index_in_sync(services)


def test_both_backends_find_the_same_rows(services: Services) -> None:
    """PostgreSQL keeps the plain LIKE query (and sorts by its own collation, so compare as sets)."""
    for data in EXTRA:
        services.contractors.create(data)
    rows = all_rows(services)
    for search in ("株式会社", "abc_def", "50%", "ＡＢＣ", "7000-0120", "xyz", "さくら"):
        assert sorted(row.id for row in services.contractors.search(search)) == sorted(
            reference(rows, search)
        )
        assert services.contractors.count(search) == len(reference(rows, search))
