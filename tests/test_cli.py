"""The govtrack command, run as a user runs it: in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import govtrack as gt


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "govtrack", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def write(tmp_path: Path, *items: gt.Action) -> Path:
    target = tmp_path / "tracker.json"
    gt.dump(gt.Document(plans=(gt.ActionPlan(title="Plan", actions=items),)), target)
    return target


GOOD = gt.Action(
    text="Publish the report", ref="1", responsible=("Unit A",), due=gt.parse_due("2022/06"),
    status=gt.Status.COMPLETED, comments="Published",
)  # fmt: skip
LATE = gt.Action(
    text="Train staff", ref="2", responsible=("Unit B",), due=gt.parse_due("2022/09"),
    status=gt.Status.ONGOING, comments="Half done",
)  # fmt: skip
BAD = gt.Action(
    text="Hire", ref="3", responsible=("HR",), due=gt.parse_due("2024"), status_text="Stalled"
)


def test_validate_clean_file_exits_0(tmp_path: Path) -> None:
    """A file with no errors exits 0 (an overdue info is not an error)."""
    result = run("validate", str(write(tmp_path, GOOD, LATE)), "--on", "2023-01-31")
    assert (0, "") == (result.returncode, result.stderr)
    assert "GT110" in result.stdout


def test_validate_errors_exit_1_with_json_output(tmp_path: Path) -> None:
    """Errors exit 1; --format json lists each issue with code, severity and location."""
    result = run(
        "validate", str(write(tmp_path, GOOD, BAD)), "--on", "2023-01-31", "--format", "json"
    )
    assert 1 == result.returncode
    data = json.loads(result.stdout)
    assert [("GT101", "error")] == [(i["code"], i["severity"]) for i in data["issues"]]


def test_validate_ignore(tmp_path: Path) -> None:
    """--ignore drops codes, so a file whose only error is ignored exits 0."""
    result = run("validate", str(write(tmp_path, BAD)), "--on", "2023-01-31", "--ignore", "GT101")
    assert 0 == result.returncode


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "no such file"),
        (b"{broken", "not JSON"),
        (b'{"schema_version": 1, "plans": 3}', "@ $.plans"),
    ],
)
def test_unreadable_input_exits_2_with_one_line(
    tmp_path: Path, content: bytes | None, expected: str
) -> None:
    """An unreadable file exits 2 with one line on stderr and no traceback."""
    target = tmp_path / "x.json"
    if content is not None:
        target.write_bytes(content)
    result = run("validate", str(target))
    assert 2 == result.returncode
    assert 1 == len(result.stderr.strip().splitlines())
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_date_option_exits_2(tmp_path: Path) -> None:
    """A malformed --on date is a usage error (exit 2) that says the expected form."""
    result = run("summary", str(write(tmp_path, GOOD)), "--on", "31/01/2023")
    assert 2 == result.returncode
    assert "YYYY-MM-DD" in result.stderr


def test_summary_text_and_json(tmp_path: Path) -> None:
    """summary counts by status, gives the rate and lists the overdue by party."""
    source = str(write(tmp_path, GOOD, LATE))
    text = run("summary", source, "--on", "2023-01-31")
    assert 0 == text.returncode
    assert "implementation rate 50%" in text.stdout
    assert "Unit B (1)" in text.stdout
    data = json.loads(run("summary", source, "--on", "2023-01-31", "--format", "json").stdout)
    assert ({"completed": 1, "overdue": 1}, 0.5) == (
        {k: v for k, v in data["by_status"].items() if v},
        data["implementation_rate"],
    )


def test_convert_json_to_json(tmp_path: Path) -> None:
    """convert writes the output by its suffix; the result reads back equal."""
    source = write(tmp_path, GOOD, LATE)
    target = tmp_path / "copy.json"
    result = run("convert", str(source), str(target))
    assert 0 == result.returncode
    assert gt.load(source) == gt.load(target)


def test_module_and_console_script_agree() -> None:
    """`python -m govtrack --help` names the commands."""
    result = run("--help")
    assert 0 == result.returncode
    assert all(word in result.stdout for word in ("validate", "summary", "convert", "template"))


def test_summary_says_what_it_did_not_count(tmp_path: Path) -> None:
    """A sheet whose header is not recognised is named under the totals, and reading
    problems are counted, so the totals are not taken for the whole file."""
    import openpyxl

    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = "Minutes"
    first.append(["Item discussed", "Outcome"])
    first.append(["Budget", "Approved"])
    second = book.create_sheet("Tracker")
    second.append(["Action", "Responsible", "Deadline", "Status"])
    second.append(["Map the shelters", "", "2020", "Completed"])
    source = tmp_path / "two.xlsx"
    book.save(source)
    text = run("summary", str(source), "--on", "2023-01-31")
    assert 0 == text.returncode, text.stderr
    assert (
        "  Not counted: sheet 'Minutes', with no header row govtrack recognises (GT201)"
        in text.stdout
    )
    assert f"  Reading problems: 1 warning; 'govtrack validate {source}' lists them" in text.stdout
    data = json.loads(run("summary", str(source), "--on", "2023-01-31", "--format", "json").stdout)
    assert (
        [{"sheet": "Minutes", "code": "GT201", "reason": "no header row govtrack recognises"}],
        {"error": 0, "warning": 1, "info": 0},
    ) == (data["sheets_not_read"], data["reading_problems"])


def test_summary_names_hidden_sheets_not_read_and_says_why(tmp_path: Path) -> None:
    """A hidden sheet left out for want of a header (GT202) is named under the totals beside
    the visible ones (GT201), each with why; a hidden sheet that was read is not (hidden
    sheets were left out of the line and of `sheets_not_read`)."""
    import openpyxl

    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = "Tracker"
    first.append(["Action", "Responsible", "Deadline", "Status"])
    first.append(["Map the shelters", "Unit A", "2020", "Completed"])
    minutes = book.create_sheet("Minutes")
    minutes.append(["Item discussed", "Outcome"])
    for name, header in (("Old notes", ["Item", "Outcome"]), ("Archive", ["Action", "Status"])):
        hidden = book.create_sheet(name)
        hidden.append(header)
        hidden.append(["Count the stock", "Completed"])
        hidden.sheet_state = "hidden"
    source = tmp_path / "hidden.xlsx"
    book.save(source)
    text = run("summary", str(source), "--on", "2023-01-31")
    assert 0 == text.returncode, text.stderr
    lines = [line for line in text.stdout.splitlines() if line.startswith("  Not counted")]
    assert [
        "  Not counted: sheet 'Minutes', with no header row govtrack recognises (GT201)",
        "  Not counted: hidden sheet 'Old notes', with no header row govtrack recognises (GT202)",
    ] == lines
    data = json.loads(run("summary", str(source), "--on", "2023-01-31", "--format", "json").stdout)
    assert [
        {"sheet": "Minutes", "code": "GT201", "reason": "no header row govtrack recognises"},
        {
            "sheet": "Old notes",
            "code": "GT202",
            "reason": "hidden, and no header row govtrack recognises",
        },
    ] == data["sheets_not_read"]


ANSI_MATRIX = """\
| Action | Responsible | Deadline | Status |
|---|---|---|---|
| Update the unit’s filing plan | Registry | 2022/06 | Ongoing |
"""


@pytest.fixture
def ansi_matrix(tmp_path: Path) -> Path:
    """A text matrix saved as Windows-1252 ("ANSI"): its apostrophe is byte 0x92."""
    path = tmp_path / "plan.md"
    path.write_bytes(ANSI_MATRIX.encode("cp1252"))
    return path


def test_a_cp1252_file_is_refused_naming_the_option(ansi_matrix: Path) -> None:
    """Regression: the advice said `pass encoding="cp1252"`, which the command line has no
    way to pass; it names --encoding now."""
    result = run("validate", str(ansi_matrix))
    assert (2, "", f"{ansi_matrix} is not UTF-8 text") == (  # the path as given
        result.returncode,
        result.stdout,
        result.stderr.split(" (")[0].removeprefix("govtrack: "),
    )
    assert 'it may be Windows-1252 ("ANSI"): pass --encoding cp1252, or save it as UTF-8' in (
        result.stderr
    )


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (["validate", "--on", "2023-01-31"], "Update the unit’s filing plan"),
        (["summary", "--on", "2023-01-31"], "Update the unit’s filing plan"),
        (["reminders", "--on", "2023-01-31"], "Update the unit’s filing plan"),
        (["diff", "{file}"], "No changes from"),
        (["convert", "{out}", "--to", "matrix"], "wrote"),
    ],
)
def test_encoding_reads_a_cp1252_file(
    ansi_matrix: Path, tmp_path: Path, command: list[str], expected: str
) -> None:
    """Every command that reads files takes --encoding: the cp1252 file is read, its
    apostrophe whole."""
    name, *rest = command
    rest = [arg.format(file=ansi_matrix, out=tmp_path / "out.md") for arg in rest]
    result = run(name, str(ansi_matrix), *rest, "--encoding", "cp1252")
    assert (0, "", True) == (result.returncode, result.stderr, expected in result.stdout)
    if name == "convert":
        assert "Update the unit’s filing plan" in (tmp_path / "out.md").read_text("utf-8")


def test_encoding_is_refused_for_a_workbook(tmp_path: Path) -> None:
    """--encoding on a workbook is a misuse, said in the command line's words."""
    target = tmp_path / "plan.xlsx"
    gt.dump(gt.Document(plans=(gt.ActionPlan(title="Plan", actions=(GOOD,)),)), target)
    result = run("summary", str(target), "--encoding", "cp1252")
    assert (2, f"govtrack: {target}: --encoding applies to text files only; an Excel workbook says its own encoding\n") == (result.returncode, result.stderr)  # fmt: skip


