"""The govtrack command end to end: subprocesses on workbooks and texts the tests build.

Every test runs ``python -m govtrack`` as a user would, on files written here: a
messy partner matrix (openpyxl), a tracking-system export, record notes and JSON
documents. It checks the exit status (0, 1, 2), the lines a person reads and the
files the command writes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

import govtrack as gt

ON = "2023-01-31"


def exists(path: Path) -> str:
    """What the command says on stderr when asked to replace ``path`` without --force."""
    return f"govtrack: {path} exists; choose another name, or pass --force to replace it\n"


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "govtrack", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        cwd=cwd,
    )


# ---------------------------------------------------------------------------
# The inputs, built once for the module


def write_partner_matrix(path: Path) -> None:
    """A partner's matrix with title rows, merged cells, an unknown column and typing mistakes."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Matrix"
    rows: list[list[object]] = [
        ["Management response matrix: evaluation of the youth employment project"],
        ["Office:", "Northern office"],
        [],
        ["Rec #", "Recommendation", "Management response", "Category", "Action #",
         "Key action", "Responsible Unit(s)", "Time-frame", "Status of implementation",
         "Comments", "Donor"],
        ["1", "Follow graduates for a year after their training.", "Agreed.", "Accepted",
         "1.1", "Design a tracer survey.", "M&E Unit", "2022/03", "Completed",
         "Questionnaire tested in March.", "EU"],
        [None, None, None, None, "1.2", "Run the tracer survey twice a year.",
         "M&E Unit; Youth Desk", "Q4-2022", "Ongoing", "First round done.", None],
        ["2", "Open a job centre in every district.", "Partly agreed: funds cover four.",
         "Partially accepted", "2.1", "Open the first two job centres.", "Youth Desk",
         "06/07/2022", "In progress", None, None],
        [None, None, None, None, "2.2", "Hire two job counsellors per centre.", "HR Unit",
         "2023/06", "Stalled", "Posts not yet approved.", None],
        [],
        ["Note: statuses as reported on 15 January 2023."],
    ]  # fmt: skip
    for row in rows:
        sheet.append(row)
    for column in "ABCD":
        sheet.merge_cells(f"{column}5:{column}6")
        sheet.merge_cells(f"{column}7:{column}8")
    book.save(path)


GATE_EXPORT = """\
Home
Evaluations by Regions
Central Region
Plains Republic
(CO)
Hill Provinces
(MCO)
Management Response

Plains Republic
: 2021 - 2022 , Plains Republic (CO)
: Evaluation of the rural credit programme
:
: Plains Republic
:

Management accepts the evaluation and will act on its recommendations.

: Approved
Recommendation: 1: Publish loan repayment data every quarter.
Management Response: Agreed.
Description:
Management Response Category: Accepted
Thematic Area: Finance
Operating Principles: Not applicable
Organizational Priorities: Not applicable
UNEG Criteria: Efficiency
Key Actions
Responsible Deadline Status Comments
1. Agree a data format with the lending banks. Finance Unit 2021/09 Completed Format signed by three banks.
2. Publish the first quarterly bulletin. Finance Unit 2022/06 Ongoing Draft with the communication team.
Recommendation: 2: Train credit officers on women borrowers? needs.
Management Response: Agreed within existing funds.
Description:
Management Response Category: Partially Accepted
Thematic Area: Gender
Operating Principles: Not applicable
Organizational Priorities: Not applicable
UNEG Criteria: Relevance
Key Actions
Responsible Deadline Status Comments
1. Run a training for credit officers in each province. Training Unit 2023/06 Not Initiated
"""

