"""The action-matrix reader and writer (``format="matrix"``): pipe-flattened and Markdown."""

from __future__ import annotations

import collections
import contextlib
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
from govtrack.io import columns, gate, matrix
from strategies import plans

DATA = Path(__file__).parent / "data" / "matrix"


def _read(name: str) -> gt.Document:
    return matrix.loads((DATA / name).read_text(encoding="utf-8"), source=name)


def _codes(doc: gt.Document) -> list[str]:
    return [problem.code for problem in doc.problems]


# ---------------------------------------------------------------------------
# Pipe-flattened


def test_flattened_rows_and_columns() -> None:
    """Cells end at a trailing or lone pipe; the unnamed first column is the action."""
    doc = _read("flattened.txt")
    expected = [
        ("UZB", "Set up a gender focal point network across the agencies",
         ("Country Representative",), "2017/03", gt.Status.COMPLETED),
        ("UZB", "Publish a joint statement for the 16 days campaign",
         ("Country Representative", "Communications Officer"), "2017/11", gt.Status.OVERDUE),
        ("ARM", "Hand the coordination role to another agency",
         ("Programme Specialist (Yerevan)",), "2017/06", gt.Status.NO_LONGER_APPLICABLE),
        ("ARM", "Share the “gender scorecard” results with Ministère partners",
         ("Programme Specialist (Yerevan)",), "2017/12", gt.Status.NOT_STARTED),
    ]  # fmt: skip
    actual = [(a.scope, a.text, a.responsible, a.deadline_text, a.status) for a in doc.actions]
    assert expected == actual
    assert [] == _codes(doc)


def test_flattened_multi_line_cells_keep_line_breaks() -> None:
    """A cell spanning lines keeps its line breaks; empty cells are empty."""
    actions = _read("flattened.txt").actions
    expected = [
        "The network met four times.\nMinutes are on the shared drive.",
        "",
        "Another agency took the chair.",
        "Waiting for the final report – expected soon.",
    ]
    assert expected == [action.comments for action in actions]


def test_flattened_unknown_column_goes_to_extra() -> None:
    """A column govtrack has no name for is kept by its header; empty cells are left out."""
    actions = _read("flattened.txt").actions
    assert [{"Budget": "USD 5,000"}, {}, {}, {}] == [dict(action.extra) for action in actions]


def test_flattened_origins() -> None:
    """Each action's origin is the line where its row starts."""
    actions = _read("flattened.txt").actions
    assert [7, 17, 24, 35] == [action.origin.line for action in actions if action.origin]


def test_flattened_crlf_and_bom() -> None:
    """CRLF line ends and a byte-order mark change nothing."""
    text = (DATA / "flattened.txt").read_text(encoding="utf-8")
    assert matrix.loads(text) == matrix.loads("\ufeff" + text.replace("\n", "\r\n"))


def test_flattened_truncated() -> None:
    """A text cut inside a row reads the rows it has, the cut one padded, with GT321."""
    text = (DATA / "flattened.txt").read_text(encoding="utf-8")
    cut = text[: text.index("2017/12 |")] + "2017/12 |\nNot Ini"
    doc = matrix.loads(cut)
    assert 4 == len(doc.actions)
    last = doc.actions[-1]
    assert ("2017/12", "Not Ini", None, "") == (
        last.deadline_text,
        last.status_text,
        last.status,
        last.comments,
    )
    assert ["GT321", "GT321"] == _codes(doc)


# ---------------------------------------------------------------------------
# Markdown