def test_an_unknown_encoding_is_named_as_the_option(ansi_matrix: Path) -> None:
    """An --encoding that is no text codec is refused in the command line's words (it said
    "unknown encoding 'nope'; expected a Python codec name", a FormatError of the file)."""
    result = run("summary", str(ansi_matrix), "--encoding", "nope")
    expected = (
        "govtrack: --encoding nope is not a text codec Python knows; expected a codec name "
        "such as 'cp1252', 'latin-1' or 'utf-16'\n"
    )
    assert (2, expected) == (result.returncode, result.stderr)


def test_validate_quiet_prints_only_the_counts(tmp_path: Path) -> None:
    """validate --quiet (-q) prints the counting line only; the exit status is unchanged."""
    bad = write(tmp_path, GOOD, BAD)
    for flag in ("--quiet", "-q"):
        result = run("validate", str(bad), "--on", "2023-01-31", flag)
        assert (1, f"{bad}: 1 error\n", "") == (
            result.returncode,
            result.stdout,
            result.stderr,
        )
    clean = tmp_path / "clean.json"
    gt.dump(gt.Document(plans=(gt.ActionPlan(title="Plan", actions=(GOOD,)),)), clean)
    result = run("validate", str(clean), "--on", "2023-01-31", "-q")
    assert (0, f"{clean}: no problems found\n") == (result.returncode, result.stdout)


