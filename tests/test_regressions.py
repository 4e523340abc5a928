"""Regressions found in review: each test names what broke."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govtrack as gt
from govtrack.changes import ChangeKind, diff
from govtrack.reminders import reminders, to_ics

ON = dt.date(2023, 1, 31)


@pytest.mark.parametrize(
    "text",
    [
        "0000/01",
        "0000-01",
        "01/0000",
        "Dec 0000",
        "Q1 0000",
        "H1 0000",
        "mid 0000",
        "² - 7 May 2019",
        "0000",
    ],
)
def test_year_zero_and_odd_digits_raise_due_parse_error(text: str) -> None:
    """Year 0 and non-ASCII digits raised a bare ValueError that crashed whole file reads."""
    with pytest.raises(gt.DueParseError):
        gt.parse_due(text)


@given(st.from_regex(r"[0-9²]{1,4}[-/. ]?[0-9]{1,4}( ?[-–] ?[0-9]{1,4})?", fullmatch=True))
def test_digit_soup_raises_only_due_parse_error(text: str) -> None:
    """Digit-heavy deadline texts either read or raise DueParseError, nothing else."""
    with contextlib.suppress(gt.DueParseError):
        gt.parse_due(text)


def test_two_digit_years_are_never_completed_from_today() -> None:
    """dateutil completed '5 May 76' from the current century; two-digit years now need consent."""
    for text in ("5 May 76", "June 12", "May 05"):
        with pytest.raises(gt.DueParseError):
            gt.parse_due(text)
    assert dt.date(2022, 12, 31) == gt.parse_due("Dec 22", two_digit_year=True).end
    assert dt.date(2022, 12, 31) == gt.parse_due("Dec '22").end


def test_dayfirst_reaches_the_fallback() -> None:
    """dayfirst= was ignored by the dateutil fallback, so '5 7 2019' stayed ambiguous."""
    assert dt.date(2019, 7, 5) == gt.parse_due("5 7 2019", dayfirst=True).start


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2021-22", dt.date(2021, 1, 1), dt.date(2022, 12, 31)),
        ("Q1-Q2 2023", dt.date(2023, 1, 1), dt.date(2023, 6, 30)),
        ("30 April - 2 May 2019", dt.date(2019, 4, 30), dt.date(2019, 5, 2)),
        ("12.2021", dt.date(2021, 12, 1), dt.date(2021, 12, 31)),
        ("07.2021 - 09.2021", dt.date(2021, 7, 1), dt.date(2021, 9, 30)),
        ("Dec – March 2009", dt.date(2008, 12, 1), dt.date(2009, 3, 31)),
    ],
)
def test_common_ranges_read(text: str, start: dt.date, end: dt.date) -> None:
    """Shapes that were refused: year spans, open-ended left sides, dotted months."""
    due = gt.parse_due(text)
    assert (start, end) == (due.start, due.end)


def test_datetime_as_on_is_its_date() -> None:
    """A datetime passed as on= crashed every rule with a comparison TypeError."""
    doc = gt.Document(
        plans=(gt.ActionPlan(actions=(gt.Action(text="a", due=gt.parse_due("2022/06")),)),)
    )
    moment = dt.datetime(2023, 1, 31, 9, 30, tzinfo=dt.timezone.utc)
    assert gt.summarize(doc, on=moment.date()).by_status == gt.summarize(doc, on=moment).by_status
    assert ["GT102", "GT110"] == [i.code for i in gt.validate(doc, on=moment)]


def test_decision_in_a_plan_survives_json() -> None:
    """A Decision in a plan came back from JSON as a plain Action, losing deemed consent."""
    rule = gt.Decision(
        text="Silence is consent", due=gt.parse_due("02 May 2019"), deemed_consent=True
    )
    doc = gt.Document(
        plans=(gt.ActionPlan(actions=(rule, gt.Activity(text="a", delay_reasons="funds"))),)
    )
    back = gt.loads(gt.dumps(doc), format="json")
    assert doc == back
    assert [gt.Decision, gt.Activity] == [type(a) for a in back.actions]


def test_json_does_not_carry_the_source_path() -> None:
    """The input's path was written into the JSON, so converting the same data differed by path."""
    doc = gt.Document(source="somewhere/partner.xlsx")
    assert "source" not in json.loads(gt.dumps(doc))
    assert "source" not in gt.json_schema()["properties"]


