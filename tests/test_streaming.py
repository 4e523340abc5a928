"""gt.iter_actions: the actions of a file one at a time, in memory that does not grow with rows."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

import govtrack as gt
import test_excel_read
from govtrack.io import excel

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"


def _cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def write_plan(path: Path, rows: int, *, recommendations: bool = False) -> Path:
    """An action plan of ``rows`` distinct actions, its XML streamed (inline strings, as
    openpyxl's write-only mode and other streaming writers save them); with
    ``recommendations``, a management-response matrix, a recommendation every two rows."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
            'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.worksheet+xml"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{_PACKAGE}"><Relationship Id="rId1" '
            f'Type="{_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        archive.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{_MAIN}" xmlns:r="{_RELS}"><sheets>'
            '<sheet name="Plan" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{_PACKAGE}"><Relationship Id="rId1" '
            f'Type="{_RELS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        )
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(f'<worksheet xmlns="{_MAIN}"><sheetData>'.encode())
            header = ["Rec #", "Recommendation", "Action", "Status"]
            if not recommendations:
                header = header[2:]
            cells = "".join(_cell(f"{'ABCD'[i]}1", text) for i, text in enumerate(header))
            sheet.write(f'<row r="1">{cells}</row>'.encode())
            for number in range(2, rows + 2):
                action = f"Visit district {number} and report on the water points found there"
                values = [action, "Ongoing"]
                if recommendations:
                    values[:0] = (
                        [str(number), f"Map the water points of region {number} every year"]
                        if number % 2 == 0
                        else ["", ""]
                    )
                cells = "".join(
                    _cell(f"{'ABCD'[i]}{number}", text) for i, text in enumerate(values) if text
                )
                sheet.write(f'<row r="{number}">{cells}</row>'.encode())
            sheet.write(b"</sheetData></worksheet>")
    return path


_MEASURE = """
import resource, sys
import govtrack as gt
count = sum(1 for _ in gt.iter_actions(sys.argv[1]))
print(count, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _peak_kib(path: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", _MEASURE, str(path)], stdout=subprocess.PIPE, text=True
    )


@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss is in KiB on Linux")
def test_memory_stays_flat_as_rows_grow(tmp_path: Path) -> None:
    """Reading 30,000 rows peaks within a few MiB of reading 10,000 (nothing is kept)."""
    small = write_plan(tmp_path / "small.xlsx", 10_000, recommendations=True)
    large = write_plan(tmp_path / "large.xlsx", 30_000, recommendations=True)
    runs = [_peak_kib(small), _peak_kib(large)]  # side by side: two cores, half the wait
    (small_count, small_peak), (large_count, large_peak) = (
        tuple(int(word) for word in run.communicate(timeout=120)[0].split()) for run in runs
    )
    growth_mib = (large_peak - small_peak) / 1024
    # Keeping the 20,000 more actions and their 10,000 recommendations would take some
    # 12 MiB; streaming, the peak grows by about 2 MiB (openpyxl's parser keeps 0.1 KB a row).
    assert (10_000, 30_000, True) == (small_count, large_count, growth_mib < 6), growth_mib


def _cases(tmp_path: Path) -> list[Path]:
    """Workbooks of every layout, as the Excel reading tests build them."""
    build = test_excel_read.build
    header = test_excel_read.MR_HEADER
    return [
        test_excel_read.matrix.__wrapped__(tmp_path),  # type: ignore[attr-defined]
        build(
            tmp_path,
            [["Action", "Responsible", "Deadline", "Status"], ["Hire", "HR", "2023/03", "Done"]],
            name="plan.xlsx",
        ),
        build(
            tmp_path,
            [
                ["Activity", "Status", "On schedule", "Behind schedule"],
                ["Train staff", "Ongoing", "x", None],
                ["Procure kits", "Delayed by customs", None, "x"],
            ],
            name="work_plan.xlsx",
        ),
        build(
            tmp_path,
            [header, ["1", "Do better", "Agreed", "Accepted", "1.1", "Act", "Unit", "2022", "x"]],
            name="response.xlsx",
        ),
    ]


def _origins(actions: Any) -> list[str]:
    return [str(action.origin) for action in actions]


def test_iter_actions_yields_what_load_reads(tmp_path: Path) -> None:
    """The same actions as load(path).actions, with their origins, and the same problems."""
    for path in _cases(tmp_path):
        problems: list[gt.Issue] = []
        streamed = list(gt.iter_actions(path, problems=problems))
        doc = gt.load(path)
        assert (list(doc.actions), _origins(doc.actions), list(doc.problems)) == (
            streamed,
            _origins(streamed),
            problems,
        ), path.name


def test_iter_actions_with_calamine(tmp_path: Path) -> None:
    """The calamine engine streams the same actions (it loads each sheet whole, though)."""
    pytest.importorskip("python_calamine")
    path = test_excel_read.matrix.__wrapped__(tmp_path)  # type: ignore[attr-defined]
    assert list(gt.load(path).actions) == list(gt.iter_actions(path, engine="calamine"))


def test_iter_actions_reads_other_formats_whole(tmp_path: Path) -> None:
    """A JSON document (or any text format) is read by gt.load and its actions yielded."""
    doc = gt.Document(
        plans=(gt.ActionPlan(title="Plan", actions=(gt.Action(text="Hire a data clerk"),)),)
    )
    path = tmp_path / "plan.json"
    gt.dump(doc, path)
    assert list(doc.actions) == list(gt.iter_actions(path))


def test_iter_actions_stops_early_without_reading_on(tmp_path: Path) -> None:
    """Taking the first action leaves the rest unread, and the file closed once discarded."""
    path = write_plan(tmp_path / "plan.xlsx", 5_000)
    stream = gt.iter_actions(path)
    first = next(stream)
    stream.close()
    assert ("Visit district 2 and report on the water points found there", "Plan!A2") == (
        first.text,
        str(first.origin),
    )


def test_iter_actions_refuses_a_workbook_without_a_header(tmp_path: Path) -> None:
    """A workbook with no table it recognises raises, as load does, when iteration starts."""
    path = test_excel_read.build(tmp_path, [["Budget"], ["12"]])
    with pytest.raises(gt.FormatError, match="no sheet has a header row"):
        list(gt.iter_actions(path))


def test_iter_actions_is_exported() -> None:
    """gt.iter_actions is the public name of the Excel reader's streaming function."""
    assert ("iter_actions" in gt.__all__, gt.iter_actions) == (True, excel.iter_actions)
