"""Reporting-round diff and reminders, as functions and on the command line."""

from __future__ import annotations

import datetime as dt
import difflib
import json
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
from govtrack import changes
from govtrack.changes import (
    SIMILARITY,
    ChangeKind,
    _bound,
    _Chunk,
    _key,
    _pairs,
    _renamed,
    diff,
)
from govtrack.model.tabular import contexts
from govtrack.reminders import reminders, to_ics, to_markdown, to_text
from strategies import dates, documents

ON = dt.date(2023, 1, 31)


def rec_doc(*actions: gt.Action) -> gt.Document:
    return gt.Document(
        evaluations=(
            gt.Evaluation(
                title="E", recommendations=(gt.Recommendation(text="R", ref="1", actions=actions),)
            ),
        )
    )


OLD = rec_doc(
    gt.Action(
        ref="1.1",
        text="Draft the monitoring framework",
        due=gt.parse_due("2022/06"),
        status=gt.Status.ONGOING,
    ),
    gt.Action(
        ref="1.2",
        text="Commission four baseline surveys",
        due=gt.parse_due("2022/09"),
        status=gt.Status.ONGOING,
    ),
    gt.Action(
        ref="1.3", text="Close the old database", due=gt.parse_due("2021"), status=gt.Status.ONGOING
    ),
)
NEW = rec_doc(
    gt.Action(
        ref="1.1",
        text="Draft the monitoring framework",
        due=gt.parse_due("2022/06"),
        status=gt.Status.COMPLETED,
    ),
    gt.Action(
        ref="",
        text="Commission four baseline survey",
        due=gt.parse_due("2023/03"),
        status=gt.Status.ONGOING,
    ),
    gt.Action(ref="1.4", text="Train district staff on data entry", due=gt.parse_due("2023/06")),
)


def test_diff_reports_status_slip_added_removed() -> None:
    """Matched by ref, then by similar text: a status change, a slip, one added, one removed."""
    assert [
        (ChangeKind.STATUS, "1.1"),
        (ChangeKind.SLIPPED, ""),
        (ChangeKind.ADDED, "1.4"),
        (ChangeKind.REMOVED, "1.3"),
    ] == [(c.kind, (c.new or c.old).ref) for c in diff(OLD, NEW)]  # type: ignore[union-attr]


def test_deadline_moved_earlier() -> None:
    """A deadline that now ends sooner is 'moved earlier', not 'slipped'."""
    old = rec_doc(gt.Action(ref="1", text="x", due=gt.parse_due("2023")))
    new = rec_doc(gt.Action(ref="1", text="x", due=gt.parse_due("Q1 2023")))
    assert [ChangeKind.MOVED_EARLIER] == [c.kind for c in diff(old, new)]


def test_synonym_status_is_not_a_change() -> None:
    """'In progress' and 'Ongoing' are the same status: no change is reported."""
    old = rec_doc(gt.Action(ref="1", text="x", status=gt.Status.ONGOING, status_text="In progress"))
    new = rec_doc(gt.Action(ref="1", text="x", status=gt.Status.ONGOING, status_text="Ongoing"))
    assert [] == diff(old, new)


@given(documents)
def test_a_document_has_no_changes_from_itself(doc: gt.Document) -> None:
    """Diffing a document against itself finds nothing."""
    assert [] == diff(doc, attrs.evolve(doc))


def test_reminders_per_party() -> None:
    """Each party gets its overdue and its due-soon actions, soonest first."""
    actions = [
        gt.Action(
            text="Late", responsible=("A",), due=gt.parse_due("2022/12"), status=gt.Status.ONGOING
        ),
        gt.Action(text="Soon 2", responsible=("A", "B"), due=gt.parse_due("2023-02-20")),
        gt.Action(text="Soon 1", responsible=("A",), due=gt.parse_due("2023-02-05")),
        gt.Action(text="Later", responsible=("B",), due=gt.parse_due("2023/06")),
        gt.Action(
            text="Done",
            responsible=("C",),
            due=gt.parse_due("2023-02-01"),
            status=gt.Status.COMPLETED,
        ),
    ]
    result = reminders(actions, on=ON, within=30)
    assert [("A", ["Late"], ["Soon 1", "Soon 2"]), ("B", [], ["Soon 2"])] == [
        (r.party, [a.text for a in r.overdue], [a.text for a in r.due_soon]) for r in result
    ]
    assert "Overdue on 2023-01-31 (1):\n  - Late (due 2022/12)" in to_text(result, on=ON)
    assert "## A" in to_markdown(result, on=ON)


