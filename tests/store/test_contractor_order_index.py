"""The contractor list's default order (フリガナ, none last, name, id: issue 14) is read from an index, so that
its first page does not sort every contractor (migration 0014, `ix_contractor_kana_order`)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event

from tests.conftest import make_services


def test_the_migrated_database_has_the_order_index(database_url: str, tmp_path: Any) -> None:
    services = make_services(database_url, tmp_path)
    try:
        engine = services.database.engine
        query = (  # SQLAlchemy's inspector leaves expression indexes out on PostgreSQL: ask the catalogue
            "SELECT indexname FROM pg_indexes WHERE tablename = 'contractor'"
            if engine.dialect.name == "postgresql"
            else "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contractor'"
        )
        with engine.connect() as connection:
            indexes = {row[0] for row in connection.exec_driver_sql(query)}
        assert "ix_contractor_kana_order" in indexes
    finally:
        services.close()


def test_the_first_page_in_kana_order_is_read_from_the_index_not_sorted(
    sqlite_url: str, tmp_path: Any
) -> None:
    services = make_services(sqlite_url, tmp_path)
    for name, kana in (("株式会社い", "イ"), ("株式会社あ", "ア"), ("株式会社かなし", None)):
        services.contractors.create({"name": name, "kana": kana})
    statements: list[tuple[str, Any]] = []

    def remember(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "FROM contractor" in statement:
            statements.append((statement, parameters))

    engine = services.database.engine
    event.listen(engine, "before_cursor_execute", remember)
    try:
        rows = services.contractors.search(order_by="kana", limit=200)
    finally:
        event.remove(engine, "before_cursor_execute", remember)
    try:
        assert [row.name for row in rows] == ["株式会社あ", "株式会社い", "株式会社かなし"]
        (statement, parameters) = statements[-1]
        with engine.connect() as connection:
            plan = " ".join(
                str(row[-1])
                for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters).all()
            )
        assert "ix_contractor_kana_order" in plan and "TEMP B-TREE" not in plan, plan
    finally:
        services.close()
