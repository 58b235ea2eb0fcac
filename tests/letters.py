"""A small reply letter with exactly three targets (one baseline, two commitments), written by tests."""

from __future__ import annotations

from pathlib import Path

SMALL_LETTER = """常州市交通运输局文件

常交复〔2022〕第12号

关于对常州市十六届人大六次会议代表建议第045号的答复

王芳代表：

您提出的关于加快充电桩建设的建议收悉。现答复如下：

目前全市已建成公共充电桩3200个。2022年新建公共充电桩1500个，到2025年底全市公共充电桩累计超过1万个。

签发人：李明

经办人：张伟

联系电话：0519-85580000

2022年6月20日
"""

# (kind, indicator, value, unit) of the three targets, in the letter's order.
SMALL_LETTER_TARGETS = [("baseline", "建成公共充电桩数", 3200, "个"), ("commitment", "新建公共充电桩数", 1500, "个"),
                        ("commitment", "公共充电桩数", 1, "万个")]


def write_small_letter(folder: Path, name: str = "reply_charging.txt") -> Path:
    path = folder / name
    path.write_text(SMALL_LETTER, encoding="utf-8")
    return path
