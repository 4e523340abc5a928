"""The Excel matrix refuses what would read back otherwise, naming it, and with
``lossy=True`` leaves out only what it cannot write, changing nothing else."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govtrack as gt
from govtrack.io import excel_write

AS_OF = {"As of": "2023-01-31"}

_padded = st.one_of(
    st.sampled_from(["", " ", "\t", "  ", "1.1 ", " 1", "1\t", "KAZ ", " x ", "x"]),
    st.builds(
        lambda before, word, after: before + word + after,
        st.sampled_from(["", " ", "\t"]),
        st.sampled_from(["1", "2.1", "KAZ", "Unit", "Due soon"]),
        st.sampled_from(["", " ", "\t"]),
    ),
)


def _plan(*actions: gt.Action) -> gt.Document:
    return gt.Document(plans=(gt.ActionPlan(title="Plan", actions=actions, extra=AS_OF),))


def _evaluation(recommendation: gt.Recommendation) -> gt.Document:
    evaluation = gt.Evaluation(title="Ev", extra=AS_OF, recommendations=(recommendation,))
    return gt.Document(evaluations=(evaluation,))


def _round_trip(doc: gt.Document, path: Path, *, lossy: bool = False) -> gt.Document:
    excel_write.dump(doc, path, layout="matrix", lossy=lossy)
    return gt.load(path)


@pytest.mark.parametrize(
    ("action", "named"),
    [
        (gt.Action(ref="1.1 ", text="Do it"), "plans[0].actions[0].ref '1.1 '"),
        (gt.Action(ref="\t1", text="Do it"), "plans[0].actions[0].ref '\\t1'"),
        (gt.Action(ref="1", text="Do it", scope="KAZ "), "plans[0].actions[0].scope 'KAZ '"),
        (gt.Action(ref="1", text="Do it", due_text=" "), "plans[0].actions[0].due_text ' '"),
        (gt.Action(ref="1", text="Do it", status_text=" "), "plans[0].actions[0].status_text ' '"),
    ],
)
def test_a_cell_the_reader_trims_or_blanks_is_refused_naming_it(
    tmp_path: Path, action: gt.Action, named: str
) -> None:
    """The matrix wrote `'1.1 '` as `1.1`, `'KAZ '` as `KAZ`, a deadline or status text of
    spaces as nothing, with no WriteError; each is refused by its path, and lossy=True
    writes it as the reader gives it back."""
    doc = _plan(action)
    with pytest.raises(gt.WriteError, match="would read back") as caught:
        excel_write.dump(doc, tmp_path / "m.xlsx", layout="matrix")
    assert named in str(caught.value)
    assert not (tmp_path / "m.xlsx").exists()
    _round_trip(doc, tmp_path / "m.xlsx", lossy=True)


@pytest.mark.parametrize(
    ("recommendation", "named"),
    [
        (gt.Recommendation(ref="1 ", text="Rec."), "recommendations[0].ref '1 '"),
        (gt.Recommendation(ref=" 1", text="Rec."), "recommendations[0].ref ' 1'"),
        (gt.Recommendation(ref=" ", text="Rec."), "recommendations[0].ref ' '"),
        (gt.Recommendation(ref="1", text=" "), "recommendations[0].text ' '"),
        (
            gt.Recommendation(ref="1", text="Rec.", response=gt.ManagementResponse(text=" ")),
            "recommendations[0].response.text ' '",
        ),
    ],
)
def test_a_recommendation_cell_the_reader_trims_or_blanks_is_refused(
    tmp_path: Path, recommendation: gt.Recommendation, named: str
) -> None:
    """A recommendation's ref `'1 '` was written `1`, a text of spaces as nothing."""
    action = gt.Action(ref="1.1", text="Do it", status=gt.Status.ONGOING, status_text="Ongoing")
    doc = _evaluation(attrs.evolve(recommendation, actions=(action,)))
    with pytest.raises(gt.WriteError, match="would read back") as caught:
        excel_write.dump(doc, tmp_path / "m.xlsx", layout="matrix")
    assert f"evaluations[0].{named}" in str(caught.value)


