"""Tables generated from govtrack's own data, so the reference cannot drift from the code.

Directives (usable from MyST as ```` ```{govtrack-vocabulary} status ``` ````):

``govtrack-vocabulary status|schedule|category``
    The members of a vocabulary, their JSON value, label and every word ``parse`` accepts.
``govtrack-rules``
    The validation rules registered in :data:`govtrack.RULES`: code, severity, summary.
``govtrack-columns``
    The table columns: key, the header govtrack writes, the aliases it reads.
``govtrack-formats``
    The formats registered in :data:`govtrack.io.FORMATS`.

The tables are built as docutils nodes, not as reStructuredText or Markdown text,
so they render the same from either kind of page.
"""

from __future__ import annotations

import enum
import inspect
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

Cell = str | nodes.Node | Sequence[nodes.Node]


def literal(text: str) -> nodes.literal:
    """Inline code."""
    return nodes.literal(text, text)


def literals(texts: Iterable[str]) -> list[nodes.Node]:
    """Inline code items separated by commas."""
    found: list[nodes.Node] = []
    for index, text in enumerate(texts):
        if index:
            found.append(nodes.Text(", "))
        found.append(literal(text))
    return found


def _entry(cell: Cell) -> nodes.entry:
    paragraph = nodes.paragraph()
    if isinstance(cell, str):
        paragraph += nodes.Text(cell)
    elif isinstance(cell, nodes.Node):
        paragraph += cell
    else:
        paragraph.extend(cell)
    entry = nodes.entry()
    entry += paragraph
    return entry


def _row(cells: Sequence[Cell]) -> nodes.row:
    row = nodes.row()
    row.extend(_entry(cell) for cell in cells)
    return row


def table(
    headers: Sequence[str], rows: Iterable[Sequence[Cell]], widths: Sequence[int]
) -> nodes.table:
    """A docutils table with a header row."""
    result = nodes.table(classes=["govtrack-generated"])
    group = nodes.tgroup(cols=len(headers))
    result += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    head += _row(headers)
    group += head
    body = nodes.tbody()
    body.extend(_row(cells) for cells in rows)
    group += body
    return result


class _Generated(SphinxDirective):
    """A directive whose table comes from govtrack's modules; it depends on their sources."""

    sources: ClassVar[tuple[str, ...]] = ()

    def note_sources(self) -> None:
        import importlib

        for name in self.sources:
            path = inspect.getsourcefile(importlib.import_module(name))
            if path:
                self.env.note_dependency(path)


class VocabularyDirective(_Generated):
    """``govtrack-vocabulary status|schedule|category``."""

    required_arguments = 1
    sources = ("govtrack.model.status",)

    def run(self) -> list[nodes.Node]:
        from govtrack.model import status

        self.note_sources()
        vocabularies: dict[str, tuple[type[enum.Enum], Mapping[Any, tuple[str, ...]]]] = {
            "status": (status.Status, status.STATUS_SYNONYMS),
            "schedule": (status.ScheduleStatus, status.SCHEDULE_SYNONYMS),
            "category": (status.ResponseCategory, status.CATEGORY_SYNONYMS),
        }
        which = self.arguments[0]
        if which not in vocabularies:
            known = ", ".join(vocabularies)
            raise self.error(f"govtrack-vocabulary: unknown vocabulary {which!r}; expected {known}")
        enum_type, synonyms = vocabularies[which]
        rows = [
            (
                literal(f"{enum_type.__name__}.{member.name}"),
                literal(str(member.value)),
                str(getattr(member, "label", "")),
                literals(synonyms.get(member, ())),
            )
            for member in enum_type
        ]
        return [
            table(("member", "JSON value", "label", "words read as it"), rows, (22, 20, 18, 40))
        ]


class RulesDirective(_Generated):
    """``govtrack-rules``: every registered validation rule, in code order."""

    sources = ("govtrack.validate",)

    def run(self) -> list[nodes.Node]:
        import govtrack

        self.note_sources()
        rows = [
            (literal(rule.code), rule.severity.value, rule.summary)
            for rule in sorted(govtrack.RULES, key=lambda rule: rule.code)
        ]
        return [table(("code", "severity", "summary"), rows, (10, 10, 60))]


