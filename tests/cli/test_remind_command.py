from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import icalendar
import pytest

from db import Store
from desktop.__main__ import main
from desktop.core.records import Reminder

EXPECTED = Path(__file__).resolve().parents[1] / "fixtures" / "demo_output"


def events(path: Path) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(event["uid"]): event for event in calendar.walk("VEVENT")}


def test_remind_prints_overdue_items_and_exits_1(demo_db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["remind", "--db", str(demo_db_path), "--as-of", "2022-03-31"]) == 1
    lines = capsys.readouterr().out.splitlines()
    items = lines[:-1]
    line_format = re.compile(r"\d{4}-\d{2}-\d{2}\t(逾期\d+天|今日到期|还有\d+天)\t[^\t]+\t[^\t]+")
    assert all(line_format.fullmatch(line) for line in items)
    assert "2021-12-31\t逾期90天\t承诺期限\t承诺到期：完成5G建设投资" in items
    assert not any("累计开通5G基站" in line for line in items)  # met: closed
    assert lines[-1] == "截至2022-03-31：逾期12项，即将到期0项"


def test_remind_of_the_demo_is_unchanged_to_the_byte(demo_db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Pinned whole: the way reminders are planned and read may change, what a scheduled job reads may not.
    assert main(["remind", "--db", str(demo_db_path), "--as-of", "2022-03-31", "--within", "400"]) == 1
    assert capsys.readouterr().out == (EXPECTED / "remind-demo-2022-03-31.txt").read_text(encoding="utf-8")


def test_remind_with_nothing_overdue_exits_0(demo_db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["remind", "--db", str(demo_db_path), "--as-of", "2021-11-20"]) == 0
    assert capsys.readouterr().out.splitlines() == ["截至2021-11-20：没有到期或逾期的提醒"]
    assert main(["remind", "--db", str(demo_db_path), "--as-of", "2021-11-20", "--within", "45"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("2021-12-05\t还有15天\t佐证久未更新\t更新佐证：")
    assert lines[-1] == "截至2021-11-20：逾期0项，即将到期21项"  # 13 targets stale on 12-05, 8 promises due 12-31


def test_remind_ics_round_trip_with_stable_uids(demo_db_path: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    first, second = tmp_path / "first.ics", tmp_path / "second.ics"
    assert main(["remind", "--db", str(demo_db_path), "--as-of", "2022-03-31", "--ics", str(first)]) == 1
    assert main(["remind", "--db", str(demo_db_path), "--as-of", "2022-03-31", "--ics", str(second)]) == 1
    assert "日历已写入" in capsys.readouterr().out
    one, two = events(first), events(second)
    assert set(one) == set(two) and len(one) == 21
    with Store.open(demo_db_path) as store:
        stored = {reminder.uid for reminder in store.list(Reminder)}
    assert set(one) == stored
    investment = one["demo-commitment-1@reply-ledger"]
    assert str(investment["summary"]) == "承诺到期：完成5G建设投资"
    assert investment.decoded("dtstart") == dt.date(2021, 12, 31)
    triggers = sorted(alarm.decoded("trigger") for alarm in investment.walk("VALARM"))
    assert triggers == [dt.timedelta(days=-30), dt.timedelta(days=-7)]
    assert str(one["demo-commitment-2@reply-ledger"]["status"]) == "CANCELLED"  # met, so done


def test_remind_follows_the_lead_time_setting(demo_db_path: Path, tmp_path: Path) -> None:
    from db import Store

    with Store.open(demo_db_path) as store:
        store.set_setting("reminder.lead_days", [14, 3, 1])
    out = tmp_path / "lead.ics"
    main(["remind", "--db", str(demo_db_path), "--as-of", "2022-03-31", "--ics", str(out)])
    alarms = sorted(a.decoded("trigger") for a in events(out)["demo-commitment-1@reply-ledger"].walk("VALARM"))
    assert alarms == [dt.timedelta(days=-14), dt.timedelta(days=-3), dt.timedelta(days=-1)]


def test_remind_bad_input(demo_db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["remind", "--db", str(demo_db_path), "--within", "soon"]) == 2
    assert capsys.readouterr().err == ("error: --within 'soon' is not a number of days; write a whole number such "
                                       "as 30.\n")
    assert main(["remind", "--db", str(demo_db_path), "--ics", str(tmp_path / "no" / "x.ics")]) == 2
    assert "does not exist" in capsys.readouterr().err


class _CountingOut:
    """A standard output that keeps its writes apart."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return len(text)

    def flush(self) -> None:
        pass


def test_remind_writes_the_due_reminders_together_not_a_line_at_a_time(demo_db_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    out = _CountingOut()
    monkeypatch.setattr("sys.stdout", out)
    assert main(["remind", "--db", str(demo_db_path), "--as-of", "2022-03-31"]) == 1
    lines = "".join(out.parts).splitlines()
    assert len(lines) == 13 and lines[-1] == "截至2022-03-31：逾期12项，即将到期0项"
    assert len(out.parts) <= 3  # the twelve due reminders at once, then the summary (a text and a newline)
