"""The action-matrix reader and writer (``format="matrix"``): pipe-flattened and Markdown."""

from __future__ import annotations

import collections
import contextlib
import datetime as dt
import re
import tempfile
from pathlib import Path

import attrs
import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
from govtrack.io import columns, excel, gate, matrix
from strategies import (
    broken_parties,
    list_markers,
    outline_refs,
    outlines,
    plans,
    punctuated_parties,
    refs,
    texts,
)

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
    assert ["GT329"] == _codes(doc)  # the scopes read from the texts


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
    assert ["GT321", "GT321", "GT329", "GT101"] == _codes(doc)  # GT101: `Not Ini`


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
    assert ["GT329"] == _codes(doc)  # the scopes read from the texts
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
    assert ["GT329"] == _codes(doc)  # info: the scope prefixes were split off (once a table)


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
        if _line(key) and _cell(value) and columns.header_key(key, _KNOWN) is None
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
    """`loads(dumps(doc))` holds the records of plans of actions the table can express, and
    the problems of the new reading only, as `gt.loads` reads it: each status word and
    deadline kept as text (GT101, GT104) at its row's line."""
    doc = gt.Document(plans=tuple(expressible))
    if not expressible:
        return
    text = matrix.dumps(doc)
    actual = matrix.loads(text)
    assert (attrs.evolve(doc, problems=actual.problems), actual) == (
        actual,
        gt.loads(text, format="matrix"),
    )
    lines = [a.origin.line if a.origin else 0 for a in actual.actions]
    unread = [
        *(
            ("GT101", n)
            for n, a in zip(lines, doc.actions, strict=True)
            if a.status is None and a.status_text
        ),
        *(
            ("GT104", n)
            for n, a in zip(lines, doc.actions, strict=True)
            if a.due is None and a.due_text
        ),
    ]
    assert unread == [(p.code, p.location.line if p.location else 0) for p in actual.problems]


@pytest.mark.parametrize(
    ("due", "dates"),
    [
        (gt.Due.day(dt.date(2023, 3, 28), "within two weeks"), "2023-03-28"),
        (gt.Due.month(2023, 4, "end of next month"), "Apr 2023"),
    ],
)
def test_a_deadline_in_words_of_its_context_is_refused_not_rewritten(
    due: gt.Due, dates: str
) -> None:
    """Regression: the Markdown matrix wrote a deadline whose words read only in their
    context (`end of next month` from the minutes) as its dates (`Apr 2023`) in silence: it
    is refused naming both, and lossy=True writes the dates."""
    doc = gt.Document(plans=(gt.ActionPlan(actions=(gt.Action(text="Book a venue", due=due),)),))
    with pytest.raises(
        gt.WriteError, match=re.escape(f"{due.text!r} would read back as {dates!r}")
    ):
        matrix.dumps(doc)
    back = matrix.loads(matrix.dumps(doc, lossy=True)).actions[0].due
    assert (due.start, due.end, dates) == ((back.start, back.end, back.text) if back else None)


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


# ---------------------------------------------------------------------------
# Refs written at the start of the action texts, read as the Excel reader reads them

_PLAN_HEADER = ["Action", "Responsible", "Deadline", "Status"]


def _markdown(rows: list[list[str]]) -> str:
    """A partner's Markdown table of the rows (the first is the header)."""
    lines = ["| " + " | ".join(matrix._escape(cell) for cell in row) + " |" for row in rows]
    return "\n".join([lines[0], "|" + "---|" * len(rows[0]), *lines[1:]]) + "\n"


def _workbook(rows: list[list[str]]) -> gt.Document:
    """The same rows as a partner's workbook, read by the Excel reader."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    path = Path(tempfile.mkdtemp()) / "plan.xlsx"
    book.save(path)
    return excel.load(path)


def test_refs_leading_action_texts_are_split() -> None:
    """Regression: `1.1 …`, `1.2. …`, `(b) …` in a table with no ref column stayed in the
    text; they give the action's ref, as in a workbook, and the first is reported (GT327)."""
    texts = ["1.1 Map the partners", "1.2. Share the plan", "KAZ: 1.3 Sign it", "(b) Tender it"]
    doc = matrix.loads(_markdown([_PLAN_HEADER, *([t, "Unit", "2023/06", ""] for t in texts)]))
    expected = [
        ("", "1.1", "Map the partners"),
        ("", "1.2.", "Share the plan"),
        ("KAZ", "1.3", "Sign it"),
        ("", "(b)", "Tender it"),
    ]
    assert expected == [(a.scope, a.ref, a.text) for a in doc.actions]
    assert [("GT327", "line 3"), ("GT329", "line 5")] == [
        (p.code, str(p.location)) for p in doc.problems
    ]


