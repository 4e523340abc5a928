"""The domain model: records, partial dates, vocabularies and status rules.

Nothing in this package imports from :mod:`govtrack.io`.
"""

from govtrack.model.dates import Due, PartialDate, Precision, parse_due
from govtrack.model.location import Location
from govtrack.model.records import (
    Action,
    ActionPlan,
    Actions,
    Activity,
    AgendaItem,
    Answer,
    Decision,
    Document,
    Evaluation,
    FrozenMap,
    Indicator,
    Issue,
    Issues,
    ManagementResponse,
    Meeting,
    Problem,
    ProgressReport,
    Recommendation,
    Update,
    roll_up,
)
from govtrack.model.rules import UNASSIGNED, Summary, closure_rate, implementation_rate, summarize
from govtrack.model.status import ResponseCategory, ScheduleStatus, Severity, Status

__all__ = [
    "UNASSIGNED",
    "Action",
    "ActionPlan",
    "Actions",
    "Activity",
    "AgendaItem",
    "Answer",
    "Decision",
    "Document",
    "Due",
    "Evaluation",
    "FrozenMap",
    "Indicator",
    "Issue",
    "Issues",
    "Location",
    "ManagementResponse",
    "Meeting",
    "PartialDate",
    "Precision",
    "Problem",
    "ProgressReport",
    "Recommendation",
    "ResponseCategory",
    "ScheduleStatus",
    "Severity",
    "Status",
    "Summary",
    "Update",
    "closure_rate",
    "implementation_rate",
    "parse_due",
    "roll_up",
    "summarize",
]
