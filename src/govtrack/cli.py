"""The ``govtrack`` command.

Exit codes: 0 no error, 1 errors found (``validate``), 2 the input cannot be
read or the command is misused. Errors print one line on stderr, never a
traceback. Reading a workbook of more than 50,000 rows shows its progress on
stderr when stderr is a terminal (and nothing otherwise).

A command that writes a file the user names (``convert``, ``template``,
``validate --annotate``, ``reminders --output``) refuses to replace an existing
file unless ``--force`` is given (exit 2, nothing read or written). Only
``convert`` may replace its own input, and only with ``--force``.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import re
import shlex
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any, TextIO

from govtrack._errors import ArgumentError, FormatError, GovtrackError, UnsupportedFormatError
from govtrack._text import one_line
from govtrack.api import combine, dump, load
from govtrack.changes import diff
from govtrack.io import FORMATS, module_of, reader_codes
from govtrack.io._files import atomic_write
from govtrack.model.location import Location
from govtrack.model.records import Action, Document, Evaluation, Issue
from govtrack.model.rules import owed_by, resolves_itself, summarize
from govtrack.model.status import Severity, Status
from govtrack.model.tabular import contexts
from govtrack.reminders import due_words, reminders, to_ics, to_markdown, to_text
from govtrack.validate import RULES, check_codes, validate

__all__ = ["main"]

EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_UNREADABLE = 2
EXIT_BROKEN_PIPE = 141
"""Standard output was closed early (`govtrack validate x.xlsx | head`): 128 + SIGPIPE."""

LONG_READ_ROWS = 50_000
"""A workbook with more rows than this shows reading progress on a terminal."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:
        self.print_usage(sys.stderr)
        self.exit(EXIT_UNREADABLE, f"govtrack: {message}\n")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def _days(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of days, got {text!r}") from None
    if not 0 <= days <= 3660:
        raise argparse.ArgumentTypeError(f"expected 0 to 3660 days, got {days}")
    return days


def _codes(text: str) -> list[str]:
    return [code.strip() for code in text.split(",") if code.strip()]


def _add_reading(parser: argparse.ArgumentParser) -> None:
    """``--dayfirst`` / ``--monthfirst``: how to read an all-numeric day such as 03/04/2024;
    ``--encoding``, how to decode a text file; ``--skip-hidden``, whether to read a
    workbook's hidden sheets (every command that reads files has them all)."""
    parser.add_argument(
        "--encoding",
        metavar="CODEC",
        help="decode text files with this codec, such as cp1252 for one saved as 'ANSI' "
        "(default: UTF-8, or UTF-16 with a byte-order mark; workbooks say their own)",
    )
    parser.add_argument(
        "--skip-hidden",
        action="store_true",
        help="leave a workbook's hidden sheets out (an old round kept out of sight); each "
        "is reported (GT202). By default a hidden sheet with a header row is read",
    )
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--dayfirst",
        dest="dayfirst",
        action="store_const",
        const=True,
        help="read 03/04/2024 as 3 April (workbooks and text; not JSON)",
    )
    group.add_argument(
        "--monthfirst",
        dest="dayfirst",
        action="store_const",
        const=False,
        help="read 03/04/2024 as March 4 (default: report it, never guess)",
    )


_FILES_HELP = (
    "the files to read, or folders (their files govtrack reads, in name order, not their "
    "subfolders); several are read with the same options and counted as one portfolio"
)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="govtrack",
        description="Read, check and summarise governance follow-up records.",
    )
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = commands.add_parser("validate", help="list what is wrong with a file")
    check.add_argument("file", nargs="+", metavar="FILE", help=_FILES_HELP)
    check.add_argument("--on", type=_date, help="judge overdue on this date (default: today)")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument(
        "--select",
        type=_codes,
        action="append",
        default=None,
        help="codes or prefixes to keep (comma-separated; may be repeated)",
    )
    check.add_argument(
        "--ignore",
        type=_codes,
        action="append",
        default=None,
        help="codes or prefixes to drop (comma-separated; may be repeated)",
    )
    check.add_argument(
        "--annotate",
        metavar="OUT.xlsx",
        help="write a copy of the file with each problem cell highlighted and commented",
    )
    check.add_argument(
        "--force",
        action="store_true",
        help="replace the --annotate file if it exists (refused otherwise; never the file "
        "being checked)",
    )
    check.add_argument(
        "--quiet",
        "-q",
        action="store_true",
        help="print only the line that counts the problems (text format; with several "
        "files, then a line for each file that has some), no progress; the exit status still "
        "says whether one is an error",
    )
    _add_reading(check)

    summary = commands.add_parser("summary", help="count actions by status on a date")
    summary.add_argument("file", nargs="+", metavar="FILE", help=_FILES_HELP)
    summary.add_argument("--on", type=_date, help="judge statuses on this date (default: today)")
    summary.add_argument("--format", choices=("text", "json"), default="text")
    summary.add_argument(
        "--by",
        choices=("responsible", "recommendation", "scope", "evaluation"),
        help="also break the counts down by this",
    )
    _add_reading(summary)

    changes = commands.add_parser("diff", help="what changed between two reporting rounds")
    changes.add_argument("old")
    changes.add_argument("new")
    changes.add_argument("--format", choices=("text", "json"), default="text")
    changes.add_argument(
        "--notes",
        action="store_true",
        help="also report comments changed and progress updates added (kinds commented, "
        "updated), which most open actions gain every round",
    )
    _add_reading(changes)

    remind = commands.add_parser("reminders", help="overdue and due-soon actions per party")
    remind.add_argument("file", nargs="+", metavar="FILE", help=_FILES_HELP)
    remind.add_argument("--on", type=_date, help="judge on this date (default: today)")
    remind.add_argument(
        "--within", type=_days, default=30, help="days ahead that count as soon (0 to 3660)"
    )
    remind.add_argument(
        "--format",
        choices=("text", "markdown", "md", "ics"),
        default="text",
        help="text, markdown (or md, as convert's .md suffix) or ics (default: text)",
    )
    remind.add_argument("--output", "-o", help="write to this file instead of standard output")
    remind.add_argument(
        "--force",
        action="store_true",
        help="replace the --output file if it exists (refused otherwise; never the file read)",
    )
    remind.add_argument(
        "--quiet",
        "-q",
        action="store_true",
        help="print nothing but the reminders unless the command fails: no unread status "
        "words, no summary of reading problems, no 'wrote' line, no progress",
    )
    _add_reading(remind)

    convert = commands.add_parser(
        "convert",
        help="convert between formats (by suffix)",
        description="Read INPUT and write OUTPUT in the format its suffix (or --to) names. "
        "An existing OUTPUT is replaced only with --force. The document's reading problems "
        "(what govtrack could not interpret, as 'govtrack validate' lists them) are "
        "summarised on standard error when one is a warning or an error; the exit status "
        "stays 0.",
    )
    convert.add_argument("input", metavar="INPUT")
    convert.add_argument("output", metavar="OUTPUT")
    convert.add_argument(
        "--on",
        type=_date,
        help="the date statuses are judged on, in a .md report or a matrix (default: today)",
    )
    convert.add_argument(
        "--to",
        choices=("json", "report", "matrix", "gate"),
        help="the output's format when its suffix does not say (.json, .md and .xlsx do): "
        "a text matrix (Markdown tables of action plans) or a tracking-system export",
    )
    convert.add_argument(
        "--layout",
        choices=("workbook", "matrix"),
        help="an .xlsx output's layout: govtrack's lossless workbook (the default) or a "
        "management-response matrix for people",
    )
    convert.add_argument(
        "--force",
        action="store_true",
        help="replace OUTPUT if it exists (refused otherwise), even when OUTPUT is INPUT "
        "itself: the source file is then replaced by the converted copy",
    )
    convert.add_argument(
        "--lossy",
        action="store_true",
        help="with --to matrix or gate, or --layout matrix: write even what the output "
        "cannot hold (it is refused otherwise, naming what would be lost)",
    )
    convert.add_argument(
        "--quiet",
        "-q",
        action="store_true",
        help="print nothing unless the command fails: no 'wrote' line, no summary of "
        "reading problems, no progress",
    )
    _add_reading(convert)

    commands.add_parser("codes", help="list every problem code with its severity and meaning")

    template = commands.add_parser("template", help="write a blank matrix for partners")
    template.add_argument("output", metavar="OUTPUT")
    template.add_argument(
        "--force", action="store_true", help="replace OUTPUT if it exists (refused otherwise)"
    )
    return parser


