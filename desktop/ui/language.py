"""The language the window shows: Japanese first, English available. Shared by every page and form."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported for annotations only: the window frame paints before the domain is loaded
    from PySide6.QtCore import QSettings

    from desktop.domain.enums import LabelledEnum
    from desktop.domain.errors import Message
    from desktop.domain.schema import Field

LANGUAGES = ("ja", "en")
_current = "ja"


def current_language() -> str:
    return _current


def set_language(language: str) -> None:
    """Set at start-up (and by the settings dialog, which then asks for a restart)."""
    global _current
    if language not in LANGUAGES:
        raise ValueError(language)
    _current = language


def text(message: Message) -> str:
    """A domain message (field error, finding) in the current language."""
    return message.text(_current)


def field_label(field: Field) -> str:
    """A record field's label, from the one place labels live (desktop.domain.schema)."""
    return field.en if _current == "en" else field.ja


def enum_label(member: LabelledEnum) -> str:
    """A LabelledEnum member's label (e.g. ContractorStatus.ACTIVE → 委託中) in the current language."""
    return text(member.label)


# The language preference survives restarts in the user's Qt settings; `--lang` overrides it.
_SETTINGS_ORGANIZATION = "Itaku"
_SETTINGS_APPLICATION = "Itaku"
_LANGUAGE_KEY = "language"  # the settings dialog writes the same keys
_DATABASE_KEY = "database_url"


def _user_settings() -> QSettings:  # QSettings is imported lazily to keep this module Qt-light
    from PySide6.QtCore import QSettings

    return QSettings(_SETTINGS_ORGANIZATION, _SETTINGS_APPLICATION)


def preferred_language() -> str:
    """The language the user chose last time (settings dialog), else Japanese."""
    value = _user_settings().value(_LANGUAGE_KEY, "ja")
    return value if value in LANGUAGES else "ja"


def store_preferred_language(language: str) -> None:
    """Remember the language for the next start (the settings dialog calls this; a restart applies it)."""
    if language not in LANGUAGES:
        raise ValueError(language)
    _user_settings().setValue(_LANGUAGE_KEY, language)


def stored_database_url() -> str | None:
    """The database chosen in the settings dialog, if any (`--db` and ITAKU_DATABASE_URL take precedence)."""
    value = _user_settings().value(_DATABASE_KEY, "")
    return str(value) if value else None
