"""The header and footer of a reply letter: document number, issuer, the proposal answered, addressee, date,
signer, handler, phone, copy list and result class, following GUIDELINES §2.

:func:`parse_header` also says where the letter's body lies (after the salutation, before the signature
block), so that targets are only looked for in the body.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from desktop.core.docnumber import parse_doc_number
from desktop.core.errors import ValidationError
from desktop.core.extraction.lines import ADDRESSEE_END, Line, letter_lines
from desktop.core.extraction.numbers import fold
from desktop.core.validation import parse_date

PROPOSAL_TYPES = ("建议", "提案", "议案")


@dataclass
class LetterHeader:
    """Header fields of a reply letter; every field is None when the letter does not state it."""

    doc_number: str | None = None
    doc_number_normalized: str | None = None
    issuer: str | None = None
    session: str | None = None
    number: str | None = None
    proposal_type: str | None = None
    addressee: str | None = None
    date: dt.date | None = None
    signer: str | None = None
    handler: str | None = None
    phone: str | None = None
    cc: str | None = None
    classification: str | None = None
    title: str | None = None
    proposal_title: str | None = None
    body_start: int = 0
    body_end: int = 0
    salutation_found: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def is_letter(self) -> bool:
        """True when the text reads as a reply letter (a salutation, or a document number or a reply title)."""
        has_ref = bool(self.session or self.number)
        return self.salutation_found or bool(self.doc_number and (has_ref or self.title)) or \
            bool(self.title and has_ref)

    def to_dict(self) -> dict[str, Any]:
        """The header in the layout of GUIDELINES §2."""
        return {
            "doc_number": self.doc_number,
            "doc_number_normalized": self.doc_number_normalized,
            "issuer": self.issuer,
            "proposal_ref": {"session": self.session, "number": self.number, "type": self.proposal_type},
            "addressee": self.addressee,
            "date": self.date.isoformat() if self.date else None,
            "signer": self.signer,
            "handler": self.handler,
            "phone": self.phone,
            "cc": self.cc,
            "classification": self.classification,
        }


_ORG_SUFFIX = (r"(?:人民政府|管理委员会|委员会|管委会|办公室|办事处|街道办事处|分局|支队|大队|检察院|法院|医院|大学|"
               r"局|委|办|政府|中心|公司|集团|院|厅|部|所|署|队|馆|社|校|处|站)")
_ORG = re.compile(rf"^[\u4e00-\u9fff（）()]{{2,30}}?{_ORG_SUFFIX}$")
# A name of two to four characters; two-character names are often padded with a space to line up with longer
# ones ('罗 婷'), and the space is not part of the name.
_CJK_NAME = r"(?:[\u4e00-\u9fff·]{2,4}|[\u4e00-\u9fff][ \t\u3000\xa0]{1,3}[\u4e00-\u9fff](?![\u4e00-\u9fff]))"
_LABELS = ("签发人", "签发领导", "领导签发", "审签", "经办人", "承办人", "联系人", "联系电话", "电话", "手机", "抄送",
           "承办负责人", "联系单位", "承办单位", "办理单位", "主办单位", "分管领导", "单位负责人", "日期", "邮编",
           "地址", "传真", "附件", "主题词", "印发", "公开", "办理结果", "办复类别", "答复类别")
# A salutation: '魏农代表：', '尊敬的马青、周丽等委员:', also inside a table cell ('| 王强代表： |'); a list of up to
# about a hundred characters of names.
_SALUTATION = re.compile(r"^[\s|｜]*(?:尊敬的|尊敬)?\s*(?P<who>[^\s:：,，。；;|｜]{1,110}?" + ADDRESSEE_END +
                         r")\s*[:：]")
# A salutation on a line of its own without its colon ('钟梅代表', '尊敬的幸世高代表'); it counts only when the
# body follows ('提出的…', '您提出的…', '收到…').
_BARE_SALUTATION = re.compile(r"^[\s|｜]*(?:尊敬的|尊敬)?\s*(?P<who>[^\s:：,，。；;!！|｜《》“”]{1,110}?" +
                              ADDRESSEE_END + r")[\s|｜]*$")
_BODY_OPENING = re.compile(r"^\s*(?:您们?|你们?|贵|各位)?(?:提出|提交|所提|领衔|收到|关于|在)")
# The ordinals may be lost in a garbled copy ('第届…第次会议'); the session is then kept as written.
_ORDINAL = r"(?:第[一二三四五六七八九十\d]{0,3}|[一二三四五六七八九十]{1,3})"
_SESSION = re.compile(
    r"(?P<session>(?P<place>[\u4e00-\u9fff]{0,10}?)(?:(?:人大|政协|人民代表大会)(?:常委会)?)?\s*" + _ORDINAL +
    r"\s*届\s*(?:(?:人大|政协|人民代表大会|全国委员会|委员会)(?:常委会)?)?\s*" + _ORDINAL +
    r"\s*次\s*(?:全体)?\s*会议)")
# A session named by its committee only ('县政协第九届委员会第33号提案'), used when no full session is written.
_SESSION_COMMITTEE = re.compile(
    r"(?P<session>(?P<place>[\u4e00-\u9fff]{0,10}?)(?:人大|政协)(?:常委会)?\s*" + _ORDINAL +
    r"\s*届\s*(?:委员会|人民代表大会))(?=\s*第?\s*\d)")
_SESSION_STOP = ("关于对", "关于", "答复", "对于", "对", "在", "于", "的", "您", "你", "就", "向", "第")
# Proposal numbers have up to 16 digits where a system numbers them by date ('第202401230056号建议').
_PROPOSAL_NUMBER = re.compile(r"第\s*(?P<n>\d{1,16})\s*号|(?<![\d〔【\[(（])(?P<m>\d{1,16})\s*号\s*(?=建议|提案|议案)")
# The number as the body gives it: '(第49号提案)', '第49号提案', '《…》(第129号)'.
_BODY_NUMBER = re.compile(r"第\s*(?P<n>\d{1,16})\s*号\s*(?P<type>建议|提案|议案)|"
                          r"[》”\"][(（]\s*第\s*(?P<m>\d{1,16})\s*号\s*[)）]")
_DOC_NUMBER = re.compile(
    r"(?P<doc>(?P<code>[\u4e00-\u9fff]{2,12}?)\s*[〔【\[［(（]\s*(?:19|20)\d{2}\s*[〕】\]］)）]\s*第?\s*\d{1,6}\s*号)")
_DOC_NUMBER_BARE = re.compile(r"(?P<doc>(?P<code>[\u4e00-\u9fff]{2,12}?)\s*(?:19|20)\d{2}\s*第?\s*\d{1,6}\s*号)")
# Garbled forms: the year before the code ('[2016]洞政复函 3号'), a label between code and year ('建议字：〔2022〕6号'),
# the closing bracket and 号 lost ('X建函〔202315   签发人：…': the year has four digits, the serial the rest).
_DOC_NUMBER_YEAR_FIRST = re.compile(r"(?P<doc>[〔【\[［(（]\s*(?P<year>(?:19|20)\d{2})\s*[〕】\]］)）]\s*"
                                    r"(?P<code>[\u4e00-\u9fff]{2,12}?)\s*(?P<di>第)?\s*(?P<serial>\d{1,6})\s*号)")
_DOC_NUMBER_LABELLED = re.compile(r"(?P<doc>(?P<code>[\u4e00-\u9fff]{2,12}?)\s*[:：]\s*[〔【\[［(（]\s*"
                                  r"(?P<year>(?:19|20)\d{2})\s*[〕】\]］)）]\s*(?P<di>第)?\s*(?P<serial>\d{1,6})\s*号)")
_DOC_NUMBER_UNCLOSED = re.compile(r"(?P<doc>(?P<code>[\u4e00-\u9fff]{2,12}?)\s*[〔【\[［(（]\s*(?P<year>(?:19|20)\d{2})"
                                  r"(?P<serial>\d{1,4})(?!\d)\s*(?:[〕】\]］)）]\s*)?号?)")
# A year in Chinese digits may carry an Arabic or Latin zero ('二0一七年').
_CN_YEAR = r"[〇零○0OＯ一二三四五六七八九]{4}"
_DATE_LINE = re.compile(
    r"^[\s(（]*(?P<date>(?:19|20)\d{2}\s*[年\-/.．\s]\s*\d{1,2}\s*[月\-/.．\s]\s*\d{1,2}\s*[日号]?|"
    r"" + _CN_YEAR + r"\s*年\s*[一二三四五六七八九十]{1,3}\s*月\s*[一二三四五六七八九十]{1,3}\s*日)[\s)）]*$")
# A date line that lost its 年/月/日 ('2018717', '20221213').
_RUN_TOGETHER_DATE = re.compile(r"^[\s(（]*(?P<year>(?:19|20)\d{2})(?P<rest>\d{3,4})[\s)）]*$")
# Mobile numbers, numbers with an area code and local numbers; the digits may be grouped by a space or a hyphen
# (139 0731 2248, 028-8736 2145).
# (139 0731 2248, 028-8736 2145, 0739—7222109), a mobile number masked on a published page ('1*******466') and
# the six-digit local numbers of small towns.
_PHONE = re.compile(r"(?<![\d-])(?:1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}|1[\d*]{10}|"
                    r"\(?0\d{2,3}\)?[-\s—－]?(?:\d{7,8}|\d{3,4}[-\s]\d{4})(?:\s*转\s*\d{1,5})?|"
                    r"(?:[2-9]\d{5,7}|[2-9]\d{2,3}[-\s]\d{4})(?:\s*转\s*\d{1,5})?)(?![\d*])")
_CLASS_LABELED = re.compile(r"(?:办理结果|办复类别|答复类别|办理类别|结果类别|办复结果|答复结果|答复类型|办理类型|"
                            r"办复类型|类别|分类)\s*(?:[:：]|为|是)?\s*[(（]?\s*"
                            r"(?P<c>[ABCDＡＢＣＤ甲乙丙丁])(?![A-Za-z])\s*类?")
# 'B类', '(A类)', also glued to the document number ('…〔2022〕7号B类').
_CLASS_MARK = re.compile(r"(?:^|[\s(（号])(?P<c>[ABCDＡＢＣＤ甲乙丙])\s*类(?![别型])")
_CLASS_ALONE = re.compile(r"^\s*[(（]?\s*(?P<c>[ABCＡＢＣ])\s*[)）]?\s*$")
# A lone letter right after the document number ('某复〔2022〕3号 B').
_CLASS_AFTER_NUMBER = re.compile(r"\d\s*号\s*[(（]?\s*(?P<c>[ABCＡＢＣ])\s*[)）]?\s*$")
# A line that only states the result class, wherever it stands (some letters put it after the body).
_CLASS_LINE = re.compile(r"^\s*[(（]?\s*(?:办理结果|办复类别|答复类别|办理类别|办复结果|答复结果|答复类型|办理类型|"
                         r"办复类型)\s*(?:[:：]|为|是)\s*"
                         r"(?P<c>[ABCDＡＢＣＤ])\s*类?\s*[)）]?\s*[。.]?\s*$")


def _clean_name(raw: str) -> str | None:
    for label in _LABELS:
        at = raw.find(label)
        if at > 0:
            raw = raw[:at]
    raw = re.sub(r"[\s\u3000\xa0]+", "", raw.strip(" ：:，,。"))
    # '联系人:某县人民政府办公室 张某某': the office stands before the name.
    after_office = re.match(rf"^[\u4e00-\u9fff（）()]{{2,30}}?{_ORG_SUFFIX}(?P<name>[\u4e00-\u9fff]{{2,4}})$", raw)
    if len(raw) > 4 and after_office:
        raw = after_office.group("name")
    return raw if 2 <= len(raw) <= 4 or ("·" in raw and len(raw) <= 10) else None


def _label_name(lines: list[Line], pattern: re.Pattern[str]) -> str | None:
    for line in lines:
        match = pattern.search(line.text)
        if match:
            # The name runs to the next label, punctuation or wide gap ('黄志鹏联系电话：…' once spaces are closed).
            run = re.match(r"[\u4e00-\u9fff·]+(?:[ \u3000][\u4e00-\u9fff·]+)*", line.text[match.start("name"):])
            name = _clean_name(run.group(0) if run else match.group("name"))
            if name:
                return name
    return None


_SIGNER = re.compile(rf"(?:签发人|签发领导|领导签发|[\u4e00-\u9fff]{{0,6}}审签人?)\s*[:：]\s*(?P<name>{_CJK_NAME})")
# The signer named in running text: '本答复已经陈某某局长审签', '此复函经李明主任签发'.
_SIGNER_IN_TEXT = re.compile(r"(?:已经|已由|经|由)\s*(?P<name>[\u4e00-\u9fff]{2,4}?)\s*(?:副)?"
                             r"(?:局长|主任|书记|县长|市长|区长|镇长|乡长|部长|厅长|院长|处长|科长|站长|所长|社长|"
                             r"馆长|校长|理事长|总经理|同志)\s*(?:审签|签发)")
# The handler's label may have lost its first characters in a crawled copy ('人:黎翔' for '承办人:黎翔').
_HANDLER = re.compile(rf"(?:经办人|承办人|^\s*[(（]?人)(?:及(?:联系)?电话)?\s*[:：]\s*(?P<name>{_CJK_NAME})")
_CONTACT = re.compile(rf"联系人(?:及(?:联系)?(?:电话|方式))?\s*[:：]\s*(?P<name>{_CJK_NAME})")
_UNIT_LABEL = re.compile(r"(?:联系单位|承办单位|办理单位|主办单位|答复单位)(?:及(?:联系)?电话)?\s*[:：]\s*"
                         r"(?P<org>[\u4e00-\u9fff（）()]{2,30})")


def parse_header(text: str) -> LetterHeader:
    """Read the header and footer fields of a reply letter (see :class:`LetterHeader`)."""
    header = LetterHeader(body_end=len(text))
    lines = letter_lines(text)
    content = [i for i, line in enumerate(lines) if line.stripped]
    if not content:
        return header
    salutation = _salutation(header, lines, content)
    head_lines = [lines[i] for i in content if salutation is None or i < salutation]
    if salutation is None:
        head_lines = [lines[i] for i in content[:8]]
    footer_from = _footer_start(lines, content, salutation)
    foot_lines = [lines[i] for i in content if i >= footer_from]
    if salutation is not None:
        header.body_start = lines[salutation + 1].start if salutation + 1 < len(lines) else len(text)
    header.body_end = lines[footer_from].start if footer_from < len(lines) else len(text)
    if header.body_end < header.body_start:
        header.body_end = len(text)
    # Labels are often spaced out to line up ('签 发 人', '抄 送'); read labelled fields with those spaces closed.
    edge_lines = [Line(line.start, line.end, _despace(line.text)) for line in head_lines + foot_lines]

    _read_doc_number(header, head_lines, foot_lines)
    header.title = _title(head_lines, lines, content, salutation)
    _read_proposal(header, text, head_lines)
    header.signer = _label_name(edge_lines, _SIGNER) or _signer_in_text(lines[content[-1]].end, text, header)
    header.handler = _label_name(edge_lines, _HANDLER) or _label_name(edge_lines, _CONTACT)
    header.phone = _phone(edge_lines)
    header.cc = _cc(edge_lines)
    header.classification = _classification(edge_lines) or \
        _class_line([Line(line.start, line.end, _despace(line.text)) for line in lines])
    header.date = _letter_date(foot_lines) or (_letter_date(head_lines) if salutation is not None else None)
    header.issuer = _issuer(header, head_lines, foot_lines)
    return header


def _salutation(header: LetterHeader, lines: list[Line], content: list[int]) -> int | None:
    """Index of the salutation line in the first part of the letter (None when there is none); sets the
    addressee. A salutation without its colon counts when the next line opens the body."""
    limit = max(8, len(content) // 2)
    for position, i in enumerate(content[:limit]):
        line = fold(lines[i].text)
        match = _SALUTATION.match(line)
        if not (match and len(lines[i].stripped) <= 120):
            match = _BARE_SALUTATION.match(line)
            following = content[position + 1] if position + 1 < len(content) else None
            if not match or following is None or not _BODY_OPENING.match(lines[following].text):
                continue
        header.addressee = re.sub(r"^(尊敬的|尊敬)", "", match.group("who")).strip()
        header.salutation_found = True
        return i
    return None


def _signer_in_text(end: int, text: str, header: LetterHeader) -> str | None:
    """'此复函已经王某某局长审签': the signer named in a sentence near the end of the letter."""
    found = list(_SIGNER_IN_TEXT.finditer(text, max(header.body_start, end - 600), end))
    return found[-1].group("name") if found else None


def _despace(text: str) -> str:
    """The text with the spaces between two Chinese characters removed ('联 系 人：王 芳' → '联系人：王芳')."""
    return re.sub(r"(?<=[\u4e00-\u9fff])[ \t\u3000\xa0]{1,2}(?=[\u4e00-\u9fff])", "", text)


# Lines that anchor the closing block: the letter's date, the contact and copy lines.
_ANCHOR_LABELS = ("签发人", "签发领导", "领导签发", "经办人", "承办人", "联系人", "联系电话", "联系方式", "抄送",
                  "抄报")
_ANCHOR_SPAN = 12  # content lines from the end among which the anchor is looked for


def _footer_start(lines: list[Line], content: list[int], salutation: int | None) -> int:
    """Index of the first line of the closing block (signature, date, contacts, copy list).

    The block is anchored on its last date, contact or copy line near the end: every line after the anchor
    belongs to it (a legend of the result classes, '(依申请公开)', a truncated label), and the lines before it
    that look like a closing line do too.
    """
    first_body = (salutation + 1) if salutation is not None else 0
    tail = [i for i in content if i >= first_body][-_ANCHOR_SPAN:]
    anchor = next((i for i in reversed(tail) if _is_anchor(_despace(fold(lines[i].stripped)))), None)
    footer = len(lines) if anchor is None else anchor
    for i in reversed(content):
        if i < first_body:
            break
        if anchor is not None and i >= anchor:
            continue
        if not _footer_like(_despace(fold(lines[i].stripped))):
            break
        footer = i
    return footer


def _is_anchor(line: str) -> bool:
    if _DATE_LINE.match(line) or _RUN_TOGETHER_DATE.match(line) or _signed_date(line):
        return True
    return bool(re.match(r"^[(（]?\s*(?:" + "|".join(_ANCHOR_LABELS) + r")", line))


def _footer_like(line: str) -> bool:
    return bool(
        _is_anchor(line) or _ORG.match(line.replace(" ", "")) or len(line) <= 4
        or re.match(r"^[-—_=*]{3,}$", line)
        or any(line.startswith(label) or f"{label}:" in line or f"{label}：" in line for label in _LABELS)
        or (re.match(r"^[(（]?\s*[\u4e00-\u9fff]{1,6}\s*[:：]", line) and len(line) <= 40)  # '主要领导:潘鑫'
        or re.match(r"^[(（]?此件", line)
        or re.match(r"^[(（]?\s*(?:注|备注|说明)\s*[:：]", line)  # a note on the classes or the reply
        or re.match(r"^[(（]?\s*(?:依申请公开|主动公开|不予公开|同意公开|不公开|公开方式)", line)
        or (re.search(r"[ABCD甲乙丙]\s*类\s*[—\-－:：、]", line) and len(line) <= 40)  # 'A类——已解决'
    )


def _signed_date(line: str) -> bool:
    """'瑞安滨海新区开发建设管理委员会 2024年7月16日': the office and the date on one line."""
    match = re.match(r"^(?P<org>.{2,30}?)\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$", line)
    return bool(match and _ORG.match(match.group("org").replace(" ", "")))


def _run_together_date(line: str) -> dt.date | None:
    """'2018717' → 2018-07-17: a date line that lost its 年/月/日, read only when one split gives a real date."""
    match = _RUN_TOGETHER_DATE.match(line)
    if not match:
        return None
    year, rest = int(match.group("year")), match.group("rest")
    readings = set()
    for cut in (1, 2):
        month, day = rest[:cut], rest[cut:]
        if not (1 <= len(day) <= 2) or (month.startswith("0") and len(month) == 1) or (day.startswith("0") and \
                len(day) == 1):
            continue
        try:
            readings.add(dt.date(year, int(month), int(day)))
        except ValueError:
            continue
    return readings.pop() if len(readings) == 1 else None


def _read_doc_number(header: LetterHeader, head_lines: list[Line], foot_lines: list[Line]) -> None:
    for line in head_lines + foot_lines:
        original = line.stripped
        folded = fold(original)  # full-width digits read as digits; offsets are kept
        if re.search(r"[《》]", folded) or (re.match(r"^.{0,3}[(（]", folded) and "号)" in folded):
            continue
        for pattern in (_DOC_NUMBER, _DOC_NUMBER_YEAR_FIRST, _DOC_NUMBER_LABELLED, _DOC_NUMBER_UNCLOSED,
                        _DOC_NUMBER_BARE):
            match = pattern.search(folded)
            if not match:
                continue
            doc = original[match.start("doc"):match.end("doc")]
            code = match.group("code")
            # A code never carries words of a sentence; cut anything before a label or a space.
            for stop in ("文件", "签发人", "：", ":"):
                if stop in code:
                    cut = code.rfind(stop) + len(stop)
                    doc = doc[doc.find(code) + cut:] if code in doc else doc
                    code = code[cut:]
            if (len(code) > 10 and pattern is _DOC_NUMBER_BARE) or re.search(r"电话|手机|传真|邮编|时间|日期", code):
                continue
            header.doc_number = doc.strip()
            if "year" in match.groupdict():
                # Garbled forms: rebuild the canonical 机关代字〔年份〕序号号 from the parts.
                di = "第" if match.groupdict().get("di") else ""
                header.doc_number_normalized = f"{code}〔{match.group('year')}〕{di}{match.group('serial')}号"
                return
            try:
                header.doc_number_normalized = parse_doc_number(fold(header.doc_number)).normalized
            except ValidationError:
                header.doc_number_normalized = None
            return


def _title_text(line: Line) -> str:
    """The title part of a head line: the longest cell of a table row ('名 称: | …的答复 | ||'), without a
    label before it and without a document number before a dash ('德教议复字〔2022〕25号——…')."""
    text = line.stripped
    if "|" in text or "｜" in text:
        text = max(re.split(r"[|｜]", text), key=len).strip()
    text = re.sub(r"^[\u4e00-\u9fff\s]{1,6}[:：]\s*(?=\S{12,})", "", text) if "关于" in text or "答复" in text else text
    return re.sub(r"^\S{2,20}?号\s*[—\-－]+\s*", "", text)


def _is_doc_number_line(text: str) -> bool:
    folded = fold(text)
    for pattern in (_DOC_NUMBER, _DOC_NUMBER_YEAR_FIRST, _DOC_NUMBER_BARE):
        match = pattern.search(folded)
        if match and len(re.findall(r"[\u4e00-\u9fff]", folded[:match.start()] + folded[match.end():])) < 6:
            return True
    return False


def _title(head_lines: list[Line], lines: list[Line], content: list[int], salutation: int | None) -> str | None:
    """The letter's title line(s): '关于…的答复', '对…第29号提案的 / 答复', '对X区第七届人民代表大会 / 第三次会议…'."""
    for index, line in enumerate(head_lines):
        text = _title_text(line)
        if re.match(r"^[\u4e00-\u9fff\s]{2,8}[:：]", text) or _is_doc_number_line(text):
            continue  # a labelled field ('答复类型：B类') or the document number, not the title
        if re.search(r"答\s*复|复\s*函|回\s*复|的函|办理情况", text) or \
                (re.search(r"(建议|提案|议案)", text) and re.search(r"关于|会议", text)):
            title = text
            following = head_lines[index + 1:index + 3]
            if not re.search(r"(答\s*复|复\s*函|函)\s*$", title):
                for nxt in following:
                    if re.fullmatch(r"[\u4e00-\u9fff\s]{1,12}", nxt.stripped) and \
                            re.search(r"答\s*复|复\s*函|函", nxt.stripped):
                        title += nxt.stripped
                        break
            # A title broken before its session's meeting: the line before opens it ('关于…', '对…').
            previous = head_lines[index - 1].stripped if index else ""
            if re.match(r"^\s*(?:第|\d)", title) and re.match(r"^(?:关于|对)", previous) and \
                    not re.search(r"答\s*复|复\s*函", previous):
                title = previous + title
            return re.sub(r"\s+", "", title) if re.search(r"[\u4e00-\u9fff]", title) else None
    return None