RECORD_NOTES = """\
# Ministry of Transport Planning Division

## Record Notes of the Coordination Meeting on the Bus Network Plan

Date and Time:\t9 January 2023, 02.00-03.30 PM.
Venue:\tMeeting Room 5, Transport House,
\tHarbour Road, Port City.
Chairperson:\tMs. L. Tembo, Director of Planning.
Participants:\tAnnex 'A'.

- 1. The chair welcomed the members.
- 2. The planning division presented the draft network plan.

# 3. Decisions

- a) The planning division will circulate the draft plan by 13 January 2023;
- b) Each city council will send its comments by 27 January 2023;
- c) If no comment is received by 27 January 2023, the council is deemed to agree;
- d) The next meeting will be held after the plan is adopted.
"""


def tracker(*, second_status: gt.Status, second_due: str) -> gt.Document:
    """A small action plan; two rounds of it differ in the second action."""
    return gt.Document(
        plans=(
            gt.ActionPlan(
                title="Board follow-up",
                actions=(
                    gt.Action(ref="1", text="Publish the annual report", responsible=("Unit A",),
                              due=gt.parse_due("2022/06"), status=gt.Status.COMPLETED,
                              comments="Published in June."),
                    gt.Action(ref="2", text="Train the regional staff", responsible=("Unit B",),
                              due=gt.parse_due(second_due), status=second_status),
                ),
            ),
        )
    )  # fmt: skip


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The input files, by kind: xlsx, gate, minutes, and two JSON rounds (old, new)."""
    folder = tmp_path_factory.mktemp("inputs")
    paths = {
        "xlsx": folder / "partner.xlsx",
        "gate": folder / "export.txt",
        "minutes": folder / "notes.md",
        "old": folder / "round1.json",
        "new": folder / "round2.json",
    }
    write_partner_matrix(paths["xlsx"])
    paths["gate"].write_text(GATE_EXPORT, encoding="utf-8")
    paths["minutes"].write_text(RECORD_NOTES, encoding="utf-8")
    gt.dump(tracker(second_status=gt.Status.ONGOING, second_due="2022/09"), paths["old"])
    gt.dump(tracker(second_status=gt.Status.COMPLETED, second_due="2022/12"), paths["new"])
    return paths


# ---------------------------------------------------------------------------
# validate


def test_validate_messy_workbook_exits_1_and_names_each_cell(inputs: dict[str, Path]) -> None:
    """Errors in a workbook exit 1; each code has its meaning, each problem its cell."""
    result = run("validate", inputs["xlsx"], "--on", ON)
    assert (1, "") == (result.returncode, result.stderr)
    lines = result.stdout.splitlines()
    assert f"{inputs['xlsx']}: 2 errors, 3 infos" == lines[0]
    expected = [
        "  GT101 error   x1    unknown status word",
        "  GT110 info    x1    overdue",
        "  GT205 info    x1    unknown column kept in extra",
        "  GT208 error   x1    ambiguous date",
        "  GT212 info    x1    note or footer row",
    ]
    assert expected == [line for line in lines if line.startswith("  GT")]
    stalled = "error   Matrix!I8 (Status of implementation): GT101 action 2.2 'Hire two job counsellors per centre.': status 'Stalled' is not one govtrack knows; expected Not started, Ongoing, Completed, No longer applicable or Overdue"
    assert stalled in lines
    assert any(line.startswith("error   Matrix!H7 (Time-frame): GT208") for line in lines)


def test_validate_json_output_gives_code_severity_and_cell(inputs: dict[str, Path]) -> None:
    """--format json lists every issue with its code, severity, cell and column header."""
    result = run("validate", inputs["xlsx"], "--on", ON, "--format", "json")
    assert 1 == result.returncode
    data = json.loads(result.stdout)
    assert (str(inputs["xlsx"]), ON) == (data["file"], data["on"])
    actual = [(i["code"], i["severity"], i["location"], i["header"]) for i in data["issues"]]
    assert [
        ("GT205", "info", "Matrix!K4", "Donor"),
        ("GT208", "error", "Matrix!H7", "Time-frame"),
        ("GT212", "info", "Matrix!A10", "Rec #"),
        ("GT101", "error", "Matrix!I8", "Status of implementation"),
        ("GT110", "info", "Matrix!I6", "Status of implementation"),
    ] == actual


def test_validate_ignoring_the_errors_exits_0(inputs: dict[str, Path]) -> None:
    """--ignore takes a comma-separated list; with the errors ignored the exit status is 0."""
    result = run("validate", inputs["xlsx"], "--on", ON, "--ignore", "GT101,GT208")
    assert (0, "") == (result.returncode, result.stderr)
    assert f"{inputs['xlsx']}: 3 infos (2 ignored)" == result.stdout.splitlines()[0]


def test_validate_annotate_writes_a_copy_and_leaves_the_source(
    inputs: dict[str, Path], tmp_path: Path
) -> None:
    """--annotate writes a highlighted, commented copy; the partner's file is unchanged."""
    before = inputs["xlsx"].read_bytes()
    target = tmp_path / "checked.xlsx"
    result = run("validate", inputs["xlsx"], "--on", ON, "--annotate", target)
    assert 1 == result.returncode
    assert f"wrote {target}" == result.stdout.splitlines()[-1]
    assert before == inputs["xlsx"].read_bytes()
    book = openpyxl.load_workbook(target)
    assert ["Problems", "Matrix"] == book.sheetnames
    problems = [row[:3] for row in book["Problems"].iter_rows(min_row=2, values_only=True)]
    assert ("error", "GT208", "Matrix!H7") == problems[0]
    assert 5 == len(problems)
    comment = book["Matrix"]["I8"].comment
    assert comment is not None
    assert comment.text.startswith("GT101 error: action 2.2")