def test_refs_leading_flattened_action_texts_are_split() -> None:
    """A pipe-flattened table (the action column unnamed) reads refs from its texts too."""
    text = "|\nResponsible |\nDeadline |\na) Draft the terms |\nLegal |\n2023 |\n"
    text += "b) Tender the works |\nProcurement |\n2024 |\n"
    doc = matrix.loads(text)
    assert [("a)", "Draft the terms"), ("b)", "Tender the works")] == [
        (a.ref, a.text) for a in doc.actions
    ]
    assert ["GT327"] == _codes(doc)


@pytest.mark.parametrize(
    "text",
    [
        "2023 survey of households completed",
        "3 workshops held",
        "1.5 million people reached",
        "1.1 million people reached",
        "2.5 km of feeder road built",
        "10.",
        "12.05.23 review meeting held",
        "1.1  two spaces after the ref",
        "1.1<br>ref on a line of its own",
        "A. Rahman to lead the review",
        "e.g. hold a review",
        "1.5% fewer complaints",
    ],
)
def test_texts_that_only_look_numbered_are_kept_whole(text: str) -> None:
    """A year, a count, a decimal, a quantity or a lone number is no ref: the text stays."""
    doc = matrix.loads(f"| Action | Status |\n|---|---|\n| {text} | Ongoing |\n")
    assert [("", text.replace("<br>", "\n"))] == [(a.ref, a.text) for a in doc.actions]
    assert [] == _codes(doc)


def test_an_empty_ref_cell_takes_the_ref_from_the_text() -> None:
    """A ref column is read where filled; a row whose ref cell is empty takes the text's ref."""
    rows = [
        ["#", "Action"],
        ["1.1", "Map the partners"],
        ["", "1.2 Share the plan"],
        ["1.3", "1.3 Sign the agreement"],
        ["", "1.7 tonnes of seed delivered"],
    ]
    doc = matrix.loads(_markdown(rows))
    expected = [
        ("1.1", "Map the partners"),
        ("1.2", "Share the plan"),
        ("1.3", "1.3 Sign the agreement"),
        ("", "1.7 tonnes of seed delivered"),
    ]
    assert expected == [(a.ref, a.text) for a in doc.actions]


def test_an_escaped_ref_is_text() -> None:
    """`1\\.1 …` (the ref's punctuation escaped, as Markdown escapes a list marker) stays whole."""
    doc = matrix.loads("| Action |\n|---|\n| 1\\.1 Map the partners |\n| \\(b) Tender |\n")
    assert [("", "1.1 Map the partners"), ("", "(b) Tender")] == [
        (a.ref, a.text) for a in doc.actions
    ]


def test_a_ref_less_text_that_starts_like_a_ref_is_written_escaped_and_reads_back() -> None:
    """The writer escapes a ref-less text's leading ref (`1\\.1 …`), so it reads back whole."""
    actions = (
        gt.Action(text="1.1 Map the partners"),
        gt.Action(text="(b) Tender the works", scope="KAZ"),
        gt.Action(text="c) Pay the firm", ref="3"),
        gt.Action(text="2023 survey done"),
    )
    doc = gt.Document(plans=(gt.ActionPlan(actions=actions),))
    text = matrix.dumps(doc)
    assert ["1\\.1 Map the partners", "\\(b) Tender the works", "c) Pay the firm"] == [
        line.split(" | ")[2] for line in text.splitlines()[2:5]
    ]
    back = matrix.loads(text)
    assert (doc, ()) == (back, back.problems)


# What follows a ref: a text that starts with a visible character, with no scope prefix
# (the two readers take scopes by different rules: `KAZ:` in a text, `AB:` in a workbook)
# and no `=` first (openpyxl would write a formula).
_rests = (
    texts.map(str.strip)
    .filter(bool)
    .filter(lambda text: re.match(r"[A-Z]{2,4}\s*:|=", text) is None)
)
_quantities = st.tuples(
    outline_refs, st.sampled_from(["million", "%", "km", "tonnes", "per"]), _rests
).map(" ".join)