def _read_proposal(header: LetterHeader, text: str, head_lines: list[Line]) -> None:
    sources = []
    if header.title:
        sources.append(header.title)
    sources.extend(line.stripped for line in head_lines)
    sources.append("".join(line.stripped for line in head_lines))  # a title broken over lines
    body_head = text[header.body_start:header.body_start + 400]
    sources.append(body_head)
    for pattern in (_SESSION, _SESSION_COMMITTEE):
        for source in sources if pattern is _SESSION else sources[:-1]:
            source_folded = fold(source)
            match = pattern.search(source_folded)
            session = _session_text(source_folded, match) if match else None
            if session:
                header.session = session
                after = source_folded[match.end():match.end() + 24]
                number = _PROPOSAL_NUMBER.search(after)
                if number:
                    header.number = _number_text(number)
                break
        if header.session:
            break
    if header.number is None:
        for source in sources[:-1] or sources:
            number = _PROPOSAL_NUMBER.search(fold(source))
            if number and not re.search(r"[〔【\[]\s*\d{4}\s*[〕】\]]\s*第?\s*" + re.escape(number.group(0)),
                                        fold(source)):
                header.number = _number_text(number)
                break
    if header.number is None:
        header.number = _number_elsewhere(header, head_lines, body_head)
    header.proposal_type = _proposal_type(header, body_head)
    proposal_title = re.search(r"(?:提出的|提交的|所提)(?P<t>[^。！!\n]{4,90}?(?:建议|提案|议案|意见))", body_head)
    if proposal_title:
        title = proposal_title.group("t")
        inner = re.search(r"[《“\"](?P<inner>[^》”\"]{4,90})[》”\"]", title)
        if inner and re.search(r"建议|提案|议案|意见", inner.group("inner")):
            title = inner.group("inner")
        for opening, closing in (("《", "》"), ("“", "”")):
            if title.count(opening) > title.count(closing):
                title = title.rsplit(opening, 1)[1]
        header.proposal_title = title.strip("“”《》\" ")


