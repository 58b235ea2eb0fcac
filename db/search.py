"""Matching search terms against the full-text index (``search_index``), short terms included.

The index's trigram tokenizer finds terms of three or more characters. Most Chinese words have two, and a
trigram index cannot look those up directly; but since every entry ends with two spaces (schema 4), every
occurrence of a one- or two-character term is the start of some trigram of the index. :func:`match_clause` asks
the index's vocabulary (``search_vocab``, a range of its sorted terms) for the trigrams that start with the
short term and matches any of them, so that no search reads every entry.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from desktop.core.errors import LedgerError

if TYPE_CHECKING:
    from db.backends import Dialect

# Search index rowid = record id * 8 + kind code (see migration 0001).
SEARCH_KINDS = {1: "proposal", 2: "reply", 3: "commitment", 4: "target", 5: "source"}
SEARCH_CODES = {kind: code for code, kind in SEARCH_KINDS.items()}


@dataclasses.dataclass(frozen=True)
class SearchHit:
    """A record whose text contains the search terms, with a short excerpt around the first one."""

    kind: str
    id: int
    snippet: str


# A term that stands for more trigrams than this is matched by reading the entries (one character that starts
# thousands of different trigrams matches most of the ledger anyway); so are the short terms past this many
# trigrams in one search.
MAX_EXPANSION = 2000
MAX_TRIGRAMS = 5000
# SQLite builds one expression per term; past about a thousand it gives up ("Expression tree is too large").
MAX_SEARCH_TERMS = 64


def search_terms(text: str | None) -> list[str]:
    """The distinct whitespace-separated terms of a search text.

    Raises:
        LedgerError: more than :data:`MAX_SEARCH_TERMS` different words (``search_too_long``).
    """
    terms = list(dict.fromkeys(term for term in (text or "").split() if term))
    if len(terms) > MAX_SEARCH_TERMS:
        raise LedgerError(f"The search has {len(terms)} different words; search with at most {MAX_SEARCH_TERMS}.",
                          code="search_too_long", terms=len(terms), limit=MAX_SEARCH_TERMS)
    return terms


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def trigrams_starting_with(conn: sqlite3.Connection, prefix: str, limit: int = MAX_EXPANSION + 1) -> list[str]:
    """The trigrams of the index that start with ``prefix`` (one or two characters, folded to lower case as the
    index folds them), found by a range of the sorted vocabulary."""
    folded = prefix.lower()
    following = ord(folded[-1]) + 1
    if 0xD800 <= following < 0xE000:
        following = 0xE000  # surrogates are not characters: the next one after them
    upper = folded[:-1] + chr(following) if following <= 0x10FFFF else folded + "\U0010ffff"
    rows = conn.execute("SELECT term FROM search_vocab WHERE term >= ? AND term < ? LIMIT ?",
                        (folded, upper, int(limit))).fetchall()
    return [row[0] for row in rows if len(row[0]) == 3]


def match_clause(conn: sqlite3.Connection, terms: Sequence[str]) -> tuple[str, list[Any]]:
    """A WHERE clause over ``search_index`` matching entries that contain every term, with its parameters.

    User text is only ever bound as a parameter or quoted as an FTS string, so quotes, AND, NOT, parentheses and
    the like are searched for literally.
    """
    groups: list[str] = []
    scanned: list[str] = []
    trigrams = 0
    for term in terms:
        if len(term) >= 3:
            groups.append(_quoted(term))
            continue
        starting = trigrams_starting_with(conn, term)
        if not starting:
            return "0", []  # no entry contains the term
        if len(starting) > MAX_EXPANSION or trigrams + len(starting) > MAX_TRIGRAMS:
            scanned.append(term)
            continue
        trigrams += len(starting)
        groups.append("(" + " OR ".join(_quoted(trigram) for trigram in starting) + ")")
    clauses: list[str] = []
    params: list[Any] = []
    if groups:
        clauses.append("search_index MATCH ?")
        params.append(" AND ".join(groups))
    for term in scanned:
        clauses.append("instr(lower(body), lower(?)) > 0")
        params.append(term)
    return " AND ".join(clauses), params


def search_records(conn: Any, dialect: Dialect, text: str, kinds: Iterable[str] | None = None,
                   limit: int = 500) -> list[SearchHit]:
    """Records whose text contains every whitespace-separated term (Chinese substrings included).

    Every term goes through the backend's indexes, the short ones too (most Chinese words are two characters;
    see the module docstring and the dialects). User text is only ever bound as a parameter, so quotes, AND, NOT,
    parentheses, % and _ and the like are searched for literally.
    """
    terms = search_terms(text)
    if not terms:
        return []
    clause, params = dialect.search_clause(conn, terms)
    clauses: list[str] = [clause]
    if kinds is not None:
        codes = [SEARCH_CODES[kind] for kind in kinds]
        clauses.append(f"rowid % 8 IN ({', '.join('?' for _ in codes)})")
        params.extend(codes)
    order = dialect.search_order(clause)
    sql = f"SELECT rowid, body FROM search_index WHERE {' AND '.join(clauses)} ORDER BY {order} LIMIT ?"
    params.append(int(limit))
    hits = []
    for rowid, body in conn.execute(sql, params):
        hits.append(SearchHit(SEARCH_KINDS.get(rowid % 8, "?"), rowid // 8, _snippet(body, terms[0])))
    return hits


def _snippet(body: str, term: str, width: int = 40) -> str:
    at = body.lower().find(term.lower())
    if at < 0:
        return body[: width * 2].strip()
    start = max(0, at - width)
    return ("…" if start else "") + body[start: at + len(term) + width].strip() + "…"
