"""Reporting-round diff and reminders, as functions and on the command line."""

from __future__ import annotations

import datetime as dt
import difflib
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from openpyxl import Workbook

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
from strategies import actions, dates, documents

ON = dt.date(2023, 1, 31)


def _ref_of(record: object) -> str | None:
    """The ref of a change's action or indicator, or None (none, or another record)."""
    return record.ref if isinstance(record, (gt.Action, gt.Indicator)) else None


def _text_of(record: object) -> str | None:
    """The text of a change's action, or None (none, or another record)."""
    return record.text if isinstance(record, gt.Action) else None


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
    """Matched by ref, then by similar text: a status change, a ref dropped, a rewording and
    a slip, one added, one removed."""
    assert [
        (ChangeKind.STATUS, "1.1"),
        (ChangeKind.RENUMBERED, ""),
        (ChangeKind.REWORDED, ""),
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
    assert (0, "1 added, 1 removed, 1 renumbered, 1 reworded, 1 slipped, 1 status") == (
        text.returncode,
        text.stdout.splitlines()[0],
    )
    data = json.loads(run("diff", str(old), str(new), "--format", "json").stdout)
    assert ["status", "renumbered", "reworded", "slipped", "added", "removed"] == [
        d["kind"] for d in data
    ]
    expected = [change.recommendation for change in diff(gt.load(old), gt.load(new))]
    assert expected == [d["recommendation"] for d in data]
    assert ["kind", "ref", "recommendation", "message", "old", "new"] == list(data[0])


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
    """The matching rule, every pair compared (the reference)."""
    old_items = list(contexts(old))
    new_items = _renamed(old_items, list(contexts(new)))  # retitled places: diff's own rule
    by_key: dict[tuple[object, ...], int] = {}
    for index, (action, context) in enumerate(old_items):
        key = _key(context, action)
        if key is not None:
            by_key.setdefault(key, index)
    matched: dict[int, int] = {}
    used: set[int] = set()

    def same(a: dict[str, object], b: dict[str, object]) -> bool:
        return (a["kind"], a["container"]) == (b["kind"], b["container"])

    def same_text(old_index: int, new_index: int) -> bool:
        (candidate, old_context), (action, context) = old_items[old_index], new_items[new_index]
        fold = " ".join(action.text.split()).casefold()
        return (
            bool(fold)
            and same(old_context, context)
            and old_context.get("recommendation_ref") == context.get("recommendation_ref")
            and " ".join(candidate.text.split()).casefold() == fold
        )

    new_keys = {_key(context, action) for action, context in new_items} - {None}
    for new_index, (action, context) in enumerate(new_items):  # same text and ref
        for old_index, (candidate, old_context) in enumerate(old_items):
            key = _key(context, action)
            if (
                old_index not in used
                and key is not None
                and key == _key(old_context, candidate)
                and same_text(old_index, new_index)
            ):
                matched[new_index] = old_index
                used.add(old_index)
                break
    for new_index in range(len(new_items)):  # same text: a ref no new action has, first
        if new_index in matched:
            continue
        texts = [i for i in range(len(old_items)) if i not in used and same_text(i, new_index)]
        free = [i for i in texts if _key(old_items[i][1], old_items[i][0]) not in new_keys]
        if texts:
            matched[new_index] = (free or texts)[0]
            used.add(matched[new_index])
    unlike: list[tuple[int, int]] = []  # same ref, texts not alike: paired last
    for new_index, (action, context) in enumerate(new_items):
        key = _key(context, action)
        if new_index in matched:
            continue
        if key is not None and key in by_key and by_key[key] not in used:
            old_text = old_items[by_key[key]][0].text
            if difflib.SequenceMatcher(None, old_text, action.text).ratio() >= SIMILARITY:
                matched[new_index] = by_key[key]
                used.add(by_key[key])
            else:
                unlike.append((new_index, by_key[key]))

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
    for new_index, old_index in unlike:
        if new_index not in matched and old_index not in used:
            matched[new_index] = old_index
            used.add(old_index)
    return matched


_words = st.sampled_from(["hire", "train", "staff", "report", "fund", "data", "plan", "a"])
_texts = st.lists(_words, min_size=1, max_size=6).map(" ".join)
_small_actions = st.builds(
    gt.Action,
    text=_texts | st.sampled_from(["Hire", "hire ", " "]),
    ref=st.sampled_from(["", "", "1", "2", "3"]),
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
    """The title row's date changed between rounds: the actions still pair, by ref, and
    the evaluation's new title is reported first."""
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
    assert [
        (
            ChangeKind.RETITLED,
            "evaluation 'Status as of June 2023': retitled → 'Status as of Dec 2023'",
        ),
        (ChangeKind.STATUS, "1.1 'Hire': status no status → Completed"),
    ] == [(change.kind, change.message) for change in diff(before, after)]


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


# ---------------------------------------------------------------------------
# Rewording, reassignment and notes


def plan_doc(*actions: gt.Action) -> gt.Document:
    return gt.Document(plans=(gt.ActionPlan(title="Plan", actions=actions),))


def found(old: gt.Document, new: gt.Document, *, notes: bool = False) -> list[tuple[str, str]]:
    return [(change.kind.value, change.message) for change in diff(old, new, notes=notes)]


def test_text_reworded_matched_by_ref() -> None:
    """An action matched by ref whose text was rewritten is reported reworded, old → new."""
    before = gt.Action(ref="1.1", text="Draft the monitoring framework", status=gt.Status.ONGOING)
    after = attrs.evolve(before, text="Adopt a results framework with the ministry")
    changes_found = diff(rec_doc(before), rec_doc(after))
    assert [
        (
            ChangeKind.REWORDED,
            (
                "1.1 'Draft the monitoring framework': text reworded → "
                "'Adopt a results framework with the ministry'"
            ),
            before,
            after,
        )
    ] == [(c.kind, c.message, c.old, c.new) for c in changes_found]


def test_text_reworded_matched_by_similarity() -> None:
    """Two actions without refs, similar enough to pair, differ in text: reworded."""
    before = gt.Action(text="Commission four baseline surveys", responsible=("Unit A",))
    after = attrs.evolve(before, text="Commission five baseline surveys")
    assert [
        (
            "reworded",
            "'Commission four baseline surveys': text reworded → 'Commission five baseline surveys'",
        )
    ] == found(plan_doc(before), plan_doc(after))


@pytest.mark.parametrize("ref", ["1", ""])
def test_spacing_and_case_are_not_rewording(ref: str) -> None:
    """Runs of spaces, line breaks, trimmed ends and case are not a rewording (by ref or by
    similarity)."""
    before = gt.Action(ref=ref, text="Draft the  monitoring\nframework ")
    after = attrs.evolve(before, text="draft the monitoring Framework")
    assert [] == found(plan_doc(before), plan_doc(after))


def test_a_long_reworded_text_is_shortened_and_kept_whole() -> None:
    """The message cuts long texts as names are cut; the Change keeps both actions whole."""
    before = gt.Action(ref="2", text="Establish " + "a national data platform " * 4)
    after = attrs.evolve(before, text="Set up " + "a national data platform " * 4)
    (change,) = diff(plan_doc(before), plan_doc(after))
    assert (
        (
            "2 'Establish a national data platform a national data platfo...': text reworded → "
            "'Set up a national data platform a national data platform ...'"
        ),
        before,
        after,
    ) == (change.message, change.old, change.new)


def test_long_texts_that_part_late_show_where_they_part() -> None:
    """Two long texts alike beyond what a message shows: each is shown from near the change."""
    start = "Prepare and publish the annual report on the implementation of the "
    before = gt.Action(ref="3", text=start + "strategy by the board")
    after = attrs.evolve(before, text=start + "plan by the steering committee")
    assert [
        (
            "reworded",
            (
                "3 'Prepare and publish the annual report on the implementati...': text reworded "
                "'...implementation of the strategy by the board' → "
                "'...implementation of the plan by the steering committee'"
            ),
        )
    ] == found(plan_doc(before), plan_doc(after))


def test_a_long_word_where_texts_part_is_cut() -> None:
    """Where the texts part inside a long word (a link), the excerpt starts inside it."""
    link = "https://example.org/" + "reports/" * 8
    before = gt.Action(ref="4", text=f"See {link}2022")
    after = attrs.evolve(before, text=f"See {link}2023")
    (change,) = diff(plan_doc(before), plan_doc(after))
    assert (
        "4 'See https://example.org/reports/reports/reports/reports/r...': text reworded "
        "'.../reports/reports/2022' → '.../reports/reports/2023'"
    ) == change.message


@pytest.mark.parametrize(
    ("before", "after", "shown"),
    [
        (("Unit A",), ("Unit B",), "Unit A → Unit B"),
        (("Unit A",), ("Unit A", "Unit C"), "Unit A → Unit A; Unit C"),
        (("Unit A", "Unit C"), ("Unit C",), "Unit A; Unit C → Unit C"),
        ((), (" Unit A ",), "(none) → Unit A"),
        (("Unit A",), (), "Unit A → (none)"),
    ],
)
def test_responsible_changed(before: tuple[str, ...], after: tuple[str, ...], shown: str) -> None:
    """Parties handed over, added or dropped: reassigned, old → new, names trimmed."""
    action = gt.Action(ref="1", text="Train staff", responsible=before)
    changed = attrs.evolve(action, responsible=after)
    assert [("reassigned", f"1 'Train staff': responsible {shown}")] == found(
        plan_doc(action), plan_doc(changed)
    )


def test_responsible_reordered_or_respaced_is_not_a_change() -> None:
    """The same parties in another order, spacing or case, or with a blank, are no change."""
    action = gt.Action(ref="1", text="Train staff", responsible=("Unit A", "Unit B"))
    changed = attrs.evolve(action, responsible=(" unit  b", "", "Unit A ", "Unit A"))
    assert [] == found(plan_doc(action), plan_doc(changed), notes=True)


def test_changes_of_one_pair_come_in_a_fixed_order() -> None:
    """Reworded, reassigned, status, deadline, then (notes) comments and each new update."""
    before = gt.Action(
        ref="1",
        text="Hire two officers",
        responsible=("HR",),
        status=gt.Status.NOT_STARTED,
        due=gt.parse_due("2022/06"),
        comments="Budget pending",
    )
    after = attrs.evolve(
        before,
        text="Hire one officer",
        responsible=("Programme unit",),
        status=gt.Status.ONGOING,
        due=gt.parse_due("2022/12"),
        comments="Budget approved",
        updates=(
            gt.Update(text="Post advertised", on=gt.parse_due("Oct 2022")),
            gt.Update(text="Interviews held"),
        ),
    )
    assert [
        ("reworded", "1 'Hire two officers': text reworded → 'Hire one officer'"),
        ("reassigned", "1 'Hire one officer': responsible HR → Programme unit"),
        ("status", "1 'Hire one officer': status Not started → Ongoing"),
        ("slipped", "1 'Hire one officer': deadline slipped '2022/06' → '2022/12'"),
        ("commented", "1 'Hire one officer': comments 'Budget pending' → 'Budget approved'"),
        ("updated", "1 'Hire one officer': new update (Oct 2022) 'Post advertised'"),
        ("updated", "1 'Hire one officer': new update 'Interviews held'"),
    ] == found(plan_doc(before), plan_doc(after), notes=True)
    assert ["reworded", "reassigned", "status", "slipped"] == [
        kind for kind, _ in found(plan_doc(before), plan_doc(after))
    ]


def test_notes_are_reported_only_when_asked() -> None:
    """Comments changed and updates added are no change by default; notes=True reports them."""
    before = gt.Action(ref="1", text="Hire", comments="")
    after = attrs.evolve(before, comments="On track", updates=(gt.Update(text="Shortlist done"),))
    assert [] == found(plan_doc(before), plan_doc(after))
    assert [
        ("commented", "1 'Hire': comments '(none)' → 'On track'"),
        ("updated", "1 'Hire': new update 'Shortlist done'"),
    ] == found(plan_doc(before), plan_doc(after), notes=True)


def test_an_update_kept_or_redated_in_other_words_is_not_new() -> None:
    """An update of the previous round, its date written another way and its text re-spaced,
    is not new; only the one added is reported, once even if an old one was repeated."""
    earlier = gt.Update(text="Terms of reference drafted", on=gt.parse_due("Dec 2022"))
    before = gt.Action(ref="1", text="Hire", updates=(earlier,))
    after = attrs.evolve(
        before,
        updates=(
            gt.Update(text="terms of reference  drafted ", on=gt.parse_due("2022/12")),
            gt.Update(text="Terms of reference drafted", on=gt.parse_due("Dec 2022")),
            gt.Update(text="Consultant hired", on=gt.parse_due("Jan 2023")),
        ),
    )
    assert [
        "1 'Hire': new update (Dec 2022) 'Terms of reference drafted'",
        "1 'Hire': new update (Jan 2023) 'Consultant hired'",
    ] == [message for _, message in found(plan_doc(before), plan_doc(after), notes=True)]


def test_comments_respaced_are_not_a_change() -> None:
    """Comments that differ only in spacing or case are no change, even with notes."""
    before = gt.Action(ref="1", text="Hire", comments="Recruitment  on\ntrack")
    after = attrs.evolve(before, comments="recruitment on track ")
    assert [] == found(plan_doc(before), plan_doc(after), notes=True)


@given(documents)
def test_a_document_has_no_changes_from_itself_even_in_notes(doc: gt.Document) -> None:
    """Diffing a document against an equal copy finds nothing, notes included."""
    assert [] == diff(doc, attrs.evolve(doc), notes=True)


def _with_action(doc: gt.Document, index: int, action: gt.Action) -> gt.Document:
    """``doc`` with its ``index``-th action (in ``doc.actions`` order) replaced by ``action``."""
    seen = iter(range(len(doc.actions)))

    def swap(actions: tuple[gt.Action, ...]) -> tuple[Any, ...]:  # evolve keeps the class
        return tuple(action if next(seen) == index else item for item in actions)

    return attrs.evolve(
        doc,
        evaluations=tuple(
            attrs.evolve(
                evaluation,
                recommendations=tuple(
                    attrs.evolve(rec, actions=swap(rec.actions))
                    for rec in evaluation.recommendations
                ),
            )
            for evaluation in doc.evaluations
        ),
        meetings=tuple(attrs.evolve(m, decisions=swap(m.decisions)) for m in doc.meetings),
        reports=tuple(attrs.evolve(r, activities=swap(r.activities)) for r in doc.reports),
        plans=tuple(attrs.evolve(p, actions=swap(p.actions)) for p in doc.plans),
    )


@given(documents, st.data(), st.sampled_from(["text", "responsible"]))
def test_one_action_changed_reports_exactly_that(
    doc: gt.Document, data: st.DataObject, field: str
) -> None:
    """One action given a ref of its own, then its text or its parties changed: diff reports
    exactly that, once, for that action (notes included)."""
    assume(doc.actions)
    index = data.draw(st.integers(0, len(doc.actions) - 1))
    action = attrs.evolve(doc.actions[index], ref="99.9")  # no strategy draws this ref
    old = _with_action(doc, index, action)
    if field == "text":
        changed = attrs.evolve(action, text=action.text + " and report on it")
        kind = ChangeKind.REWORDED
    else:
        changed = attrs.evolve(action, responsible=(" / ".join(action.responsible) + " + HR",))
        kind = ChangeKind.REASSIGNED
    new = _with_action(old, index, changed)
    assert [(kind, action, changed)] == [
        (change.kind, change.old, change.new) for change in diff(old, new, notes=True)
    ]


def test_cli_diff_reports_rewording_reassignment_and_notes(tmp_path: Path) -> None:
    """`govtrack diff` prints reworded and reassigned actions; --notes adds the new update;
    the JSON lists the same kinds."""
    before = gt.Action(ref="1", text="Hire two officers", responsible=("HR",))
    after = attrs.evolve(
        before,
        text="Hire one officer",
        responsible=("Programme unit",),
        updates=(gt.Update(text="Post advertised", on=gt.parse_due("Oct 2022")),),
    )
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    gt.dump(plan_doc(before), old)
    gt.dump(plan_doc(after), new)
    text = run("diff", str(old), str(new))
    assert (0, "") == (text.returncode, text.stderr)
    assert [
        "1 reassigned, 1 reworded",
        "  reworded      1 'Hire two officers': text reworded → 'Hire one officer'",
        "  reassigned    1 'Hire one officer': responsible HR → Programme unit",
    ] == text.stdout.splitlines()
    notes = run("diff", str(old), str(new), "--notes")
    assert (
        "  updated       1 'Hire one officer': new update (Oct 2022) 'Post advertised'"
        == (notes.stdout.splitlines()[-1])
    )
    data = json.loads(run("diff", str(old), str(new), "--format", "json", "--notes").stdout)
    assert [("reworded", "1"), ("reassigned", "1"), ("updated", "1")] == [
        (entry["kind"], entry["ref"]) for entry in data
    ]


def test_a_message_names_the_recommendation_when_the_ref_does_not() -> None:
    """Exports number each recommendation's actions from 1: a change to action 1 of
    recommendation 2 says so; a ref that carries its recommendation (``1.2``) stands alone."""

    def evaluation(status: gt.Status, *more: gt.Action) -> gt.Document:
        return gt.Document(
            evaluations=(
                gt.Evaluation(
                    title="E",
                    recommendations=(
                        gt.Recommendation(
                            ref="1",
                            text="Strengthen monitoring",
                            actions=(gt.Action(ref="1.2", text="Draft the plan", status=status),),
                        ),
                        gt.Recommendation(
                            ref="2.",
                            text="Train staff",
                            actions=(
                                gt.Action(ref="1", text="Run the course", status=status),
                                *more,
                            ),
                        ),
                    ),
                ),
            )
        )

    old = evaluation(gt.Status.ONGOING, gt.Action(text="Book a venue"))
    new = evaluation(gt.Status.COMPLETED)
    assert [str(change) for change in diff(old, new)] == [
        "1.2 'Draft the plan': status Ongoing → Completed",
        "Recommendation 2 › 1 'Run the course': status Ongoing → Completed",
        "Recommendation 2 › 'Book a venue': removed",
    ]


# ---------------------------------------------------------------------------
# An action inserted and the ones below it renumbered


def _renumbered_rounds() -> tuple[gt.Document, gt.Document]:
    """Round 1 has actions 1.1-1.3; round 2 inserts a new 1.2 and renumbers 1.2, 1.3 to 1.3,
    1.4, completes 1.1 and starts the old 1.2."""
    stock = gt.Action(ref="1.1", text="Count the stock in every depot", status=gt.Status.ONGOING)
    labels = gt.Action(
        ref="1.2",
        text="Label the shelves of the depots",
        responsible=("Logistics Unit", "Stores Unit"),
        due=gt.parse_due("2022/12"),
        status=gt.Status.NOT_STARTED,
    )
    audit = gt.Action(
        ref="1.3",
        text="Audit the depots once a year",
        responsible=("Logistics Unit",),
        due=gt.parse_due("2023"),
        status=gt.Status.NOT_STARTED,
    )
    inserted = gt.Action(
        ref="1.2",
        text="Train depot keepers on the stock system",
        responsible=("HR Unit",),
        due=gt.parse_due("2023/03"),
        status=gt.Status.NOT_STARTED,
    )
    before = rec_doc(stock, labels, audit)
    after = rec_doc(
        attrs.evolve(stock, status=gt.Status.COMPLETED),
        inserted,
        attrs.evolve(labels, ref="1.3", status=gt.Status.ONGOING),
        attrs.evolve(audit, ref="1.4"),
    )
    return before, after


_RENUMBERED = [
    ("status", "1.1 'Count the stock in every depot': status Ongoing → Completed"),
    ("added", "1.2 'Train depot keepers on the stock system': added"),
    ("status", "1.3 'Label the shelves of the depots': status Not started → Ongoing"),
]


def test_an_inserted_action_does_not_shift_the_pairs() -> None:
    """Regression: a new 1.2 inserted and the old 1.2, 1.3 renumbered 1.3, 1.4 paired each
    action with its predecessor by ref (reworded, reassigned, slipped, and the unchanged
    last one 'added'); identical texts now pair first: one added, the real changes only."""
    before, after = _renumbered_rounds()
    assert _RENUMBERED == found(before, after)


def _tracker_book(path: Path, rows: list[list[object]]) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Tracker"
    sheet.append(["Follow-up of the depot review"])
    sheet.append(["Rec #", "Recommendation", "Action #", "Key action", "Responsible", "Deadline", "Status"])  # fmt: skip
    for row in rows:
        sheet.append(row)
    workbook.save(path)


def test_an_inserted_row_in_a_partner_workbook_is_one_addition(tmp_path: Path) -> None:
    """Regression: two rounds of a partner's workbook, a row inserted and the refs below it
    renumbered: `govtrack diff` reports the one row added and the real changes only."""
    rec = [1, "Keep the depots in order."]
    _tracker_book(
        tmp_path / "round1.xlsx",
        [
            [*rec, "1.1", "Count the stock in every depot", "Logistics Unit", "2022/09", "In progress"],
            [None, None, "1.2", "Label the shelves of the depots", "Logistics Unit\nStores Unit", "2022/12", "Not started"],
            [None, None, "1.3", "Audit the depots once a year", "Logistics Unit", "2023", "Not started"],
        ],
    )  # fmt: skip
    _tracker_book(
        tmp_path / "round2.xlsx",
        [
            [*rec, "1.1", "Count the stock in every depot", "Logistics Unit", "2022/09", "Completed"],
            [None, None, "1.2", "Train depot keepers on the stock system", "HR Unit", "2023/03", "Not started"],
            [None, None, "1.3", "Label the shelves of the depots", "Logistics Unit\nStores Unit", "2022/12", "Ongoing"],
            [None, None, "1.4", "Audit the depots once a year", "Logistics Unit", "2023", "Not started"],
        ],
    )  # fmt: skip
    before, after = gt.load(tmp_path / "round1.xlsx"), gt.load(tmp_path / "round2.xlsx")
    assert [kind for kind, _ in _RENUMBERED] == [kind for kind, _ in found(before, after)]
    result = run("diff", str(tmp_path / "round1.xlsx"), str(tmp_path / "round2.xlsx"))
    assert (0, "1 added, 2 status") == (result.returncode, result.stdout.splitlines()[0])


def test_a_reworded_action_keeps_its_ref_pair_beside_an_identical_text() -> None:
    """Duplicate texts pair with the same ref first: 1.1 and 1.2 share a text, 1.2 is
    completed, and nothing else changes."""
    first = gt.Action(ref="1.1", text="Report to the board", status=gt.Status.ONGOING)
    second = attrs.evolve(first, ref="1.2", due=gt.parse_due("2023"))
    after = rec_doc(first, attrs.evolve(second, status=gt.Status.COMPLETED))
    assert [("status", "1.2 'Report to the board': status Ongoing → Completed")] == found(
        rec_doc(first, second), after
    )


def test_identical_texts_in_another_recommendation_do_not_pair_first() -> None:
    """Texts pair first within their recommendation: the same text under another
    recommendation does not take the ref's pair."""

    def doc(first: tuple[gt.Action, ...], second: tuple[gt.Action, ...]) -> gt.Document:
        return gt.Document(
            evaluations=(
                gt.Evaluation(
                    title="E",
                    recommendations=(
                        gt.Recommendation(ref="1", text="R1", actions=first),
                        gt.Recommendation(ref="2", text="R2", actions=second),
                    ),
                ),
            )
        )

    report = gt.Action(ref="1", text="Report yearly", status=gt.Status.ONGOING)
    before = doc((report,), (attrs.evolve(report, text="Hire staff"),))
    after = doc((attrs.evolve(report, status=gt.Status.COMPLETED),), (report,))
    assert [
        ("status", "Recommendation 1 › 1 'Report yearly': status Ongoing → Completed"),
        ("reworded", "Recommendation 2 › 1 'Hire staff': text reworded → 'Report yearly'"),
    ] == found(before, after)


@given(
    st.lists(actions, min_size=1, max_size=8, unique_by=lambda a: " ".join(a.text.split()).casefold()),
    st.data(),
    st.sampled_from(["recommendation", "plan"]),
)  # fmt: skip
def test_inserting_an_action_and_renumbering_is_one_addition(
    listed: list[gt.Action], data: st.DataObject, container: str
) -> None:
    """An action of a new text inserted anywhere in a list whose refs are then renumbered
    (1.1, 1.2, ...): diff reports exactly one change, that action added."""
    *kept, inserted = listed
    assume(kept)
    position = data.draw(st.integers(0, len(kept)), label="position")

    def numbered(items: list[gt.Action]) -> tuple[gt.Action, ...]:
        return tuple(attrs.evolve(item, ref=f"1.{n}") for n, item in enumerate(items, 1))

    def doc(items: list[gt.Action]) -> gt.Document:
        if container == "plan":
            return gt.Document(plans=(gt.ActionPlan(title="P", actions=numbered(items)),))
        return rec_doc(*numbered(items))

    after = doc([*kept[:position], inserted, *kept[position:]])
    assert [(ChangeKind.ADDED, f"1.{position + 1}")] == [
        (change.kind, _ref_of(change.new)) for change in diff(doc(kept), after, notes=True)
    ]


def _it_plan(*actions: gt.Action) -> gt.Document:
    return gt.Document(plans=(gt.ActionPlan(title="Plan", actions=actions),))


def _it(ref: str, text: str, status: str) -> gt.Action:
    return gt.Action(
        ref=ref, text=text, responsible=("IT",), status=gt.Status.parse(status), status_text=status
    )


def test_a_renumbered_slightly_reworded_action_keeps_its_pair() -> None:
    """An action inserted above another that is renumbered and reworded: the ref pair of two
    unlike texts no longer wins over a near-identical text one row down, so the status
    change is reported (it was `reworded 2 'Set up database' → 'Procure servers'`, then
    `added 3`, the status change lost)."""
    old = _it_plan(
        _it("1", "Recruit an M&E officer", "Ongoing"), _it("2", "Set up database", "Not started")
    )
    new = _it_plan(
        _it("1", "Recruit an M&E officer", "Ongoing"),
        _it("2", "Procure servers", "Not started"),
        _it("3", "Set up the database", "Ongoing"),
    )
    found = [(c.kind, _text_of(c.old), _text_of(c.new)) for c in diff(old, new)]
    assert [
        (ChangeKind.ADDED, None, "Procure servers"),
        (ChangeKind.REWORDED, "Set up database", "Set up the database"),
        (ChangeKind.STATUS, "Set up database", "Set up the database"),
    ] == found


def test_a_rewritten_action_at_its_ref_is_still_reworded() -> None:
    """A text rewritten at the same ref, unlike any other, keeps its pair (reworded)."""
    old = _it_plan(_it("1", "Hire", "Ongoing"), _it("2", "Set up database", "Not started"))
    new = _it_plan(_it("1", "Hire", "Ongoing"), _it("2", "Procure servers", "Ongoing"))
    assert [ChangeKind.REWORDED, ChangeKind.STATUS] == [c.kind for c in diff(old, new)]


_long_words = st.sampled_from(
    ["recruit", "officer", "database", "training", "monitor", "budget", "report", "survey"]
)


@given(
    texts=st.lists(
        st.lists(_long_words, min_size=4, max_size=6).map(" ".join),
        min_size=1,
        max_size=5,
        unique=True,
    ),
    data=st.data(),
)
def test_an_insert_above_and_a_one_word_reword_keep_the_status_change(
    texts: list[str], data: st.DataObject
) -> None:
    """Inserting an unrelated action above one and rewording one of its words (its ref
    moves down by one) never loses its status change, when the two texts are alike by the
    documented rule (difflib's ratio at least SIMILARITY: a one-word reword of a short text
    of repeated words may fall below it, and is then another action)."""
    at = data.draw(st.integers(min_value=0, max_value=len(texts) - 1))
    words = texts[at].split()
    word = data.draw(st.integers(min_value=0, max_value=len(words) - 1))
    words[word] = data.draw(_long_words.filter(lambda new: new != words[word]))
    reworded = " ".join(words)
    assume(reworded not in texts)
    assume(difflib.SequenceMatcher(None, texts[at], reworded).ratio() >= changes.SIMILARITY)
    old = [_it(str(i + 1), text, "Not started") for i, text in enumerate(texts)]
    changed = [*texts[:at], "X9 Q7 Z8 K6", reworded, *texts[at + 1 :]]
    new = [
        _it(str(i + 1), text, "Ongoing" if text == reworded else "Not started")
        for i, text in enumerate(changed)
    ]
    statuses = [
        (_text_of(c.old), _text_of(c.new))
        for c in diff(_it_plan(*old), _it_plan(*new))
        if c.kind is ChangeKind.STATUS
    ]
    assert [(texts[at], reworded)] == statuses


def _two_recommendations(status: gt.Status) -> gt.Document:
    def action(ref: str, text: str) -> gt.Action:
        return gt.Action(ref=ref, text=text, responsible=("Unit A",), status=status)

    return gt.Document(
        evaluations=(
            gt.Evaluation(
                title="E",
                recommendations=(
                    gt.Recommendation(
                        ref="1",
                        text="First",
                        actions=(action("1", "Train the workers."), action("2", "Buy tapes.")),
                    ),
                    gt.Recommendation(
                        ref="2",
                        text="Second",
                        actions=(action("1", "Train the staff."), action("2", "Publish it.")),
                    ),
                ),
            ),
        )
    )


def test_an_action_whose_ref_is_its_recommendations_is_labelled_like_the_others() -> None:
    """Regression: action 2 of recommendation 2 was labelled `2 'Publish it.'`, with no
    `Recommendation 2 › ` (its ref equals the recommendation's), so it read as action 2 of
    recommendation 1; every action numbered from 1 under a recommendation is labelled alike,
    and each change carries its recommendation's ref."""
    changed = diff(
        _two_recommendations(gt.Status.ONGOING), _two_recommendations(gt.Status.COMPLETED)
    )
    assert [change.message.split(":")[0] for change in changed] == [
        "Recommendation 1 › 1 'Train the workers.'",
        "Recommendation 1 › 2 'Buy tapes.'",
        "Recommendation 2 › 1 'Train the staff.'",
        "Recommendation 2 › 2 'Publish it.'",
    ]
    assert [change.recommendation for change in changed] == ["1", "1", "2", "2"]


@given(
    st.lists(st.integers(1, 9), min_size=1, max_size=3, unique=True),
    st.lists(st.sampled_from(["1", "2", "3", "1.1", "2.1", "2-1", "3.", "2."]), max_size=4),
)
def test_every_label_under_a_recommendation_says_which(
    recommendation_refs: list[int], action_refs: list[str]
) -> None:
    """A change's label names the recommendation, or its ref extends the recommendation's."""

    def document(status: gt.Status) -> gt.Document:
        return gt.Document(
            evaluations=(
                gt.Evaluation(
                    title="E",
                    recommendations=tuple(
                        gt.Recommendation(
                            ref=str(number),
                            text=f"Recommendation {number}",
                            actions=tuple(
                                gt.Action(ref=ref, text=f"Do {number} {index}", status=status)
                                for index, ref in enumerate(action_refs)
                            ),
                        )
                        for number in recommendation_refs
                    ),
                ),
            )
        )

    for change in diff(document(gt.Status.ONGOING), document(gt.Status.COMPLETED)):
        action = change.new
        assert isinstance(action, gt.Action)
        number = change.recommendation
        assert number in {str(n) for n in recommendation_refs}
        named = change.message.startswith(f"Recommendation {number} › ")
        extends = (
            action.ref.startswith((f"{number}.", f"{number}-")) and action.ref.rstrip(".") != number
        )
        assert named != extends


def test_diff_is_exported_from_the_package() -> None:
    """Regression: diff, Change and ChangeKind were importable from govtrack.changes only,
    which docs/reference/api.md says is not where names are imported from."""
    assert (True, True, True) == (
        gt.diff is diff,
        gt.Change is changes.Change,
        gt.ChangeKind is ChangeKind,
    )
    assert {"diff", "Change", "ChangeKind"} <= set(gt.__all__)


def test_a_renumbered_action_is_reported() -> None:
    """Regression: an action paired by its text whose ref changed (1.1 → 1.9) was reported
    as no change at all; the pair is kept and the renumbering reported."""
    old = _it_plan(gt.Action(ref="1.1", text="Hire", responsible=("HR",)))
    new = _it_plan(gt.Action(ref="1.9", text="Hire", responsible=("HR",)))
    assert [(ChangeKind.RENUMBERED, "1.1", "1.9", "1.1 'Hire': renumbered 1.1 → 1.9")] == [
        (c.kind, _ref_of(c.old), _ref_of(c.new), c.message) for c in diff(old, new)
    ]


def test_a_renumbering_comes_first_among_a_pairs_changes() -> None:
    """A renumbered action whose status also changed reports the renumbering, then the
    status, under its recommendation."""
    old = rec_doc(gt.Action(ref="1.1", text="Hire", status=gt.Status.ONGOING))
    new = rec_doc(gt.Action(ref="1.a", text="Hire", status=gt.Status.COMPLETED))
    assert [
        ("renumbered", "1.1 'Hire': renumbered 1.1 → 1.a", "1"),
        ("status", "1.a 'Hire': status Ongoing → Completed", "1"),
    ] == [(c.kind.value, c.message, c.recommendation) for c in diff(old, new)]


@pytest.mark.parametrize(("before", "after"), [("1.1", "1.1."), ("1.1", " 1.1 "), ("a)", "A")])
def test_a_ref_retyped_is_not_a_renumbering(before: str, after: str) -> None:
    """Spacing, case and a final '.' or ')' are not a renumbering."""
    old = _it_plan(gt.Action(ref=before, text="Hire"))
    new = _it_plan(gt.Action(ref=after, text="Hire"))
    assert [] == diff(old, new)


def test_a_removal_above_is_a_shift_not_a_renumbering() -> None:
    """An action removed and those below it renumbered up: one removal, nothing else; a ref
    changed otherwise beside it is still reported."""
    first, second, third = (
        gt.Action(ref=f"1.{n}", text=text) for n, text in enumerate(["Hire", "Train", "Audit"], 1)
    )
    shifted = _it_plan(first, attrs.evolve(third, ref="1.2"))
    assert [(ChangeKind.REMOVED, "1.2")] == [
        (c.kind, _ref_of(c.old)) for c in diff(_it_plan(first, second, third), shifted)
    ]
    moved = _it_plan(first, attrs.evolve(third, ref="1.8"))
    assert [ChangeKind.RENUMBERED, ChangeKind.REMOVED] == [
        c.kind for c in diff(_it_plan(first, second, third), moved)
    ]


@given(
    st.lists(
        actions, min_size=1, max_size=6, unique_by=lambda a: " ".join(a.text.casefold().split())
    ),
    st.data(),
)
def test_a_ref_changed_by_no_insertion_is_reported(
    listed: list[gt.Action], data: st.DataObject
) -> None:
    """Any list numbered 1.1, 1.2, ... in which one action's ref is changed to a ref no
    other action has, nothing else changed: diff reports that action renumbered, only."""
    assume(all(" ".join(action.text.split()) for action in listed))
    numbered = [attrs.evolve(item, ref=f"1.{n}") for n, item in enumerate(listed, 1)]
    index = data.draw(st.integers(0, len(numbered) - 1), label="index")
    ref = data.draw(st.sampled_from(["1.99", "2.1", "1.a", "", "A"]), label="ref")
    changed = [*numbered]
    changed[index] = attrs.evolve(numbered[index], ref=ref)
    assert [(ChangeKind.RENUMBERED, f"1.{index + 1}", ref)] == [
        (c.kind, _ref_of(c.old), _ref_of(c.new)) for c in diff(numbered, changed)
    ]


# ---------------------------------------------------------------------------
# Renumbering against insertions, removals, reorders and renumbered recommendations


def _recs_doc(*recommendations: gt.Recommendation) -> gt.Document:
    return gt.Document(evaluations=(gt.Evaluation(title="E", recommendations=recommendations),))


def _numbered_rec(ref: str, text: str, *texts: str) -> gt.Recommendation:
    return gt.Recommendation(
        ref=ref,
        text=text,
        actions=tuple(
            gt.Action(ref=f"{ref}.{n}", text=action) for n, action in enumerate(texts, 1)
        ),
    )


def test_a_recommendation_inserted_above_renumbers_none_of_the_actions_below() -> None:
    """Regression: a recommendation inserted at the top renumbered the two below (1 → 2,
    2 → 3); recommendation 2's actions were reported `renumbered 2.1 → 3.1` (compared with
    the old recommendation 3's list, which had none) while recommendation 1's were not. The
    recommendation's renumbering carries its actions' refs: one addition, nothing else."""
    old = _recs_doc(
        _numbered_rec("1", "Staff the unit", "Hire staff", "Train staff"),
        _numbered_rec("2", "Keep the books", "Audit books", "Publish report"),
    )
    new = _recs_doc(
        _numbered_rec("1", "Equip the unit", "Buy cars"),
        _numbered_rec("2", "Staff the unit", "Hire staff", "Train staff"),
        _numbered_rec("3", "Keep the books", "Audit books", "Publish report"),
    )
    assert [(ChangeKind.ADDED, "1.1 'Buy cars': added")] == [
        (change.kind, change.message) for change in diff(old, new)
    ]


def test_a_rotated_list_reports_each_action_renumbered() -> None:
    """Regression: [1 a, 2 b, 3 c] rotated to [1 b, 2 c, 3 a] was no change, each new ref
    being the one the old round had at its new place; nothing was inserted or removed, so
    each ref change is a renumbering."""
    old = [gt.Action(ref=str(n), text=text) for n, text in enumerate("abc", 1)]
    new = [gt.Action(ref=str(n), text=text) for n, text in enumerate("bca", 1)]
    assert [
        "2 'b': renumbered 2 → 1",
        "3 'c': renumbered 3 → 2",
        "1 'a': renumbered 1 → 3",
    ] == [str(change) for change in diff(old, new)]


def test_a_recommendation_renumbered_and_an_action_moved_within_it() -> None:
    """A recommendation renumbered (1 → 2) carries its actions' refs, but an action moved
    down its list with nothing inserted above it is still renumbered."""
    old = _recs_doc(_numbered_rec("1", "Staff the unit", "Hire staff", "Train staff"))
    new = _recs_doc(
        _numbered_rec("1", "Equip the unit", "Buy cars"),
        _numbered_rec("2", "Staff the unit", "Train staff", "Hire staff"),
    )
    assert [
        (ChangeKind.ADDED, "1.1"),
        (ChangeKind.RENUMBERED, "2.1"),
        (ChangeKind.RENUMBERED, "2.2"),
    ] == [(change.kind, _ref_of(change.new)) for change in diff(old, new)]


def test_lettered_refs_shift_by_letters() -> None:
    """A list lettered a), b), c) with one removed at the top and the rest relettered: one
    removal; a letter moved further is a renumbering."""
    old = [
        gt.Action(ref=f"{letter})", text=text) for letter, text in zip("abc", "xyz", strict=True)
    ]
    shifted = [gt.Action(ref="a)", text="y"), gt.Action(ref="b)", text="z")]
    assert [(ChangeKind.REMOVED, "a)")] == [(c.kind, _ref_of(c.old)) for c in diff(old, shifted)]
    moved = [gt.Action(ref="a)", text="y"), gt.Action(ref="d)", text="z")]
    assert [ChangeKind.RENUMBERED, ChangeKind.REMOVED] == [c.kind for c in diff(old, moved)]


_REF_STYLES: dict[str, Callable[[int], str]] = {
    "number": str,
    "outline": lambda n: f"1.{n}",
    "letter": lambda n: f"{chr(ord('a') + n - 1)})",
}


def _distinct_texts(listed: list[gt.Action]) -> list[str]:
    texts = [action.text for action in listed]
    assume(all(" ".join(text.split()) for text in texts))
    return texts


@given(
    st.lists(actions, min_size=1, max_size=8, unique_by=lambda a: " ".join(a.text.split()).casefold()),
    st.data(),
    st.sampled_from(sorted(_REF_STYLES)),
    st.sampled_from(["recommendation", "plan"]),
)  # fmt: skip
def test_one_insertion_or_removal_is_that_change_only(
    listed: list[gt.Action], data: st.DataObject, style: str, container: str
) -> None:
    """For any list of actions numbered 1..n (1, 2, ...; 1.1, 1.2, ...; a), b), ...) and any
    single action inserted or removed, the rest renumbered in order: diff reports exactly
    that addition or removal, and no renumbering."""
    texts = _distinct_texts(listed)
    make = _REF_STYLES[style]

    def doc(items: list[str]) -> gt.Document:
        numbered = tuple(gt.Action(ref=make(n), text=text) for n, text in enumerate(items, 1))
        if container == "plan":
            return gt.Document(plans=(gt.ActionPlan(title="P", actions=numbered),))
        return rec_doc(*numbered)

    *kept, extra = texts
    position = data.draw(st.integers(0, len(kept)), label="position")
    longer = [*kept[:position], extra, *kept[position:]]
    assert [(ChangeKind.ADDED, make(position + 1))] == [
        (change.kind, _ref_of(change.new)) for change in diff(doc(kept), doc(longer))
    ]
    assert [(ChangeKind.REMOVED, make(position + 1))] == [
        (change.kind, _ref_of(change.old)) for change in diff(doc(longer), doc(kept))
    ]


@given(
    st.lists(actions, min_size=2, max_size=8, unique_by=lambda a: " ".join(a.text.split()).casefold()),
    st.data(),
    st.sampled_from(sorted(_REF_STYLES)),
)  # fmt: skip
def test_a_reordered_list_reports_every_action_whose_ref_changed(
    listed: list[gt.Action], data: st.DataObject, style: str
) -> None:
    """For any list numbered 1..n and any reordering of it that is not the identity, the
    refs then numbered in order again (nothing inserted or removed): diff reports every
    action whose ref changed renumbered, and nothing else."""
    texts = _distinct_texts(listed)
    make = _REF_STYLES[style]
    order = data.draw(st.permutations(range(len(texts))), label="order")
    assume(order != sorted(order))
    old = [gt.Action(ref=make(n), text=text) for n, text in enumerate(texts, 1)]
    new = [gt.Action(ref=make(n), text=texts[index]) for n, index in enumerate(order, 1)]
    assert [
        (ChangeKind.RENUMBERED, make(index + 1), make(n))
        for n, index in enumerate(order, 1)
        if index + 1 != n
    ] == [(change.kind, _ref_of(change.old), _ref_of(change.new)) for change in diff(old, new)]


_UNLIKE = (
    "Hire staff",
    "Audit books",
    "Buy two cars",
    "Publish the yearly report",
    "Map every clinic",
    "Wire the depots",
    "Draft a gender policy",
    "Survey farmers",
    "Open a helpline",
    "Close old accounts",
    "Renew the lease",
    "Test water quality",
    "Print school kits",
    "Launch radio spots",
    "Fix the pumps",
)
"""Action texts no two of which are alike enough to pair (a ratio below SIMILARITY)."""


@given(st.integers(1, 4), st.data())
def test_a_recommendation_inserted_anywhere_is_its_actions_added(
    count: int, data: st.DataObject
) -> None:
    """For any evaluation of recommendations 1..n, each with actions r.1, r.2, ..., and a
    recommendation inserted anywhere with those below renumbered (their actions' refs
    with them): diff reports the inserted recommendation's actions added, nothing else."""
    sizes = data.draw(st.lists(st.integers(1, 3), min_size=count + 1, max_size=count + 1))
    pool = iter(_UNLIKE)
    contents = [[next(pool) for _ in range(size)] for size in sizes]
    *kept, extra = contents
    position = data.draw(st.integers(0, len(kept)), label="position")

    def doc(lists: list[list[str]]) -> gt.Document:
        return _recs_doc(
            *(_numbered_rec(str(n), f"Rec {texts[0]}", *texts) for n, texts in enumerate(lists, 1))
        )

    after = doc([*kept[:position], extra, *kept[position:]])
    assert [(ChangeKind.ADDED, f"{position + 1}.{n}") for n in range(1, len(extra) + 1)] == [
        (change.kind, _ref_of(change.new)) for change in diff(doc(kept), after)
    ]


@pytest.mark.parametrize(
    "make",
    [
        tuple,
        lambda actions: gt.ActionPlan(title="P", actions=tuple(actions)),
        lambda actions: rec_doc(*actions).evaluations[0],
        lambda actions: rec_doc(*actions).evaluations[0].recommendations[0],
        lambda actions: [_it_plan(*actions[:1]), _it_plan(*actions[1:])],
        lambda actions: (action for action in actions),
    ],
    ids=["tuple", "plan", "evaluation", "recommendation", "documents", "generator"],
)
def test_diff_takes_what_summarize_takes(make: Any) -> None:
    """Regression: diff(list_of_actions, ...) failed with AttributeError ('list' object has
    no attribute 'evaluations'); it takes what summarize takes, on either side."""
    before = [gt.Action(ref="1", text="Hire", status=gt.Status.ONGOING), gt.Action(text="Train")]
    after = [gt.Action(ref="1", text="Hire", status=gt.Status.COMPLETED), gt.Action(text="Train")]
    assert [(ChangeKind.STATUS, "1 'Hire': status Ongoing → Completed")] == [
        (c.kind, c.message.rsplit("› ", 1)[-1]) for c in diff(make(before), make(after))
    ]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("minutes.md", [], "diff(old) takes a Document, an Evaluation, "),
        ([], {"text": "Hire"}, "diff(new) takes a Document, an Evaluation, "),
        ([gt.Action(text="Hire"), 3], [], "not a list holding int 3 at [1]"),
        ([], [gt.ActionPlan(title="P")], "at [0] (pass its .actions, or the record itself)"),
        (None, [], "diff(old) takes "),
    ],
)
def test_diff_names_what_it_takes(old: object, new: object, message: str) -> None:
    """Something diff cannot compare is a WrongTypeError (a GovtrackError and a TypeError)
    naming the side and what it takes."""
    with pytest.raises(gt.WrongTypeError) as raised:
        diff(old, new)  # type: ignore[arg-type]
    assert message in str(raised.value)
    assert isinstance(raised.value, TypeError)
