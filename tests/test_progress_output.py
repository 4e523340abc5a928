"""Progress of long reads: a ``progress=`` callback in the Excel reader, shown by the command
line on stderr when stderr is a terminal, and nothing otherwise."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

import govtrack as gt
from govtrack import cli
from govtrack.io import excel


class Terminal(io.StringIO):
    """A stand-in for stderr on a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    """A plan of 25 actions under a header row (27 rows in all)."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Plan"
    sheet.append(["Action plan"])
    sheet.append(["Action", "Responsible", "Deadline", "Status"])
    for number in range(1, 26):
        sheet.append([f"Visit district {number}", "Field unit", "2023/06", "Ongoing"])
    path = tmp_path / "plan.xlsx"
    book.save(path)
    return path


def test_reader_reports_progress_every_so_many_rows_and_at_the_end(
    plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The callback gets (rows read, rows in all) every PROGRESS_EVERY rows, then (total, total)."""
    monkeypatch.setattr(excel, "PROGRESS_EVERY", 10)
    calls: list[tuple[int, int]] = []
    doc = excel.load(plan, progress=lambda done, total: calls.append((done, total)))
    assert ([(10, 27), (20, 27), (27, 27)], 25) == (calls, len(doc.actions))


def test_calamine_engine_reports_progress_too(plan: Path) -> None:
    """The same callback works with the calamine engine."""
    pytest.importorskip("python_calamine")
    calls: list[tuple[int, int]] = []
    excel.load(plan, engine="calamine", progress=lambda done, total: calls.append((done, total)))
    assert [(27, 27)] == calls


def test_gt_load_passes_progress_to_the_reader(plan: Path) -> None:
    """gt.load(path, progress=...) reaches the Excel reader."""
    calls: list[tuple[int, int]] = []
    gt.load(plan, progress=lambda done, total: calls.append((done, total)))
    assert [(27, 27)] == calls


def test_long_read_shows_progress_on_a_terminal(
    plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a terminal, a read over the threshold shows one line rewritten in place, ended once."""
    monkeypatch.setattr(cli, "LONG_READ_ROWS", 20)
    monkeypatch.setattr(excel, "PROGRESS_EVERY", 10)
    stderr = Terminal()
    monkeypatch.setattr("sys.stderr", stderr)
    code = cli.main(["summary", str(plan), "--on", "2023-01-31"], out=io.StringIO())
    expected = (  # the file as given: two units' plan.xlsx are told apart
        f"\rgovtrack: reading {plan}: 10 of 27 rows (37%)"
        f"\rgovtrack: reading {plan}: 20 of 27 rows (74%)"
        f"\rgovtrack: reading {plan}: 27 of 27 rows (100%)\n"
    )
    assert (0, expected) == (code, stderr.getvalue())


def test_short_read_shows_nothing_on_a_terminal(
    plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read under 50,000 rows shows no progress, even on a terminal."""
    stderr = Terminal()
    monkeypatch.setattr("sys.stderr", stderr)
    assert (0, "") == (cli.main(["summary", str(plan)], out=io.StringIO()), stderr.getvalue())


def test_no_progress_when_stderr_is_not_a_terminal(
    plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Redirected to a file or a pipe, stderr gets no progress, however long the read."""
    monkeypatch.setattr(cli, "LONG_READ_ROWS", 1)
    monkeypatch.setattr(excel, "PROGRESS_EVERY", 1)
    stderr = io.StringIO()
    monkeypatch.setattr("sys.stderr", stderr)
    assert (0, "") == (cli.main(["summary", str(plan)], out=io.StringIO()), stderr.getvalue())


def test_progress_line_for_a_long_read() -> None:
    """The terminal line names the file, the rows and the share read."""
    stream = Terminal()
    progress = cli._Progress(stream, "tracker.xlsx")
    progress(10_000, 120_000)
    progress(120_000, 120_000)
    assert (
        "\rgovtrack: reading tracker.xlsx: 10,000 of 120,000 rows (8%)"
        "\rgovtrack: reading tracker.xlsx: 120,000 of 120,000 rows (100%)\n"
    ) == stream.getvalue()


def test_convert_quiet_shows_no_progress_on_a_terminal(
    plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """convert --quiet prints nothing on a terminal either: no progress, no 'wrote' line."""
    monkeypatch.setattr(cli, "LONG_READ_ROWS", 20)
    monkeypatch.setattr(excel, "PROGRESS_EVERY", 10)
    stderr = Terminal()
    monkeypatch.setattr("sys.stderr", stderr)
    out = io.StringIO()
    code = cli.main(["convert", str(plan), str(tmp_path / "plan.json"), "--quiet"], out=out)
    assert (0, "", "") == (code, out.getvalue(), stderr.getvalue())
    assert 25 == len(gt.load(tmp_path / "plan.json").actions)
