"""Readers and writers, one module per format, and the registry that finds them.

A text format's module provides ``loads(text, *, source="") -> Document`` and
``sniff(text) -> float`` (0 when the text is surely not in that format, up to 1
when it surely is); it may provide ``dumps(doc, **options) -> str``.
"""

from __future__ import annotations

import importlib
import re
from types import ModuleType

import attrs

__all__ = [
    "FORMATS",
    "Format",
    "ReaderCode",
    "format_for_suffix",
    "module_of",
    "parse_code_table",
    "reader_codes",
]


@attrs.frozen(kw_only=True)
class Format:
    """A format govtrack reads or writes."""

    name: str
    module: str
    suffixes: tuple[str, ...] = ()
    text: bool = True
    description: str = ""


FORMATS: dict[str, Format] = {
    fmt.name: fmt
    for fmt in (
        Format(
            name="json",
            module="govtrack.io.json",
            suffixes=(".json",),
            description="govtrack's own JSON document (lossless)",
        ),
        Format(
            name="excel",
            module="govtrack.io.excel",
            suffixes=(".xlsx", ".xlsm"),
            text=False,
            description="Excel workbook: partner matrices, govtrack's own workbook",
        ),
        Format(
            name="excel-write",
            module="govtrack.io.excel_write",
            text=False,
            description="Excel writer: matrix and workbook layouts, the partner template",
        ),
        Format(
            name="gate",
            module="govtrack.io.gate",
            suffixes=(".txt",),
            description="text export of an evaluation-tracking system's management response",
        ),
        Format(
            name="minutes",
            module="govtrack.io.minutes",
            suffixes=(".txt", ".md"),
            description="record notes of a meeting with a decisions list",
        ),
        Format(
            name="meeting-report",
            module="govtrack.io.meeting_report",
            suffixes=(".txt", ".md"),
            description="narrative report of a meeting",
        ),
        Format(
            name="progress-report",
            module="govtrack.io.progress",
            suffixes=(".txt", ".md"),
            description="working-group progress report (a table flattened to text)",
        ),
        Format(
            name="matrix",
            module="govtrack.io.matrix",
            suffixes=(".txt", ".md"),
            description="action matrix as a pipe-flattened or Markdown table",
        ),
        Format(
            name="report",
            module="govtrack.io.report",
            suffixes=(".md",),
            description="Markdown status report (written, not read)",
        ),
    )
}
"""Every format by name, in sniffing order."""


def module_of(name: str) -> ModuleType | None:
    """The module of format ``name``, or None when it is not installed in this version."""
    try:
        return importlib.import_module(FORMATS[name].module)
    except ModuleNotFoundError as error:
        if error.name == FORMATS[name].module:
            return None
        raise


def format_for_suffix(suffix: str) -> list[Format]:
    """The formats a file suffix may hold, in sniffing order."""
    return [fmt for fmt in FORMATS.values() if suffix.lower() in fmt.suffixes]


@attrs.frozen(kw_only=True)
class ReaderCode:
    """A problem code a reader documents: its severity, meaning and format."""

    code: str
    severity: str
    meaning: str
    format: str


_CODE_ROW = re.compile(
    r"^(?P<code>GT\d{3})\s+(?P<severity>error|warning|info)\s+(?P<meaning>\S.*)$"
)


def parse_code_table(docstring: str) -> list[tuple[str, str, str]]:
    r"""The ``code severity meaning`` rows of the simple table in a reader's docstring.

    A row's meaning may continue on indented lines below it.

    >>> parse_code_table("GT999  warning   a thing\n          goes on\nText")
    [('GT999', 'warning', 'a thing goes on')]
    """
    rows: list[tuple[str, str, str]] = []
    in_row = False
    for line in docstring.splitlines():
        match = _CODE_ROW.match(line)
        if match is not None:
            rows.append((match["code"], match["severity"], match["meaning"].strip()))
            in_row = True
        elif in_row and line.startswith(" ") and line.strip() and not line.strip().startswith("="):
            code, severity, meaning = rows[-1]
            rows[-1] = (code, severity, f"{meaning} {line.strip()}")
        else:
            in_row = False
    return rows


def reader_codes() -> dict[str, ReaderCode]:
    """Every problem code the installed readers document (``GT2xx``, ``GT3xx``), by code.

    Each reader lists its codes in a table in its module documentation; this reads them
    from there, so the list and the documentation cannot disagree.

    >>> codes = reader_codes()
    >>> codes["GT301"].format, codes["GT301"].severity
    ('gate', 'warning')
    """
    found: dict[str, ReaderCode] = {}
    seen: set[str] = set()
    for fmt in FORMATS.values():
        if fmt.module in seen:
            continue
        seen.add(fmt.module)
        module = module_of(fmt.name)
        if module is None:
            continue
        for code, severity, meaning in parse_code_table(module.__doc__ or ""):
            found.setdefault(
                code, ReaderCode(code=code, severity=severity, meaning=meaning, format=fmt.name)
            )
    return dict(sorted(found.items()))
