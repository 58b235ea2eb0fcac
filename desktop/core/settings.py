"""Office settings, declared once: key, type, default and label. Stored as JSON in the database.

The domain varies by locality (result-class schemes, handling modes, deadline rules), so these are data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop.core.errors import ValidationError

# Each result class has a meaning that the audit rules (回头看) rely on:
# solved, in_progress (being solved / planned), later (needs conditions), reference (kept for reference).
RESULT_CLASS_SCHEMES: dict[str, list[dict[str, str]]] = {
    "ABCD": [
        {"code": "A", "meaning": "solved", "label": "所提问题已经解决或基本解决"},
        {"code": "B", "meaning": "in_progress", "label": "所提问题正在解决或已列入计划逐步解决"},
        {"code": "C", "meaning": "later", "label": "所提问题因条件限制需以后解决"},
        {"code": "D", "meaning": "reference", "label": "所提问题留作参考"},
    ],
    "ABC": [
        {"code": "A", "meaning": "solved", "label": "所提问题已经解决或采纳"},
        {"code": "B", "meaning": "in_progress", "label": "所提问题正在解决或列入计划解决"},
        {"code": "C", "meaning": "reference", "label": "因条件限制或其他原因需以后解决或留作参考"},
    ],
    "甲乙丙": [
        {"code": "甲", "meaning": "solved", "label": "已解决或采纳"},
        {"code": "乙", "meaning": "in_progress", "label": "正在解决或列入计划解决"},
        {"code": "丙", "meaning": "reference", "label": "留作参考"},
    ],
}

HANDLING_MODES: list[dict[str, str]] = [
    {"code": "sole", "label": "独办"},
    {"code": "split", "label": "分办"},
    {"code": "lead_co", "label": "主办+会办"},
    {"code": "lead_assist", "label": "主办+协办"},
]


@dataclass(frozen=True)
class Setting:
    """A declared setting: stored under ``key``, a JSON value of ``kind``; ``label`` is for the settings UI."""

    key: str
    kind: type
    default: Any
    label: str
    minimum: int | None = None
    maximum: int | None = None


SETTINGS: tuple[Setting, ...] = (
    Setting("office.name", str, "", "Office name"),
    Setting("office.city", str, "", "City or county the office serves"),
    Setting("result_class.scheme", str, "ABCD", "Result-class scheme"),
    Setting("result_class.classes", list, RESULT_CLASS_SCHEMES["ABCD"], "Result classes and their meanings"),
    Setting("handling.modes", list, HANDLING_MODES, "Handling modes"),
    Setting("handling.co_opinion_days", int, 30, "Days for co-handling units to send their opinion", 1, 120),
    Setting("deadline.reply_months", int, 3, "Reply within months of assignment", 1, 12),
    Setting("deadline.max_extension_months", int, 6, "Longest reply deadline with an approved extension", 1, 12),
    Setting("deadline.misrouted_return_working_days", int, 3, "Return a misrouted item within working days", 1, 30),
    Setting("deadline.publish_working_days", int, 20, "Publish a reply within working days", 1, 90),
    Setting("deadline.reanswer_days", int, 30, "Answer again after an unsatisfied rating within days", 1, 180),
    Setting("reminder.lead_days", list, [30, 7], "Remind this many days before a deadline"),
    Setting("reminder.stale_evidence_days", int, 180, "Remind when a target has had no evidence for days", 7, 1000),
    Setting("reminder.feedback_wait_days", int, 30, "Remind when a reply has had no feedback for days", 1, 365),
    Setting("backup.keep", int, 7, "Automatic backups to keep (one a day at most, made when the app closes; 0: none)",
            0, 365),
)
SETTINGS_BY_KEY = {setting.key: setting for setting in SETTINGS}


def default_settings() -> dict[str, Any]:
    return {setting.key: setting.default for setting in SETTINGS}


def check_setting(key: str, value: Any) -> Any:
    """Validate a value for a declared setting and return it.

    Raises:
        ValidationError: for an unknown key or a value of the wrong type or range.
    """
    setting = SETTINGS_BY_KEY.get(key)
    if setting is None:
        raise ValidationError(key, f"'{key}' is not a setting of this version; check its spelling.",
                              code="setting_unknown")
    if setting.kind is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise ValidationError(key, f"The setting '{setting.label}' needs a whole number.", code="setting_type",
                              label=setting.label)
    if not isinstance(value, setting.kind):
        raise ValidationError(key, f"The setting '{setting.label}' has the wrong type.", code="setting_type",
                              label=setting.label)
    if setting.kind is int:
        if setting.minimum is not None and value < setting.minimum:
            raise ValidationError(key, f"The setting '{setting.label}' must be at least {setting.minimum}.",
                                  code="setting_range", label=setting.label, minimum=setting.minimum)
        if setting.maximum is not None and value > setting.maximum:
            raise ValidationError(key, f"The setting '{setting.label}' must be at most {setting.maximum}.",
                                  code="setting_range", label=setting.label, maximum=setting.maximum)
    if key == "result_class.classes":
        codes = [item.get("code") for item in value if isinstance(item, dict)]
        if not codes or len(codes) != len(value) or len(set(codes)) != len(codes):
            raise ValidationError(key, "Each result class needs its own code.", code="setting_value")
    if key == "result_class.scheme" and value not in RESULT_CLASS_SCHEMES and value != "custom":
        raise ValidationError(key, f"'{value}' is not a result-class scheme; choose ABCD, ABC, 甲乙丙 or custom.",
                              code="setting_value", value=value)
    return value
