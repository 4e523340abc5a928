"""The façade: load, loads, dump, dumps by suffix and format, atomically."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from openpyxl import Workbook

import govtrack as gt
from govtrack.io import excel_write, gate, matrix
from govtrack.reminders import reminders

DOC = gt.Document(plans=(gt.ActionPlan(title="Plan", actions=(gt.Action(text="Hire", ref="1"),)),))


def test_dump_and_load_json_by_suffix(tmp_path: Path) -> None:
    """A .json file written by dump loads back equal, with its source recorded."""
    target = tmp_path / "doc.json"
    gt.dump(DOC, target)
    back = gt.load(target)
    assert DOC == back
    assert str(target) == back.source


def test_dump_replaces_atomically(tmp_path: Path) -> None:
    """dump leaves no temporary file behind and replaces the old content whole."""
    target = tmp_path / "doc.json"
    target.write_text("old", encoding="utf-8")
    gt.dump(DOC, target)
    assert ["doc.json"] == [p.name for p in tmp_path.iterdir()]
    assert DOC == gt.load(target)


def test_failed_write_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If writing fails midway, the previous file is intact and no temporary remains."""
    target = tmp_path / "doc.json"
    target.write_text("previous", encoding="utf-8")

    def failing_fsync(fd: int) -> None:
        raise OSError(28, f"No space left on device (fd {fd})")

    monkeypatch.setattr("os.fsync", failing_fsync)
    with pytest.raises(gt.WriteError, match="No space left"):
        gt.dump(DOC, target)
    assert "previous" == target.read_text(encoding="utf-8")
    assert ["doc.json"] == [p.name for p in tmp_path.iterdir()]


def test_load_sniffs_json_in_a_txt_file(tmp_path: Path) -> None:
    """A JSON document saved as .txt is still recognised."""
    target = tmp_path / "doc.txt"
    target.write_text(gt.dumps(DOC), encoding="utf-8")
    assert DOC == gt.load(target)


def test_bom_and_crlf_are_fine(tmp_path: Path) -> None:
    """A UTF-8 BOM and CRLF line ends do not disturb reading."""
    target = tmp_path / "doc.json"
    target.write_bytes(b"\xef\xbb\xbf" + gt.dumps(DOC).replace("{", "{\r\n").encode())
    assert DOC == gt.load(target)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("missing.json", None, "no such file"),
        (
            "old.xls",
            b"\xd0\xcf\x11\xe0",
            "old .xls workbook; open it in Excel and save it as .xlsx",
        ),
        ("latin.json", b'{"schema_version": 1, "x": "\xe9"}', "is not UTF-8 text"),
    ],
)
def test_unreadable_files_say_what_to_do(
    tmp_path: Path, name: str, content: bytes | None, expected: str
) -> None:
    """Missing files, old workbooks and non-UTF-8 text give one clear GovtrackError."""
    target = tmp_path / name
    if content is not None:
        target.write_bytes(content)
    with pytest.raises(gt.GovtrackError, match=expected):
        gt.load(target)


def test_directory_is_refused(tmp_path: Path) -> None:
    """Loading a directory says it is one."""
    with pytest.raises(gt.GovtrackError, match="is a directory"):
        gt.load(tmp_path)


def test_unknown_format_names() -> None:
    """An unknown format name is an UnsupportedFormatError listing what is known."""
    with pytest.raises(gt.UnsupportedFormatError, match="unknown text format 'yaml'"):
        gt.loads("x", format="yaml")
    with pytest.raises(gt.UnsupportedFormatError):
        gt.dumps(DOC, format="yaml")


