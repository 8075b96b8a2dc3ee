"""Contractor search: the LIKE conditions that decide, and the SQLite FTS5 trigram index that narrows.

The register searches name, kana and entrusted work with LIKE '%x%' (and the digits of the corporate
number). A string that matches nothing makes SQLite walk the whole name index looking for a first page, so
on SQLite an external-content FTS5 table with the trigram tokenizer (migration 0004, kept in sync by
triggers) finds the candidates first; the LIKE conditions then keep the exact semantics.
"""

from __future__ import annotations

import unicodedata

from sqlalchemy import ColumnElement, func, or_, text
from sqlalchemy.orm import Session

from desktop.store.models import Contractor

SEARCH_INDEX = "contractor_search"  # the FTS5 table of migration 0004 (not a mapped model)
TRIGRAM = 3  # the trigram tokenizer cannot match strings shorter than this


def is_search_index_table(name: str) -> bool:
    """The FTS5 table or one of the shadow tables SQLite keeps for it."""
    return name == SEARCH_INDEX or name.startswith(f"{SEARCH_INDEX}_")


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def conditions(search_text: str | None, status: str | None) -> list[ColumnElement[bool]]:
    """The WHERE conditions of a register search: the text in name, kana or entrusted work (or its digits in
    the corporate number), case-insensitively after NFKC; and the status."""
    found: list[ColumnElement[bool]] = []
    if search_text and search_text.strip():
        needle = unicodedata.normalize("NFKC", search_text).strip()
        pattern = f"%{_escape_like(needle.lower())}%"
        digits = "".join(ch for ch in needle if ch.isdigit())
        options = [
            func.lower(Contractor.name).like(pattern, escape="\\"),
            func.lower(Contractor.kana).like(pattern, escape="\\"),
            func.lower(Contractor.entrusted_work).like(pattern, escape="\\"),
        ]
        if digits:
            options.append(Contractor.corporate_number.like(f"%{digits}%"))
        found.append(or_(*options))
    if status:
        found.append(Contractor.status == status)
    return found


def _fts_phrase(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def index_match(search_text: str | None) -> str | None:
    """An FTS5 MATCH expression selecting a superset of the rows `conditions(search_text)` keeps, or None when
    the trigram index cannot narrow the search (no text, or a part shorter than three characters: such
    strings match so many rows that the plain query finds its first page quickly)."""
    if not search_text or not search_text.strip():
        return None
    needle = unicodedata.normalize("NFKC", search_text).strip().lower()
    digits = "".join(ch for ch in needle if ch.isdigit())
    if len(needle) < TRIGRAM or 0 < len(digits) < TRIGRAM:
        return None
    # The index folds case like lower() and more, and matches LIKE wildcards literally, so each phrase
    # finds every row the LIKE finds; the LIKE condition then keeps the exact semantics.
    expression = f"{{name kana entrusted_work}} : {_fts_phrase(needle)}"
    if digits:
        expression += f" OR corporate_number : {_fts_phrase(digits)}"
    return expression


def narrowing(session: Session, search_text: str | None) -> list[ColumnElement[bool]]:
    """On SQLite with the trigram index: `id IN (rows the index finds)`, so a string that matches nothing
    no longer walks the whole table; elsewhere nothing (the LIKE conditions alone decide)."""
    expression = index_match(search_text)
    if expression is None or session.get_bind().dialect.name != "sqlite":
        return []
    if (
        session.execute(
            text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"), {"name": SEARCH_INDEX}
        ).first()
        is None
    ):
        return []
    candidates = text(f"SELECT rowid FROM {SEARCH_INDEX} WHERE {SEARCH_INDEX} MATCH :search_match")
    return [Contractor.id.in_(candidates.bindparams(search_match=expression).columns(Contractor.id))]
