"""The functional façade: ``load``, ``loads``, ``dump``, ``dumps``."""

from __future__ import annotations

import codecs
import inspect
import os
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from govtrack._errors import (
    ArgumentError,
    FormatError,
    UnsupportedFormatError,
    WriteError,
    WrongTypeError,
)
from govtrack.io import FORMATS, format_for_suffix, module_of
from govtrack.io import json as json_format
from govtrack.io._files import (
    atomic_write,
    decode_text,
    normalise_newlines,
    read_error,
    refuse_directory,
)
from govtrack.io.limits import (
    DEFAULT_LIMITS,
    Limits,
    check_lines,
    check_text,
)
from govtrack.io.report import is_report
from govtrack.model.dates import dayfirst_argument
from govtrack.model.records import Document

__all__ = ["combine", "dump", "dumps", "load", "loads"]


def _readers(names: list[str]) -> list[tuple[str, Any]]:
    found = []
    for name in names:
        module = module_of(name)
        if module is not None and hasattr(module, "loads"):
            found.append((name, module))
    return found


def loads(
    text: str | bytes | bytearray | memoryview,
    *,
    format: str | None = None,  # noqa: A002 - the contract's name
    source: str = "",
    limits: Limits = DEFAULT_LIMITS,
    encoding: str | None = None,
    **options: Any,
) -> Document:
    """Read a document from text.

    Args:
        text: The text (a byte-order mark and CRLF line ends are fine), or its bytes
            (a request's body, say): UTF-8, with or without a byte-order mark, or UTF-16
            with one.
        format: ``"gate"``, ``"minutes"``, ``"meeting-report"``, ``"progress-report"``,
            ``"matrix"`` or ``"json"``; None to sniff it.
        source: A file name to record in origins and messages.
        limits: Resource limits (:class:`govtrack.Limits`); the defaults are safe.
        encoding: For bytes not in UTF-8 (nor UTF-16 with a byte-order mark), the codec
            to decode them with, such as ``"cp1252"``; not for a str.
        **options: Passed to the format's reader.

    Returns:
        The Document, with what could not be interpreted in ``doc.problems``.

    Raises:
        FormatError: The text is not in the format (or, sniffing, in none of them:
            the message lists those tried), or bytes are not UTF-8 (the message says at
            which byte).
        UnsupportedFormatError: ``format`` names no format govtrack reads.
        ArgumentError: ``encoding`` is given with a str, or names no text codec, or
            ``dayfirst=`` is not True, False or None.
        TypeError: ``text`` is neither a str nor bytes, or ``encoding`` not a str.

    >>> import govtrack as gt
    >>> doc = gt.loads('{"schema_version": 1}', format="json")
    >>> doc == gt.Document()
    True
    >>> gt.loads(b'{"schema_version": 2}') == doc
    True
    """
    _check_encoding(encoding, "loads")
    _check_dayfirst(options)
    if isinstance(text, str):
        if encoding is not None:
            raise ArgumentError(
                "loads(encoding=...) applies to bytes; this text is a str, decoded already: "
                "leave encoding out, or pass the bytes"
            )
        text = normalise_newlines(text)
    elif isinstance(text, (bytes, bytearray, memoryview)):
        text = decode_text(bytes(text), source=source or "the text", encoding=encoding)
    else:
        raise WrongTypeError(f"loads reads a str or bytes, not {type(text).__name__}")
    if format is not None:
        if format not in FORMATS or not FORMATS[format].text:
            readable = ", ".join(name for name, _ in _readers(list(FORMATS)))
            raise UnsupportedFormatError(
                f"unknown text format {format!r}; expected one of {readable}"
            )
        module = module_of(format)
        if module is None or not hasattr(module, "loads"):
            raise UnsupportedFormatError(f"this version of govtrack cannot read {format!r}")
        return _read(format, module, text, source=source, limits=limits, options=options)
    names = [fmt.name for fmt in FORMATS.values() if fmt.text]
    return _sniff_and_read(text, names, source, limits, options)


def _check_dayfirst(options: dict[str, Any]) -> None:
    """Refuse a ``dayfirst=`` that is not True, False or None (ArgumentError) before
    anything is read, whatever the format: ``dayfirst="false"`` is truthy."""
    if "dayfirst" in options:
        dayfirst_argument(options["dayfirst"])


