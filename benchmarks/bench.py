"""govtrack's benchmark: figures as ratios against baselines measured in the same run.

Run with ``make bench`` (or ``python benchmarks/bench.py --sizes 10000 100000``).
It generates management-response matrices of N key actions x 10 columns of
realistic text, then measures (median of ``--repeat`` runs):

- raw openpyxl read-only iteration (the baseline for reading),
- ``gt.load`` with the default engine, and with ``engine="calamine"`` when installed,
- raw python-calamine iteration (when installed),
- ``gt.dump`` in the matrix layout against raw openpyxl write-only writing,
- JSON ``dumps`` + ``loads`` of the loaded document, and ``gt.validate``;

and prints medians, ratios and the peak RSS of the process, and writes the same
as JSON to ``benchmarks/out/results.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import importlib.util
import json
import platform
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook

import govtrack as gt

HEADERS = [
    "Rec #", "Recommendation", "Management response", "Category", "Action #", "Key action",
    "Responsible", "Deadline", "Status", "Comments",
]  # fmt: skip
UNITS = ["M&E Unit", "Programme Unit", "Operations", "District offices", "Country Representative"]
STATUSES = ["Completed", "Ongoing", "Not started", "Over due", "No Longer Applicable", "Initiated"]
WORDS = [
    "strengthen",
    "monitoring",
    "framework",
    "baseline",
    "survey",
    "partners",
    "district",
    "results",
    "budget",
    "training",
    "women",
    "producers",
    "market",
    "access",
    "advocacy",
    "ministry",
    "consultation",
    "report",
    "review",
    "plan",
    "data",
    "capacity",
    "coordination",
    "gender",
    "strategy",
    "evaluation",
    "follow-up",
    "resources",
    "donors",
    "proposal",
]


def _sentence(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high))).capitalize() + "."


def make_workbook(path: Path, rows: int, seed: int = 7) -> None:
    """A matrix of ``rows`` key actions, written with openpyxl's write-only mode."""
    rng = random.Random(seed)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Matrix")
    sheet.append(["Management response tracking matrix"])
    sheet.append([])
    sheet.append(HEADERS)
    per_rec = 5
    for index in range(rows):
        rec = index // per_rec + 1
        first = index % per_rec == 0
        year, month = rng.randint(2018, 2025), rng.randint(1, 12)
        sheet.append(
            [
                str(rec) if first else None,
                _sentence(rng, 12, 30) if first else None,
                _sentence(rng, 8, 20) if first else None,
                rng.choice(["Accepted", "Partially Accepted", "Rejected"]) if first else None,
                f"{rec}.{index % per_rec + 1}",
                _sentence(rng, 10, 25),
                rng.choice(UNITS),
                f"{year}/{month:02d}",
                rng.choice(STATUSES),
                _sentence(rng, 0, 30),
            ]
        )
    book.save(path)


def raw_openpyxl(path: Path) -> int:
    """The reading baseline: iterate every cell value in read-only mode."""
    book = load_workbook(path, read_only=True, data_only=True)
    count = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            count += len(row)
    book.close()
    return count


def raw_calamine(path: Path) -> int:
    """The fast baseline: iterate every cell with python-calamine."""
    from python_calamine import CalamineWorkbook  # noqa: PLC0415 - optional

    book = CalamineWorkbook.from_path(str(path))
    count = 0
    for name in book.sheet_names:
        for row in book.get_sheet_by_name(name).to_python():
            count += len(row)
    return count


def raw_write_only(doc: gt.Document, path: Path) -> None:
    """The writing baseline: the same cells, written with openpyxl write-only, no styling."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Matrix")
    sheet.append(HEADERS)
    for evaluation in doc.evaluations:
        for rec in evaluation.recommendations:
            for action in rec.actions:
                sheet.append(
                    [
                        rec.ref,
                        rec.text,
                        rec.response.text,
                        rec.response.category_text,
                        action.ref,
                        action.text,
                        "; ".join(action.responsible),
                        action.deadline_text,
                        action.status_text,
                        action.comments,
                    ]
                )
    book.save(path)


def median_time(function: Callable[[], Any], repeat: int) -> float:
    """The median wall time of ``repeat`` calls, collecting garbage before each."""
    times = []
    for _ in range(repeat):
        gc.collect()
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def peak_rss_mib() -> float:
    """Peak resident set size of this process so far, in MiB (Linux reports KiB)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / (1 << 20)


