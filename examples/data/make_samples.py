"""Write the sample workbooks in this folder: realistic, messy, and made up.

Run ``python examples/data/make_samples.py`` to regenerate them; the output is
deterministic (fixed document timestamps), so a re-run changes nothing.

- ``partner_matrix.xlsx``: a partner's management-response matrix with the
  usual mess: title rows, merged recommendation cells, a section row, an
  unknown column, a status word govtrack does not know ("Stalled"), a deadline
  it cannot read ("soon"), an ambiguous day (03/04/2022), a footer note, and
  actions overdue on 2023-01-31. ``make demo`` reads it.
- ``country_actions.xlsx``: a multi-country action matrix with ``KAZ:``-style
  scope prefixes, multi-line cells and a hidden helper sheet.
- ``twg_progress.xlsx``: a working group's progress report: activities with
  on/behind-schedule ticks on one sheet, monitoring indicators on another.

The text samples beside them are written by hand, not generated:
``gate_export.txt`` (a tracking system's management-response page copied as
text, navigation menu included) and ``record_notes.md`` (a meeting's record
notes with a lettered list of decisions). ``tracker.json`` is govtrack's JSON.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

HERE = Path(__file__).parent
STAMP = dt.datetime(2023, 1, 15, 9, 0, 0)  # noqa: DTZ001 - a fixed, naive document timestamp
BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
WRAP = Alignment(wrap_text=True, vertical="top")
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def _new_book() -> tuple[openpyxl.Workbook, Worksheet]:
    book = openpyxl.Workbook()
    book.properties.created = STAMP
    book.properties.modified = STAMP
    book.properties.creator = "govtrack samples"
    sheet = book.active
    assert sheet is not None
    return book, sheet


def _save(book: openpyxl.Workbook, path: Path) -> None:
    """Save with the zip entries and "modified" stamped STAMP: a re-run writes the same bytes."""
    buffer = io.BytesIO()
    book.save(buffer)
    packed = io.BytesIO()
    with (
        zipfile.ZipFile(buffer) as source,
        zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            stamped = zipfile.ZipInfo(entry.filename, date_time=STAMP.timetuple()[:6])
            stamped.compress_type = zipfile.ZIP_DEFLATED
            data = source.read(entry)
            if entry.filename == "docProps/core.xml":  # openpyxl sets "modified" to now
                data = _MODIFIED.sub(rf"\g<1>{STAMP:%Y-%m-%dT%H:%M:%S}Z\2".encode(), data)
            target.writestr(stamped, data)
    path.write_bytes(packed.getvalue())


def _style_header(sheet: Worksheet, row: int, widths: list[int]) -> None:
    for index, width in enumerate(widths, start=1):
        cell = sheet.cell(row=row, column=index)
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cell.alignment = WRAP
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = f"A{row + 1}"


def _wrap_all(sheet: Worksheet, first_row: int) -> None:
    for row in sheet.iter_rows(min_row=first_row):
        for cell in row:
            cell.alignment = WRAP


def partner_matrix(path: Path) -> None:
    """A partner's management-response matrix, as partners really send them."""
    book, sheet = _new_book()
    sheet.title = "MR matrix"
    sheet.append(["Management response matrix: evaluation of the coastal resilience programme"])
    sheet.append(["Office:", "Eastern region office"])
    sheet.append(["Period:", "2019 - 2021"])
    sheet.append([])
    header = [
        "Rec.\u00a0#",
        "Recommendation",
        "Management Response",
        "Category",
        "Key Action #",
        "Key Action(s)",
        "Responsible\nUnit(s)",
        "Time-frame",
        "Status of implementation",
        "Comments / progress",
        "Budget (USD)",
    ]
    sheet.append(header)
    rows: list[list[object]] = [
        ["Area 1: programme design and monitoring"],
        [
            "1",
            (
                "Base the next programme on a costed results framework with baselines "
                "for every outcome indicator."
            ),
            (
                "Agreed. The results framework will be costed and baselines collected "
                "before the first disbursement."
            ),
            "Accepted",
            "1.1",
            "Commission a baseline survey in the four target districts.",
            "Monitoring & Evaluation Unit",
            "2021/09",
            "Completed",
            "Survey report validated with district officials in October 2021.",
            "45,000",
        ],
        [
            None,
            None,
            None,
            None,
            "1.2",
            "Cost every output of the results framework and share it with donors.",
            "Programme Unit; Finance Unit",
            "Q2-2022",
            "Ongoing",
            (
                "Costing done for three outputs of five.\nDec 2022 Update: remaining outputs "
                "waiting for finance review."
            ),
            None,
        ],
        [
            None,
            None,
            None,
            None,
            "1.3",
            "Publish a quarterly dashboard of outcome indicators.",
            "Monitoring & Evaluation Unit",
            "soon",
            "Not started",
            None,
            "8,000",
        ],
        [
            "2",
            "Involve district women's groups in deciding where shelters are built.",
            (
                "Partly agreed: district plans are set by local government, but the office "
                "will fund consultations."
            ),
            "Partially Accepted",
            "2.1",
            "Fund two consultation rounds per district before site selection.",
            "Programme Unit",
            dt.datetime(2022, 6, 30),  # noqa: DTZ001 - Excel cells have no time zone
            "Stalled",
            "Funds not released by the district council.",
            "12,500",
        ],
        [
            None,
            None,
            None,
            None,
            "2.2",
            "Train district planners on inclusive site selection.",
            "Training Unit",
            "03/04/2022",
            "Ongoing",
            None,
            None,
        ],
        ["Area 2: partnerships"],
        [
            "3",
            "Agree a common reporting calendar with the other agencies in the region.",
            "Agreed.",
            "Accepted",
            "3.1",
            "Propose a joint calendar at the next inter-agency meeting.",
            "Partnerships Officer",
            "Dec 2022",
            "Over due",
            "Meeting postponed twice.",
            None,
        ],
        [
            None,
            None,
            None,
            None,
            "3.2",
            "Sign a data-sharing note with the regional statistics office.",
            "Partnerships Officer\nLegal Unit",
            "first half of 2023",
            "Ongoing",
            "Draft note with the legal unit.",
            None,
        ],
        [
            "4",
            "Close the pilot in the two northern districts.",
            "Not agreed: the pilot is funded until 2024.",
            "Rejected",
            None,
            None,
            None,
            None,
            None,
            None,
            None,
        ],
        [],
        ["Note: statuses as reported by the units on 15 January 2023."],
    ]
    for row in rows:
        sheet.append(row)
    for column in "ABCD":
        sheet.merge_cells(f"{column}7:{column}9")
        sheet.merge_cells(f"{column}10:{column}11")
        sheet.merge_cells(f"{column}13:{column}14")
    sheet.merge_cells("A6:K6")
    sheet.merge_cells("A12:K12")
    sheet["H10"].number_format = "dd mmm yyyy"
    _wrap_all(sheet, 6)
    for cell in (sheet["A6"], sheet["A12"]):
        cell.font = BOLD
    sheet["A1"].font = Font(bold=True, size=14)
    _style_header(sheet, 5, [7, 40, 40, 14, 8, 40, 22, 14, 16, 40, 12])
    _save(book, path)