def _check_encoding(encoding: object, function: str) -> None:
    """Refuse an ``encoding=`` that is no text codec (ArgumentError) or not a str
    (TypeError), before anything is read."""
    if encoding is None:
        return
    if not isinstance(encoding, str):
        raise WrongTypeError(
            f"{function}(encoding=...) takes a codec name (a str), not {type(encoding).__name__}"
        )
    try:
        codec = codecs.lookup(encoding)
    except LookupError:
        codec = None
    # bytes.decode refuses a codec of bytes to bytes (base64, rot13) by this same mark
    if codec is None or not getattr(codec, "_is_text_encoding", True):
        raise ArgumentError(
            f"encoding={encoding!r} is not a text codec Python knows; expected a codec "
            "name such as 'cp1252', 'latin-1' or 'utf-16'"
        )


def _read(
    name: str, module: Any, text: str, *, source: str, limits: Limits, options: dict[str, Any]
) -> Document:
    """Read with one format's module; line-oriented formats get the line-length limit.

    Every reader but JSON's reports, in its own ``loads`` (as the Excel reader in its
    ``load``), the words it kept but could not interpret
    (:func:`~govtrack.validate.with_reading_problems`); a stored JSON document's problems
    are read as they were written.
    """
    if name != "json":
        check_lines(text, limits, source=source)
    _check_options(name, module.loads, options)
    document: Document = module.loads(text, source=source, **options)
    return document


def _check_options(name: str, reader: Any, options: dict[str, Any]) -> None:
    """Refuse, by name, an option the chosen reader does not take (rather than a TypeError)."""
    if not options:
        return
    parameters = inspect.signature(reader).parameters
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values()):
        return
    unknown = sorted(set(options) - set(parameters))
    if unknown:
        taken = sorted(
            p for p in parameters if p not in {"text", "path", "source", "document", "doc"}
        )
        raise UnsupportedFormatError(
            f"{', '.join(u + '=' for u in unknown)} does not apply to the {name} format"
            + (f" (it takes {', '.join(t + '=' for t in taken)})" if taken else "")
        )


_MATRIX_ONLY = {
    "lossy": "which holds everything, so there is nothing to allow it to lose",
    "on": "which records no date (on= dates the matrix layout's 'As of' cell)",
}
"""The Excel writer's options that only the matrix layout uses, and why the workbook has no
use for them."""


_NO_OP_WRITER_OPTIONS = {"lossy": False, "on": None}
"""Writer options at their "do nothing" value: given so, they are dropped before the check,
so generic code (``dump(..., lossy=args.lossy)``) works whatever the format or layout."""


def _effective(options: dict[str, Any]) -> dict[str, Any]:
    """The writer options without those at their "do nothing" value (``lossy=False``,
    ``on=None``): only an option that would change what is written can be refused."""
    return {
        name: value
        for name, value in options.items()
        if not (name in _NO_OP_WRITER_OPTIONS and value is _NO_OP_WRITER_OPTIONS[name])
    }


def _check_layout_options(options: dict[str, Any]) -> None:
    """Refuse, by name, an Excel option the chosen layout does not use, as
    :func:`_check_options` refuses an option a format does not use: ignored, it would
    surprise (``lossy=True`` given to a writer that never loses anything)."""
    if options.get("layout", "workbook") != "workbook":
        return
    for name, why in _MATRIX_ONLY.items():
        if name in options:
            raise UnsupportedFormatError(
                f"{name}= does not apply to the workbook layout, {why}; pass it with "
                'layout="matrix" only'
            )


_TABLE_SUFFIXES = {".csv": "comma", ".tsv": "tab"}
"""Separated-values files, which no reader takes: refusing one says what to do instead."""


def _sniff_and_read(
    text: str, names: list[str], source: str, limits: Limits, options: dict[str, Any]
) -> Document:
    if text.lstrip()[:1] not in {"{", "["}:
        check_lines(text, limits, source=source)  # before any sniffer sees a monster line
    if is_report(text):
        where = f"{source} is" if source else "the text is"
        raise FormatError(
            f"{where} a status report govtrack wrote for people, which it does not read back "
            "(its statuses are judged, its comments left out): read the .json or .xlsx it was "
            "made from, or pass format='matrix' to read its tables anyway"
        )
    candidates = _readers(names)
    scored = sorted(
        (
            (module.sniff(text), index, name, module)
            for index, (name, module) in enumerate(candidates)
        ),
        key=lambda item: (-item[0], item[1]),
    )
    tried = ", ".join(name for name, _ in candidates)
    for score, _, name, module in scored:
        if score <= 0:
            break
        return _read(name, module, text, source=source, limits=limits, options=options)
    where = f"{source} " if source else "the text "
    hint = ""
    separated = _TABLE_SUFFIXES.get(Path(source).suffix.lower()) if source else None
    if separated is not None:
        hint = (
            f"; govtrack does not read {separated}-separated files: open it in Excel and "
            "save it as .xlsx (Excel Workbook)"
        )
    raise FormatError(f"{where}is in none of the formats govtrack reads (tried {tried}){hint}")


