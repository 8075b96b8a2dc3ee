"""The language the window shows: Japanese first, English available. Shared by every page and form."""

from __future__ import annotations

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