def country_actions(path: Path) -> None:
    """A multi-country office's action matrix: scope prefixes, one action per row."""
    book, sheet = _new_book()
    sheet.title = "Action plan"
    sheet.append(["Follow-up to the review of gender coordination, 2022-2023"])
    sheet.append([])
    sheet.append(["Action", "Responsible", "Deadline", "Status", "Comments"])
    rows: list[list[object]] = [
        [
            "ARM:\nAsk the coordinator to chair the gender theme group.",
            "Country Representative",
            "2022/12",
            "Completed",
            "Chair agreed in November; first meeting held.",
        ],
        [
            "ARM: Map which agencies fund gender-based violence services.",
            "Programme Specialist",
            "2023/03",
            "Ongoing",
            "Four of seven agencies replied.",
        ],
        [
            "GEO: Co-host the annual dialogue with civil society.",
            "Country Representative, Programme Specialist",
            "2022/10",
            "No Longer Applicable",
            "Dialogue cancelled by the host ministry.",
        ],
        [
            "GEO: Draft a joint advocacy note on care work.",
            "Programme Specialist",
            "Q1 2023",
            "Not Initiated",
            None,
        ],
        [
            "AZE: Share the regional training modules with the theme group.",
            "Programme Associate",
            dt.datetime(2022, 11, 30),  # noqa: DTZ001 - Excel cells have no time zone
            "Done",
            "Modules shared by e-mail.",
        ],
    ]
    for row in rows:
        sheet.append(row)
    _wrap_all(sheet, 4)
    _style_header(sheet, 3, [50, 28, 12, 18, 40])
    lists = book.create_sheet("Lists")
    for word in ("Not started", "Ongoing", "Completed", "No longer applicable"):
        lists.append([word])
    lists.sheet_state = "hidden"
    _save(book, path)


def twg_progress(path: Path) -> None:
    """A working group's progress report: activities with ticks, then indicators."""
    book, sheet = _new_book()
    sheet.title = "Activities"
    sheet.append(["Technical working group on social protection: progress report"])
    sheet.append(["Reporting period:", "Q3 2022"])
    sheet.append([])
    sheet.append(
        [
            "Scheduled activities",
            "Implementation status",
            "On schedule",
            "Behind schedule",
            "If behind schedule, reasons for delay",
            "TWG recommendations, if any",
        ]
    )
    rows: list[list[object]] = [
        ["1. Coordination"],
        [
            "Hold monthly meetings of the working group",
            "Three meetings held; minutes shared within a week.",
            "✓",
            None,
            None,
            None,
        ],
        [
            "Update the membership list",
            "Completed",
            "x",
            None,
            None,
            None,
        ],
        ["2. Policy"],
        [
            "Review the draft cash transfer guidelines",
            "Comments collected from five members; consolidation pending.",
            None,
            "✓",
            "The ministry's drafting team changed in August.",
            "Ask the ministry to name a focal point for the review.",
        ],
    ]
    for row in rows:
        sheet.append(row)
    _wrap_all(sheet, 5)
    _style_header(sheet, 4, [40, 40, 10, 10, 36, 36])
    indicators = book.create_sheet("Indicators")
    indicators.append(["Joint monitoring indicators"])
    indicators.append(["No", "Indicator", "Timeframe", "Status", "Constraints", "Recommendations"])
    indicators.append(
        [
            "1",
            "Share of poor households reached by cash transfers",
            "2022",
            "41% against a target of 45%.",
            "Registration delayed in two provinces.",
            "Extend mobile registration teams.",
        ]
    )
    indicators.append(
        [
            "2",
            "Guidelines on shock-responsive transfers adopted",
            "June 2023",
            "Draft under review.",
            None,
            None,
        ]
    )
    _wrap_all(indicators, 3)
    _style_header(indicators, 2, [6, 44, 12, 30, 30, 30])
    _save(book, path)


def main() -> None:
    """Write every sample beside this script."""
    partner_matrix(HERE / "partner_matrix.xlsx")
    country_actions(HERE / "country_actions.xlsx")
    twg_progress(HERE / "twg_progress.xlsx")
    print(f"wrote 3 sample workbooks to {HERE}")


if __name__ == "__main__":
    main()