def _path_argument(path: object, name: str) -> Path:
    """``path`` as a Path, or a WrongTypeError naming the argument (``Path(5)`` says only
    "expected str, bytes or os.PathLike object")."""
    if isinstance(path, (str, os.PathLike)):
        return Path(path)
    raise WrongTypeError(
        f"{name} takes a path (a str or a pathlib.Path), not {type(path).__name__} {path!r:.60}"
    )


def load(
    path: str | os.PathLike[str],
    *,
    format: str | None = None,  # noqa: A002 - the contract's name
    limits: Limits = DEFAULT_LIMITS,
    encoding: str | None = None,
    **options: Any,
) -> Document:
    """Read a document from a file; the format comes from the suffix and the content.

    Args:
        path: A ``.xlsx``, ``.json``, ``.txt`` or ``.md`` file.
        format: Force a format (``"excel"``, ``"json"``, ``"gate"``, …) instead of sniffing.
        limits: Resource limits (:class:`govtrack.Limits`): file size, inflated size and
            compression ratio of workbooks, rows and cells, line length; the defaults are safe.
        encoding: For a text file not in UTF-8 (nor UTF-16 with a byte-order mark), the
            codec to decode it with, such as ``"cp1252"``.
        **options: Passed to the reader. For Excel: ``engine=`` (``"openpyxl"`` or
            ``"calamine"``), ``aliases=`` (more header names per column key, such as
            ``{"deadline": ["Target date"]}``; a lone string is one name), ``dayfirst=``
            (True or False to read ``03/04/2024``; None, the default, refuses to guess)
            and ``progress=`` (called as rows are read). For text tables (the
            ``matrix`` format): ``aliases=`` and ``dayfirst=``. An option the format does
            not take is refused with an ``UnsupportedFormatError`` saying which it takes.

    Returns:
        The Document; its ``source`` is the path as given. The locations of its records
        and problems (``Location.file``), and the messages of its errors, name the file
        by the path as given, a workbook as a text file (``"unitA/matrix.xlsx"``,
        ``"unitA/minutes.md"``), so that files of one name in two folders are told apart.

    Raises:
        FormatError: The file is not in a format govtrack reads (an old ``.xls``, a
            password-protected workbook, text in another encoding: the message says
            what to do).
        LimitError: The file exceeds one of ``limits`` (the message names it).
        ArgumentError: ``encoding`` names no text codec (TypeError: it is not a str), or
            ``dayfirst=`` is not True, False or None.
        ReadError: The file cannot be opened; also a FileNotFoundError, IsADirectoryError
            or PermissionError when it is missing, a directory or not permitted.

    >>> import govtrack as gt, pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> gt.dump(gt.Document(), folder / "empty.json")
    >>> gt.load(folder / "empty.json") == gt.Document()
    True
    """
    file = _path_argument(path, "load(path)")
    _check_encoding(encoding, "load")
    _check_dayfirst(options)
    refuse_directory(file)
    suffix = file.suffix.lower()
    if format == "excel" or (format is None and suffix in {*FORMATS["excel"].suffixes, ".xls"}):
        _check_workbook_container(file)
        return _load_workbook(file, limits, encoding, options)
    try:
        check_text(file, limits)
        data = file.read_bytes()
    except OSError as error:
        raise read_error(file, error) from None
    if format is None and data.startswith(b"PK\x03\x04"):
        return _load_workbook(file, limits, encoding, options)
    if format is None and data.startswith(_OLE2):
        _check_workbook_container(file)  # raises, saying which old or encrypted file it is
    text = decode_text(data, source=str(file), encoding=encoding)
    # A file's locations and messages name the path as given (`unitA/minutes.md`), a text
    # file's as a workbook's: that tells apart files of one name in two folders.
    if format is not None:
        return loads(text, format=format, source=str(file), limits=limits, **options)
    names = [fmt.name for fmt in format_for_suffix(suffix) if fmt.text] or [
        fmt.name for fmt in FORMATS.values() if fmt.text
    ]
    if "json" not in names and text.lstrip().startswith("{"):
        names.insert(0, "json")
    return _sniff_and_read(text, names, str(file), limits, options)


