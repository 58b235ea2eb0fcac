"""Time expressions of Chinese official texts and the deadline each one stands for (GUIDELINES §5).

"2021年" and "年底" → 31 December; "上半年" → 30 June; "X月", "X月底", "X月下旬" → the last day of the month;
"X月中旬"/"X月上旬" → the 20th/10th; "X月Y日前" → that day; "一季度" → 31 March; "2024-2026年" → the end of
the last year; "十四五期末"/"十四五期间"/"到2025年" → 2025-12-31; seasons ("明春", "今冬", "今年秋季学期") have no
date, though whether they lie ahead is known from the reference date. "今年"/"明年" count from the reference date;
a year left unwritten (年底, 年内, 全年, 6月底, 上半年) is the year the paragraph speaks of: that of the nearest
earlier year named in it ('2023年，…', '今年…'), else the reference date's.

Each expression also says what role it plays: a ``deadline`` (到2025年, 12月15日前, 2021年), an ``asof`` date
(截至2021年底, 目前), a ``start`` (自2014年7月, 2020年以来) or a ``modifier`` of a noun
("2000年底前建成的老旧小区", an eligibility criterion, not a deadline; "年度目标任务", an attribute).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_CN_NUM = {"〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
           "八": 8, "九": 9}


def _small(text: str) -> int | None:
    """1..99 written in Arabic or Chinese digits (十二, 二十, 3)."""
    if text.isdigit():
        return int(text)
    if not text:
        return None
    if "十" in text:
        tens, _, ones = text.partition("十")
        t = _CN_NUM.get(tens) if tens else 1
        o = _CN_NUM.get(ones) if ones else 0
        if t is None or o is None:
            return None
        return t * 10 + o
    if len(text) == 1:
        return _CN_NUM.get(text)
    return None


def _year(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    digits = [_CN_NUM.get(ch) for ch in text]
    if len(digits) == 4 and all(d is not None for d in digits):
        return int("".join(str(d) for d in digits))
    return None


def plan_end_year(ordinal: int) -> int:
    """The last year of the n-th five-year plan: 14 (十四五) → 2025, 13 → 2020."""
    return 1955 + 5 * ordinal


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


@dataclass
class TimeExpression:
    """A time expression at ``start``..``end`` (offsets in the scanned text) and what it means.

    ``deadline`` is the date it stands for (None for seasons, or when no year can be found); ``role`` is one
    of 'deadline', 'asof', 'start', 'modifier'; ``plan`` is True for five-year-plan periods (十四五).
    ``explicit_year`` is True when the year is written in the expression.
    """

    start: int
    end: int
    text: str
    deadline: dt.date | None
    role: str = "deadline"
    plan: bool = False
    explicit_year: bool = False
    marked: bool = False  # introduced by 到/至/于/前/底...: plainly a point to reach
    horizon: dt.date | None = None  # for a season: when it ends, to tell past from future (it has no deadline)
    scheduled: bool = False  # the year a work is listed for ('列入2024年实施项目'): the work is to be done then
    ahead: bool = False  # with no reference date: later than a time already known to lie ahead

    def is_future(self, reference: dt.date | None) -> bool | None:
        """True when the expression lies on or after the reference date, False before, None when unknown."""
        if self.deadline is None:
            if self.horizon is not None and reference is not None:
                return self.horizon >= reference
            return True if self.marked or self.plan or self.ahead else None
        if reference is None:
            return True if self.marked or self.plan or self.ahead else None
        return self.deadline >= reference


_NUMERALS = "一二两三四五六七八九十几"
_D = r"\d{1,2}"
_CD = r"[一二三四五六七八九十]{1,3}"
_Y = r"(?:19|20)\d{2}"
_CY = r"[〇零○一二三四五六七八九]{4}"
_MONTH_PART = r"(?:份|底|末|中旬|上旬|下旬|初)"
_YEAR_PART = (r"(?:年底|年末|年内|年中|底|末|内|度|上半年|下半年|前|第?[一二三四1-4]季度)")
_PATTERN = re.compile(
    rf"""
    # the characters an expression can start with: a cheap test before the alternatives
    (?=[ \t\d〇零○一二两三四五六七八九十今本当明次后全年上下第春夏秋冬截到至自从于在力争计预将“"‘'])
    (?P<lead>截至|截止到|截止|到目前|至今|自|从|到|至|于|在|力争|争取|计划于|预计于|力争于|将于|于)?[ \t]*
    (?:
        (?P<plan>[“"‘']?(?P<plan_n>十[一二三四五六七八九]|[六七八九])五[”"’']?(?:规划)?
             (?P<plan_part>期末|末期|末|期间|时期|期)?)
      | (?P<yrange>(?P<y1>{_Y})\s*(?:-|–|—|－|~|～|至|到)\s*(?P<y2>{_Y})\s*年?)
      | (?P<ymd>(?P<y3>{_Y}|{_CY})\s*年\s*(?P<m3>{_D}|{_CD})\s*月\s*(?P<d3>{_D}|{_CD})\s*[日号])
      | (?P<ym>(?P<y4>{_Y}|{_CY})\s*年\s*(?P<m4a>{_D})(?:\s*(?:-|—|–|至|到)\s*(?P<m4b>{_D}))?\s*月
             (?P<mp4>{_MONTH_PART})?
         | (?P<y4c>{_Y}|{_CY})\s*年\s*(?P<m4c>{_CD})\s*月(?P<mp4c>{_MONTH_PART})?)
      | (?P<season2>(?:(?:{_Y})\s*年|今年|明年|本年|次年)?[春夏秋冬]季(?:学期)?)
      | (?P<y>(?P<y5>{_Y}|{_CY})\s*年(?!\s*一遇)(?P<yp5>{_YEAR_PART})?)
      | (?P<md>(?<![\d年])(?P<m6>{_D}|{_CD})\s*月\s*(?P<d6>{_D}|{_CD})\s*[日号])
      | (?P<m>(?<![\d个年一二三四五六七八九十])(?P<m7>{_D}|十[一二]?|[一二三四五六七八九])\s*月(?P<mp7>{_MONTH_PART})?)
      | (?P<duration>(?<![\d年])(?:{_D}|[一二两三四五六七八九十]{{1,2}})\s*年(?:内|之内))
      | (?P<relmonth>(?P<rel_month>本月|当月|下月|下个月)(?P<rel_month_part>{_MONTH_PART})?)
      | (?P<relmd>(?P<rel_year2>今年|本年|明年|次年)\s*(?P<m8>{_D}|{_CD})\s*月
             (?:\s*(?P<d8>{_D}|{_CD})\s*[日号]|(?P<mp8>{_MONTH_PART}))?)
      | (?P<rel>(?P<rel_year>今年|本年|当年|明年|次年|后年|全年|年|本年度)
              (?P<rel_part>年底|年末|底|末|内|度|上半年|下半年|第?[一二三四]季度)?)
      | (?P<half>上半年|下半年)
      | (?P<q>第?[一二三四]季度)
      | (?P<season>明春|今春|今夏|今秋|今冬|明夏|明秋|明冬|年前|春节前)
    )
    (?P<tail>之前|以前|前|以来|起|底前|末前|为止)?
    """,
    re.VERBOSE,
)

_DEADLINE_LEADS = {"到", "至", "于", "在", "力争", "争取", "计划于", "预计于", "力争于", "将于"}
_ASOF_LEADS = {"截至", "截止到", "截止", "到目前", "至今"}
_START_LEADS = {"自", "从"}


def find_time_expressions(text: str, reference: dt.date | None = None) -> list[TimeExpression]:
    """Every time expression in ``text`` with its deadline; years left unwritten are filled in (see module)."""
    found: list[TimeExpression] = []
    for match in _PATTERN.finditer(text):
        expression = _interpret(match, text, reference, found)
        if expression is not None:
            found.append(expression)
    if reference is None:
        _undated(found, text)
    return found


def _undated(found: list[TimeExpression], text: str) -> None:
    """With no reference date: a year left unwritten is that of the nearest explicit year in the text (before it,
    else after it), as GUIDELINES §5 asks; and a time later than one already known to lie ahead (a plan date,
    '到2025年', '年内') lies ahead too."""
    explicit = [t for t in found if t.explicit_year and t.deadline and t.role == "deadline" and not t.plan]
    for expression in found:
        if expression.deadline is None and expression.explicit_year is False and expression.horizon is None and \
                not expression.plan and explicit:
            before = [t for t in explicit if t.start < expression.start]
            year = (before[-1] if before else min(explicit, key=lambda t: t.start - expression.start)).deadline.year
            expression.deadline = _rewrite_year(expression, year)
    known_ahead = [t.deadline for t in found if t.deadline and t.role == "deadline" and (t.marked or t.plan)]
    if known_ahead:
        first = min(known_ahead)
        for expression in found:
            if expression.deadline and expression.role == "deadline" and expression.deadline > first:
                expression.ahead = True


def _rewrite_year(expression: TimeExpression, year: int) -> dt.date | None:
    """The deadline of an expression that left its year unwritten, read in ``year``."""
    match = _PATTERN.fullmatch(expression.text) or _PATTERN.match(expression.text)
    if match is None:
        return None
    return _interpret(match, expression.text, dt.date(year, 1, 1), []).deadline if match else None


def _last_year_before(found: list[TimeExpression], text: str, at: int) -> int | None:
    """The year under discussion at ``at``: that of the nearest earlier date or year written in full in the same
    paragraph ('2023年，…' opening a passage, '2021年9月…', or '今年'/'明年' counted from the reference date), as
    GUIDELINES §5 asks. Years that only qualify a
    noun, start a period ('2020年以来'), give a status date ('截至2022年底') or end a plan period do not count."""
    paragraph_start = max(text.rfind("\n\n", 0, at), text.rfind("\n", 0, at))
    for expression in reversed(found):
        if expression.start < paragraph_start:
            break
        names_year = expression.explicit_year or re.match(r"(?:今年|本年|当年|明年|次年|后年)", expression.text)
        if names_year and expression.deadline and not expression.plan and expression.role == "deadline" and \
                not re.search(r"\d\s*(?:-|–|—|－|~|～|至|到)\s*\d", expression.text):
            return expression.deadline.year
    return None


def _interpret(match: re.Match[str], text: str, reference: dt.date | None,
               found: list[TimeExpression]) -> TimeExpression | None:
    groups = match.groupdict()
    lead = groups["lead"] or ""
    tail = groups["tail"] or ""
    start, end = match.start(), match.end()
    if groups["rel"] and groups["rel_year"] == "年" and not groups["rel_part"]:
        return None  # a bare 年 is not a time expression
    if groups["rel"] and groups["rel_year"] == "年" and not lead and start and text[start - 1] in "每近多往历去逐":
        return None  # 每年度, 近年, 去年底... read elsewhere or not a point in time
    if groups["rel"] and not lead and start and (text[start - 1].isdigit() or text[start - 1] in _NUMERALS):
        return None  # 5年内, 三年内: a duration, not a point in time
    ref_year = reference.year if reference else None
    context_year = _last_year_before(found, text, start) or ref_year
    deadline: dt.date | None = None
    plan = explicit = False
    try:
        if groups["plan"]:
            plan = True
            deadline = dt.date(plan_end_year(_small(groups["plan_n"]) or 14), 12, 31)
        elif groups["yrange"]:
            explicit = True
            deadline = dt.date(int(groups["y2"]), 12, 31)
        elif groups["ymd"]:
            explicit = True
            year, month, day = _year(groups["y3"]), _small(groups["m3"]), _small(groups["d3"])
            deadline = dt.date(year, month, day) if year and month and day else None
        elif groups["ym"]:
            explicit = True
            year = _year(groups["y4"] or groups["y4c"])
            month = _small(groups["m4b"] or groups["m4a"] or groups["m4c"] or "")
            part = groups["mp4"] or groups["mp4c"] or ""
            deadline = _month_date(year, month, part) if year and month else None
        elif groups["y"]:
            explicit = True
            year = _year(groups["y5"])
            deadline = _year_part_date(year, groups["yp5"] or "") if year else None
        elif groups["md"]:
            month, day = _small(groups["m6"]), _small(groups["d6"])
            deadline = dt.date(context_year, month, day) if context_year and month and day else None
        elif groups["m"]:
            month = _small(groups["m7"])
            if month is None or not 1 <= month <= 12:
                return None
            if not groups["mp7"] and not tail and not lead and groups["m7"] in ("一", "十"):
                return None  # 一月/十月 written plainly are rare in letters; 统一月报... are not dates
            deadline = _month_date(context_year, month, groups["mp7"] or "") if context_year else None
        elif groups["duration"]:
            deadline = None  # '三年内': a span from a day the letter does not fix (GUIDELINES §5 has no rule)
        elif groups["relmonth"]:
            if reference is None:
                deadline = None
            else:
                month = reference.month + (0 if groups["rel_month"] in ("本月", "当月") else 1)
                year = reference.year + (month - 1) // 12
                deadline = _month_date(year, (month - 1) % 12 + 1, groups["rel_month_part"] or "")
        elif groups["relmd"]:
            offset = 0 if groups["rel_year2"] in ("今年", "本年") else 1
            month = _small(groups["m8"])
            if ref_year is None or month is None:
                deadline = None
            elif groups["d8"]:
                day = _small(groups["d8"])
                deadline = dt.date(ref_year + offset, month, day) if day else None
            else:
                deadline = _month_date(ref_year + offset, month, groups["mp8"] or "")
        elif groups["rel"]:
            word, part = groups["rel_year"], groups["rel_part"] or ""
            offset = {"明年": 1, "次年": 1, "后年": 2}.get(word, 0)
            # 年底, 年内, 全年: the year the passage speaks of; 今年, 明年: counted from the reference date.
            relative = ref_year + offset if ref_year else None
            year = context_year if word in ("年", "全年") else relative
            if word == "年" and part in ("度",) and start and text[start - 1] in "本":
                part = "度"
            deadline = _year_part_date(year, part) if year else None
        elif groups["half"]:
            deadline = _year_part_date(context_year, groups["half"]) if context_year else None
        elif groups["q"]:
            deadline = _year_part_date(context_year, groups["q"]) if context_year else None
        elif groups["season"] or groups["season2"]:
            deadline = None
    except ValueError:
        return None  # 2月30日 and the like: not a date
    role = "deadline"
    if lead in _ASOF_LEADS or tail == "为止":
        role = "asof"
    elif lead in _START_LEADS or tail in ("以来", "起"):
        role = "start"
    elif _is_modifier(text, end) or _is_comparison_base(text, start, lead) or \
            (groups["rel"] and (groups["rel_part"] == "度" or groups["rel_year"] == "全年")
             and _ANNUAL_NOUN.match(text, end)):
        role = "modifier"
    marked = lead in _DEADLINE_LEADS or tail in ("之前", "以前", "前", "底前", "末前") or \
        bool(groups["plan"] and groups["plan_part"]) or bool(groups["yp5"] and groups["yp5"] in ("底", "末", "年底"))
    if lead and lead not in _DEADLINE_LEADS | _ASOF_LEADS | _START_LEADS:
        marked = True
    # 年内, 年底 and a date right after a plan word ('计划5月开工') are points still to reach, even when the
    # letter's own date is unknown.
    if (groups["rel"] and (groups["rel_part"] or "") in ("内", "底", "末", "年底", "年末")) or groups["duration"]:
        marked = True
    if re.search(r"(?:计划|预计|拟|力争|争取|确保|将|要)$", text[max(0, start - 2):start]):
        marked = True
    # '9月底建成', '明年全线动建': a time whose year is not written, directly followed by an outcome, is a point
    # still to reach even when the letter's date is unknown (a written year is judged against the date).
    if not explicit and _OUTCOME_AFTER.match(text, end):
        marked = True
    scheduled = False
    if explicit and re.search(r"(?:列入|纳入)$", text[max(0, start - 2):start]):
        # '列入2024年实施项目': the year the work is listed for; '列入2024年某市重点项目计划': part of a name.
        if _SCHEDULED_AFTER.match(text, end):
            scheduled = marked = True
        else:
            role = "modifier"
    horizon = _season_end(groups["season"] or groups["season2"], ref_year) \
        if groups["season"] or groups["season2"] else None
    return TimeExpression(start=start, end=end, text=text[start:end].strip(), deadline=deadline, role=role,
                          plan=plan, explicit_year=explicit, marked=marked, horizon=horizon, scheduled=scheduled)


_OUTCOME_AFTER = re.compile(r"(?:前|之前|以前|底前)?\s*(?:全面|全部|全线|基本|如期|按期|顺利|正式|陆续|即可|可|将|能)?"
                            r"(?:建成|完工|竣工|投用|投入使用|投运|投产|通车|交付|开工|动工|动建|开建|开通|启用|完成)")
_SCHEDULED_AFTER = re.compile(r"(?:度)?(?:计划)?(?:实施|建设|开工|开复工|改造|启动|完成)")


_SEASON_LAST_MONTH = {"春": 5, "夏": 8, "秋": 11, "冬": 14}  # winter ends in February of the next year


def _season_end(word: str, ref_year: int | None) -> dt.date | None:
    """The end of the season a word names ('今冬' → February of next year), used only to tell whether it is still
    ahead; None when the year cannot be told."""
    season = next((ch for ch in word if ch in _SEASON_LAST_MONTH), None)
    if season is None or "节" in word:
        return None  # 春节前, 年前: a holiday, not a season
    year_match = re.match(r"((?:19|20)\d{2})\s*年", word)
    if year_match:
        year = int(year_match.group(1))
    elif ref_year is not None and word.startswith(("明", "次")):
        year = ref_year + 1
    elif ref_year is not None and word[0] in "今本春夏秋冬":
        year = ref_year
    else:
        return None
    month = _SEASON_LAST_MONTH[season]
    return month_end(year + (month - 1) // 12, (month - 1) % 12 + 1)


def _month_date(year: int | None, month: int, part: str) -> dt.date | None:
    if year is None or not 1 <= month <= 12:
        return None
    if part == "中旬":
        return dt.date(year, month, 20)
    if part == "上旬" or part == "初":
        return dt.date(year, month, 10)
    return month_end(year, month)


def _year_part_date(year: int | None, part: str) -> dt.date | None:
    if year is None:
        return None
    if part == "上半年" or part == "年中":
        return dt.date(year, 6, 30)
    quarter = re.search(r"[一二三四1-4]", part) if "季度" in part else None
    if quarter:
        number = {"一": 1, "二": 2, "三": 3, "四": 4}.get(quarter.group(0)) or int(quarter.group(0))
        return month_end(year, number * 3)
    return dt.date(year, 12, 31)


# 年度目标, 全年任务: 年度/全年 as an attribute of a noun, not a time ('完成年度目标任务的80%'). 计划 is a noun only
# when nothing it could govern follows ('年度计划的', but '全年计划开展培训').
_ANNUAL_NOUN = re.compile(r"(?:目标|任务|指标|考核|预算|报告|总结|工作要点|重点|"
                          r"(?:[\u4e00-\u9fff]{1,4})?计划(?=的|任务|目标|指标|中|内|[，,。；;]))")
_MODIFIER_AFTER = re.compile(r"(?:前|以前|之前|底前)?[^\s，。,；;、：:！？!?“”\"（）()]{0,6}?的(?![确])")
_PAST_VERBS_BEFORE_DE = re.compile(r"(建成|投用|建设|竣工|完成|投入使用|建造|修建|出生|注册|成立|设立|批准|开通|实施)")


def _is_comparison_base(text: str, start: int, lead: str) -> bool:
    """'比2020年下降13.5%', '较上年', '与2020年相比': the year a change is measured from, not a deadline."""
    return not lead and bool(re.search(r"(?:比|较|与|同|相比|相较|对比)\s*$", text[max(0, start - 3):start]))


def _is_modifier(text: str, end: int) -> bool:
    """'2000年底前建成的老旧小区': the time expression only qualifies a noun. After 前 + a verb of building
    ('2003年底前建成、配套老化的56个小区') the 的 may come later in the same clause."""
    match = _MODIFIER_AFTER.match(text, end)
    if match:
        return bool(_PAST_VERBS_BEFORE_DE.search(match.group(0))) or match.group(0) == "的"
    built = _BUILT_BEFORE_DE.match(text, end)
    return bool(built and (built.group("before") or text[end - 1:end] == "前"))


_BUILT_BEFORE_DE = re.compile(r"(?P<before>前|以前|之前|底前)?(?:已)?(?:建成|投用|竣工|建设|投入使用|建造|修建|交付)"
                              r"[^，,。；;：:！？!?\n]{0,20}?的")
