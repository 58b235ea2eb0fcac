"""One target or baseline found in a text, with the fields of GUIDELINES §2."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any


@dataclass
class ExtractedTarget:
    """One target or baseline, with the fields of GUIDELINES §2 plus its place and a confidence.

    ``start``/``end`` are offsets of ``quote`` in the text given to the extractor; ``confidence`` is between 0
    and 1 (low values mark guesses a clerk should check first).
    """

    quote: str
    indicator: str
    comparator: str
    value: float | int | None
    unit: str | None
    value_normalized: float | int | None
    unit_normalized: str | None
    deadline: dt.date | None
    deadline_text: str | None
    cumulative: bool | None
    kind: str
    start: int
    end: int
    confidence: float
    value_high: float | int | None = None
    value_high_normalized: float | int | None = None
    sentence_start: int = 0
    sentence_end: int = 0
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The target in the layout of GUIDELINES §2, plus start, end and confidence."""
        data = {
            "quote": self.quote, "indicator": self.indicator, "comparator": self.comparator, "value": self.value,
            "value_high": self.value_high, "unit": self.unit, "value_normalized": self.value_normalized,
            "unit_normalized": self.unit_normalized,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "deadline_text": self.deadline_text, "cumulative": self.cumulative, "kind": self.kind,
            "start": self.start, "end": self.end, "confidence": round(self.confidence, 2),
        }
        if self.note:
            data["note"] = self.note
        return data