def combine(*documents: Document | Iterable[Document]) -> Document:
    """One document holding everything of several: a portfolio of files.

    The combination holds every evaluation of every document, in the order the documents
    are given, then every meeting, every report and every plan the same way, and every
    reading problem. Nothing is merged or dropped: the same action in two files is there
    twice (``validate`` warns of it, GT113). Each record keeps its origin, whose
    ``file`` names the file it was read from, so ``Location.cite()`` tells the files apart.

    Args:
        *documents: The documents, as arguments (``combine(a, b)``) or as one iterable
            of them (``combine(gt.load(p) for p in paths)``).

    Returns:
        The combined Document. Its ``source`` is the documents' source when they share
        one (so ``combine(doc) == doc`` with the same ``source``), and ``""`` when they
        come from several files: their names are in the origins.

    Raises:
        TypeError: An argument is neither a Document nor an iterable of Documents.

    >>> import govtrack as gt
    >>> a = gt.loads("Minutes of the Board\\nDecisions:\\n1. The HR Unit will hire a clerk.",
    ...              format="minutes", source="board.md")
    >>> b = gt.loads("Minutes of the Team\\nDecisions:\\n1. The M&E Unit will report.",
    ...              format="minutes", source="team.md")
    >>> both = gt.combine(a, b)
    >>> [decision.origin.cite() for decision in both.actions]
    ['board.md: line 3', 'team.md: line 3']
    >>> both == gt.combine([a, b]), both.source, gt.combine(a) == a
    (True, '', True)
    """
    given: list[object] = list(documents)
    if len(given) == 1 and not isinstance(given[0], Document):
        only = given[0]
        if isinstance(only, (str, bytes)) or not isinstance(only, Iterable):
            raise WrongTypeError(
                f"combine() takes Documents or an iterable of Documents, not {type(only).__name__}"
            )
        given = list(only)
    found: list[Document] = []
    for index, item in enumerate(given):
        if not isinstance(item, Document):
            path = isinstance(item, (str, os.PathLike))
            hint = " (read the file with gt.load first)" if path else ""
            raise WrongTypeError(
                f"combine() takes Documents, not {type(item).__name__} at [{index}]{hint}"
            )
        found.append(item)
    sources = {document.source for document in found}
    return Document(
        evaluations=tuple(root for document in found for root in document.evaluations),
        meetings=tuple(root for document in found for root in document.meetings),
        reports=tuple(root for document in found for root in document.reports),
        plans=tuple(root for document in found for root in document.plans),
        problems=tuple(problem for document in found for problem in document.problems),
        source=sources.pop() if len(sources) == 1 else "",
    )


def _load_workbook(
    file: Path, limits: Limits, encoding: str | None, options: dict[str, Any]
) -> Document:
    """Check a workbook's container and sizes, then read it with the Excel reader."""
    if encoding is not None:
        raise UnsupportedFormatError(
            f"encoding= does not apply to {file}: an Excel workbook says its own encoding"
        )
    module = module_of("excel")
    if module is None:
        raise UnsupportedFormatError("this version of govtrack cannot read Excel workbooks")
    _check_options("excel", module.load, options)
    document: Document = module.load(file, limits=limits, **options)
    return document


def _is_govtrack_json(file: Path) -> bool:
    """Whether ``file`` holds a govtrack JSON document (as its start says)."""
    try:
        with file.open("rb") as stream:
            head = stream.read(4096)
    except OSError:
        return False
    text = head.decode("utf-8", errors="replace").removeprefix("\ufeff")
    return bool(json_format.sniff(text) >= 1.0)


def _same_file(first: str | os.PathLike[str], second: Path) -> bool:
    try:
        return Path(first).resolve() == second.resolve()
    except OSError:
        return False


_OLE2 = b"\xd0\xcf\x11\xe0"  # the start of an OLE2 compound file's signature
_ENCRYPTED_STREAMS = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))
_XLS_STREAMS = ("Workbook\x00".encode("utf-16-le"), "Book\x00".encode("utf-16-le"))


def _compound_file_names(stream: IO[bytes]) -> bytes:
    """The bytes of an OLE2 compound file where its stream names lie: its first MiB, and
    the directory sectors the header points to (they may come after the streams)."""
    stream.seek(0)
    head = stream.read(1 << 20)
    shift = int.from_bytes(head[30:32], "little")
    first_directory = int.from_bytes(head[48:52], "little")
    if not 7 <= shift <= 16 or first_directory >= 0xFFFFFFFA:
        return head
    stream.seek((first_directory + 1) << shift)
    return head + stream.read(64 * 1024)