class ColumnsDirective(_Generated):
    """``govtrack-columns``: column keys, the headers written and the aliases read."""

    sources = ("govtrack.io.columns",)

    def run(self) -> list[nodes.Node]:
        from govtrack.io import columns

        self.note_sources()
        rows = [
            (literal(key), header, literals(columns.ALIASES.get(key, ())))
            for key, header in columns.HEADERS.items()
        ]
        return [table(("key", "header written", "headers read as it"), rows, (16, 20, 64))]


class FormatsDirective(_Generated):
    """``govtrack-formats``: the format registry (not importing the readers themselves)."""

    sources = ("govtrack.io",)
    option_spec: ClassVar[dict[str, Any]] = {"text-only": directives.flag}

    def run(self) -> list[nodes.Node]:
        from govtrack.io import FORMATS

        self.note_sources()
        rows = [
            (
                literal(fmt.name),
                literals(fmt.suffixes) if fmt.suffixes else "(none)",
                "text" if fmt.text else "binary",
                fmt.description,
            )
            for fmt in FORMATS.values()
            if fmt.text or "text-only" not in self.options
        ]
        return [table(("format", "suffixes", "kind", "what it is"), rows, (16, 16, 8, 60))]


def reader_codes(docstring: str) -> list[tuple[str, str, str]]:
    """The ``code severity meaning`` rows of a reader's docstring (the library's parser)."""
    from govtrack.io import parse_code_table

    return parse_code_table(docstring)


def inline(text: str) -> list[nodes.Node]:
    """Text with ````code```` spans as inline code."""
    found: list[nodes.Node] = []
    for index, part in enumerate(text.split("``")):
        if part:
            found.append(literal(part) if index % 2 else nodes.Text(part))
    return found


class ReaderCodesDirective(_Generated):
    """``govtrack-reader-codes``: the problem codes each installed reader documents."""

    sources = ("govtrack.io",)

    def run(self) -> list[nodes.Node]:
        import importlib

        from govtrack.io import FORMATS

        self.note_sources()
        rows: list[tuple[Cell, ...]] = []
        seen: set[str] = set()
        for fmt in FORMATS.values():
            if fmt.module in seen:
                continue
            seen.add(fmt.module)
            try:
                module = importlib.import_module(fmt.module)
            except ModuleNotFoundError as error:
                if error.name == fmt.module:
                    continue  # not in this version yet
                raise
            path = inspect.getsourcefile(module)
            if path:
                self.env.note_dependency(path)
            rows.extend(
                (literal(code), severity, literal(fmt.name), inline(meaning))
                for code, severity, meaning in reader_codes(module.__doc__ or "")
            )
        rows.sort(
            key=lambda row: str(row[0].astext() if isinstance(row[0], nodes.Node) else row[0])
        )
        return [table(("code", "severity", "format", "meaning"), rows, (8, 8, 14, 70))]


class CommandLineDirective(_Generated):
    """``govtrack-cli``: the ``--help`` of the command and of each subcommand."""

    sources = ("govtrack.cli",)

    def run(self) -> list[nodes.Node]:
        import argparse

        from govtrack import cli

        self.note_sources()
        parser = cli._parser()  # noqa: SLF001 - the docs show the real parser's help
        parsers = [("govtrack", parser)]
        for action in parser._actions:  # noqa: SLF001 - argparse keeps subparsers here
            if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001 - same
                parsers.extend((f"govtrack {name}", sub) for name, sub in action.choices.items())
        result: list[nodes.Node] = []
        for title, each in parsers:
            each.formatter_class = _fixed_width
            section_title = nodes.rubric(title, title)
            text = each.format_help().rstrip()
            block = nodes.literal_block(text, text, language="text")
            result.extend((section_title, block))
        return result


def _fixed_width(prog: str) -> Any:
    import argparse

    return argparse.HelpFormatter(prog, width=88)


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directives."""
    app.add_directive("govtrack-vocabulary", VocabularyDirective)
    app.add_directive("govtrack-rules", RulesDirective)
    app.add_directive("govtrack-columns", ColumnsDirective)
    app.add_directive("govtrack-formats", FormatsDirective)
    app.add_directive("govtrack-reader-codes", ReaderCodesDirective)
    app.add_directive("govtrack-cli", CommandLineDirective)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
