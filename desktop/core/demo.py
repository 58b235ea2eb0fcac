"""The demo story: 常工信复〔2021〕第39号, its promises, and what the 2022 news said about them.

Everything here was entered by hand from the documents in ``resources/demo`` (no extractor involved), and every
quote is checked against the letter text when the story is built, so the demo cannot drift from its sources.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.records import (
    Commitment,
    Evidence,
    Feedback,
    Proposal,
    Proposer,
    Reminder,
    Reply,
    SourceDocument,
    Target,
)
from desktop.core.units import normalize

LETTER_FILE = "reply_changgongxinfu_2021_39.md"
NEWS_0303_FILE = "news_2022-03-03_changzhou_digital_economy.md"
NEWS_0207_FILE = "news_2022-02-07_changzhou_532_strategy.md"
OTHER_CITY_FILES = ("report_2022-06-29_zhangjiagang_digital_economy.txt", "news_2022-02-07_nanchang_digital_economy.md")
DEMO_FILES = (LETTER_FILE, NEWS_0303_FILE, NEWS_0207_FILE)  # the files of resources/demo/ the story reads

OFFICE = "常州市工业和信息化局"
SESSION = "常州市十六届人大五次会议"
REPLY_DATE = dt.date(2021, 6, 8)
PUBLISHED_DATE = dt.date(2021, 7, 2)  # within 20 working days of the reply (2021-07-07)
END_2021 = dt.date(2021, 12, 31)
END_14TH_PLAN = dt.date(2025, 12, 31)


@dataclass
class DemoTarget:
    target: Target
    evidence: list[tuple[Evidence, str]] = field(default_factory=list)  # (evidence, source file name)


@dataclass
class DemoCommitment:
    commitment: Commitment
    targets: list[DemoTarget] = field(default_factory=list)
    reminder: Reminder | None = None


@dataclass
class DemoStory:
    """The records of the demo, linked by position; ids are filled in when they are saved."""

    sources: dict[str, SourceDocument]
    proposal: Proposal
    reply: Reply
    feedback: Feedback
    commitments: list[DemoCommitment]
    reply_reminder: Reminder


def letter_text(raw: str) -> str:
    """The letter as plain text: Markdown heading marks and bold stars removed, nothing else changed."""
    text = raw.replace("**", "")
    text = re.sub(r"^#+\s*", "", text, flags=re.MULTILINE)
    text = re.sub(r"\n-{3,}\s*$", "\n", text)
    return text.strip() + "\n"


def article_text(raw: str) -> tuple[dict[str, str], str]:
    """Front matter and paragraph text of a news seed (YAML front matter, then <p> paragraphs)."""
    meta: dict[str, str] = {}
    body = raw
    match = re.match(r"^---\n(.*?)\n---\n", raw, flags=re.DOTALL)
    if match:
        for line in match.group(1).splitlines():
            key, _, value = line.partition(":")
            meta[key.strip()] = value.strip().strip('"')
        body = raw[match.end():]
    paragraphs = [re.sub(r"<[^>]+>", "", p).strip() for p in re.split(r"</p>\s*", body)]
    return meta, "\n".join(p for p in paragraphs if p) + "\n"


def _source(folder: Path, name: str, kind: str, title: str | None, publisher: str | None,
            doc_date: dt.date | None, text: str) -> SourceDocument:
    content = (folder / name).read_bytes()
    return SourceDocument(sha256=hashlib.sha256(content).hexdigest(), file_name=name, kind=kind, title=title,
                          publisher=publisher, doc_date=doc_date, text=text, content=content,
                          imported_by="demo")


def _quote_span(text: str, quote: str) -> tuple[int, int]:
    start = text.find(quote)
    if start < 0:
        raise ValueError(f"demo quote not found in the letter: {quote}")
    return start, start + len(quote)


def build_demo_story(folder: Path) -> DemoStory:
    """Read the demo documents from ``folder`` and build the story's records."""
    letter = letter_text((folder / LETTER_FILE).read_text(encoding="utf-8"))
    meta_0303, news_0303 = article_text((folder / NEWS_0303_FILE).read_text(encoding="utf-8"))
    meta_0207, news_0207 = article_text((folder / NEWS_0207_FILE).read_text(encoding="utf-8"))
    sources = {
        LETTER_FILE: _source(folder, LETTER_FILE, "letter", "关于对常州市十六届人大五次会议代表建议第021号的答复",
                             OFFICE, REPLY_DATE, letter),
        NEWS_0303_FILE: _source(folder, NEWS_0303_FILE, "news", meta_0303.get("title"), "常州日报",
                                dt.date(2022, 3, 3), news_0303),
        NEWS_0207_FILE: _source(folder, NEWS_0207_FILE, "news", meta_0207.get("title"), "常州日报",
                                dt.date(2022, 2, 7), news_0207),
    }
    proposal = Proposal(
        session=SESSION, number="第021号", kind="suggestion", body="人大",
        title="关于将以5G为代表的新基建纳入“十四五”规划重要内容的建议",
        assigned_date=dt.date(2021, 3, 10), reply_due_date=dt.date(2021, 6, 10), lead_unit=OFFICE,
        handling_mode="sole", state="replied", proposers=[Proposer(name="魏农", role="lead")],
    )
    reply = Reply(
        doc_number="常工信复〔2021〕第39号", issuing_office=OFFICE,
        title="关于对常州市十六届人大五次会议代表建议第021号的答复", addressee="魏农代表", reply_date=REPLY_DATE,
        signer="沈新峰", handler="曹晓韬", phone="85681281", cc="市政府办公室、市人大代表工委", disclosure="public",
        published_date=PUBLISHED_DATE, published_where="常州市人民政府网站", replying_unit=OFFICE, text=letter,
    )
    feedback = Feedback(reply_id=0, rating="satisfied", aspect="reply", feedback_date=dt.date(2021, 6, 25),
                        comments="对答复满意，希望按期落实各项目标。")

    def promise(title: str, quote: str, deadline: dt.date, deadline_text: str,
                *targets: DemoTarget) -> DemoCommitment:
        start, end = _quote_span(letter, quote)
        return DemoCommitment(
            Commitment(reply_id=0, title=title, quote=quote, quote_start=start, quote_end=end,
                       responsible_unit=OFFICE, deadline=deadline, deadline_text=deadline_text),
            list(targets))

    def target(indicator: str, comparator: str, value: float, unit: str, quote: str, deadline: dt.date,
               deadline_text: str, cumulative: bool | None, baseline: tuple[float, str, str] | None = None,
               evidence: list[tuple[Evidence, str]] | None = None) -> DemoTarget:
        start, end = _quote_span(letter, quote)
        value_normalized, unit_normalized = normalize(value, unit)
        record = Target(commitment_id=0, indicator=indicator, comparator=comparator, value=value, unit=unit,
                        value_normalized=value_normalized, unit_normalized=unit_normalized, deadline=deadline,
                        deadline_text=deadline_text, cumulative=cumulative, kind="commitment", quote=quote,
                        quote_start=start, quote_end=end)
        if baseline:
            base_value, base_unit, base_quote = baseline
            _quote_span(letter, base_quote)
            record.baseline_value, record.baseline_unit = base_value, base_unit
            record.baseline_date, record.baseline_quote = REPLY_DATE, base_quote
        return DemoTarget(record, evidence or [])

    stations_0303 = "目前，我市已开通5G基站11080个"
    if stations_0303 not in news_0303:
        raise ValueError("demo evidence quote not found in the 2022-03-03 report")
    stations_evidence = Evidence(
        target_id=0, as_of_date=dt.date(2022, 3, 3), value=11080, unit="个", value_normalized=11080,
        unit_normalized="个", comparator="=", source_title=meta_0303.get("title"), publisher="常州日报",
        source_date=dt.date(2022, 3, 3), quote=stations_0303, recorded_by="demo",
    )

    y2021, plan = "2021年", "到“十四五”期末"
    commitments = [
        promise("完成5G建设投资", "2021年完成5G建设投资15亿元", END_2021, y2021,
                target("5G建设投资", ">=", 15, "亿元", "2021年完成5G建设投资15亿元", END_2021, y2021, False)),
        promise("累计开通5G基站超1万个", "累计开通基站数超1万个", END_2021, y2021,
                target("累计开通5G基站数", ">", 1, "万个", "累计开通基站数超1万个", END_2021, y2021, True,
                       baseline=(7000, "个", "目前全市已开通5G基站近7000个"),
                       evidence=[(stations_evidence, NEWS_0303_FILE)])),
        promise("5个标识解析二级节点全部上线运营", "5个标识解析二级节点全部上线运营", END_2021, y2021,
                target("上线运营标识解析二级节点数", "=", 5, "个", "5个标识解析二级节点全部上线运营", END_2021,
                       y2021, None, baseline=(4, "个", "目前常州共计4个工业互联网标识解析二级节点上线运营"))),
        promise("标识注册量达2.5亿", "标识注册量达2.5亿", END_2021, y2021,
                target("标识注册量", ">=", 2.5, "亿", "标识注册量达2.5亿", END_2021, y2021, None,
                       baseline=(3.3, "亿", "标识注册量达3.3亿"))),
        promise("实现全市城乡5G网络全覆盖", "实现全市城乡5G网络全覆盖", END_14TH_PLAN, plan),
        promise("标识注册量累计超过5亿", "标识注册量累计超过5亿", END_14TH_PLAN, plan,
                target("标识注册量", ">", 5, "亿", "标识注册量累计超过5亿", END_14TH_PLAN, plan, True,
                       baseline=(3.3, "亿", "标识注册量达3.3亿"))),
        promise("节点接入服务重点企业数超800家", "节点接入服务重点企业数超800家", END_14TH_PLAN, plan,
                target("节点接入服务重点企业数", ">", 800, "家", "节点接入服务重点企业数超800家", END_14TH_PLAN,
                       plan, None, baseline=(260, "家", "累计接入企业260家"))),
        promise("完成“5G+工业互联网”融合应用签约项目30个以上", "2021年力争完成“5G+工业互联网”融合应用签约项目30个以上",
                END_2021, y2021,
                target("“5G+工业互联网”融合应用签约项目数", ">=", 30, "个",
                       "2021年力争完成“5G+工业互联网”融合应用签约项目30个以上", END_2021, y2021, False)),
        promise("建设省级智能车间20个以上", "建设省级智能车间20个以上", END_2021, y2021,
                target("建设省级智能车间数", ">=", 20, "个", "建设省级智能车间20个以上", END_2021, y2021, False)),
        promise("遴选10个“5G+工业互联网”典型应用场景", "遴选10个“5G+工业互联网”典型应用场景", END_14TH_PLAN, plan,
                target("“5G+工业互联网”典型应用场景数", "=", 10, "个", "遴选10个“5G+工业互联网”典型应用场景",
                       END_14TH_PLAN, plan, False)),
        promise("培育50个示范应用企业", "培育50个示范应用企业", END_14TH_PLAN, plan,
                target("培育示范应用企业数", "=", 50, "个", "培育50个示范应用企业", END_14TH_PLAN, plan, False)),
        promise("新增省级智能车间100个以上", "新增省级智能车间100个以上", END_14TH_PLAN, plan,
                target("新增省级智能车间数", ">=", 100, "个", "新增省级智能车间100个以上", END_14TH_PLAN, plan,
                       False)),
        promise("“我的常州”APP注册用户450万", "“我的常州”APP注册用户450万", END_2021, y2021,
                target("“我的常州”APP注册用户数", "=", 450, "万", "“我的常州”APP注册用户450万", END_2021, y2021,
                       None)),
        promise("“常州政企通”平台关注突破15万", "“常州政企通”平台关注突破15万", END_2021, y2021,
                target("“常州政企通”平台关注数", ">", 15, "万", "“常州政企通”平台关注突破15万", END_2021, y2021,
                       None)),
        promise("走出常州特色政务服务发展之路",
                "走出一条以“善政、惠民、兴业、安全”为宗旨的常州特色政务服务发展之路", END_14TH_PLAN, plan),
    ]
    for index, item in enumerate(commitments, start=1):
        item.reminder = Reminder(kind="commitment_due", title=f"承诺到期：{item.commitment.title}",
                                 due_date=item.commitment.deadline or END_14TH_PLAN, subject_table="commitments",
                                 lead_days=30, uid=f"demo-commitment-{index}@reply-ledger")
    reply_reminder = Reminder(kind="reply_due", title=f"答复期限：{SESSION}代表建议第021号",
                              due_date=dt.date(2021, 6, 10), subject_table="proposals", lead_days=7, state="done",
                              done_at=REPLY_DATE, uid="demo-reply-due-021@reply-ledger")
    return DemoStory(sources=sources, proposal=proposal, reply=reply, feedback=feedback,
                     commitments=commitments, reply_reminder=reply_reminder)
