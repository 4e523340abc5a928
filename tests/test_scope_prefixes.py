"""Scope prefixes (``KAZ: …``): one rule for the Excel reader and the text matrix reader."""

from __future__ import annotations

import tempfile
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govtrack as gt
from govtrack.io import excel, matrix
from govtrack.io._refs import NOT_SCOPES, split_scope
from strategies import words

HEADER = ["Action", "Responsible", "Deadline", "Status"]

# A prefix of one to five capitals (some of them note words or functions), its colon
# and spaces, and a text: what partners type, some of it scope, some of it not.
prefixes = st.one_of(
    st.text(st.sampled_from("ABKRTUZ"), min_size=1, max_size=5),
    st.sampled_from(sorted(NOT_SCOPES)),
)
bodies = st.text(st.sampled_from("abc de"), min_size=1, max_size=12).filter(str.strip)
prefixed = st.builds(
    lambda prefix, colon, body: f"{prefix}{colon}{body.strip()}",
    prefixes,
    st.sampled_from([": ", ":", " : ", ":  "]),
    bodies,
)


def _excel(texts: list[str]) -> gt.Document:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    for text in texts:
        sheet.append([text, "Unit", "2023/06", "Ongoing"])
    path = Path(tempfile.mkdtemp()) / "plan.xlsx"
    book.save(path)
    return excel.load(path)


def _markdown(texts: list[str]) -> gt.Document:
    lines = ["| " + " | ".join(HEADER) + " |", "|---|---|---|---|"]
    lines += [f"| {text} | Unit | 2023/06 | Ongoing |" for text in texts]
    return matrix.loads("\n".join(lines) + "\n")


def test_matrix_reads_two_and_four_letter_scopes() -> None:
    """Regression: the text matrix took exactly three capitals, so `UZ:` stayed in the text."""
    doc = _markdown(["UZ: Map the shelters", "ICT: Upgrade the servers", "KAZ: Chair it"])
    assert (
        [("UZ", "Map the shelters"), ("", "ICT: Upgrade the servers"), ("KAZ", "Chair it")],
        [("GT329", "line 3")],
    ) == (
        [(a.scope, a.text) for a in doc.actions],
        [(p.code, str(p.location)) for p in doc.problems],
    )


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(prefixed, min_size=1, max_size=4))
def test_both_readers_split_scopes_alike(texts: list[str]) -> None:
    """A workbook and a Markdown table of the same texts give the same scopes and texts,
    those of split_scope, and report the first split alike (GT227, GT329)."""
    expected = [split_scope(text) for text in texts]
    book, table = _excel(texts), _markdown(texts)
    noted = any(scope for scope, _ in expected)
    assert (expected, expected, noted, noted) == (
        [(a.scope, a.text) for a in book.actions],
        [(a.scope, a.text) for a in table.actions],
        # a text drawn twice in a row is a row repeated (GT239), which the test does not ask
        [p.code for p in book.problems if p.code != "GT239"] == ["GT227"],
        [p.code for p in table.problems] == ["GT329"],
    )


# Actions whose texts start like a scope, with a scope of their own or none.
_scoped_actions = st.builds(
    lambda text, scope: gt.Action(
        text=text, scope=scope, status=gt.Status.ONGOING, status_text="Ongoing"
    ),
    prefixed,
    st.one_of(st.just(""), st.sampled_from(["KAZ", "UZ", "TJK"]), words.filter(str.isalpha)),
)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_scoped_actions, min_size=1, max_size=4))
def test_prefixed_texts_round_trip(actions: list[gt.Action]) -> None:
    """What govtrack writes (a Markdown matrix, an Excel matrix) reads back with the same
    scopes and texts, a text starting like a scope included."""
    doc = gt.Document(plans=(gt.ActionPlan(title="Plan", actions=tuple(actions)),))
    expected = [(a.scope, a.text) for a in actions]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "matrix.xlsx"
        gt.dump(doc, path, layout="matrix")
        from_excel = [(a.scope, a.text) for a in gt.load(path).actions]
    from_markdown = [(a.scope, a.text) for a in matrix.loads(matrix.dumps(doc)).actions]
    assert (expected, expected) == (from_excel, from_markdown)


def test_stripped_workbook_matrix_keeps_prefixed_texts(tmp_path: Path) -> None:
    """Regression: a matrix govtrack wrote, read as a partner's sheet (its own sheet gone),
    split `KAZ: …` texts with an empty Scope cell into a scope."""
    action = gt.Action(
        text="KAZ: Chair the theme group", status=gt.Status.ONGOING, status_text="Ongoing"
    )
    doc = gt.Document(plans=(gt.ActionPlan(title="Plan", actions=(action,)),))
    path = tmp_path / "matrix.xlsx"
    gt.dump(doc, path, layout="matrix")
    book = openpyxl.load_workbook(path)
    for name in book.sheetnames:
        if name.startswith("_"):
            del book[name]
    book.save(path)
    assert [("", "KAZ: Chair the theme group")] == [
        (a.scope, a.text) for a in excel.load(path).actions
    ]
