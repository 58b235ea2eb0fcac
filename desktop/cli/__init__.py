"""Command-line subcommands. Each module has ``register(subparsers, common)``; none imports the UI."""

from __future__ import annotations

import argparse
import importlib

# One module per subcommand group, in the order they appear in --help.
COMMAND_MODULES = (
    "desktop.cli.demo_command",
    "desktop.cli.extract_command",
    "desktop.cli.maintenance_command",
    "desktop.cli.server_command",
    "desktop.cli.status_command",
    "desktop.cli.audit_command",
    "desktop.cli.remind_command",
    "desktop.cli.evidence_command",
    "desktop.cli.export_command",
    "desktop.cli.dossier_command",
    "desktop.cli.contacts_command",
    "desktop.cli.redact_command",
)


def register_all(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers, common)