@st.composite
def _numbered_texts(draw: st.DrawFn) -> list[str]:
    """Action texts as partners number them: an outline in order (`1.1`, `1.2`, `2.1`…),
    list markers, bare dotted numbers out of order, quantities, and unnumbered texts."""
    cells = []
    for ref in draw(outlines()):
        kind = draw(st.sampled_from(["outline", "outline", "marker", "dotted", "quantity", "text"]))
        if kind == "outline":
            cells.append(f"{ref} {draw(_rests)}")
        elif kind == "marker":
            cells.append(f"{draw(list_markers)} {draw(_rests)}")
        elif kind == "dotted":
            cells.append(f"{draw(outline_refs)} {draw(_rests)}")
        elif kind == "quantity":
            cells.append(draw(_quantities))
        else:
            cells.append(draw(_rests))
    return cells


@given(_numbered_texts())
def test_the_text_matrix_and_excel_readers_read_the_same_refs(cells: list[str]) -> None:
    """A table read as Markdown and as a workbook gives the same refs and texts, and each
    ref, a space and its text give the cell back."""
    rows = [_PLAN_HEADER, *([cell, "Unit", "2023/06", "Ongoing"] for cell in cells)]
    from_text = [(a.ref, a.text) for a in matrix.loads(_markdown(rows)).actions]
    assert [(a.ref, a.text) for a in _workbook(rows).actions] == from_text
    assert cells == [f"{ref} {text}" if ref else text for ref, text in from_text]


_leading_texts = st.one_of(
    st.tuples(list_markers, _rests).map(" ".join),
    st.tuples(outline_refs, _rests).map(" ".join),
    _rests,
)


@given(
    st.lists(
        st.builds(
            gt.Action,
            text=_leading_texts,
            ref=refs,
            scope=st.sampled_from(["", "KAZ"]),
        ),
        min_size=1,
        max_size=6,
    ).map(tuple)
)
def test_texts_starting_like_refs_round_trip(actions: tuple[gt.Action, ...]) -> None:
    """`loads(dumps(doc)) == doc` when texts start like refs, with or without a ref of their own."""
    doc = gt.Document(plans=(gt.ActionPlan(actions=actions),))
    back = matrix.loads(matrix.dumps(doc))
    assert (doc, ()) == (back, back.problems)


# ---------------------------------------------------------------------------
# Responsible parties


def test_a_party_holding_a_comma_reads_back_whole() -> None:
    """Regression: ("Ministry of Finance, Planning Division", "UNDP") was written joined by
    ", " and read back as three parties."""
    parties = (
        "Ministry of Finance, Planning Division",
        "UNDP",
        "HR Unit; Finance Unit",
        "Programme Unit (North, South)",
        "UNICEF, UNFPA and UN Women",
        "Audit (North",
    )
    doc = gt.Document(
        plans=(gt.ActionPlan(actions=(gt.Action(text="Cost the plan", responsible=parties),)),)
    )
    text = matrix.dumps(doc)
    assert "| Ministry of Finance\\, Planning Division, UNDP, HR Unit\\; Finance Unit, " in text
    assert doc == matrix.loads(text)


def test_a_line_break_separates_parties_even_inside_brackets() -> None:
    """`<br>` in a Responsible cell separates parties, as a line break does in a workbook;
    a comma inside brackets does not, and an escaped comma does not."""
    text = (
        "| Action | Responsible |\n|---|---|\n"
        "| Cost the plan | UN Women (Gender Unit,<br>Sub Office)<br>HR, Audit |\n"
        "| Staff the office | Ministry of Finance\\, Planning; UNDP (North, South) |\n"
    )
    expected = [
        ("UN Women (Gender Unit,", "Sub Office)", "HR", "Audit"),
        ("Ministry of Finance, Planning", "UNDP (North, South)"),
    ]
    assert expected == [action.responsible for action in matrix.loads(text).actions]


@given(punctuated_parties)
def test_parties_round_trip(parties: tuple[str, ...]) -> None:
    """Any parties without line breaks read back as written, whatever `,`, `;`, `and`,
    brackets, pipes or backslashes they hold."""
    doc = gt.Document(
        plans=(gt.ActionPlan(actions=(gt.Action(text="Task", responsible=parties),)),)
    )
    actual = matrix.loads(matrix.dumps(doc))
    assert (doc, ()) == (actual, actual.problems)


