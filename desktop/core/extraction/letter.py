"""A reply letter as a whole: its header, and the targets of its body."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.errors import Cancelled
from desktop.core.extraction.header import LetterHeader, parse_header
from desktop.core.extraction.readers import Document, read_document
from desktop.core.extraction.targets import ExtractedTarget, extract_targets


@dataclass
class LetterExtraction:
    """What was found in one text: the header (all None for a text that is not a letter) and the targets."""

    header: LetterHeader
    targets: list[ExtractedTarget] = field(default_factory=list)
    reference_date: dt.date | None = None
    reference_guessed: bool = False  # the letter states no date: the reference is 1 January of a year it names

    @property
    def is_letter(self) -> bool:
        return self.header.is_letter

    def to_dict(self, file: str | None = None) -> dict[str, Any]:
        """The layout of GUIDELINES §2: {"file", "header", "targets"}."""
        data: dict[str, Any] = {}
        if file is not None:
            data["file"] = file
        data["header"] = self.header.to_dict()
        data["targets"] = [target.to_dict() for target in self.targets]
        return data


_ACKNOWLEDGEMENT = re.compile(r"收悉|答复如下|复函如下|回复如下|办理情况(?:报告|答复)如下|现将.{0,12}如下")


def _acknowledgements(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences that acknowledge the proposal ('您提出的关于…的建议收悉'): they quote its title, not targets."""
    spans = []
    for match in _ACKNOWLEDGEMENT.finditer(text, start, end):
        left = max(text.rfind(mark, start, match.start()) for mark in ("。", "\n", "！", "!"))
        left = start if left < start else left + 1
        right = min((p for p in (text.find(mark, match.end(), end) for mark in ("。", "\n", "：", ":"))
                     if p >= 0), default=end)
        spans.append((left, right))
    return spans


# How the proposal was handled: meetings with the deputy, consultations, visits. Their counts (召开协调会2次,
# 参会人员60余人) are process facts, not targets (GUIDELINES §3).
_HANDLING = re.compile(r"座谈会|协调会|专题会|推进会|办理会|见面会|交办会|督办会|沟通会|面商|会商|现场办公|实地调研|"
                       r"(?:调度|督办|跟踪|督促)[^，,。；;]{0,6}(?:办理|建议|提案)|办理进度|"
                       r"(?:走访|邀请|拜访|联系|约见)(?:了)?(?:提案人|建议人|代表|委员)|与(?:提案人|建议人|代表|委员)")


def _handling_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of the body that tell how the proposal was handled."""
    spans = []
    for match in _HANDLING.finditer(text, start, end):
        left = max(text.rfind(mark, start, match.start()) for mark in ("。", "\n", "！", "!", "；", ";"))
        left = start if left < start else left + 1
        right = min((p for p in (text.find(mark, match.end(), end) for mark in ("。", "\n", "！", "!", "；", ";"))
                     if p >= 0), default=end)
        spans.append((left, right))
    return spans


def reference_date_of(header: LetterHeader, letter_date: dt.date | None = None) -> dt.date | None:
    """The date targets are read against: the letter's date, else 1 January of the year the letter names for
    itself (:func:`guessed_year`)."""
    if letter_date:
        return letter_date
    if header.date:
        return header.date
    year = guessed_year(header)
    return dt.date(year, 1, 1) if year else None


def guessed_year(header: LetterHeader) -> int | None:
    """The year of a letter that states no date: that of its document number ('〔2023〕'), of its title
    ('关于2024年…第15号建议的答复', '2019年县人社局对…的函') or of a proposal number that starts with the year
    ('第202401230056号')."""
    if header.doc_number_normalized:
        year = re.search(r"〔(\d{4})〕", header.doc_number_normalized)
        if year:
            return int(year.group(1))
    title = re.search(r"(?<![\d〔【\[(（])((?:19|20)\d{2})\s*年", header.title or "")
    if title:
        return int(title.group(1))
    number = re.fullmatch(r"第((?:19|20)\d{2})(?:0[1-9]|1[0-2])\d{2,10}号", header.number or "")
    if number:
        return int(number.group(1))
    return None


# How much less sure a time-dependent target is when the letter's date was guessed from a year it names, or when
# no year is known at all.
_GUESSED_REFERENCE_DOUBT = 0.15
_NO_REFERENCE_DOUBT = 0.2


def _doubt_undated(targets: list[ExtractedTarget], reference: dt.date | None, guessed: bool) -> None:
    if reference is not None and not guessed:
        return
    doubt = _GUESSED_REFERENCE_DOUBT if reference is not None else _NO_REFERENCE_DOUBT
    for target in targets:
        if target.kind == "commitment" or target.deadline_text:
            target.confidence = round(max(0.1, target.confidence - doubt), 2)


def extract_letter(text: str, *, letter_date: dt.date | None = None) -> LetterExtraction:
    """Header and targets of a reply letter.

    Targets are looked for in the body (after the salutation, before the signature block), read against the
    letter's date (``letter_date`` when given, else the date in the letter, else its document number's year).
    A text that is not a letter (no salutation, document number or reply title) is read whole, like
    :func:`extract_text`.
    """
    header = parse_header(text)
    if not header.is_letter:
        return LetterExtraction(header=LetterHeader(body_end=len(text)),
                                targets=extract_targets(text, reference_date=letter_date),
                                reference_date=letter_date)
    reference = reference_date_of(header, letter_date)
    guessed = reference is not None and not letter_date and not header.date
    skip = _acknowledgements(text, header.body_start, header.body_end) + \
        _handling_sentences(text, header.body_start, header.body_end)
    targets = extract_targets(text, reference_date=reference, start=header.body_start, end=header.body_end,
                              skip=skip)
    _doubt_undated(targets, reference, guessed)
    return LetterExtraction(header=header, targets=targets, reference_date=reference, reference_guessed=guessed)


def extract_text(text: str, *, reference_date: dt.date | None = None) -> LetterExtraction:
    """Targets of any text (news article, bulletin, plan) read against ``reference_date``; no header."""
    return LetterExtraction(header=LetterHeader(body_end=len(text)),
                            targets=extract_targets(text, reference_date=reference_date),
                            reference_date=reference_date)


def extract_document(document: Document) -> LetterExtraction:
    """A letter's header and targets, or, for another document, its targets read against its own date."""
    extraction = extract_letter(document.text)
    if not extraction.is_letter and document.date:
        return extract_text(document.text, reference_date=document.date)
    return extraction


def extract_files(paths: Iterable[str | Path], *, progress: Callable[[int, int], None] | None = None,
                  is_cancelled: Callable[[], bool] | None = None) -> list[tuple[Document, LetterExtraction]]:
    """Read and extract several files, in order.

    Raises:
        LedgerError: a file cannot be read (nothing is returned then).
        Cancelled: ``is_cancelled()`` said so.
    """
    paths = list(paths)
    results = []
    for done, path in enumerate(paths):
        if is_cancelled and is_cancelled():
            raise Cancelled()
        document = read_document(path)
        results.append((document, extract_document(document)))
        if progress:
            progress(done + 1, len(paths))
    return results
