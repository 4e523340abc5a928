r"""Action matrices as text: a table flattened with pipes, or a Markdown table ("matrix").

Two shapes are read:

- **Pipe-flattened** (a table copied out of a document): every cell ends at a
  line that ends with ``|`` or at a lone ``|``, so a cell may span several lines.
  The header row comes first; the action column is often unnamed (a lone ``|``)::

      |
      Responsible |
      Deadline |
      Status |
      Comments |
      KAZ:
      Publish the guidance note |
      Country Representative |
      2016/12
      |
      Completed
      |
      Published in March.
      Shared with partners. |

- **Markdown** tables, with a ``|---|`` separator line; ``<br>`` in a cell is a
  line break, ``\|`` a pipe and ``\\`` a backslash::

      | Action | Responsible | Deadline | Status | Comments |
      |---|---|---|---|---|
      | TKM: Draft the plan | Programme Unit | 2023/06 | Ongoing | First draft<br>shared |

Headers are matched through :func:`govtrack.io.columns.merge_aliases` (a caller may
pass ``aliases=``); an unnamed column is the action column; a column govtrack has
no name for goes to ``Action.extra`` by its header (empty cells are left out).
A country prefix (``KAZ:``, ``UZ:``: two to four capitals and a colon, not a note
word or a function such as ``NB:``, ``HR:`` or ``ICT:``) at the start of the action
becomes ``Action.scope`` and leaves the text, unless the table has a Scope column;
the first of a table is reported (GT329). The Excel reader shares the rule
(:func:`govtrack.io._refs.split_scope`). A ``# heading`` above a
Markdown table is the plan's title; each table is one :class:`~govtrack.ActionPlan`.
Cells keep their line breaks; nothing else is changed.

A row with no ref of its own (no ref column, or an empty ref cell) whose action
text starts with a ref and one space (``1.2. Train staff``, ``a) Draft terms``)
takes the ref, as written, into ``Action.ref`` and the rest as its text, after a
``KAZ:`` scope, by the Excel reader's rules (:mod:`govtrack.io.excel`, "Refs inside
action texts"): list markers as they come, a bare dotted number (``1.1``) only when
no quantity word follows it and it comes next in an outline after the last ref
read. The first such row of a table is reported (GT327). A ref whose punctuation
is escaped (``1\.1 Map…``, as :func:`dumps` writes a ref-less text) is text.

Problems the reader reports (``doc.problems``):

=====  ========  ====================================================================
code   severity  meaning
=====  ========  ====================================================================
GT320  warning   a row with more or fewer cells than the header (missing cells are
                 empty; surplus cells go to ``extra`` as ``Column N``)
GT321  warning   the text ends inside a row or a cell (cut short?): what is there is read
GT322  warning   a column given twice: the one naming it less exactly (its hint
                 stripped, a bare ``Date``), else the second, goes to ``extra``;
                 two naming it only without their hints both do
GT323  info      no column is named as the action: the first column is used
GT324  info      text outside the tables (kept in the plan's ``extra["Notes"]``)
GT325  warning   a row whose action cell is empty
GT326  error     a deadline that reads as two different days (``03/04/2024``): kept
                 as text; pass ``dayfirst=`` to choose
GT327  info      action refs read from the start of the action texts (once per table)
GT329  info      action scopes read from the start of the action texts (once per table)
=====  ========  ====================================================================
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence

import attrs

from govtrack._errors import AmbiguousDateError, DueParseError, FormatError, WriteError
from govtrack.io._files import (
    normalise_newlines,
    one_line,
    refuse_lossy,
    refuse_what_is_left_out,
)
from govtrack.io._refs import LEADING_REF, split_leading_ref, split_scope
from govtrack.io.columns import (
    GENERIC_HEADERS,
    HEADERS,
    header_key,
    header_match,
    merge_aliases,
    normalise_header,
    strip_hint,
)
from govtrack.io.gate import render_updates, split_updates
from govtrack.model.dates import Due, dayfirst_argument, parse_due
from govtrack.model.location import Location
from govtrack.model.records import Action, ActionPlan, Document, Issue
from govtrack.model.status import Severity, Status
from govtrack.validate import with_reading_problems

__all__ = ["dumps", "loads", "sniff"]

_BR = re.compile(r"<br[ \t]*/?>", re.IGNORECASE)
_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_HANDLED = frozenset(
    {"ref", "action", "responsible", "deadline", "status", "comments", "updates", "scope", "group"}
)
_MAX_HEADER_CHARS = 60
_MAX_TRAILING_UNKNOWN = 10


@attrs.frozen
class _Cell:
    line: int  # 1-based line where the cell starts
    text: str


@attrs.define
class _Context:
    source: str
    dayfirst: bool | None = None
    problems: list[Issue] = attrs.field(factory=list)

    def report(self, code: str, message: str, line: int, severity: Severity) -> None:
        self.problems.append(
            Issue(
                code=code,
                message=message,
                location=Location(file=self.source, line=line),
                severity=severity,
            )
        )


# ---------------------------------------------------------------------------
# Markdown tables


def _is_separator(line: str) -> bool:
    stripped = line.strip()
    return "-" in stripped and "|" in stripped and set(stripped) <= set("|:- \t")


def _split_row(line: str, escapes: list[tuple[int, ...]] | None = None) -> list[str]:
    """A Markdown row's cells: pipes split unless escaped; ``<br>`` is a line break.

    When ``escapes`` is given, it receives for each cell where in the cell's text an
    escaped character stands (``\\.`` gives a ``.`` that is no list marker's).
    """
    cells: list[str] = []
    current: list[str] = []
    escaped: list[int] = []
    text = line.strip()
    text = text.removeprefix("|")
    index = 0
    ended_with_pipe = False
    while index < len(text):
        char = text[index]
        ended_with_pipe = False
        if char == "\\" and index + 1 < len(text) and text[index + 1] in _PUNCTUATION:
            escaped.append(len(current))
            current.append(text[index + 1])
            index += 2
            continue
        if char == "|":
            _end_cell(cells, current, escaped, escapes)
            current = []
            escaped = []
            ended_with_pipe = True
            index += 1
            continue
        if char == "<" and (match := _BR.match(text, index)):
            current.append("\n")
            index = match.end()
            continue
        current.append(char)
        index += 1
    if current or not ended_with_pipe:
        _end_cell(cells, current, escaped, escapes)
    return cells


def _end_cell(
    cells: list[str],
    chars: list[str],
    escaped: list[int],
    escapes: list[tuple[int, ...]] | None,
) -> None:
    """Add a cell, trimmed of spaces and tabs, and where its escaped characters stand."""
    raw = "".join(chars)
    cell = raw.lstrip(" \t")
    if escapes is not None:
        shift = len(raw) - len(cell)
        escapes.append(tuple(position - shift for position in escaped))
    cells.append(cell.rstrip(" \t"))


def _markdown_row(lines: Sequence[str], index: int) -> tuple[int, list[str], list[tuple[int, ...]]]:
    """The row at ``lines[index]``: its line number, its cells and their escapes."""
    escapes: list[tuple[int, ...]] = []
    return index + 1, _split_row(lines[index], escapes), escapes


def _markdown_tables(lines: Sequence[str]) -> list[tuple[int, int]]:
    """(header index, end index) of every Markdown table."""
    tables = []
    index = 0
    while index + 1 < len(lines):
        line = lines[index]
        if line.lstrip().startswith("|") and _is_separator(lines[index + 1]):
            end = index + 2
            while end < len(lines) and lines[end].lstrip().startswith("|"):
                end += 1
            tables.append((index, end))
            index = end
        else:
            index += 1
    return tables


# ---------------------------------------------------------------------------
# Pipe-flattened tables


def _flattened_cells(lines: Sequence[str]) -> tuple[list[_Cell], _Cell | None]:
    """The cells, and an unfinished last cell (text after the last pipe), if any."""
    cells: list[_Cell] = []
    buffer: list[str] = []
    start: int | None = None
    for index, line in enumerate(lines):
        stripped = line.rstrip()
        if start is None:
            if not stripped.strip():
                continue
            start = index
        if stripped.endswith("|"):
            buffer.append(stripped[:-1])
            cells.append(_Cell(start + 1, "\n".join(buffer).strip()))
            buffer = []
            start = None
        else:
            buffer.append(line)
    unfinished = _Cell(start + 1, "\n".join(buffer).strip()) if start is not None else None
    return cells, unfinished


def _flattened_header(cells: Sequence[_Cell], lookup: Mapping[str, str]) -> int:
    """How many leading cells form the header row (0 when there is none)."""
    run = 0
    while run < len(cells):
        text = cells[run].text
        if "\n" in text or len(text) > _MAX_HEADER_CHARS or (not text and run > 0):
            break
        run += 1
    keys = [header_key(cells[i].text, lookup) or "" for i in range(run)]
    known = [i for i, key in enumerate(keys) if key]
    if len(known) < 2:
        return 0
    # Unknown columns after the last known one: the width whose first data row
    # reads best (a deadline under Deadline, a status under Status) wins.
    best, best_score = known[-1] + 1, -1
    for width in range(known[-1] + 1, min(run, known[-1] + _MAX_TRAILING_UNKNOWN) + 1):
        row = [cell.text for cell in cells[width : 2 * width]]
        score = 0
        for column, key in enumerate(keys[:width]):
            if column < len(row) and key == "deadline":
                score += _is_due(row[column])
            elif column < len(row) and key == "status":
                score += Status.parse(row[column]) is not None
        if score > best_score:
            best, best_score = width, score
    return best


def _is_due(text: str) -> bool:
    try:
        parse_due(text)
    except DueParseError:
        return False
    return True


# ---------------------------------------------------------------------------
# Rows to actions


@attrs.frozen
class _Column:
    key: str  # a handled key, or "" for a column kept in extra
    header: str


def _columns(
    headers: Sequence[str], lookup: Mapping[str, str], context: _Context, line: int
) -> list[_Column]:
    """The table's columns: of the headers naming one field, the one naming it as written
    beats one naming it only without its hint, either beats a bare ``Date``, and among equals
    the first is read (as the Excel reader's :func:`~govtrack.io.excel._score`)."""
    matches = [header_match(header, lookup) if header else (None, False) for header in headers]
    ranks = [
        (normalise_header(strip_hint(header)) in GENERIC_HEADERS, hinted) if key else (False, False)
        for header, (key, hinted) in zip(headers, matches, strict=True)
    ]
    best: dict[str, tuple[tuple[bool, bool], int]] = {}
    tied: dict[str, int] = {}
    for number, (key, _) in enumerate(matches):
        if key is None or key not in _HANDLED:
            continue
        rank = ranks[number]
        if key not in best or rank < best[key][0]:
            best[key], tied[key] = (rank, number), 1
        elif rank == best[key][0]:
            tied[key] += 1
    columns: list[_Column] = []
    seen: set[str] = set()
    for number, header in enumerate(headers):
        key = matches[number][0] or ""
        if key not in _HANDLED:
            key = ""
        if key and tied[key] > 1 and best[key][0][1]:
            context.report(
                "GT322",
                f"column {header!r} and another name the {HEADERS[key]!r} column only "
                "without what follows in parentheses, which tells them apart; neither is "
                "read as it, each is kept in extra",
                line,
                Severity.WARNING,
            )
            key = ""
        elif key and best[key][1] != number:
            message = f"column {header!r} repeats the {HEADERS[key]!r} column"
            if ranks[number] != best[key][0]:
                chosen = headers[best[key][1]]
                message = (
                    f"column {header!r} could name the {HEADERS[key]!r} column, but "
                    f"{chosen!r} names it more exactly"
                )
            context.report("GT322", f"{message}; it is kept in extra", line, Severity.WARNING)
            key = ""
        seen.add(key)
        columns.append(_Column(key, header or ("" if key else f"Column {number + 1}")))
    if "action" not in seen:
        unnamed = next((i for i, c in enumerate(columns) if not headers[i]), None)
        if unnamed is None:
            context.report(
                "GT323",
                "no column is named as the action; the first column is used",
                line,
                Severity.INFO,
            )
            unnamed = 0
        columns[unnamed] = _Column("action", columns[unnamed].header)
    return columns


@attrs.define
class _Refs:
    """What one table has read of its action refs, for :func:`_leading_ref`."""

    last: str = ""  # the last action ref read (its column or its text)
    noted: bool = False  # GT327 given for this table
    scoped: bool = False  # GT329 given for this table


_Row = tuple[int, list[str], Sequence[tuple[int, ...]]]
"""A row: its line, its cells, and where each cell has escaped characters."""


def _leading_ref(
    text: str, escaped: Iterable[int], refs: _Refs, line: int, context: _Context
) -> tuple[str, str]:
    """The ref and the text of an action with no ref of its own, as the Excel reader reads
    them (:func:`govtrack.io._refs.split_leading_ref`); ``("", text)`` when the text starts
    with no ref, or with one whose punctuation is escaped (``1\\.1``, as :func:`dumps`
    writes a ref-less action's text)."""
    split = split_leading_ref(text, last_ref=refs.last)
    if split is None:
        return "", text
    ref, rest = split
    if any(position < len(ref) for position in escaped):
        return "", text
    if not refs.noted:
        refs.noted = True
        context.report(
            "GT327",
            f"the action text starts with the ref {ref!r}: it is read as the action's ref and "
            "the rest as its text, here and in the rows below with no ref of their own (the "
            "ref, a space and the text give the cell back)",
            line,
            Severity.INFO,
        )
    refs.last = ref
    return ref, rest


def _action(
    columns: Sequence[_Column],
    cells: Sequence[str],
    line: int,
    context: _Context,
    *,
    refs: _Refs,
    escapes: Sequence[tuple[int, ...]],
) -> Action:
    values: dict[str, str] = {}
    extra: dict[str, str] = {}
    for column, cell in zip(columns, cells, strict=False):
        if column.key:
            values[column.key] = cell
        elif cell:
            extra[column.header] = cell
    for number in range(len(columns), len(cells)):
        if cells[number]:
            extra[f"Column {number + 1}"] = cells[number]

    def escapes_of(key: str) -> tuple[int, ...]:
        index = next((i for i, column in enumerate(columns) if column.key == key), None)
        return escapes[index] if index is not None and index < len(escapes) else ()

    text = values.get("action", "")
    scope = values.get("scope", "")
    cut = 0  # how much of the action's cell a scope took
    if "scope" not in values and ":" in text:
        scope, rest = split_scope(text)
        if scope:
            cut, text = len(text) - len(rest), rest
            if not refs.scoped:
                refs.scoped = True
                context.report(
                    "GT329",
                    f"the action text starts with {scope!r} and a colon: it is read as the "
                    "action's scope and the rest as its text, here and in the rows below "
                    "(add a Scope column to keep the texts whole)",
                    line,
                    Severity.INFO,
                )
    ref = values.get("ref", "")
    if ref:
        refs.last = ref
    elif text:
        index = next(i for i, column in enumerate(columns) if column.key == "action")
        escaped = escapes[index] if index < len(escapes) else ()
        ref, text = _leading_ref(text, (p - cut for p in escaped if p >= cut), refs, line, context)
    if not text.strip():
        context.report("GT325", "a row without an action text", line, Severity.WARNING)
    due: Due | None = None
    due_text = ""
    deadline = values.get("deadline", "")
    if deadline:
        try:
            due = parse_due(deadline, dayfirst=context.dayfirst)
        except AmbiguousDateError as error:
            due_text = deadline
            context.report("GT326", f"{error}; kept as text", line, Severity.ERROR)
        except DueParseError:
            due_text = deadline
    status_text = values.get("status", "")
    updates_note, updates = split_updates(values.get("updates", ""))
    if updates_note:
        extra[next(c.header for c in columns if c.key == "updates")] = updates_note
    return Action(
        text=text,
        ref=ref,
        responsible=_parties(values.get("responsible", ""), escapes_of("responsible")),
        due=due,
        due_text=due_text,
        status=Status.parse(status_text),
        status_text=status_text,
        comments=values.get("comments", ""),
        updates=updates,
        scope=scope,
        group=values.get("group", ""),
        extra=extra,
        origin=Location(file=context.source, line=line),
    )


def _parties(text: str, escaped: Iterable[int] = ()) -> tuple[str, ...]:
    r"""The responsible parties in a cell: one or more a line; in a line, split at ``,``
    and ``;``, but not inside brackets nor at an escaped character
    (``Ministry of Finance\, Planning``).

    >>> _parties("UNICEF, UNFPA and UN Women\nHR (North, South); Audit")
    ('UNICEF', 'UNFPA and UN Women', 'HR (North, South)', 'Audit')
    >>> _parties("HR (North\nSouth)")
    ('HR (North', 'South)')
    >>> _parties("Ministry of Finance, Planning Division", escaped=[19])
    ('Ministry of Finance, Planning Division',)
    """
    literal = frozenset(escaped)
    parties: list[str] = []
    start = 0
    depth = 0
    for index, char in enumerate(text):
        if index in literal:
            continue
        if char == "\n":
            depth = 0
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        if char == "\n" or (char in ",;" and depth == 0):
            parties.append(text[start:index])
            start = index + 1
    parties.append(text[start:])
    return tuple(part.strip() for part in parties if part.strip())


_PARTY_MARKS = re.compile(r"[,;()\[\]]")
"""What :func:`_parties` reads as a separator or a bracket, escaped in a written party."""


def _rows_to_actions(
    columns: Sequence[_Column], rows: Iterable[_Row], context: _Context
) -> tuple[Action, ...]:
    actions = []
    refs = _Refs()
    for line, cells, escapes in rows:
        if not any(cells):
            continue
        if len(cells) != len(columns):
            context.report(
                "GT320",
                f"the row has {len(cells)} cells, the header {len(columns)}",
                line,
                Severity.WARNING,
            )
        padded = list(cells) + [""] * (len(columns) - len(cells))
        actions.append(_action(columns, padded, line, context, refs=refs, escapes=escapes))
    return tuple(actions)


# ---------------------------------------------------------------------------
# The public functions


def sniff(text: str) -> float:
    """How surely ``text`` is an action matrix: 0 (surely not) to 1.

    Args:
        text: Any text.

    Returns:
        0.9 for a Markdown table with a known column, 0.8 for a pipe-flattened
        table whose header row names two known columns, 0.4 for another Markdown
        table, 0 otherwise.

    >>> sniff("| Action | Status |\\n|---|---|\\n| Hire | Done |\\n")
    0.9
    >>> sniff("Recommendation: Train staff\\nKey Actions\\n")
    0.0
    """
    lines = normalise_newlines(text).split("\n")
    lookup = merge_aliases()
    tables = _markdown_tables(lines)
    if tables:
        headers = _split_row(lines[tables[0][0]])
        known = sum(header_key(h, lookup) is not None for h in headers if h)
        return 0.9 if known else 0.4
    cells, _ = _flattened_cells(lines[:400])
    return 0.8 if _flattened_header(cells, lookup) else 0.0


def loads(
    text: str,
    *,
    source: str = "",
    aliases: Mapping[str, Iterable[str]] | None = None,
    dayfirst: bool | None = None,
) -> Document:
    """Read action matrices from a pipe-flattened or Markdown table.

    Args:
        text: The text (a byte-order mark and CRLF line ends are fine).
        source: A file name to record in origins and problems.
        aliases: More header aliases by column key (``{"deadline": ["Target"]}``; a lone
            string is one name).
        dayfirst: How to read an all-numeric day such as ``03/04/2024``: True for
            3 April, False for 4 March, None (the default) to keep it as text and
            report GT326 rather than guess.

    Returns:
        A Document whose ``plans`` hold one ActionPlan per table, with what could
        not be interpreted in ``problems`` (codes GT320–GT329, see the module's table,
        then GT101 and GT104 for the words kept as text:
        :func:`~govtrack.validate.with_reading_problems`).

    Raises:
        FormatError: The text has no Markdown table and no pipe-flattened header row.

    >>> doc = loads('''| Action | Responsible | Deadline | Status |
    ... |---|---|---|---|
    ... | KAZ: Publish the note | Country Office, Gender Unit | 2016/12 | No Longer Applicable |
    ... ''')
    >>> action = doc.plans[0].actions[0]
    >>> action.scope, action.text, action.responsible, action.status.label
    ('KAZ', 'Publish the note', ('Country Office', 'Gender Unit'), 'No longer applicable')
    """
    lines = normalise_newlines(text).split("\n")
    lookup = merge_aliases(aliases)
    context = _Context(source=source, dayfirst=dayfirst_argument(dayfirst))
    tables = _markdown_tables(lines)
    if tables:
        plans = tuple(_markdown_plans(lines, tables, lookup, context))
    else:
        plans = (_flattened_plan(lines, lookup, context, source),)
    document = Document(plans=plans, problems=tuple(context.problems), source=source)
    return with_reading_problems(document)  # the words kept as text (GT101, GT104)


def _markdown_plans(
    lines: Sequence[str],
    tables: Sequence[tuple[int, int]],
    lookup: Mapping[str, str],
    context: _Context,
) -> Iterator[ActionPlan]:
    previous_end = 0
    for start, end in tables:
        title = ""
        notes: list[str] = []
        for index in range(previous_end, start):
            stripped = lines[index].strip()
            if stripped.startswith("#"):
                if title:
                    notes.append(title)
                title = stripped.lstrip("#").strip()
            elif stripped:
                notes.append(stripped)
        previous_end = end
        if notes:
            context.report(
                "GT324",
                "text outside the table is kept in the plan's extra['Notes']",
                start + 1,
                Severity.INFO,
            )
        columns = _columns(_split_row(lines[start]), lookup, context, start + 1)
        rows = (_markdown_row(lines, index) for index in range(start + 2, end))
        yield ActionPlan(
            title=title,
            actions=_rows_to_actions(columns, rows, context),
            extra={"Notes": "\n".join(notes)} if notes else {},
            origin=Location(file=context.source, line=start + 1),
        )
    trailing = [line.strip() for line in lines[previous_end:] if line.strip()]
    if trailing:
        context.report(
            "GT324",
            f"text after the last table is not read: {trailing[0]!r}",
            previous_end + 1,
            Severity.INFO,
        )


def _flattened_plan(
    lines: Sequence[str], lookup: Mapping[str, str], context: _Context, source: str
) -> ActionPlan:
    cells, unfinished = _flattened_cells(lines)
    width = _flattened_header(cells, lookup)
    if not width:
        where = f"{source} " if source else "the text "
        raise FormatError(
            f"{where}is not an action matrix: expected a Markdown table (a header row, then "
            "a |---| line) or a table flattened with pipes whose header row names columns "
            "such as 'Responsible |', 'Deadline |', 'Status |'"
        )
    columns = _columns([cell.text for cell in cells[:width]], lookup, context, cells[0].line)
    body = list(cells[width:])
    if unfinished is not None:
        context.report(
            "GT321",
            "the text ends inside a cell (no closing '|'); what is there is read",
            unfinished.line,
            Severity.WARNING,
        )
        body.append(unfinished)
    rows = []
    for offset in range(0, len(body), width):
        chunk = body[offset : offset + width]
        if len(chunk) < width:
            context.report(
                "GT321",
                f"the last row has {len(chunk)} of {width} cells (cut short?); "
                "the missing cells are empty",
                chunk[0].line,
                Severity.WARNING,
            )
            chunk_cells = [cell.text for cell in chunk] + [""] * (width - len(chunk))
        else:
            chunk_cells = [cell.text for cell in chunk]
        rows.append((chunk[0].line, chunk_cells, ()))
    return ActionPlan(
        actions=_rows_to_actions(columns, rows, context),
        origin=Location(file=source, line=cells[0].line),
    )


def _escape(text: str) -> str:
    r"""A cell's text: pipes, backslashes and ``<br>`` escaped, a line break written
    ``<br>``. A carriage return (``\r\n`` or a lone ``\r``) is a line break too: the
    reader ends a row at it, so written raw it would break the table apart.

    >>> _escape("a|b\r\nc\rd")
    'a\\|b<br>c<br>d'
    """
    escaped = text.replace("\\", "\\\\").replace("|", "\\|")
    escaped = _BR.sub(lambda match: "\\" + match.group(0), escaped)
    escaped = escaped.replace("\r\n", "\n").replace("\r", "\n")
    return escaped.replace("\n", "<br>")


def _escape_parties(parties: Sequence[str]) -> str:
    r"""The responsible cell: the parties separated by ``, ``; a party that the reader
    would split (``,`` or ``;`` outside brackets) or whose brackets do not pair has its
    separators and brackets escaped, so that it reads back whole. A line break in a
    party is written ``<br>``, which separates parties: it reads back as two.

    >>> _escape_parties(["Ministry of Finance, Planning Division", "UNDP (North, South)"])
    'Ministry of Finance\\, Planning Division, UNDP (North, South)'
    """
    return ", ".join(
        _PARTY_MARKS.sub(r"\\\g<0>", _escape(party))
        if _parties(party) != (party.strip(),) or not _paired(party)
        else _escape(party)
        for party in parties
    )


def _paired(text: str) -> bool:
    """Whether every bracket in ``text`` closes one opened before it, and all are closed."""
    depth = 0
    for char in text:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def dumps(document: Document, *, lossy: bool = False) -> str:
    r"""Write the document's action plans as Markdown tables, one per plan.

    Columns: ``Action #`` (when an action has a ref), ``Scope`` (when an action
    has a scope, or a text that would read as one), ``Action``, ``Responsible``,
    ``Deadline``, ``Status``, ``Comments``, ``Updates`` (when an action has dated
    updates), ``Group`` (when an action has one), then every ``extra`` key. A
    plan's title is a ``#`` heading above its table.

    The records read back equal (``attrs.evolve(doc, problems=read.problems) == read`` for
    ``read = loads(dumps(doc))``; the problems are the new reading's, a word kept as text
    reported again, GT101, GT104) for documents of plans whose texts the
    table can express: only plans, without plan ``extra``; titles single lines;
    cells (text, ref, scope, parties, …) not beginning or ending with a space or
    tab; a party without line breaks (a line break separates parties); ``status_text``
    the status word (``status == Status.parse(status_text)``); deadlines whose words
    read back to their dates by themselves (words that read only in their context,
    ``end of next month``, would come back as their dates: refused unless ``lossy=True``;
    a day read with ``dayfirst=`` is written ``2024-04-03``, the same day); updates dated
    and their texts holding nothing that reads as a dated update; ``extra`` keys
    that name no known column, with non-empty values. An action with no ref whose
    text starts like one (``1.1 Map…``) has the ref's first punctuation escaped
    (``1\.1 Map…``), as Markdown escapes a list marker, so it reads back whole.
    Parties are separated by ``, ``; a party that holds a ``,`` or ``;`` outside
    brackets, or brackets that do not pair, has them escaped (``Ministry of Finance\,
    Planning Division``), so it reads back whole.

    A document the tables cannot express is refused (:class:`~govtrack.WriteError`, naming
    the first differences by path: a plan's ``extra``, a party with a line break), since writing
    it would lose or change them in silence; ``lossy=True`` writes it anyway.

    Args:
        document: The document.
        lossy: Write even what does not read back as written.

    Returns:
        The Markdown text.

    >>> import govtrack as gt
    >>> doc = gt.Document(plans=(gt.ActionPlan(actions=(gt.Action(
    ...     text="Draft | review", scope="TKM", status_text="Done",
    ...     status=gt.Status.COMPLETED),)),))
    >>> print(dumps(doc))
    | Scope | Action | Responsible | Deadline | Status | Comments |
    |---|---|---|---|---|---|
    | TKM | Draft \| review |  |  | Done |  |
    <BLANKLINE>
    >>> loads(dumps(doc)) == doc
    True
    """
    refuse_what_is_left_out(document, "matrix", "plans")
    text = "\n".join(_render_plan(plan) for plan in document.plans)
    if not lossy:
        try:
            read_back = loads(text)
        except FormatError as error:  # a writer's fault, not the input's: say so
            raise WriteError(
                "the matrix writer could not read back what it wrote, so it refuses to "
                f"write it (please report this): {one_line(error)}"
            ) from error
        refuse_lossy(document, read_back, "matrix")
    return text


def _render_plan(plan: ActionPlan) -> str:
    actions = plan.actions
    keys = []
    if any(action.ref for action in actions):
        keys.append("ref")
    if any(action.scope or split_scope(action.text)[0] for action in actions):
        keys.append("scope")
    keys += ["action", "responsible", "deadline", "status", "comments"]
    if any(action.updates for action in actions):
        keys.append("updates")
    if any(action.group for action in actions):
        keys.append("group")
    extra_keys: list[str] = []
    for action in actions:
        extra_keys.extend(key for key in action.extra if key not in extra_keys)
    headers = ["Action" if key == "action" else HEADERS[key] for key in keys] + extra_keys
    out = [f"# {plan.title}", ""] if plan.title else []
    out.append("| " + " | ".join(_escape(header) for header in headers) + " |")
    out.append("|" + "---|" * len(headers))
    for action in actions:
        cells = [
            _escape_parties(action.responsible)
            if key == "responsible"
            else _escape(_render_cell(action, key))
            for key in keys
        ]
        cells += [_escape(action.extra.get(key, "")) for key in extra_keys]
        if not action.ref and (match := LEADING_REF.match(action.text)):
            # A ref-less text that starts like a ref (`1.1 Map…`) is meant whole: escape the
            # ref's first punctuation (`1\.1 Map…`, as Markdown escapes a list marker).
            at = next(i for i, char in enumerate(match["ref"]) if char in _PUNCTUATION)
            text = cells[keys.index("action")]
            cells[keys.index("action")] = f"{text[:at]}\\{text[at:]}"
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out) + "\n"


def _render_cell(action: Action, key: str) -> str:
    if key == "ref":
        return action.ref
    if key == "scope":
        return action.scope
    if key == "action":
        return action.text
    if key == "responsible":  # escaped by _escape_parties
        return ""
    if key == "deadline":
        return action.due.portable_text() if action.due is not None else action.due_text
    if key == "status":
        return action.status_text or (action.status.label if action.status else "")
    if key == "comments":
        return action.comments
    if key == "updates":
        return render_updates("", action.updates, separator="\n")
    return action.group
