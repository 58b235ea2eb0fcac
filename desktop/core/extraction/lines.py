"""The lines of a letter as its parts stand, also when a stored copy ran them into one line.

Crawled letters often lose their line breaks: the title, the salutation, the body and the closing block
('签发人:…,承办人:…,联系电话:…', the office and its date) then stand on one long line. :func:`letter_lines`
splits such a line where a letter's parts meet — after a salutation at the start of the line or right after
the title, before the first label of the closing block, and before a closing office and date at its end — so
that the header reader sees the parts it knows. The text itself is never changed: a line is a span of it.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from desktop.core.extraction.numbers import fold

# What a salutation ends with: the addressee's role ('代表', '委员', '委员组'...).
ADDRESSEE_END = (r"(?:代表们|委员们|各位代表|各位委员|代表组|代表团|委员组|代表|委员|同志|先生|女士|主任|主席|老师|"
                 r"议员)")
_RUN_ON = 80  # a line longer than this may hold several parts of the letter
_SALUTATION_AT = re.compile(r"(?:^|(?<=[\s|｜])|(?<=答复|复函|的函|回复))[\s|｜]*(?:尊敬的)?"
                            r"[^\s:：,，。；;!！|｜《》“”()（）]{1,100}?" + ADDRESSEE_END + r"\s*[:：]")
_CLOSING_LABEL = re.compile(r"(?<=[。！!\s,，])[ \t\u3000]*(?=[(（]?(?:签发人|签发领导|领导签发|承办人|经办人|联系人|"
                            r"联系电话|抄送)\s*[:：])")
_CLOSING_DATE = re.compile(r"(?<=[。！!\s])[ \t\u3000]*(?=(?:[\u4e00-\u9fff（）()]{2,30}[ \t\u3000]*)?"
                           r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$)")


@dataclass
class Line:
    """A line of the letter: ``text`` is ``source[start:end]``."""

    start: int
    end: int
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()


def letter_lines(text: str) -> list[Line]:
    """The lines of ``text``, a run-on line split where the parts of a letter meet (see the module)."""
    lines: list[Line] = []
    at = 0
    for raw in text.split("\n"):
        for start, end in _parts(raw):
            lines.append(Line(at + start, at + end, raw[start:end]))
        at += len(raw) + 1
    return lines


def _parts(line: str) -> list[tuple[int, int]]:
    if len(line) <= _RUN_ON:
        return [(0, len(line))]
    folded = fold(line)
    breaks: list[int] = []
    salutation = _SALUTATION_AT.search(folded, 0, min(len(folded), 400))
    body_from = 0
    if salutation:
        lead = len(salutation.group(0)) - len(salutation.group(0).lstrip(" \t\u3000|｜"))
        if salutation.start() + lead > 0:
            breaks.append(salutation.start() + lead)
        breaks.append(salutation.end())
        body_from = salutation.end()
    # The closing block starts at its first label after the body, in the last part of the line.
    tail_from = max(body_from, len(folded) * 2 // 3 if len(folded) > 200 else body_from)
    label = _CLOSING_LABEL.search(folded, tail_from)
    if label and label.end() > body_from:
        breaks.append(label.end())
    date = _CLOSING_DATE.search(folded, max(body_from, (label.end() if label else body_from)))
    if date and date.end() > body_from:
        breaks.append(date.end())
    points = sorted({0, *breaks, len(line)})
    return [(a, b) for a, b in itertools.pairwise(points) if b > a]