class _Progress:
    """Reading progress as one line on a terminal, rewritten in place, for long reads only."""

    def __init__(self, stream: TextIO, name: str) -> None:
        self.stream = stream
        self.name = name
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        if total <= LONG_READ_ROWS:
            return
        percent = 100 * done // total if total else 100
        self.stream.write(
            f"\rgovtrack: reading {self.name}: {done:,} of {total:,} rows ({percent}%)"
        )
        self.shown = True
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()


def _progress(path: str, stream: TextIO) -> Callable[[int, int], None] | None:
    """A progress callback for reading ``path``, or None: only a terminal is shown progress."""
    isatty = getattr(stream, "isatty", None)
    if isatty is None or not isatty():
        return None
    return _Progress(stream, str(Path(path)))


def _load(
    path: str,
    dayfirst: bool | None = None,
    *,
    quiet: bool = False,
    encoding: str | None = None,
    skip_hidden: bool = False,
) -> Document:
    """Read a file; a long workbook shows its progress on stderr when that is a terminal.

    The reader's advice is given in the command line's words: ``--encoding cp1252`` for
    ``encoding="cp1252"``.
    """
    options: dict[str, Any] = {} if dayfirst is None else {"dayfirst": dayfirst}
    if encoding is not None:
        options["encoding"] = encoding
    if skip_hidden:
        if Path(path).suffix.lower() not in {".xlsx", ".xlsm"}:
            raise GovtrackError(f"{path}: --skip-hidden applies to workbooks (.xlsx) only")
        options["hidden_sheets"] = "skip"
    if not quiet and Path(path).suffix.lower() in {".xlsx", ".xlsm"}:
        progress = _progress(path, sys.stderr)
        if progress is not None:
            options["progress"] = progress
    try:
        return load(path, **options)
    except UnsupportedFormatError as error:
        if "dayfirst=" in str(error):
            flag = "--dayfirst" if dayfirst else "--monthfirst"
            raise GovtrackError(
                f"{path}: {flag} applies to workbooks and text files, not this one ({error})"
            ) from None
        if str(error).startswith("encoding= does not apply"):
            raise GovtrackError(
                f"{path}: --encoding applies to text files only; an Excel workbook says its "
                "own encoding"
            ) from None
        raise
    except ArgumentError as error:
        if encoding is None or not str(error).startswith(f"encoding={encoding!r} "):
            raise
        raise ArgumentError(
            str(error).replace(f"encoding={encoding!r}", f"--encoding {shlex.quote(encoding)}", 1)
        ) from None
    except FormatError as error:
        message = str(error)
        if 'pass encoding="' not in message:
            raise
        raise FormatError(
            re.sub(r'pass encoding="([^"]+)"', r"pass --encoding \1", message)
        ) from None


def _where(location: Location | None, *, cite: bool) -> str:
    """Where a problem or an action is: ``'MR matrix'!I9``, ``line 37``; with ``cite``
    (a list that spans several files) the file first, ``a.xlsx: 'MR matrix'!I9``."""
    if location is None:
        return ""
    return location.cite() if cite else str(location)


def _spans_files(doc: Document) -> bool:
    """Whether the document's problems and actions come from more than one file (a
    portfolio): its locations are then printed with their file."""
    places = [problem.location for problem in doc.problems]
    places.extend(action.origin for action in doc.actions)
    return len({place.file for place in places if place is not None and place.file}) > 1


def _issue_line(issue: Issue, *, cite: bool) -> str:
    """``str(issue)``, or with ``cite`` the same with the file before the place."""
    location = issue.location
    if not cite or location is None or not str(location):
        return str(issue)
    header = f" ({location.header})" if location.header else ""
    return f"{location.cite()}{header}: {issue.code} {issue.message}"


_READABLE = frozenset(suffix for fmt in FORMATS.values() for suffix in fmt.suffixes)
"""The suffixes of the files a folder given on the command line is read for."""


