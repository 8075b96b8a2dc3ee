"""Every text a person types is checked before the database sees it: characters, length, searches."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import String, func, select

from desktop.app import Services
from desktop.domain.errors import ValidationError
from desktop.domain.schema import (
    MAX_MULTILINE,
    MAX_SEARCH,
    MAX_TEXT,
    MULTILINE,
    SCHEMAS,
    TEXT,
    TEXT_LIST,
    clean_search_text,
)
from desktop.store.models import RECORD_MODELS, Account, Contractor


def test_a_300_character_display_name_is_a_validation_error_on_both_databases(services: Services) -> None:
    # On PostgreSQL this reached the database as a DataError traceback (display_name is VARCHAR(200)).
    with pytest.raises(ValidationError) as raised:
        services.accounts.add("hanako", "staff", "long enough password", "あ" * 300)
    assert set(raised.value.fields) == {"display_name"}
    assert "200" in raised.value.fields["display_name"].en
    with services.database.read() as session:
        assert session.scalar(select(func.count()).select_from(Account)) == 0


def test_a_display_name_with_a_bidi_override_is_refused(services: Services) -> None:
    with pytest.raises(ValidationError) as raised:
        services.accounts.add("hanako", "staff", "long enough password", "佐藤\u202e子花")
    assert set(raised.value.fields) == {"display_name"}


def test_a_password_has_an_upper_limit(services: Services) -> None:
    with pytest.raises(ValidationError) as raised:
        services.accounts.add("hanako", "staff", "x" * 5000)
    assert set(raised.value.fields) == {"password"}


@pytest.mark.parametrize("character", ["\u202e", "\u2066", "\u200b", "\x85", "\u2028"])
def test_a_contractor_name_with_a_control_or_format_character_is_refused(
    services: Services, character: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        services.contractors.create({"name": f"株式会社{character}あおば"})
    assert set(raised.value.fields) == {"name"}
    with services.database.read() as session:
        assert session.scalar(select(func.count()).select_from(Contractor)) == 0


def test_a_contractor_name_of_zero_width_characters_only_is_refused(services: Services) -> None:
    with pytest.raises(ValidationError) as raised:
        services.contractors.create({"name": "\u3164\u200d"})
    assert "invisible" in raised.value.fields["name"].en


def test_every_text_field_is_limited_to_no_more_than_its_column_holds() -> None:
    """A length the schema allows must fit the column, or PostgreSQL answers with a DataError."""
    too_long: list[str] = []
    for record_type, schema in SCHEMAS.items():
        model: Any = RECORD_MODELS[record_type]
        for field in schema.fields:
            if field.kind not in (TEXT, MULTILINE, TEXT_LIST):
                continue
            column = model.__table__.columns.get(field.name)
            if column is None or not isinstance(column.type, String) or column.type.length is None:
                continue
            limit = field.max_length or (MAX_MULTILINE if field.kind == MULTILINE else MAX_TEXT)
            if field.kind != TEXT_LIST and limit > column.type.length:
                too_long.append(f"{record_type}.{field.name}: {limit} > {column.type.length}")
    assert too_long == []


@pytest.mark.parametrize(
    "search",
    [
        lambda services, text: services.contractors.search(text),
        lambda services, text: services.contractors.count(text),
        lambda services, text: services.evaluations.list(text=text),
        lambda services, text: services.contracts.list(text=text),
        lambda services, text: services.engagements.list(text=text),
        lambda services, text: services.joint_uses.list(text=text),
    ],
)
def test_a_search_text_has_a_length_limit(services: Services, search: Any) -> None:
    # 16,000 characters made SQLite answer "LIKE or GLOB pattern too complex".
    with pytest.raises(ValidationError) as raised:
        search(services, "%_" * 8000)
    assert set(raised.value.fields) == {"search"}
    search(services, "あ" * MAX_SEARCH)  # the limit itself is allowed


def test_a_search_text_is_stripped_and_blank_means_none() -> None:
    assert clean_search_text("  あおば ") == "あおば"
    assert clean_search_text("   ") is None
    with pytest.raises(ValidationError):
        clean_search_text("a\u202eb")
