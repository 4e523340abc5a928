"""govtrack: a typed model of governance follow-up, with readers, writers and status rules.

>>> import datetime as dt
>>> import govtrack as gt
>>> doc = gt.Document(evaluations=(gt.Evaluation(title="Country programme evaluation",
...     recommendations=(gt.Recommendation(text="Strengthen monitoring", actions=(
...         gt.Action(text="Draft a monitoring framework", responsible=("M&E Unit",),
...                   due=gt.parse_due("2021/07"), status=gt.Status.parse("Ongoing")),
...     )),)),))
>>> gt.summarize(doc, on=dt.date(2023, 1, 31)).overdue["M&E Unit"][0].text
'Draft a monitoring framework'

``__all__`` is the public contract.
"""

from typing import TYPE_CHECKING

from govtrack._errors import (
    AmbiguousDateError,
    ArgumentError,
    DueParseError,
    FormatError,
    GovtrackError,
    MissingFileError,
    NotAFileError,
    ReadError,
    ReadPermissionError,
    SchemaError,
    UnknownCodeError,
    UnsupportedFormatError,
    WriteError,
    WrongTypeError,
)
from govtrack.api import combine, dump, dumps, load, loads
from govtrack.changes import Change, ChangeKind, diff
from govtrack.io.json import SCHEMA_VERSION, from_data, json_schema, make_converter, to_data
from govtrack.io.limits import DEFAULT_LIMITS, LimitError, Limits
from govtrack.model import (
    UNASSIGNED,
    Action,
    ActionPlan,
    Actions,
    Activity,
    AgendaItem,
    Answer,
    Decision,
    Document,
    Due,
    Evaluation,
    FrozenMap,
    Indicator,
    Issue,
    Issues,
    Location,
    ManagementResponse,
    Meeting,
    PartialDate,
    Precision,
    Problem,
    ProgressReport,
    Recommendation,
    ResponseCategory,
    ScheduleStatus,
    Severity,
    Status,
    Summary,
    Update,
    closure_rate,
    implementation_rate,
    parse_due,
    summarize,
)
from govtrack.reminders import Reminder, is_past_due, recorded_line, reminders
from govtrack.validate import RULES, Rule, validate

if TYPE_CHECKING:
    from govtrack.io.excel import iter_actions
else:

    def __getattr__(name: str) -> object:
        """``iter_actions`` is imported on first use: it brings in the Excel reader."""
        if name == "iter_actions":
            from govtrack.io.excel import iter_actions  # noqa: PLC0415 - lazily, on purpose

            globals()[name] = iter_actions
            return iter_actions
        raise AttributeError(f"module 'govtrack' has no attribute {name!r}")


__version__ = "0.1.0.dev0"

__all__ = [
    "DEFAULT_LIMITS",
    "RULES",
    "SCHEMA_VERSION",
    "UNASSIGNED",
    "Action",
    "ActionPlan",
    "Actions",
    "Activity",
    "AgendaItem",
    "AmbiguousDateError",
    "Answer",
    "ArgumentError",
    "Change",
    "ChangeKind",
    "Decision",
    "Document",
    "Due",
    "DueParseError",
    "Evaluation",
    "FormatError",
    "FrozenMap",
    "GovtrackError",
    "Indicator",
    "Issue",
    "Issues",
    "LimitError",
    "Limits",
    "Location",
    "ManagementResponse",
    "Meeting",
    "MissingFileError",
    "NotAFileError",
    "PartialDate",
    "Precision",
    "Problem",
    "ProgressReport",
    "ReadError",
    "ReadPermissionError",
    "Recommendation",
    "Reminder",
    "ResponseCategory",
    "Rule",
    "ScheduleStatus",
    "SchemaError",
    "Severity",
    "Status",
    "Summary",
    "UnknownCodeError",
    "UnsupportedFormatError",
    "Update",
    "WriteError",
    "WrongTypeError",
    "closure_rate",
    "combine",
    "diff",
    "dump",
    "dumps",
    "from_data",
    "implementation_rate",
    "is_past_due",
    "iter_actions",
    "json_schema",
    "load",
    "loads",
    "make_converter",
    "parse_due",
    "recorded_line",
    "reminders",
    "summarize",
    "to_data",
    "validate",
]
