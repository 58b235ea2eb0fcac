"""No lost update: a save made from an older version of a record is refused, in one process or two."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from db import Store
from desktop.core.errors import LedgerError
from desktop.core.records import Proposal, Proposer, Target
from tests.conftest import REPO


def test_each_save_raises_the_version(store: Store) -> None:
    proposal = store.save(Proposal(session="十六届五次", number="第1号", title="建议"))
    assert proposal.version == 1
    again = store.save(dataclasses.replace(proposal, title="建议（修改）"))
    assert again.version == 2
    assert store.get(Proposal, proposal.id).version == 2  # type: ignore[arg-type, union-attr]
    assert store.save(again).version == 2  # nothing changed, nothing written


def test_two_connections_editing_one_record_the_second_save_is_refused(demo_db_path: Path) -> None:
    with Store.open(demo_db_path, actor="甲") as first, Store.open(demo_db_path, actor="乙") as second:
        mine = first.get(Target, 1)
        theirs = second.get(Target, 1)
        assert mine is not None and theirs is not None and mine.version == theirs.version
        first.save(dataclasses.replace(mine, value=20.0))
        with pytest.raises(LedgerError) as refused:
            second.save(dataclasses.replace(theirs, indicator="改过的指标"))  # a field the first never touched
        assert refused.value.code == "conflict"
        # On a file the history names the actor given; on a server, the database user.
        assert f"was saved by {first.actor}" in refused.value.message and "reload it" in refused.value.message
        stored = second.get(Target, 1)
        assert stored is not None
        assert stored.value == 20.0 and stored.indicator == mine.indicator  # the first save stands, whole
        reloaded = second.save(dataclasses.replace(stored, indicator="改过的指标"))  # after a reload it goes in
        assert reloaded.value == 20.0 and reloaded.indicator == "改过的指标"


def test_a_stale_proposal_may_not_rewrite_its_signers(store: Store) -> None:
    proposal = store.save(Proposal(session="十六届五次", number="第2号", title="建议",
                                   proposers=[Proposer(name="魏农")]))
    renamed = dataclasses.replace(proposal.proposers[0], name="魏农农")
    fresher = store.save(dataclasses.replace(proposal, proposers=[renamed]))
    assert fresher.version == proposal.version + 1  # the signers are part of the proposal
    with pytest.raises(LedgerError) as refused:
        store.save(dataclasses.replace(proposal, proposers=[*proposal.proposers, Proposer(name="张三")]))
    assert refused.value.code == "conflict"
    assert [p.name for p in store.get(Proposal, proposal.id).proposers] == ["魏农农"]  # type: ignore[union-attr]


def test_a_record_deleted_meanwhile_is_said_so(demo_db_path: Path) -> None:
    with Store.open(demo_db_path) as first, Store.open(demo_db_path) as second:
        evidence_target = second.get(Target, 1)
        first.delete(Target, 1)
        with pytest.raises(LedgerError) as refused:
            second.save(dataclasses.replace(evidence_target, value=1.0))  # type: ignore[type-var]
        assert refused.value.code == "not_found"


_EDITOR = textwrap.dedent("""
    import dataclasses, sys, time
    from pathlib import Path
    from db import Store
    from desktop.core.errors import LedgerError
    from desktop.core.records import Target
    db, field, value, ready, go = sys.argv[1:]
    with Store.open(db, actor=field) as store:
        target = store.get(Target, 1)
        Path(ready).touch()
        while not Path(go).exists():
            time.sleep(0.02)
        try:
            store.save(dataclasses.replace(target, **{field: float(value) if field == "value" else value}))
        except LedgerError as error:
            print(error.code, error.message)
            sys.exit(2)
    print("saved")
""")


def test_two_processes_editing_one_record_the_second_save_is_refused(demo_db_path: Path, tmp_path: Path) -> None:
    editors = []
    for name, field, value in (("a", "value", "20"), ("b", "indicator", "改过的指标")):
        ready, go = tmp_path / f"{name}.ready", tmp_path / f"{name}.go"
        process = subprocess.Popen([sys.executable, "-c", _EDITOR, str(demo_db_path), field, value, str(ready),
                                    str(go)], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        editors.append((process, ready, go))
    deadline = time.monotonic() + 60
    while not all(ready.exists() for _, ready, _ in editors):  # both have read the record
        assert time.monotonic() < deadline, [p.communicate() for p, _, _ in editors]
        time.sleep(0.05)
    first, second = editors
    first[2].touch()
    out, err = first[0].communicate(timeout=60)
    assert first[0].returncode == 0 and "saved" in out, err
    second[2].touch()
    out, err = second[0].communicate(timeout=60)
    assert second[0].returncode == 2, err
    writer = "value" if str(demo_db_path).startswith(("/", ".")) or ":" not in str(demo_db_path) else "tester"
    assert out.startswith("conflict ") and f"was saved by {writer}" in out
    with Store.open(demo_db_path) as store:
        target = store.get(Target, 1)
        assert target is not None and target.value == 20.0 and target.indicator != "改过的指标"