def test_string_select_and_ignore_are_one_code() -> None:
    """ignore='GT110' was read as the characters G, T, 1, 1, 0 and dropped every issue."""
    doc = gt.Document(
        plans=(gt.ActionPlan(actions=(gt.Action(text="a", due=gt.parse_due("2020")),)),)
    )
    assert ["GT102"] == [i.code for i in gt.validate(doc, on=ON, ignore="GT110")]
    assert ["GT110"] == [i.code for i in gt.validate(doc, on=ON, select="GT110")]
    assert ["GT102", "GT110"] == [i.code for i in gt.validate(doc, on=ON, select=[])]


def test_equal_frozen_maps_hash_alike() -> None:
    """Equal maps in different key order hashed differently, so sets held both."""
    first, second = gt.FrozenMap({"a": "1", "b": "2"}), gt.FrozenMap({"b": "2", "a": "1"})
    assert (first == second, hash(first) == hash(second)) == (True, True)
    assert 1 == len({gt.Action(text="x", extra=first), gt.Action(text="x", extra=second)})


def test_atomic_write_follows_symlinks(tmp_path: Path) -> None:
    """Writing through a symlink replaced the link with a file and left the target stale."""
    real = tmp_path / "real"
    real.mkdir()
    target = real / "tracker.json"
    gt.dump(gt.Document(), target)
    link = tmp_path / "link.json"
    link.symlink_to(target)
    doc = gt.Document(plans=(gt.ActionPlan(title="new"),))
    gt.dump(doc, link)
    assert (True, doc) == (link.is_symlink(), gt.load(target))


def test_location_with_only_a_sheet() -> None:
    """A location naming only a sheet printed as 'Matrix!'."""
    assert "Matrix" == str(gt.Location(sheet="Matrix"))


@pytest.mark.parametrize("word", [3, b"Done", 2.5, ["Done"]])
def test_status_parse_of_a_non_string_is_a_wrong_type_error(word: object) -> None:
    """Status.parse(3) raised AttributeError; then it returned None in silence, as for an
    unknown word: it is a WrongTypeError saying what it takes."""
    with pytest.raises(gt.WrongTypeError, match=r"Status\.parse\(\) takes a str"):
        gt.Status.parse(word)  # type: ignore[arg-type]


def test_ics_uids_do_not_change_from_day_to_day() -> None:
    """The to-do UID held the date, so re-importing the next day duplicated every to-do."""
    actions = [gt.Action(text="Late", responsible=("A",), due=gt.parse_due("2022/12"))]
    first = to_ics(reminders(actions, on=ON), on=ON)
    later = to_ics(reminders(actions, on=ON + dt.timedelta(days=1)), on=ON + dt.timedelta(days=1))
    uid = [line for line in first.splitlines() if line.startswith(b"UID")]
    assert uid == [line for line in later.splitlines() if line.startswith(b"UID")]


def test_diff_keeps_containers_apart_and_ignores_rewording_of_a_deadline() -> None:
    """Same refs in two plans were matched across plans; '2021/07' → 'Jul 2021' was a 'change'."""

    def doc(*plans: tuple[str, str]) -> gt.Document:
        return gt.Document(
            plans=tuple(
                gt.ActionPlan(
                    title=t, actions=(gt.Action(ref="1", text=f"do {t}", due=gt.parse_due(d)),)
                )
                for t, d in plans
            )
        )

    assert [] == diff(doc(("A", "2021/07"), ("B", "2022")), doc(("A", "Jul 2021"), ("B", "2022")))
    changes = diff(doc(("A", "2021/07")), doc(("B", "2021/07")))
    assert [ChangeKind.ADDED, ChangeKind.REMOVED] == [c.kind for c in changes]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "govtrack", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_cli_bad_within_is_a_usage_error(tmp_path: Path) -> None:
    """--within 100000000 overflowed with a traceback and exit 1 (the 'errors found' code)."""
    target = tmp_path / "d.json"
    gt.dump(gt.Document(), target)
    result = run("reminders", str(target), "--within", "100000000")
    assert (2, False) == (result.returncode, "Traceback" in result.stderr)
    assert 0 == run("reminders", str(target), "--on", "9999-12-31").returncode


