"""Command-line options: dates, code selection, conversion options, the code list."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

import govtrack as gt
from govtrack.cli import main
from govtrack.io import reader_codes
from govtrack.validate import RULES

MATRIX = """\
| Action | Responsible | Deadline | Status |
|---|---|---|---|
| Hire an analyst | HR | 03/04/2024 | Ongoing |
"""


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


@pytest.fixture
def matrix(tmp_path: Path) -> Path:
    path = tmp_path / "plan.md"
    path.write_text(MATRIX, encoding="utf-8")
    return path


def test_an_unknown_code_in_select_is_refused(
    matrix: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A code no rule or reader has would silently select nothing: it is a usage error."""
    assert (2, "") == run("validate", str(matrix), "--select", "GT1,GT199")
    assert "--select GT199: no problem code starts with it" in capsys.readouterr().err
    assert 2 == run("validate", str(matrix), "--ignore", "overdue")[0]


def test_a_lowercase_prefix_selects(matrix: Path) -> None:
    """Codes are matched without regard to case, as validate() matches them."""
    code, text = run("validate", str(matrix), "--on", "2024-01-01", "--select", "gt3")
    assert (1, True) == (code, "GT326" in text)


def test_an_ambiguous_day_is_an_error_with_a_hint(matrix: Path) -> None:
    """03/04/2024 in a text matrix is an error (as GT208 in a workbook), with the way out."""
    code, text = run("validate", str(matrix), "--on", "2024-01-01")
    assert (1, True) == (code, "hint: --dayfirst reads 03/04/2024 as 3 April" in text)


@pytest.mark.parametrize(("flag", "day"), [("--dayfirst", 3), ("--monthfirst", 4)])
def test_dayfirst_and_monthfirst_read_the_day(
    matrix: Path, tmp_path: Path, flag: str, day: int
) -> None:
    """--dayfirst and --monthfirst settle an all-numeric day, for every command that reads."""
    target = tmp_path / "out.json"
    assert 0 == run("convert", str(matrix), str(target), flag)[0]
    (action,) = gt.load(target).actions
    assert action.due is not None
    assert dt.date(2024, 4 if day == 3 else 3, day) == action.due.start
    assert (0, "no problems found") == (
        run("validate", str(matrix), "--on", "2024-01-01", flag)[0],
        run("validate", str(matrix), "--on", "2024-01-01", flag)[1].split(": ", 1)[1].strip(),
    )


def test_dayfirst_and_monthfirst_exclude_each_other(matrix: Path) -> None:
    """Both at once is a usage error."""
    assert 2 == run("summary", str(matrix), "--dayfirst", "--monthfirst")[0]


def test_dayfirst_on_a_format_without_days_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A format whose reader takes no dayfirst says so, naming the flag."""
    path = tmp_path / "plan.json"
    gt.dump(gt.Document(), path)
    assert 2 == run("summary", str(path), "--dayfirst")[0]
    assert "--dayfirst applies to workbooks and text files, not this one" in capsys.readouterr().err


def test_convert_on_dates_the_report(matrix: Path, tmp_path: Path) -> None:
    """convert --on judges a .md report on that day, not today."""
    target = tmp_path / "report.md"
    assert 0 == run("convert", str(matrix), str(target), "--dayfirst", "--on", "2024-06-30")[0]
    text = target.read_text(encoding="utf-8")
    assert "As of 2024-06-30." in text
    assert "**Overdue**" in text


def test_convert_layout_matrix(matrix: Path, tmp_path: Path) -> None:
    """convert --layout matrix writes the partner-facing matrix, with its As of date."""
    target = tmp_path / "matrix.xlsx"
    code, _ = run(
        "convert",
        str(matrix),
        str(target),
        "--dayfirst",
        "--layout",
        "matrix",
        "--on",
        "2024-06-30",
    )
    assert 0 == code
    back = gt.load(target)
    assert (["Hire an analyst"], "2024-06-30") == ([a.text for a in back.actions], _as_of(target))


def _as_of(path: Path) -> str:
    book = load_workbook(path, read_only=True)
    try:
        for sheet in book.worksheets:
            for row in sheet.iter_rows(max_row=5, values_only=True):
                if row and row[0] == "As of":
                    value = row[1]
                    return (
                        value.date().isoformat() if isinstance(value, dt.datetime) else str(value)
                    )
    finally:
        book.close()
    return ""


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--on", "2024-06-30"], "--on applies to a .md report or an .xlsx matrix"),
        (["--layout", "matrix"], "--layout applies to an .xlsx output"),
    ],
)
def test_convert_options_that_do_not_apply_are_refused(
    matrix: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    options: list[str],
    message: str,
) -> None:
    """An option the output format cannot use is a clear error, and nothing is written."""
    target = tmp_path / "out.json"
    assert 2 == run("convert", str(matrix), str(target), "--dayfirst", *options)[0]
    assert message in capsys.readouterr().err
    assert not target.exists()


def test_codes_lists_every_code() -> None:
    """`govtrack codes` lists every rule's and every reader's code, once each."""
    code, text = run("codes")
    listed = [line.split()[0] for line in text.splitlines()]
    assert 0 == code
    assert sorted([rule.code for rule in RULES] + list(reader_codes())) == sorted(listed)
    assert len(set(listed)) == len(listed)


def test_reader_codes_are_named_by_meaning(tmp_path: Path) -> None:
    """A text reader's code (GT3xx) is summarised by its meaning, not as 'reading problem'."""
    path = tmp_path / "plan.md"
    path.write_text(MATRIX + "| | HR | 2024 | Ongoing |\n", encoding="utf-8")
    _, text = run("validate", str(path), "--on", "2024-01-01")
    assert "reading problem" not in text
    assert "GT325 warning x1    a row whose action cell is empty" in text