def test_reminders_ics_is_a_calendar_with_stable_uids() -> None:
    """The .ics has one VTODO per party and action, and the same UIDs on every run."""
    actions = [gt.Action(text="Late", responsible=("A", "B"), due=gt.parse_due("2022/12"))]
    first = to_ics(reminders(actions, on=ON), on=ON)
    assert first.startswith(b"BEGIN:VCALENDAR")
    assert 2 == first.count(b"BEGIN:VTODO")
    assert b"DUE;VALUE=DATE:20221231" in first
    assert first == to_ics(reminders(actions, on=ON), on=ON)


@given(documents, dates)
def test_reminders_hold_only_open_actions(doc: gt.Document, on: dt.date) -> None:
    """No reminder lists a completed or no-longer-applicable action."""
    for reminder in reminders(doc, on=on):
        for action in (*reminder.overdue, *reminder.due_soon):
            status = action.effective_status(on=on)
            assert status is None or not status.is_closed


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "govtrack", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@pytest.fixture
def rounds(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    gt.dump(OLD, old)
    gt.dump(NEW, new)
    return old, new


def test_cli_diff_text_and_json(rounds: tuple[Path, Path]) -> None:
    """`govtrack diff` prints the changes, or lists them as JSON."""
    old, new = rounds
    text = run("diff", str(old), str(new))
    assert (0, "1 added, 1 removed, 1 slipped, 1 status") == (
        text.returncode,
        text.stdout.splitlines()[0],
    )
    data = json.loads(run("diff", str(old), str(new), "--format", "json").stdout)
    assert ["status", "slipped", "added", "removed"] == [d["kind"] for d in data]


def test_cli_reminders_formats(rounds: tuple[Path, Path], tmp_path: Path) -> None:
    """`govtrack reminders` writes text, Markdown or an .ics file."""
    _, new = rounds
    text = run("reminders", str(new), "--on", "2023-02-15", "--within", "60")
    assert "(unassigned)" in text.stdout
    target = tmp_path / "due.ics"
    result = run("reminders", str(new), "--on", "2023-02-15", "--format", "ics", "-o", str(target))
    assert 0 == result.returncode
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_cli_summary_by_responsible(tmp_path: Path) -> None:
    """`govtrack summary --by responsible` breaks counts down per party."""
    target = tmp_path / "t.json"
    gt.dump(
        gt.Document(plans=(gt.ActionPlan(actions=(
            gt.Action(text="a", responsible=("Unit A",), status=gt.Status.COMPLETED),
            gt.Action(text="b", responsible=("Unit A", "Unit B"), due=gt.parse_due("2020")),
        )),)),
        target,
    )  # fmt: skip
    data = json.loads(
        run(
            "summary", str(target), "--on", "2023-01-31", "--by", "responsible", "--format", "json"
        ).stdout
    )
    assert [("Unit A", 2, 1, 1), ("Unit B", 1, 0, 1)] == [
        (g["responsible"], g["total"], g["completed"], g["overdue"]) for g in data["by"]["groups"]
    ]


def _naive_pairs(old: gt.Document, new: gt.Document) -> dict[int, int]:
    """The matching rule as first written: every pair compared (the reference)."""
    old_items = list(contexts(old))
    new_items = _renamed(old_items, list(contexts(new)))  # retitled places: diff's own rule
    by_key: dict[tuple[object, ...], int] = {}
    for index, (action, context) in enumerate(old_items):
        key = _key(context, action)
        if key is not None:
            by_key.setdefault(key, index)
    matched: dict[int, int] = {}
    used: set[int] = set()
    for new_index, (action, context) in enumerate(new_items):
        key = _key(context, action)
        if key is not None and key in by_key and by_key[key] not in used:
            matched[new_index] = by_key[key]
            used.add(by_key[key])

    def same(a: dict[str, object], b: dict[str, object]) -> bool:
        return (a["kind"], a["container"]) == (b["kind"], b["container"])

    for new_index, (action, context) in enumerate(new_items):
        if new_index in matched:
            continue
        for old_index, (candidate, old_context) in enumerate(old_items):
            if old_index not in used and candidate == action and same(old_context, context):
                matched[new_index] = old_index
                used.add(old_index)
                break
    for new_index, (action, context) in enumerate(new_items):
        if new_index in matched:
            continue
        best, best_ratio = None, SIMILARITY
        for old_index, (candidate, old_context) in enumerate(old_items):
            if old_index in used or not same(old_context, context):
                continue
            ratio = difflib.SequenceMatcher(None, candidate.text, action.text).ratio()
            if ratio > best_ratio or (best is None and ratio >= best_ratio):
                best, best_ratio = old_index, ratio
        if best is not None:
            matched[new_index] = best
            used.add(best)
    return matched


_words = st.sampled_from(["hire", "train", "staff", "report", "fund", "data", "plan", "a"])
_texts = st.lists(_words, min_size=1, max_size=6).map(" ".join)
_small_actions = st.builds(
    gt.Action,
    text=_texts,
    ref=st.sampled_from(["", "", "1", "2"]),
    status=st.sampled_from([None, gt.Status.ONGOING, gt.Status.COMPLETED]),
)


@given(
    old=st.lists(_small_actions, max_size=8),
    new=st.lists(_small_actions, max_size=8),
    titles=st.lists(st.sampled_from(["P", "Q"]), min_size=16, max_size=16),
)
def test_fast_matching_pairs_as_the_reference_does(
    old: list[gt.Action], new: list[gt.Action], titles: list[str]
) -> None:
    """The indexed, bounded matching pairs exactly as comparing every pair does."""

    def doc(actions: list[gt.Action], offset: int) -> gt.Document:
        plans: dict[str, list[gt.Action]] = {}
        for index, action in enumerate(actions):
            plans.setdefault(titles[offset + index], []).append(action)
        return gt.Document(
            plans=tuple(gt.ActionPlan(title=t, actions=tuple(a)) for t, a in plans.items())
        )

    before, after = doc(old, 0), doc(new, 8)
    old_items = list(contexts(before))
    pairs = _pairs(old_items, _renamed(old_items, list(contexts(after))))
    assert _naive_pairs(before, after) == pairs
    changes = diff(before, after)
    added = sum(change.kind is ChangeKind.ADDED for change in changes)
    removed = sum(change.kind is ChangeKind.REMOVED for change in changes)
    assert (len(new) - len(pairs), len(old) - len(pairs)) == (added, removed)


def _lcs(first: str, second: str) -> int:
    """The length of the longest common subsequence, by the textbook table (the reference)."""
    previous = [0] * (len(second) + 1)
    for character in first:
        current = [0]
        for index, other in enumerate(second):
            current.append(
                previous[index] + 1
                if character == other
                else max(previous[index + 1], current[index])
            )
        previous = current
    return previous[-1]


_long_texts = st.lists(_words, min_size=30, max_size=70).map(" ".join)  # past difflib's autojunk


@given(
    packed=st.lists(st.text(max_size=30) | _texts | _long_texts, max_size=6),
    other=st.text(max_size=30) | _texts | _long_texts,
)
def test_the_packed_lcs_is_the_lcs_and_bounds_difflib(packed: list[str], other: str) -> None:
    """Each packed text's LCS with another is the textbook one, and bounds difflib's ratio."""
    lengths = _Chunk(packed).common(other) if packed else []
    assert lengths == [_lcs(text, other) for text in packed]
    for text, length in zip(packed, lengths, strict=True):
        ratio = difflib.SequenceMatcher(None, text, other).ratio()
        assert ratio <= _bound(length, text, other)


@given(
    old=st.lists(st.builds(gt.Action, text=_texts | _long_texts), max_size=8),
    new=st.lists(st.builds(gt.Action, text=_texts | _long_texts), max_size=8),
    limits=st.tuples(
        st.sampled_from([8, 64, 4096]),
        st.sampled_from([16, 65536]),
        st.sampled_from([0, 100, 1 << 26]),
    ),
)
def test_chunks_and_budgets_do_not_change_the_pairs(
    old: list[gt.Action], new: list[gt.Action], limits: tuple[int, int, int]
) -> None:
    """However the texts are chunked, and whether or not they fit the budget, the pairs are
    the reference's (texts not packed are only bounded by difflib)."""
    before = gt.Document(plans=(gt.ActionPlan(title="P", actions=tuple(old)),))
    after = gt.Document(plans=(gt.ActionPlan(title="P", actions=tuple(new)),))
    with pytest.MonkeyPatch.context() as patch:
        for name, value in zip(
            ("_CHUNK_BITS", "_CHUNK_BYTES", "_PACKED_BYTES"), limits, strict=True
        ):
            patch.setattr(changes, name, value)
        old_items = list(contexts(before))
        pairs = _pairs(old_items, _renamed(old_items, list(contexts(after))))
    assert _naive_pairs(before, after) == pairs


def test_unrelated_texts_are_not_compared_by_difflib(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two rounds of 60 unrelated long texts in one plan: every pair is ruled out by its
    LCS bound, so difflib's costly ratio is never computed (it was, 3,600 times)."""
    words = [
        f"{letter}{letter}{index}" for index, letter in enumerate("abcdefghijklmnopqrstuvwxyz")
    ]
    old = tuple(gt.Action(text=" ".join(words[(i + j) % 26] for j in range(40))) for i in range(60))
    new = tuple(
        gt.Action(text=" ".join(words[(i * 7 + j * 3) % 26] for j in range(40))) for i in range(60)
    )
    calls: list[str] = []
    real = difflib.SequenceMatcher.ratio

    def counted(self: difflib.SequenceMatcher[str]) -> float:
        calls.append("ratio")
        return real(self)

    monkeypatch.setattr(difflib.SequenceMatcher, "ratio", counted)
    changes_found = diff(
        gt.Document(plans=(gt.ActionPlan(actions=old),)),
        gt.Document(plans=(gt.ActionPlan(actions=new),)),
    )
    assert sorted({change.kind for change in changes_found}, key=str) == [
        ChangeKind.ADDED,
        ChangeKind.REMOVED,
    ]
    assert calls == []


def _evaluation(title: str, *actions: gt.Action) -> gt.Evaluation:
    return gt.Evaluation(
        title=title, recommendations=(gt.Recommendation(text="R", ref="1", actions=actions),)
    )


def test_a_retitled_tracker_is_still_compared_action_by_action() -> None:
    """The title row's date changed between rounds: the actions still pair, by ref."""
    before = gt.Document(
        evaluations=(_evaluation("Status as of June 2023", gt.Action(text="Hire", ref="1.1")),)
    )
    after = gt.Document(
        evaluations=(
            _evaluation(
                "Status as of Dec 2023",
                gt.Action(text="Hire", ref="1.1", status=gt.Status.COMPLETED),
            ),
        )
    )
    assert [change.kind for change in diff(before, after)] == [ChangeKind.STATUS]


def test_containers_added_and_removed_are_not_paired() -> None:
    """Two evaluations in one round, one in the other: titles alone decide (nothing guessed)."""
    before = gt.Document(evaluations=(_evaluation("A", gt.Action(text="Hire", ref="1.1")),))
    after = gt.Document(
        evaluations=(
            _evaluation("B", gt.Action(text="Hire", ref="1.1", status=gt.Status.COMPLETED)),
            _evaluation("C", gt.Action(text="Train", ref="1.1")),
        )
    )
    kinds = sorted(change.kind.value for change in diff(before, after))
    assert kinds == ["added", "added", "removed"]


def test_retitled_containers_pair_only_when_they_share_an_action() -> None:
    """One plan each side, retitled, but no action text in common: kept apart."""
    before = gt.Document(plans=(gt.ActionPlan(title="A", actions=(gt.Action(text="Hire"),)),))
    after = gt.Document(plans=(gt.ActionPlan(title="B", actions=(gt.Action(text="Audit"),)),))
    assert [change.kind for change in diff(before, after)] == [
        ChangeKind.ADDED,
        ChangeKind.REMOVED,
    ]


def test_a_container_replaced_by_another_sharing_one_action_is_not_paired() -> None:
    """Half the actions in common is not the same tracker: added and removed, not changed."""
    shared = gt.Action(text="Report to the board", ref="2")
    before = gt.Document(
        plans=(
            gt.ActionPlan(title="Water", actions=(gt.Action(text="Drill wells", ref="1"), shared)),
        )
    )
    after = gt.Document(
        plans=(
            gt.ActionPlan(title="Gender", actions=(gt.Action(text="Train staff", ref="1"), shared)),
        )
    )
    kinds = sorted(change.kind.value for change in diff(before, after))
    assert kinds == ["added", "added", "removed", "removed"]