def test_cli_template_needs_xlsx(tmp_path: Path) -> None:
    """`govtrack template out.json` wrote a workbook named out.json."""
    result = run("template", str(tmp_path / "out.json"))
    assert (2, False) == (result.returncode, (tmp_path / "out.json").exists())


def test_main_returns_the_usage_code() -> None:
    """main() raised SystemExit on a usage error instead of returning its documented code."""
    from govtrack.cli import main

    assert 2 == main(["validate"])
    assert 0 == main(["--help"])


def test_console_script_runs() -> None:
    """The installed `govtrack` console script, not only `python -m govtrack`, works."""
    script = Path(sys.executable).with_name("govtrack")
    if not script.exists():
        pytest.skip("console script not installed beside this interpreter")
    result = subprocess.run(
        [str(script), "--help"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        env=os.environ,
    )
    assert 0 == result.returncode


def test_options_a_reader_does_not_take_are_named() -> None:
    """gt.loads(text, dayfirst=True) on JSON raised TypeError from deep inside the reader."""
    with pytest.raises(
        gt.UnsupportedFormatError, match="dayfirst= does not apply to the json format"
    ):
        gt.loads('{"schema_version": 1}', dayfirst=True)


def test_diff_pairs_an_unchanged_action_with_its_twin_not_a_similar_one() -> None:
    """Two actions with the same text: each pairs with its own unchanged self, no changes."""
    doc = gt.Document(
        plans=(
            gt.ActionPlan(
                actions=(gt.Action(text="Hire"), gt.Action(text="Hire", status_text="Stalled"))
            ),
        )
    )
    assert [] == diff(doc, doc)


def test_an_undated_update_in_a_matrix_reads_back_undated(tmp_path: Path) -> None:
    """The matrix writes an undated update as 'Update: text'; it reads back as the text."""
    action = gt.Action(
        text="Hire",
        updates=(gt.Update(text="Shortlist made"), gt.Update(text="Done", on=gt.Due.year(2023))),
    )
    path = tmp_path / "m.xlsx"
    gt.dump(
        gt.Document(plans=(gt.ActionPlan(title="P", actions=(action,)),)), path, layout="matrix"
    )
    assert action.updates == gt.load(path).actions[0].updates


def test_a_matrix_row_with_only_an_action_text_is_an_action_not_a_section(
    tmp_path: Path,
) -> None:
    """govtrack's matrix marks each action row, so 'Note the minutes' alone is an action."""
    actions = (gt.Action(text="Note the minutes"), gt.Action(text="Budget"))
    path = tmp_path / "m.xlsx"
    gt.dump(gt.Document(plans=(gt.ActionPlan(title="P", actions=actions),)), path, layout="matrix")
    loaded = gt.load(path)
    assert (actions, ()) == (loaded.plans[0].actions, loaded.problems)


@pytest.mark.parametrize("after", ["", "2. Monitoring\n\nKeep the register\n\nDone.\n\nX\n\n"])
def test_a_progress_rows_last_texts_are_its_reasons_not_a_new_activity(after: str) -> None:
    """The last row's reasons for delay and recommendations stay on it (end of table or group)."""
    cells = [
        "TWG: WATER",
        "Scheduled Activities", "Implementation Status", "On Schedule", "Behind Schedule",
        "If behind schedule, reasons for delay", "Recommendations",
        "1. Planning",
        "Cost the plan", "Not started.", "\u00a0", "X", "No ceilings yet.", "Ask for ceilings.",
    ]  # fmt: skip
    doc = gt.loads("\n\n".join(cells) + "\n\n" + after, format="progress-report")
    first = doc.reports[0].activities[0]
    assert (
        ("Cost the plan", "No ceilings yet.", "Ask for ceilings."),
        ["Cost the plan"] + (["Keep the register"] if after else []),
    ) == (
        (first.text, first.delay_reasons, first.recommendations),
        [a.text for a in doc.reports[0].activities],
    )


def test_template_refuses_to_replace_a_file_unless_forced(tmp_path: Path) -> None:
    """`govtrack template x.xlsx` over an existing workbook says so; --force replaces it."""
    from govtrack.cli import main

    path = tmp_path / "partner.xlsx"
    path.write_bytes(b"the partner's work")
    refused = main(["template", str(path)])
    kept = path.read_bytes()
    forced = main(["template", str(path), "--force"])
    assert (2, b"the partner's work", 0, True) == (
        refused,
        kept,
        forced,
        path.read_bytes().startswith(b"PK"),
    )


def test_repeated_ignore_options_all_apply(tmp_path: Path) -> None:
    """--ignore GT110 --ignore GT102 drops both (argparse kept only the last before)."""
    import io

    from govtrack.cli import main

    path = tmp_path / "t.json"
    plan = gt.ActionPlan(actions=(gt.Action(text="Hire", due=gt.parse_due("2020")),))
    gt.dump(gt.Document(plans=(plan,)), path)
    out = io.StringIO()
    code = main(["validate", str(path), "--on", "2023-01-31", "--ignore", "GT110", "--ignore", "GT102"], out=out)  # fmt: skip
    assert (0, "GT110" in out.getvalue(), "GT102" in out.getvalue()) == (code, False, False)


def test_annotate_needs_an_xlsx_name(tmp_path: Path) -> None:
    """--annotate out.json would write a workbook under a JSON name: refused, nothing written."""
    from govtrack.cli import main

    path = tmp_path / "t.json"
    gt.dump(gt.Document(plans=(gt.ActionPlan(actions=(gt.Action(text="Hire"),)),)), path)
    code = main(["validate", str(path), "--annotate", str(tmp_path / "out.json")])
    assert (2, False) == (code, (tmp_path / "out.json").exists())


def test_overdue_recorded_before_its_deadline_says_both() -> None:
    """Status Overdue with a deadline still ahead: not 'was due 2030'; datetime on= works."""
    action = gt.Action(text="Hire", due=gt.parse_due("2030"), status=gt.Status.OVERDUE)
    doc = gt.Document(plans=(gt.ActionPlan(actions=(action,)),))
    (issue,) = gt.validate(doc, on=dt.datetime(2024, 1, 1, 12), select=["GT110"])  # noqa: DTZ001 - a naive datetime as callers pass
    assert "action 'Hire' is recorded overdue, though due '2030' (owed by no one)" == issue.message


def test_a_field_the_table_lacks_is_cited_under_no_header() -> None:
    """GT105 on a sheet without a Comments column cites the row, not '(Comments)'."""
    origin = gt.Location(sheet="S", cell="B3", columns={"action": "B", "status": "C"})
    action = gt.Action(text="Hire", status=gt.Status.COMPLETED, origin=origin)
    doc = gt.Document(plans=(gt.ActionPlan(actions=(action,)),))
    (issue,) = gt.validate(doc, on=ON, select=["GT105"])
    assert ("S!B3", "") == (str(issue.location), issue.location.header if issue.location else "-")


def test_a_status_report_is_not_read_back_as_data(tmp_path: Path) -> None:
    """The Markdown report judges statuses and drops comments: load refuses it, clearly."""
    action = gt.Action(text="Hire", status=gt.Status.COMPLETED, comments="Done in May.")
    path = tmp_path / "report.md"
    gt.dump(gt.Document(plans=(gt.ActionPlan(title="Plan", actions=(action,)),)), path, on=ON)
    with pytest.raises(gt.GovtrackError, match="status report govtrack wrote for people"):
        gt.load(path)
