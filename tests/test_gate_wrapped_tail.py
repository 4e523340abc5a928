"""Key-action lines of the gate format wrapped inside their deadline and status."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
from strategies import gate_key_action_lines, unread_deadline_words
from test_gate import _block


def _actions(doc: gt.Document) -> list[tuple[object, ...]]:
    return [
        (a.ref, a.text, a.responsible, a.deadline_text, a.status_text, a.comments)
        for a in doc.actions
    ]


def _said(doc: gt.Document) -> list[tuple[str, int | None]]:
    return [(p.code, p.location.line if p.location else None) for p in doc.problems]


_WORKSHOP = "1. Hold a lessons workshop. Roads Unit"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ((f"{_WORKSHOP} TBD", "Not started"), ("TBD", "Not started", "")),
        ((f"{_WORKSHOP} ongoing", "Completed"), ("ongoing", "Completed", "")),
        ((f"{_WORKSHOP} within 3 months of approval", "Ongoing Terms drafted."),
         ("within 3 months of approval", "Ongoing", "Terms drafted.")),
        ((f"{_WORKSHOP} upon approval of the budget", "Not started"),
         ("upon approval of the budget", "Not started", "")),
    ],
)  # fmt: skip
def test_a_status_alone_after_an_unreadable_deadline_is_joined(
    lines: tuple[str, str], expected: tuple[str, str, str]
) -> None:
    """Regression: a status wrapped onto the next line after a deadline the reader cannot read
    (`… Roads Unit TBD` / `Not started`) made the whole first line the action's text (GT302)
    and the status a comment; it is read with the line above (GT312), the words of the
    deadline kept (GT104), as after a readable deadline."""
    doc = gt.loads(_block(*lines), format="gate")
    assert [("1", "Hold a lessons workshop.", ("Roads Unit",), *expected)] == _actions(doc)
    assert [("GT312", 12), ("GT104", 11)] == _said(doc)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ((f"{_WORKSHOP} by 30 June", "2025 Ongoing"), ("by 30 June 2025", "Ongoing", "")),
        ((f"{_WORKSHOP} by", "30 June 2025 Ongoing"), ("by 30 June 2025", "Ongoing", "")),
        ((f"{_WORKSHOP} Q3", "2025 Not started"), ("Q3 2025", "Not started", "")),
        ((f"{_WORKSHOP} 2025/06 Not", "started"), ("2025/06", "Not started", "")),
        ((f"{_WORKSHOP} 2025/06 Not yet", "started Terms drafted."),
         ("2025/06", "Not yet started", "Terms drafted.")),
        ((f"{_WORKSHOP} 2025/06", "Not started Terms drafted."),
         ("2025/06", "Not started", "Terms drafted.")),
        ((f"{_WORKSHOP} March 2025 Not", "started"), ("March 2025", "Not started", "")),
    ],
)  # fmt: skip
def test_a_line_wrapped_inside_a_readable_deadline_or_its_status_is_joined(
    lines: tuple[str, str], expected: tuple[str, str, str]
) -> None:
    """Regression: a key-action line wrapped inside a status of several words (`… 2025/06
    Not` / `started`) kept `Not` and `started` in the comments with no status (GT303), and
    one wrapped before a status followed by comments did too; the lines are read as one
    (GT312), as a line wrapped inside its deadline (`by 30 June` / `2025 Ongoing`, which
    already read) is."""
    doc = gt.loads(_block(*lines), format="gate")
    assert [("1", "Hold a lessons workshop.", ("Roads Unit",), *expected)] == _actions(doc)
    assert [("GT312", 12)] == _said(doc)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ((f"{_WORKSHOP} TBD Not", "started"), ("TBD", "Not started", "")),
        ((f"{_WORKSHOP} within 3", "months of approval Ongoing"),
         ("within 3 months of approval", "Ongoing", "")),
        ((f"{_WORKSHOP} upon approval", "of the budget Ongoing"),
         ("upon approval of the budget", "Ongoing", "")),
        ((_WORKSHOP, "TBD Not started"), ("TBD", "Not started", "")),
    ],
)  # fmt: skip
def test_a_line_wrapped_inside_an_unreadable_deadline_or_its_status_is_joined(
    lines: tuple[str, str], expected: tuple[str, str, str]
) -> None:
    """Regression: a key-action line wrapped inside a deadline the reader cannot read (`…
    within 3` / `months of approval Ongoing`) or inside the status after it (`TBD Not` /
    `started`) lost its party, deadline and status into its text (GT302); the lines are read
    as one (GT312), the deadline's words kept (GT104)."""
    doc = gt.loads(_block(*lines), format="gate")
    assert [("1", "Hold a lessons workshop.", ("Roads Unit",), *expected)] == _actions(doc)
    assert [("GT312", 12), ("GT104", 11)] == _said(doc)


def test_a_wrapped_status_that_runs_on_into_a_sentence_is_said() -> None:
    """A status on the next line after a deadline the reader cannot read, that runs on into
    a sentence (`TBD` / `Ongoing work with …`), does not end the line as a cell would: the
    line is kept in the comments, and GT314 names it."""
    doc = gt.loads(
        _block(f"{_WORKSHOP} TBD", "Ongoing work with the district teams."), format="gate"
    )
    assert [("1", f"{_WORKSHOP[3:]} TBD", (), "", "", "Ongoing work with the district teams.")] == (
        _actions(doc)
    )
    assert [("GT302", 11), ("GT314", 12)] == _said(doc)
    assert "line 12 may continue the key action of line 11" in doc.problems[1].message
    assert "'TBD Ongoing'" in doc.problems[1].message


def test_a_comment_line_after_a_complete_action_is_not_joined() -> None:
    """A line of comments after a key action whose line is complete stays in its comments,
    even when it starts with a status word."""
    doc = gt.loads(_block(f"{_WORKSHOP} 2025/06 Ongoing", "Started the planning."), format="gate")
    assert [("1", "Hold a lessons workshop.", ("Roads Unit",), "2025/06", "Ongoing",
             "Started the planning.")] == _actions(doc)  # fmt: skip
    assert [] == _said(doc)


_LEAD_INS = st.sampled_from(("", "by ", "end of "))


@given(gate_key_action_lines, st.one_of(st.none(), unread_deadline_words), _LEAD_INS, st.data())
def test_a_key_action_line_wrapped_inside_its_tail_reads_as_unwrapped(
    line: tuple[str, tuple[str, ...]], unread: str | None, lead: str, data: st.DataObject
) -> None:
    """Any key-action line wrapped at any word boundary inside its deadline and status (or
    right before its deadline) reads as the line unwrapped does, the same action fields and
    problems, with GT312 said of the second line; or a problem names the second line."""
    ref, text, party, due, status, comments = line[1]
    due = unread if unread is not None else f"{lead}{due}" if lead and due[0].isalpha() else due
    head = f"{ref}. {text} {party}"
    tail = f"{due} {status}".split(" ")
    at = data.draw(st.integers(0, len(tail) - 1), label="break before tail word")
    first = " ".join([head, *tail[:at]])
    second = " ".join([*tail[at:], *([comments] if comments else [])])
    plain = gt.loads(_block(f"{first} {second}"), format="gate")
    wrapped = gt.loads(_block(first, second), format="gate")
    if any(p.location and p.location.line == 12 and p.code != "GT312" for p in wrapped.problems):
        return  # a problem names the second line
    assert _actions(plain) == _actions(wrapped)
    said = _said(wrapped)
    assert ("GT312", 12) in said
    assert _said(plain) == [where for where in said if where != ("GT312", 12)]
