"""`reply-ledger status --db FILE [--as-of DATE]`: every proposal, commitment and target with its state and why."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter

from desktop.cli.common import open_store
from desktop.core.handling import judge_handling, summarize_states
from desktop.core.records import HANDLING_STATES, TARGET_STATES, Target
from desktop.core.validation import parse_date


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "status", parents=[common], help="print the state of every proposal, commitment and target",
        description="Print one line per proposal (handling state), commitment and target (已达成, 进展正常, 有风险, "
        "未达成, 逾期无佐证, 无数据) with the reason, then a summary. Fields are separated by tabs.")
    parser.add_argument("--as-of", metavar="DATE", help="judge with what was known on this date (default: today)")
    parser.set_defaults(handler=run)


def as_of_date(args: argparse.Namespace) -> dt.date:
    """The --as-of option as a date (today when it is not given); a bad date is a clear error."""
    value = getattr(args, "as_of", None)
    return parse_date(value, "--as-of") if value else dt.date.today()


def run(args: argparse.Namespace) -> int:
    from db.as_of import left_out
    from db.followup import deadline_rules, iter_proposal_files

    as_of = as_of_date(args)
    handling_states: Counter[str] = Counter()
    commitment_states: Counter[str] = Counter()
    target_states: Counter[str] = Counter()
    with open_store(args, create=False) as store:
        rules = deadline_rules(store)
        later = {kind: count for kind, count in left_out(store, as_of).items() if count}
        print(f"截至{as_of.isoformat()}")
        write = sys.stdout.write
        # A batch of proposals at a time, printed as it is judged: memory does not grow with the ledger. What did
        # not exist yet on the day is not listed, by the rule of the audit workbook (db.as_of).
        for file in iter_proposal_files(store, as_of, known_only=True, lean=True):
            handling = judge_handling(file, as_of, rules)
            handling_states[handling.state] += 1
            lines = [f"建议\t{file.label}\t{handling.label}\t{handling.reason}"]
            targets_of: dict[int | None, list[Target]] = {}  # the file's targets by commitment, gathered once
            for target in file.targets:
                targets_of.setdefault(target.commitment_id, []).append(target)
            for commitment in file.commitments:
                targets = targets_of.get(commitment.id, [])
                if targets and all(target.kind == "baseline" for target in targets):
                    continue  # only baselines: not a promise (ProposalFile.is_promise)
                judgement = file.commitment_states[commitment.id]
                commitment_states[judgement.state] += 1
                lines.append(f"承诺 {commitment.id}\t{commitment.title}\t{judgement.label}\t{judgement.reason}")
                for target in targets:
                    if target.kind == "baseline":
                        continue
                    judged = file.target_states[target.id]
                    target_states[judged.state] += 1
                    lines.append(f"指标 {target.id}\t{target.indicator}\t{judged.label}\t{judged.reason}")
            lines.append("")
            write("\n".join(lines))  # one write per proposal: a print per line costs more than the line
    proposals = summarize_states(handling_states.elements(), HANDLING_STATES, "件") or "无"
    commitments = summarize_states(commitment_states.elements(), TARGET_STATES) or "无"
    targets = summarize_states(target_states.elements(), TARGET_STATES) or "无"
    not_listed = "；判定日期之后的" + "、".join(f"{kind}{count}件" for kind, count in later.items()) + "未列出" \
        if later else ""
    print(f"汇总：建议{handling_states.total()}件（{proposals}）；承诺{commitment_states.total()}项（{commitments}）；"
          f"指标{target_states.total()}项（{targets}）{not_listed}")
    return 0
