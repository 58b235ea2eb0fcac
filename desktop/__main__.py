"""Entry point: `reply-ledger` opens the app; `reply-ledger <command>` runs a command with no display.

This module wires things up: it resolves paths, sets up logging, opens the store and only then, for the
app, imports the Qt user interface.
"""

from __future__ import annotations

import argparse
import logging
import os
import sqlite3
import sys
from pathlib import Path

from desktop import APP_TITLE, __version__, paths
from desktop.core.errors import LedgerError, RecordErrors, printable
from desktop.core.tempfiles import run_temp_folder
from desktop.log import configure_logging

logger = logging.getLogger(__name__)

EXIT_BROKEN_INSTALL = 1  # also the smoke test's "failed"
EXIT_BAD_INPUT = 2
EXIT_BUG = 3
LANGUAGES = ("zh_CN", "en")


def build_parser() -> argparse.ArgumentParser:
    # Imported here, where main() can tell a damaged installation from a bug.
    from desktop.cli import register_all
    from desktop.cli.common import DB_HELP, common_parser, ledger_location

    common = common_parser()
    parser = argparse.ArgumentParser(
        prog="reply-ledger",
        description=f"{APP_TITLE} (答复承诺台账): proposals, reply letters, their promises and the evidence.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", type=ledger_location, help=DB_HELP)
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the window (default: system locale)")
    parser.add_argument("--smoke-test", action="store_true",
                        help="check the installation, open the main window offscreen, print the counts it shows, "
                             "and exit (1 when something is missing or the window cannot open)")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    register_all(subparsers, common)
    return parser


def missing_part() -> str | None:
    """What an installation lacks to run (resources, compiled translations, migrations), as one sentence."""
    from db.connection import MIGRATIONS_DIR, migrations
    from desktop.core.demo import DEMO_FILES

    required = [paths.icon_path(), *(paths.demo_dir() / name for name in DEMO_FILES)]
    required += [paths.translation_path(language) for language in LANGUAGES if language != "en"]
    for path in required:
        if not path.is_file():
            return f"{path} is missing; reinstall {APP_TITLE}, or run build_spec/update_translations.sh in a checkout."
    if not migrations():
        return f"The database migrations are missing from {MIGRATIONS_DIR}; reinstall {APP_TITLE}."
    return None


def run_gui(args: argparse.Namespace) -> int:
    if args.smoke_test:
        problem = missing_part()
        if problem:
            print(f"smoke test failed: {problem}", file=sys.stderr)
            return EXIT_BROKEN_INSTALL
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        try:
            from desktop.ui.smoke import exit_on_qt_fatal
        except ImportError as error:  # Qt's own libraries or a system library they need
            print(f"smoke test failed: the window cannot open because Qt did not load ({error}).", file=sys.stderr)
            return EXIT_BROKEN_INSTALL
        exit_on_qt_fatal()
    from desktop.ui.app import run_app  # the only place the UI is imported

    return run_app(args.db, lang=args.lang, smoke_test=args.smoke_test)


def _missing_migrations() -> Path | None:
    """The migrations folder when a damaged installation lacks it (found without importing the store, which
    would cost every command, ``--help`` included, the import of sqlite-utils)."""
    import importlib.util

    spec = importlib.util.find_spec("db")
    folders = list(spec.submodule_search_locations or []) if spec else []
    folder = Path(folders[0]) / "migrations" if folders else None
    return folder if folder is not None and not folder.is_dir() else None


def main(argv: list[str] | None = None) -> int:
    missing = _missing_migrations()
    try:
        if missing is not None:
            raise FileNotFoundError(2, "No such folder", str(missing))
        parser = build_parser()
    except FileNotFoundError as error:
        # Only a damaged installation gets here: the migrations folder is gone.
        print(f"error: {error.filename} is missing; reinstall {APP_TITLE}.", file=sys.stderr)
        return EXIT_BROKEN_INSTALL
    args = parser.parse_args(argv)
    log_file = configure_logging()
    previous_hook = sys.unraisablehook
    # A library object that fails while being thrown away (openpyxl's archive on a full disk) goes to the log,
    # not to the user's terminal as a traceback.
    sys.unraisablehook = _log_unraisable
    try:
        # Temporary files of this run go to a folder of its own; one left by a killed run goes at the next start.
        with run_temp_folder(paths.temp_root()):
            if args.command is None:
                return run_gui(args)
            return args.handler(args)
    except RecordErrors as errors:
        for problem in errors.problems:
            print(f"error: {printable(problem.message)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except LedgerError as error:
        print(f"error: {printable(error.message)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # The reader of our output went away (`reply-ledger status | head`): not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (sqlite3.Error, OSError) as error:
        # The database locked, the disk full, a read-only file: the user's to fix, said in one sentence.
        from db.connection import explain_sqlite_error

        known = explain_sqlite_error(error, getattr(args, "db", None) or getattr(error, "filename", None))
        if known is None:
            logger.exception("unexpected error in %s", args.command or "app")
            print(f"error: something went wrong that is not your fault; details are in {log_file}.", file=sys.stderr)
            return EXIT_BUG
        logger.info("%s: %s", args.command, error, exc_info=True)
        print(f"error: {printable(known.message)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("Interrupted; nothing was half-written.", file=sys.stderr)
        return 130
    except Exception:
        logger.exception("unexpected error in %s", args.command or "app")
        print(f"error: something went wrong that is not your fault; details are in {log_file}.", file=sys.stderr)
        return EXIT_BUG
    finally:
        sys.unraisablehook = previous_hook


def _log_unraisable(unraisable: sys.UnraisableHookArgs) -> None:
    logger.info("ignored while cleaning up %r: %r", unraisable.object, unraisable.exc_value,
                exc_info=(unraisable.exc_type, unraisable.exc_value, unraisable.exc_traceback))


if __name__ == "__main__":
    sys.exit(main())
