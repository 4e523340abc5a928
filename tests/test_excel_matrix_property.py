"""The matrix layout, as a property: every action field a matrix has a column for survives.

The workbook layout is lossless (tests/test_excel_workbook.py). The matrix is the shape
partners know; what it keeps is listed in :mod:`govtrack.io.excel_write`. These tests
write generated evaluations, plans and progress reports to a matrix and read it back with
``gt.load``, comparing every action field one by one so that a failure names the field.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govtrack as gt
from govtrack.io.columns import HEADERS, merge_aliases, normalise_header
from govtrack.io.excel import reads_as_section
from strategies import actions, evaluations, plans, responses, words

AS_OF = dt.date(2024, 6, 30)
_KNOWN = merge_aliases()

# Unknown columns are kept by header; a header that is one govtrack knows ("Status") is
# read as that column, which is the reader's job, so extra keys here are unknown words.
# A header's runs of whitespace read as one space (documented), so keys are drawn so. A key
# starting "_govtrack" names the matrix's own hidden columns: refused unless lossy, and with
# lossy (as these round trips write) left out by design, so none is drawn here.
_extra_keys = (
    words.map(lambda key: " ".join(key.split()))
    .filter(bool)
    .filter(lambda key: normalise_header(key) not in _KNOWN)
    .filter(lambda key: not key.startswith("_govtrack"))
)
_extras = st.dictionaries(_extra_keys, words, max_size=2).map(gt.FrozenMap)
# A lone party name holding ";" reads as two parties (that is how partners list them),
# so the names drawn here have none; among several parties, one per line, any name survives.
_parties = st.lists(words.filter(lambda name: ";" not in name), max_size=3).map(tuple)


def _blank_if_space(text: str) -> str:
    """A cell of whitespace only is an empty cell to the reader (documented)."""
    return text if text.strip() else ""


_matrix_actions = actions.flatmap(
    lambda a: st.tuples(_extras, _parties).map(
        lambda pair: attrs.evolve(
            a,
            extra=pair[0],
            responsible=pair[1],
            origin=None,
            comments=_blank_if_space(a.comments),
            status_text=_blank_if_space(a.status_text),
        )
    )
)
_matrix_evaluations = evaluations.flatmap(
    lambda e: st.lists(
        st.builds(
            gt.Recommendation,
            text=words,
            ref=st.integers(1, 30).map(str),
            response=responses.map(lambda r: attrs.evolve(r, text=_blank_if_space(r.text))),
            actions=st.lists(_matrix_actions, min_size=1, max_size=3).map(tuple),
        ),
        min_size=1,
        max_size=3,
        unique_by=lambda r: r.ref,
    ).map(lambda recs: attrs.evolve(e, recommendations=tuple(recs)))
)

# The fields a matrix row holds for an action (the recorded status is compared by word).
FIELDS: tuple[str, ...] = ("text", "ref", "responsible", "due", "due_text", "comments")
FIELDS += ("updates", "scope", "group", "extra")


def _word(action: gt.Action) -> str:
    """The status as the matrix writes it: the recorded word when it reads as the same status,
    else the label of a known status, else the word."""
    if action.status is None or (
        action.status_text.strip() and gt.Status.parse(action.status_text) is action.status
    ):
        return action.status_text
    return action.status.label


def _row(action: gt.Action) -> dict[str, Any]:
    """An action's row as the matrix should read back: the status is its word, re-read."""
    row = {name: getattr(action, name) for name in FIELDS}
    word = _word(action)
    row["status"] = (action.status or gt.Status.parse(word), word)
    return row


def _read_row(action: gt.Action) -> dict[str, Any]:
    row = {name: getattr(action, name) for name in FIELDS}
    row["status"] = (action.status, action.status_text)
    return row


def _round_trip(doc: gt.Document) -> gt.Document:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "matrix.xlsx"
        # lossy: an evaluation's own extra, which the matrix does not write, is drawn too;
        # these properties are about the rows (refuse_left_out).
        gt.dump(doc, path, layout="matrix", on=AS_OF, lossy=True)
        return gt.load(path)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(evaluation=_matrix_evaluations)
def test_every_action_field_of_an_evaluation_survives_the_matrix(
    evaluation: gt.Evaluation,
) -> None:
    """Each key action reads back with the same text, ref, parties, deadline, status…"""
    back = _round_trip(gt.Document(evaluations=(evaluation,)))
    assert [_row(a) for r in evaluation.recommendations for a in r.actions] == [
        _read_row(a) for a in back.actions
    ]


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(evaluation=_matrix_evaluations)
def test_every_recommendation_field_survives_the_matrix(evaluation: gt.Evaluation) -> None:
    """Recommendation ref, text, response text and category read back, in order."""
    back = _round_trip(gt.Document(evaluations=(evaluation,)))

    def rec(r: gt.Recommendation) -> tuple[Any, ...]:
        return (r.ref, r.text, r.response.text, r.response.category, len(r.actions))

    (read,) = back.evaluations
    assert [rec(r) for r in evaluation.recommendations] == [rec(r) for r in read.recommendations]


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=plans, extra_actions=st.lists(_matrix_actions, min_size=1, max_size=3))
def test_every_action_field_of_a_plan_survives_the_matrix(
    plan: gt.ActionPlan, extra_actions: list[gt.Action]
) -> None:
    """An action plan's actions read back field by field from its matrix sheet."""
    plan = attrs.evolve(plan, actions=tuple(extra_actions), title=plan.title or "Plan")
    back = _round_trip(gt.Document(plans=(plan,)))
    assert [_row(a) for a in plan.actions] == [_read_row(a) for a in back.actions]