def test_dumps_lists_the_formats_it_writes() -> None:
    """Regression: dumps(format="yaml") named no choices (loads lists them). It lists the
    text formats it writes; a suffix given for a format says the format's name (no format
    has an alias, so "md" is not one), and a binary format says to use dump."""
    expected = "unknown text format 'yaml'; expected one of json, gate, matrix, report"
    with pytest.raises(gt.UnsupportedFormatError) as raised:
        gt.dumps(DOC, format="yaml")
    assert expected == str(raised.value)
    with pytest.raises(gt.UnsupportedFormatError) as raised:
        gt.dumps(DOC, format="md")
    assert (
        "unknown text format 'md'; expected one of json, gate, matrix, report "
        "(a .md file holds the format 'report')"
    ) == str(raised.value)
    with pytest.raises(gt.UnsupportedFormatError, match=r"excel is not text: .* gt\.dump"):
        gt.dumps(DOC, format="excel")
    with pytest.raises(gt.UnsupportedFormatError, match=r"cannot write 'minutes' text; it writes"):
        gt.dumps(DOC, format="minutes")
    with pytest.raises(gt.UnsupportedFormatError, match="unknown text format 'md'"):
        gt.loads("x", format="md")


_EVALUATION = gt.Document(
    evaluations=(
        gt.Evaluation(
            title="Country evaluation",
            recommendations=(
                gt.Recommendation(
                    text="Improve monitoring",
                    ref="1",
                    actions=(gt.Action(text="Hire", ref="1.1", responsible=("HR",)),),
                ),
            ),
        ),
    )
)
_TEXTS = {
    "json": gt.dumps(_EVALUATION, format="json"),
    "gate": gt.dumps(_EVALUATION, format="gate"),
    "matrix": gt.dumps(DOC, format="matrix"),
}


@pytest.mark.parametrize("name", [*_TEXTS, None])
@pytest.mark.parametrize("prefix", [b"", b"\xef\xbb\xbf"], ids=["", "BOM"])
def test_loads_reads_bytes_as_it_reads_their_text(name: str | None, prefix: bytes) -> None:
    """Regression: gt.loads(b"...", format="json") raised "TypeError: a bytes-like object
    is required, not 'str'". Bytes (a request's body), UTF-8 with or without a byte-order
    mark and CRLF line ends, read as their text does, in every format and sniffing."""
    for fmt, text in _TEXTS.items():
        if name is None or name == fmt:
            data = prefix + text.replace("\n", "\r\n").encode("utf-8")
            expected = gt.loads(text, format=fmt)
            assert expected == gt.loads(data, format=name)
            assert expected == gt.loads(bytearray(data), format=name)


def test_loads_refuses_bytes_that_are_not_utf8_saying_where() -> None:
    """Bytes that are not UTF-8 are a FormatError naming the byte, and its source when
    given; encoding= reads them in another codec; other types are a TypeError."""
    data = '{"schema_version": 2, "plans": [{"title": "Caf\u00e9"}]}'.encode("cp1252")
    with pytest.raises(gt.FormatError, match=r"^request body is not UTF-8 text \(byte 46: "):
        gt.loads(data, format="json", source="request body")
    with pytest.raises(gt.FormatError, match=r"^the text is not UTF-8 text \(byte 46: "):
        gt.loads(data)
    assert "Caf\u00e9" == gt.loads(data, encoding="cp1252").plans[0].title
    with pytest.raises(gt.ArgumentError, match=r"loads\(encoding=\.\.\.\) applies to bytes"):
        gt.loads("{}", encoding="cp1252")
    with pytest.raises(TypeError, match="loads reads a str or bytes, not int"):
        gt.loads(5)  # type: ignore[arg-type]


def test_dump_writes_json_over_the_json_it_was_read_from(tmp_path: Path) -> None:
    """Regression: saving a document back to the JSON file it was read from was refused
    ("pass overwrite_source=True"). JSON over govtrack JSON loses nothing: it is allowed,
    through any name of the file."""
    store = tmp_path / "store.json"
    gt.dump(DOC, store)
    doc = gt.load(store)
    changed = attrs.evolve(doc, plans=(*doc.plans, gt.ActionPlan(title="Board")))
    gt.dump(changed, store)
    assert changed == gt.load(store)
    link = tmp_path / "link.json"
    link.symlink_to(store)
    gt.dump(DOC, link)
    assert DOC == gt.load(store)