def _number_elsewhere(header: LetterHeader, head_lines: list[Line], body_head: str) -> str | None:
    """The proposal number where the title gives none: in the body ('(第49号提案)收悉'), or alone on the line after
    the session in a block of metadata ('县人大十八届二次会议' / '16')."""
    number = _BODY_NUMBER.search(fold(body_head))
    if number:
        return f"第{number.group('n') or number.group('m')}号"
    if header.session:
        for line, following in itertools.pairwise(head_lines):
            if header.session in re.sub(r"\s+", "", fold(line.stripped)) and \
                    re.fullmatch(r"\d{1,16}", fold(following.stripped)):
                return f"第{fold(following.stripped)}号"
    return None


def _session_text(source: str, match: re.Match[str]) -> str | None:
    session = re.sub(r"\s+", "", match.group("session"))
    place = re.sub(r"\s+", "", match.group("place") or "")
    # Drop words of the sentence the session stands in ('关于对', '在', ...) from the place name.
    for stop in _SESSION_STOP:
        at = place.rfind(stop)
        if at >= 0:
            cut = at + len(stop)
            session = session[cut:]
            place = place[cut:]
    if place and not re.search(r"(省|市|县|区|州|旗|盟|镇|乡|人大|政协)$", place):
        session = session[len(place):]
    return session or None