def test_markdown_table() -> None:
    """A Markdown table: headers by alias, <br> as line breaks, \\| as a pipe, scope prefixes."""
    doc = _read("markdown.md")
    plan = doc.plans[0]
    assert "Follow-up plan of the country office" == plan.title
    expected = [
        gt.Action(text="Train the district clerks", scope="KGZ",
                  responsible=("HR Unit", "Gender Unit"), due=gt.parse_due("Q2 2023"),
                  status=gt.Status.ONGOING, status_text="Ongoing",
                  comments="First session held\nSecond in June", extra={"Budget line": "B-12"}),
        gt.Action(text="Translate the manual | both languages", responsible=("Translation Unit",),
                  due=gt.parse_due("2023/09"), status=gt.Status.COMPLETED, status_text="Done"),
        gt.Action(text="Review the hotline data", scope="TJK", responsible=("M&E Unit",),
                  due=gt.parse_due("first half of 2024"), status=gt.Status.NOT_STARTED,
                  status_text="Not started",
                  comments="Data sharing agreement pending\nLegal review asked"),
    ]  # fmt: skip
    assert expected == list(plan.actions)
    assert [] == _codes(doc)
    assert [5, 6, 7] == [action.origin.line for action in plan.actions if action.origin]


def test_markdown_aliases_from_the_caller() -> None:
    """`aliases=` lets a caller name a column the built-in vocabulary does not know."""
    text = "| Task | Lead | Target quarter |\n|---|---|---|\n| Hire | HR | Q3 2024 |\n"
    doc = matrix.loads(text, aliases={"deadline": ["Target quarter"]})
    assert gt.parse_due("Q3 2024") == doc.actions[0].due
    assert ["GT323"] == _codes(matrix.loads(text))


def test_markdown_ragged_rows() -> None:
    """A row with too few cells is padded, one with too many keeps the surplus (GT320)."""
    text = "| Action | Status |\n|---|---|\n| Hire |\n| Fire | Done | late |\n"
    doc = matrix.loads(text)
    assert [("Hire", ""), ("Fire", "Done")] == [(a.text, a.status_text) for a in doc.actions]
    assert {"Column 3": "late"} == dict(doc.actions[1].extra)
    assert ["GT320", "GT320"] == _codes(doc)


def test_markdown_scope_column_keeps_the_text() -> None:
    """With a Scope column, a prefix in the text is text, not scope."""
    text = "| Scope | Action |\n|---|---|\n| | KAZ: Hire |\n"
    action = matrix.loads(text).actions[0]
    assert ("", "KAZ: Hire") == (action.scope, action.text)


def test_markdown_two_tables_are_two_plans() -> None:
    """Each table is a plan; a heading names the plan below it; other text is kept as notes."""
    text = (
        "# First\n\n| Action |\n|---|\n| A |\n\nSome remark.\n# Second\n\n"
        "| Action |\n|---|\n| B |\n"
    )
    doc = matrix.loads(text)
    assert [("First", "A"), ("Second", "B")] == [(p.title, p.actions[0].text) for p in doc.plans]
    assert {"Notes": "Some remark."} == dict(doc.plans[1].extra)
    assert ["GT324"] == _codes(doc)


def test_duplicate_column() -> None:
    """A second Status column goes to extra (GT322)."""
    text = "| Action | Status | State |\n|---|---|---|\n| Hire | Done | Ongoing |\n"
    doc = matrix.loads(text)
    assert ({"State": "Ongoing"}, gt.Status.COMPLETED) == (
        dict(doc.actions[0].extra),
        doc.actions[0].status,
    )
    assert ["GT322"] == _codes(doc)


def test_not_a_matrix_raises() -> None:
    """A text with no table at all is refused with a clear message."""
    with pytest.raises(gt.FormatError, match="not an action matrix"):
        matrix.loads("Record notes of the meeting.\nThe chair opened the meeting.\n")


def test_loads_through_the_api() -> None:
    """`gt.loads` sniffs both shapes as matrices."""
    for name in ("flattened.txt", "markdown.md"):
        text = (DATA / name).read_text(encoding="utf-8")
        assert matrix.loads(text) == gt.loads(text) == gt.loads(text, format="matrix")


# ---------------------------------------------------------------------------
# Sniffing and the seed


