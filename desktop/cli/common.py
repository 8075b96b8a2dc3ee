"""What every CLI command shares: opening the services, printing errors, exit codes."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from desktop.domain.errors import ConflictError, DependencyError, ItakuError, NotFoundError, ValidationError
from desktop.domain.values import parse_date

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2


def open_services(args: argparse.Namespace) -> Any:
    from desktop.app import build_services

    return build_services(args.db)


def as_of_date(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return parse_date(text)
    except ValueError:
        raise ValidationError({"as_of": _message("--as-of: 日付の形式ではありません（例: 2026-04-01）",
                                                 "--as-of: not a date (e.g. 2026-04-01)")}) from None


def _message(ja: str, en: str) -> Any:
    from desktop.domain.errors import Message

    return Message(ja, en)


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def report_error(error: ItakuError, language: str) -> None:
    if isinstance(error, ValidationError):
        print("エラー / Error:" if language == "ja" else "Error:", file=sys.stderr)
        for field, message in error.fields.items():
            print(f"  {field}: {message.text(language)}", file=sys.stderr)
    elif isinstance(error, ConflictError | NotFoundError | DependencyError):
        print(error.message.text(language), file=sys.stderr)
    else:
        print(str(error), file=sys.stderr)


def run_command(args: argparse.Namespace) -> int:
    """Run the chosen command; our own errors become a message and exit 2, never a traceback."""
    from sqlalchemy.exc import OperationalError

    try:
        return int(args.handler(args))
    except ItakuError as error:
        report_error(error, args.lang)
        return EXIT_INPUT
    except OperationalError as error:
        print(f"データベースに接続できません / cannot open the database: {error.orig}", file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:
        # The reader (e.g. `head`) went away: not our error. Point stdout at devnull so the
        # interpreter's final flush does not raise again.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print("中断しました / interrupted", file=sys.stderr)
        return 130
