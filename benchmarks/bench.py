"""govtrack's benchmark: figures as ratios against baselines measured in the same run.

Run with ``make bench`` (or ``python benchmarks/bench.py --sizes 10000 100000``).
It generates management-response matrices of N key actions x 10 columns of
realistic text (openpyxl's write-only mode, as an export script would), then
measures, for each size:

- raw openpyxl read-only iteration of every cell (the baseline for reading),
- ``gt.load`` with the default engine, and with ``engine="calamine"``,
- raw python-calamine iteration of every cell (the fast baseline),
- ``gt.dump`` in the matrix layout against raw openpyxl write-only writing
  of the same cells,
- JSON ``dumps`` and ``loads`` of the loaded document, and ``gt.validate``;

and, for the streaming reader, ``gt.iter_actions`` over 100,000 and 1,000,000
rows. Every measurement runs in a fresh Python process (``--child``): its time
is the median of ``--repeat`` runs of the operation alone (imports and input
set-up excluded) and its peak RSS the largest ``ru_maxrss`` of those processes,
input included. It prints medians, ratios to the baselines, peak RSS and the
targets met or missed, and writes the same as JSON (``--output``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import importlib.util
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from openpyxl import Workbook, load_workbook

import govtrack as gt

HEADERS = [
    "Rec #", "Recommendation", "Management response", "Category", "Action #", "Key action",
    "Responsible", "Deadline", "Status", "Comments",
]  # fmt: skip
UNITS = ["M&E Unit", "Programme Unit", "Operations", "District offices", "Country Representative"]
STATUSES = ["Completed", "Ongoing", "Not started", "Over due", "No Longer Applicable", "Initiated"]
CATEGORIES = ["Accepted", "Partially Accepted", "Rejected"]
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
PER_RECOMMENDATION = 5
AS_OF = dt.date(2023, 1, 31)
# A million rows of ten columns is over the default ten million cells, and its sheet
# XML (some 700 MB) over the default 512 MiB a part.
ROOMY = gt.Limits(
    max_cells=50_000_000,
    max_rows=2_000_000,
    max_file_bytes=2 << 30,
    max_part_bytes=4 << 30,
    max_uncompressed_bytes=8 << 30,
)

TARGETS = {
    "gt.load / raw openpyxl": ("<=", 1.25),
    "raw openpyxl / gt.load calamine (speed-up)": (">=", 6.0),
    "gt.load calamine / raw calamine": ("<=", 1.5),
    "gt.dump matrix / raw openpyxl write-only": ("<=", 1.5),
    "JSON round trip, seconds": ("<=", 1.0),
    "gt.validate, seconds": ("<=", 1.0),
}
GROWTH = (8.0, 12.0)
STREAM_LIMIT_MIB = 200.0


# ---------------------------------------------------------------------------
# Workbooks


def _sentence(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high))).capitalize() + "."


def matrix_rows(rows: int, seed: int = 7) -> Iterator[list[str | None]]:
    """The rows of a matrix of ``rows`` key actions: a title, a blank row, the header, data."""
    rng = random.Random(seed)
    yield ["Management response tracking matrix"]
    yield []
    yield list(HEADERS)
    for index in range(rows):
        rec = index // PER_RECOMMENDATION + 1
        first = index % PER_RECOMMENDATION == 0
        year, month = rng.randint(2018, 2025), rng.randint(1, 12)
        yield [
            str(rec) if first else None,
            _sentence(rng, 12, 30) if first else None,
            _sentence(rng, 8, 20) if first else None,
            rng.choice(CATEGORIES) if first else None,
            f"{rec}.{index % PER_RECOMMENDATION + 1}",
            _sentence(rng, 10, 25),
            rng.choice(UNITS),
            f"{year}/{month:02d}",
            rng.choice(STATUSES),
            _sentence(rng, 0, 30),
        ]


def make_workbook(path: Path, rows: int) -> None:
    """A matrix of ``rows`` key actions, written with openpyxl's write-only mode."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Matrix")
    for values in matrix_rows(rows):
        sheet.append(values)
    book.save(path)


_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def make_workbook_fast(path: Path, rows: int) -> None:
    """The same matrix, its sheet XML written directly (inline strings, as openpyxl's
    write-only mode writes them): a million rows in a minute instead of several."""
    letters = "ABCDEFGHIJ"
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
            f'Type="{_RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        archive.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{_MAIN}" xmlns:r="{_RELATIONSHIPS}"><sheets>'
            '<sheet name="Matrix" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{_PACKAGE}"><Relationship Id="rId1" '
            f'Type="{_RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        )
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(f'<worksheet xmlns="{_MAIN}"><sheetData>'.encode())
            for number, values in enumerate(matrix_rows(rows), start=1):
                cells = "".join(
                    f'<c r="{letters[index]}{number}" t="inlineStr"><is><t>{escape(value)}'
                    "</t></is></c>"
                    for index, value in enumerate(values)
                    if value
                )
                sheet.write(f'<row r="{number}">{cells}</row>'.encode())
            sheet.write(b"</sheetData></worksheet>")