def test_validate_tracking_system_export_exits_0(inputs: dict[str, Path]) -> None:
    """A clean export has only informational issues: exit 0, problems cited by line."""
    result = run("validate", inputs["gate"], "--on", ON)
    assert (0, "") == (result.returncode, result.stderr)
    lines = result.stdout.splitlines()
    assert f"{inputs['gate']}: 2 infos" == lines[0]
    navigation = (
        "info    line 7: GT305 skipped 7 line(s) of page navigation before the heading (lines 1–7)"
    )
    assert navigation in lines
    assert any(line.startswith("info    line 31: GT110 action 2 ") for line in lines)


def test_validate_record_notes_select_by_prefix(inputs: dict[str, Path]) -> None:
    """--select keeps the codes with a prefix; warnings alone exit 0.

    Decision c) is deemed consent: nobody owes it, so it has no GT102. A line of text has
    no columns: no header is named.
    """
    result = run("validate", inputs["minutes"], "--on", ON, "--select", "GT10")
    assert (0, "") == (result.returncode, result.stderr)
    data_lines = [line for line in result.stdout.splitlines() if line.startswith("warning ")]
    assert [
        "warning line 19: GT102 action d) 'The next meeting will be held after the plan is adopted.' has no responsible party",
        "warning line 19: GT103 action d) 'The next meeting will be held after the plan is adopted.' has no deadline",
    ] == data_lines


# ---------------------------------------------------------------------------
# summary


def test_summary_of_a_workbook(inputs: dict[str, Path]) -> None:
    """summary counts by effective status, gives the rate and the overdue by party."""
    result = run("summary", inputs["xlsx"], "--on", ON)
    assert (0, "") == (result.returncode, result.stderr)
    lines = result.stdout.splitlines()
    assert f"{inputs['xlsx']} on {ON}: 4 actions, implementation rate 25%" == lines[0]
    assert "  Overdue               1" in lines
    assert "  Unknown               1" in lines
    overdue = lines[lines.index("Overdue, by responsible party:") + 1 :]
    assert [
        "  M&E Unit (1)",
        "    - 1.2 Run the tracer survey twice a year. (due Q4-2022)",
        "  Youth Desk (1)",
        "    - 1.2 Run the tracer survey twice a year. (due Q4-2022)",
    ] == overdue