def _inputs(given: Sequence[str]) -> list[str]:
    """The files to read: each file as given, and each folder's files govtrack reads (by
    suffix), in name order, not its subfolders nor its hidden files (``.name``). What else
    a folder holds is told on stderr as skipped; it does not change the exit status (a
    file named on the command line is read, and refused if it cannot be)."""
    files: list[str] = []
    for name in given:
        folder = Path(name)
        if not folder.is_dir():
            files.append(name)
            continue
        found = 0
        for entry in sorted(folder.iterdir(), key=lambda path: path.name):
            if entry.name.startswith("."):
                continue
            if entry.is_dir():
                why = "a folder: folders inside a folder are not read"
            elif entry.name.startswith("~$"):
                why = "an Office lock file: the workbook is open"
            elif entry.suffix.lower() not in _READABLE:
                why = "not a format govtrack reads"
            else:
                files.append(str(entry))
                found += 1
                continue
            print(f"govtrack: skipped: {entry} ({why})", file=sys.stderr)
        if not found:
            raise GovtrackError(f"{name}: the folder holds no file govtrack reads")
    seen: dict[Path, str] = {}
    for file in files:
        with contextlib.suppress(OSError):  # a missing file is refused when it is read
            key = Path(file).resolve()
            if key in seen:
                raise GovtrackError(
                    f"{file} is given twice (also as {seen[key]}): its actions would be "
                    "counted twice"
                )
            seen[key] = file
    return files


def _takes_dayfirst(files: Sequence[str]) -> bool:
    """Whether one of the files takes --dayfirst (a JSON document's days were settled, or
    not, upstream): the hint is given only then."""
    return any(Path(file).suffix.lower() != ".json" for file in files)


def _load_all(
    files: Sequence[str],
    dayfirst: bool | None = None,
    *,
    quiet: bool = False,
    encoding: str | None = None,
    skip_hidden: bool = False,
) -> Document:
    """Read the files with the same options and combine them (:func:`govtrack.combine`).

    One file is read as :func:`_load` reads it. Of several, each is read with the options
    that apply to it: ``--dayfirst`` to all but JSON documents, ``--skip-hidden`` to
    workbooks, ``--encoding`` to text files; an option that applies to none is refused as
    for one file.
    """
    if len(files) == 1:
        return _load(files[0], dayfirst, quiet=quiet, encoding=encoding, skip_hidden=skip_hidden)
    workbooks = [Path(file).suffix.lower() in {".xlsx", ".xlsm"} for file in files]
    if skip_hidden and not any(workbooks):
        raise GovtrackError("--skip-hidden applies to workbooks (.xlsx) only, and none is given")
    if encoding is not None and all(workbooks):
        raise GovtrackError(
            "--encoding applies to text files only; an Excel workbook says its own encoding"
        )
    documents = []
    took_dayfirst = dayfirst is None
    for file, workbook in zip(files, workbooks, strict=True):
        options: dict[str, Any] = {
            "quiet": quiet,
            "encoding": None if workbook else encoding,
            "skip_hidden": skip_hidden and workbook,
        }
        try:
            documents.append(_load(file, dayfirst, **options))
            took_dayfirst = True
        except GovtrackError as error:
            if dayfirst is None or "applies to workbooks and text files" not in str(error):
                raise
            documents.append(_load(file, None, **options))  # a JSON document: it settled its days
    if not took_dayfirst:
        flag = "--dayfirst" if dayfirst else "--monthfirst"
        raise GovtrackError(
            f"{flag} applies to workbooks and text files, and all these files are JSON documents"
        )
    return combine(documents)


def _issue_data(issue: Issue, *, cite: bool = False) -> dict[str, Any]:
    location = issue.location
    return {
        "code": issue.code,
        "severity": issue.severity.value,
        "message": issue.message,
        "location": _where(location, cite=cite),
        "header": location.header if location is not None else "",
    }


def _by_file(issues: Sequence[Issue]) -> dict[str, list[Issue]]:
    """The issues by the file of their place, in the order first met (those with no file
    last, under ``(no file)``)."""
    found: dict[str, list[Issue]] = {}
    for issue in issues:
        location = issue.location
        found.setdefault(location.file if location is not None else "", []).append(issue)
    if "" in found:
        found["(no file)"] = found.pop("")
    return found


def _tally(issues: Sequence[Issue], ignored: int) -> str:
    """The first line's count: ``2 errors, 1 warning`` or ``no problems found``, followed
    by ``(3 ignored)`` when ``--ignore`` dropped some, so a clean result is not mistaken
    for a clean file."""
    said = _counts(issues) or "no problems found"
    return f"{said} ({ignored} ignored)" if ignored else said


def _print_issues(
    issues: list[Issue],
    source: str,
    out: TextIO,
    ignored: int = 0,
    *,
    cite: bool = False,
    hint: bool = True,
) -> None:
    """The issues by code, then each one; ``cite``: with their files; ``hint``: the
    --dayfirst hint may be given (an input takes the option)."""
    print(f"{source}: {_tally(issues, ignored)}", file=out)
    if not issues:
        return
    _print_codes(issues, out, cite=cite)
    print(file=out)
    print("All problems:", file=out)
    for issue in issues:
        print(f"{issue.severity.value:7} {_issue_line(issue, cite=cite)}", file=out)
    if hint and _ambiguous_days(issues):
        print(f"\n{DAYFIRST_HINT}", file=out)


DAYFIRST_HINT = "hint: --dayfirst reads 03/04/2024 as 3 April, --monthfirst as March 4"


def _ambiguous_days(issues: Sequence[Issue]) -> bool:
    """Whether an all-numeric day was left unread (GT208 in a workbook, GT326 in a matrix,
    or any problem that asks for ``dayfirst=``: GT349 in minutes, GT104 in a gate export)."""
    return any(
        issue.code in {"GT208", "GT326"} or "pass dayfirst=" in issue.message for issue in issues
    )


def _counts(issues: Sequence[Issue]) -> str:
    """The issues counted by severity, most severe first: ``3 errors, 1 warning``."""
    counts = Counter(issue.severity for issue in issues)
    return ", ".join(
        f"{counts[s]} {s.value}{'s' if counts[s] != 1 else ''}" for s in Severity if counts[s]
    )


def _print_codes(issues: Sequence[Issue], out: TextIO, *, cite: bool = False) -> None:
    """Each code once: severity, count, meaning, and up to two examples with their place."""
    by_code: dict[str, list[Issue]] = {}
    for issue in issues:
        by_code.setdefault(issue.code, []).append(issue)
    summaries = {rule.code: rule.summary for rule in RULES}
    if any(not code.startswith("GT1") for code in by_code):  # the readers' codes too
        summaries.update((code, _plain(found.meaning)) for code, found in reader_codes().items())
        excel = module_of("excel")
        if excel is not None:  # the workbook reader's codes have short summaries of their own
            summaries.update((code, summary) for code, (_, summary) in excel.CODES.items())
    for code, group in sorted(by_code.items()):
        name = summaries.get(code, "reading problem")
        print(f"  {code} {group[0].severity.value:7} x{len(group):<4} {name}", file=out)
        for example in group[:2]:
            where = _where(example.location, cite=cite)
            print(f"      e.g. {where + ': ' if where else ''}{example.message}", file=out)