def _check_workbook_container(file: Path) -> None:
    """Refuse, with advice, the files that are not an .xlsx zip although they are named so."""
    try:
        with file.open("rb") as stream:
            head = stream.read(4096)
            names = _compound_file_names(stream) if head.startswith(_OLE2) else b""
    except OSError as error:
        raise read_error(file, error) from None
    if head.startswith(_OLE2):
        if any(name in names for name in _ENCRYPTED_STREAMS):
            raise FormatError(
                f"{file} is password-protected (encrypted); open it in Excel, remove the "
                "password (File > Info > Protect Workbook) and save it again"
            )
        if any(name in names for name in _XLS_STREAMS) or file.suffix.lower() == ".xls":
            raise FormatError(
                f"{file} is an old .xls workbook; open it in Excel and save it as .xlsx"
            )
        raise FormatError(
            f"{file} is an old .xls workbook or another old Office file (OLE2), not an "
            ".xlsx; open it in Excel and save it as .xlsx"
        )
    if not head.startswith(b"PK"):
        what = "an .xls" if file.suffix.lower() == ".xls" else "an Excel .xlsx"
        raise FormatError(
            f"{file} is not {what} workbook (it is not a zip file; it starts with "
            f"{head[:8]!r}); save it from Excel as .xlsx"
        )


def dumps(document: Document, *, format: str = "json", **options: Any) -> str:  # noqa: A002 - the contract's name
    """Write a document as text.

    Args:
        document: The document.
        format: ``"json"``, ``"report"`` (Markdown status report), or a text shape
            that has a writer (``"gate"``, ``"matrix"``).
        **options: Passed to the writer: ``on=`` for a report, ``lossy=True`` for the
            matrix and the gate export (write even what the text cannot hold, which is
            refused otherwise). An option the writer does not use is refused, never
            ignored: ``lossy=`` for JSON, which holds everything, or for a report.

    Returns:
        The text.

    Raises:
        UnsupportedFormatError: ``format`` names no text format govtrack writes (the
            message lists those it does), or an option does not apply to it.
        SchemaError: A record holds a value of the wrong type (JSON).
        WriteError: The document cannot be written so as to be read back: a text holds
            a lone surrogate, which UTF-8 cannot encode; or (JSON) indicators' targets
            nest deeper than :func:`loads` reads. The message says where.

    >>> import govtrack as gt
    >>> gt.dumps(gt.Document(), format="json")
    '{"schema_version":2}'
    >>> gt.dumps(gt.Document(), format="md")
    Traceback (most recent call last):
    ...
    govtrack._errors.UnsupportedFormatError: unknown text format 'md'; expected one of json, gate, matrix, report (a .md file holds the format 'report')
    """  # noqa: E501 - doctest output is one line
    module = module_of(format) if format in FORMATS and FORMATS[format].text else None
    if module is None or not hasattr(module, "dumps"):
        writable = ", ".join(name for name in _writers())
        hint = ""
        if format in FORMATS and FORMATS[format].text:
            raise UnsupportedFormatError(
                f"govtrack cannot write {format!r} text; it writes {writable}"
            )
        named = _WRITTEN_BY_SUFFIX.get("." + str(format).lower().lstrip("."))
        if format in FORMATS:
            hint = f" ({format} is not text: write it to a file with gt.dump)"
        elif named is not None:
            hint = f" (a .{str(format).lower().lstrip('.')} file holds the format {named!r})"
        raise UnsupportedFormatError(
            f"unknown text format {format!r}; expected one of {writable}{hint}"
        )
    options = _effective(options)
    _check_options(format, module.dumps, options)
    text: str = module.dumps(document, **options)
    if format != "json" and not text.isascii():  # the JSON writer checks its own text
        _check_encodable(text, format)
    return text


def _writers() -> list[str]:
    """The text formats govtrack writes, in registry order."""
    return [
        fmt.name for fmt in FORMATS.values() if fmt.text and hasattr(module_of(fmt.name), "dumps")
    ]


_WRITTEN_BY_SUFFIX = {".xlsx": "excel", ".xlsm": "excel", ".json": "json", ".md": "report"}
"""The format :func:`dump` writes a file in, by its suffix."""


