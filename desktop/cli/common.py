"""What every CLI command shares: opening the services, printing errors, exit codes."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from desktop.domain.errors import ItakuError, Message, ValidationError
from desktop.domain.ledger import date_problem, parse_ledger_date

if TYPE_CHECKING:
    from desktop.services.facade import Services, ServicesFactory

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2
MAX_RECORD_ID = 2**63 - 1  # the largest id either database can hold


def record_id(text: str) -> int:
    """An --id: a whole number from 1 to 2⁶³−1 (a larger one would overflow the database's integer)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ID は整数です / an id is a whole number: {text!r}") from None
    if not 1 <= value <= MAX_RECORD_ID:
        raise argparse.ArgumentTypeError(
            f"ID は 1〜{MAX_RECORD_ID} です / an id is from 1 to {MAX_RECORD_ID}"
        )
    return value


def first_undecodable(arguments: Sequence[str]) -> int | None:
    """The position (1-based) of the first argument that was not valid UTF-8, or None.

    Python hands such bytes over as lone surrogates (surrogateescape); they cannot be stored, printed or
    compared with what is in the database, so the command is refused before it starts.
    """
    for position, argument in enumerate(arguments, start=1):
        try:
            argument.encode("utf-8")
        except UnicodeEncodeError:
            return position
    return None


def open_services(args: argparse.Namespace, *, sign_in: bool = True) -> Services:
    """Open the database and sign in (see `authenticate`). `args.build_services` is the composition root's
    factory, set by the entry point (desktop.cli.main): the commands never import desktop.app."""
    build_services: ServicesFactory = args.build_services
    # A database named by --db or the environment must exist and be Itaku's; only `init` creates one.
    services = build_services(args.db, role=None, must_exist=args.command != "init")
    if sign_in:
        authenticate(services, args)
    return services


def read_secret(variable: str, prompt: str, *, confirm: bool = False) -> str | None:
    """A password from the environment (for scripts) or typed at a prompt; None if neither is possible."""
    import getpass

    value = os.environ.get(variable)
    if value:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        return None
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("もう一度 / again: ") != first:
        raise ValidationError({"password": Message("パスワードが一致しません", "the passwords do not match")})
    return first


def authenticate(services: Services, args: argparse.Namespace) -> None:
    """Sign in as --user / ITAKU_USER with ITAKU_PASSWORD or a prompt.

    A database with no account yet (before `init` has created the officer) is in set-up mode: the
    commands act as the officer, under the login name, and say so.
    """
    accounts = services.accounts
    if not accounts.has_accounts():
        from desktop.services.accounts import login_name

        accounts.enter_setup_mode(login_name())
        print(
            "注意: アカウントがまだありません。ITAKU_PASSWORD を設定して itaku-cli init を実行すると責任者アカウントが作成されます。\n"
            "Note: no accounts yet; run `itaku-cli init` with ITAKU_PASSWORD set to create the officer account.",
            file=sys.stderr,
        )
        return
    user = getattr(args, "user", None) or os.environ.get("ITAKU_USER")
    if not user and sys.stdin and sys.stdin.isatty():
        user = input("ユーザー名 / user: ").strip()
    if not user:
        raise ValidationError(
            {
                "user": Message(
                    "--user または ITAKU_USER でユーザー名を指定してください",
                    "name the user with --user or ITAKU_USER",
                )
            }
        )
    password = read_secret("ITAKU_PASSWORD", f"{user} のパスワード / password: ")
    if password is None:
        raise ValidationError(
            {
                "password": Message(
                    "ITAKU_PASSWORD を設定するか、端末から実行してパスワードを入力してください",
                    "set ITAKU_PASSWORD, or run from a terminal to be asked",
                )
            }
        )
    accounts.sign_in(user, password)


def as_of_date(text: str | None) -> date | None:
    return date_option(text, "--as-of")


def date_option(text: str | None, option: str) -> date | None:
    """A date option as the ledger import reads dates (2026-04-01, 2026/4/1, 令和8年4月1日, full-width digits);
    a bad one is a ValidationError naming the option (exit 2)."""
    if text is None:
        return None
    if not text.strip():  # an empty value does not empty a date: say how to
        raise ValidationError(
            {
                option.lstrip("-").replace("-", "_"): Message(
                    f"{option}: 日付が空です（記録済みの任意の日付は、edit の --clear で消します）",
                    f"{option}: the date is empty (a recorded optional date is emptied with --clear on edit)",
                )
            }
        )
    try:
        return parse_ledger_date(text)
    except ValueError as error:
        problem = date_problem(str(error))
        raise ValidationError(
            {
                option.lstrip("-").replace("-", "_"): Message(
                    f"{option}: {problem.ja}", f"{option}: {problem.en}"
                )
            }
        ) from None


def command_actions(subparsers: Any, command: str, help: str) -> Any:
    """The ACTION subparsers of `itaku-cli COMMAND`, made on first use: several modules add actions to one
    kind (`evaluation approve` in desktop.cli.trust, `evaluation list` in desktop.cli.records)."""
    parser = subparsers.choices.get(command)
    if parser is None:
        parser = subparsers.add_parser(command, help=help)
        parser.command_actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    return parser.command_actions


def print_json(value: object) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def report_error(error: ItakuError, language: str) -> None:
    if isinstance(error, ValidationError):
        print("エラー / Error:" if language == "ja" else "Error:", file=sys.stderr)
        for field, message in error.fields.items():
            print(f"  {field}: {message.text(language)}", file=sys.stderr)
    elif hasattr(error, "message"):
        print(error.message.text(language), file=sys.stderr)
    else:
        print(str(error), file=sys.stderr)


def run_command(args: argparse.Namespace) -> int:
    """Run the chosen command; our own errors become a message and exit 2, never a traceback."""
    from sqlalchemy.exc import DatabaseError, OperationalError

    try:
        return int(args.handler(args))
    except ItakuError as error:
        report_error(error, args.lang)
        return EXIT_INPUT
    except OperationalError as error:
        print(f"データベースに接続できません / cannot open the database: {error.orig}", file=sys.stderr)
        return EXIT_INPUT
    except DatabaseError as error:  # a file that is not a database, a value the schema does not allow
        if getattr(error.orig, "sqlstate", None) == "42501":  # insufficient_privilege: the server's roles
            print(f"データベースが拒否しました / the database refused: {error.orig}", file=sys.stderr)
            return EXIT_INPUT
        print(f"データベースのエラー / database error: {error.orig}", file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:
        # The reader (e.g. `head`) went away: not our error. Point stdout at devnull so the
        # interpreter's final flush does not raise again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print("中断しました / interrupted", file=sys.stderr)
        return 130


def add_clear_option(parser: argparse.ArgumentParser, names: Sequence[str]) -> None:
    """`--clear FIELD` (repeatable) on an edit command: empty a recorded optional value (a date, a party, a
    text). FIELD is the option's name without its dashes (`--clear noticed-on`); one way for every edit."""
    parser.add_argument(
        "--clear",
        action="append",
        default=[],
        metavar="FIELD",
        help="empty a recorded value (repeatable): " + ", ".join(name.replace("_", "-") for name in names),
    )


def cleared(args: argparse.Namespace, names: Sequence[str], given: Mapping[str, Any]) -> dict[str, None]:
    """The fields `--clear` names, each set to None; a field that cannot be emptied, or is also given a value,
    is a ValidationError naming it (exit 2)."""
    result: dict[str, None] = {}
    for value in getattr(args, "clear", None) or []:
        name = value.strip().lstrip("-").replace("-", "_")
        if name not in names:
            choices = ", ".join(n.replace("_", "-") for n in names)
            raise ValidationError(
                {
                    "clear": Message(
                        f"--clear {value}: 消せる項目ではありません（消せるのは: {choices}）",
                        f"--clear {value}: not a value that can be emptied (one of: {choices})",
                    )
                }
            )
        if name in given:
            option = "--" + name.replace("_", "-")
            raise ValidationError(
                {
                    name: Message(
                        f"{option} と --clear {name.replace('_', '-')} が両方指定されています",
                        f"both {option} and --clear {name.replace('_', '-')} are given",
                    )
                }
            )
        result[name] = None
    return result