@pytest.mark.parametrize(("suffix", "kind"), [(".csv", "comma"), (".tsv", "tab")])
def test_a_separated_values_file_is_refused_with_what_to_do(
    tmp_path: Path, suffix: str, kind: str
) -> None:
    """A .csv or .tsv file, which no reader takes, is refused saying to save it as .xlsx."""
    target = tmp_path / f"plan{suffix}"
    separator = "," if suffix == ".csv" else "\t"
    target.write_text(
        separator.join(["Action", "Responsible", "Deadline"]) + "\nHire a clerk,HR,2023/06\n",
        encoding="utf-8",
    )
    result = run("validate", str(target))
    assert (2, True) == (
        result.returncode,
        result.stderr.rstrip().endswith(
            f"; govtrack does not read {kind}-separated files: open it in Excel and save it "
            "as .xlsx (Excel Workbook)"
        ),
    )


UNREAD_LATE = gt.Action(
    text="Close the audit", ref="4", responsible=("Unit B",), due=gt.parse_due("2022/03"),
    status_text="Done ✓", comments="Closed in March",
)  # fmt: skip
UNREAD_LATE_TOO = gt.Action(
    text="File the report", ref="5", responsible=("Unit A",), due=gt.parse_due("2022/04"),
    status_text="Done ✓",
)  # fmt: skip
UNREAD_UNDATED = gt.Action(text="Hire", ref="6", responsible=("HR",), status_text="Stalled")