def _report_reading(
    doc: Document,
    source: str,
    err: TextIO,
    *,
    said: Sequence[Issue] = (),
    command: str | None = None,
    hint: bool | None = None,
) -> None:
    """Summarise the document's reading problems (``doc.problems``), as ``validate`` groups them.

    Infos alone (a skipped navigation menu, an unknown column kept in ``extra``) lose
    nothing and are not reported; a warning or an error brings the whole summary. A JSON
    document (or govtrack's own workbook) carries the problems of the reading that made it.
    ``said`` are the problems a line above told of already (the status words not read,
    GT101): the summary leaves them out, and says so. ``command``: the files as the
    ``govtrack validate`` advice names them (``source`` quoted when None); ``hint``: whether
    the --dayfirst hint may be given (when None: ``source`` is not a JSON file).
    """
    told = {id(problem) for problem in said}
    problems = [problem for problem in doc.problems if id(problem) not in told]
    if all(problem.severity is Severity.INFO for problem in problems):
        return
    besides = " besides the status words above" if told else ""
    print(f"govtrack: reading problems in {source}: {_counts(problems)}{besides}", file=err)
    _print_codes(problems, err, cite=_spans_files(doc))
    named = shlex.quote(source) if command is None else command
    print(
        f"govtrack: 'govtrack validate {named}' lists each one with its place; "
        "--quiet hides this summary",
        file=err,
    )
    if hint is None:
        hint = Path(source).suffix.lower() != ".json"
    if _ambiguous_days(problems) and hint:
        print(DAYFIRST_HINT, file=err)  # a JSON document's days were settled, or not, upstream


def _plain(meaning: str) -> str:
    """A documented meaning without its reStructuredText marks, cut at its first clause."""
    text = meaning.replace("``", "")
    return text.split(" (")[0].split(": ")[0] if len(text) > 60 else text


def _validate(args: argparse.Namespace, doc: Document, out: TextIO) -> int:
    on = args.on or dt.date.today()  # noqa: DTZ011 - the command line's default is the local today
    select = None if args.select is None else [code for group in args.select for code in group]
    ignore = [code for group in args.ignore or () for code in group]
    # Checked once the file is read, as validate() checks them: a document's own codes
    # (an application's ORG001 in its JSON) are known codes too. A typo is refused (exit 2)
    # before anything is written or printed.
    own = [problem.code for problem in doc.problems]
    check_codes("--select", select or (), own)
    check_codes("--ignore", ignore, own)
    if args.annotate:  # before any output: a JSON document has nothing to mark
        from govtrack.annotate import refuse_json  # noqa: PLC0415 - only this option needs it

        refuse_json(
            args.file,
            [
                *(root.origin for root in doc.evaluations),
                *(root.origin for root in doc.meetings),
                *(root.origin for root in doc.reports),
                *(root.origin for root in doc.plans),
                *(action.origin for action in doc.actions),
                *(problem.location for problem in doc.problems),
            ],
        )
    issues = validate(doc, on=on, select=select, ignore=ignore)
    # What --ignore dropped, counted as validate() counts (selected first, then ignored).
    ignored = len(validate(doc, on=on, select=select)) - len(issues) if ignore else 0
    if args.annotate:
        from govtrack.annotate import annotate  # noqa: PLC0415 - only this option needs openpyxl

        annotate(args.file, issues, args.annotate)
    cite = _spans_files(doc)
    if args.format == "json":
        data: dict[str, Any] = {"file": args.file, "on": on.isoformat()}
        if len(args.files) > 1:
            data["files"] = args.files
        data["issues"] = [_issue_data(i, cite=cite) for i in issues]
        json.dump(data, out, ensure_ascii=False, indent=2)
        print(file=out)
    elif args.quiet:
        print(f"{args.file}: {_tally(issues, ignored)}", file=out)
        if cite:  # several files: which of them holds the problems counted
            for file, found in _by_file(issues).items():
                print(f"  {file}: {_counts(found)}", file=out)
    else:
        _print_issues(issues, args.file, out, ignored, cite=cite, hint=_takes_dayfirst(args.files))
        if args.annotate:
            print(f"\nwrote {args.annotate}", file=out)
    return EXIT_ERRORS if any(i.severity is Severity.ERROR for i in issues) else EXIT_OK


def _action_line(action: Action, *, cite: bool = False) -> str:
    """An overdue action on one line; with ``cite`` (several files), where it was read
    (``a/matrix.xlsx: Matrix!E2``), so that two files' alike actions are told apart."""
    words = due_words(action)
    due = f" (due {words})" if words else ""
    ref = f"{action.ref} " if action.ref else ""
    origin = action.origin
    place = f" [{origin.cite()}]" if cite and origin is not None and str(origin) else ""
    return f"{ref}{one_line(action.text, 70)}{due}{place}"


def _action_data(action: Action, *, cite: bool = False) -> dict[str, str]:
    """An overdue action in ``summary --format json``: its ref, whole text, deadline as
    written and its last day, and where it was read (``'MR matrix'!E12``, ``line 37``)."""
    return {
        "ref": action.ref,
        "text": action.text,
        "due": action.due.text if action.due is not None else action.due_text,
        "due_end": action.due.end.isoformat() if action.due is not None else "",
        "where": _where(action.origin, cite=cite),
    }


