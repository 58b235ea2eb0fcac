"""A ledger holding each 回头看 contradiction (and a near miss of each that is not one), for the tests."""

from __future__ import annotations

import datetime as dt

from db import Store
from desktop.core.records import Commitment, Contact, Evidence, Feedback, Proposal, Reply, Target

D = dt.date
END_2021 = D(2021, 12, 31)
EVIDENCE_DAY = D(2021, 12, 20)


class Ledger:
    """Builds proposals, replies and promises in a store and remembers their ids by name."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.ids: dict[str, int] = {}
        self._serial = 0

    def proposal(self, name: str, number: str) -> int:
        saved = self.store.save(Proposal(session="常州市十六届人大五次会议", number=number, title=f"建议{name}",
                                         assigned_date=D(2021, 3, 10), lead_unit="市工信局"))
        self.ids[name] = saved.id
        return saved.id

    def reply(self, name: str, proposal_id: int, day: dt.date, result_class: str | None = None,
              reanswer: bool = False) -> int:
        self._serial += 1
        saved = self.store.save(Reply(proposal_id=proposal_id, doc_number=f"常工信复〔2021〕第{self._serial}号",
                                      reply_date=day, result_class=result_class, is_reanswer=reanswer))
        self.ids[name] = saved.id
        return saved.id

    def promise(self, name: str, reply_id: int, *, value: float | None = 100, evidence: float | None = None,
                evidence_day: dt.date = EVIDENCE_DAY, manual_state: str | None = None) -> int:
        commitment = self.store.save(Commitment(reply_id=reply_id, title=name, deadline=END_2021,
                                                manual_state=manual_state))
        self.ids[name] = commitment.id
        if value is not None:
            target = self.store.save(Target(commitment_id=commitment.id, indicator=f"{name}数", comparator=">=",
                                            value=value, unit="个", deadline=END_2021, cumulative=True))
            if evidence is not None:
                self.store.save(Evidence(target_id=target.id, as_of_date=evidence_day, value=evidence, unit="个"))
        return commitment.id

    def baselines(self, name: str, reply_id: int) -> int:
        holder = self.store.save(Commitment(reply_id=reply_id, title=name))
        self.store.save(Target(commitment_id=holder.id, indicator="基站数", comparator="=", value=7000, unit="个",
                               kind="baseline"))
        self.ids[name] = holder.id
        return holder.id

    def rating(self, name: str, reply_id: int, day: dt.date, rating: str = "unsatisfied") -> int:
        saved = self.store.save(Feedback(reply_id=reply_id, rating=rating, feedback_date=day))
        self.ids[name] = saved.id
        return saved.id


def build_contradictions(store: Store) -> Ledger:
    built = Ledger(store)
    # A: classed solved, one promise missed, one overdue without evidence, one met.
    p1 = built.proposal("p1", "第001号")
    r1 = built.reply("r1", p1, D(2021, 6, 1), "A")
    built.promise("A类未达成", r1, evidence=50)
    built.promise("A类逾期无佐证", r1)
    built.promise("A类已达成", r1, evidence=120)
    # B: all promises met, never answered again.
    p2 = built.proposal("p2", "第002号")
    r2 = built.reply("r2", p2, D(2021, 6, 1), "B")
    built.promise("B类已达成", r2, evidence=150, evidence_day=D(2021, 10, 1))
    built.baselines("现状基数", r2)  # figures the letter states: not a promise, judged or flagged
    # B, all met, but answered again afterwards: not a finding.
    p3 = built.proposal("p3", "第003号")
    r3 = built.reply("r3", p3, D(2021, 6, 1), "B")
    built.promise("B类已达成已再答复", r3, evidence=150, evidence_day=D(2021, 10, 1))
    built.reply("r3b", p3, D(2021, 11, 1), "A", reanswer=True)
    # 不满意 with no re-answer at all; plus two promises with nothing to measure.
    p4 = built.proposal("p4", "第004号")
    r4 = built.reply("r4", p4, D(2021, 6, 1))
    built.rating("f4", r4, D(2021, 6, 20))
    built.promise("定性承诺", r4, value=None)
    built.promise("人工判定承诺", r4, value=None, manual_state="met")
    built.store.save(Contact(proposal_id=p4, contact_date=D(2021, 5, 20), participants="代表、经办人"))
    # 不满意 answered again too late; and one answered in time (not a finding).
    p5 = built.proposal("p5", "第005号")
    r5 = built.reply("r5", p5, D(2021, 6, 1))
    built.rating("f5", r5, D(2021, 6, 20))
    built.reply("r5b", p5, D(2021, 8, 15), reanswer=True)
    p6 = built.proposal("p6", "第006号")
    r6 = built.reply("r6", p6, D(2021, 6, 1))
    built.rating("f6", r6, D(2021, 6, 20))
    built.reply("r6b", p6, D(2021, 7, 10), reanswer=True)
    return built