def test_summary_says_overdue_actions_have_a_status_it_could_not_read(tmp_path: Path) -> None:
    """summary says how many overdue (or unknown) actions have a status word it could not
    read, quoting the words (an unreadable "Done ✓" was counted overdue without a word)."""
    source = str(write(tmp_path, GOOD, UNREAD_LATE, UNREAD_LATE_TOO, UNREAD_UNDATED, BAD))
    text = run("summary", source, "--on", "2023-01-31")
    assert (0, "") == (text.returncode, text.stderr)
    overdue = (
        "  2 of the overdue actions have a status govtrack could not read ('Done ✓'): "
        f"'govtrack validate {source}' lists them (GT101)"
    )
    unknown = (
        "  2 of the actions of unknown status have a status govtrack could not read "
        f"('Stalled'): 'govtrack validate {source}' lists them (GT101)"
    )
    assert [overdue, unknown] == [
        line for line in text.stdout.splitlines() if "could not read" in line
    ]


def test_summary_is_quiet_about_statuses_it_read(tmp_path: Path) -> None:
    """No line about unread statuses when every overdue action's status was read."""
    text = run("summary", str(write(tmp_path, GOOD, LATE)), "--on", "2023-01-31")
    assert "could not read" not in text.stdout


def test_reminders_say_on_stderr_which_overdue_statuses_were_not_read(tmp_path: Path) -> None:
    """reminders says on stderr that overdue actions have an unread status, quoting at most
    three words; the reminders themselves stay on stdout."""
    due = gt.parse_due("2022/03")
    items = [
        gt.Action(text=f"Task {n}", ref=str(n), responsible=("Unit A",), due=due, status_text=word)
        for n, word in enumerate(["Done ✓", "Fini", "Closed?", "Signed off", "Fini"], 1)
    ]
    source = str(write(tmp_path, *items))
    result = run("reminders", source, "--on", "2023-01-31")
    assert 0 == result.returncode
    assert (
        "govtrack: 5 of the overdue actions listed have a status govtrack could not read "
        f"('Done ✓', 'Fini', 'Closed?', …): 'govtrack validate {source}' lists them (GT101)\n"
    ) == result.stderr
    assert "Overdue on 2023-01-31 (5):" in result.stdout


