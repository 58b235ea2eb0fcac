"""Extraction throughput: letters per second over the annotated sample letters.

Run from the repository root: ``python bench/extraction_throughput.py [--rounds N] [--folder DIR]``. The letters
are read once (reading is not measured); each round extracts the header and targets of every letter.
``--folder tests/fixtures/letters_heldout`` measures the held-out letters instead of the samples.

``--against REF`` compares with the extractor of another commit (``--against main``): that commit's ``desktop``
package is exported to a temporary folder, and the two extractors are measured alternately, each in a fresh
process, ``--runs`` times; the medians and their ratio are printed. On a shared, loaded machine only the ratio
measured this way means much.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LETTERS = ROOT / "tests" / "fixtures" / "letters"


def measure(folder: Path, rounds: int) -> dict[str, float]:
    """Letters per second of the extractor importable from ``sys.path`` (imported here, not at module level, so
    that ``--root`` can point at another version)."""
    from desktop.core.extraction import extract_letter, read_document

    texts = [read_document(path).text for path in sorted(folder.glob("*.txt"))]
    chars = sum(len(text) for text in texts)
    for text in texts:  # warm up: imports, regular expressions, numeral cache
        extract_letter(text)
    started, cpu_started = time.perf_counter(), time.process_time()
    for _ in range(rounds):
        for text in texts:
            extract_letter(text)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    letters = rounds * len(texts)
    return {"letters": letters, "distinct": len(texts), "chars": chars, "seconds": elapsed, "cpu_seconds": cpu,
            "letters_per_s": letters / elapsed, "letters_per_cpu_s": letters / cpu,
            "chars_per_s": rounds * chars / elapsed}


def _run_child(root: Path, folder: Path, rounds: int) -> dict[str, float]:
    command = [sys.executable, str(Path(__file__).resolve()), "--root", str(root), "--folder", str(folder),
               "--rounds", str(rounds), "--json"]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def _export(ref: str, into: Path) -> Path:
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", ref, "desktop"],
                             capture_output=True, check=True).stdout
    tar_path = into / "ref.tar"
    tar_path.write_bytes(archive)
    with tarfile.open(tar_path) as tar:
        tar.extractall(into, filter="data")
    return into


def compare(ref: str, folder: Path, rounds: int, runs: int) -> None:
    with tempfile.TemporaryDirectory(prefix="extraction-bench-") as tmp:
        old_root = _export(ref, Path(tmp))
        old, new = [], []
        for _ in range(runs):
            old.append(_run_child(old_root, folder, rounds))
            new.append(_run_child(ROOT, folder, rounds))
    # CPU time of the measuring process is less disturbed by other work on a shared machine than wall time.
    for key, label in (("letters_per_s", "letters/s (wall)"), ("letters_per_cpu_s", "letters per CPU second")):
        old_values, new_values = [r[key] for r in old], [r[key] for r in new]
        old_median, new_median = statistics.median(old_values), statistics.median(new_values)
        print(f"{label}: {ref} {', '.join(f'{v:.0f}' for v in old_values)} (median {old_median:.0f}); "
              f"this tree {', '.join(f'{v:.0f}' for v in new_values)} (median {new_median:.0f}); "
              f"ratio {new_median / old_median:.2f}")
    print(f"runs alternated, {runs} of each, {old[0]['letters']} letters a run")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--folder", type=Path, default=LETTERS, help="folder of .txt letters (default: samples)")
    parser.add_argument("--against", metavar="REF", help="compare with the extractor of this git commit or branch")
    parser.add_argument("--runs", type=int, default=5, help="alternating runs of each extractor with --against")
    parser.add_argument("--root", type=Path, help=argparse.SUPPRESS)  # the tree to import (used by --against)
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    folder = args.folder.resolve()
    if args.against:
        compare(args.against, folder, args.rounds, args.runs)
        return
    sys.path.insert(0, str((args.root or ROOT).resolve()))
    result = measure(folder, args.rounds)
    if args.json:
        print(json.dumps(result))
        return
    print(f"{result['letters']} letters ({result['distinct']} distinct, {result['chars']} characters in all) in "
          f"{result['seconds']:.2f} s: {result['letters_per_s']:.0f} letters/s, "
          f"{result['chars_per_s'] / 1000:.0f} k characters/s ({result['letters_per_cpu_s']:.0f} per CPU second)")


if __name__ == "__main__":
    main()
