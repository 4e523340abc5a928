"""Coverage-guided fuzzing of every govtrack reader with atheris; not run by pytest.

The first byte of an input chooses the target: one of the text formats through
``gt.loads(text, format=...)``, sniffing through ``gt.loads(text)``, or ``gt.load`` on
the remaining bytes saved under one of several suffixes (``.xlsx``, ``.txt``, ``.json``, …).
A crash is any exception but a ``GovtrackError``, or a ``GovtrackError`` whose message is
more than one line.

Run it (atheris is not a dependency of govtrack: its wheels are for Linux x86-64, and each
release supports a few CPython versions only, so check its README first and, if need be, use
a virtual environment with a Python it supports)::

    .venv/bin/pip install atheris
    .venv/bin/python tests/fuzz/fuzz_readers.py --seeds fuzz-corpus
    .venv/bin/python tests/fuzz/fuzz_readers.py fuzz-corpus -max_len=65536 \\
        -timeout=10 -rss_limit_mb=2048 -max_total_time=3600

libFuzzer saves an input that crashes as ``crash-<sha1>``; reproduce it with
``.venv/bin/python tests/fuzz/fuzz_readers.py crash-<sha1>``, fix the reader, and add the
smallest input that showed the bug to ``tests/test_regressions.py``.

pytest does not collect this file (``tests/conftest.py`` ignores the folder), but
``tests/test_fuzz.py`` runs :func:`fuzz_one_input` on the seeds, so the harness keeps working.
"""

from __future__ import annotations

import importlib
import io
import sys
import tempfile
from pathlib import Path

import govtrack as gt

TEXT_FORMATS = ("gate", "minutes", "meeting-report", "progress-report", "matrix", "json", None)
SUFFIXES = (".xlsx", ".txt", ".md", ".json", ".xls", "")
_FOLDER = Path(tempfile.mkdtemp(prefix="govtrack-fuzz-"))
_DATA = Path(__file__).resolve().parents[1] / "data"


def _check(error: gt.GovtrackError) -> None:
    """A refusal is fine when its message is one line."""
    message = str(error)
    if len(message.splitlines()) != 1:
        raise AssertionError(f"a GovtrackError message of several lines: {message!r}")


def fuzz_one_input(data: bytes) -> None:
    """Feed one input to the reader its first byte chooses; raise on a crash."""
    if not data:
        return
    choice, body = data[0], data[1:]
    try:
        if choice < 128:
            text_format = TEXT_FORMATS[choice % len(TEXT_FORMATS)]
            gt.loads(body.decode("utf-8", errors="replace"), format=text_format)
        else:
            path = _FOLDER / f"input{SUFFIXES[choice % len(SUFFIXES)]}"
            path.write_bytes(body)
            gt.load(path)
    except gt.GovtrackError as error:
        _check(error)


def _selector(*, text_format: str | None = None, suffix: str | None = None) -> bytes:
    """The first byte that chooses a text format, or a suffix for ``gt.load``."""
    if suffix is not None:
        return bytes([128 + SUFFIXES.index(suffix)])
    return bytes([TEXT_FORMATS.index(text_format)])


def write_seeds(folder: Path) -> list[Path]:
    """Write the starting corpus: every text fixture for every text format, and workbooks."""
    import openpyxl

    folder.mkdir(parents=True, exist_ok=True)
    seeds: dict[str, bytes] = {}
    for fixture in sorted(_DATA.glob("*/*")):
        if not fixture.is_file() or fixture.name == "README.md":
            continue
        content = fixture.read_bytes()
        suffix = fixture.suffix if fixture.suffix in SUFFIXES else ""
        seeds[f"load-{fixture.parent.name}-{fixture.name}"] = _selector(suffix=suffix) + content
        if fixture.parent.name != "invalid":
            for text_format in TEXT_FORMATS:
                name = f"{text_format or 'sniff'}-{fixture.parent.name}-{fixture.name}"
                seeds[name] = _selector(text_format=text_format) + content
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Action plan"])
    sheet.append(["Key action", "Responsible", "Deadline", "Status", "Comments"])
    sheet.append(["KAZ: Recruit", "HR", "2023/03", "Over due", "Dec 2022 Update: done"])
    buffer = io.BytesIO()
    book.save(buffer)
    seeds["load-plain.xlsx"] = _selector(suffix=".xlsx") + buffer.getvalue()
    document = gt.loads((_DATA / "gate" / "basic.txt").read_text("utf-8"), format="gate")
    for layout in ("matrix", "workbook"):
        path = _FOLDER / f"{layout}.xlsx"
        if layout == "matrix":  # lossy: the export's extra, which the matrix leaves out
            gt.dump(document, path, layout=layout, lossy=True)
        else:
            gt.dump(document, path, layout=layout)
        seeds[f"load-{layout}.xlsx"] = _selector(suffix=".xlsx") + path.read_bytes()
    written = []
    for name, content in seeds.items():
        path = folder / name
        path.write_bytes(content)
        written.append(path)
    return written


def main(argv: list[str]) -> None:
    """``--seeds FOLDER`` writes the starting corpus; anything else goes to libFuzzer."""
    if len(argv) == 3 and argv[1] == "--seeds":
        write_seeds(Path(argv[2]))
        return
    try:
        atheris = importlib.import_module("atheris")
    except ModuleNotFoundError:
        raise SystemExit(
            "atheris is not installed: pip install atheris (see CONTRIBUTING.md)"
        ) from None
    atheris.instrument_all()
    atheris.Setup(argv, fuzz_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