def test_summary_by_recommendation_marks_a_cut(tmp_path: Path) -> None:
    """A long recommendation is cut with an ellipsis in text, and whole in JSON."""
    long_text = "Strengthen the monitoring of results across every country office " * 2
    rec = gt.Recommendation(ref="1", text=long_text, actions=(gt.Action(text="Hire"),))
    path = tmp_path / "e.json"
    gt.dump(gt.Document(evaluations=(gt.Evaluation(title="E", recommendations=(rec,)),)), path)
    _, text = run("summary", str(path), "--on", "2024-01-01", "--by", "recommendation")
    assert any(
        line.strip().startswith("1 Strengthen") and "…" in line for line in text.splitlines()
    )
    _, data = run(
        "summary", str(path), "--on", "2024-01-01", "--by", "recommendation", "--format", "json"
    )
    assert f"1 {long_text}" == json.loads(data)["by"]["groups"][0]["recommendation"]


def test_an_option_a_writer_does_not_take_is_named() -> None:
    """gt.dumps refuses an option by name instead of letting a TypeError escape."""
    with pytest.raises(gt.UnsupportedFormatError, match=r"on= does not apply to the json format"):
        gt.dumps(gt.Document(), format="json", on=dt.date(2024, 1, 1))


def test_every_emitted_workbook_code_is_known(tmp_path: Path) -> None:
    """GT290 (govtrack's own workbook, an unknown column) is listed and can be ignored."""
    assert "GT290" in reader_codes()
    path = tmp_path / "plan.json"
    gt.dump(gt.Document(), path)
    assert 0 == run("validate", str(path), "--ignore", "GT290")[0]


def test_convert_on_needs_the_matrix_layout_for_a_workbook(
    matrix: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """govtrack's own workbook records no date: --on without --layout matrix is refused."""
    target = tmp_path / "out.xlsx"
    assert 2 == run("convert", str(matrix), str(target), "--dayfirst", "--on", "2024-06-30")[0]
    assert "add --layout matrix" in capsys.readouterr().err
    assert not target.exists()


def test_convert_to_a_text_format_named_by_to(matrix: Path, tmp_path: Path) -> None:
    """--to names the output's format when its suffix does not: the text matrix reads back."""
    target = tmp_path / "plan.txt"
    assert 0 == run("convert", str(matrix), str(target), "--dayfirst", "--to", "matrix")[0]
    back = gt.load(target, format="matrix")
    assert [action.text for action in back.actions] == ["Hire an analyst"]
    due = back.actions[0].due
    assert due is not None
    assert (due.start, due.precision) == (dt.date(2024, 4, 3), gt.Precision.DAY)


@pytest.mark.parametrize(
    "case",
    [
        ("out.txt", [], "cannot tell what to write from 'out.txt'"),
        ("out.xlsx", ["--to", "matrix"], "--to names a text format"),
        ("out.txt", ["--to", "gate"], "the gate format writes evaluations only"),
        ("out.md", ["--to", "matrix", "--on", "2024-06-30"], "not --to matrix"),
    ],
)
def test_convert_without_a_format_it_can_write_is_refused(
    matrix: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    case: tuple[str, list[str], str],
) -> None:
    """A suffix that names no format, --to beside a workbook, a format that would drop
    records: a clear error (exit 2), and nothing written."""
    output, options, message = case
    target = tmp_path / output
    assert 2 == run("convert", str(matrix), str(target), "--dayfirst", *options)[0]
    assert message in capsys.readouterr().err
    assert not target.exists()


CONVERT_HELP = [
    (
        "--force replace OUTPUT if it exists (refused otherwise), even when OUTPUT is INPUT "
        "itself: the source file is then replaced by the converted copy"
    ),
    "--quiet, -q print nothing unless the command fails",
    "An existing OUTPUT is replaced only with --force.",
    "summarised on standard error when one is a warning or an error; the exit status stays 0.",
]
VALIDATE_HELP = (
    "--force replace the --annotate file if it exists (refused otherwise; never the file being "
    "checked)"
)
REMINDERS_HELP = (
    "--force replace the --output file if it exists (refused otherwise; never the file read)"
)


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("convert", CONVERT_HELP),
        ("validate", [VALIDATE_HELP]),
        ("reminders", [REMINDERS_HELP]),
        ("template", ["--force replace OUTPUT if it exists (refused otherwise)"]),
    ],
)
def test_help_says_when_a_file_is_replaced(
    capsys: pytest.CaptureFixture[str], command: str, expected: list[str]
) -> None:
    """Each command that writes a named file documents --force (and convert --quiet) in --help."""
    assert (0, "") == run(command, "--help")
    shown = " ".join(capsys.readouterr().out.split())
    assert [] == [phrase for phrase in expected if phrase not in shown]


