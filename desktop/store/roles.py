"""PostgreSQL only: the database itself enforces Itaku's roles, whoever connects and with whatever client.

Each Itaku account is a login role of the same name, member of one group role per Itaku role of this
database (`<database>_staff`, `<database>_officer`, `<database>_auditor`). The groups hold only what
their role may do (auditors read; staff write records but not approvals, accounts or settings); the
changes of approvals, accounts and settings go through SECURITY DEFINER functions that check the
caller's group; and triggers write the audit trail, so no client can skip an event or forge one.

The trail's hash chain is computed in SQL exactly as `desktop.domain.audit_chain.event_hash` computes it
(canonical JSON with sorted keys and no spaces, SHA-256): `audit verify` reads no difference.

`enforce(connection)` sets it all up and is idempotent (run by `itaku-cli init` on PostgreSQL and again
after every migration of a database that has it); nothing here applies to SQLite, which has no roles.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from desktop.store.database import WRITE_LOCK_KEY
from desktop.store.models import RECORD_MODELS, Base

ROLE_NAMES = ("staff", "officer", "auditor")
APPROVABLE_TABLES = ("evaluation", "contract")
# Every kind of record, its changes written to the trail by the database.
AUDITED_TABLES = tuple(
    dict.fromkeys([*(str(model.__tablename__) for model in RECORD_MODELS.values()), "account", "setting"])
)
ADMINISTERED_TABLES = ("account", "setting")  # changed only through the functions below, by officers
# Written by officers only: the company profile, and the corrective actions that close findings (a
# finding of a past lapse is closed on the officer's word: desktop.services.corrective_actions).
OFFICER_ONLY_TABLES = ("company_profile", "corrective_action")
STAFF_TABLES = tuple(
    name for name in AUDITED_TABLES if name not in (*ADMINISTERED_TABLES, *OFFICER_ONLY_TABLES)
)
OFFICER_TABLES = (*STAFF_TABLES, *OFFICER_ONLY_TABLES)
CACHE_TABLES = (
    "finding_snapshot",
)  # derived data, not audited: whoever computes the findings may store them
# Bookkeeping columns a trail event leaves out (the app's own events do too); never a password hash, only the
# SHA-256 of it (desktop.services.trail_replay's PASSWORD_FINGERPRINT, so that a replay compares it).
UNAUDITED_COLUMNS = ("id", "version", "created_at", "updated_at", "updated_by", "password_hash")
PASSWORD_FINGERPRINT = "password_hash_sha256"
MARKER_FUNCTION = "itaku_audit_row"
FUNCTION_SIGNATURES = (
    "itaku_canonical_json(jsonb)",
    "itaku_is_officer()",
    "itaku_append_event(text, text, integer, jsonb)",
    f"{MARKER_FUNCTION}()",
    "itaku_refuse_trail_change()",
    "itaku_guard_approval()",
    "itaku_approve(text, integer[], integer[])",
    "itaku_save_setting(text, json)",
    "itaku_enroll_login(text, text, text)",
    "itaku_add_account(text, text, text, text, text)",
    "itaku_change_account(text, text, boolean, text)",
    "itaku_set_password(text, text, text)",
    "itaku_owns_login(text)",
    "itaku_leave_groups(text, text)",
    "itaku_own_password_hash()",
    "itaku_password_fingerprints()",
)
SECRET_COLUMNS = {"account": ("password_hash",)}  # no group reads these; functions below give what is needed
MAX_NAME_BYTES = 63  # PostgreSQL's identifier length
LOGIN_MARKER_TEXT = "itaku login of database "  # + the database: the comment on each login role Itaku creates


@dataclass(frozen=True)
class RoleSetup:
    """What `enforce` set up: the database, its group role per Itaku role, and the owner of the functions."""

    database: str
    groups: dict[str, str]
    owner: str
    trust_rules: int  # pg_hba.conf lines with `trust` the server reports (-1: not readable by us)
    # Accounts whose login role this run created, without a password (they existed before `init`): an officer
    # gives each one (`itaku-cli user passwd NAME`).
    without_password: tuple[str, ...] = ()


def group_names(database: str) -> dict[str, str]:
    """The group role of each Itaku role of `database` (login roles are shared by the whole server)."""
    prefix = database
    if len(f"{prefix}_auditor".encode()) > MAX_NAME_BYTES:
        prefix = f"itaku_{hashlib.sha256(database.encode()).hexdigest()[:16]}"
    return {role: f"{prefix}_{role}" for role in ROLE_NAMES}


def is_enforced(engine: Engine) -> bool:
    """Whether the database writes its own audit trail (the roles of this module are in force)."""
    if engine.dialect.name != "postgresql":
        return False
    with engine.connect() as connection:
        return bool(
            connection.scalar(
                text("SELECT to_regproc(:name) IS NOT NULL"), {"name": f"public.{MARKER_FUNCTION}"}
            )
        )


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _identifier(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def _functions(groups: dict[str, str], owner: str) -> list[str]:
    """The functions, each `CREATE OR REPLACE` (idempotent); role names are written in as literals."""
    officer, staff, auditor = (_literal(groups[name]) for name in ("officer", "staff", "auditor"))
    unaudited = "ARRAY[" + ", ".join(_literal(name) for name in UNAUDITED_COLUMNS) + "]"
    fingerprint = _literal(PASSWORD_FINGERPRINT)
    LOGIN_MARKER = _literal(LOGIN_MARKER_TEXT)  # noqa: N806 - a SQL literal, written into the functions
    return [
        # Python's json.dumps(sort_keys=True, ensure_ascii=False, separators=(",", ":")), for jsonb values.
        # Keys sort by code point (COLLATE "C" compares UTF-8 bytes: the same order); strings escape alike.
        """
        CREATE OR REPLACE FUNCTION itaku_canonical_json(value jsonb) RETURNS text
        LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog AS $$
        DECLARE
            result text;
        BEGIN
            IF jsonb_typeof(value) = 'object' THEN
                SELECT '{' || coalesce(string_agg(to_jsonb(entry.key)::text || ':'
                    || public.itaku_canonical_json(entry.value), ',' ORDER BY entry.key COLLATE "C"), '') || '}'
                INTO result FROM jsonb_each(value) AS entry;
            ELSIF jsonb_typeof(value) = 'array' THEN
                SELECT '[' || coalesce(string_agg(public.itaku_canonical_json(element.value), ','
                    ORDER BY element.position), '') || ']'
                INTO result FROM jsonb_array_elements(value) WITH ORDINALITY AS element(value, position);
            ELSE
                result := value::text;
            END IF;
            RETURN result;
        END $$
        """,
        f"""
        CREATE OR REPLACE FUNCTION itaku_is_officer() RETURNS boolean
        LANGUAGE sql STABLE SET search_path = pg_catalog AS $$
            SELECT pg_has_role(session_user, {officer}, 'MEMBER') OR pg_has_role(session_user, {_literal(owner)}, 'MEMBER')
        $$
        """,
        f"""
        CREATE OR REPLACE FUNCTION itaku_append_event(
            event_action text, event_record_type text, event_record_id integer, event_changes jsonb
        ) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        DECLARE
            head_id integer;
            head_hash text;
            new_id integer;
            occurred timestamptz := now();
            digest text;
        BEGIN
            PERFORM pg_advisory_xact_lock({WRITE_LOCK_KEY});
            SELECT id, hash INTO head_id, head_hash FROM audit_event ORDER BY id DESC LIMIT 1;
            new_id := coalesce(head_id, 0) + 1;
            head_hash := coalesce(head_hash, repeat('0', 64));
            digest := encode(sha256(convert_to(itaku_canonical_json(jsonb_build_object(
                'previous_hash', head_hash,
                'id', new_id,
                'occurred_at', to_char(occurred AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                'actor', session_user::text,
                'action', event_action,
                'record_type', event_record_type,
                'record_id', event_record_id,
                'changes', event_changes
            )), 'UTF8')), 'hex');
            INSERT INTO audit_event (id, occurred_at, actor, action, record_type, record_id, changes, previous_hash, hash)
            VALUES (new_id, occurred, session_user, event_action, event_record_type, event_record_id,
                    event_changes::json, head_hash, digest);
        END $$
        """,
        # Each changed column as [before, after] (JSON values), as the app's own events name them.
        f"""
        CREATE OR REPLACE FUNCTION {MARKER_FUNCTION}() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        DECLARE
            before_row jsonb := '{{}}';
            after_row jsonb := '{{}}';
            changes jsonb;
        BEGIN
            IF TG_OP <> 'INSERT' THEN before_row := to_jsonb(OLD); END IF;
            IF TG_OP <> 'DELETE' THEN after_row := to_jsonb(NEW); END IF;
            IF TG_TABLE_NAME = 'account' THEN
                -- Never the password hash; the SHA-256 of it, as the app's events keep it.
                IF TG_OP <> 'INSERT' THEN
                    before_row := before_row || jsonb_build_object({fingerprint},
                        encode(sha256(convert_to(before_row ->> 'password_hash', 'UTF8')), 'hex'));
                END IF;
                IF TG_OP <> 'DELETE' THEN
                    after_row := after_row || jsonb_build_object({fingerprint},
                        encode(sha256(convert_to(after_row ->> 'password_hash', 'UTF8')), 'hex'));
                END IF;
            END IF;
            SELECT coalesce(jsonb_object_agg(pair.name, jsonb_build_array(pair.before, pair.after)), '{{}}')
            INTO changes
            FROM (
                SELECT names.name,
                       coalesce(before_row -> names.name, 'null') AS before,
                       coalesce(after_row -> names.name, 'null') AS after
                FROM (SELECT jsonb_object_keys(before_row) UNION SELECT jsonb_object_keys(after_row)) AS names(name)
                WHERE names.name <> ALL ({unaudited})
            ) AS pair
            WHERE pair.before <> pair.after;
            IF TG_OP = 'UPDATE' AND changes = '{{}}' THEN
                RETURN NULL;
            END IF;
            IF TG_TABLE_NAME = 'setting' THEN
                -- A setting's event names the setting itself: {{key: [before, after]}}, as the app's do.
                changes := jsonb_build_object(
                    CASE WHEN TG_OP = 'DELETE' THEN before_row ELSE after_row END ->> 'key',
                    jsonb_build_array(coalesce(before_row -> 'value', 'null'), coalesce(after_row -> 'value', 'null')));
            END IF;
            PERFORM itaku_append_event(CASE TG_OP WHEN 'INSERT' THEN 'create' ELSE lower(TG_OP) END, TG_TABLE_NAME::text,
                (CASE WHEN TG_OP = 'DELETE' THEN before_row ELSE after_row END ->> 'id')::integer, changes);
            RETURN NULL;
        END $$
        """,
        """
        CREATE OR REPLACE FUNCTION itaku_refuse_trail_change() RETURNS trigger
        LANGUAGE plpgsql SET search_path = pg_catalog AS $$
        BEGIN
            RAISE EXCEPTION 'itaku: audit events are never changed or deleted (%)', TG_OP
                USING ERRCODE = 'insufficient_privilege';
        END $$
        """,
        # Invoker's rights: current_user is the client, except inside the SECURITY DEFINER functions below, where it
        # is their owner. Approvals are set only by `itaku_approve` (the approver is the connected officer, the date
        # the server's day in Tokyo): an officer writing the columns directly could backdate an approval or sign
        # it with another name, so nobody's own statement may, the officer's included.
        f"""
        CREATE OR REPLACE FUNCTION itaku_guard_approval() RETURNS trigger
        LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
        BEGIN
            IF current_user = {_literal(owner)} THEN
                IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
                RETURN NEW;
            END IF;
            IF TG_OP = 'INSERT' AND (NEW.approver IS NOT NULL OR NEW.approved_on IS NOT NULL OR NEW.is_superseded) THEN
                RAISE EXCEPTION 'itaku: approvals are made only through itaku_approve (% #%)', TG_TABLE_NAME, NEW.id
                    USING ERRCODE = 'insufficient_privilege';
            ELSIF TG_OP = 'UPDATE' AND (NEW.approver IS DISTINCT FROM OLD.approver
                    OR NEW.approved_on IS DISTINCT FROM OLD.approved_on
                    OR NEW.is_superseded IS DISTINCT FROM OLD.is_superseded) THEN
                RAISE EXCEPTION 'itaku: approvals are made only through itaku_approve (% #%)', TG_TABLE_NAME, NEW.id
                    USING ERRCODE = 'insufficient_privilege';
            ELSIF itaku_is_officer() THEN
                -- An officer may still correct or delete a record (the trail keeps what it was).
                IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
                RETURN NEW;
            ELSIF TG_OP = 'UPDATE' AND (OLD.approved_on IS NOT NULL OR OLD.is_superseded) THEN
                -- What was approved stays as approved: an edit is a new version awaiting approval.
                RAISE EXCEPTION 'itaku: an approved record changes only by a new version (% #%)', TG_TABLE_NAME, OLD.id
                    USING ERRCODE = 'insufficient_privilege';
            ELSIF TG_OP = 'DELETE' AND OLD.approved_on IS NOT NULL THEN
                RAISE EXCEPTION 'itaku: only an officer deletes an approved record (% #%)', TG_TABLE_NAME, OLD.id
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
            RETURN NEW;
        END $$
        """,
        f"""
        CREATE OR REPLACE FUNCTION itaku_approve(record_type text, record_ids integer[], record_versions integer[])
        RETURNS integer
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        DECLARE
            approved integer;
            today date := (now() AT TIME ZONE 'Asia/Tokyo')::date;
        BEGIN
            IF NOT itaku_is_officer() THEN
                RAISE EXCEPTION 'itaku: only an officer approves' USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF record_type NOT IN ('evaluation', 'contract') THEN
                RAISE EXCEPTION 'itaku: % cannot be approved', record_type USING ERRCODE = 'invalid_parameter_value';
            END IF;
            PERFORM pg_advisory_xact_lock({WRITE_LOCK_KEY});
            EXECUTE format(
                'UPDATE %1$I AS target SET approver = session_user, approved_on = $1, updated_by = session_user, '
                'updated_at = now(), version = target.version + 1 FROM unnest($2, $3) AS wanted(id, version) '
                'WHERE target.id = wanted.id AND target.version = wanted.version '
                'AND target.approved_on IS NULL AND NOT target.is_superseded', record_type)
                USING today, record_ids, record_versions;
            GET DIAGNOSTICS approved = ROW_COUNT;
            IF approved <> cardinality(record_ids) THEN
                RAISE EXCEPTION 'itaku: % of % records changed meanwhile or cannot be approved',
                    cardinality(record_ids) - approved, cardinality(record_ids)
                    USING ERRCODE = 'serialization_failure';
            END IF;
            EXECUTE format(
                'UPDATE %1$I AS previous SET is_superseded = true, updated_by = session_user, updated_at = now(), '
                'version = previous.version + 1 WHERE NOT previous.is_superseded AND previous.id IN '
                '(SELECT supersedes_id FROM %1$I WHERE id = ANY($1) AND supersedes_id IS NOT NULL)', record_type)
                USING record_ids;
            RETURN approved;
        END $$
        """,
        f"""
        CREATE OR REPLACE FUNCTION itaku_save_setting(setting_key text, setting_value json) RETURNS integer
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        DECLARE
            saved integer;
        BEGIN
            IF NOT itaku_is_officer() THEN
                RAISE EXCEPTION 'itaku: only an officer changes settings' USING ERRCODE = 'insufficient_privilege';
            END IF;
            PERFORM pg_advisory_xact_lock({WRITE_LOCK_KEY});
            INSERT INTO setting AS stored (key, value, version, created_at, updated_at, updated_by)
            VALUES (setting_key, setting_value, 1, now(), now(), session_user)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value, version = stored.version + 1,
                updated_at = now(), updated_by = session_user
            RETURNING id INTO saved;
            RETURN saved;
        END $$
        """,
        # Whether a login role is one Itaku created for this database (its comment, set at creation) and holds no
        # power beyond it: only then may an officer set its password.
        f"""
        CREATE OR REPLACE FUNCTION itaku_owns_login(login_name text) RETURNS boolean
        LANGUAGE sql STABLE SET search_path = pg_catalog AS $$
            SELECT coalesce(bool_and(
                shobj_description(oid, 'pg_authid') = {LOGIN_MARKER} || current_database()
                AND NOT (rolsuper OR rolcreaterole OR rolcreatedb OR rolreplication OR rolbypassrls)), false)
            FROM pg_roles WHERE rolname = login_name
        $$
        """,
        # A login role leaves this database's groups, but `keep` (NULL: all of them); no login role, nothing to do.
        f"""
        CREATE OR REPLACE FUNCTION itaku_leave_groups(login_name text, keep text) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        DECLARE
            grp text;
        BEGIN
            FOREACH grp IN ARRAY ARRAY[{staff}, {officer}, {auditor}] LOOP
                IF grp IS DISTINCT FROM keep AND EXISTS (
                    SELECT FROM pg_auth_members AS member
                    JOIN pg_roles AS g ON g.oid = member.roleid
                    JOIN pg_roles AS login ON login.oid = member.member
                    WHERE g.rolname = grp AND login.rolname = login_name
                ) THEN
                    EXECUTE format('REVOKE %I FROM %I', grp, login_name);
                END IF;
            END LOOP;
        END $$
        """,
        # The login role of an account: created if missing (its password a SCRAM verifier, never plain text),
        # reused if it exists (its password untouched), then member of exactly one of this database's groups.
        f"""
        CREATE OR REPLACE FUNCTION itaku_enroll_login(account_name text, account_role text, login_verifier text)
        RETURNS boolean
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        DECLARE
            groups text[] := ARRAY[{staff}, {officer}, {auditor}];
            wanted text := groups[array_position(ARRAY['staff', 'officer', 'auditor'], account_role)];
            created boolean := false;
        BEGIN
            IF wanted IS NULL THEN
                RAISE EXCEPTION 'itaku: unknown role %', account_role USING ERRCODE = 'invalid_parameter_value';
            END IF;
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = account_name) THEN
                EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', account_name, login_verifier);
                -- Marked as Itaku's: only such a login role's password may an officer set (itaku_set_password).
                EXECUTE format('COMMENT ON ROLE %I IS %L', account_name, {LOGIN_MARKER} || current_database());
                created := true;
            ELSIF NOT (SELECT rolcanlogin FROM pg_roles WHERE rolname = account_name) THEN
                RAISE EXCEPTION 'itaku: % is a group role, not a person', account_name
                    USING ERRCODE = 'invalid_parameter_value';
            END IF;
            PERFORM itaku_leave_groups(account_name, wanted);
            EXECUTE format('GRANT %I TO %I', wanted, account_name);
            RETURN created;
        END $$
        """,
        f"""
        CREATE OR REPLACE FUNCTION itaku_add_account(
            account_name text, account_role text, account_display_name text, account_password_hash text,
            login_verifier text, OUT account_id integer, OUT login_created boolean
        )
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        BEGIN
            IF NOT itaku_is_officer() THEN
                RAISE EXCEPTION 'itaku: only an officer adds accounts' USING ERRCODE = 'insufficient_privilege';
            END IF;
            PERFORM pg_advisory_xact_lock({WRITE_LOCK_KEY});
            login_created := itaku_enroll_login(account_name, account_role, login_verifier);
            INSERT INTO account (username, display_name, role, password_hash, is_active, version,
                                 created_at, updated_at, updated_by)
            VALUES (account_name, account_display_name, account_role, account_password_hash, true, 1,
                    now(), now(), session_user)
            RETURNING id INTO account_id;
        END $$
        """,
        # An account's role, state and display name, and its login role with them: a role change moves the login
        # role to the other group; a disabled account's login role leaves this database's groups (it may still be
        # a person elsewhere on the server, so it keeps LOGIN) and gets its group back when enabled again.
        f"""
        CREATE OR REPLACE FUNCTION itaku_change_account(
            account_name text, new_role text, new_active boolean, new_display_name text
        ) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        BEGIN
            IF NOT itaku_is_officer() THEN
                RAISE EXCEPTION 'itaku: only an officer changes accounts' USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF new_role IS NULL OR array_position(ARRAY['staff', 'officer', 'auditor'], new_role) IS NULL THEN
                RAISE EXCEPTION 'itaku: unknown role %', new_role USING ERRCODE = 'invalid_parameter_value';
            END IF;
            PERFORM pg_advisory_xact_lock({WRITE_LOCK_KEY});
            IF NOT EXISTS (SELECT FROM account WHERE username = account_name) THEN
                RAISE EXCEPTION 'itaku: there is no account %', account_name USING ERRCODE = 'no_data_found';
            END IF;
            IF account_name = session_user AND NOT new_active THEN
                RAISE EXCEPTION 'itaku: nobody disables their own account' USING ERRCODE = 'check_violation';
            END IF;
            UPDATE account SET role = new_role, is_active = new_active, display_name = new_display_name,
                version = version + 1, updated_at = now(), updated_by = session_user
            WHERE username = account_name
              AND (role, is_active, display_name) IS DISTINCT FROM (new_role, new_active, new_display_name);
            IF NOT EXISTS (SELECT FROM account WHERE role = 'officer' AND is_active) THEN
                RAISE EXCEPTION 'itaku: this would leave no active officer' USING ERRCODE = 'check_violation';
            END IF;
            IF new_active THEN
                PERFORM itaku_enroll_login(account_name, new_role, NULL);
            ELSE
                PERFORM itaku_leave_groups(account_name, NULL);
            END IF;
        END $$
        """,
        # A new password: one's own, or anyone's by an officer. The account's argon2 hash and the login role's
        # SCRAM verifier change together (the server checks the one, the app the other, at every sign-in).
        f"""
        CREATE OR REPLACE FUNCTION itaku_set_password(
            account_name text, account_password_hash text, login_verifier text
        ) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        BEGIN
            IF account_name <> session_user AND NOT itaku_is_officer() THEN
                RAISE EXCEPTION 'itaku: only an officer sets another person''s password'
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF coalesce(account_password_hash, '') = '' OR login_verifier NOT LIKE 'SCRAM-SHA-256$%' THEN
                RAISE EXCEPTION 'itaku: a password is set from its hash and SCRAM verifier'
                    USING ERRCODE = 'invalid_parameter_value';
            END IF;
            PERFORM pg_advisory_xact_lock({WRITE_LOCK_KEY});
            UPDATE account SET password_hash = account_password_hash, version = version + 1, updated_at = now(),
                updated_by = session_user
            WHERE username = account_name;
            IF NOT FOUND THEN
                RAISE EXCEPTION 'itaku: there is no account %', account_name USING ERRCODE = 'no_data_found';
            END IF;
            IF EXISTS (SELECT FROM pg_roles WHERE rolname = account_name) THEN
                -- A login role Itaku did not create (reused: a person, an administrator, another database's
                -- user) keeps its password, but for the person's own change: an officer of this database
                -- must not take over a role of the server through it.
                IF account_name <> session_user AND NOT itaku_owns_login(account_name) THEN
                    RAISE EXCEPTION 'itaku: the login role % was not created by Itaku: its password is set by the database administrator', account_name
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
                EXECUTE format('ALTER ROLE %I PASSWORD %L', account_name, login_verifier);
            ELSE
                PERFORM itaku_enroll_login(account_name, (SELECT role FROM account WHERE username = account_name),
                                           login_verifier);
                IF NOT (SELECT is_active FROM account WHERE username = account_name) THEN
                    PERFORM itaku_leave_groups(account_name, NULL);  -- a disabled account reaches nothing here
                END IF;
            END IF;
        END $$
        """,
        # The password hashes are readable by no group (a copied argon2 hash can be attacked offline): a
        # person reads their own, to check the password they typed, and the trail's replay the SHA-256 of each.
        """
        CREATE OR REPLACE FUNCTION itaku_own_password_hash() RETURNS text
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
            SELECT password_hash FROM account WHERE username = session_user
        $$
        """,
        """
        CREATE OR REPLACE FUNCTION itaku_password_fingerprints() RETURNS TABLE (account_id integer, fingerprint text)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
            SELECT id, encode(sha256(convert_to(password_hash, 'UTF8')), 'hex') FROM account
        $$
        """,
    ]


def _grants(groups: dict[str, str], tables: Sequence[str]) -> list[str]:
    staff, officer, auditor = (_identifier(groups[name]) for name in ("staff", "officer", "auditor"))
    everyone = f"{staff}, {officer}, {auditor}"
    readable = [name for name in tables if name not in SECRET_COLUMNS]
    partly_readable = [
        f"GRANT SELECT ({', '.join(_identifier(column.name) for column in table.columns if column.name not in secret)}) "
        f"ON {_identifier(name)} TO {everyone}"
        for name, secret in SECRET_COLUMNS.items()
        for table in [Base.metadata.tables[name]]
    ]
    statements = [
        f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC, {everyone}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM PUBLIC, {everyone}",
        f"REVOKE ALL ON FUNCTION {', '.join(FUNCTION_SIGNATURES)} FROM PUBLIC, {everyone}",
        f"GRANT USAGE ON SCHEMA public TO {everyone}",
        f"GRANT SELECT ON {', '.join(_identifier(name) for name in readable)} TO {everyone}",
        *partly_readable,
        f"GRANT EXECUTE ON FUNCTION itaku_own_password_hash(), itaku_password_fingerprints() TO {everyone}",
        f"GRANT INSERT, UPDATE, DELETE ON {', '.join(CACHE_TABLES)} TO {everyone}",
        f"GRANT INSERT, UPDATE, DELETE ON {', '.join(STAFF_TABLES)} TO {staff}",
        f"GRANT INSERT, UPDATE, DELETE ON {', '.join(OFFICER_TABLES)} TO {officer}",
        f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {staff}, {officer}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {auditor}",
        "GRANT EXECUTE ON FUNCTION itaku_canonical_json(jsonb), itaku_is_officer() TO PUBLIC",
        f"GRANT EXECUTE ON FUNCTION itaku_approve(text, integer[], integer[]), "
        f"itaku_save_setting(text, json), itaku_add_account(text, text, text, text, text), "
        f"itaku_change_account(text, text, boolean, text) TO {officer}",
        f"GRANT EXECUTE ON FUNCTION itaku_set_password(text, text, text), itaku_owns_login(text) TO {everyone}",
    ]
    return statements


def _triggers() -> list[str]:
    statements = []
    for table in AUDITED_TABLES:
        statements += [
            f"DROP TRIGGER IF EXISTS itaku_audit ON {table}",
            f"CREATE TRIGGER itaku_audit AFTER INSERT OR UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {MARKER_FUNCTION}()",
        ]
    for table in APPROVABLE_TABLES:
        statements += [
            f"DROP TRIGGER IF EXISTS itaku_guard_approval ON {table}",
            f"CREATE TRIGGER itaku_guard_approval BEFORE INSERT OR UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION itaku_guard_approval()",
        ]
    statements += [
        "DROP TRIGGER IF EXISTS itaku_append_only ON audit_event",
        "CREATE TRIGGER itaku_append_only BEFORE UPDATE OR DELETE ON audit_event "
        "FOR EACH ROW EXECUTE FUNCTION itaku_refuse_trail_change()",
        "DROP TRIGGER IF EXISTS itaku_append_only_truncate ON audit_event",
        "CREATE TRIGGER itaku_append_only_truncate BEFORE TRUNCATE ON audit_event "
        "FOR EACH STATEMENT EXECUTE FUNCTION itaku_refuse_trail_change()",
    ]
    return statements


def _create_group(connection: Connection, name: str) -> None:
    """CREATE ROLE … NOLOGIN unless it exists; two databases set up at once may race for it: either wins."""
    exists = connection.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": name})
    if exists:
        return
    try:
        with connection.begin_nested():
            connection.exec_driver_sql(f"CREATE ROLE {_identifier(name)} NOLOGIN")
    except DBAPIError as error:
        if getattr(error.orig, "sqlstate", None) not in (
            "42710",
            "23505",
        ):  # duplicate_object, unique_violation
            raise


def enforce(connection: Connection) -> RoleSetup:
    """Create the group roles, privileges, functions and triggers, and a login role for every account
    (existing ones get no password: a database administrator sets it). Idempotent; one transaction."""
    database = str(connection.scalar(text("SELECT current_database()")))
    owner = str(connection.scalar(text("SELECT current_user")))
    groups = group_names(database)
    connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")
    for name in groups.values():
        _create_group(connection, name)
    for statement in _functions(groups, owner):
        connection.exec_driver_sql(statement.replace("%", "%%"))  # the driver's placeholders are %s
    tables = [table.name for table in Base.metadata.sorted_tables]
    tables += [name for name in ("alembic_version",) if _has_table(connection, name)]
    for statement in _grants(groups, tables) + _triggers():
        connection.exec_driver_sql(statement)
    without_password = []
    for name, role, active in connection.execute(
        text("SELECT username, role, is_active FROM account ORDER BY id")
    ).all():
        created = connection.scalar(
            text("SELECT itaku_enroll_login(:name, :role, NULL)"), {"name": name, "role": role}
        )
        if not active:
            # a disabled account's login role reaches nothing here, as itaku_change_account leaves it
            connection.execute(text("SELECT itaku_leave_groups(:name, NULL)"), {"name": name})
        if created:
            without_password.append(str(name))
    return RoleSetup(database, groups, owner, _trust_rules(connection), tuple(without_password))


def reenforce(connection: Connection) -> None:
    """After a migration: `enforce` again where the roles were in force before, so nothing new escapes them."""
    if connection.scalar(text("SELECT to_regproc(:name) IS NOT NULL"), {"name": f"public.{MARKER_FUNCTION}"}):
        enforce(connection)


def _has_table(connection: Connection, name: str) -> bool:
    return bool(connection.scalar(text("SELECT to_regclass(:name) IS NOT NULL"), {"name": f"public.{name}"}))


def _trust_rules(connection: Connection) -> int:
    """How many pg_hba.conf rules accept a connection without a password (only a superuser may look)."""
    try:
        with connection.begin_nested():
            return int(
                connection.scalar(text("SELECT count(*) FROM pg_hba_file_rules WHERE auth_method = 'trust'"))
                or 0
            )
    except DBAPIError:
        return -1


def login_verifier(session: Session, username: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier of `password` (libpq computes it: the password never reaches the server)."""
    raw = session.connection().connection.driver_connection
    verifier: bytes = raw.pgconn.encrypt_password(  # type: ignore[union-attr]
        password.encode("utf-8"), username.encode("utf-8"), b"scram-sha-256"
    )
    return verifier.decode("ascii")


