"""`itaku-cli`: the headless commands, thin over the services.

Each command family lives in its own module with a `register(subparsers)` function; the modules
are listed in COMMAND_MODULES. Exit codes: 0 ok, 1 blocking findings (check), 2 bad input or refusal.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from desktop import __version__
from desktop.app import build_services
from desktop.cli.common import EXIT_INPUT, first_undecodable, record_id, run_command

COMMAND_MODULES = (
    "desktop.cli.core",
    "desktop.cli.trust",
    "desktop.cli.records",
    "desktop.cli.opt_out",
    "desktop.cli.provision",
    "desktop.cli.consents",
    "desktop.cli.joint_uses",
    "desktop.cli.excel",
    "desktop.cli.report",
    "desktop.cli.kinds",  # last: `KIND add` and `KIND show` beside the actions the modules above made
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="itaku-cli",
        description="Itaku（委託）: 委託先・契約・再委託同意・共同利用の台帳 / registers for APPI compliance",
    )
    parser.add_argument(
        "--db",
        metavar="URL",
        help="database URL or SQLite file (default: $ITAKU_DATABASE_URL, else the user data folder)",
    )
    parser.add_argument(
        "--user",
        metavar="NAME",
        help="sign in as NAME (default: $ITAKU_USER); the password comes from $ITAKU_PASSWORD or a prompt",
    )
    parser.add_argument(
        "--lang", choices=("ja", "en"), default="ja", help="language of messages (default ja)"
    )
    parser.add_argument("--version", action="version", version=f"itaku {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    parser.set_defaults(build_services=build_services)  # the composition root, for open_services
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    position = first_undecodable(arguments)
    if position is not None:
        print(
            f"引数 {position} は UTF-8 の文字として読めません / argument {position} is not valid UTF-8",
            file=sys.stderr,
        )
        return EXIT_INPUT
    parser = build_parser()
    try:
        args = _parse(parser, arguments)
    except SystemExit as exit_:
        return int(exit_.code or 0) if exit_.code in (0, None) else EXIT_INPUT
    return run_command(args)


def _parse(parser: argparse.ArgumentParser, arguments: list[str]) -> argparse.Namespace:
    """Parse as argparse does, but let a list of record ids come after an option too
    (`approve contract --dry-run 31`): argparse closes a `nargs="*"` positional at the first option and
    would call the ids after it unrecognised."""
    args, extras = parser.parse_known_args(arguments)
    ids = getattr(args, "ids", None)
    if extras and isinstance(ids, list) and not any(extra.startswith("-") for extra in extras):
        try:
            ids.extend(record_id(extra) for extra in extras)
        except argparse.ArgumentTypeError as error:
            parser.error(f"ID: {error}")
        return args
    if extras:
        parser.error(f"unrecognized arguments: {' '.join(extras)}")
    return args


if __name__ == "__main__":
    sys.exit(main())
