"""`reply-ledger dossier`: one proposal's whole handling as a PDF (run as a process: it starts Qt's page layout)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pypdf

from db import Store
from desktop.core.records import Proposal
from tests.conftest import REPO


def _run(*args: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key != "DISPLAY"}  # no display: offscreen
    env.pop("QT_QPA_PLATFORM", None)
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True, cwd=REPO, env=env,
                          timeout=120)


def _text(path: Path) -> str:
    # Chinese fonts map some characters to their compatibility forms when text is extracted; the numbers do not.
    return "".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def test_dossier_command_writes_the_proposal_on_a4(demo_db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "dossier.pdf"
    result = _run("dossier", "--db", str(demo_db_path), "--proposal", "第021号", "--as-of", "2022-03-31", "-o",
                  str(out))
    assert result.returncode == 0, result.stderr
    reader = pypdf.PdfReader(out)
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (210, 297)  # A4
    text = _text(out)
    assert "第021号" in text and "2022-03-31" in text
    assert "11080" in text  # the evidence of the 2022-03-03 report
    assert "2021" in text and "39" in text  # the reply's document number


def test_dossier_command_finds_the_number_in_the_right_session(demo_db_path: Path, tmp_path: Path) -> None:
    with Store.open(demo_db_path) as store:
        store.save(Proposal(session="常州市十六届人大六次会议", number="第21号", title="另一件建议"))
    out = tmp_path / "d.pdf"
    ambiguous = _run("dossier", "--db", str(demo_db_path), "--proposal", "21", "-o", str(out))
    assert ambiguous.returncode == 2 and "name the session" in ambiguous.stderr and not out.exists()
    chosen = _run("dossier", "--db", str(demo_db_path), "--proposal", "21", "--session", "常州市十六届人大六次会议",
                  "-o", str(out))
    assert chosen.returncode == 0, chosen.stderr
    assert "第21号" in _text(out)
    missing = _run("dossier", "--db", str(demo_db_path), "--proposal", "第999号", "-o", str(out))
    assert missing.returncode == 2 and missing.stderr.startswith("error: No proposal numbered '第999号'")