def _check_encodable(text: str, format: str) -> None:  # noqa: A002 - as dumps names it
    """Refuse (WriteError) a text UTF-8 cannot encode: one with a lone surrogate."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise WriteError(
            f"cannot write this document as {format} text: it holds "
            f"{error.object[error.start : error.end]!r}, a lone surrogate that UTF-8 cannot "
            "encode (text decoded with errors='surrogateescape'?)"
        ) from None


def dump(
    document: Document,
    path: str | os.PathLike[str],
    *,
    format: str | None = None,  # noqa: A002 - the contract's name
    overwrite_source: bool = False,
    **options: Any,
) -> None:
    """Write a document to a file, atomically; the format comes from the suffix.

    ``.xlsx`` writes a workbook (``layout="workbook"`` or ``"matrix"``),
    ``.json`` the JSON document, ``.md`` a Markdown status report.
    The file is written to a temporary sibling and renamed over ``path``,
    so a crash leaves any previous file whole.

    ``dump`` refuses to write over the file the document was read from
    (``document.source``) unless ``overwrite_source=True``: a partner's workbook or text
    holds more than govtrack reads (formatting, formulas, prose), which the new file would
    lose. Writing govtrack JSON over the govtrack JSON file the document was read from
    loses nothing, and is allowed (an application's store: load, change, dump).

    The other options go to the writer (see :func:`dumps`); for a workbook, ``on=`` (the
    "As of" date) and ``lossy=True`` (write even what the matrix cannot hold) apply to
    ``layout="matrix"`` only. An option the format or layout does not use is refused,
    never ignored: ``lossy=True`` for govtrack's own workbook or JSON, which hold everything
    (``lossy=False`` and ``on=None``, which change nothing, are taken by every writer).

    Args:
        document: The document.
        path: The file to write; its suffix (``.xlsx``, ``.json``, ``.md``) chooses the
            format unless ``format`` is given.
        format: ``"excel"`` (a workbook), or a text format :func:`dumps` writes
            (``"json"``, ``"report"``, ``"gate"``, ``"matrix"``), whatever the suffix.
        overwrite_source: Allow writing over ``document.source``.
        **options: Passed to the writer (see :func:`dumps`): ``layout=`` for a
            workbook; ``on=`` and ``lossy=`` where the format or layout uses them.

    Raises:
        UnsupportedFormatError: The suffix or format has no writer, or an option does not
            apply to it (or to the layout).
        WriteError: The file cannot be written, or is the document's own source (and
            not govtrack JSON written as JSON), or the document cannot be written so as
            to be read back (see :func:`dumps`).

    >>> import attrs, govtrack as gt, pathlib, tempfile
    >>> store = pathlib.Path(tempfile.mkdtemp()) / "store.json"
    >>> gt.dump(gt.Document(), store)
    >>> doc = gt.load(store)
    >>> gt.dump(attrs.evolve(doc, plans=(gt.ActionPlan(title="Board"),)), store)
    >>> gt.load(store).plans[0].title
    'Board'
    >>> gt.dump(doc, store.with_suffix(".xlsx"), lossy=True)
    Traceback (most recent call last):
    ...
    govtrack._errors.UnsupportedFormatError: lossy= does not apply to the workbook layout, which holds everything, so there is nothing to allow it to lose; pass it with layout="matrix" only
    """  # noqa: E501 - doctest output is one line
    file = _path_argument(path, "dump(path)")
    suffix = file.suffix.lower()
    if format is None:
        if suffix not in _WRITTEN_BY_SUFFIX:
            raise UnsupportedFormatError(
                f"cannot tell what to write from {file.name!r}; use .xlsx, .json or .md, "
                "or pass format="
            )
        format = _WRITTEN_BY_SUFFIX[suffix]  # noqa: A001 - the contract's name
    if (
        not overwrite_source
        and document.source
        and _same_file(document.source, file)
        and not (format == "json" and _is_govtrack_json(file))
    ):
        raise WriteError(
            f"{file} is the file this document was read from; pass overwrite_source=True "
            "to replace it, or write to another file"
        )
    if format == "excel":
        module = module_of("excel-write")
        if module is None:
            raise UnsupportedFormatError("this version of govtrack cannot write Excel workbooks")
        options = _effective(options)
        _check_options("excel", module.dump, options)
        _check_layout_options(options)
        module.dump(document, file, **options)
        return
    try:
        text = dumps(document, format=format, **options)
    except WriteError as error:
        raise WriteError(f"{file} was not written: {error}") from None
    encoded = text.encode("utf-8")  # dumps refused what UTF-8 cannot encode

    def write(stream: IO[bytes]) -> None:
        stream.write(encoded)

    atomic_write(file, write)