def test_dump_still_refuses_to_replace_a_source_it_would_lose(tmp_path: Path) -> None:
    """The guard stays where the write would lose something: a partner's text (a report
    written over minutes), a JSON file written in another format, a file that is no longer
    govtrack JSON; overwrite_source=True still replaces each."""
    minutes = tmp_path / "minutes.md"
    minutes.write_text(
        "Minutes of the Board meeting\n\nDecisions\n\n1. The Board adopted the plan.\n",
        encoding="utf-8",
    )
    read = gt.load(minutes, format="minutes")
    store = tmp_path / "store.json"
    gt.dump(DOC, store)
    stored = gt.load(store)
    for document, target, fmt in ((read, minutes, None), (stored, store, "report")):
        before = target.read_bytes()
        with pytest.raises(gt.WriteError, match="overwrite_source=True"):
            gt.dump(document, target, format=fmt)
        assert before == target.read_bytes()
    store.write_text("[1, 2]", encoding="utf-8")  # replaced by another program meanwhile
    with pytest.raises(gt.WriteError, match="overwrite_source=True"):
        gt.dump(stored, store)
    gt.dump(stored, store, overwrite_source=True)
    assert stored == gt.load(store)


@pytest.mark.parametrize("fmt", ["json", "gate", "matrix", "report"])
def test_dumps_refuses_a_lone_surrogate_in_every_format(fmt: str, tmp_path: Path) -> None:
    """Regression: gt.dumps wrote a lone surrogate that gt.dump refused; dumps refuses it
    in every text format, and dump says which file it did not write."""
    bad = gt.Action(text="bad \ud800", ref="1.1")
    plan = gt.Document(plans=(gt.ActionPlan(title="Plan", actions=(bad,)),))
    recommendation = gt.Recommendation(text="Improve", ref="1", actions=(bad,))
    evaluation = gt.Document(
        evaluations=(gt.Evaluation(title="E", recommendations=(recommendation,)),)
    )
    doc = evaluation if fmt == "gate" else plan
    with pytest.raises(gt.WriteError, match=r"lone surrogate"):
        gt.dumps(doc, format=fmt)
    target = tmp_path / "out.json"
    with pytest.raises(gt.WriteError, match=rf"^{re.escape(str(target))} was not written: "):
        gt.dump(doc, target)
    assert not target.exists()


def test_unknown_suffix_on_dump(tmp_path: Path) -> None:
    """dump refuses a suffix it cannot write and says which it can."""
    with pytest.raises(gt.UnsupportedFormatError, match=r"use \.xlsx, \.json or \.md"):
        gt.dump(DOC, tmp_path / "out.docx")


@pytest.mark.parametrize(
    ("name", "options", "refused"),
    [
        ("out.xlsx", {"lossy": True}, "lossy= does not apply to the workbook layout"),
        ("out.xlsx", {"layout": "workbook", "on": dt.date(2023, 1, 31)}, "on= does not apply"),
        ("out.json", {"lossy": True}, "lossy= does not apply to the json format"),
        ("out.md", {"lossy": True}, "lossy= does not apply to the report format"),
    ],
)
def test_dump_refuses_an_option_its_writer_does_not_use(
    tmp_path: Path, name: str, options: dict[str, Any], refused: str
) -> None:
    """Regression: `gt.dump(doc, "out.xlsx", layout="workbook", lossy=True)` ignored lossy
    in silence, where the JSON and report writers refuse it by name: every format and
    layout refuses an option it does not use, and nothing is written."""
    target = tmp_path / name
    with pytest.raises(gt.UnsupportedFormatError, match=re.escape(refused)):
        gt.dump(DOC, target, **options)
    assert not target.exists()


@pytest.mark.parametrize("name", ["out.xlsx", "out.json", "out.md"])
def test_dump_takes_options_at_their_do_nothing_value_everywhere(tmp_path: Path, name: str) -> None:
    """Regression: lossy=False and on=None were refused by the writers that do not use
    them, which broke generic code (`gt.dump(doc, path, lossy=args.lossy)`); an option
    that would change nothing is taken by every writer."""
    gt.dump(DOC, tmp_path / name, lossy=False, on=None)
    if name != "out.md":  # the report is for people: govtrack does not read it back
        assert DOC == gt.load(tmp_path / name)
    assert (tmp_path / name).stat().st_size > 0
    assert gt.dumps(DOC, format="json", lossy=False, on=None) == gt.dumps(DOC, format="json")