def test_summary_json_broken_down_by_responsible(inputs: dict[str, Path]) -> None:
    """--format json --by responsible gives the counts, the rate and one group per party."""
    result = run("summary", inputs["gate"], "--on", ON, "--format", "json", "--by", "responsible")
    assert 0 == result.returncode
    data = json.loads(result.stdout)
    assert (3, {"completed": 1, "overdue": 1, "not_started": 1}) == (
        data["total"],
        {status: count for status, count in data["by_status"].items() if count},
    )
    groups = {group["responsible"]: group for group in data["by"]["groups"]}
    assert ["Finance Unit", "Training Unit"] == sorted(groups)
    assert (2, 1, 1, 0.5) == tuple(
        groups["Finance Unit"][key]
        for key in ("total", "completed", "overdue", "implementation_rate")
    )


def test_summary_by_responsible_lists_no_party_for_deemed_consent(inputs: dict[str, Path]) -> None:
    """--by responsible lists the deemed-consent rule under no party, not (unassigned)."""
    result = run(
        "summary", inputs["minutes"], "--on", ON, "--format", "json", "--by", "responsible"
    )
    assert 0 == result.returncode
    groups = {
        group["responsible"]: group["total"] for group in json.loads(result.stdout)["by"]["groups"]
    }
    assert {"The planning division": 1, "Each city council": 1, "(unassigned)": 1} == groups


# ---------------------------------------------------------------------------
# convert


def test_convert_workbook_to_json_to_markdown(inputs: dict[str, Path], tmp_path: Path) -> None:
    """xlsx -> json keeps the records; json -> md writes a status report for people."""
    as_json = tmp_path / "partner.json"
    first = run("convert", inputs["xlsx"], as_json)
    assert (0, f"wrote {as_json}\n") == (first.returncode, first.stdout)
    assert gt.load(inputs["xlsx"]) == gt.load(as_json)
    data = json.loads(as_json.read_text(encoding="utf-8"))
    assert (2, ["Matrix"]) == (data["schema_version"], [t["sheet"] for t in data["tables"]])
    report = tmp_path / "partner.md"
    second = run("convert", as_json, report)
    assert 0 == second.returncode
    carried = f"govtrack: reading problems in {as_json}: 2 errors, 2 infos"  # kept in the JSON
    assert (carried, False) == (second.stderr.splitlines()[0], "--dayfirst" in second.stderr)
    text = report.read_text(encoding="utf-8")
    assert text.startswith("# Status report")
    assert "Hire two job counsellors per centre." in text


@pytest.mark.parametrize("kind", ["gate", "minutes"])
def test_convert_text_to_workbook_reads_back_equal(
    inputs: dict[str, Path], tmp_path: Path, kind: str
) -> None:
    """A text export converted to govtrack's workbook reads back equal to the text's document.

    The export's only reading problem is an info (GT305, navigation skipped): nothing on stderr.
    """
    target = tmp_path / "converted.xlsx"
    result = run("convert", inputs[kind], target)
    assert (0, "") == (result.returncode, result.stderr)
    assert gt.load(inputs[kind]) == gt.load(target)