def _summary(args: argparse.Namespace, doc: Document, out: TextIO) -> int:
    on = args.on or dt.date.today()  # noqa: DTZ011 - the command line's default is the local today
    result = summarize(doc, on=on)
    cite = _spans_files(doc)
    if args.format == "json":
        data: dict[str, Any] = {"file": args.file}
        if len(args.files) > 1:
            data["files"] = args.files
        data |= {
            "on": on.isoformat(),
            "total": result.total,
            "by_status": {status.value: count for status, count in result.by_status.items()},
            "unknown": result.unknown,
            "resolving": result.resolving,
            "implementation_rate": result.implementation_rate,
            "overdue": {
                party: [_action_data(action, cite=cite) for action in actions]
                for party, actions in result.overdue.items()
            },
            "status_not_read": _unread_status_data(doc, on),
        }
        if args.by:
            data["by"] = {"key": args.by, "groups": _breakdown(doc, args.by, on)}
        # Each fact once: the status words not read (GT101) are told in status_not_read.
        told = {id(problem) for problem in _unread_status_problems(doc, on)}
        data["reading_problems"] = {
            severity.value: sum(
                problem.severity is severity and id(problem) not in told for problem in doc.problems
            )
            for severity in Severity
        }
        data["sheets_not_read"] = _sheets_not_read_data(doc, several=cite or len(args.files) > 1)
        data["repeats"] = [_issue_data(issue, cite=cite) for issue in _repeats(doc, on)]
        json.dump(data, out, ensure_ascii=False, indent=2)
        print(file=out)
        return EXIT_OK
    rate = "n/a" if result.implementation_rate is None else f"{result.implementation_rate:.0%}"
    print(f"{args.file} on {on}: {result.total} actions, implementation rate {rate}", file=out)
    width = max(len(status.label) for status in Status)
    for status, count in result.by_status.items():
        print(f"  {status.label:<{width}}  {count}", file=out)
    if result.unknown:
        print(f"  {'Unknown':<{width}}  {result.unknown}", file=out)
    if result.resolving:
        print(f"  {'Resolving by itself':<{width}}  {result.resolving}", file=out)
    for line in _unread_status_lines(args.named, doc, on):
        print(f"  {line}", file=out)
    for line in _repeat_lines(args.named, _repeats(doc, on), cite=cite):
        print(f"  {line}", file=out)
    _print_reading(args.named, doc, out, said=_unread_status_problems(doc, on), cite=cite)
    if args.by:
        _print_breakdown(_breakdown(doc, args.by, on), args.by, out)
    if result.overdue:
        print("\nOverdue, by responsible party:", file=out)
        for party, actions in result.overdue.items():
            print(f"  {party} ({len(actions)})", file=out)
            for action in actions:
                print(f"    - {_action_line(action, cite=cite)}", file=out)
    return EXIT_OK


_NOT_READ = {
    "GT201": "no header row govtrack recognises",
    "GT202": "hidden, and no header row govtrack recognises",
    "GT223": "holds only counts, not actions",
}
"""Why the Excel reader left a sheet out of the document, by the code it reported."""


def _sheets_read(doc: Document) -> set[tuple[str, str]]:
    """The sheets a document's evaluations, plans and reports were read from, each with
    its file: two files' ``Matrix`` sheets are two sheets."""
    origins = [item.origin for item in doc.evaluations]
    origins += [item.origin for item in doc.plans]
    origins += [item.origin for item in doc.reports]
    return {(origin.file, origin.sheet) for origin in origins if origin is not None}


def _sheets_not_read(doc: Document) -> list[dict[str, str]]:
    """The sheets the reader left out, in order, each with its ``file``, and why: no header
    row it recognises (GT201), or hidden with none (GT202; a hidden sheet with one is
    read), or only counts under its header (GT223). A sheet is known by its file and its
    name, so two files' unread ``Matrix`` sheets are two entries, each with its reason."""
    read = _sheets_read(doc)
    skipped: dict[tuple[str, str], dict[str, str]] = {}
    for problem in doc.problems:
        location = problem.location
        if problem.code not in _NOT_READ or location is None:
            continue
        place = (location.file, location.sheet)
        if place in read:
            continue
        reason = _NOT_READ[problem.code]
        if problem.code == "GT202" and _SKIPPED_HIDDEN in problem.message:
            reason = "hidden, left out by --skip-hidden (hidden_sheets='skip')"
        skipped.setdefault(
            place,
            {
                "file": location.file,
                "sheet": location.sheet,
                "code": problem.code,
                "reason": reason,
            },
        )
    return list(skipped.values())


def _sheets_not_read_data(doc: Document, *, several: bool) -> list[dict[str, str]]:
    """``sheets_not_read`` in ``summary --format json``: each sheet's ``sheet``, ``code`` and
    ``reason``, and with ``several`` (files read, or a document that spans several) its
    ``file`` first, so that two files' sheets of one name stay apart."""
    return [
        sheet if several else {key: value for key, value in sheet.items() if key != "file"}
        for sheet in _sheets_not_read(doc)
    ]


def _sheet_name(sheet: str, file: str, *, cite: bool) -> str:
    """A sheet as a summary's line names it: ``'Matrix'``; with ``cite`` (several files) and
    a file, ``'Matrix' in a.xlsx``."""
    return f"{sheet!r} in {file}" if cite and file else repr(sheet)


_SKIPPED_HIDDEN = "not read (hidden_sheets='skip')"
"""What the Excel reader's GT202 says of a hidden sheet ``hidden_sheets='skip'`` left out."""


def _hidden_sheets_read(doc: Document) -> list[tuple[str, str]]:
    """The hidden sheets the reader read (GT202), each as its file and its name: their
    actions are in the totals."""
    read = _sheets_read(doc)
    return list(
        dict.fromkeys(
            (problem.location.file, problem.location.sheet)
            for problem in doc.problems
            if problem.code == "GT202"
            and problem.location is not None
            and (problem.location.file, problem.location.sheet) in read
        )
    )


def _unread_status_problems(doc: Document, on: dt.date) -> list[Issue]:
    """The reading problems (GT101) of the status words :func:`_unread_status_lines` counts,
    each matched to its action by its place: the summary says each of them once."""
    return [problem for problem, _ in _unread_status_pairs(doc, on)]


def _unread_status_pairs(doc: Document, on: dt.date) -> list[tuple[Issue, Action]]:
    """Each reading problem (GT101) of a status word :func:`_unread_status_lines` counts,
    with its action, matched by place (two actions at one place take one problem each)."""
    places: dict[Location | None, list[Action]] = {}
    for actions in _unread_statuses(doc, on).values():
        for action in actions:
            place = action.origin.field("status", "Status") if action.origin is not None else None
            places.setdefault(place, []).append(action)
    return [
        (problem, places[problem.location].pop(0))
        for problem in doc.problems
        if problem.code == "GT101" and places.get(problem.location)
    ]