def _number_text(match: re.Match[str]) -> str:
    digits = match.group("n") or match.group("m")
    return f"第{digits}号"


def _proposal_type(header: LetterHeader, body_head: str) -> str | None:
    title = header.title or ""
    if title:
        number_at = -1
        if header.number:
            digits = re.sub(r"\D", "", header.number)
            found = re.search(rf"{digits}\s*号", fold(title))
            number_at = found.end() if found else -1
        after = [m for m in re.finditer(r"建议|提案|议案", title) if m.start() >= number_at >= 0]
        if after:
            return after[0].group(0)
        anywhere = re.findall(r"建议|提案|议案", title)
        if anywhere:
            return anywhere[-1]
    numbered = _BODY_NUMBER.search(fold(body_head))
    if numbered and numbered.group("type"):
        return numbered.group("type")  # '(第49号提案)'
    acknowledged = re.search(r"(建议|提案|议案)[”\"》]?\s*(?:[(（][^()（）]{0,16}[)）])?\s*[,，]?\s*(?:已)?"
                             r"(?:收悉|交由|转交|交我|转来|交办)", body_head)
    if acknowledged:
        return acknowledged.group(1)
    if header.session:
        if "政协" in header.session:
            return "提案"
        if "人大" in header.session or "人民代表大会" in header.session:
            return "建议"
    return None