def test_an_existing_output_is_refused_before_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The refusal comes first: no time is spent reading an input that cannot be written out."""
    source = tmp_path / "missing.json"
    target = tmp_path / "out.json"
    target.write_text("{}", encoding="utf-8")
    assert (2, "") == run("convert", str(source), str(target))
    assert f"govtrack: {target} exists; choose another name, or pass --force to replace it\n" == (
        capsys.readouterr().err
    )


def test_convert_force_without_an_existing_output_just_writes(
    matrix: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--force is harmless when OUTPUT is new; a clean read prints nothing on stderr."""
    target = tmp_path / "plan.json"
    assert (0, f"wrote {target}\n") == run(
        "convert", str(matrix), str(target), "--dayfirst", "--force"
    )
    assert "" == capsys.readouterr().err


def _plan_with_a_legend(tmp_path: Path) -> Path:
    """A workbook plan with a legend in its extra and a party holding a line break: what a
    Markdown matrix cannot hold."""
    doc = gt.Document(
        plans=(
            gt.ActionPlan(
                title="Plan",
                actions=(
                    gt.Action(text="Hire an analyst", responsible=("Ministry of Finance\nHR",)),
                ),
                extra={"Legend": "green: done"},
            ),
        )
    )
    path = tmp_path / "plan.json"
    gt.dump(doc, path)
    return path


