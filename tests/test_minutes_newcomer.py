"""Regression tests of the minutes reader after a newcomer's review: a second party whose
clause's verb differs from the first's, a subject whose verb opens a sub-list (``The
Secretariat will:``), deemed-consent wording, and the end of the text (GT344)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
from govtrack.io import minutes
from govtrack.io._prose import tail

_HEAD = "Minutes of the Board\nDate: 3 March 2024\n\nDecisions\n"


def _read(body: str) -> tuple[gt.Decision, list[str]]:
    """The first decision and the problems' codes."""
    doc = gt.loads(_HEAD + body, format="minutes")
    return doc.meetings[0].decisions[0], [p.code for p in doc.problems]


# ---------------------------------------------------------------------------
# 1. A later clause with a subject of its own, whatever its verb

_LINKS = ("will", "shall", "must", "to")


@pytest.mark.parametrize(("first", "second"), [(a, b) for a in _LINKS for b in _LINKS])
def test_a_second_party_is_kept_whatever_the_verbs(first: str, second: str) -> None:
    """`X will … and Y to …` once dropped Y and its deadline in silence, while `to … to`
    and `will … will` named both and reported Y's deadline (GT352)."""
    decision, codes = _read(
        f"a) The Procurement Unit {first} launch the tender by 30 April 2024 and the Legal "
        f"Unit {second} vet the contracts by 31 May 2024.\n"
    )
    assert decision.responsible == ("The Procurement Unit", "the Legal Unit")
    assert decision.due is not None
    assert decision.due.text == "30 April 2024"
    assert codes == ["GT352"]


_UNITS = ("The Procurement Unit", "HR", "The Finance Section", "UNICEF", "The Legal Office")


def _written(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


@given(
    first=st.sampled_from(_LINKS),
    second=st.sampled_from(_LINKS),
    parties=st.lists(st.sampled_from(_UNITS), min_size=2, max_size=2, unique=True),
    days=st.lists(
        st.dates(dt.date(2024, 4, 1), dt.date(2030, 12, 31)), min_size=2, max_size=2, unique=True
    ),
    separator=st.sampled_from((" and ", "; ", "; and ")),
)
def test_clauses_read_alike_whatever_the_verbs(
    first: str, second: str, parties: list[str], days: list[dt.date], separator: str
) -> None:
    """Two clauses, each with its subject, verb and deadline: both parties, the first
    deadline, and the second reported (GT352), for every pair of verbs."""
    one, other = parties
    later = other if other.isupper() else other[0].lower() + other[1:]
    decision, codes = _read(
        f"a) {one} {first} draft the plan by {_written(days[0])}{separator}{later} {second} "
        f"review it by {_written(days[1])}.\n"
    )
    assert decision.responsible == (one, later)
    assert decision.due is not None
    assert decision.due.text == _written(days[0])
    assert codes == ["GT352"]


# ---------------------------------------------------------------------------
# 2. A subject whose verb opens a sub-list: `The Secretariat will:`


@pytest.mark.parametrize(
    "opening",
    ["The Secretariat will:", "The Secretariat shall:", "The Secretariat to:",
     "The Secretariat is requested to:", "It was agreed that The Secretariat will:"],
)  # fmt: skip
@pytest.mark.parametrize("marks", [("-", "-"), ("i)", "ii)")])
def test_a_verb_that_opens_a_sub_list_keeps_its_subject(
    opening: str, marks: tuple[str, str]
) -> None:
    """`The Secretariat will:` over its items once named no party (GT102 then said the
    decision had none); its first item's deadline is the decision's, and an item's other
    deadline is reported (GT352), never left in the text in silence."""
    first, second = marks
    decision, codes = _read(
        f"a) {opening}\n   {first} draft the note by 15 June 2024;\n"
        f"   {second} share it with members by 30 June 2024.\n"
    )
    assert decision.responsible == ("The Secretariat",)
    assert decision.due is not None
    assert decision.due.text == "15 June 2024"
    assert codes == ["GT352"]
    doc = gt.loads(_HEAD + f"a) {opening}\n   - draft the note.\n", format="minutes")
    assert "GT102" not in [issue.code for issue in gt.validate(doc, on=dt.date(2024, 3, 4))]


@pytest.mark.parametrize(
    ("body", "parties"),
    [
        ("a) The Board agreed to:\n   - HR to hire two clerks;\n   - the Unit to pay them.\n",
         ("HR", "the Unit")),
        ("a) The meeting agreed that:\n   - HR will hire two clerks.\n", ("HR",)),
        ("a) The Secretariat will:\n   - draft the note;\n   - HR to hire staff.\n",
         ("The Secretariat",)),
    ],
)  # fmt: skip
def test_a_sub_list_under_no_name_names_its_items_parties(
    body: str, parties: tuple[str, ...]
) -> None:
    """`The Board agreed to:` names no subject of its own that acts: the items' parties are
    the decision's, as before; a name with its verb (`The Secretariat will:`) wins over them."""
    decision, _ = _read(body)
    assert decision.responsible == parties


def test_decision_parties_of_a_verb_that_opens_a_list() -> None:
    assert minutes.decision_parties("HR shall:\n- hire staff.") == ("HR",)
    assert minutes.decision_parties("The Board agreed to:\n- HR to hire.") == ()


# ---------------------------------------------------------------------------
# 3. Deemed consent, whatever its words


@pytest.mark.parametrize(
    "sentence",
    [
        "Any revision not commented on within 10 days will be considered approved.",
        "Any revision not commented on within 10 days will be deemed approved.",
        "Decisions not objected to within 10 days will be taken as adopted.",
        "Any draft not challenged within 10 days shall be regarded as endorsed.",
        "Any plan not queried within 10 days will be treated as accepted.",
    ],
)
def test_a_rule_of_silence_counts_its_period(sentence: str) -> None:
    """`… not commented on within 10 days will be considered approved` was no deemed-consent
    rule, and its period vanished (no deadline, no problem); `deemed approved` was one."""
    decision, codes = _read(f"a) {sentence}\n")
    assert decision.deemed_consent
    assert decision.due is not None
    assert (decision.due.start, decision.due.text) == (dt.date(2024, 3, 13), "within 10 days")
    assert codes == []


@given(
    cue=st.sampled_from(("If no comment is received by", "Unless an objection is raised by",
                         "Failing any objection by", "If there are no comments by")),
    verb=st.sampled_from(("considered", "deemed", "taken as", "treated as", "regarded as")),
    outcome=st.sampled_from(("approved", "adopted", "accepted", "endorsed", "agreed")),
    modal=st.sampled_from(("will be", "shall be", "is")),
)  # fmt: skip
def test_deemed_consent_reads_alike_in_every_wording(
    cue: str, verb: str, outcome: str, modal: str
) -> None:
    """A rule that silence settles is deemed consent in every wording of its outcome, its
    date the deadline."""
    decision, codes = _read(f"a) {cue} 20 March 2024, the plan {modal} {verb} {outcome}.\n")
    assert decision.deemed_consent
    assert decision.due is not None
    assert decision.due.text == "20 March 2024"
    assert codes == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The plan will be considered approved once the Board signs it.",
        "The Board considered the plan approved by the Unit.",
    ],
)
def test_an_outcome_with_no_silence_is_no_deemed_consent(sentence: str) -> None:
    decision, _ = _read(f"a) {sentence}\n")
    assert not decision.deemed_consent