def _print_reading(
    file: str, doc: Document, out: TextIO, *, said: Sequence[Issue] = (), cite: bool = False
) -> None:
    """Under a summary's totals: what reading left out or doubted, so the totals are not
    taken for the whole file (a sheet whose header was not recognised is not in them).

    ``said`` are the problems a line above told of already (the status words not read,
    GT101): the count leaves them out, and says so. With ``cite`` (several files) each
    sheet is named with its file (``'Matrix' in a.xlsx``)."""
    told = {id(problem) for problem in said}
    others = [problem for problem in doc.problems if id(problem) not in told]
    counts = [
        (severity, sum(problem.severity is severity for problem in others))
        for severity in (Severity.ERROR, Severity.WARNING)
    ]
    said_here = ", ".join(
        f"{count} {severity.value}{'s' if count != 1 else ''}"
        for severity, count in counts
        if count
    )
    if said_here and told:
        said_here += " besides the status words above"
    skipped = _sheets_not_read(doc)
    for code, kind in (("GT201", "sheet"), ("GT202", "hidden sheet")):
        names = [
            _sheet_name(sheet["sheet"], sheet["file"], cite=cite)
            for sheet in skipped
            if sheet["code"] == code and "--skip-hidden" not in sheet["reason"]
        ]
        if names:
            sheets = kind if len(names) == 1 else f"{kind}s"
            print(
                f"  Not counted: {sheets} {', '.join(names)}, with no header row govtrack "
                f"recognises ({code})",
                file=out,
            )
    names = [
        _sheet_name(sheet["sheet"], sheet["file"], cite=cite)
        for sheet in skipped
        if "--skip-hidden" in sheet["reason"]
    ]
    if names:
        sheets = "hidden sheet" if len(names) == 1 else "hidden sheets"
        print(
            f"  Not counted: {sheets} {', '.join(names)}, left out by --skip-hidden (GT202)",
            file=out,
        )
    hidden = [_sheet_name(name, where, cite=cite) for where, name in _hidden_sheets_read(doc)]
    if hidden:
        sheets, them = ("hidden sheet", "it") if len(hidden) == 1 else ("hidden sheets", "them")
        print(
            f"  Counted: {sheets} {', '.join(hidden)} (GT202); --skip-hidden leaves {them} out",
            file=out,
        )
    names = [
        _sheet_name(sheet["sheet"], sheet["file"], cite=cite)
        for sheet in skipped
        if sheet["code"] == "GT223"
    ]
    if names:
        sheets, verb = ("sheet", "holds") if len(names) == 1 else ("sheets", "hold")
        print(
            f"  Not counted: {sheets} {', '.join(names)}, which {verb} only counts, not actions "
            "(GT223)",
            file=out,
        )
    if said_here:
        print(f"  Reading problems: {said_here}; 'govtrack validate {file}' lists them", file=out)


_SHOWN_WORDS = 3
"""How many unread status words a line quotes before ``…``."""


def _unread_statuses(doc: Document, on: dt.date) -> dict[str, list[Action]]:
    """The overdue actions, and those of unknown status, whose status word govtrack could
    not read (GT101)."""
    counted: dict[str, list[Action]] = {"overdue": [], "unknown": []}
    for action in doc.actions:
        if action.status is not None or not action.status_text.strip():
            continue
        status = action.effective_status(on=on)
        if status is Status.OVERDUE:
            counted["overdue"].append(action)
        elif status is None:
            counted["unknown"].append(action)
    return counted


def _unread_status_data(doc: Document, on: dt.date) -> dict[str, Any]:
    """``status_not_read`` in ``summary --format json``: how many overdue actions and
    actions of unknown status have a status word govtrack could not read, and the words."""
    counted = _unread_statuses(doc, on)
    words = [action.status_text.strip() for actions in counted.values() for action in actions]
    return {
        "overdue": len(counted["overdue"]),
        "unknown": len(counted["unknown"]),
        "words": list(dict.fromkeys(words)),
    }


_REPEATS = ("GT108", "GT113")
"""The rules whose problems make a count or a list repeat an item: a ref used twice in
one list, the same action in two files."""


def _repeats(doc: Document, on: dt.date) -> list[Issue]:
    """The problems of :data:`_REPEATS`: ``summary`` and ``reminders`` tell of them (a unit
    would be reminded twice of an action written twice), which only ``validate`` did."""
    return validate(doc, on=on, select=list(_REPEATS))


def _repeat_lines(file: str, repeats: Sequence[Issue], *, cite: bool) -> list[str]:
    """A sentence, then each problem (up to :data:`_SHOWN_REPEATS`), with its place."""
    if not repeats:
        return []
    counts = Counter(issue.code for issue in repeats)
    parts = []
    if counts["GT108"]:
        parts.append(f"{_plural(counts['GT108'], 'ref')} used twice in one list (GT108)")
    if counts["GT113"]:
        parts.append(f"{_plural(counts['GT113'], 'action')} also in another file (GT113)")
    sentence = (
        f"the records hold {' and '.join(parts)}: a count or a list may hold such an item "
        f"twice ('govtrack validate {file}' gives every problem)"
    )
    lines = [sentence]
    lines.extend(f"  {_issue_line(issue, cite=cite)}" for issue in repeats[:_SHOWN_REPEATS])
    if len(repeats) > _SHOWN_REPEATS:
        lines.append(f"  … and {len(repeats) - _SHOWN_REPEATS} more")
    return lines


_SHOWN_REPEATS = 5


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' if count != 1 else ''}"


def _unread_status_lines(
    file: str, doc: Document, on: dt.date, *, listed: bool = False
) -> list[str]:
    """A line for the overdue actions, and one for those of unknown status, whose status
    word govtrack could not read (GT101): an overdue count that holds completed actions
    written in words govtrack does not know is not taken at its word. ``listed``: the
    overdue actions are those listed (by ``reminders``)."""
    counted = _unread_statuses(doc, on)
    lines = []
    for kind, actions in counted.items():
        if not actions:
            continue
        words = list(dict.fromkeys(action.status_text.strip() for action in actions))
        shown = ", ".join(repr(word) for word in words[:_SHOWN_WORDS])
        more = ", …" if len(words) > _SHOWN_WORDS else ""
        verb = "has" if len(actions) == 1 else "have"
        whose = "actions of unknown status"
        if kind == "overdue":
            whose = "overdue actions listed" if listed else "overdue actions"
        lines.append(
            f"{len(actions)} of the {whose} {verb} a status govtrack could not read "
            f"({shown}{more}): 'govtrack validate {file}' lists them (GT101)"
        )
    return lines


def _evaluation_label(evaluation: Evaluation, *, cite: bool) -> str:
    """An evaluation's group in ``--by evaluation``: its title; with ``cite`` (several
    files), an evaluation titled by its sheet's name (a matrix with no title above it) is
    ``a.xlsx: Matrix``, so that two files' untitled ``Matrix`` sheets are not one group. Two
    files' evaluations of one title read from the sheets are one group, as GT113 has it."""
    origin = evaluation.origin
    if cite and origin is not None and origin.file and evaluation.title == origin.sheet:
        return f"{origin.file}: {evaluation.title}"
    return evaluation.title


