"""The records rows pasted into a list refer to: the proposal a reply row names."""

from __future__ import annotations

from db.store import Store


def proposal_by_reference(store: Store, session: str | None, text: str) -> int | None:
    """The id of the proposal a pasted cell names: its number (第021号, 021 and 21 are the same) in ``session``;
    without a session, as the replies list shows it ("常州市十六届人大五次会议 第021号"), else the only session that
    has a proposal of that number. None when no proposal (or more than one) fits."""
    text = text.strip()
    if not text:
        return None
    if session:
        found = store.find_proposal(session.strip(), text)
        return found.id if found else None
    head, _, tail = text.rpartition(" ")
    if head.strip():
        found = store.find_proposal(head.strip(), tail)
        if found is not None:
            return found.id
    sessions = [row[0] for row in store.conn.execute("SELECT DISTINCT session FROM proposals")]
    matches = [found.id for name in sessions if (found := store.find_proposal(name, text)) is not None]
    return matches[0] if len(matches) == 1 else None