def add_account(
    session: Session, username: str, role: str, display_name: str | None, password_hash: str, password: str
) -> tuple[int, bool]:
    """The account row and its login role, through `itaku_add_account`: (account id, login role created)."""
    row = session.execute(
        text(
            "SELECT account_id, login_created FROM itaku_add_account(:name, :role, :display, :hash, :verifier)"
        ),
        {
            "name": username,
            "role": role,
            "display": display_name,
            "hash": password_hash,
            "verifier": login_verifier(session, username, password),
        },
    ).one()
    return int(row.account_id), bool(row.login_created)


def change_account(
    session: Session, username: str, role: str, is_active: bool, display_name: str | None
) -> None:
    """Role, state and display name of an account through `itaku_change_account` (its login role follows)."""
    session.execute(
        text("SELECT itaku_change_account(:name, :role, :active, :display)"),
        {"name": username, "role": role, "active": is_active, "display": display_name},
    )


def set_password(session: Session, username: str, password_hash: str, password: str) -> None:
    """An account's password hash and its login role's SCRAM verifier, together, through `itaku_set_password`."""
    session.execute(
        text("SELECT itaku_set_password(:name, :hash, :verifier)"),
        {"name": username, "hash": password_hash, "verifier": login_verifier(session, username, password)},
    )


