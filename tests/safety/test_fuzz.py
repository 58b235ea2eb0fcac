"""Fuzzing (hypothesis): mutated letters through the readers and the extractor, mutated workbooks through the
ledger importer. Nothing may escape but the project's own error type (LedgerError): every other exception would
be a traceback for a user.

Mutations start from real seeds (letters as .txt, .md, .html, .docx and .pdf; hand-kept and exported ledgers):
byte flips, insertions, deletions, truncations and splices of the file, hostile tokens ("Infinity", 400 digits,
control characters, PDF and XML syntax) written into it, and the same inside one part of a .docx or .xlsx archive
(re-zipped, so that the damage reaches the XML parsers instead of stopping at the zip checksum).

The default run tries a few dozen cases of each. ``pytest -m slow tests/safety/test_fuzz.py -s`` runs the harness
(3 500 letters, 1 000 extractions of mutated text and 1 500 workbooks: 6 000 cases) and prints what it found;
``REPLY_LEDGER_FUZZ_SCALE`` multiplies those numbers.
"""

from __future__ import annotations

import io
import os
import tempfile
import traceback
import zipfile
from collections import Counter
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.errors import LedgerError
from desktop.core.extraction import extract_document, extract_text, read_bytes
from desktop.core.ledger_import import read_ledger
from tests.conftest import DEMO_DIR, REPO
from tests.documents import docx_file, pdf_with_text
from tests.ledger_workbooks import changzhou_ledger, cppcc_ledger, minimal_ledger

SCALE = float(os.environ.get("REPLY_LEDGER_FUZZ_SCALE", "1"))
TOKENS = [b"Infinity", b"-Infinity", b"NaN", b"1e999", b"9" * 400, b"0." + b"0" * 300 + b"1", "１２３４５６".encode(),
          "亿亿亿亿万".encode(), "十四五期末累计超过".encode(), b"\x00", b"\x1b[31m", "\u202e".encode(), b"\r",
          "２０２１年１３月４０日".encode(), "二〇二一年十三月".encode(), b"<w:p>", b"</w:t>", b"]]>", b"&amp;",
          b"&#0;",
          b"<!DOCTYPE x [<!ENTITY a 'aaaaaaaa'>]>", b"&a;", b"%PDF-1.7", b"PK\x03\x04", b"1 0 R", b"0 0 obj",
          b"endobj", b"stream\n", b"/Length 999999999", b"trailer << /Root 1 0 R >>", b"<c r=\"A1\" t=\"s\"><v>99999",
          b"<v>1E+308</v>", b"<v>-1E+400</v>", b"t=\"d\"", "第021号".encode(), "常工信复〔2021〕第39号".encode()]


# ----------------------------------------------------------------------------------------------- seeds
@cache
def letter_seeds() -> tuple[tuple[str, bytes], ...]:
    folder = Path(tempfile.mkdtemp(prefix="fuzz-seeds-"))
    letters = sorted((REPO / "tests" / "fixtures" / "letters").glob("*.txt"))[:4]
    texts = [path.read_text(encoding="utf-8") for path in letters]
    seeds = [(path.name, path.read_bytes()) for path in letters]
    seeds.append(("letter.md", ("---\ntitle: 答复\ndate: 2021-06-08\n---\n# 答复\n\n" + texts[0]).encode("utf-8")))
    seeds.append(("news.html", ("<html><head><title>常州日报</title><meta name='publisher' content='常州日报'>"
                                "</head><body>" + "".join(f"<p>{line}</p>" for line in texts[1].splitlines())
                                + "<table><tr><td>5G基站</td><td>11080个</td></tr></table></body></html>"
                                ).encode("utf-8")))
    seeds.append(("letter_gbk.txt", texts[2].encode("gb18030")))
    docx = docx_file(folder / "letter.docx", texts[0].splitlines()[:40], table=[["指标", "目标"], ["5G基站", "1万个"]],
                     title="答复")
    seeds.append(("letter.docx", docx.read_bytes()))
    seeds.append(("letter.pdf", pdf_with_text([line for line in texts[3].splitlines() if line.strip()][:30])))
    return tuple(seeds)


