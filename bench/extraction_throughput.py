"""Extraction throughput: letters per second over the annotated sample letters.

Run from the repository root: ``python bench/extraction_throughput.py [--rounds N] [--folder DIR]``. The letters
are read once (reading is not measured); each round extracts the header and targets of every letter.
``--folder tests/fixtures/letters_heldout`` measures the held-out letters instead of the samples.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.core.extraction import extract_letter, read_document  # noqa: E402

LETTERS = ROOT / "tests" / "fixtures" / "letters"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--folder", type=Path, default=LETTERS, help="folder of .txt letters (default: samples)")
    args = parser.parse_args()
    texts = [read_document(path).text for path in sorted(args.folder.glob("*.txt"))]
    chars = sum(len(text) for text in texts)
    for text in texts:  # warm up: imports, regular expressions, numeral cache
        extract_letter(text)
    started = time.perf_counter()
    for _ in range(args.rounds):
        for text in texts:
            extract_letter(text)
    elapsed = time.perf_counter() - started
    letters = args.rounds * len(texts)
    print(f"{letters} letters ({len(texts)} distinct, {chars} characters in all) in {elapsed:.2f} s: "
          f"{letters / elapsed:.0f} letters/s, {args.rounds * chars / elapsed / 1000:.0f} k characters/s")


if __name__ == "__main__":
    main()
