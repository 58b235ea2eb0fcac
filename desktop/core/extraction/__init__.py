"""Letter import and extraction: files in, header fields and measurable targets out. Pure Python, no Qt.

Public API (everything else in the package is internal)::

    read_document(path) -> Document
        Text and metadata of a .txt/.md/.html/.docx/.pdf file (Document.text, .title, .date, .url, .publisher,
        .sha256, .content). Raises LedgerError with one sentence naming the file when it cannot give text.

    extract_letter(text, *, letter_date=None) -> LetterExtraction
        LetterExtraction.header (LetterHeader: doc_number, issuer, session, number, proposal_type, addressee,
        date, signer, handler, phone, cc, classification, title, ...) and .targets (list of ExtractedTarget),
        read from the letter body against the letter's date. .is_letter says whether the text is a letter;
        .to_dict(file) gives the JSON layout of GUIDELINES.md.

    extract_targets(text, *, reference_date=None, start=0, end=None) -> list[ExtractedTarget]
        Targets and baselines of any text (a news article, a bulletin), read against ``reference_date``.
        ExtractedTarget has the GUIDELINES fields (quote, indicator, comparator, value, value_high, unit,
        value_normalized, unit_normalized, deadline, deadline_text, cumulative, kind) plus start/end offsets of
        the quote in ``text`` and a confidence in [0, 1]; .to_dict() gives its JSON form.

    extract_document(document) -> LetterExtraction
        extract_letter for a letter; for another document, its targets read against the document's own date.

    extract_files(paths, *, progress=None, is_cancelled=None) -> list[(Document, LetterExtraction)]
        The above for several files, with progress and cancel (raises Cancelled).

    find_quantities(text), find_time_expressions(text, reference) and parse_header(text) are the building
    blocks, exposed for the review screen (highlighting amounts and dates in a sentence).
"""

from desktop.core.extraction.header import LetterHeader, parse_header
from desktop.core.extraction.letter import (
    LetterExtraction,
    extract_document,
    extract_files,
    extract_letter,
    extract_text,
    reference_date_of,
)
from desktop.core.extraction.numbers import Quantity, find_quantities
from desktop.core.extraction.readers import Document, read_bytes, read_document
from desktop.core.extraction.targets import ExtractedTarget, extract_targets
from desktop.core.extraction.timeexpr import TimeExpression, find_time_expressions

__all__ = [
    "Document",
    "ExtractedTarget",
    "LetterExtraction",
    "LetterHeader",
    "Quantity",
    "TimeExpression",
    "extract_document",
    "extract_files",
    "extract_letter",
    "extract_targets",
    "extract_text",
    "find_quantities",
    "find_time_expressions",
    "parse_header",
    "read_bytes",
    "read_document",
    "reference_date_of",
]
