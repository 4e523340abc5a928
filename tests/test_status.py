"""The status vocabularies: synonyms, unknown words, labels."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import govtrack as gt
from govtrack.model.status import _QUALIFIED, CATEGORY_SYNONYMS, STATUS_SYNONYMS

S = gt.Status


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Over due", S.OVERDUE),
        ("overdue", S.OVERDUE),
        ("Not Initiated", S.NOT_STARTED),
        ("Not started", S.NOT_STARTED),
        ("Initiated", S.ONGOING),
        ("Ongoing", S.ONGOING),
        ("On-going", S.ONGOING),
        ("In progress", S.ONGOING),
        ("Completed", S.COMPLETED),
        ("Complete", S.COMPLETED),
        ("Done", S.COMPLETED),
        ("No Longer Applicable", S.NO_LONGER_APPLICABLE),
        ("N/A", S.NO_LONGER_APPLICABLE),
        ("  COMPLETED  ", S.COMPLETED),
        ("in\u00a0progress", S.ONGOING),
        ("Completed.", S.COMPLETED),
    ],
)
def test_status_words(word: str, expected: gt.Status) -> None:
    """The words real records use map to one status, whatever the case and spacing."""
    assert expected is S.parse(word)


@pytest.mark.parametrize("word", ["Stalled", "", "   ", "Compl", "Done?!x", None])
def test_unknown_status_is_none(word: str | None) -> None:
    """A word govtrack does not know is not guessed."""
    assert S.parse(word) is None


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Accepted", gt.ResponseCategory.ACCEPTED),
        ("ACCEPTED", gt.ResponseCategory.ACCEPTED),
        ("Partially Accepted", gt.ResponseCategory.PARTIALLY_ACCEPTED),
        ("Rejected", gt.ResponseCategory.REJECTED),
        ("Not accepted", gt.ResponseCategory.REJECTED),
        ("", None),
        ("Maybe", None),
    ],
)
def test_category_words(word: str, expected: gt.ResponseCategory | None) -> None:
    """Response categories read like statuses; empty means none given."""
    assert expected is gt.ResponseCategory.parse(word)


def test_schedule_words() -> None:
    """On and behind schedule read from their usual words."""
    assert (gt.ScheduleStatus.ON_SCHEDULE, gt.ScheduleStatus.BEHIND_SCHEDULE) == (
        gt.ScheduleStatus.parse("On Schedule"),
        gt.ScheduleStatus.parse("behind schedule"),
    )


def test_synonym_tables_do_not_overlap() -> None:
    """No word means two statuses (or two categories)."""
    for table in (STATUS_SYNONYMS, CATEGORY_SYNONYMS):
        seen: dict[str, object] = {}
        for member, synonyms in table.items():
            for word in synonyms:
                key = word.casefold().replace(" ", "").replace("-", "").replace("/", "")
                assert seen.setdefault(key, member) is member, word


@given(st.sampled_from(gt.Status))
def test_label_and_value_read_back(status: gt.Status) -> None:
    """A status's label and its JSON value both parse back to it."""
    assert (status, status) == (S.parse(status.label), S.parse(status.value))


@given(st.sampled_from(gt.ResponseCategory))
def test_category_label_reads_back(category: gt.ResponseCategory) -> None:
    """A category's label parses back to it."""
    assert category is gt.ResponseCategory.parse(category.label)


_ENDINGS = (". ", ": ", "; ", ", ", " (", "\n", " – ", " - ", "—", "")


@given(
    category=st.sampled_from(gt.ResponseCategory),
    data=st.data(),
    ending=st.sampled_from(_ENDINGS),
    rest=st.text(max_size=40),
)
def test_a_response_opening_with_a_category_word_gives_it(
    category: gt.ResponseCategory, data: st.DataObject, ending: str, rest: str
) -> None:
    """ "Partially accepted. …": the category, and its words as written (case kept)."""
    word = data.draw(st.sampled_from(CATEGORY_SYNONYMS[category]))
    written = data.draw(st.sampled_from([word, word.upper(), word.lower()]))
    if ending.strip(" ") not in {".", "\n"}:
        assume(not _QUALIFIED.match(rest))  # "Accepted, partly …" is not guessed (below)
    text = f"  {written}{ending}{rest}" if ending else written
    assert gt.ResponseCategory.leading(text) == (category, written)


@given(st.text(max_size=80))
def test_the_opening_words_found_are_a_category_word_the_text_opens_with(text: str) -> None:
    """Whatever the text, the words given are where it opens, and mean the category given."""
    category, words = gt.ResponseCategory.leading(text)
    if category is None:
        assert words == ""
    else:
        assert text.lstrip().startswith(words)
        assert gt.ResponseCategory.parse(words) is category


@pytest.mark.parametrize(
    "text",
    [
        "Agree with the finding; funds are short",
        "Accepted by the board in 2021. The unit will act",
        "Well accepted",
        "Partially implemented",
        "",
        "The office accepts",
        "Accepted (in part). The unit will revise it",
        "Agreed, partially: funds permitting",
        "Accepted - partially",
        "Accepted, but not the timeline",
        "Accepted: subject to funding",
    ],
)
def test_a_response_opening_with_a_sentence_gives_no_category(text: str) -> None:
    """Only the whole of the opening words can name a category: nothing is guessed."""
    assert gt.ResponseCategory.leading(text) == (None, "")
