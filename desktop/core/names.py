"""Lists of names in one cell (units, proposers): split so that a name with 、 or brackets survives, and joined so
that it can be split back the same way."""

from __future__ import annotations

import re

_OPEN_BRACKETS = "（(【[〔《"
_CLOSE_BRACKETS = "）)】]〕》"


def split_names(text: str | None, *, slash: bool = True) -> list[str]:
    """Names in one cell: split at 、，,；; and line breaks, never inside brackets (市委宣传部（市新闻出版局、市版权局）
    is one unit). When the cell uses ；, ; or line breaks, only those separate, so a name with 、 survives (the
    audit workbook writes such lists with ；). ``slash`` also splits at / (proposers, not unit names)."""
    if not text:
        return []
    strong = re.search(r"[；;\n]", _outside_brackets(text))
    separators = "；;\n" if strong else ("、，,；;\n" + ("/／" if slash else ""))
    names, depth, current = [], 0, []
    for char in text:
        if char in _OPEN_BRACKETS:
            depth += 1
        elif char in _CLOSE_BRACKETS:
            depth = max(depth - 1, 0)
        if depth == 0 and char in separators:
            names.append("".join(current))
            current = []
        else:
            current.append(char)
    names.append("".join(current))
    parts = [piece for name in names for piece in re.split(r"\s{2,}", name)]
    return [name.strip() for name in parts if name.strip()]


def _outside_brackets(text: str) -> str:
    depth, kept = 0, []
    for char in text:
        if char in _OPEN_BRACKETS:
            depth += 1
        elif char in _CLOSE_BRACKETS:
            depth = max(depth - 1, 0)
        elif depth == 0:
            kept.append(char)
    return "".join(kept)


def join_names(names: list[str]) -> str:
    """Names for one cell: joined with 、, or with ； when a name has a 、 of its own outside brackets, so that
    :func:`split_names` gives them back unchanged."""
    separator = "；" if any(re.search(r"[、，,]", _outside_brackets(name)) for name in names) else "、"
    return separator.join(names)