@pytest.mark.parametrize(
    ("name", "options"),
    [
        ("out.xlsx", {"layout": "matrix", "lossy": True, "on": dt.date(2023, 1, 31)}),
        ("out.txt", {"format": "gate", "lossy": True}),
        ("out.md", {"format": "matrix", "lossy": True}),
        ("out.md", {"on": dt.date(2023, 1, 31)}),
    ],
)
def test_dump_takes_the_options_its_writer_uses(
    tmp_path: Path, name: str, options: dict[str, Any]
) -> None:
    """The writers that use lossy= (the matrices, the gate export) and on= take them."""
    evaluation = gt.Evaluation(title="E", recommendations=(gt.Recommendation(text="Improve"),))
    doc = gt.Document(evaluations=(evaluation,)) if options.get("format") == "gate" else DOC
    gt.dump(doc, tmp_path / name, **options)
    assert (tmp_path / name).stat().st_size > 0


def test_text_in_no_known_format() -> None:
    """Text in none of the formats raises FormatError naming the formats tried."""
    with pytest.raises(gt.FormatError, match="tried json"):
        gt.loads("\x00\x01 nothing here")


OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (OLE2 + bytes(600) + "EncryptedPackage".encode("utf-16-le"), "is password-protected"),
        (OLE2 + bytes(600), "old .xls workbook"),
        (b"Just some text", "not an Excel .xlsx workbook"),
    ],
)
def test_misnamed_or_protected_workbooks(tmp_path: Path, content: bytes, expected: str) -> None:
    """An .xlsx that is encrypted, an old .xls, or not a zip says what it is and what to do."""
    target = tmp_path / "partner.xlsx"
    target.write_bytes(content)
    with pytest.raises(gt.FormatError, match=expected):
        gt.load(target)


# ---------------------------------------------------------------------------
# Arguments of the wrong type


_DUE_DOC = gt.Document(
    plans=(
        gt.ActionPlan(
            title="Plan",
            actions=(gt.Action(text="Hire", ref="1", due=gt.parse_due("2022/06")),),
        ),
    )
)
_ACTION = _DUE_DOC.actions[0]
_CALLS: dict[str, Callable[[object], object]] = {
    "summarize(on=...)": lambda on: gt.summarize(_DUE_DOC, on=on),  # type: ignore[arg-type]
    "validate(on=...)": lambda on: gt.validate(_DUE_DOC, on=on),  # type: ignore[arg-type]
    "effective_status(on=...)": lambda on: _ACTION.effective_status(on=on),  # type: ignore[arg-type]
    "reminders(on=...)": lambda on: reminders(_DUE_DOC, on=on),  # type: ignore[arg-type]
    "implementation_rate(on=...)": lambda on: gt.implementation_rate(_DUE_DOC, on=on),  # type: ignore[arg-type]
    "dumps(on=...)": lambda on: gt.dumps(_DUE_DOC, format="report", on=on),
    "to_records(on=...)": lambda on: _DUE_DOC.to_records(on=on),  # type: ignore[arg-type]
    "dump(on=...)": lambda on: excel_write.dump(_DUE_DOC, io.BytesIO(), layout="matrix", on=on),  # type: ignore[arg-type]
}  # fmt: skip


@pytest.mark.parametrize("where", list(_CALLS))
def test_a_date_given_as_text_is_refused_saying_what_to_pass(where: str) -> None:
    """Regression: `on="2023-01-31"` raised a bare TypeError ("'>' not supported between
    instances of 'str' and 'datetime.date'"); now the message names the parameter, what was
    given and what to pass."""
    with pytest.raises(TypeError) as raised:
        _CALLS[where]("2023-01-31")
    assert (
        f"{where} takes a datetime.date, not str '2023-01-31': "
        "pass datetime.date.fromisoformat('2023-01-31')"
    ) == str(raised.value)


