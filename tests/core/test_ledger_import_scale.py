"""Reading a large ledger stays linear and cheap per row: checked by the work done per row, not by a clock."""

from __future__ import annotations

import difflib
import random
from pathlib import Path

import pytest

from desktop.core.ledger_import import read_ledger, vocabulary
from desktop.core.ledger_import.values import clean_header
from tests.ledger_workbooks import numbered_office_ledger


def reference_match_header(header: str, max_chars: int = 60) -> tuple[str, str] | None:
    """match_header as first written, every comparison through a difflib matcher: the results must not change."""
    cleaned = clean_header(header)
    if not cleaned or len(cleaned) > max_chars:
        return None
    if cleaned in vocabulary._EXACT:
        return vocabulary._EXACT[cleaned], "exact"
    best = None
    for key, synonym in vocabulary._SYNONYMS:
        if len(synonym) >= 2 and (synonym in cleaned or (len(cleaned) >= 2 and cleaned in synonym)):
            score = 0.7 + 0.3 * min(len(synonym), len(cleaned)) / max(len(synonym), len(cleaned))
        else:
            matcher = difflib.SequenceMatcher(None, cleaned, synonym)
            if matcher.real_quick_ratio() < 0.75 or matcher.quick_ratio() < 0.75:
                continue
            score = matcher.ratio()
        if score >= 0.75 and (best is None or score > best[0]):
            best = (score, key)
    return (best[1], "near") if best else None


def test_match_header_finds_what_difflib_alone_finds() -> None:
    names = [synonym for _, synonym in vocabulary._SYNONYMS]
    headers = [variant for name in names
               for variant in (name, name + "名称", "*" + name, name[:-1], name[1:], name + "1")]
    rng = random.Random(14)
    alphabet = "".join(sorted(set("".join(names)))) + "0123456789abc的了天气"
    headers += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 9))) for _ in range(3000)]
    headers += ["第0001号", "关于推进第12项工作的建议", "常工信复〔2021〕第39号", "12", "", "2021年底"]
    for header in headers:
        assert vocabulary.match_header.__wrapped__(header) == reference_match_header(header), header


def test_reading_more_rows_builds_no_more_text_matchers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built = []

    class CountedMatcher(difflib.SequenceMatcher):
        def __init__(self, *args: object, **kwargs: object) -> None:
            built.append(1)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(difflib, "SequenceMatcher", CountedMatcher)
    counts = []
    for rows in (20, 80):
        vocabulary.match_header.cache_clear()
        built.clear()
        plan = read_ledger(numbered_office_ledger(tmp_path / f"ledger{rows}.xlsx", rows))
        assert len(plan.rows) == rows and not plan.problems
        counts.append(len(built))
    # Matchers are built for the header row only: a data row's cells never reach difflib.
    assert counts[0] == counts[1]


@pytest.mark.parametrize("prefixed", [False, True])
def test_the_row_limit_counts_rows_with_and_without_a_namespace_prefix(tmp_path: Path, prefixed: bool) -> None:
    """Rows written as <row> take the quick count, rows written as <x:row> the general one: both meet the limit."""
    import re
    import zipfile

    from desktop.core.errors import LedgerError
    from desktop.core.ledger_import import ReadLimits
    from desktop.core.ledger_import.workbooks import read_workbook

    source = numbered_office_ledger(tmp_path / "plain.xlsx", 30)
    path = tmp_path / "ledger.xlsx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in original.infolist():
            data = original.read(info)
            if prefixed and info.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb"<(/?)row\b", rb"<\1x:row", data)
                data = data.replace(b"<worksheet ", b'<worksheet xmlns:x="http://schemas.openxmlformats.org/'
                                    b'spreadsheetml/2006/main" ', 1)
            copy.writestr(info, data)
    assert (b"<x:row" in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")) == prefixed
    with pytest.raises(LedgerError) as too_long:
        read_workbook(path, limits=ReadLimits(rows=31))  # a title row, a header row and 30 rows: 32
    assert too_long.value.code == "ledger_too_large" and "more than the limit of 31 rows" in too_long.value.message
    if not prefixed:
        assert len(read_workbook(path, limits=ReadLimits(rows=32)).sheets[0].rows) == 32
