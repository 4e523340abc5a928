"""The command line on several files and on folders: read alike, combined, cited by file."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import govtrack as gt
from govtrack.cli import main

BOARD = """\
Minutes of the Board
Venue: Room 4

Decisions:
a) The unit will report by 03/04/2023.
"""
TEAM = """\
Minutes of the Team
Venue: Room 5

Decisions:
a) The cell will report by 03/04/2023.
"""
HINT = "hint: --dayfirst reads"


def run(*argv: str | Path) -> tuple[int, str]:
    out = io.StringIO()
    code = main([str(arg) for arg in argv], out=out)
    return code, out.getvalue()


def _action(ref: str, text: str, status: gt.Status, due: str, cell: str) -> gt.Action:
    return gt.Action(
        ref=ref,
        text=text,
        responsible=("M&E Unit",),
        due=gt.parse_due(due),
        status=status,
        origin=gt.Location(file="a.xlsx", sheet="Plan", cell=cell),
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Two trackers, an untitled plan in JSON and one in a text matrix, sharing one action."""
    root = tmp_path / "round"
    root.mkdir()
    plan = gt.ActionPlan(
        actions=(
            _action("1", "Train the district staff.", gt.Status.NOT_STARTED, "2023/12", "B3"),
            _action("2", "Publish the bulletin.", gt.Status.COMPLETED, "2023/06", "B4"),
        ),
    )
    gt.dump(gt.Document(plans=(plan,)), root / "a.json")
    (root / "b.md").write_text(
        "| Ref | Action | Responsible | Deadline | Status |\n"
        "|---|---|---|---|---|\n"
        "| 7 | Train the  district staff. | M&E Unit | 2023/12 | Ongoing |\n"
        "| 8 | Hire a clerk | HR Unit | 2024/12 | Ongoing |\n",
        encoding="utf-8",
    )
    return root


def test_summary_of_two_files_counts_them_together(folder: Path) -> None:
    """summary FILE FILE counts the actions of both, as gt.summarize of their combination."""
    code, text = run("summary", folder / "a.json", folder / "b.md", "--on", "2024-03-31")
    both = gt.combine(gt.load(folder / "a.json"), gt.load(folder / "b.md"))
    summary = gt.summarize(both, on=gt.parse_due("2024-03-31").end)
    expected = (0, "2 files on 2024-03-31: 4 actions, implementation rate 25%", 4)
    assert expected == (code, text.splitlines()[0], summary.total)


def test_validate_of_two_files_cites_each_place_with_its_file(folder: Path) -> None:
    """Problems from several files are printed with their file first (Location.cite()), and
    the same action in both is a warning (GT113) naming both places and statuses."""
    a, b = folder / "a.json", folder / "b.md"
    code, text = run("validate", a, b, "--on", "2024-03-31", "--select", "GT113,GT110")
    expected = [
        "2 files: 1 warning, 2 infos",
        (
            "info    a.xlsx: Plan!B3 (Status): GT110 action 1 'Train the district staff.' was "
            "due '2023/12' (owed by M&E Unit)"
        ),
        (
            f"info    {b}: line 3: GT110 action 7 'Train the  district staff.' was due "
            "'2023/12' (owed by M&E Unit)"
        ),
        (
            f"warning {b}: line 3: GT113 action 7 'Train the  district staff.': the same "
            f"action is in a.xlsx: Plan!B3 (Not started) and {b}: line 3 (Ongoing): counted "
            "twice in the rates"
        ),
    ]
    lines = text.splitlines()
    assert (0, expected) == (code, [lines[0], *lines[lines.index("All problems:") + 1 :]]), text


def test_one_file_is_printed_as_before(folder: Path) -> None:
    """With one file the places are printed without it, and the first line names it."""
    code, text = run("validate", folder / "b.md", "--on", "2024-03-31", "--select", "GT110")
    expected = (0, f"{folder / 'b.md'}: 1 info", "info    line 3: GT110 action 7 ")
    assert expected == (code, text.splitlines()[0], text.splitlines()[-1][:31])


