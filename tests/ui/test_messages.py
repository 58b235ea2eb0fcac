"""Every error code raised in desktop/ and db/ has a translated template (or only the command line meets it), and
the templates are filled with the facts the raise sites give."""

from __future__ import annotations

import ast
import string
from dataclasses import dataclass
from pathlib import Path

from desktop.core.errors import LedgerError, RecordErrors, ValidationError
from desktop.core.ledger_import import RowProblem
from desktop.ui.messages import CLI_ONLY_CODES, TEMPLATES, problem_message, user_message

ROOT = Path(__file__).resolve().parents[2]
# Helpers that take the code as their third positional argument: readers' _error(path, message, code), the ledger
# import's problem(key, message, code), fail(header, message, code) and read(key, parse, code).
CODE_HELPERS = {"_error": {"file"}, "problem": set(), "fail": set(), "read": {"value"}}


@dataclass(frozen=True)
class RaiseSite:
    where: str
    code: str
    facts: frozenset[str]
    field: str | None


def _name(call: ast.Call) -> str:
    return call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", "")


def _sites() -> list[RaiseSite]:
    sites = []
    for folder in ("desktop", "db"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"
                if isinstance(node, ast.ClassDef):
                    # An error class's own code, with the facts its __init__ hands to LedgerError.
                    inits = [call for call in ast.walk(node)
                             if isinstance(call, ast.Call) and _name(call) == "__init__"]
                    facts = {k.arg for call in inits for k in call.keywords if k.arg and k.arg != "code"}
                    for statement in node.body:
                        if (isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Constant)
                                and any(getattr(target, "id", "") == "code" for target in statement.targets)):
                            sites.append(RaiseSite(where, statement.value.value, frozenset(facts), None))
                if not isinstance(node, ast.Call):
                    continue
                keywords = {k.arg: k.value for k in node.keywords if k.arg}
                code = keywords.get("code")
                facts = {name for name in keywords if name not in ("code", "message")}
                field = None
                name = _name(node)
                if name == "ValidationError" and node.args:
                    facts.add("field")
                    field = node.args[0].value if isinstance(node.args[0], ast.Constant) else None
                if isinstance(keywords.get("field"), ast.Constant):
                    field = keywords["field"].value
                if code is None and name in CODE_HELPERS and len(node.args) > 2:
                    code = node.args[2]
                    facts |= CODE_HELPERS[name]
                if isinstance(code, ast.Constant) and isinstance(code.value, str):
                    sites.append(RaiseSite(where, code.value, frozenset(facts), field))
    return sites


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_error_names_its_code() -> None:
    """A LedgerError or ValidationError made without a code would fall back to its class's generic code."""
    unnamed = []
    for folder in ("desktop", "db"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (isinstance(node, ast.Call) and _name(node) in ("LedgerError", "ValidationError")
                        and not any(k.arg == "code" for k in node.keywords)):
                    unnamed.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert unnamed == []


def test_every_code_raised_has_a_template_or_is_only_met_on_the_command_line() -> None:
    sites = _sites()
    codes = {site.code for site in sites}
    assert {"file_empty", "export_target_locked", "ledger_no_header", "import_rejected", "snooze_date_past",
            "word_unknown", "ledger_too_large"} <= codes  # the scan sees every kind of raise site
    generic = {LedgerError.code, ValidationError.code}  # never raised: every error names its code (above)
    handled = {RecordErrors.code}  # worded problem by problem
    missing = sorted(code for code in codes - generic - handled - CLI_ONLY_CODES
                     if code not in TEMPLATES and not any(key.startswith(f"{code}:") for key in TEMPLATES))
    assert missing == []
    assert not CLI_ONLY_CODES & set(TEMPLATES), "a CLI-only code needs no template"
    assert codes >= CLI_ONLY_CODES, "a CLI-only code that is never raised"


def test_templates_use_only_the_facts_their_raise_sites_give() -> None:
    unfilled = []
    for site in _sites():
        if site.code in CLI_ONLY_CODES or site.code not in {key.split(":")[0] for key in TEMPLATES}:
            continue
        found = (TEMPLATES.get(f"{site.code}:{site.field}") if site.field else None) or TEMPLATES.get(site.code)
        if found is None:
            continue
        alternatives = (found,) if isinstance(found, str) else found
        # Facts the error gets from elsewhere: RowProblem.of copies the error's; a record's ValidationError
        # names its field.
        if not any(_placeholders(template) <= site.facts for template in alternatives):
            unfilled.append((site.where, site.code, sorted(site.facts)))
    assert unfilled == []


def test_messages_are_translated_with_their_facts(chinese) -> None:
    error = LedgerError("'x.docx' is empty; choose the file that holds the letter text.", code="file_empty",
                        file="x.docx")
    assert user_message(error) == "“x.docx”是空文件；请选择包含答复函正文的文件。"
    evidence = ValidationError("value", "Evidence needs a measured value.", code="value_missing", record="evidence")
    target = ValidationError("value", "A measurable target needs a value.", code="value_missing")
    assert user_message(evidence) != user_message(target)
    both = RecordErrors([target, ValidationError("phone", "'12' is not a phone number.", code="phone_invalid",
                                                 value="12")])
    assert user_message(both) == f"{user_message(target)} {user_message(both.problems[1])}"
    problem = RowProblem("提案办理", 4, "满意度", "'还行' is not a rating; write 满意, 基本满意 or 不满意.",
                         "rating_invalid", {"value": "还行"})
    assert problem_message(problem) == "“还行”不是有效的满意度；请填写满意、基本满意或不满意。"


def test_unknown_codes_and_missing_facts_fall_back_to_the_english_sentence() -> None:
    assert user_message(LedgerError("Something odd; try again.", code="no_such_code")) == "Something odd; try again."
    assert user_message(LedgerError("The ledger is gone; check the path.", code="ledger_missing")) == \
        "The ledger is gone; check the path."
