"""Accounts and signing in. Passwords are kept only as argon2id hashes and never logged."""

from __future__ import annotations

import functools
import os
import unicodedata
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from desktop.domain import values
from desktop.domain.enums import AuditAction
from desktop.domain.errors import ItakuError, Message, UnexpectedValueError, ValidationError
from desktop.domain.kinds import RecordType
from desktop.domain.roles import Permission, Role
from desktop.services.audit import record_event
from desktop.services.context import ServiceContext
from desktop.services.trail_replay import PASSWORD_FINGERPRINT, password_fingerprint
from desktop.store import roles
from desktop.store.database import Database
from desktop.store.models import Account, AuditEvent
from desktop.store.notifications import note_change

MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 1024
MAX_DISPLAY_NAME = 200  # the column's length: checked here, before any database sees it
_hasher = PasswordHasher()  # argon2id, memory-hard (64 MiB, 3 passes)


def login_name() -> str:
    """The operating system's name for the person at this computer: who acts on a database without accounts."""
    try:
        return os.getlogin()
    except OSError:
        return os.environ.get("USER") or os.environ.get("USERNAME") or "user"


@functools.cache
def _dummy_hash() -> str:
    """Verified when the user name is unknown, so a wrong name costs as long as a wrong password."""
    return _hasher.hash("not a password of anyone")


class AuthenticationError(ItakuError):
    def __init__(self) -> None:
        super().__init__(Message("ユーザー名またはパスワードが違います。", "Wrong user name or password."))


class DamagedDatabaseError(ItakuError):
    """Every account is gone from a database whose audit trail created some: not a new database to set up."""

    def __init__(self) -> None:
        super().__init__(
            Message(
                "このデータベースは破損しています: 監査ログにあるアカウントがすべて削除されています。初期設定には戻りません。"
                "バックアップから復元してください。",
                "This database is damaged: every account its audit trail created has been deleted. It does not go "
                "back to first-run set-up; restore it from a backup.",
            )
        )


@dataclass(frozen=True)
class DatabaseRoles:
    """What `enforce_database_roles` set up on a PostgreSQL database (for `init` to say)."""

    database: str
    groups: dict[str, str]  # Itaku role -> group role
    owner: str
    trust_rules: int  # pg_hba.conf rules with `trust` (-1: the server did not let us read them)
    without_password: tuple[str, ...] = ()  # login roles created for existing accounts, without a password


@dataclass(frozen=True)
class AccountRow:
    id: int
    username: str
    display_name: str | None
    role: str
    is_active: bool
    login_created: bool | None = None  # PostgreSQL with roles in force: False when a login role was reused


def _clean_username(raw: str) -> str:
    name = unicodedata.normalize("NFKC", raw or "").strip()
    if not name or len(name) > 100 or any(ch.isspace() or not ch.isprintable() for ch in name):
        raise ValidationError(
            {
                "username": Message(
                    "ユーザー名は空白を含まない100文字以内で入力してください",
                    "the user name must be 1–100 characters without spaces",
                )
            }
        )
    return name


def _check_password(password: str) -> None:
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            {
                "password": Message(
                    f"パスワードは{MIN_PASSWORD_LENGTH}文字以上にしてください",
                    f"the password must have at least {MIN_PASSWORD_LENGTH} characters",
                )
            }
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        raise ValidationError(
            {
                "password": Message(
                    f"パスワードは{MAX_PASSWORD_LENGTH}文字以内にしてください",
                    f"the password must have at most {MAX_PASSWORD_LENGTH} characters",
                )
            }
        )


def _clean_display_name(raw: str | None) -> str | None:
    """The name shown for an account: one line of visible text, at most MAX_DISPLAY_NAME characters."""
    if raw is None:
        return None
    try:
        text = values.clean_text(raw, multiline=False)
    except ValueError:
        raise ValidationError(
            {
                "display_name": Message(
                    "表示名に使用できない制御文字・書式文字または改行が含まれています",
                    "the display name contains control or format characters or line breaks",
                )
            }
        ) from None
    if len(text) > MAX_DISPLAY_NAME:
        raise ValidationError(
            {
                "display_name": Message(
                    f"表示名は{MAX_DISPLAY_NAME}文字以内で入力してください",
                    f"the display name must be at most {MAX_DISPLAY_NAME} characters",
                )
            }
        )
    return text or None