def test_reminders_summarise_reading_problems_on_stderr(tmp_path: Path) -> None:
    """reminders summarises a workbook's reading problems on stderr, as convert does."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Action", "Responsible", "Deadline", "Status"])
    sheet.append(["Map the shelters", "Unit A", "2022/03", "Ongoing"])
    sheet.append(["Train the staff", "Unit A", "2022/04", "Ongoing"])
    sheet.row_dimensions[3].hidden = True
    source = tmp_path / "hidden.xlsx"
    book.save(source)
    result = run("reminders", str(source), "--on", "2023-01-31")
    assert 0 == result.returncode
    assert result.stderr.startswith(f"govtrack: reading problems in {source}: 1 warning")
    assert "Overdue on 2023-01-31 (2):" in result.stdout


def test_reminders_tell_an_unread_status_once_on_stderr(tmp_path: Path) -> None:
    """Regression: reminders left the unread status words (GT101) of the overdue actions it
    lists to the table of reading problems, whose GT101 row shows two examples: nothing said
    these were actions listed, and the other words were named nowhere. A sentence names them
    now, once, and the table tells the other problems only ("besides the status words
    above"); and ``--quiet``, which the table's last line names, is accepted."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Plan"
    sheet.append(["Action", "Responsible", "Deadline", "Status"])
    for n, word in enumerate(["Stalled", "Blocked", "Paused"]):
        sheet.append([f"Task {n}", "Unit A", "2022/03", word])
    sheet.append(["Task 3", "Unit A", "2022/04", "Ongoing"])
    sheet.row_dimensions[5].hidden = True
    source = tmp_path / "stalled.xlsx"
    book.save(source)
    result = run("reminders", str(source), "--on", "2023-01-31")
    assert 0 == result.returncode
    lines = result.stderr.splitlines()
    assert [
        (
            "govtrack: 3 of the overdue actions listed have a status govtrack could not read "
            f"('Stalled', 'Blocked', 'Paused'): 'govtrack validate {source}' lists them (GT101)"
        ),
        f"govtrack: reading problems in {source}: 1 warning besides the status words above",
    ] == lines[:2]
    assert [] == [line for line in lines if "GT101 error" in line]
    assert lines[-1].endswith("--quiet hides this summary")
    assert "Overdue on 2023-01-31 (4):" in result.stdout
    quiet = run("reminders", str(source), "--on", "2023-01-31", "--quiet")
    assert (0, "", result.stdout) == (quiet.returncode, quiet.stderr, quiet.stdout)


def test_summary_names_a_sheet_of_counts_it_did_not_count(tmp_path: Path) -> None:
    """A sheet of counts (GT223) is named under the totals, with why, and in the JSON."""
    import openpyxl

    book = openpyxl.Workbook()
    plan = book.active
    assert plan is not None
    plan.title = "Plan"
    plan.append(["Action", "Responsible", "Deadline", "Status"])
    plan.append(["Map the shelters", "Unit A", "2022/03", "Completed"])
    counts = book.create_sheet("Totals")
    counts.append(["Country", "Actions", "Completed", "Ongoing"])
    counts.append(["Country A", 1, 1, 0])
    source = tmp_path / "counts.xlsx"
    book.save(source)
    text = run("summary", str(source), "--on", "2023-01-31")
    assert f"{source} on 2023-01-31: 1 actions, implementation rate 100%" in text.stdout
    assert "  Not counted: sheet 'Totals', which holds only counts, not actions (GT223)" in (
        text.stdout
    )
    data = json.loads(run("summary", str(source), "--on", "2023-01-31", "--format", "json").stdout)
    assert [
        {"sheet": "Totals", "code": "GT223", "reason": "holds only counts, not actions"}
    ] == data["sheets_not_read"]


def test_summary_counts_an_unread_status_once(tmp_path: Path) -> None:
    """Regression: summary said an overdue action's status was not read (GT101), then counted
    that GT101 again in "Reading problems: 3 errors"; the count leaves out what the line above
    said, and is not printed when that was all."""
    head = "| Action | Responsible | Deadline | Status |\n|---|---|---|---|\n"
    rows = "| Hire | HR | 2022/03 | Stalled |\n| Buy | HR | 2022/05 | Stalled |\n"
    both = tmp_path / "both.md"
    both.write_text(head + rows + "| Pay | HR | 03/04/2024 | Ongoing |\n", encoding="utf-8")
    alone = tmp_path / "alone.md"
    alone.write_text(head + rows, encoding="utf-8")
    said = [
        [line for line in run("summary", str(path), "--on", "2023-01-31").stdout.splitlines()
         if "Reading problems" in line or "could not read" in line]
        for path in (both, alone)
    ]  # fmt: skip
    unread = "  2 of the overdue actions have a status govtrack could not read ('Stalled'): "
    assert [
        [
            f"{unread}'govtrack validate {both}' lists them (GT101)",
            (
                "  Reading problems: 1 error besides the status words above; "
                f"'govtrack validate {both}' lists them"
            ),
        ],
        [f"{unread}'govtrack validate {alone}' lists them (GT101)"],
    ] == said