# ---------------------------------------------------------------------------
# Operations, each run in a child process


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
    """The fast baseline: every cell of every sheet with python-calamine."""
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


def _document(path: Path) -> gt.Document:
    engine = "calamine" if importlib.util.find_spec("python_calamine") else "openpyxl"
    return gt.load(path, engine=engine)


def _stream(path: Path) -> int:
    return sum(1 for _ in gt.iter_actions(path, limits=ROOMY))


def prepare(operation: str, path: Path, folder: Path) -> Callable[[], object]:
    """The operation as a call, its input (a document, a JSON text) made beforehand."""
    if operation == "raw_openpyxl_read":
        return lambda: raw_openpyxl(path)
    if operation == "gt_load":
        return lambda: gt.load(path)
    if operation == "raw_calamine_read":
        return lambda: raw_calamine(path)
    if operation == "gt_load_calamine":
        return lambda: gt.load(path, engine="calamine")
    if operation == "gt_iter_actions":
        return lambda: _stream(path)
    doc = _document(path)
    if operation == "raw_openpyxl_write_only":
        return lambda: raw_write_only(doc, folder / "raw.xlsx")
    if operation == "gt_dump_matrix":
        return lambda: gt.dump(doc, folder / "out.xlsx", layout="matrix", on=AS_OF)
    if operation == "json_dumps":
        return lambda: gt.dumps(doc, format="json")
    if operation == "json_loads":
        text = gt.dumps(doc, format="json")
        return lambda: gt.loads(text, format="json")
    if operation == "validate":
        return lambda: gt.validate(doc, on=AS_OF)
    raise SystemExit(f"unknown operation {operation!r}")


def peak_rss_mib() -> float:
    """Peak resident set size of this process so far, in MiB (Linux reports KiB)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / (1 << 20)


def _warm() -> None:
    """Import what the operations use, so no measured time is a one-off import."""
    for module in ("govtrack.io.excel", "govtrack.io.excel_write", "govtrack.io.json"):
        importlib.import_module(module)
    if importlib.util.find_spec("python_calamine") is not None:
        importlib.import_module("python_calamine")


def child(operation: str, path: Path) -> None:
    """Run one operation once and print its wall time and this process's peak RSS."""
    _warm()
    with tempfile.TemporaryDirectory() as folder:
        call = prepare(operation, path, Path(folder))
        started = time.perf_counter()
        result = call()
        seconds = time.perf_counter() - started
        # Freeing what the operation made (a Document of 100,000 actions: some 0.05 s)
        # is not the operation: the clock stops when the call returns.
        del result
    print(json.dumps({"seconds": seconds, "peak_rss_mib": peak_rss_mib()}))