def _check_role(role: str) -> str:
    try:
        return Role(role).value
    except ValueError:
        raise ValidationError(
            {
                "role": Message(
                    "役割は staff / officer / auditor のいずれかです",
                    "the role must be staff, officer or auditor",
                )
            }
        ) from None


def _verify_password(stored_hash: str | None, password: str) -> None:
    """AuthenticationError unless `password` matches; an unknown name costs the same time as a known one."""
    try:
        _hasher.verify(stored_hash or _dummy_hash(), password or "")
    except (VerificationError, InvalidHashError):
        raise AuthenticationError() from None
    if stored_hash is None:
        raise AuthenticationError()


# The demo's people, by the names the status bar, the PDFs' 印刷者 and the audit log show (the officer is the
# company profile's 個人情報保護責任者).
DEMO_ACCOUNTS = (
    ("officer", Role.OFFICER, "黒田 修"),
    ("staff", Role.STAFF, "佐藤 美咲"),
    ("auditor", Role.AUDITOR, "内部監査室 田中 誠"),
)


class _Unchanged:
    """`AccountService.update`: the display name is left as it is (None clears it)."""


class AccountService:
    def __init__(self, context: ServiceContext):
        self.context = context

    def has_accounts(self) -> bool:
        """Whether anyone can sign in; False only on a new database (set-up mode). A database whose trail
        has created accounts but that holds none now was emptied outside Itaku: refused, never set up again."""
        with self.context.database.read() as session:
            if session.scalar(select(Account.id).limit(1)) is not None:
                return True
            if session.scalar(
                select(AuditEvent.id).where(AuditEvent.record_type == RecordType.ACCOUNT).limit(1)
            ):
                raise DamagedDatabaseError()
        return False

    def create_first_officer(
        self, username: str, password: str, display_name: str | None = None
    ) -> AccountRow:
        """The first run: the officer account, allowed only while no account exists."""
        name = _clean_username(username)
        _check_password(password)
        self.has_accounts()  # a damaged database (its accounts deleted outside Itaku) is refused
        display_name = _clean_display_name(display_name)
        with self.context.database.write() as session:
            if session.scalar(select(func.count(Account.id))):
                raise ValidationError(
                    {
                        "username": Message(
                            "アカウントは既に作成されています",
                            "accounts already exist: sign in as an officer to add one",
                        )
                    }
                )
            return self._insert(session, name, Role.OFFICER.value, password, display_name, actor=name)

    def add(self, username: str, role: str, password: str, display_name: str | None = None) -> AccountRow:
        self.context.require(Permission.ADMINISTER)
        name = _clean_username(username)
        role = _check_role(role)
        _check_password(password)
        display_name = _clean_display_name(display_name)
        with self.context.write(Permission.ADMINISTER) as session:
            if session.scalar(select(Account.id).where(Account.username == name)) is not None:
                raise ValidationError(
                    {
                        "username": Message(
                            f"ユーザー名「{name}」は既に使われています", f"the user name '{name}' is taken"
                        )
                    }
                )
            return self._insert(session, name, role, password, display_name, actor=self.context.actor)

    def add_demo_accounts(self, session: Session, password: str) -> tuple[str, ...]:
        """Inside the caller's transaction (the demo data's): officer on a database without accounts, staff
        and auditor where missing, all with `password`. The names created, in that order."""
        _check_password(password)
        existing = set(session.scalars(select(Account.username)))
        created: list[str] = []
        actor = self.context.actor if existing else Role.OFFICER.value
        for name, role, display_name in DEMO_ACCOUNTS:
            if name == "officer" and existing:
                continue  # only a new database gets its first officer here
            if name not in existing:
                self._insert(session, name, role.value, password, display_name, actor=actor)
                created.append(name)
        return tuple(created)

    def list(self) -> list[AccountRow]:
        with self.context.read() as session:
            return [
                AccountRow(a.id, a.username, a.display_name, a.role, a.is_active)
                for a in session.scalars(select(Account).order_by(Account.username))
            ]

    def sign_in(self, username: str, password: str) -> AccountRow:
        """Check the password; from now on the services act as this account with its role.

        On a PostgreSQL database whose roles are in force, the services also connect as this person's
        login role from now on, so the server itself decides what they may do."""
        name = unicodedata.normalize("NFKC", username or "").strip()
        if self.context.database.enforces_roles:
            # No group may read the password hashes: connect as the person first (the server checks the
            # password where pg_hba.conf asks for one), then check it against their own hash.
            account, own = self._sign_in_on_the_server(name, password)
        else:
            own = None
            with self.context.database.read() as session:
                account = session.scalar(select(Account).where(Account.username == name))
                stored = account.password_hash if account else None
            _verify_password(stored, password)
        try:
            if account is None or not account.is_active:
                raise AuthenticationError()
            if account.role not in {role.value for role in Role}:  # written behind the app: grant nothing
                raise UnexpectedValueError(RecordType.ACCOUNT, account.username, "role", account.role)
        except BaseException:
            if own is not None:
                own.dispose()
            raise
        if own is not None:
            self._connect_with(own)
        self.context.actor = account.username
        self.context.role = account.role
        return AccountRow(account.id, account.username, account.display_name, account.role, account.is_active)

    def _sign_in_on_the_server(self, name: str, password: str) -> tuple[Account | None, Database]:
        """Connect as the person's own login role (the server refusing it is a failed sign-in) and check
        the password against their own hash; the connection is the caller's to keep or dispose of."""
        own = self.context.database.as_user(name, password)
        try:
            with own.read() as session:
                if not roles.belongs_here(session):
                    # A disabled account's login role is in none of this database's groups: it reaches
                    # nothing here. That is a refused sign-in, as a wrong password is.
                    raise AuthenticationError()
                stored = roles.own_password_hash(session)
                account = session.scalar(select(Account).where(Account.username == name))
            _verify_password(stored, password)
        except OperationalError:
            own.dispose()
            raise AuthenticationError() from None
        except BaseException:
            own.dispose()
            raise
        return account, own

    def enforce_database_roles(self) -> DatabaseRoles:
        """PostgreSQL: set up the login and group roles, privileges, functions and audit triggers (idempotent;
        see desktop.store.roles). Run by `init` with the database owner's connection."""
        database = self.context.database
        with database.engine.begin() as connection:
            setup = roles.enforce(connection)
        database.mark_roles_enforced()
        return DatabaseRoles(
            setup.database, dict(setup.groups), setup.owner, setup.trust_rules, setup.without_password
        )

    def enter_setup_mode(self, actor: str) -> None:
        """A database with no account yet: act as the officer until the first account is created."""
        if self.has_accounts():
            raise AuthenticationError()
        self.context.actor = actor
        self.context.role = Role.OFFICER.value

    def _insert(
        self, session: Session, name: str, role: str, password: str, display_name: str | None, actor: str
    ) -> AccountRow:
        if self.context.database.enforces_roles:
            # The server adds the row and the person's login role; its trigger writes the audit event.
            account_id, created = roles.add_account(
                session, name, role, display_name, _hasher.hash(password), password
            )
            note_change(session, RecordType.ACCOUNT, (account_id,))
            return AccountRow(account_id, name, display_name, role, True, created)
        now = self.context.now()
        password_hash = _hasher.hash(password)
        account = Account(
            username=name,
            role=role,
            password_hash=password_hash,
            display_name=display_name,
            is_active=True,
            updated_by=actor,
            created_at=now,
            updated_at=now,
        )
        session.add(account)
        session.flush()
        previous_actor, self.context.actor = self.context.actor, actor
        try:
            # The audit event names the account and role; the password or its hash never appear, only the
            # SHA-256 of the hash, so that `audit verify` sees a password replaced outside Itaku.
            record_event(
                session,
                self.context,
                AuditAction.CREATE,
                RecordType.ACCOUNT,
                account.id,
                None,
                {
                    "username": name,
                    "role": role,
                    "display_name": display_name,
                    "is_active": True,
                    PASSWORD_FINGERPRINT: password_fingerprint(password_hash),
                },
            )
        finally:
            self.context.actor = previous_actor
        return AccountRow(account.id, name, display_name, role, True)

    # Administering accounts (officer) and one's own password ------------------------------------------
    # Accounts are never deleted: every one appears in the audit trail (its creation at least), and the trail
    # must keep naming who did what. An account that should no longer sign in is disabled instead.

    def get(self, username: str) -> AccountRow:
        name = unicodedata.normalize("NFKC", username or "").strip()
        with self.context.read() as session:
            account = session.scalar(select(Account).where(Account.username == name))
        if account is None:
            raise ValidationError(
                {"username": Message(f"ユーザー「{name}」はありません", f"there is no user '{name}'")}
            )
        return AccountRow(account.id, account.username, account.display_name, account.role, account.is_active)

    def display_names(self) -> dict[str, str]:
        """Each user name → the name people see (the display name given at sign-up, else the user name)."""
        with self.context.database.read() as session:
            rows = session.execute(select(Account.username, Account.display_name)).all()
        return {username: display_name or username for username, display_name in rows}

    def display_name_of(self, username: str) -> str:
        """The name people see for a user name (the user name itself when it is not an account)."""
        return self.display_names().get(username, username)

    def change_role(self, username: str, role: str) -> AccountRow:
        """Officer: give an account another role; the last active officer keeps theirs."""
        return self.update(username, role=role)

    def set_active(self, username: str, active: bool) -> AccountRow:
        """Officer: disable an account (it can no longer sign in, and stays in the trail) or enable it again.
        Nobody disables their own account, and the last active officer stays."""
        return self.update(username, is_active=active)

    def set_display_name(self, username: str, display_name: str | None) -> AccountRow:
        """Officer: the name people see for an account (status bar, 印刷者, the audit log)."""
        return self.update(username, display_name=display_name)

    def update(
        self,
        username: str,
        *,
        role: str | None = None,
        is_active: bool | None = None,
        display_name: str | None | type[_Unchanged] = _Unchanged,
    ) -> AccountRow:
        """Officer: any of role, state and display name in one transaction (all or nothing). Nobody disables
        their own account; an active officer always remains."""
        name = unicodedata.normalize("NFKC", username or "").strip()
        values: dict[str, object] = {}
        if role is not None:
            values["role"] = _check_role(role)
        if display_name is not _Unchanged:
            values["display_name"] = _clean_display_name(display_name)  # type: ignore[arg-type]
        if is_active is not None:
            if not is_active and name == self.context.actor:
                raise ValidationError(
                    {
                        "is_active": Message(
                            "自分のアカウントは無効にできません", "you cannot disable your own account"
                        )
                    }
                )
            values["is_active"] = bool(is_active)
        if not values:
            return self.get(name)
        return self._change(name, values)

    def change_password(self, username: str, new_password: str, current_password: str | None = None) -> None:
        """Set a new password: one's own (with the current one, when given, checked first), or, for an
        officer, anyone's. The trail records that it changed (the hash's fingerprint), never the password."""
        name = unicodedata.normalize("NFKC", username or "").strip()
        _check_password(new_password)
        own = name == self.context.actor
        if not own:
            self.context.require(Permission.ADMINISTER)
        on_server = self.context.database.enforces_roles
        with self.context.write(Permission.READ if own else Permission.ADMINISTER) as session:
            account = self._account(session, name)
            if on_server:
                self._require_account_functions(session)
                if not own and not roles.may_set_password(session, name):
                    raise ValidationError(
                        {
                            "password": Message(
                                f"「{name}」のログインロールは Itaku が作成したものではないため、パスワードは"
                                "データベース管理者が設定します（本人は自分で変更できます）",
                                f"the login role '{name}' was not created by Itaku: its password is set by the "
                                "database administrator (the person may change their own)",
                            )
                        }
                    )
            if current_password is not None:
                # On the server no group reads the hashes: one's own comes through its function.
                stored = roles.own_password_hash(session) if on_server else account.password_hash
                try:
                    _hasher.verify(stored or "", current_password)
                except (VerificationError, InvalidHashError):
                    raise ValidationError(
                        {
                            "current_password": Message(
                                "現在のパスワードが違います", "the current password is wrong"
                            )
                        }
                    ) from None
            if on_server:
                # The server sets the hash and the login role's SCRAM verifier together; its trigger writes
                # the event (the hash's fingerprint, as below).
                roles.set_password(session, name, _hasher.hash(new_password), new_password)
                note_change(session, RecordType.ACCOUNT, (account.id,))
            else:
                before = password_fingerprint(account.password_hash)
                account.password_hash = _hasher.hash(new_password)
                self._record_update(
                    session,
                    account,
                    {PASSWORD_FINGERPRINT: before},
                    {PASSWORD_FINGERPRINT: password_fingerprint(account.password_hash)},
                )
        if on_server and own:
            # This window connects as its person: from now on with the new password (the server has it).
            self._connect_with(self.context.database.as_user(name, new_password))

    def _connect_with(self, database: Database) -> None:
        """The services use `database` from now on (the signed-in person's connection); the old one is closed."""
        previous, self.context.database = self.context.database, database
        previous.dispose()

    @staticmethod
    def _require_account_functions(session: Session) -> None:
        """A database whose roles an older `init` set up lacks the account functions: say what to do."""
        if not roles.has_account_functions(session):
            raise ItakuError(
                Message(
                    "このデータベースのサーバー側の設定が古いため、アカウントを変更できません。"
                    "データベースの所有者が `itaku-cli init` をもう一度実行してください。",
                    "This database's server-side set-up is older than this version, so accounts cannot be "
                    "changed: the database owner runs `itaku-cli init` again.",
                )
            )

    def _change(self, username: str, values: dict[str, object]) -> AccountRow:
        name = unicodedata.normalize("NFKC", username or "").strip()
        with self.context.write(Permission.ADMINISTER) as session:
            account = self._account(session, name)
            if self.context.database.enforces_roles:
                changed = self._change_on_server(session, account, values)
            else:
                before = {key: getattr(account, key) for key in values}
                for key, value in values.items():
                    setattr(account, key, value)
                self._keep_an_officer(session, account.id, account.role, account.is_active)
                self._record_update(session, account, before, values)
                changed = AccountRow(
                    account.id, account.username, account.display_name, account.role, account.is_active
                )
        if changed.username == self.context.actor:
            # An officer who gives themselves another role acts in it from now on, not until they sign out.
            self.context.role = changed.role
        return changed

    def _change_on_server(self, session: Session, account: Account, values: dict[str, object]) -> AccountRow:
        """The same change through `itaku_change_account`: the server checks the officer, the last officer and
        one's own account again, moves the login role between its groups, and its trigger writes the event."""
        self._require_account_functions(session)
        wanted = {
            "role": account.role,
            "is_active": account.is_active,
            "display_name": account.display_name,
            **values,
        }
        self._keep_an_officer(session, account.id, str(wanted["role"]), bool(wanted["is_active"]))
        roles.change_account(
            session,
            account.username,
            str(wanted["role"]),
            bool(wanted["is_active"]),
            None if wanted["display_name"] is None else str(wanted["display_name"]),
        )
        note_change(session, RecordType.ACCOUNT, (account.id,))
        return AccountRow(
            account.id,
            account.username,
            None if wanted["display_name"] is None else str(wanted["display_name"]),
            str(wanted["role"]),
            bool(wanted["is_active"]),
        )

    @staticmethod
    def _keep_an_officer(session: Session, account_id: int, role: str, is_active: bool) -> None:
        """Refused if the account, with this role and state, would leave no active officer."""
        if role == Role.OFFICER.value and is_active:
            return
        others = session.scalar(
            select(func.count(Account.id)).where(
                Account.role == Role.OFFICER.value, Account.is_active.is_(True), Account.id != account_id
            )
        )
        if not others:
            raise ValidationError(
                {
                    "role": Message(
                        "有効な個人情報保護責任者が1人もいなくなるため変更できません",
                        "this would leave no active PI protection officer",
                    )
                }
            )

    @staticmethod
    def _account(session: Session, name: str) -> Account:
        account = session.scalar(select(Account).where(Account.username == name))
        if account is None:
            raise ValidationError(
                {"username": Message(f"ユーザー「{name}」はありません", f"there is no user '{name}'")}
            )
        return account

    def _record_update(
        self, session: Session, account: Account, before: dict[str, object], after: dict[str, object]
    ) -> None:
        account.updated_by = self.context.actor
        account.updated_at = self.context.now()
        session.flush()
        record_event(session, self.context, AuditAction.UPDATE, RecordType.ACCOUNT, account.id, before, after)

    def sign_out(self) -> None:
        """Nobody is signed in any more: every service call is refused until someone signs in."""
        self.context.actor = ""
        self.context.role = None

    def create_demo_accounts(self, password: str) -> tuple[str, ...]:
        """Officer: the demo data's staff and auditor accounts (those `itaku-cli demo` creates), added after the
        data when the window asks for the password; those already there are left alone. The names created."""
        with self.context.write(Permission.ADMINISTER) as session:
            return self.add_demo_accounts(session, password)
