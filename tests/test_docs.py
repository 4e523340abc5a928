"""The documentation covers the public API and the validation codes (the build itself is `make docs`)."""

from __future__ import annotations

import contextlib
import importlib
import io
import re
import shutil
from pathlib import Path

import pytest

import govtrack as gt

DOCS = Path(__file__).resolve().parents[1] / "docs"
REFERENCE = DOCS / "reference"

# `govtrack.validate` is the function; the module of the same name holds the codes table.
VALIDATE_MODULE = importlib.import_module("govtrack.validate")

# `.. autoclass:: govtrack.Action`, `.. py:data:: govtrack.RULES`, and the like.
_DOCUMENTED = re.compile(
    r"^\s*\.\. (?:auto(?:class|function|data|exception)|py:(?:class|data|function|exception))::"
    r"\s+govtrack\.(?P<name>\w+)\s*$",
    re.MULTILINE,
)
_CODE_ROW = re.compile(r"^(?P<code>GT\d{3})\s+(?P<severity>error|warning|info)\s", re.MULTILINE)

pytestmark = pytest.mark.skipif(not REFERENCE.is_dir(), reason="no docs/reference in this tree")


def _reference_text() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted(REFERENCE.glob("*.md")))


def test_every_public_name_is_documented_in_the_reference() -> None:
    """Each name in govtrack.__all__ has an autodoc or py directive in docs/reference/."""
    documented = {match["name"] for match in _DOCUMENTED.finditer(_reference_text())}
    assert [] == sorted(set(gt.__all__) - documented)


def test_the_reference_documents_no_name_outside_the_public_api() -> None:
    """The reference documents under `govtrack.` only names that `govtrack.__all__` exports."""
    documented = {match["name"] for match in _DOCUMENTED.finditer(_reference_text())}
    assert [] == sorted(documented - set(gt.__all__))


_DATA_VALUE = re.compile(
    r"^\.\. py:data:: govtrack\.(?P<name>\w+)\n(?:   :type: .*\n)?   :value: (?P<value>.*)$",
    re.MULTILINE,
)


def test_every_documented_value_is_the_real_one() -> None:
    """A ``:value:`` written by hand in the reference is the constant's repr (it went stale
    once: SCHEMA_VERSION 1 after version 2 shipped)."""
    values = {match["name"]: match["value"] for match in _DATA_VALUE.finditer(_reference_text())}
    assert values, "no :value: found: the pattern no longer matches the reference"
    assert {name: repr(getattr(gt, name)) for name in values} == values


def test_every_rule_is_in_the_validate_docstring_with_its_severity() -> None:
    """The codes table in validate.py's docstring lists each registered rule with its severity."""
    table = {
        match["code"]: match["severity"]
        for match in _CODE_ROW.finditer(VALIDATE_MODULE.__doc__ or "")
    }
    registered = {rule.code: rule.severity.value for rule in gt.RULES if rule.code.startswith("GT")}
    assert registered == table


def test_every_rule_is_described_in_the_validation_reference() -> None:
    """docs/reference/validation.md describes each registered GT rule by its code."""
    text = (REFERENCE / "validation.md").read_text(encoding="utf-8")
    missing = [
        rule.code for rule in gt.RULES if rule.code.startswith("GT") and rule.code not in text
    ]
    assert [] == missing


def test_the_docs_need_no_network() -> None:
    """conf.py configures no intersphinx mapping: the build must work offline."""
    conf = (DOCS / "conf.py").read_text(encoding="utf-8")
    assert "intersphinx_mapping" not in conf


def test_the_readme_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's Python example runs on the bundled sample and prints what its comments say."""
    readme = (DOCS.parent / "README.md").read_text(encoding="utf-8")
    code = readme.split("```python\n", 1)[1].split("```", 1)[0]
    data = tmp_path / "examples" / "data"
    data.mkdir(parents=True)
    shutil.copy(DOCS.parent / "examples" / "data" / "partner_matrix.xlsx", data)
    monkeypatch.chdir(tmp_path)
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(compile(code, "README.md", "exec"), {})  # noqa: S102 - our own README's example
    lines = output.getvalue().splitlines()
    assert any(
        line.startswith("'MR matrix'!I10 (Status of implementation): GT101 action 2.1 ")
        for line in lines
    )
    # Regression: the comment showed the GT101 line as if printed first; GT205 is.
    shown = [
        line[2:].split(" ...")[0] for line in code.splitlines() if line.startswith("# 'MR matrix'")
    ]
    assert (True, True) == (
        lines[0].startswith(shown[0]),
        all(any(line.startswith(prefix) for line in lines) for prefix in shown),
    )
    assert lines[-1].startswith("7 actions on 2023-01-31: ")
    assert lines[-1].endswith(", 3 overdue; implemented 14%")
    assert gt.load("clean.xlsx") == gt.load(data / "partner_matrix.xlsx")