@pytest.mark.parametrize(
    "text",
    [
        "# Record Notes\n\nDate and Time: 23 April 2019\nVenue: Room 2\n\n- 1. The chair opened.\n",
        "20 June 2017\nHotel, City\n\nA working group meeting was held.\n",
        "Scheduled Activities\n\nImplementation Status\n\nOn Schedule\n\nRecommendations\n",
        "Recommendation: Train\nManagement Response Category: Accepted\nKey Actions\n",
        "a | b |\n",
        "",
    ],
)
def test_sniff_leaves_other_formats_alone(text: str) -> None:
    """Record notes, narrative and progress reports, gate exports score 0."""
    assert 0.0 == matrix.sniff(text)


def test_sniff_claims_both_shapes() -> None:
    """The fixtures score high."""
    for name in ("flattened.txt", "markdown.md"):
        assert matrix.sniff((DATA / name).read_text(encoding="utf-8")) >= 0.8


def test_seed_004(seeds: Path) -> None:
    """Seed 004: 8 actions, 7 Completed and 1 No Longer Applicable; KAZ×4, TKM×2, TAJ×2."""
    path = next(seeds.glob("004_*.txt"))
    doc = matrix.loads(path.read_text(encoding="utf-8"), source=path.name)
    assert 8 == len(doc.actions)
    statuses = collections.Counter(action.status for action in doc.actions)
    assert {gt.Status.COMPLETED: 7, gt.Status.NO_LONGER_APPLICABLE: 1} == dict(statuses)
    assert {"KAZ": 4, "TKM": 2, "TAJ": 2} == dict(collections.Counter(a.scope for a in doc.actions))
    deadlines = collections.Counter(action.deadline_text for action in doc.actions)
    assert {"2016/12": 6, "2016/06": 1, "2016/04": 1} == dict(deadlines)
    assert all(action.responsible for action in doc.actions)
    assert all(not action.text.startswith(("KAZ", "TKM", "TAJ")) for action in doc.actions)
    assert 6 == doc.actions[1].comments.count("\n")
    assert [] == _codes(doc)


# ---------------------------------------------------------------------------
# Properties


@given(st.text(st.characters(codec="utf-8"), max_size=300))
def test_loads_raises_only_govtrack_errors(text: str) -> None:
    """Arbitrary text is read or refused with a GovtrackError, never anything else."""
    with contextlib.suppress(gt.GovtrackError):
        matrix.loads(text)


@given(st.lists(st.sampled_from([
    "|", "Responsible |", "Deadline |", "Status |", "KAZ:", "x |", "2016/12", "| a | b |",
    "|---|---|", "| Action | Status |", "", "# T", "a\\|b |", "<br>|",
]), max_size=30).map("\n".join))  # fmt: skip
def test_loads_survives_shuffled_fragments(text: str) -> None:
    """Fragments of both shapes in any order are read or refused with a GovtrackError."""
    with contextlib.suppress(gt.GovtrackError):
        matrix.loads(text)


_KNOWN = columns.merge_aliases()


def _cell(text: str) -> str:
    return text.strip(" \t")


def _line(text: str) -> str:
    return " ".join(text.split())


def _expressible_action(action: gt.Action) -> gt.Action:
    status_text = _cell(action.status_text)
    if action.status is not None:
        status_text = action.status.label
    elif gt.Status.parse(status_text) is not None:
        status_text = ""
    due_text = _cell(action.due_text)
    if due_text:
        try:
            gt.parse_due(due_text)
            due_text = ""
        except gt.DueParseError:
            pass
    updates = tuple(
        gt.Update(text=_line(u.text) or "x", on=u.on) for u in action.updates if u.on is not None
    )
    if gate.split_updates(gate.render_updates("", updates, separator="\n")) != ("", updates):
        updates = ()
    parties = (_line(p.translate(str.maketrans("", "", ",;()[]"))) for p in action.responsible)
    extra = {
        _line(key): _cell(value)
        for key, value in action.extra.items()
        if _line(key) and _cell(value) and columns.normalise_header(key) not in _KNOWN
        and not _line(key).startswith("Column ")
    }  # fmt: skip
    return gt.Action(
        text=_cell(action.text) or "x",
        ref=_cell(action.ref),
        responsible=tuple(p for p in parties if p),
        due=action.due,
        due_text=due_text,
        status=action.status,
        status_text=status_text,
        comments=_cell(action.comments),
        updates=updates,
        scope=_cell(action.scope),
        group=_cell(action.group),
        extra=extra,
    )


