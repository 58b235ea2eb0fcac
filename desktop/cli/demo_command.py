"""`reply-ledger demo --db FILE`: a new database holding the demo story."""

from __future__ import annotations

import argparse

from desktop.cli.common import db_path, open_store


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "demo", parents=[common], help="create a database with the demo story",
        description="Create a database holding the demo story: the reply 常工信复〔2021〕第39号, its commitments "
        "and targets, evidence, feedback and reminders.")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from db.demo import create_demo
    from desktop import paths

    with open_store(args) as store:
        create_demo(store, paths.demo_dir())
        counts = store.counts()
    print(f"Demo written to {db_path(args)}: {counts.proposals} proposal, {counts.replies} reply, "
          f"{counts.commitments} commitments, {counts.targets} targets, {counts.evidence} evidence, "
          f"{counts.reminders} reminders.")
    return 0