def test_convert_summarises_the_reading_problems_on_stderr(
    inputs: dict[str, Path], tmp_path: Path
) -> None:
    """A workbook with an unreadable date converts (exit 0) and says so on stderr, by code and
    cell, with the flags that settle the date; stdout keeps the one 'wrote' line."""
    target = tmp_path / "partner.json"
    result = run("convert", inputs["xlsx"], target)
    assert (0, f"wrote {target}\n") == (result.returncode, result.stdout)
    lines = result.stderr.splitlines()
    assert [
        f"govtrack: reading problems in {inputs['xlsx']}: 2 errors, 2 infos",
        "  GT101 error   x1    unknown status word",
        (
            "      e.g. Matrix!I8: action 2.2 'Hire two job counsellors per centre.': status "
            "'Stalled' is not one govtrack knows; expected Not started, Ongoing, Completed, No "
            "longer applicable or Overdue"
        ),
        "  GT205 info    x1    unknown column kept in extra",
        "      e.g. Matrix!K4: column 'Donor' is not one govtrack knows; kept verbatim in extra",
        "  GT208 error   x1    ambiguous date",
    ] == lines[:6]
    assert lines[6].startswith("      e.g. Matrix!H7: cannot read deadline '06/07/2022'")
    assert [
        (
            f"govtrack: 'govtrack validate {inputs['xlsx']}' lists each one with its place; "
            "--quiet hides this summary"
        ),
        "hint: --dayfirst reads 03/04/2024 as 3 April, --monthfirst as March 4",
    ] == lines[-2:]
    assert gt.load(inputs["xlsx"]) == gt.load(target)


def test_convert_reports_a_key_action_line_it_could_not_split(
    inputs: dict[str, Path], tmp_path: Path
) -> None:
    """Regression: an export whose key-action line lacks a deadline (GT302) was converted
    without a word; the warning is now summarised on stderr, and the exit status stays 0."""
    source = tmp_path / "export.txt"
    source.write_text(
        inputs["gate"]
        .read_text(encoding="utf-8")
        .replace("Finance Unit 2022/06 Ongoing Draft with the communication team.", "Soon"),
        encoding="utf-8",
    )
    target = tmp_path / "export.json"
    result = run("convert", source, target)
    assert (0, f"wrote {target}\n") == (result.returncode, result.stdout)
    assert [
        f"govtrack: reading problems in {source}: 1 warning, 1 info",
        "  GT302 warning x1    a key-action line without a deadline followed by a status",
        (
            "      e.g. line 31: key action without a deadline followed by a status; "
            "the whole line is kept as its text"
        ),
        "  GT305 info    x1    the page's navigation before the heading was skipped",
    ] == result.stderr.splitlines()[:4]
    assert gt.load(source) == gt.load(target)


def test_convert_quiet_prints_nothing(inputs: dict[str, Path], tmp_path: Path) -> None:
    """--quiet (-q) silences the 'wrote' line and the reading summary; the file is written."""
    target = tmp_path / "partner.json"
    result = run("convert", inputs["xlsx"], target, "-q")
    assert (0, "", "") == (result.returncode, result.stdout, result.stderr)
    assert gt.load(inputs["xlsx"]) == gt.load(target)


def test_convert_refuses_to_replace_a_file_unless_forced(
    inputs: dict[str, Path], tmp_path: Path
) -> None:
    """An existing OUTPUT is a usage error (exit 2) and is left whole; --force replaces it."""
    target = tmp_path / "tracker.json"
    target.write_text("my own notes", encoding="utf-8")
    refused = run("convert", inputs["old"], target)
    assert (2, "", exists(target)) == (refused.returncode, refused.stdout, refused.stderr)
    assert "my own notes" == target.read_text(encoding="utf-8")
    forced = run("convert", inputs["old"], target, "--force")
    assert (0, "") == (forced.returncode, forced.stderr)
    assert gt.load(inputs["old"]) == gt.load(target)


def test_convert_onto_its_own_input_names_the_flag(tmp_path: Path) -> None:
    """Regression: OUTPUT = INPUT told a command-line user to 'pass overwrite_source=True';
    it now names --force, and --force replaces the source with the converted copy."""
    document = tracker(second_status=gt.Status.ONGOING, second_due="2022/09")
    source = tmp_path / "tracker.json"
    source.write_text(gt.dumps(document, format="json", indent=2), encoding="utf-8")
    before = source.read_bytes()
    refused = run("convert", source, source)
    expected = (
        f"govtrack: {source} is the file being converted: pass --force to replace it with the "
        "converted copy, or write to another file\n"
    )
    assert (2, expected) == (refused.returncode, refused.stderr)
    assert "overwrite_source" not in refused.stderr
    assert before == source.read_bytes()
    forced = run("convert", source, source, "--force")
    assert (0, f"wrote {source}\n", "") == (forced.returncode, forced.stdout, forced.stderr)
    assert (document, "\n" not in source.read_text(encoding="utf-8")) == (
        gt.load(source),
        True,
    )


