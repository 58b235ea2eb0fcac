from __future__ import annotations

import pytest

from desktop.core.errors import ValidationError
from desktop.core.settings import RESULT_CLASS_SCHEMES, SETTINGS, check_setting, default_settings


def test_every_default_passes_its_own_check() -> None:
    for setting in SETTINGS:
        assert check_setting(setting.key, setting.default) == setting.default


def test_defaults_follow_the_domain() -> None:
    defaults = default_settings()
    assert defaults["deadline.reply_months"] == 3
    assert defaults["deadline.max_extension_months"] == 6
    assert defaults["reminder.lead_days"] == [30, 7]
    assert [c["code"] for c in defaults["result_class.classes"]] == ["A", "B", "C", "D"]
    assert {c["meaning"] for s in RESULT_CLASS_SCHEMES.values() for c in s} <= {"solved", "in_progress", "later",
                                                                               "reference"}


@pytest.mark.parametrize(("key", "value", "code"), [
    ("deadline.reply_months", "3", "setting_type"),
    ("deadline.reply_months", 0, "setting_range"),
    ("deadline.reply_months", True, "setting_type"),
    ("result_class.scheme", "XYZ", "setting_value"),
    ("result_class.classes", [{"code": "A"}, {"code": "A"}], "setting_value"),
    ("no.such.key", 1, "setting_unknown"),
])
def test_check_setting_rejects(key: str, value: object, code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_setting(key, value)
    assert caught.value.code == code
