"""Who may do what: the roles of Itaku's accounts and the permissions each holds."""

from __future__ import annotations

from enum import StrEnum

from desktop.domain.errors import ItakuError, Message


class Role(StrEnum):
    STAFF = "staff"  # legal staff: enter and edit records
    OFFICER = "officer"  # PI protection officer: approves, signs off, administers
    AUDITOR = "auditor"  # read-only: reports and exports

    @property
    def label(self) -> Message:
        return {
            Role.STAFF: Message("担当者", "Staff"),
            Role.OFFICER: Message("個人情報保護責任者", "PI protection officer"),
            Role.AUDITOR: Message("監査担当", "Auditor"),
        }[self]


class Permission(StrEnum):
    READ = "read"  # see records, print reports, export
    WRITE = "write"  # create, edit and delete records; import ledgers
    APPROVE = "approve"  # approve evaluations and contracts; delete approved ones
    ADMINISTER = "administer"  # accounts, settings, company profile, restore


GRANTS: dict[Role, frozenset[Permission]] = {
    Role.AUDITOR: frozenset({Permission.READ}),
    Role.STAFF: frozenset({Permission.READ, Permission.WRITE}),
    Role.OFFICER: frozenset(Permission),
}


def roles_with(permission: Permission) -> list[Role]:
    return [role for role in Role if permission in GRANTS[role]]


def in_sentence(label: str) -> str:
    """A role's English label inside a sentence: "Staff" → "staff", but "PI protection officer" keeps "PI"."""
    return label if label[:2].isupper() else label[:1].lower() + label[1:]


class PermissionDeniedError(ItakuError):
    """A refused action; the message says which role it needs."""

    def __init__(self, permission: Permission, role: str | None):
        self.permission = permission
        self.role = role
        needed = roles_with(permission)
        ja_roles = "・".join(r.label.ja for r in needed)
        en_roles = " or ".join(in_sentence(r.label.en) for r in needed)
        if role is None:
            message = Message(
                "サインインしていません。サインインしてから操作してください。",
                "You are not signed in. Sign in first.",
            )
        else:
            current = Role(role).label
            message = Message(
                f"この操作には{ja_roles}の権限が必要です（現在: {current.ja}）。",
                f"This needs the {en_roles} role (you are signed in as {in_sentence(current.en)}).",
            )
        super().__init__(message)


def check(role: str | None, permission: Permission) -> None:
    if role is None or permission not in GRANTS[Role(role)]:
        raise PermissionDeniedError(permission, role)