def test_convert_onto_a_link_to_its_input_is_the_input(tmp_path: Path) -> None:
    """A symbolic link to INPUT is INPUT: refused without --force, by the same message."""
    source = tmp_path / "tracker.json"
    gt.dump(tracker(second_status=gt.Status.ONGOING, second_due="2022/09"), source)
    link = tmp_path / "link.json"
    try:
        link.symlink_to(source)
    except OSError:  # pragma: no cover - Windows without the privilege
        pytest.skip("cannot make a symbolic link here")
    result = run("convert", source, link)
    assert 2 == result.returncode
    assert "is the file being converted: pass --force" in result.stderr


def test_convert_to_a_folder_is_refused(inputs: dict[str, Path], tmp_path: Path) -> None:
    """A folder named as OUTPUT is refused, even with --force, and left as it was."""
    folder = tmp_path / "out.json"
    folder.mkdir()
    result = run("convert", inputs["old"], folder, "--force")
    assert (2, f"govtrack: {folder} is a folder: name the file to write\n") == (
        result.returncode,
        result.stderr,
    )
    assert [] == list(folder.iterdir())


def test_annotate_refuses_to_replace_a_file_unless_forced(
    inputs: dict[str, Path], tmp_path: Path
) -> None:
    """validate --annotate over an existing file exits 2 before reading; --force replaces it."""
    target = tmp_path / "checked.xlsx"
    target.write_bytes(b"last week's copy")
    refused = run("validate", inputs["xlsx"], "--on", ON, "--annotate", target)
    assert (2, "", exists(target)) == (refused.returncode, refused.stdout, refused.stderr)
    assert b"last week's copy" == target.read_bytes()
    forced = run("validate", inputs["xlsx"], "--on", ON, "--annotate", target, "--force")
    assert (1, f"wrote {target}") == (forced.returncode, forced.stdout.splitlines()[-1])
    assert ["Problems", "Matrix"] == openpyxl.load_workbook(target).sheetnames


def test_annotate_never_replaces_the_file_it_checks(
    inputs: dict[str, Path], tmp_path: Path
) -> None:
    """--annotate naming the checked file is refused even with --force: the copy is a new file."""
    source = tmp_path / "partner.xlsx"
    source.write_bytes(inputs["xlsx"].read_bytes())
    result = run("validate", source, "--annotate", source, "--force")
    expected = (
        f"govtrack: {source} is the file being checked: the annotated copy must go to another "
        "file\n"
    )
    assert (2, expected) == (result.returncode, result.stderr)
    assert inputs["xlsx"].read_bytes() == source.read_bytes()


def test_reminders_output_refuses_to_replace_a_file_unless_forced(
    inputs: dict[str, Path], tmp_path: Path
) -> None:
    """reminders -o over an existing file exits 2; --force replaces it; the input never."""
    target = tmp_path / "due.txt"
    target.write_text("sent last month", encoding="utf-8")
    options = ("--on", "2023-01-20", "-o", target)
    refused = run("reminders", inputs["minutes"], *options)
    assert (2, exists(target)) == (refused.returncode, refused.stderr)
    assert "sent last month" == target.read_text(encoding="utf-8")
    forced = run("reminders", inputs["minutes"], *options, "--force")
    assert (0, f"wrote {target}\n") == (forced.returncode, forced.stdout)
    assert "Each city council" in target.read_text(encoding="utf-8").splitlines()
    source = tmp_path / "notes.md"
    source.write_text(RECORD_NOTES, encoding="utf-8")
    itself = run("reminders", source, "-o", source, "--force")
    expected = (
        f"govtrack: {source} is the file the reminders are read from: write them to another file\n"
    )
    assert (2, expected) == (itself.returncode, itself.stderr)
    assert RECORD_NOTES == source.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------