def _phone(lines: list[Line]) -> str | None:
    for line in lines:
        text = line.text
        if not re.search(r"电话|联系方式|手机|座机|[Tt]el", text):
            continue
        label = re.search(r"电话|联系方式|手机|座机|[Tt]el", text)
        match = _PHONE.search(fold(text), label.start() if label else 0)
        if match:
            return text[match.start():match.end()].strip()
    return None


def _cc(lines: list[Line]) -> str | None:
    for line in lines:
        match = re.search(r"抄\s*送\s*[:：]\s*(?P<cc>.+)$", line.text)
        if match:
            value = match.group("cc").strip().rstrip("。.").strip()
            return value or None
    return None


def _classification(lines: list[Line]) -> str | None:
    for line in lines:
        text = fold(line.stripped)
        if len(set(re.findall(r"([ABCD甲乙丙])\s*类", text))) >= 2 or \
                re.search(r"[ABCD甲乙丙]\s*类\s*(?:[—\-－:：、=]|为|是指|表示)", text):
            continue  # a legend explaining the classes ('A类——已解决'), not the class of this reply
        for pattern in (_CLASS_LABELED, _CLASS_MARK, _CLASS_ALONE, _CLASS_AFTER_NUMBER):
            match = pattern.search(text)
            if match:
                return match.group("c")
    return None