def run_child(operation: str, path: Path) -> dict[str, float]:
    """One fresh process running the operation once: its seconds and peak RSS."""
    done = subprocess.run(  # noqa: S603 - this script, with arguments it built
        [sys.executable, __file__, "--child", operation, str(path)],
        check=False,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise SystemExit(f"{operation} on {path.name} failed:\n{done.stderr}")
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def measure(operations: list[str], path: Path, repeat: int) -> dict[str, dict[str, float]]:
    """Median time and peak RSS of ``repeat`` fresh processes per operation.

    The operations take turns (one run of each, then again), so a slow spell of
    the machine falls on all of them rather than on one.
    """
    runs: dict[str, list[dict[str, float]]] = {operation: [] for operation in operations}
    for _ in range(repeat):
        for operation in operations:
            runs[operation].append(run_child(operation, path))
    return {
        operation: {
            "seconds": statistics.median(run["seconds"] for run in found),
            "peak_rss_mib": max(run["peak_rss_mib"] for run in found),
        }
        for operation, found in runs.items()
    }


# ---------------------------------------------------------------------------
# The run


def bench_size(rows: int, folder: Path, repeat: int, calamine: bool) -> dict[str, Any]:
    """Every measurement for one size."""
    source = folder / f"matrix_{rows}.xlsx"
    make_workbook(source, rows)
    operations = ["raw_openpyxl_read", "gt_load"]
    if calamine:
        operations += ["raw_calamine_read", "gt_load_calamine"]
    operations += ["raw_openpyxl_write_only", "gt_dump_matrix", "json_dumps", "json_loads"]
    operations += ["validate"]
    result: dict[str, Any] = {"rows": rows, "file_bytes": source.stat().st_size}
    measured = measure(operations, source, repeat)
    for operation in operations:
        print(
            f"  {operation:26} {measured[operation]['seconds']:9.3f} s"
            f"   peak RSS {measured[operation]['peak_rss_mib']:7.1f} MiB",
            flush=True,
        )
    seconds = {name: value["seconds"] for name, value in measured.items()}
    result["seconds"] = seconds
    result["peak_rss_mib"] = {name: value["peak_rss_mib"] for name, value in measured.items()}
    figures = {
        "gt.load / raw openpyxl": seconds["gt_load"] / seconds["raw_openpyxl_read"],
        "gt.dump matrix / raw openpyxl write-only": (
            seconds["gt_dump_matrix"] / seconds["raw_openpyxl_write_only"]
        ),
        "JSON round trip, seconds": seconds["json_dumps"] + seconds["json_loads"],
        "gt.validate, seconds": seconds["validate"],
    }
    if calamine:
        figures["raw openpyxl / gt.load calamine (speed-up)"] = (
            seconds["raw_openpyxl_read"] / seconds["gt_load_calamine"]
        )
        figures["gt.load calamine / raw calamine"] = (
            seconds["gt_load_calamine"] / seconds["raw_calamine_read"]
        )
    result["figures"] = figures
    return result


def verdict(name: str, value: float) -> str:
    """'met' or 'MISSED' for a figure with a target ('' when it has none)."""
    if name not in TARGETS:
        return ""
    sense, bound = TARGETS[name]
    met = value <= bound if sense == "<=" else value >= bound
    return f"{'met' if met else 'MISSED'} (target {sense} {bound:g})"


def _versions(names: tuple[str, ...]) -> dict[str, str]:
    """The installed version of each distribution ("not installed" for one that is not)."""
    installed = {
        dist.metadata["Name"].lower(): dist.version for dist in importlib.metadata.distributions()
    }
    return {name: installed.get(name, "not installed") for name in names}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print and save the results."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--stream-rows", type=int, nargs="*", default=[100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--output", default=str(Path(__file__).parent / "out" / "results.json"))
    parser.add_argument("--child", nargs=2, metavar=("OPERATION", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child[0], Path(args.child[1]))
        return 0
    calamine = importlib.util.find_spec("python_calamine") is not None
    results: dict[str, Any] = {
        "when": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "govtrack": gt.__version__,
        "libraries": _versions(("openpyxl", "python-calamine", "orjson", "zlib-ng")),
        "repeat": args.repeat,
        "sizes": [],
        "targets": {},
    }
    print(f"python {results['python']} on {results['machine']}, {results['cpus']} CPUs")
    print("  " + ", ".join(f"{name} {version}" for name, version in results["libraries"].items()))
    with tempfile.TemporaryDirectory() as folder:
        for rows in args.sizes:
            print(f"== {rows:,} key actions", flush=True)
            result = bench_size(rows, Path(folder), args.repeat, calamine)
            results["sizes"].append(result)
            for name, value in result["figures"].items():
                unit = "" if "seconds" in name else "x"
                print(f"  {name:44} {value:7.2f}{unit}  {verdict(name, value)}")
        if len(results["sizes"]) >= 2:
            small, large = results["sizes"][0], results["sizes"][-1]
            scale = large["rows"] / small["rows"]
            growth = {
                name: large["seconds"][name] / small["seconds"][name]
                for name in small["seconds"]
                if name in large["seconds"]
            }
            results["growth"] = {"rows_ratio": scale, "time_ratio": growth}
            print(
                f"== time growth for {scale:.0f}x the rows (target {GROWTH[0]:g} to {GROWTH[1]:g})"
            )
            for name, ratio in growth.items():
                met = GROWTH[0] <= ratio <= GROWTH[1]
                print(f"  {name:26} {ratio:6.1f}x  {'met' if met else 'outside'}")
        streams = []
        for rows in args.stream_rows:
            path = Path(folder) / f"stream_{rows}.xlsx"
            make_workbook_fast(path, rows)
            print(f"== gt.iter_actions over {rows:,} rows", flush=True)
            figures = run_child("gt_iter_actions", path)
            streams.append({"rows": rows, **figures})
            met = figures["peak_rss_mib"] <= STREAM_LIMIT_MIB
            print(
                f"  {figures['seconds']:9.1f} s   peak RSS {figures['peak_rss_mib']:7.1f} MiB  "
                f"{'met' if met else 'MISSED'} (target <= {STREAM_LIMIT_MIB:g} MiB)"
            )
            path.unlink()
        results["streaming"] = streams
    last = results["sizes"][-1] if results["sizes"] else None
    if last is not None:
        results["targets"] = {
            name: verdict(name, value) for name, value in last["figures"].items() if name in TARGETS
        }
    target = Path(args.output)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