@pytest.mark.parametrize("where", list(_CALLS))
def test_a_datetime_stands_for_its_day(where: str) -> None:
    """A datetime given as `on=` is judged as its day (a datetime could not be compared
    with a deadline's days)."""
    assert _CALLS[where](dt.date(2023, 1, 31)) == _CALLS[where](
        dt.datetime(2023, 1, 31, 9, tzinfo=dt.timezone.utc)
    )


def test_a_number_given_as_a_date_is_refused() -> None:
    """A number is refused with an example of a date to pass."""
    with pytest.raises(TypeError, match=r"not int 20230131: pass a datetime\.date such as"):
        gt.summarize(_DUE_DOC, on=20230131)  # type: ignore[arg-type]


def test_a_period_that_is_not_two_dates_is_refused() -> None:
    """summarize(period=) takes a (start, end) pair of dates; a text is refused clearly."""
    on = dt.date(2023, 1, 31)
    with pytest.raises(TypeError, match=r"summarize\(period=\.\.\.\) takes a \(start, end\)"):
        gt.summarize(_DUE_DOC, on=on, period="2022")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"summarize\(period=\.\.\.\) takes a datetime\.date"):
        gt.summarize(_DUE_DOC, on=on, period=("2022-01-01", "2022-12-31"))  # type: ignore[arg-type]


def _workbook_with_header(path: Path, header: str) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Action", "Responsible", header, "Status"])
    sheet.append(["Hire", "HR", "2023/01", "Ongoing"])
    book.save(path)
    return path


def test_a_lone_alias_string_is_one_alias(tmp_path: Path) -> None:
    """Regression: aliases={"deadline": "Target Date"} was read as the aliases T, a, r, ...
    (a column headed "T" became the deadline); a lone string is now one header name."""
    target = _workbook_with_header(tmp_path / "t.xlsx", "Target Date")
    letter = _workbook_with_header(tmp_path / "letter.xlsx", "T")
    assert (
        "2023/01" == gt.load(target, aliases={"deadline": "Target Date"}).actions[0].deadline_text
    )
    read = gt.load(letter, aliases={"deadline": "Target Date"})
    assert ("", {"T": "2023/01"}) == (read.actions[0].deadline_text, dict(read.actions[0].extra))


@pytest.mark.parametrize(
    ("aliases", "message"),
    [
        (["deadline"], "aliases= takes a dict of column key to header names"),
        ({"deadline": 5}, "aliases={'deadline': ...} takes a header name or a list of them"),
        ({"deadline": ["Target", 3]}, "not list ['Target', 3]"),
    ],
)
def test_aliases_of_the_wrong_type_are_refused(
    tmp_path: Path, aliases: object, message: str
) -> None:
    """aliases= that is not a mapping of keys to names is refused, saying what it takes."""
    target = _workbook_with_header(tmp_path / "t.xlsx", "Target Date")
    with pytest.raises(TypeError, match=re.escape(message)):
        gt.load(target, aliases=aliases)


@pytest.mark.parametrize("text", ["{}", '{"schema_version": 2}'])
def test_loads_refuses_an_encoding_for_a_str_as_a_bad_argument(text: str) -> None:
    """Regression: gt.loads(str, encoding="utf-8") raised UnsupportedFormatError, though no
    format is at fault: it is a bad argument (ArgumentError, a ValueError)."""
    with pytest.raises(gt.ArgumentError) as caught:
        gt.loads(text, encoding="utf-8")
    expected = (
        "loads(encoding=...) applies to bytes; this text is a str, decoded already: leave "
        "encoding out, or pass the bytes"
    )
    assert (expected, True, False) == (
        str(caught.value),
        isinstance(caught.value, ValueError),
        isinstance(caught.value, gt.UnsupportedFormatError),
    )