@cache
def ledger_seeds() -> tuple[tuple[str, bytes], ...]:
    folder = Path(tempfile.mkdtemp(prefix="fuzz-ledgers-"))
    seeds = [("changzhou.xlsx", changzhou_ledger(folder / "changzhou.xlsx").read_bytes()),
             ("cppcc.xlsx", cppcc_ledger(folder / "cppcc.xlsx").read_bytes()),
             ("minimal.xlsx", minimal_ledger(folder / "minimal.xlsx").read_bytes())]
    from db import Store
    from db.demo import create_demo
    from db.export import export_ledger

    with Store.open(folder / "demo.sqlite3") as store:
        create_demo(store, DEMO_DIR)
        seeds.append(("exported.xlsx", export_ledger(store, folder / "exported.xlsx").path.read_bytes()))
    return tuple(seeds)


# ----------------------------------------------------------------------------------------------- mutations
def _mutate_bytes(data: bytes, draw: Callable) -> bytes:
    kind = draw(st.sampled_from(["flip", "insert", "delete", "truncate", "splice", "token", "token", "repeat"]))
    if not data:
        return draw(st.binary(max_size=64))
    at = draw(st.integers(0, len(data) - 1))
    if kind == "flip":
        count = draw(st.integers(1, 16))
        out = bytearray(data)
        for offset in range(count):
            out[(at + offset * 97) % len(out)] ^= draw(st.integers(1, 255))
        return bytes(out)
    if kind == "insert":
        return data[:at] + draw(st.binary(min_size=1, max_size=64)) + data[at:]
    if kind == "delete":
        return data[:at] + data[at + draw(st.integers(1, 512)):]
    if kind == "truncate":
        return data[:at]
    if kind == "splice":
        other = draw(st.integers(0, len(data) - 1))
        return data[:at] + data[other:other + draw(st.integers(1, 2048))] + data[at:]
    if kind == "repeat":
        return data[:at] + data[at:at + draw(st.integers(1, 200))] * draw(st.integers(2, 50)) + data[at:]
    return data[:at] + draw(st.sampled_from(TOKENS)) + data[at:]


