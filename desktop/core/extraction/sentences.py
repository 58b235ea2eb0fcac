"""Paragraphs, sentences and clauses of Chinese official text, and the spans whose numbers are not amounts."""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.extraction.timeexpr import TimeExpression

_OPEN = "“《（(「『【〔[\"‘"
_CLOSE = "”》）)」』】〕]\"’"
_SENTENCE_END = "。！？!?"
_CLAUSE_END = "，,；;：:"
_JOIN_MIN = 40


@dataclass
class Clause:
    start: int
    end: int
    text: str
    semicolon_before: bool


@dataclass
class Sentence:
    start: int
    end: int
    clauses: list[Clause]


def split_paragraphs(text: str, lo: int, hi: int) -> list[list[Sentence]]:
    """Paragraphs of sentences of clauses in text[lo:hi]. A line that stops mid-sentence (a page break of the
    original) continues on the next line."""
    paragraphs: list[list[Sentence]] = []
    current: list[Sentence] = []
    clauses: list[Clause] = []
    depth = 0
    clause_start = lo
    sentence_start = lo
    semicolon = False

    def close_clause(end: int) -> None:
        nonlocal clause_start, semicolon
        piece = text[clause_start:end]
        if piece.strip():
            clauses.append(Clause(clause_start, end, piece, semicolon))
        semicolon = False
        clause_start = end + 1

    def close_sentence(end: int) -> None:
        nonlocal sentence_start, clauses, depth
        close_clause(end)
        if clauses:
            current.append(Sentence(clauses[0].start, clauses[-1].end, clauses))
        clauses = []
        sentence_start = end + 1
        depth = 0

    i = lo
    while i < hi:
        ch = text[i]
        if ch in _OPEN and not (ch == '"' and depth):
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
        if ch == "\n":
            line_start = text.rfind("\n", lo, i) + 1
            prev_line = text[line_start:i].rstrip()
            nxt = i + 1
            while nxt < hi and text[nxt] in " \t\n\u3000":
                nxt += 1
            mid_sentence = (len(prev_line) >= _JOIN_MIN and prev_line[-1:] not in _SENTENCE_END + "：:;；”\"）)"
                            and nxt < hi and re.match(r"[\u4e00-\u9fff”》）)、，,]", text[nxt]))
            if not mid_sentence:
                close_sentence(i)
                if current:
                    paragraphs.append(current)
                current = []
                clause_start = i + 1
            i += 1
            continue
        if (ch in _SENTENCE_END or (ch == "." and _is_ascii_full_stop(text, i, hi))) and not depth:
            close_sentence(i)
        elif ch in _CLAUSE_END and not depth:
            if ch == "," and 0 < i < hi - 1 and text[i - 1].isdigit() and text[i + 1:i + 4].isdigit():
                i += 1
                continue
            close_clause(i)
            semicolon = ch in "；;"
        i += 1
    close_sentence(hi)
    if current:
        paragraphs.append(current)
    return paragraphs


def _is_ascii_full_stop(text: str, i: int, hi: int) -> bool:
    """An ASCII '.' used as a Chinese full stop ('增长12.3%.主要指标'), not a decimal point or part of a name."""
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < hi else "\n"
    if before.isascii() and before.isalnum() and after.isascii() and after.isalnum():
        return False  # 3.5, PM2.5, www.gov.cn
    return bool(re.match(r"[\u4e00-\u9fff%）)”》\]]", before)) and \
        bool(re.match(r"[\u4e00-\u9fff\s“《（(]", after))


def block_spans(folded: str, blocked: list[bool], times: list[TimeExpression]) -> None:
    def block(a: int, b: int) -> None:
        for k in range(max(0, a), min(len(blocked), b)):
            blocked[k] = True

    for match in re.finditer(r"《[^《》\n]{0,120}》", folded):
        block(match.start(), match.end())
    for match in re.finditer(r"[“\"]([^“”\"\n]{1,16})[”\"]", folded):
        block(match.start(), match.end())
    for match in re.finditer(r"[〔【\[［(（]\s*(?:19|20)\d{2}\s*[〕】\]］)）]\s*第?\s*\d+\s*号|第\s*\d+\s*[号次届期批]|"
                             r"[一二三四五六七八九十]{1,3}\s*届[\u4e00-\u9fff]{0,8}?[一二三四五六七八九十]{1,3}\s*次|"
                             r"\d{3,4}-\d{7,8}|1\d{2}-\d{4}-\d{4}|\d+\s*(?:号线|路公交|路车|国道|省道|县道|号楼|号院)",
                             folded):
        block(match.start(), match.end())
    for expression in times:
        block(expression.start, expression.end)



def quote_span(text: str, clause: Clause) -> tuple[int, int]:
    start, end = clause.start, clause.end
    while start < end and text[start] in " \t\n\u3000*#>-":
        start += 1
    while end > start and text[end - 1] in " \t\n\u3000":
        end -= 1
    return start, end