@given(broken_parties)
def test_a_line_break_in_a_party_separates_it(parties: tuple[str, ...]) -> None:
    """A party holding line breaks is refused (it would read back as its lines, as every
    reader splits at them); with lossy=True it is written so, and nothing else is split."""
    doc = gt.Document(
        plans=(gt.ActionPlan(actions=(gt.Action(text="Task", responsible=parties),)),)
    )
    expected = tuple(
        line.strip() for party in parties for line in party.split("\n") if line.strip()
    )
    if expected != parties:
        with pytest.raises(gt.WriteError, match="responsible"):
            matrix.dumps(doc)
    assert expected == matrix.loads(matrix.dumps(doc, lossy=True)).actions[0].responsible


@pytest.mark.parametrize(
    ("key", "value"),
    [("Donor\r\nname", "EU"), ("Donor\rname", "EU"), ("Donor", "EU\r\nUNDP"), ("Donor", "a\rb")],
)
def test_a_carriage_return_in_an_extra_entry_is_refused_naming_it(key: str, value: str) -> None:
    """A `\r` in an extra key or value was written raw, which the reader takes for a line
    break: the table fell apart, and the writer's own read-back raised FormatError ("not an
    action matrix"). It is written as a line break (`<br>`), and refused as one, by path."""
    action = gt.Action(ref="1", text="Do it", extra={key: value})
    doc = gt.Document(plans=(gt.ActionPlan(title="Plan", actions=(action,)),))
    with pytest.raises(gt.WriteError, match=re.escape("plans[0].actions[0].extra[")):
        gt.dumps(doc, format="matrix")
    read = gt.loads(gt.dumps(doc, format="matrix", lossy=True), format="matrix")

    def lines(text: str) -> str:
        return text.replace("\r\n", "\n").replace("\r", "\n")

    assert [{lines(key): lines(value)}] == [dict(action.extra) for action in read.actions]


def test_a_read_back_that_fails_is_the_writers_write_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Should the writer's read-back check fail to read what it wrote, that is the writer's
    fault: a WriteError saying so, never the reader's FormatError blaming the input."""

    def broken(*_: object, **__: object) -> gt.Document:
        raise gt.FormatError("the text is not an action matrix")

    monkeypatch.setattr(matrix, "loads", broken)
    doc = gt.Document(plans=(gt.ActionPlan(actions=(gt.Action(text="Do it"),)),))
    with pytest.raises(gt.WriteError, match="could not read back what it wrote") as caught:
        matrix.dumps(doc)
    assert not isinstance(caught.value, gt.FormatError)
    assert matrix.dumps(doc, lossy=True)  # lossy does not read back


def test_a_long_refusal_counts_what_it_does_not_name() -> None:
    """A refusal naming three differences said "and more"; it says how many more."""
    extra = {f"Note {i}": "a\nb" for i in range(3)}
    plans = tuple(gt.ActionPlan(title=f"P{i}", extra=extra, actions=()) for i in range(2))
    with pytest.raises(gt.WriteError, match="; and 3 more; write JSON"):
        gt.dumps(gt.Document(plans=plans), format="matrix")
    parties = tuple(
        gt.Action(ref=f"{i}", text="Do it.", responsible=(f"Unit {i}, North",)) for i in range(4)
    )
    recommendation = gt.Recommendation(ref="1", text="Rec.", actions=parties)
    evaluation = gt.Evaluation(title="Ev", recommendations=(recommendation,))
    with pytest.raises(gt.WriteError, match=r"; and \d+ more; write JSON"):
        gt.dumps(gt.Document(evaluations=(evaluation,)), format="gate")


_odd_cells = st.text(st.sampled_from("ab |\\\r\n\t<br>"), max_size=8)


@given(st.dictionaries(_odd_cells, _odd_cells, max_size=3))
def test_any_extra_entry_reads_back_or_is_refused_as_a_write_error(extra: dict[str, str]) -> None:
    """Whatever an extra key or value holds (pipes, backslashes, `<br>`, line breaks, `\r`),
    the writer writes what reads back equal or refuses it with a WriteError, never a
    FormatError from its own read-back."""
    action = gt.Action(ref="1", text="Do it", extra=extra)
    doc = gt.Document(plans=(gt.ActionPlan(actions=(action,)),))
    try:
        text = matrix.dumps(doc)
    except gt.WriteError as error:
        refused = str(error)
    else:
        refused = ""
        assert doc == attrs.evolve(matrix.loads(text), problems=())
    assert "could not read back" not in refused
    assert not refused or "plans[0].actions[0].extra[" in refused