def may_set_password(session: Session, username: str) -> bool:
    """Whether an officer may set `username`'s password: its login role is one Itaku created for this database
    rather than one it reused, or there is none (itaku_set_password creates it)."""
    return bool(
        session.scalar(
            text("SELECT NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :name) OR itaku_owns_login(:name)"),
            {"name": username},
        )
    )


def has_account_functions(session: Session) -> bool:
    """Whether the server has the account functions of this version (a database set up by an older `init`
    lacks them until `init` runs again)."""
    return bool(session.scalar(text("SELECT to_regproc('public.itaku_owns_login') IS NOT NULL")))


def approve(session: Session, record_type: str, ids: Sequence[int], versions: Sequence[int]) -> int:
    """Approve the rows through `itaku_approve` (approver: the connected person; date: today in Tokyo)."""
    statement = text("SELECT itaku_approve(:record_type, :ids, :versions)").bindparams(
        bindparam("ids", type_=None), bindparam("versions", type_=None)
    )
    return int(
        session.scalar(
            statement, {"record_type": str(record_type), "ids": list(ids), "versions": list(versions)}
        )
        or 0
    )


def save_setting(session: Session, key: str, value: Any) -> int:
    """Store one setting through `itaku_save_setting`; returns the row's id."""
    import json

    return int(
        session.scalar(
            text("SELECT itaku_save_setting(:key, CAST(:value AS json))"),
            {"key": key, "value": json.dumps(value, ensure_ascii=False)},
        )
        or 0
    )