def test_convert_refuses_what_the_output_cannot_hold(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Regression: a plan's extra (a legend row) and a party holding a line break were lost
    or split in the text matrix in silence; now refused, naming them, unless --lossy."""
    source = _plan_with_a_legend(tmp_path)
    target = tmp_path / "plan.txt"
    assert 2 == run("convert", str(source), str(target), "--to", "matrix")[0]
    err = capsys.readouterr().err
    assert "the matrix format cannot hold all of this document" in err
    assert "plans[0].extra['Legend'] 'green: done' would be left out" in err
    assert "--lossy" in err
    assert not target.exists()
    assert 0 == run("convert", str(source), str(target), "--to", "matrix", "--lossy")[0]
    assert [a.text for a in gt.load(target, format="matrix").actions] == ["Hire an analyst"]


def test_lossy_applies_to_the_text_shapes_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--lossy with an output that holds everything is a usage error (exit 2)."""
    source = _plan_with_a_legend(tmp_path)
    assert 2 == run("convert", str(source), str(tmp_path / "out.json"), "--lossy")[0]
    assert "--lossy applies to --to matrix, --to gate or --layout matrix" in capsys.readouterr().err


def test_writers_refuse_what_does_not_read_back() -> None:
    """gt.dumps in the gate and matrix shapes names what it would lose; lossy=True writes."""
    action = gt.Action(text="Hire an analyst", extra={"Budget": "USD 5,000"}, group="Phase 1")
    evaluation = gt.Document(
        evaluations=(
            gt.Evaluation(
                title="Evaluation",
                recommendations=(gt.Recommendation(text="Staff", ref="1", actions=(action,)),),
            ),
        )
    )
    with pytest.raises(gt.WriteError, match=r"the gate format cannot hold all .*group 'Phase 1'"):
        gt.dumps(evaluation, format="gate")
    text = gt.dumps(evaluation, format="gate", lossy=True)
    assert "Hire an analyst" in text


MINUTES = """\
Record Notes of the Procurement Review

Date and Time: 12 March 2023, 10:00
Venue: Meeting Room 2

Decisions:
a) The procurement unit will publish the tender by 03/04/2023.
"""


def test_dayfirst_applies_to_minutes(tmp_path: Path) -> None:
    """Regression: `validate minutes.md --dayfirst` was refused as for workbooks and matrices
    only; without it, the ambiguous deadline (GT349) gets the --dayfirst hint."""
    path = tmp_path / "minutes.md"
    path.write_text(MINUTES, encoding="utf-8")
    code, text = run("validate", str(path), "--on", "2023-03-20")
    assert (0, True, True) == (code, "GT349" in text, "hint: --dayfirst reads" in text)
    overdue = {}
    for flag in ("--dayfirst", "--monthfirst"):
        code, text = run("summary", str(path), "--on", "2023-03-20", flag, "--format", "json")
        overdue[flag] = (code, json.loads(text)["by_status"]["overdue"])
    assert {"--dayfirst": (0, 0), "--monthfirst": (0, 1)} == overdue


def test_an_unknown_code_is_refused_naming_every_rule(
    matrix: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The refusal named the rules GT101-GT111, a range written by hand that missed GT112."""
    assert (2, "") == run("validate", str(matrix), "--ignore", "GT11O")
    rules = sorted(rule.code for rule in RULES)
    expected = (
        f"govtrack: --ignore GT11O: no problem code starts with it; the codes are "
        f"{rules[0]}-{rules[-1]} (rules), GT2xx (workbooks) and GT3xx (text), listed by "
        "'govtrack codes'\n"
    )
    assert expected == capsys.readouterr().err


def test_reminders_take_md_as_markdown(matrix: Path) -> None:
    """--format md was refused while convert takes .md: it is markdown's short name."""
    assert run(
        "reminders", str(matrix), "--on", "2024-06-01", "--format", "markdown", "--dayfirst"
    ) == run("reminders", str(matrix), "--on", "2024-06-01", "--format", "md", "--dayfirst")
    code, text = run("reminders", str(matrix), "--on", "2024-06-01", "--format", "md", "--dayfirst")
    assert (0, "# Reminders as of 2024-06-01") == (code, text.splitlines()[0])


def test_a_matrix_workbook_refuses_to_rewrite_a_deadline_in_other_words(tmp_path: Path) -> None:
    """Regression: 'next month' (counted from the meeting) was written to the matrix as
    'Apr 2023' in silence; a deadline of several days in words that read only in their context
    is refused, naming it, unless --lossy is given (a single day keeps its words: see
    tests/test_excel_deadline_words.py)."""
    next_month = gt.Due.month(2023, 4, "next month")
    doc = gt.Document(
        meetings=(
            gt.Meeting(
                title="Review meeting",
                date=dt.date(2023, 3, 14),
                decisions=(gt.Decision(ref="d)", text="Draft a notice", due=next_month),),
            ),
        )
    )
    source = tmp_path / "notes.json"
    gt.dump(doc, source)
    target = tmp_path / "matrix.xlsx"
    with pytest.raises(gt.WriteError) as caught:
        gt.dump(doc, target, layout="matrix", on=dt.date(2023, 3, 31))
    refused = run("convert", str(source), str(target), "--layout", "matrix")[0]
    written = run("convert", str(source), str(target), "--layout", "matrix", "--lossy")[0]
    (decision,) = gt.load(target).actions
    assert decision.due is not None
    assert (True, 2, 0, "Apr 2023") == (
        "action d) 'next month' would read back as 'Apr 2023'" in str(caught.value),
        refused,
        written,
        decision.due.text,
    )


def test_a_matrix_workbook_writes_a_day_read_with_dayfirst_in_a_portable_form(
    tmp_path: Path,
) -> None:
    """A day read with dayfirst= changes only its form (2024-04-03): it is not refused."""
    doc = gt.Document(
        plans=(
            gt.ActionPlan(
                actions=(gt.Action(text="Hire", due=gt.parse_due("03/04/2024", dayfirst=True)),)
            ),
        )
    )
    target = tmp_path / "matrix.xlsx"
    gt.dump(doc, target, layout="matrix", on=dt.date(2024, 1, 1))
    (action,) = gt.load(target).actions
    assert action.due is not None
    assert ("2024-04-03", dt.date(2024, 4, 3)) == (action.due.text, action.due.end)


def _own_codes_json(tmp_path: Path) -> Path:
    """A JSON document whose problems include an application's own code, ORG001."""
    doc = gt.Document(
        problems=(
            gt.Issue(code="ORG001", severity=gt.Severity.WARNING, message="no sponsor named"),
        )
    )
    path = tmp_path / "org.json"
    path.write_text(gt.dumps(doc), encoding="utf-8")
    return path


@pytest.mark.parametrize("option", ["--ignore", "--select"])
def test_a_documents_own_code_is_known_to_select_and_ignore(tmp_path: Path, option: str) -> None:
    """Regression: `--ignore ORG001` exited 2 ("no problem code starts with it") for a JSON
    document whose problems have that code, though validate(ignore=["ORG001"]) took it: the
    command checked the codes before reading, without the document's own."""
    path = _own_codes_json(tmp_path)
    code, text = run("validate", str(path), "--on", "2024-01-01", option, "ORG001")
    expected = "no problems found" if option == "--ignore" else "ORG001"
    assert (0, True) == (code, expected in text)


def test_the_command_and_the_api_accept_the_same_codes(tmp_path: Path) -> None:
    """validate() and `govtrack validate` agree on which codes a document makes known."""
    path = _own_codes_json(tmp_path)
    doc = gt.load(path)
    on = dt.date(2024, 1, 1)
    assert [] == gt.validate(doc, on=on, ignore=["ORG001"])
    assert (0, f"{path}: no problems found (1 ignored)\n") == run(
        "validate", str(path), "--on", "2024-01-01", "--ignore", "org"
    )
    with pytest.raises(gt.UnknownCodeError):
        gt.validate(doc, on=on, ignore=["ORG002"])
    assert (2, "") == run("validate", str(path), "--ignore", "ORG002")


def test_an_unknown_code_writes_no_annotated_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Codes checked after reading are still checked before the annotated copy is written."""
    out = tmp_path / "checked.xlsx"
    workbook = tmp_path / "plan.xlsx"
    gt.dump(gt.loads(MATRIX, format="matrix", dayfirst=True), workbook)
    assert (2, "") == run("validate", str(workbook), "--annotate", str(out), "--ignore", "GT11O")
    assert (False, True) == (out.exists(), "--ignore GT11O" in capsys.readouterr().err)


def _unread_status_json(tmp_path: Path, comments: str = "") -> Path:
    """A plan of two actions: one with a status word govtrack cannot read (GT101), one done
    (GT105 when it has no comments)."""
    doc = gt.Document(
        plans=(
            gt.ActionPlan(
                actions=(
                    gt.Action(text="Hire an analyst", ref="1", responsible=("HR",),
                              due=gt.parse_due("2030"), status_text="Stalled"),
                    gt.Action(text="Publish the plan", ref="2", responsible=("Unit A",),
                              due=gt.parse_due("2022/06"), status=gt.Status.COMPLETED,
                              comments=comments),
                )
            ),
        )
    )  # fmt: skip
    path = tmp_path / "bad.json"
    path.write_text(gt.dumps(doc), encoding="utf-8")
    return path


@pytest.mark.parametrize("quiet", [[], ["--quiet"]])
def test_validate_says_how_many_problems_it_ignored(tmp_path: Path, quiet: list[str]) -> None:
    """Regression: `validate bad.json --ignore GT101` printed "no problems found", as for a
    clean file, when it had dropped problems; it says "no problems found (1 ignored)"."""
    path = _unread_status_json(tmp_path, comments="Published on the website")
    code, text = run("validate", str(path), "--on", "2024-01-01", "--ignore", "GT101", *quiet)
    assert (0, f"{path}: no problems found (1 ignored)") == (code, text.splitlines()[0])


def test_validate_counts_the_ignored_beside_what_is_left(tmp_path: Path) -> None:
    """With problems left, the count line ends with the ignored ones too; with nothing
    ignored, it has no "(0 ignored)", and --select alone ignores nothing."""
    path = _unread_status_json(tmp_path)
    every = run("validate", str(path), "--on", "2024-01-01", "--quiet")[1]
    kept = run("validate", str(path), "--on", "2024-01-01", "--quiet", "--ignore", "GT105")[1]
    chosen = run("validate", str(path), "--on", "2024-01-01", "--quiet", "--select", "GT105")[1]
    expected = (
        f"{path}: 1 error, 1 warning\n",
        f"{path}: 1 error (1 ignored)\n",
        f"{path}: 1 warning\n",
    )
    assert expected == (every, kept, chosen)
