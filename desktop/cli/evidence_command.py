"""`reply-ledger evidence list|accept|reject|suggest`: evidence suggestions from imported news and bulletins."""

from __future__ import annotations

import argparse

from desktop.cli.common import open_store
from desktop.core.errors import ValidationError
from desktop.core.records import SUGGESTION_STATES, Suggestion, Target
from desktop.core.status import format_amount


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "evidence", parents=[common], help="review the evidence suggested from imported news and bulletins",
        description="Importing a news article, bulletin or report (`import FILE`) suggests the figures it states "
        "as evidence for the open targets they match. `evidence list` shows them (number, score, target, figure, "
        "as-of date, quote; tab-separated), `evidence accept N...` records them as evidence, `evidence reject "
        "N...` sets them aside, and `evidence suggest` looks through every stored document again (after new "
        "targets were added).")
    parser.add_argument("action", nargs="?", default="list", choices=("list", "accept", "reject", "suggest"))
    parser.add_argument("ids", nargs="*", metavar="N", help="suggestion numbers (for accept and reject)")
    parser.add_argument("--all", action="store_true", help="list accepted and rejected suggestions too")
    parser.set_defaults(handler=run)


def _numbers(values: list[str]) -> list[int]:
    if not values:
        raise ValidationError("N", "Name the suggestions by number, such as `evidence accept 3 5`; `evidence list` "
                              "shows the numbers.", code="ids_missing")
    numbers = []
    for value in values:
        if not value.isdigit():
            raise ValidationError("N", f"'{value}' is not a suggestion number; `evidence list` shows the numbers.",
                                  code="number_invalid", value=value)
        numbers.append(int(value))
    return numbers


def _line(suggestion: Suggestion, targets: dict[int, Target]) -> str:
    payload = suggestion.payload
    target = targets.get(suggestion.target_id or 0)
    figure = format_amount(payload.get("value"), payload.get("unit"))
    return "\t".join([
        f"#{suggestion.id}", f"{suggestion.score or 0:.2f}", SUGGESTION_STATES.get(suggestion.state, suggestion.state),
        target.indicator if target else "（指标已删除）", f"{payload.get('indicator', '')} {figure}",
        f"截至{payload.get('as_of', '')}", payload.get("quote", ""), payload.get("source_title") or "",
    ])


def run(args: argparse.Namespace) -> int:
    from db.evidence_suggestions import (
        accept_evidence_suggestion,
        list_evidence_suggestions,
        reject_evidence_suggestion,
        suggest_evidence_everywhere,
    )

    with open_store(args, create=False) as store:
        if args.action == "accept":
            for number in _numbers(args.ids):
                evidence = accept_evidence_suggestion(store, number)
                print(f"#{number}: recorded as evidence #{evidence.id} of target #{evidence.target_id}.")
            return 0
        if args.action == "reject":
            for number in _numbers(args.ids):
                reject_evidence_suggestion(store, number)
                print(f"#{number}: rejected.")
            return 0
        if args.action == "suggest":
            made = suggest_evidence_everywhere(store)
            print(f"{len(made)} new evidence suggestion(s).")
            return 0
        suggestions = list_evidence_suggestions(store, None if args.all else "pending")
        targets = {t.id: t for t in store.list(Target, "kind = 'commitment'")}
    for suggestion in suggestions:
        print(_line(suggestion, targets))
    print(f"{len(suggestions)} evidence suggestion(s)" + ("" if args.all else " to review") + ".")
    return 0