def _evaluation_groups(doc: Document) -> dict[str, list[Action]]:
    """The key actions by evaluation (:func:`_evaluation_label`), then the other actions
    under ``(none)``."""
    cite = _spans_files(doc)
    groups: dict[str, list[Action]] = {}
    for evaluation in doc.evaluations:
        label = _evaluation_label(evaluation, cite=cite)
        for rec in evaluation.recommendations:
            if rec.actions:
                groups.setdefault(label, []).extend(rec.actions)
    others = [action for action, context in contexts(doc) if context["kind"] != "key action"]
    if others:
        groups.setdefault("(none)", []).extend(others)
    return groups


def _groups(doc: Document, by: str) -> dict[str, list[Action]]:
    if by == "evaluation":
        return _evaluation_groups(doc)
    groups: dict[str, list[Action]] = {}
    for action, context in contexts(doc):
        if by == "responsible":
            # A rule that resolves by itself is owed by nobody: no party, not (unassigned).
            keys = [] if resolves_itself(action) else list(owed_by(action))
        elif by == "scope":
            keys = [action.scope or "(no scope)"]
        else:
            ref = context.get("recommendation_ref")
            text = str(context.get("recommendation") or "")
            label = f"{ref} {text}" if ref else text
            keys = [label if context["kind"] == "key action" else "(none)"]
        for key in keys:
            groups.setdefault(key, []).append(action)
    return groups


def _breakdown(doc: Document, by: str, on: dt.date) -> list[dict[str, Any]]:
    rows = []
    for key, actions in sorted(_groups(doc, by).items()):
        result = summarize(actions, on=on)
        rows.append(
            {
                by: key,
                "total": result.total,
                "completed": result.by_status[Status.COMPLETED],
                "overdue": result.by_status[Status.OVERDUE],
                "implementation_rate": result.implementation_rate,
            }
        )
    return rows


def _print_breakdown(rows: list[dict[str, Any]], by: str, out: TextIO) -> None:
    rows = [{**row, by: one_line(str(row[by]), 60)} for row in rows]
    width = max([len(by), *(len(str(row[by])) for row in rows)])
    print(f"\nBy {by}:", file=out)
    print(f"  {by:<{width}}  total  completed  overdue  rate", file=out)
    for row in rows:
        rate = row["implementation_rate"]
        shown = "n/a" if rate is None else f"{rate:.0%}"
        print(
            f"  {row[by]:<{width}}  {row['total']:>5}  {row['completed']:>9}  "
            f"{row['overdue']:>7}  {shown:>4}",
            file=out,
        )


_NOT_COMPARED = (
    "in actions, activities, indicators, answers, recommendations and responses, titles, periods, "
    "meetings' dates and venues (not compared: the places' other details, such as a meeting's "
    "participants and agenda, nor their extra columns, nor a response's tags)."
)
"""What ``diff`` says after "No changes": what it compared, and what it did not."""


def _diff(args: argparse.Namespace, out: TextIO) -> int:
    old = _load(args.old, args.dayfirst, encoding=args.encoding, skip_hidden=args.skip_hidden)
    new = _load(args.new, args.dayfirst, encoding=args.encoding, skip_hidden=args.skip_hidden)
    changes = diff(old, new, notes=args.notes)
    if args.format == "json":
        data = [
            {
                "kind": change.kind.value,
                "ref": next(
                    (
                        a.ref
                        for a in (change.new, change.old)
                        if a is not None and hasattr(a, "ref")
                    ),
                    "",
                ),
                "recommendation": change.recommendation,
                "message": change.message,
                "old": str(change.old.origin) if change.old and change.old.origin else "",
                "new": str(change.new.origin) if change.new and change.new.origin else "",
            }
            for change in changes
        ]
        json.dump(data, out, ensure_ascii=False, indent=2)
        print(file=out)
        return EXIT_OK
    if not changes:
        print(f"No changes from {args.old} to {args.new} {_NOT_COMPARED}", file=out)
    counts = Counter(change.kind.value for change in changes)
    if changes:
        print(", ".join(f"{n} {kind}" for kind, n in sorted(counts.items())), file=out)
    for change in changes:
        print(f"  {change.kind.value:13} {change.message}", file=out)
    return EXIT_OK


def _reminders(args: argparse.Namespace, doc: Document, out: TextIO) -> int:
    on = args.on or dt.date.today()  # noqa: DTZ011 - the command line's default is the local today
    items = reminders(doc, on=on, within=args.within)
    if not args.quiet:
        # Said once: a sentence names the unread status words of the actions listed, and
        # the table of reading problems below leaves their GT101 out.
        for line in _unread_status_lines(args.named, doc, on, listed=True):
            print(f"govtrack: {line}", file=sys.stderr)
        for line in _repeat_lines(args.named, _repeats(doc, on), cite=_spans_files(doc)):
            print(f"govtrack: {line}" if not line.startswith(" ") else line, file=sys.stderr)
        _report_reading(
            doc,
            args.file,
            sys.stderr,
            said=_unread_status_problems(doc, on),
            command=args.named if len(args.files) > 1 else None,
            hint=_takes_dayfirst(args.files),
        )
    if args.format == "ics":
        data = to_ics(items, on=on)
        if args.output:
            atomic_write(args.output, lambda stream: _write_all(stream, data))
            if not args.quiet:
                print(f"wrote {args.output}", file=out)
        else:
            out.write(data.decode("utf-8"))
        return EXIT_OK
    markdown = args.format in {"markdown", "md"}
    text = to_markdown(items, on=on) if markdown else to_text(items, on=on)
    if args.output:
        encoded = text.encode("utf-8")
        atomic_write(args.output, lambda stream: _write_all(stream, encoded))
        if not args.quiet:
            print(f"wrote {args.output}", file=out)
    else:
        out.write(text)
    return EXIT_OK