def belongs_here(session: Session) -> bool:
    """Whether the connected login role is in one of this database's groups (a disabled account's is not)."""
    database = str(session.scalar(text("SELECT current_database()")))
    return bool(
        session.scalar(
            text(
                "SELECT bool_or(pg_has_role(session_user, name, 'MEMBER')) FROM unnest(CAST(:groups AS text[])) AS name"
            ),
            {"groups": list(group_names(database).values())},
        )
    )


def own_password_hash(session: Session) -> str | None:
    """The connected person's own password hash (None: no account of that name), through the function: no
    group may read the column."""
    value = session.scalar(text("SELECT itaku_own_password_hash()"))
    return None if value is None else str(value)


def password_fingerprints(session: Session) -> dict[int, str] | None:
    """{account id: SHA-256 of its password hash} through the server's function where the roles are in
    force (no group reads the hashes themselves); None elsewhere (SQLite, or PostgreSQL without the roles),
    where the hashes are read directly."""
    bind = session.get_bind()
    if bind.dialect.name != "postgresql" or not session.scalar(
        text("SELECT to_regproc('public.itaku_password_fingerprints') IS NOT NULL")
    ):
        return None
    rows = session.execute(text("SELECT account_id, fingerprint FROM itaku_password_fingerprints()"))
    return {int(account_id): str(fingerprint) for account_id, fingerprint in rows}


def is_refusal(error: BaseException) -> bool:
    """Whether a database error is the server refusing a privilege (SQLSTATE 42501)."""
    return isinstance(error, DBAPIError) and getattr(error.orig, "sqlstate", None) == "42501"


def is_conflict(error: BaseException) -> bool:
    """Whether a database error says a row changed meanwhile (SQLSTATE 40001 from `itaku_approve`)."""
    return isinstance(error, DBAPIError) and getattr(error.orig, "sqlstate", None) == "40001"