# Any character a str holds but a lone surrogate (which no file can hold: a WriteError).
_any_text = st.text(st.characters(codec="utf-8"), min_size=1, max_size=30)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_any_text.filter(str.strip), comments=_any_text.filter(str.strip))
def test_control_characters_and_escape_lookalikes_survive_the_matrix(
    text: str, comments: str
) -> None:
    """Texts holding control characters or '_x0041_' read back as written, both engines."""
    action = gt.Action(text=text, comments=comments)
    doc = gt.Document(plans=(gt.ActionPlan(title="Plan", actions=(action,)),))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "matrix.xlsx"
        gt.dump(doc, path, layout="matrix", on=AS_OF)
        engines = ["openpyxl", "calamine"]
        read = [gt.load(path, engine=engine).actions for engine in engines]
    assert [((text, comments),)] * 2 == [tuple((a.text, a.comments) for a in got) for got in read]


# The headers of the columns govtrack writes in every action plan's matrix, as keys of an
# action's extra entries.
_field_keys = st.sampled_from(
    [HEADERS[key] for key in ("ref", "action", "responsible", "deadline", "status", "comments")]
)
# Any key an extra entry may have: every header and alias govtrack knows (as written, and as
# their normalised forms), and any text (its runs of whitespace one space, as headers read).
_any_keys = st.one_of(
    st.sampled_from(sorted(HEADERS.values())),
    st.sampled_from(sorted(_KNOWN)),
    st.sampled_from(sorted(_KNOWN)).map(str.title),
    words.map(lambda key: " ".join(key.split())),
).filter(lambda key: bool(key) and not key.startswith("_govtrack"))


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(action=_matrix_actions, named=st.dictionaries(_field_keys, words, max_size=3))
def test_extra_entries_named_as_columns_read_back_with_no_duplicate_column(
    action: gt.Action, named: dict[str, str]
) -> None:
    """An extra entry whose key names one of the matrix's columns reads back under its key,
    never reported as a second column for that field (GT206)."""
    action = attrs.evolve(action, extra=action.extra | named)
    back = _round_trip(gt.Document(plans=(gt.ActionPlan(title="Plan", actions=(action,)),)))
    assert ([_row(action)], []) == (
        [_read_row(a) for a in back.actions],
        [p.code for p in back.problems if p.code == "GT206"],
    )


def _with_extra(action: gt.Action, extra: dict[str, str]) -> gt.Action:
    return attrs.evolve(action, extra=gt.FrozenMap(extra))


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    action=_matrix_actions,
    extra=st.dictionaries(_any_keys, words.filter(str.strip), min_size=1, max_size=3),
    evaluation=st.booleans(),
)
def test_any_extra_key_reads_back_from_the_matrix(
    action: gt.Action, extra: dict[str, str], evaluation: bool
) -> None:
    """Whatever its key (a header or alias govtrack knows, for a column the sheet writes or
    not, or any text), an action's extra entry reads back under it, as written, in an action
    plan's matrix and in an evaluation's."""
    action = _with_extra(action, extra)
    doc = (
        gt.Document(
            evaluations=(
                gt.Evaluation(
                    title="E",
                    recommendations=(gt.Recommendation(ref="1", text="R", actions=(action,)),),
                ),
            )
        )
        if evaluation
        else gt.Document(plans=(gt.ActionPlan(title="Plan", actions=(action,)),))
    )
    back = _round_trip(doc)
    assert [_row(action)] == [_read_row(a) for a in back.actions]
    assert [type(action)] == [type(a) for a in back.actions]


_section_groups = words.map(lambda text: " ".join(text.split())).filter(reads_as_section)


def _fill_forward(groups: list[str]) -> list[str]:
    """Recommendations with no group only before the first grouped one (after it, a
    recommendation with no group would read back in the group above: refused)."""
    out: list[str] = []
    for group in groups:
        out.append(group or (out[-1] if out else ""))
    return out


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    evaluation=_matrix_evaluations,
    groups=st.lists(st.one_of(st.just(""), _section_groups), min_size=3, max_size=3),
)
def test_recommendation_groups_survive_the_matrix(
    evaluation: gt.Evaluation, groups: list[str]
) -> None:
    """Recommendations grouped under section rows read back in the same groups, and so do
    their actions: the first's group is its recommendation's, any other's its own, or the
    recommendation's when it has none (an action of another group has a Group cell)."""
    recommendations = []
    for recommendation, group in zip(
        evaluation.recommendations, _fill_forward(groups), strict=False
    ):
        held = [
            attrs.evolve(action, group=group if index == 0 else action.group or group)
            for index, action in enumerate(recommendation.actions)
        ]
        recommendations.append(attrs.evolve(recommendation, group=group, actions=tuple(held)))
    evaluation = attrs.evolve(evaluation, recommendations=tuple(recommendations))
    back = _round_trip(gt.Document(evaluations=(evaluation,)))

    def grouped(doc_recs: Any) -> list[tuple[str, str, list[str]]]:
        return [(r.ref, r.group, [a.group for a in r.actions]) for r in doc_recs]

    assert grouped(evaluation.recommendations) == grouped(back.recommendations)
    assert [_row(a) for a in evaluation.actions] == [_read_row(a) for a in back.actions]