def test_a_folder_is_read_in_name_order_skipping_what_no_reader_knows(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder gives its readable files, in name order, not its subfolders; a file no reader
    knows is told on stderr as skipped, and the exit status is the command's own."""
    (folder / "notes.csv").write_text("a,b\n", encoding="utf-8")
    (folder / "older").mkdir()
    (folder / ".hidden.json").write_text("{", encoding="utf-8")
    code, text = run("summary", folder, "--on", "2024-03-31", "--format", "json")
    data = json.loads(text)
    err = capsys.readouterr().err
    expected = (
        0,
        [str(folder / "a.json"), str(folder / "b.md")],
        4,
        [
            f"govtrack: skipped: {folder / 'notes.csv'} (not a format govtrack reads)",
            f"govtrack: skipped: {folder / 'older'} (a folder: folders inside a folder are not read)",
        ],
    )
    actual = (code, data["files"], data["total"], err.splitlines())
    assert expected == actual


@pytest.mark.parametrize("stray", ["report.pdf", "desktop.ini", "Thumbs.db", "sub/", "~$a.xlsx"])
def test_a_stray_file_in_a_folder_leaves_the_exit_status_to_validate(
    folder: Path, stray: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Regression: a file no reader knows (or a subfolder) in a folder made validate exit 2,
    hiding its errors (1) from CI; it is told on stderr and the status is validate's own."""
    (folder / "c.md").write_text(
        "| Ref | Action | Responsible | Deadline | Status |\n"
        "|---|---|---|---|---|\n"
        "| 9 | Buy the tapes. | HR Unit | 2023/12 | Stalled |\n",
        encoding="utf-8",
    )
    if stray.endswith("/"):
        (folder / stray).mkdir()
    else:
        (folder / stray).write_bytes(b"\x00\x01")
    code, _ = run("validate", folder, "--on", "2024-03-31", "--select", "GT101")
    err = capsys.readouterr().err
    expected = (1, [f"govtrack: skipped: {folder / stray.rstrip('/')} ("])
    assert expected == (code, [line.split("(")[0] + "(" for line in err.splitlines()]), err


def test_a_file_of_a_known_suffix_in_a_folder_that_fails_to_read_gives_2(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file in a folder that govtrack reads by its suffix but cannot read still exits 2, and
    so does a file named on the command line that no reader knows."""
    (folder / "c.json").write_text("{", encoding="utf-8")
    (folder.parent / "report.pdf").write_bytes(b"%PDF-1.4")
    in_folder = run("validate", folder, "--on", "2024-03-31")[0]
    named = run("validate", folder.parent / "report.pdf", "--on", "2024-03-31")[0]
    assert (2, 2) == (in_folder, named), capsys.readouterr().err


def test_a_folder_of_readable_files_exits_as_one_file(folder: Path) -> None:
    """Nothing skipped: the exit status is the command's own (validate: 1 for an error)."""
    assert 0 == run("summary", folder, "--on", "2024-03-31")[0]
    (folder / "c.md").write_text(
        "| Action | Responsible | Deadline | Status |\n|---|---|---|---|\n"
        "| Hire | HR | 2024/12 | Stalled |\n",
        encoding="utf-8",
    )
    assert 1 == run("validate", folder, "--on", "2024-03-31")[0]


def test_a_folder_with_nothing_readable_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An empty folder is a usage error (2) saying so."""
    code, _ = run("summary", tmp_path, "--on", "2024-03-31")
    assert (2, True) == (code, "holds no file govtrack reads" in capsys.readouterr().err)


def test_reminders_of_two_files(folder: Path) -> None:
    """reminders lists the overdue actions of every file."""
    code, text = run("reminders", folder / "a.json", folder / "b.md", "--on", "2024-03-31")
    assert (0, 2) == (code, text.count("Train the"))


def test_dayfirst_is_not_refused_for_a_json_file_among_others(tmp_path: Path) -> None:
    """--dayfirst and --monthfirst read the minutes and leave the JSON document alone,
    rather than refusing it: 03/04/2023 is 3 April (not yet due) or March 4 (overdue)."""
    (tmp_path / "a.md").write_text(BOARD, encoding="utf-8")
    gt.dump(gt.Document(plans=(gt.ActionPlan(title="Empty"),)), tmp_path / "b.json")
    found = {}
    for flag in ("--dayfirst", "--monthfirst"):
        code, text = run("summary", tmp_path, "--on", "2023-03-20", flag, "--format", "json")
        found[flag] = (code, json.loads(text)["by_status"]["overdue"])
    assert {"--dayfirst": (0, 0), "--monthfirst": (0, 1)} == found


def test_dayfirst_on_json_files_alone_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Given only JSON documents, --dayfirst applies to none of them: refused (2)."""
    gt.dump(gt.Document(), tmp_path / "a.json")
    gt.dump(gt.Document(), tmp_path / "b.json")
    code, _ = run("summary", tmp_path / "a.json", tmp_path / "b.json", "--dayfirst")
    assert (2, True) == (code, "--dayfirst applies to workbooks" in capsys.readouterr().err)


def test_no_dayfirst_hint_for_a_json_document(tmp_path: Path) -> None:
    """Regression: validate of a JSON document holding an ambiguous day's problem printed the
    --dayfirst hint, though --dayfirst is refused for a JSON document."""
    (tmp_path / "a.md").write_text(BOARD, encoding="utf-8")
    gt.dump(gt.load(tmp_path / "a.md"), tmp_path / "a.json")
    code, text = run("validate", tmp_path / "a.json", "--on", "2023-03-20")
    with_text = run("validate", tmp_path / "a.md", tmp_path / "a.json", "--on", "2023-03-20")
    expected = (0, True, False, True)
    assert expected == (code, "GT349" in text, HINT in text, HINT in with_text[1])


def test_a_combined_json_document_cites_its_files(tmp_path: Path) -> None:
    """Regression: one JSON document combining two record notes listed its problems by bare
    'line 5', its files dropped; a list that spans files names them (Location.cite())."""
    (tmp_path / "a.md").write_text(BOARD, encoding="utf-8")
    (tmp_path / "b.md").write_text(TEAM, encoding="utf-8")
    a, b = gt.load(tmp_path / "a.md"), gt.load(tmp_path / "b.md")
    both = gt.Document(meetings=a.meetings + b.meetings, problems=a.problems + b.problems)
    gt.dump(both, tmp_path / "both.json")
    code, text = run("validate", tmp_path / "both.json", "--on", "2023-05-01", "--select", "GT349")
    problems = [line for line in text.splitlines() if line.startswith("warning")]
    expected = [f"{tmp_path / name}: line 5" for name in ("a.md", "b.md")]
    assert expected == [line.split(": GT349")[0].split(None, 1)[1] for line in problems], text
    assert code in {0, 1}


def test_annotate_takes_one_file(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--annotate marks one workbook: with two files it is a usage error (2), nothing written."""
    out = folder.parent / "marked.xlsx"
    code, _ = run("validate", folder / "a.json", folder / "b.md", "--annotate", out)
    assert (2, False, True) == (code, out.exists(), "give one file" in capsys.readouterr().err)


def test_a_file_given_twice_is_refused(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file given twice, or in a folder given too, would be counted twice: refused (2)."""
    code, _ = run("summary", folder, folder / "b.md", "--on", "2024-03-31")
    assert (2, True) == (code, "is given twice" in capsys.readouterr().err)


def test_validate_quiet_of_two_files_counts_each_file(folder: Path) -> None:
    """validate --quiet over several files: the total, then a line for each file with
    problems (a cron job learns which file holds the error)."""
    a, b = folder / "a.json", folder / "b.md"
    code, text = run("validate", a, b, "--on", "2024-03-31", "--select", "GT113,GT110", "-q")
    expected = ["2 files: 1 warning, 2 infos", "  a.xlsx: 1 info", f"  {b}: 1 warning, 1 info"]
    assert (0, expected) == (code, text.splitlines())


def test_reminders_and_summary_tell_of_an_action_in_two_files(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same action in two files is listed twice: reminders says so on stderr, summary
    under its totals and in its JSON (`repeats`), each with the place."""
    a, b = folder / "a.json", folder / "b.md"
    run("reminders", a, b, "--on", "2024-03-31")
    told = capsys.readouterr().err.splitlines()
    _, text = run("summary", a, b, "--on", "2024-03-31")
    _, data = run("summary", a, b, "--on", "2024-03-31", "--format", "json")
    sentence = (
        "1 action also in another file (GT113): a count or a list may hold such an item twice"
    )
    place = f"{b}: line 3: GT113 action 7"
    assert sentence in told[0]
    assert told[1].startswith(f"  {place}")
    assert any(sentence in line for line in text.splitlines())
    assert any(line.strip().startswith(place) for line in text.splitlines())
    repeats = json.loads(data)["repeats"]
    assert [("GT113", f"{b}: line 3")] == [(r["code"], r["location"]) for r in repeats]


def test_reminders_tell_of_a_ref_used_twice_unless_quiet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A key action written twice in one file (GT108, which only validate gave) would be
    mailed twice: reminders says so on stderr, and --quiet keeps stderr empty."""
    matrix = tmp_path / "plan.md"
    matrix.write_text(
        "| Ref | Action | Responsible | Deadline | Status |\n"
        "|---|---|---|---|---|\n"
        "| 2 | Rate the contractors. | Roads Unit | 2024/02 | Ongoing |\n"
        "| 2 | Rate the contractors. | Roads Unit | 2024/02 | Ongoing |\n",
        encoding="utf-8",
    )
    code, text = run("reminders", matrix, "--on", "2025-01-01")
    err = capsys.readouterr().err.splitlines()
    quiet_code, quiet_text = run("reminders", matrix, "--on", "2025-01-01", "-q")
    quiet_err = capsys.readouterr().err
    assert (0, 2, 0, "") == (code, text.count("Rate the"), quiet_code, quiet_err)
    assert "1 ref used twice in one list (GT108)" in err[0]
    assert err[1] == "  line 4: GT108 action ref '2' is used twice (first at line 3)"
    assert quiet_text == text


def test_reminders_quiet_writes_without_saying_so(tmp_path: Path) -> None:
    """reminders --quiet --output: the file is written, nothing printed (cli.md: no 'wrote'
    line), in the text and the calendar formats."""
    matrix = tmp_path / "plan.md"
    matrix.write_text(
        "| Ref | Action | Responsible | Deadline | Status |\n"
        "|---|---|---|---|---|\n"
        "| 1 | Map the roads. | Roads Unit | 2024/02 | Ongoing |\n",
        encoding="utf-8",
    )
    said = [
        run(
            "reminders",
            matrix,
            "--on",
            "2025-01-01",
            "-q",
            "-o",
            tmp_path / f"r.{suffix}",
            *(["--format", "ics"] if suffix == "ics" else []),
        )
        for suffix in ("txt", "ics")
    ]
    assert [(0, ""), (0, "")] == said
    assert "Map the roads." in (tmp_path / "r.txt").read_text(encoding="utf-8")
    assert "Map the roads." in (tmp_path / "r.ics").read_text(encoding="utf-8")


PLAN_HEADER = ["Action", "Responsible", "Deadline", "Status"]


def _book(path: Path, *sheets: tuple[str, list[list[str]], bool]) -> Path:
    """A workbook of the sheets given, each as its name, its rows and whether it is hidden."""
    import openpyxl

    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for name, rows, hidden in sheets:
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        if hidden:
            sheet.sheet_state = "hidden"
    book.save(path)
    return path


def test_summary_keeps_apart_two_files_unread_sheets_of_one_name(tmp_path: Path) -> None:
    """Regression: `sheets_not_read` was keyed by the sheet's name alone, so two files'
    unread `Matrix` sheets were one entry and the second file's reason (hidden) was lost."""
    plan = [PLAN_HEADER, ["Map the shelters", "Unit A", "2020", "Completed"]]
    notes = [["Item discussed", "Outcome"], ["Budget", "Approved"]]
    first = _book(tmp_path / "a.xlsx", ("Plan", plan, False), ("Matrix", notes, False))
    second = _book(tmp_path / "b.xlsx", ("Plan", plan, False), ("Matrix", notes, True))
    code, out = run("summary", first, second, "--on", "2023-01-31", "--format", "json")
    assert 0 == code
    assert [
        {
            "file": str(first),
            "sheet": "Matrix",
            "code": "GT201",
            "reason": "no header row govtrack recognises",
        },
        {
            "file": str(second),
            "sheet": "Matrix",
            "code": "GT202",
            "reason": "hidden, and no header row govtrack recognises",
        },
    ] == json.loads(out)["sheets_not_read"]
    code, out = run("summary", first, second, "--on", "2023-01-31")
    assert [
        f"  Not counted: sheet 'Matrix' in {first}, with no header row govtrack recognises (GT201)",
        (
            f"  Not counted: hidden sheet 'Matrix' in {second}, with no header row govtrack "
            "recognises (GT202)"
        ),
    ] == [line for line in out.splitlines() if line.startswith("  Not counted")]


def test_summary_names_an_unread_sheet_whose_name_another_file_read(tmp_path: Path) -> None:
    """Regression: a sheet was not named as unread when another file had a sheet of its name
    that was read (the sheets read were known by name alone), nor was a hidden sheet read
    in one file told apart from one of its name left out in another."""
    plan = [PLAN_HEADER, ["Map the shelters", "Unit A", "2020", "Completed"]]
    other = [PLAN_HEADER, ["Count the stock", "Unit B", "2020", "Completed"]]
    notes = [["Item discussed", "Outcome"], ["Budget", "Approved"]]
    first = _book(
        tmp_path / "a.xlsx", ("Plan", plan, False), ("Matrix", notes, False), ("Old", plan, True)
    )
    second = _book(
        tmp_path / "b.xlsx", ("Plan", notes, False), ("Matrix", other, False), ("Old", notes, True)
    )
    code, out = run("summary", first, second, "--on", "2023-01-31", "--format", "json")
    assert 0 == code
    assert [
        (str(first), "Matrix", "GT201"),
        (str(second), "Plan", "GT201"),
        (str(second), "Old", "GT202"),
    ] == [(s["file"], s["sheet"], s["code"]) for s in json.loads(out)["sheets_not_read"]]
    code, out = run("summary", first, second, "--on", "2023-01-31")
    assert [
        (
            f"  Not counted: sheets 'Matrix' in {first}, 'Plan' in {second}, with no header "
            "row govtrack recognises (GT201)"
        ),
        (
            f"  Not counted: hidden sheet 'Old' in {second}, with no header row govtrack "
            "recognises (GT202)"
        ),
        f"  Counted: hidden sheet 'Old' in {first} (GT202); --skip-hidden leaves it out",
    ] == [line for line in out.splitlines() if line.startswith(("  Not counted", "  Counted"))]


def test_summary_by_evaluation_keeps_two_files_untitled_matrices_apart(tmp_path: Path) -> None:
    """Regression: `--by evaluation` grouped the key actions of two files' untitled matrices
    (each titled by its sheet's name, `Matrix`) as one evaluation; one file's are alone."""
    header = ["Recommendation", "Management response", "Key action", "Responsible", "Deadline"]
    header.append("Status")
    books = []
    for name, done in (("a.xlsx", "Completed"), ("b.xlsx", "Ongoing")):
        rows = [header, ["Improve the data", "Accepted", "Clean the tables", "Unit A", "2022/06"]]
        rows[1].append(done)
        books.append(_book(tmp_path / name, ("Matrix", rows, False)))
    code, out = run(
        "summary", *books, "--on", "2023-01-31", "--format", "json", "--by", "evaluation"
    )
    assert 0 == code
    assert [(f"{books[0]}: Matrix", 1, 1), (f"{books[1]}: Matrix", 1, 0)] == [
        (group["evaluation"], group["total"], group["completed"])
        for group in json.loads(out)["by"]["groups"]
    ]
    code, out = run(
        "summary", books[0], "--on", "2023-01-31", "--format", "json", "--by", "evaluation"
    )
    assert ["Matrix"] == [group["evaluation"] for group in json.loads(out)["by"]["groups"]]
