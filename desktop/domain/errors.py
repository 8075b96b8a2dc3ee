"""The error types every layer raises and every front end knows how to show."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Message:
    """A message in Japanese (shown first) and English."""

    ja: str
    en: str

    def text(self, language: str = "ja") -> str:
        return self.en if language == "en" else self.ja

    def __str__(self) -> str:
        return f"{self.ja} / {self.en}"


class ItakuError(Exception):
    """Base class of the errors a service may raise on purpose; `message` is what a person reads."""

    def __init__(self, message: Message, detail: str | None = None):
        self.message = message
        super().__init__(str(message) if detail is None else detail)


class ValidationError(ItakuError):
    """Bad input: maps each offending field to a message (`message` lists them all, one a line)."""

    def __init__(self, fields: dict[str, Message]):
        self.fields = dict(fields)
        super().__init__(
            Message(
                "\n".join(message.ja for message in self.fields.values()),
                "\n".join(message.en for message in self.fields.values()),
            ),
            "; ".join(f"{name}: {message}" for name, message in self.fields.items()),
        )

    def merged(self, other: ValidationError) -> ValidationError:
        return ValidationError({**self.fields, **other.fields})


class UnexpectedValueError(ItakuError):
    """A stored value that no version of Itaku writes (an edit made behind the app): nothing is decided on
    it, since a rule that does not know the value would pass the record silently."""

    def __init__(self, record_type: str, record_id: object, field: str, value: object):
        self.record_type = record_type
        self.record_id = record_id
        self.field = field
        self.value = value
        from desktop.domain.schema import record_type_label  # the schema module imports this one

        label = record_type_label(record_type)
        super().__init__(
            Message(
                ja=(
                    f"{label.ja} #{record_id} の {field} に想定外の値 {value!r} が保存されています。"
                    "データベースがアプリの外で変更された可能性があります（itaku-cli audit verify で確認）。"
                ),
                en=(
                    f"{label.en} #{record_id} holds an unexpected {field} value {value!r}: the database "
                    "may have been changed outside Itaku (check with itaku-cli audit verify)."
                ),
            )
        )


class ConflictError(ItakuError):
    """A save over a record that somebody else changed in the meantime."""

    def __init__(
        self,
        record_type: str,
        record_id: int,
        expected_version: int,
        actual_version: int,
        updated_by: str | None = None,
    ):
        self.record_type = record_type
        self.record_id = record_id
        self.expected_version = expected_version
        self.actual_version = actual_version
        self.updated_by = updated_by
        who = updated_by or "?"
        from desktop.domain.schema import record_type_label  # the schema module imports this one

        label = record_type_label(record_type)  # the kind by its label, in each language
        super().__init__(
            Message(
                ja=(
                    f"{label.ja} #{record_id} は他の利用者（{who}）が更新済みです"
                    f"（版 {expected_version} → {actual_version}）。再読み込みしてください。"
                ),
                en=(
                    f"{label.en} #{record_id} was changed by {who} in the meantime "
                    f"(version {expected_version} → {actual_version}). Reload it and try again."
                ),
            )
        )


class NotFoundError(ItakuError):
    def __init__(self, record_type: str, record_id: int | str):
        self.record_type = record_type
        self.record_id = record_id
        from desktop.domain.schema import record_type_label  # the schema module imports this one

        label = record_type_label(record_type)  # the kind by its label, in each language
        super().__init__(
            Message(
                ja=f"{label.ja} #{record_id} は見つかりません。",
                en=f"{label.en} #{record_id} does not exist.",
            )
        )


class DependencyError(ItakuError):
    """An action refused because other records depend on this one."""


class RetentionError(ItakuError):
    """A deletion refused because the record's retention period has not ended (a third-party provision or
    receipt confirmation record: APPI Art. 29(2), 30(4); Enforcement Rules Art. 21, 25)."""


class Cancelled(ItakuError):
    """Long work stopped because the person asked it to: raised by a `Progress` callback (see
    desktop.services.progress) and let through, so the work's transaction rolls back and no file is left."""

    def __init__(self, message: Message | None = None):
        super().__init__(message or Message("中止しました。", "Cancelled."))
