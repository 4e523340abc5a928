"""Readers and writers, one module per format, and the registry that finds them.

A text format's module provides ``loads(text, *, source="") -> Document`` and
``sniff(text) -> float`` (0 when the text is surely not in that format, up to 1
when it surely is); it may provide ``dumps(doc, **options) -> str``.
"""

from __future__ import annotations

import importlib
from types import ModuleType

import attrs

__all__ = ["FORMATS", "Format", "format_for_suffix", "module_of"]


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