def _mutate_archive_part(data: bytes, draw: Callable) -> bytes:
    """Damage one part inside a zip archive and pack it again with valid checksums."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = [(item.filename, archive.read(item)) for item in archive.infolist()]
    except Exception:  # an earlier mutation broke the archive itself (zlib, CRC, headers): damage its bytes
        return _mutate_bytes(data, draw)
    xml_parts = [index for index, (name, _) in enumerate(parts) if name.endswith((".xml", ".rels"))]
    if not xml_parts:
        return _mutate_bytes(data, draw)
    index = draw(st.sampled_from(xml_parts))
    name, body = parts[index]
    parts[index] = (name, _mutate_bytes(body, draw))
    if draw(st.booleans()) and len(parts) > 1:  # sometimes a part is missing altogether
        parts.pop(draw(st.integers(0, len(parts) - 1)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for part_name, part_body in parts:
            archive.writestr(part_name, part_body)
    return out.getvalue()


@st.composite
def mutated_files(draw: Callable, seeds: Callable[[], tuple[tuple[str, bytes], ...]]) -> tuple[str, bytes]:
    name, data = draw(st.sampled_from(seeds()))
    for _ in range(draw(st.integers(1, 3))):
        is_archive = data.startswith(b"PK\x03\x04")
        data = _mutate_archive_part(data, draw) if is_archive and draw(st.booleans()) else _mutate_bytes(data, draw)
    return name, data


# ----------------------------------------------------------------------------------------------- the checks
class Findings:
    """Exceptions that escaped, by type and the place they were raised."""

    def __init__(self) -> None:
        self.cases = 0
        self.escaped: Counter = Counter()
        self.examples: dict[str, str] = {}

    def run(self, label: str, action: Callable[[], object]) -> None:
        self.cases += 1
        try:
            action()
        except LedgerError:
            pass
        except Exception as error:  # what the harness looks for
            frame = traceback.extract_tb(error.__traceback__)[-1]
            key = f"{type(error).__name__} at {Path(frame.filename).name}:{frame.lineno}"
            self.escaped[key] += 1
            self.examples.setdefault(key, f"{label}: {error!r}"[:300])

    def report(self, title: str) -> str:
        lines = [f"{title}: {self.cases} cases, {sum(self.escaped.values())} escaped"]
        lines += [f"  {count} × {key} (e.g. {self.examples[key]})" for key, count in self.escaped.most_common()]
        return "\n".join(lines)


def _read_and_extract(name: str, data: bytes) -> None:
    document = read_bytes(data, name)
    extract_document(document)


def _read_workbook(folder: Path, name: str, data: bytes) -> None:
    path = folder / name
    path.write_bytes(data)
    read_ledger(path)


def _fuzz_letters(examples: int, findings: Findings) -> None:
    @settings(max_examples=examples, deadline=None, database=None, derandomize=examples < 200,
              suppress_health_check=list(HealthCheck))
    @given(mutated_files(letter_seeds))
    def fuzz(case: tuple[str, bytes]) -> None:
        findings.run(case[0], lambda: _read_and_extract(*case))

    fuzz()


def _fuzz_text(examples: int, findings: Findings) -> None:
    texts = [data.decode("utf-8", "replace") for name, data in letter_seeds() if name.endswith(".txt")]

    @settings(max_examples=examples, deadline=None, database=None, derandomize=examples < 200,
              suppress_health_check=list(HealthCheck))
    @given(st.sampled_from(texts), st.lists(st.tuples(st.integers(0, 4000), st.one_of(
        st.sampled_from([t.decode("utf-8", "replace") for t in TOKENS]), st.text(max_size=30))), max_size=6))
    def fuzz(text: str, inserts: list[tuple[int, str]]) -> None:
        for at, token in inserts:
            at = at % (len(text) + 1)
            text = text[:at] + token + text[at:]
        findings.run("text", lambda: extract_text(text))

    fuzz()


def _fuzz_ledgers(examples: int, findings: Findings, folder: Path) -> None:
    @settings(max_examples=examples, deadline=None, database=None, derandomize=examples < 200,
              suppress_health_check=list(HealthCheck))
    @given(mutated_files(ledger_seeds))
    def fuzz(case: tuple[str, bytes]) -> None:
        findings.run(case[0], lambda: _read_workbook(folder, *case))

    fuzz()


# ----------------------------------------------------------------------------------------------- default run
def test_mutated_letters_give_only_ledger_errors() -> None:
    findings = Findings()
    _fuzz_letters(60, findings)
    _fuzz_text(30, findings)
    assert findings.cases >= 90
    assert not findings.escaped, findings.report("letters")


def test_mutated_workbooks_give_only_ledger_errors(tmp_path: Path) -> None:
    findings = Findings()
    _fuzz_ledgers(40, findings, tmp_path)
    assert findings.cases >= 40
    assert not findings.escaped, findings.report("workbooks")


# ----------------------------------------------------------------------------------------------- the harness
@pytest.mark.slow
def test_fuzz_harness(tmp_path: Path) -> None:
    letters, text, workbooks = Findings(), Findings(), Findings()
    _fuzz_letters(int(3500 * SCALE), letters)
    _fuzz_text(int(1000 * SCALE), text)
    _fuzz_ledgers(int(1500 * SCALE), workbooks, tmp_path)
    total = letters.cases + text.cases + workbooks.cases
    print("\n" + "\n".join([letters.report("letters (readers and extractor)"), text.report("extractor on text"),
                            workbooks.report("workbooks (ledger importer)"), f"total: {total} cases"]))
    assert total >= 5000 * SCALE
    assert not letters.escaped and not text.escaped and not workbooks.escaped