def _write_all(stream: IO[bytes], data: bytes) -> None:
    stream.write(data)


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Run the command line; returns the exit code.

    >>> main(["summary", "no-such-file.json"])
    2
    """
    stream = sys.stdout if out is None else out
    try:
        args = _parser().parse_args(argv)
    except SystemExit as stop:  # --help, or a usage error already printed
        return stop.code if isinstance(stop.code, int) else EXIT_UNREADABLE
    try:
        return _run(args, stream)
    except GovtrackError as error:
        print(f"govtrack: {error}", file=sys.stderr)
        return EXIT_UNREADABLE
    except KeyboardInterrupt:
        print("govtrack: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `govtrack validate x.xlsx | head`: the reader has what it wanted
        with contextlib.suppress(OSError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())  # so that Python's exit flush stays quiet
        return EXIT_BROKEN_PIPE
    except Exception as error:  # noqa: BLE001 - the last resort: one line, never a traceback
        detail = str(error).splitlines()[0] if str(error) else ""
        print(
            f"govtrack: internal error ({type(error).__name__}: {detail}); "
            "please report it with the file that caused it",
            file=sys.stderr,
        )
        return EXIT_UNREADABLE


def _run(args: argparse.Namespace, stream: TextIO) -> int:
    """Carry out a parsed command; GovtrackErrors propagate to ``main``."""
    if args.command == "template":
        if Path(args.output).suffix.lower() != ".xlsx":
            raise GovtrackError(
                f"a template is an Excel workbook: name it .xlsx, not {args.output}"
            )
        excel = module_of("excel-write")
        if excel is None:
            raise GovtrackError("this version of govtrack cannot write Excel templates")
        _check_output(args.output, force=args.force)
        excel.write_template(args.output)
        print(f"wrote {args.output}", file=stream)
        return EXIT_OK
    if args.command == "diff":
        return _diff(args, stream)
    if args.command in {"validate", "summary", "reminders"}:
        given = list(args.file)
        args.files = _inputs(given)
        several = len(args.files) > 1
        args.file = f"{len(args.files)} files" if several else args.files[0]
        args.named = shlex.join(given) if several else args.files[0]
    annotated = getattr(args, "annotate", None)
    if annotated and len(args.files) > 1:
        raise GovtrackError(
            f"--annotate marks the problems of one workbook: give one file, not {len(args.files)}"
        )
    if annotated and Path(annotated).suffix.lower() != ".xlsx":
        raise GovtrackError(
            f"the annotated copy is an Excel workbook: name it .xlsx, not {annotated}"
        )
    if annotated:
        if _same_file(args.files[0], annotated):
            raise GovtrackError(
                f"{annotated} is the file being checked: the annotated copy must go to another file"
            )
        _check_output(annotated, force=args.force)
    if args.command == "reminders" and args.output:
        if any(_same_file(file, args.output) for file in args.files):
            raise GovtrackError(
                f"{args.output} is the file the reminders are read from: write them to another file"
            )
        _check_output(args.output, force=args.force)
    if args.command == "codes":
        return _list_codes(stream)
    if args.command != "convert":
        quiet = args.command in {"validate", "reminders"} and args.quiet
        doc = _load_all(
            args.files,
            args.dayfirst,
            quiet=quiet,
            encoding=args.encoding,
            skip_hidden=args.skip_hidden,
        )
        if args.command == "validate":
            done = _validate(args, doc, stream)
        elif args.command == "summary":
            done = _summary(args, doc, stream)
        else:
            done = _reminders(args, doc, stream)
        return done
    return _convert(args, stream)


def _convert(args: argparse.Namespace, stream: TextIO) -> int:
    """``convert``: options and the output checked before reading; reading problems on stderr."""
    options = _convert_options(args)
    if _same_file(args.input, args.output) and not args.force:
        raise GovtrackError(
            f"{args.output} is the file being converted: pass --force to replace it with the "
            "converted copy, or write to another file"
        )
    _check_output(args.output, force=args.force)
    doc = _load(
        args.input,
        args.dayfirst,
        quiet=args.quiet,
        encoding=args.encoding,
        skip_hidden=args.skip_hidden,
    )
    dump(doc, args.output, overwrite_source=args.force, **options)
    if not args.quiet:
        print(f"wrote {args.output}", file=stream)
        _report_reading(doc, args.input, sys.stderr)
    return EXIT_OK


def _same_file(first: str, second: str) -> bool:
    """Whether two paths name one file (a link, another spelling); False if one is missing."""
    try:
        return Path(first).samefile(second)
    except OSError:
        return False


def _check_output(target: str, *, force: bool) -> None:
    """Refuse to replace an existing file unless ``--force`` was given: a usage error (exit 2)."""
    path = Path(target)
    if path.is_dir():
        raise GovtrackError(f"{target} is a folder: name the file to write")
    if os.path.lexists(path) and not force:
        raise GovtrackError(f"{target} exists; choose another name, or pass --force to replace it")


def _convert_options(args: argparse.Namespace) -> dict[str, Any]:
    """The writer's options for ``convert``; an option the output cannot use is refused."""
    suffix = Path(args.output).suffix.lower()
    workbook = suffix in {".xlsx", ".xlsm"}
    options: dict[str, Any] = {}
    if args.to is None and not workbook and suffix not in {".json", ".md"}:
        raise GovtrackError(
            f"cannot tell what to write from {Path(args.output).name!r}: name it .xlsx, "
            ".json or .md, or pass --to (json, report, matrix or gate)"
        )
    if args.to is not None:
        if workbook:
            raise GovtrackError(
                f"--to names a text format, and {args.output} is a workbook: use --layout"
            )
        options["format"] = args.to
    if args.layout is not None:
        if not workbook:
            raise GovtrackError(f"--layout applies to an .xlsx output, not {args.output}")
        options["layout"] = args.layout
    if args.on is not None:
        if workbook and args.layout != "matrix":
            raise GovtrackError(
                "--on dates the matrix layout's 'As of' cell: add --layout matrix (govtrack's "
                "own workbook records no date)"
            )
        if not workbook and (args.to or {".md": "report"}.get(suffix)) != "report":
            output = f"--to {args.to}" if args.to else args.output
            raise GovtrackError(f"--on applies to a .md report or an .xlsx matrix, not {output}")
        options["on"] = args.on
    if args.lossy:
        if args.to not in {"matrix", "gate"} and args.layout != "matrix":
            raise GovtrackError(
                "--lossy applies to --to matrix, --to gate or --layout matrix (the other "
                "outputs hold everything or, for a report, are a summary)"
            )
        options["lossy"] = True
    return options


def _list_codes(out: TextIO) -> int:
    """Every problem code: the rules' and the readers', with severity and meaning."""
    for rule in sorted(RULES, key=lambda rule: rule.code):
        print(f"{rule.code}  {rule.severity.value:7}  {'validate':15}  {rule.summary}", file=out)
    for code, found in reader_codes().items():
        meaning = found.meaning.replace("``", "")
        print(f"{code}  {found.severity:7}  {found.format:15}  {meaning}", file=out)
    return EXIT_OK