def _expressible(plan: gt.ActionPlan) -> gt.ActionPlan:
    """The plan as a Markdown table can express it (see ``matrix.dumps``)."""
    title = _line(plan.title).lstrip("#").strip()
    return gt.ActionPlan(
        title=title, actions=tuple(_expressible_action(action) for action in plan.actions)
    )


@given(st.lists(plans.map(_expressible), max_size=3))
def test_round_trip(expressible: list[gt.ActionPlan]) -> None:
    """`loads(dumps(doc)) == doc` for plans of actions the table can express."""
    doc = gt.Document(plans=tuple(expressible))
    if not expressible:
        return
    actual = matrix.loads(matrix.dumps(doc))
    assert doc == actual
    assert () == actual.problems


def test_round_trip_escapes() -> None:
    """Pipes, backslashes, a literal <br> and line breaks survive a round trip."""
    action = gt.Action(text="a | b \\ c <br> d\ne", scope="TAJ", comments="x\\|y",
                       extra={"Budget": "1 | 2"})  # fmt: skip
    doc = gt.Document(plans=(gt.ActionPlan(title="Plan", actions=(action,)),))
    assert doc == matrix.loads(matrix.dumps(doc))


def test_an_ambiguous_day_is_a_problem_once_and_dayfirst_settles_it() -> None:
    """'03/04/2024' is kept as text with GT326 (not GT104 as well); dayfirst= reads it."""
    text = "| Action | Deadline |\n|---|---|\n| Hire | 03/04/2024 |\n"
    doc = gt.loads(text, format="matrix")
    codes = [p.code for p in doc.problems] + [
        i.code for i in gt.validate(doc, on=dt.date(2024, 1, 1), select=["GT104"])
    ]
    settled = gt.loads(text, format="matrix", dayfirst=True).actions[0].due
    assert (["GT326"], "03/04/2024", dt.date(2024, 4, 3)) == (
        codes,
        doc.actions[0].due_text,
        settled.end if settled else None,
    )


@pytest.mark.parametrize(
    ("document", "left"),
    [
        (gt.Document(evaluations=(gt.Evaluation(title="E"),)), "1 evaluation"),
        (
            gt.Document(
                plans=(gt.ActionPlan(actions=(gt.Action(text="a"),)),),
                meetings=(gt.Meeting(title="M"), gt.Meeting(title="N")),
                reports=(gt.ProgressReport(title="R"),),
            ),
            "2 meetings and 1 progress report",
        ),
    ],
)
def test_records_the_matrix_cannot_hold_are_refused_not_dropped(
    document: gt.Document, left: str
) -> None:
    """Only action plans fit a matrix: anything else is refused, named, with what to use."""
    with pytest.raises(gt.WriteError, match=f"has {left}, which would be left out") as caught:
        gt.dumps(document, format="matrix")
    assert 'format="json"' in str(caught.value)


def test_reading_problems_do_not_stop_a_matrix() -> None:
    """Problems are not records (reading the source again finds them): a plan still writes."""
    problem = gt.Issue(code="GT213", message="row 4 has data but no action text")
    document = gt.Document(
        plans=(gt.ActionPlan(actions=(gt.Action(text="a"),)),), problems=(problem,)
    )
    assert "| a |" in gt.dumps(document, format="matrix")