def test_a_span_read_as_no_deadline_is_reported() -> None:
    """A `within` span out of the verb phrase, when the decision has no deadline, was
    passed over in silence; it stays in the text and is reported (GT349)."""
    decision, codes = _read("a) The Unit, having replied within 10 days, will close the file.\n")
    assert (decision.due, decision.due_text) == (None, "")
    assert codes == ["GT349"]


# ---------------------------------------------------------------------------
# 4. The end of the text (GT344)


def _end_problems(body: str) -> list[str]:
    doc = gt.loads(_HEAD + body, format="minutes")
    return [f"{p.code}: {p.message}" for p in doc.problems]


def test_a_truncated_end_is_quoted_from_a_word() -> None:
    """GT344 quoted the last 40 characters, cut mid-word (`'n to report on …'`)."""
    problems = _end_problems(
        "a) The HR Unit will hire two clerks by 30 March 2024.\n"
        "b) The Finance Section to report on spending and the Legal Unit to vet the contracts\n"
    )
    quote = "'… and the Legal Unit to vet the contracts'"
    assert problems == [f"GT344: the text ends mid-sentence ({quote}): it may be truncated"]


def test_the_last_item_of_a_semicolon_list_may_end_with_its_date() -> None:
    """A list whose items end with `;` often ends its last with nothing: a last item that ends
    with a date that reads is whole, no GT344 (it was reported as truncated)."""
    assert (
        _end_problems(
            "a) The HR Unit will hire two clerks by 30 March 2024;\n"
            "b) The Finance Section to report on spending by 30 April 2024\n"
        )
        == []
    )


@pytest.mark.parametrize(
    ("first_end", "last"),
    [
        (".", "b) The Finance Section to report on spending by 30 April 2024"),  # no `;` list
        (";", "b) The Finance Section to report on spending by 30/04/20"),  # the date cut
        (";", "b) The Finance Section to report on spending"),  # no date
    ],
)
def test_an_end_with_no_stop_is_reported_otherwise(first_end: str, last: str) -> None:
    problems = _end_problems(
        f"a) The HR Unit will hire two clerks by 30 March 2024{first_end}\n{last}\n"
    )
    assert "GT344:" in [problem[:6] for problem in problems]


@given(st.lists(st.text("abcdefghij ,.", min_size=1, max_size=12), min_size=1, max_size=12))
def test_tail_quotes_whole_words(words: list[str]) -> None:
    """The quote is the end of the text, from the start of a word unless one word is longer
    than the quote."""
    text = " ".join(words).strip()
    quoted = tail(text)
    if quoted == text:
        return
    assert quoted.startswith("… ")
    rest = quoted[2:]
    assert text.endswith(rest)
    start = len(text) - len(rest)
    assert text[start - 1].isspace() or " " not in text[-41:]
