"""Column vocabulary shared by the table readers and writers (Excel, pipe and Markdown matrices).

Each column has a stable key, the header govtrack writes, and the aliases it
recognises when reading. Headers are compared after :func:`normalise_header`
(case, spaces, non-breaking spaces, line breaks, punctuation and ``(s)`` folded).
A caller extends the table with ``aliases={"deadline": ["Target date"]}``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from govtrack._errors import UnsupportedFormatError

__all__ = ["ALIASES", "HEADERS", "merge_aliases", "normalise_header"]

HEADERS: dict[str, str] = {
    "rec_ref": "Rec #",
    "recommendation": "Recommendation",
    "response": "Management response",
    "category": "Category",
    "ref": "Action #",
    "action": "Key action",
    "responsible": "Responsible",
    "deadline": "Deadline",
    "status": "Status",
    "comments": "Comments",
    "updates": "Updates",
    "scope": "Scope",
    "group": "Group",
    "schedule": "Schedule",
    "schedule_on": "On schedule",
    "schedule_behind": "Behind schedule",
    "delay_reasons": "Reasons for delay",
    "recommendations": "Recommendations",
    "deemed_consent": "Deemed consent",
    "indicator": "Indicator",
    "timeframe": "Timeframe",
    "constraints": "Constraints",
}
"""The header govtrack writes for each column key."""

ALIASES: dict[str, tuple[str, ...]] = {
    "rec_ref": ("Rec #", "Rec. #", "Rec no", "Recommendation #", "Recommendation no",
                "Recommendation number", "Rec ref", "Rec", "No of recommendation",
                "Rec number", "Recommendation ref", "Recommendation reference"),
    "recommendation": ("Recommendation", "Recommendations of the evaluation",
                       "Evaluation recommendation", "Recommendation text"),
    "response": ("Management response", "Response", "Management response text", "MR",
                 "Management comments", "Management's response"),
    "category": ("Category", "Management response category", "Response category",
                 "Accepted / rejected", "Acceptance"),
    "ref": ("Action #", "Key action #", "Action no", "Key action no", "No", "#", "Ref",
            "Reference", "Item", "S/N", "SN"),
    "action": ("Key action", "Key actions", "Action", "Actions", "Action point",
               "Action to be taken", "Decision", "Decisions", "Activity", "Activities",
               "Scheduled activities", "Follow-up action", "Follow-up actions",
               "Key action to be taken", "Agreed action", "Agreed actions",
               "Decision taken", "Decisions taken", "Planned activity", "Planned activities"),
    "responsible": ("Responsible", "Responsible unit", "Responsible unit(s)",
                    "Responsible party", "Responsible parties", "Responsibility", "Lead",
                    "Lead unit", "Focal point", "Owner", "Unit responsible", "Who",
                    "Responsible office", "Responsible person", "Accountable unit",
                    "Lead agency", "Responsible / lead"),
    "deadline": ("Deadline", "Time-frame", "Timeframe", "Time frame", "Due", "Due date",
                 "Target date", "Completion date", "Date", "By when", "Timeline",
                 "Due by", "Expected completion date", "Target completion date",
                 "Deadline for completion", "Deadline / timeframe", "Time line"),
    "status": ("Status", "Status of implementation", "Implementation status", "Progress status",
               "Current status", "State", "Status of key action", "Action status",
               "Status of the action"),
    "comments": ("Comments", "Comment", "Remarks", "Progress", "Progress update",
                 "Notes", "Status update", "Implementation update", "Comments / progress",
                 "Comments / remarks", "Progress made", "Progress to date", "Remark"),
    "updates": ("Updates", "Dated updates", "Update history"),
    "scope": ("Scope", "Country", "Office"),
    "group": ("Group", "Section", "Theme"),
    "schedule": ("Schedule", "Schedule status", "On / behind schedule",
                 "On or behind schedule", "On schedule / behind schedule"),
    "schedule_on": ("On schedule", "On track"),
    "schedule_behind": ("Behind schedule", "Off track"),
    "delay_reasons": ("Reasons for delay", "If behind schedule, reasons for delay",
                      "Reason for delay", "Delay reasons", "Constraints / reasons for delay"),
    "recommendations": ("Recommendations", "TWG recommendations", "TWG recommendations, if any",
                        "TWG recommendations for GDCC consideration, if any",
                        "Recommendations for consideration"),
    "deemed_consent": ("Deemed consent", "Deemed consent applies", "Consent deemed"),
    "indicator": ("Indicator", "Indicators", "Joint monitoring indicator", "JMI", "Target"),
    "timeframe": ("Timeframe for indicator", "Indicator timeframe"),
    "constraints": ("Constraints", "Constraints / challenges", "Challenges"),
}  # fmt: skip
"""Header aliases by column key, compared after :func:`normalise_header`."""


def normalise_header(text: str) -> str:
    """Fold a header for comparison.

    >>> normalise_header(" Responsible\\u00a0Unit(s)\\n")
    'responsible unit'
    >>> normalise_header("Status of  implementation:")
    'status of implementation'
    """
    folded = text.replace("\u00a0", " ").casefold()
    folded = folded.replace("(s)", "")
    folded = re.sub(r"[^\w#/&]+", " ", folded)
    return " ".join(folded.split())


def merge_aliases(extra: Mapping[str, Iterable[str]] | None = None) -> dict[str, str]:
    """The lookup from normalised header to column key, with a caller's extra aliases.

    A caller's alias wins over a built-in one with the same normalised text.

    >>> merge_aliases({"deadline": ["Target quarter"]})["target quarter"]
    'deadline'
    """
    lookup: dict[str, str] = {}
    for key, aliases in ALIASES.items():
        for alias in aliases:
            lookup.setdefault(normalise_header(alias), key)
    for key, more in (extra or {}).items():
        if key not in HEADERS:
            known = ", ".join(HEADERS)
            raise UnsupportedFormatError(
                f"aliases: unknown column {key!r}; expected one of {known}"
            )
        for alias in more:
            lookup[normalise_header(alias)] = key
    return lookup