# template


def test_template_writes_a_blank_matrix(tmp_path: Path) -> None:
    """template writes the partner matrix with its instructions and dropdown lists."""
    target = tmp_path / "blank.xlsx"
    result = run("template", target)
    assert (0, "", f"wrote {target}\n") == (result.returncode, result.stderr, result.stdout)
    book = openpyxl.load_workbook(target)
    assert ["Matrix", "Instructions", "_lists"] == book.sheetnames
    headers = [cell.value for cell in book["Matrix"][4]]
    assert ["Rec #", "Recommendation", "Management response", "Category"] == headers[:4]


def test_template_needs_an_xlsx_name(tmp_path: Path) -> None:
    """A template named anything but .xlsx is refused with exit 2 and nothing written."""
    result = run("template", tmp_path / "blank.csv")
    assert 2 == result.returncode
    assert "name it .xlsx" in result.stderr
    assert [] == list(tmp_path.iterdir())


# ---------------------------------------------------------------------------
# diff and reminders


def test_diff_between_two_rounds(inputs: dict[str, Path]) -> None:
    """diff reports the status change and the slipped deadline of action 2, nothing else."""
    result = run("diff", inputs["old"], inputs["new"])
    assert (0, "") == (result.returncode, result.stderr)
    assert [
        "1 slipped, 1 status",
        "  status        2 'Train the regional staff': status Ongoing → Completed",
        "  slipped       2 'Train the regional staff': deadline slipped '2022/09' → '2022/12'",
    ] == result.stdout.splitlines()
    same = run("diff", inputs["old"], inputs["old"], "--format", "json")
    assert (0, []) == (same.returncode, json.loads(same.stdout))


def test_reminders_per_party_as_text_and_calendar(inputs: dict[str, Path], tmp_path: Path) -> None:
    """reminders lists each party's overdue and due-soon decisions; -o writes an .ics file.
    The deemed-consent rule c) is owed by nobody: it has no to-do and no (unassigned) party."""
    result = run("reminders", inputs["minutes"], "--on", "2023-01-20", "--within", "10")
    assert (0, "") == (result.returncode, result.stderr)
    lines = result.stdout.splitlines()
    assert "(unassigned)" not in lines
    assert "Each city council" in lines
    assert "The planning division" in lines
    assert any(line.startswith("Overdue on 2023-01-20 (1):") for line in lines)
    calendar = tmp_path / "due.ics"
    ics = run(
        "reminders", inputs["minutes"], "--on", "2023-01-20", "--format", "ics", "-o", calendar
    )
    assert (0, f"wrote {calendar}\n") == (ics.returncode, ics.stdout)
    text = calendar.read_text(encoding="utf-8")
    assert text.startswith("BEGIN:VCALENDAR")
    assert ["20230113", "20230127"] == sorted(
        line.split(":")[1] for line in text.splitlines() if line.startswith("DUE;VALUE=DATE:")
    )


# ---------------------------------------------------------------------------
# unreadable input


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("notes.txt", b"Just a shopping list:\nbread\nmilk\n", "none of the formats"),
        ("partner.xlsx", b"this is not a workbook", "partner.xlsx"),
        ("missing.xlsx", None, "missing.xlsx"),
    ],
)
def test_unreadable_input_exits_2_with_one_line(
    tmp_path: Path, name: str, content: bytes | None, expected: str
) -> None:
    """A file govtrack cannot read exits 2 with one line on stderr and no traceback."""
    target = tmp_path / name
    if content is not None:
        target.write_bytes(content)
    result = run("validate", target)
    assert (2, "") == (result.returncode, result.stdout)
    assert 1 == len(result.stderr.strip().splitlines())
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