@pytest.mark.parametrize("codec", ["nope", "base64", "rot13"])
def test_an_unknown_codec_is_a_bad_argument(codec: str, tmp_path: Path) -> None:
    """Regression: gt.loads(b"...", encoding="nope") raised FormatError, as if the bytes
    were at fault; a codec that is none (or one of bytes to bytes, base64) is an
    ArgumentError, for gt.load too, before the file is read."""
    expected = (
        f"encoding={codec!r} is not a text codec Python knows; expected a codec name such as "
        "'cp1252', 'latin-1' or 'utf-16'"
    )
    path = tmp_path / "doc.json"
    path.write_text('{"schema_version": 2}', encoding="utf-8")
    calls: list[Callable[[], gt.Document]] = [
        lambda: gt.loads(b'{"schema_version": 2}', encoding=codec),
        lambda: gt.loads(b"", encoding=codec),
        lambda: gt.load(path, encoding=codec),
        lambda: gt.load(tmp_path / "missing.txt", encoding=codec),
    ]
    for call in calls:
        with pytest.raises(gt.ArgumentError) as caught:
            call()
        assert (expected, False) == (str(caught.value), isinstance(caught.value, gt.FormatError))


def test_an_encoding_that_is_not_a_str_is_a_type_error() -> None:
    """Regression: encoding=5 raised AttributeError ('int' object has no attribute 'lower')."""
    with pytest.raises(TypeError, match=r"^loads\(encoding=\.\.\.\) takes a codec name"):
        gt.loads(b"{}", encoding=5)  # type: ignore[arg-type]


def test_an_unknown_format_name_is_still_unsupported() -> None:
    """format= naming no format stays an UnsupportedFormatError, as the design says, with
    a valid encoding as with none."""
    for encoding in (None, "cp1252"):
        with pytest.raises(gt.UnsupportedFormatError, match="unknown text format 'md'"):
            gt.loads(b"{}", format="md", encoding=encoding)


@pytest.mark.parametrize("value", ["false", "no", "True", 0, 1, [], 1.0])
def test_dayfirst_takes_only_true_false_or_none(value: object, tmp_path: Path) -> None:
    """Regression: dayfirst= took any truthy value, so gt.load("x.xlsx", dayfirst="false")
    read 03/04/2023 as 3 April, silently. Every public function that takes it refuses
    anything but True, False or None (ArgumentError naming the argument and the value),
    before a file is read or a format sniffed."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Action", "Responsible", "Deadline", "Status"])
    sheet.append(["Hire", "HR", "03/04/2023", "Ongoing"])
    workbook = tmp_path / "plan.xlsx"
    book.save(workbook)
    text = tmp_path / "plan.md"
    text.write_text("| Action | Deadline |\n|---|---|\n| Hire | 03/04/2023 |\n", encoding="utf-8")
    options: dict[str, Any] = {"dayfirst": value}
    calls: list[Callable[[], object]] = [
        lambda: gt.load(workbook, **options),
        lambda: gt.load(text, **options),
        lambda: gt.loads("no format at all", **options),
        lambda: gt.loads(text.read_text(encoding="utf-8"), format="matrix", **options),
        lambda: list(gt.iter_actions(workbook, **options)),
        lambda: gt.parse_due("2024", **options),
        lambda: gate.loads("Recommendation: 1: Hire.", **options),
        lambda: matrix.loads(text.read_text(encoding="utf-8"), **options),
    ]
    for call in calls:
        with pytest.raises(gt.ArgumentError, match=r"^dayfirst=") as caught:
            call()
        assert f"dayfirst={value!r} ({type(value).__name__}) is not True, False or None" in str(
            caught.value
        )


@pytest.mark.parametrize(("value", "day"), [(True, 3), (False, 4)])
def test_dayfirst_true_and_false_still_choose(value: bool, day: int, tmp_path: Path) -> None:
    """True and False still say how to read 03/04/2023."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Action", "Responsible", "Deadline", "Status"])
    sheet.append(["Hire", "HR", "03/04/2023", "Ongoing"])
    book.save(tmp_path / "plan.xlsx")
    [action] = gt.load(tmp_path / "plan.xlsx", dayfirst=value).actions
    assert action.due is not None
    assert day == action.due.start.day
