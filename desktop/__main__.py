"""Entry point: `reply-ledger` opens the app; `reply-ledger <command>` runs a command with no display.

This module wires things up: it resolves paths, sets up logging, opens the store and only then, for the
app, imports the Qt user interface.
"""

from __future__ import annotations

import argparse
import logging
import sys

from desktop import APP_TITLE, __version__
from desktop.cli import register_all
from desktop.cli.common import DB_HELP, common_parser, ledger_location
from desktop.core.errors import LedgerError, RecordErrors
from desktop.log import configure_logging

logger = logging.getLogger(__name__)

EXIT_BAD_INPUT = 2
EXIT_BUG = 3


def build_parser() -> argparse.ArgumentParser:
    common = common_parser()
    parser = argparse.ArgumentParser(
        prog="reply-ledger",
        description=f"{APP_TITLE} (答复承诺台账): proposals, reply letters, their promises and the evidence.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", type=ledger_location, help=DB_HELP)
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="language of the window (default: system locale)")
    parser.add_argument("--smoke-test", action="store_true",
                        help="open the main window offscreen, print the counts it shows, and exit")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    register_all(subparsers, common)
    return parser


def run_gui(args: argparse.Namespace) -> int:
    if args.smoke_test:
        import os

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.ui.app import run_app  # the only place the UI is imported

    return run_app(args.db, lang=args.lang, smoke_test=args.smoke_test)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    log_file = configure_logging()
    try:
        if args.command is None:
            return run_gui(args)
        return args.handler(args)
    except RecordErrors as errors:
        for problem in errors.problems:
            print(f"error: {problem.message}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except LedgerError as error:
        print(f"error: {error.message}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # The reader of our output went away (`reply-ledger status | head`): not an error of ours.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("Interrupted; nothing was half-written.", file=sys.stderr)
        return 130
    except Exception:
        logger.exception("unexpected error in %s", args.command or "app")
        print(f"error: something went wrong that is not your fault; details are in {log_file}.", file=sys.stderr)
        return EXIT_BUG


if __name__ == "__main__":
    sys.exit(main())