def _class_line(lines: list[Line]) -> str | None:
    for line in lines:
        match = _CLASS_LINE.match(line.text)
        if match:
            return fold(match.group("c"))
    return None


def _letter_date(lines: list[Line]) -> dt.date | None:
    for line in reversed(lines):
        text = fold(line.stripped)
        if re.search(r"发布|来源|浏览|点击|更新|访问|印发", text):
            continue
        candidate = text
        run_together = _run_together_date(candidate)
        if run_together:
            return run_together
        match = _DATE_LINE.match(candidate)
        if not match:
            tail = re.search(r"(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|"
                             r"" + _CN_YEAR + r"\s*年\s*[一二三四五六七八九十]{1,3}\s*月\s*"
                             r"[一二三四五六七八九十]{1,3}\s*日)[\s)）]*$", candidate)
            prefix = candidate[:tail.start()].strip(" ：:（(") if tail else ""
            if not tail or not (prefix == "" or _ORG.match(prefix.replace(" ", "")) or
                                re.search(r"(成文|落款|答复)?(日期|时间)$", prefix)):
                continue
            match = tail
        raw = re.sub(r"\s+", " ", match.group("date")).strip()
        parts = re.match(r"^(\d{4})\s*[年\-/.．\s]\s*(\d{1,2})\s*[月\-/.．\s]\s*(\d{1,2})\s*[日号]?$", raw)
        try:
            if parts:
                return dt.date(int(parts.group(1)), int(parts.group(2)), int(parts.group(3)))
            return parse_date(re.sub(r"[0OＯ](?=[〇零○0OＯ一二三四五六七八九]*年)", "〇", raw.replace(" ", "")))
        except (ValueError, ValidationError):
            continue
    return None