_TEXT_FIELDS = ("ref", "text", "scope", "comments", "group", "due_text", "status_text")


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.fixed_dictionaries(dict.fromkeys(_TEXT_FIELDS, _padded)))
def test_every_action_cell_reads_back_as_written_or_is_refused(
    tmp_path: Path, fields: dict[str, str]
) -> None:
    """For any action whose text fields are padded with spaces or tabs, or all spaces, the
    matrix either refuses it or writes what reads back the same in every one of them."""
    fields = {**fields, "text": fields["text"].strip() or "Do it"}
    doc = _plan(
        gt.Action(
            ref=fields["ref"],
            text=fields["text"],
            scope=fields["scope"],
            comments=fields["comments"],
            group=fields["group"],
            due_text=fields["due_text"],
            status_text=fields["status_text"],
        )
    )
    path = tmp_path / "p.xlsx"
    try:
        excel_write.dump(doc, path, layout="matrix")
    except gt.WriteError:
        return
    read = gt.load(path).actions[0]
    assert {name: fields[name] for name in _TEXT_FIELDS} == {
        name: getattr(read, name) for name in _TEXT_FIELDS
    }


def test_the_newcomers_plan_is_refused(tmp_path: Path) -> None:
    """The whole document of the report: four differences, the count of those not named."""
    first = gt.Action(
        ref="1.1 ",
        text="Do it",
        scope="KAZ ",
        due=gt.parse_due("2023/06"),
        status=gt.Status.ONGOING,
        status_text="Ongoing",
    )
    second = gt.Action(ref="2", text="Other", due_text=" ", status_text=" ")
    with pytest.raises(gt.WriteError, match="; and 1 more;"):
        excel_write.dump(_plan(first, second), tmp_path / "m.xlsx", layout="matrix")
    back = _round_trip(_plan(first, second), tmp_path / "m.xlsx", lossy=True)
    assert [("1.1", "KAZ", "2023/06"), ("2", "", "")] == [
        (a.ref, a.scope, a.deadline_text) for a in back.actions
    ]


_key_words = st.sampled_from(["odd key", "Donor", "Column J", "Column K", "Group", "Status"])
_odd_keys = st.one_of(
    _key_words,
    st.sampled_from(["", " ", "\t", "_govtrack x", "a\nb", "odd  key"]),
    st.builds(
        lambda before, word, after: before + word + after,
        st.sampled_from(["", " ", "\t", "\n"]),
        _key_words,
        st.sampled_from(["", " ", "\t", "\n"]),
    ),
)
_extra_values = st.one_of(st.sampled_from(["v", " v ", "", " ", "a\nb"]), st.text(max_size=5))


def _legal(key: str) -> bool:
    return bool(key) and " ".join(key.split()) == key and not key.startswith("_govtrack")


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.dictionaries(_odd_keys, _extra_values, max_size=5))
def test_lossy_extra_entries_are_left_out_never_renamed(
    tmp_path: Path, extra: dict[str, str]
) -> None:
    """With lossy=True the matrix wrote an empty key under a made-up header (`Column J`),
    replacing a real `Column J`'s value, and `' odd key '` as `odd key`, over that key's
    value. Now every entry read back is one of the action's, as it was, and every entry a
    header holds (a key neither empty, nor spaced, nor govtrack's) with a value is kept."""
    action = gt.Action(ref="1", text="Do it", extra=extra)
    excel_write.dump(_plan(action), tmp_path / "k.xlsx", layout="matrix", lossy=True)
    read = dict(gt.load(tmp_path / "k.xlsx").actions[0].extra)
    assert {key: extra.get(key) for key in read} == read
    kept = {key: value for key, value in extra.items() if _legal(key) and value.strip()}
    assert {key: read.get(key) for key in kept} == kept


def test_the_newcomers_extra_map_keeps_its_legal_entries(tmp_path: Path) -> None:
    """The report's case: `''` and `' odd key '` are left out, `odd key` and `Column J` kept."""
    extra = {" odd key ": "v1", "": "v2", "odd key": "v4", "Column J": "real"}
    action = gt.Action(ref="1", text="Do it", extra=extra)
    with pytest.raises(gt.WriteError, match="extra"):
        excel_write.dump(_plan(action), tmp_path / "k.xlsx", layout="matrix")
    excel_write.dump(_plan(action), tmp_path / "k.xlsx", layout="matrix", lossy=True)
    read = gt.load(tmp_path / "k.xlsx").actions[0].extra
    assert {"odd key": "v4", "Column J": "real"} == dict(read)