def bench_size(rows: int, folder: Path, repeat: int) -> dict[str, Any]:
    """Every measurement for one size."""
    source = folder / f"matrix_{rows}.xlsx"
    make_workbook(source, rows)
    result: dict[str, Any] = {"rows": rows, "file_bytes": source.stat().st_size, "seconds": {}}
    seconds = result["seconds"]
    seconds["raw_openpyxl_read"] = median_time(lambda: raw_openpyxl(source), repeat)
    seconds["gt_load"] = median_time(lambda: gt.load(source), repeat)
    has_calamine = importlib.util.find_spec("python_calamine") is not None
    if has_calamine:
        seconds["raw_calamine_read"] = median_time(lambda: raw_calamine(source), repeat)
        try:
            seconds["gt_load_calamine"] = median_time(
                lambda: gt.load(source, engine="calamine"), repeat
            )
        except gt.GovtrackError as error:
            result["calamine_engine_error"] = str(error)
    doc = gt.load(source)
    result["actions"] = len(doc.actions)
    out = folder / "out.xlsx"
    raw_out = folder / "raw.xlsx"
    seconds["raw_openpyxl_write_only"] = median_time(lambda: raw_write_only(doc, raw_out), repeat)
    seconds["gt_dump_matrix"] = median_time(lambda: gt.dump(doc, out, layout="matrix"), repeat)
    text = gt.dumps(doc, format="json")
    seconds["json_dumps"] = median_time(lambda: gt.dumps(doc, format="json"), repeat)
    seconds["json_loads"] = median_time(lambda: gt.loads(text, format="json"), repeat)
    on = dt.date(2023, 1, 31)
    seconds["validate"] = median_time(lambda: gt.validate(doc, on=on), repeat)
    ratios: dict[str, float] = {
        "gt_load / raw_openpyxl_read": seconds["gt_load"] / seconds["raw_openpyxl_read"],
        "gt_dump_matrix / raw_openpyxl_write_only": (
            seconds["gt_dump_matrix"] / seconds["raw_openpyxl_write_only"]
        ),
    }
    if "gt_load_calamine" in seconds:
        ratios["raw_openpyxl_read / gt_load_calamine (speed-up)"] = (
            seconds["raw_openpyxl_read"] / seconds["gt_load_calamine"]
        )
        ratios["gt_load_calamine / raw_calamine_read"] = (
            seconds["gt_load_calamine"] / seconds["raw_calamine_read"]
        )
    result["ratios"] = ratios
    result["json_round_trip_seconds"] = seconds["json_dumps"] + seconds["json_loads"]
    result["peak_rss_mib"] = peak_rss_mib()
    return result


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print and save the results."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--output", default=str(Path(__file__).parent / "out" / "results.json"))
    args = parser.parse_args(argv)
    results: dict[str, Any] = {
        "when": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "govtrack": gt.__version__,
        "sizes": [],
    }
    with tempfile.TemporaryDirectory() as folder:
        for rows in args.sizes:
            print(f"== {rows:,} key actions", flush=True)
            result = bench_size(rows, Path(folder), args.repeat)
            results["sizes"].append(result)
            for name, value in result["seconds"].items():
                print(f"  {name:32} {value:8.3f} s")
            for name, value in result["ratios"].items():
                print(f"  {name:48} {value:6.2f}x")
            print(f"  {'JSON round trip':32} {result['json_round_trip_seconds']:8.3f} s")
            print(f"  {'peak RSS so far':32} {result['peak_rss_mib']:8.1f} MiB")
    if len(results["sizes"]) >= 2:
        small, large = results["sizes"][0], results["sizes"][-1]
        growth = large["seconds"]["gt_load"] / small["seconds"]["gt_load"]
        scale = large["rows"] / small["rows"]
        results["gt_load_growth"] = {"rows_ratio": scale, "time_ratio": growth}
        print(f"gt.load time grows {growth:.1f}x for {scale:.0f}x the rows")
    target = Path(args.output)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