def _issuer(header: LetterHeader, head_lines: list[Line], foot_lines: list[Line]) -> str | None:
    # 1. The signature block: an organisation line in the closing block.
    for line in reversed(foot_lines):
        text = line.stripped
        if text.startswith(("抄送", "抄 送")):
            continue
        candidate = re.sub(r"\s*((?:19|20)\d{2}\s*年.*|[〇零○一二三四五六七八九]{4}\s*年.*)$", "", text)
        # 'X县教育局   联系电话：…': the office before a label on the same line.
        candidate = re.split(r"[ \t\u3000]{2,}(?=\S*[:：])", candidate)[0]
        candidate = candidate.replace(" ", "")
        if _ORG.match(candidate) and not any(label in candidate for label in _LABELS):
            return candidate
    # 2. A heading 'XX局文件' or a first line naming the office; 3. a title 'XX局关于…'.
    for line in head_lines:
        text = line.stripped.replace(" ", "")
        heading = re.match(r"^(?P<org>.{2,30}?)文件$", text)
        if heading and _ORG.match(heading.group("org")):
            return heading.group("org")
    if header.title:
        # 'XX局关于…', 'XX局对…的答复', '2023年度XX局关于…' (the year of the reply before the office).
        title = re.sub(r"^(?:19|20)\d{2}\s*年度?", "", header.title)
        before = re.match(r"^(?P<org>[\u4e00-\u9fff（）()]{2,30}?)(?:关于|对)", title)
        if before and _ORG.match(before.group("org")):
            return before.group("org")
    # 4. A labelled unit (联系单位, 承办单位).
    for line in head_lines + foot_lines:
        match = _UNIT_LABEL.search(line.text)
        if match:
            org = match.group("org")
            org_match = re.match(rf"^[\u4e00-\u9fff（）()]{{2,30}}?{_ORG_SUFFIX}", org)
            if org_match:
                return org_match.group(0)
    for line in head_lines[:3]:
        text = line.stripped.replace(" ", "")
        if _ORG.match(text):
            return text
    return None
