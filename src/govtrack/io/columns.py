"""Column vocabulary shared by the table readers and writers (Excel, pipe and Markdown matrices).

Each column has a stable key, the header govtrack writes, and the aliases it
recognises when reading. Headers are compared after :func:`normalise_header`
(case, spaces, non-breaking spaces, line breaks, punctuation and ``(s)`` folded;
``N°``, ``Nº`` and ``№`` read as ``No``; ``Comments/Remarks`` and ``Comments / remarks``
are one header). A caller extends the table with ``aliases={"deadline": ["Target date"]}``.

A header that names no column as written is tried without a trailing hint in
parentheses, on its line or the next (``Deadline (mm/yyyy)``, ``Key action(s)\\n(what
will be done)``, ``Status (Completed/Ongoing/Not started)``): see :func:`strip_hint`.
The readers keep the header as written as the column's label, and a header that names
its column as written beats one that names it only without its hint
(:func:`header_match`): in ``Status (Completed/Ongoing) | Status`` the second is read.

:func:`header_key` is how the readers name a column: by its alias, or an alias written in
the plural read in the singular (``Scheduled activity``, ``Delay reason``: one rule,
:func:`singular`, for every alias), else, for the
main columns (:data:`PLURAL_KEYS`), by its alias in the plural (``Action points``,
``Target dates``), else, for a combined header (``Remarks/Comments``), by the one key
all its parts name. A
combined header whose parts name different columns (``Status/Comments``) names
none: the readers keep such a column verbatim in ``extra`` and report it, never
choosing one of its fields. A few combinations are aliases in their own right
(``Comments / updates`` is a column of progress notes: Comments).

:data:`NUMBERING_HEADERS` are the ``ref`` aliases that name no record (``No``,
``#``, ``Ref``): the Excel reader reads such a column left of the recommendation
text of a management-response matrix as the recommendation's number (``rec_ref``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping

from govtrack._errors import UnsupportedFormatError, WrongTypeError

__all__ = [
    "ALIASES",
    "GENERIC_HEADERS",
    "HEADERS",
    "NUMBERING_HEADERS",
    "PLURAL_KEYS",
    "duration_hint",
    "header_key",
    "header_match",
    "header_part_keys",
    "measure_hint",
    "merge_aliases",
    "normalise_header",
    "singular",
    "strip_hint",
]

HEADERS: dict[str, str] = {
    "rec_ref": "Rec #",
    "recommendation": "Recommendation",
    "response": "Management response",
    "category": "Category",
    "ref": "Action #",
    "action": "Key action",
    "responsible": "Responsible",
    "deadline": "Deadline",
    "revised_deadline": "Revised deadline",
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
    "target": "Target",
    "timeframe": "Timeframe",
    "constraints": "Constraints",
}
"""The header govtrack writes for each column key."""

ALIASES: dict[str, tuple[str, ...]] = {
    "rec_ref": ("Rec #", "Rec. #", "Rec no", "Recommendation #", "Recommendation no",
                "Recommendation number", "Rec ref", "Rec", "No of recommendation",
                "Rec number", "Recommendation ref", "Recommendation reference",
                # French, Spanish (N° and Nº read as No)
                "N° Rec", "N° recommandation", "N° de la recommandation",
                "No. recommandation", "N° recomendación", "N° recomendacion",
                "Nº de recomendación", "Nº de recomendacion", "N° de recomendación"),
    "recommendation": ("Recommendation", "Recommendations of the evaluation",
                       "Evaluation recommendation", "Recommendation text",
                       # French, Spanish
                       "Recommandation", "Recommandations", "Recomendación",
                       "Recomendaciones", "Recomendacion"),
    "response": ("Management response", "Response", "Management response text", "MR",
                 "Management comments", "Management's response", "Mgmt response",
                 "Mgmt. response", "Mgt response", "Management resp.", "Mgmt resp.",
                 # French, Spanish
                 "Réponse de la direction", "Réponse de la direction générale", "Réponse",
                 "Reponse de la direction", "Respuesta de la gerencia",
                 "Respuesta de la administración", "Respuesta de la dirección", "Respuesta"),
    "category": ("Category", "Management response category", "Response category",
                 "Mgmt response category",
                 "Accepted / rejected", "Acceptance",
                 # French, Spanish
                 "Catégorie", "Categorie", "Categoría", "Categoria"),
    "ref": ("Action #", "Key action #", "Action no", "Key action no", "No", "No.", "N°", "Nº",
            "#", "Ref", "Reference", "Item", "S/N", "SN", "S/No", "Sl. No.", "Sr. No.",
            "Serial no", "Number"),
    "action": ("Key action", "Key actions", "Action", "Actions", "Action point",
               "Action to be taken", "Decision", "Decisions", "Activity", "Activities",
               "Scheduled activities", "Follow-up action", "Follow-up actions",
               "Key action to be taken", "Agreed action", "Agreed actions",
               "Decision taken", "Decisions taken", "Planned activities", "Key activities",
               "Work plan activities", "Workplan activities",
               # French, Spanish
               "Action clé", "Actions clés", "Action cle", "Actions cles", "Mesure",
               "Mesures", "Activité", "Activités", "Acción clave", "Acciones clave",
               "Accion clave", "Acción", "Acciones", "Actividad", "Actividades"),
    "responsible": ("Responsible", "Responsible unit", "Responsible unit(s)",
                    "Responsible party", "Responsible parties", "Responsibility", "Lead",
                    "Lead unit", "Focal point", "Owner", "Unit responsible", "Who",
                    "Responsible office", "Responsible person", "Accountable unit",
                    "Lead agency", "Responsible / lead",
                    # French and Spanish, where "Responsable" is both
                    "Responsable", "Responsables", "Unité responsable",
                    "Entité responsable", "Unidad responsable"),
    "deadline": ("Deadline", "Time-frame", "Timeframe", "Time frame", "Due", "Due date",
                 "Target date", "Completion date", "Date", "By when", "Timeline",
                 "Due by", "Expected completion date", "Target completion date",
                 "Deadline for completion", "Deadline / timeframe", "Time line",
                 # French, Spanish
                 "Échéance", "Echéance", "Echeance", "Date limite", "Délai", "Delai",
                 "Calendrier", "Plazo", "Fecha límite", "Fecha limite", "Calendario"),
    "revised_deadline": ("Revised deadline", "New deadline", "Revised date", "Extended to",
                         "Revised due date", "Revised target date", "Revised timeframe",
                         "Revised time-frame", "Extended deadline", "New due date",
                         "New target date", "Deadline revised"),
    "status": ("Status", "Status of implementation", "Implementation status", "Progress status",
               "Current status", "State", "Status of key action", "Action status",
               "Status of the action",
               # French, Spanish
               "Statut", "État", "Etat", "État d'avancement", "Etat d'avancement",
               "Statut de mise en œuvre", "Estado", "Estatus", "Situación",
               "Estado de implementación", "Estado de avance"),
    "comments": ("Comments", "Comment", "Remarks", "Progress", "Progress update",
                 "Notes", "Status update", "Implementation update", "Comments / progress",
                 "Comments / remarks", "Progress made", "Progress to date", "Remark",
                 "Comments / updates", "Updates / comments", "Comments and updates",
                 "Progress notes", "Progress note", "Progress updates",
                 # French, Spanish
                 "Commentaires", "Commentaire", "Observations", "Remarques",
                 "Comentarios", "Comentario", "Observaciones"),
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
    "indicator": ("Indicator", "Indicators", "Joint monitoring indicator", "JMI"),
    # An indicator's target (80%), beside it: not the indicator (Indicator.targets)
    "target": ("Target", "Target value", "Indicator target"),
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
    >>> normalise_header("N°"), normalise_header("Comments/Updates")
    ('no', 'comments / updates')
    >>> normalise_header("N°recommandation"), normalise_header("N ° recommandation")
    ('no recommandation', 'no recommandation')
    """
    folded = text.replace("\u00a0", " ").casefold()
    folded = folded.replace("(s)", "")
    if "°" in folded or "º" in folded or "№" in folded:  # N°, Nº, № (numero) read as No
        # a word of its own, however it is spaced: N°rec, N ° rec, Nº rec
        folded = re.sub(r"\bn\s*[°º]\s*", "no ", folded).replace("№", " no ")
        folded = folded.replace("°", "o").replace("º", "o")
    folded = re.sub(r"[^\w#/&]+", " ", folded)
    return " ".join(folded.replace("/", " / ").split())


NUMBERING_HEADERS: frozenset[str] = frozenset(
    normalise_header(text)
    for text in ("No", "#", "Ref", "Reference", "Item", "S/N", "SN", "S/No", "Sl. No.",
                 "Sr. No.", "Serial no", "Number")
)  # fmt: skip
"""The ``ref`` aliases (normalised) that say "a number" without saying whose.

Left of the recommendation text in a management-response matrix with no Rec #
column, such a column numbers the recommendations; anywhere else it numbers the
actions (see :mod:`govtrack.io.excel`).
"""


GENERIC_HEADERS: frozenset[str] = frozenset({"date", "dates"})
"""Aliases (normalised) that say less than the others of their column: a bare ``Date`` may be
the deadline, but beside ``Deadline`` or ``Due date`` it is a meeting's or a decision's
date, so a reader takes the more exact column and keeps this one in ``extra``."""

_HINT = re.compile(r"(\s*)\(([^()]*)\)\s*\Z")
"""A header's trailing parenthetical, on its line or the next (group 1: the gap before it)."""
_FORMAT_HINT = re.compile(
    r"\s*(?:[dmyq]{1,4}|day|month|year|quarter)(?:\s*[/.\-\s]\s*(?:[dmyq]{1,4}|day|month|year"
    r"|quarter))*\s*",
    re.IGNORECASE,
)
"""A date format a header asks for: ``(mm/yyyy)``, ``(dd.mm.yy)``, ``(month/year)``."""
_CHOICES = re.compile(r"\s*/\s*|\s*[,;|]\s*|\s+or\s+|\s+ou\s+|\s+o\s+", re.IGNORECASE)
"""What separates the values a header allows: ``(Completed/Ongoing/Not started)``, ``(unit or
person)``, ``(High, Medium, Low)``."""
_EXPLANATION = re.compile(
    r"(?:what|who|whom|whose|which|when|where|how|why|e\.?\s?g\b|i\.?\s?e\b|eg\b|ie\b"
    r"|please|if|select|choose|specify|enter|describe|indicate|explain|give|list|name|names"
    r"|free|optional|brief|briefly|short|max|maximum|see|to be|in words|one of"
    # French, Spanish
    r"|quoi|qui|quand|si|p\.\s?ex|par ex|veuillez|préciser|preciser|indiquer"
    r"|sélectionner|selectionner|qué|que|quién|quien|cuándo|cuando|cómo|como|por ej|ej\."
    r"|indicar|especificar|seleccionar)(?!\w)",
    re.IGNORECASE,
)
"""How an explanation of what to write starts: ``(what will be done)``, ``(if any)``,
``(e.g. a unit)``, ``(free text)``, ``(please specify)``."""
_QUALIFIERS = frozenset(
    {"original", "initial", "initially", "first", "planned", "revised", "revision", "new",
     "extended", "actual", "previous", "old", "current", "updated", "latest", "last", "final",
     "baseline", "second", "third", "prior", "earlier", "later", "as", "written", "mid",
     "midterm", "end", "year", "quarter", "semester", "month", "round", "phase",
     "january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
     "sep", "sept", "oct", "nov", "dec",
     # French, Spanish
     "initiale", "révisé", "révisée", "revise", "revisee", "nouveau", "nouvelle", "actuel",
     "actuelle", "précédent", "precedent", "revisado", "revisada", "nuevo", "nueva", "inicial",
     "anterior"}
)  # fmt: skip
"""Words that make a parenthetical part of a header's meaning, not a hint: which deadline or
which round of statuses it is (``Deadline (original)``, ``Status (June)``, ``(as written)``)."""
_COLUMN_LETTERS = re.compile(r"\s*[A-Z]{1,3}\s*")
"""A column letter (``Deadline (D)``, as a reader names a second column in ``extra``)."""
_HINT_ROUNDS = 3
_DURATION_UNITS = r"(?:day|week|month|year|quarter|mth|mo|wk|yr|hour|hr)"
_DURATION_HINT = re.compile(
    rf"(?:.*\b{_DURATION_UNITS}s\b.*"  # a unit in the plural anywhere: (months), (in weeks)
    rf"|\s*(?:in|no\.?\s*of|number\s+of|nb\.?\s*of|#\s*of|count\s+of)\s+{_DURATION_UNITS}\s*)",
    re.IGNORECASE | re.DOTALL,
)
"""A parenthetical naming a unit of duration: a unit in the plural (``(months)``, ``(in weeks)``,
``(no. of days)``, ``(months/years)``) or one in the singular after a word that counts it (``(in
month)``, ``(no. of year)``). A unit alone in the singular is a date format: ``(month)``,
``(month/year)``, ``(quarter)`` ask for a date of that precision."""
_DATE_KEYS = frozenset({"deadline", "revised_deadline", "timeframe"})
"""The columns holding a date, which a hint naming a unit of duration says a column is not."""


def strip_hint(text: str) -> str:
    """A header without its trailing hint in parentheses, or the header unchanged.

    A hint tells how to fill the column, and takes one of three shapes: a date format
    (``Deadline (mm/yyyy)``), the values allowed (``Status (Completed/Ongoing/Not
    started)``, ``Responsible (unit or person)``) or an explanation of what to write
    (``Key action(s) (what will be done)``, ``Comments (if any)``, ``(e.g. …)``, ``(free
    text)``); any parenthetical on a line of its own under the header is one too
    (``Responsible\\n(unit)``). A hint is stripped with the line break or spaces before it.

    Any other parenthetical says which column it is and stays: one naming another thing
    (``Action (Number)``, ``Key action (ref)``, ``Action (cost)``, ``Status (percent)``,
    ``Status (of recommendation)``, ``Recommendation (accepted?)``), one holding a figure
    (``Status (2023)``, ``(Q1)``), a word saying which version or round (``Deadline
    (original)``, ``Status (June)``, ``(as written)``, even on its own line) or only
    capitals (a column letter or an acronym: ``(D)``, ``(RAG)``). A hint on a
    :data:`GENERIC_HEADERS` header is stripped only when it is a date format: ``Date
    (of the meeting)`` says which date it is.

    >>> strip_hint("Deadline (mm/yyyy)"), strip_hint("Key Action(s)\\n(what will be done)")
    ('Deadline', 'Key Action(s)')
    >>> strip_hint("Deadline (original)"), strip_hint("Status (Dec 2022)")
    ('Deadline (original)', 'Status (Dec 2022)')
    >>> strip_hint("Action (Number)"), strip_hint("Status (of recommendation)")
    ('Action (Number)', 'Status (of recommendation)')
    >>> strip_hint("Date (dd/mm/yyyy)"), strip_hint("Date (of the meeting)")
    ('Date', 'Date (of the meeting)')
    """
    stages = _hint_stages(text)
    return stages[-1] if stages else text


def _hint_stages(text: str) -> list[str]:
    """The header after each hint stripped in turn, from the last (empty: no hint)."""
    stages: list[str] = []
    bare = text
    for _ in range(_HINT_ROUNDS):
        match = _HINT.search(bare)
        if match is None or match.group(2) == "s" or not bare[: match.start()].strip():
            break  # no hint, or the plural marker (s), which normalise_header folds
        head = bare[: match.start()].rstrip()
        if not _is_hint(match.group(2), head, own_line="\n" in match.group(1)):
            break
        bare = head
        stages.append(bare)
    return stages


def _is_hint(hint: str, head: str, *, own_line: bool) -> bool:
    """Whether a parenthetical after ``head`` is a hint (see :func:`strip_hint`)."""
    if _COLUMN_LETTERS.fullmatch(hint):
        return False
    if _DURATION_HINT.fullmatch(hint) and _written_key(head, _builtin_lookup()) in _DATE_KEYS:
        return False  # Timeline (months): a duration, not the deadline
    if _FORMAT_HINT.fullmatch(hint):
        return True
    if (
        any(char.isdigit() for char in hint)
        or _QUALIFIERS.intersection(normalise_header(hint).split())
        or normalise_header(head) in GENERIC_HEADERS
    ):
        return False
    if _EXPLANATION.match(hint.strip()):
        return True
    named = _written_key(hint, _builtin_lookup())
    if named is not None:  # Deadline (by when) glosses its header; Action (Number) does not
        return named == _written_key(head, _builtin_lookup())
    choices = [part for part in _CHOICES.split(hint.strip()) if part]
    if len(choices) > 1 and all(len(part.split()) <= _CHOICE_WORDS for part in choices):
        return True
    return own_line and not (any(char.isalpha() for char in hint) and hint.isupper())


def duration_hint(text: str) -> str:
    """The trailing parenthetical of a date column's header when it names a unit of duration,
    else ``""``.

    ``Timeline (months)``, ``Timeframe\\n(in weeks)`` or ``Time frame (no. of days)`` is a
    duration, not a deadline: its parenthetical is no hint (:func:`strip_hint` keeps it), so
    the header names no column and a reader keeps its values in ``extra``. A unit alone in
    the singular is a date format (``Deadline (month)``, ``Timeframe (quarter)``).

    >>> duration_hint("Timeline (months)"), duration_hint("Time-frame\\n(in weeks)")
    ('months', 'in weeks')
    >>> duration_hint("Timeline (month/year)"), duration_hint("Status (days)")
    ('', '')
    """
    match = _HINT.search(text)
    if match is None or not _DURATION_HINT.fullmatch(match.group(2)):
        return ""
    head = text[: match.start()]
    if _written_key(head, _builtin_lookup()) not in _DATE_KEYS:
        return ""
    return " ".join(match.group(2).split())


_MEASURE_HINT = re.compile(
    r"\s*(?:in\s+)?(?:%|percent(?:age)?|per\s*cent|pct|number|no\.?|#|count|amount"
    r"|value|rate|score|figure|total)\s*",
    re.IGNORECASE,
)
"""A parenthetical naming a unit of measure: ``(%)``, ``(percent)``, ``(in %)``, ``(number)``."""
_MEASURE_END = re.compile(r"(?:\s*\(([^()]*)\)|\s*(%))\s*\Z")
"""A trailing parenthetical, or a bare ``%`` (``Progress %``)."""
_NARRATIVE_KEYS = frozenset({"comments", "updates"})
"""The columns of narrative text, which a header naming a unit of measure is not."""


def measure_hint(text: str) -> str:
    """The unit of measure a header ends with (``(%)``, ``(percent)``, ``(in %)``,
    ``(number)`` or a bare ``%``), else ``""``.

    ``Progress (%)`` holds a measure, not progress notes: :func:`header_match` names no
    narrative column by it, and a reader keeps its values in ``extra``.

    >>> measure_hint("Progress (%)"), measure_hint("Progress\\n(in %)"), measure_hint("Progress %")
    ('%', 'in %', '%')
    >>> measure_hint("Progress (Dec 2023)"), measure_hint("Comments")
    ('', '')
    """
    match = _MEASURE_END.search(text)
    if match is None or not text[: match.start()].strip():
        return ""
    unit = match.group(1) if match.group(1) is not None else match.group(2)
    if not _MEASURE_HINT.fullmatch(unit):
        return ""
    return " ".join(unit.split())


_CHOICE_WORDS = 3
"""The most words of one value in a hint listing the values allowed."""


@functools.cache
def _builtin_lookup() -> dict[str, str]:
    """The built-in aliases, for telling whether a parenthetical names a column."""
    return merge_aliases()


def merge_aliases(extra: Mapping[str, Iterable[str]] | None = None) -> dict[str, str]:
    """The lookup from normalised header to column key, with a caller's extra aliases.

    A caller's alias wins over a built-in one with the same normalised text. Every alias
    is also read in the singular (:func:`singular`: ``Scheduled activities`` names the
    action column as ``Scheduled activity`` does), after all the aliases as written: a
    header that is an alias of one column as written is never another's singular
    (``Recommendations`` is the work plan's column, ``Recommendation`` the evaluation's).
    A lone string is one alias (``{"deadline": "Target date"}``), not a list of its letters.

    >>> merge_aliases({"deadline": ["Target quarter"]})["target quarter"]
    'deadline'
    >>> merge_aliases({"deadline": "Target date"})["target date"]
    'deadline'
    >>> merge_aliases()["scheduled activity"], merge_aliases()["recommendation"]
    ('action', 'recommendation')

    Raises:
        UnsupportedFormatError: A key is not a column govtrack knows.
        TypeError: ``extra`` is not a mapping, or an alias is not a string.
    """
    lookup: dict[str, str] = {}
    for key, aliases in ALIASES.items():
        for alias in aliases:
            lookup.setdefault(normalise_header(alias), key)
    table: object = extra  # annotations do not stop a caller passing a list
    if table is not None and not isinstance(table, Mapping):
        message = (
            f"aliases= takes a dict of column key to header names, such as "
            f'{{"deadline": ["Target date"]}}, not {type(table).__name__}'
        )
        raise WrongTypeError(message)
    for key, more in (extra or {}).items():
        if key not in HEADERS:
            known = ", ".join(HEADERS)
            raise UnsupportedFormatError(
                f"aliases: unknown column {key!r}; expected one of {known}"
            )
        given: object = more  # annotations do not stop a caller passing a number
        names = (given,) if isinstance(given, str) else given
        if isinstance(names, Iterable):
            names = tuple(names)  # once: a generator is consumed by looking
        if not isinstance(names, tuple) or not all(isinstance(name, str) for name in names):
            shown = repr(given) if len(repr(given)) <= 60 else repr(given)[:57] + "..."
            message = (
                f"aliases={{{key!r}: ...}} takes a header name or a list of them, "
                f"such as {{{key!r}: ['Target date']}}, not {type(given).__name__} {shown}"
            )
            raise WrongTypeError(message)
        for alias in names:
            lookup[normalise_header(alias)] = key
    for alias, key in list(lookup.items()):
        # An alias in the plural is read in the singular too (``Scheduled activity``); an
        # alias as written, of any column, comes first.
        lookup.setdefault(singular(alias), key)
    return lookup


def header_key(text: str, lookup: Mapping[str, str]) -> str | None:
    """The column key a header names, or None when it names none (or several).

    The header is looked up after :func:`normalise_header`. A header that is no
    alias names a main column (:data:`PLURAL_KEYS`) when its words in the singular
    are one of that column's aliases (``Focal points``); any other column is named by
    its aliases only. A header that combines others with ``/`` names a key when all
    its parts name that same key; parts naming different keys (``Status/Comments``)
    name none, so that a reader keeps the column whole rather than choosing one of its
    fields.

    Args:
        text: The header as written.
        lookup: Normalised header to key, as :func:`merge_aliases` builds it.

    Returns:
        The column key, or None.

    >>> lookup = merge_aliases()
    >>> header_key("Remarks/Comments", lookup), header_key("Comments/Updates", lookup)
    ('comments', 'comments')
    >>> header_key("Status/Comments", lookup) is None
    True
    >>> header_key("Action points", lookup), header_key("Target dates", lookup)
    ('action', 'deadline')
    >>> header_key("Offices", lookup) is None  # Office is Scope, but only main columns pluralise
    True
    >>> header_key("Status (Completed/Ongoing/Not started)", lookup)  # a hint: strip_hint
    'status'
    """
    return header_match(text, lookup)[0]


def header_match(text: str, lookup: Mapping[str, str]) -> tuple[str | None, bool]:
    """The column key a header names (as :func:`header_key`), and whether it names it only
    once a hint is stripped (:func:`strip_hint`).

    A reader gives a column to the header that names it as written before one that names
    it only without its hint: in ``Status (Completed/Ongoing) | Status`` the second is the
    status. Two headers that name a column only without their hints say, by their
    parentheticals, that they are two different columns of that name: neither is a hint.

    Args:
        text: The header as written.
        lookup: Normalised header to key, as :func:`merge_aliases` builds it.

    Returns:
        The column key (or None), and True when it is named only once a hint is stripped.

    >>> lookup = merge_aliases()
    >>> header_match("Status", lookup), header_match("Status (Completed/Ongoing)", lookup)
    (('status', False), ('status', True))
    >>> header_match("Status (of key action)", lookup)  # an alias as written
    ('status', False)
    >>> header_match("Progress (%)", lookup)  # a measure, not progress notes: measure_hint
    (None, False)
    """
    key, hinted = _match(text, lookup)
    if key in _NARRATIVE_KEYS and measure_hint(text):
        return None, False
    return key, hinted


def _match(text: str, lookup: Mapping[str, str]) -> tuple[str | None, bool]:
    """:func:`header_match` before a unit of measure is judged."""
    key = _written_key(text, lookup)
    if key is not None:
        return key, False
    for bare in _hint_stages(text):
        key = _written_key(bare, lookup)
        if key is not None:
            return key, True
    return None, False


def _written_key(text: str, lookup: Mapping[str, str]) -> str | None:
    """The key a header names as written: by an alias, in the plural or combined."""
    folded = normalise_header(text)
    key = _alias_key(folded, lookup)
    if key is not None or " / " not in folded:
        return key
    keys = {_alias_key(part, lookup) for part in folded.split(" / ") if part}
    return keys.pop() if len(keys) == 1 else None


_PLURAL_END = re.compile(r"(?<=[a-z]{2})ies\b|(?<=[a-z]{3})(?<![su])s\b")
"""A plural ending: ``ies`` of ``activities`` (read ``y``), or a trailing ``s`` making a word
plural (``points``, ``deadlines``), not one ending the word itself (``status``,
``progress``)."""


def singular(folded: str) -> str:
    """A folded header with each of its words in the singular: ``activities`` is read
    ``activity``, ``points`` ``point``; ``status`` and ``progress`` stay as they are.

    The one rule by which a header and an alias match in the singular and the plural
    (:func:`merge_aliases`, :func:`header_key`): it compares words, and need not make
    real ones (``recomendaciones`` gives ``recomendacione`` on both sides).

    >>> singular("scheduled activities"), singular("action points"), singular("status")
    ('scheduled activity', 'action point', 'status')
    """
    return _PLURAL_END.sub(_singular_end, folded)


def _singular_end(match: re.Match[str]) -> str:
    return "y" if match.group() == "ies" else ""


PLURAL_KEYS: frozenset[str] = frozenset({"recommendation", "action", "responsible", "deadline"})
"""The columns whose aliases are also read in the plural (``Action points``, ``Focal
points``, ``Target dates``, ``Evaluation recommendations``): the main text, who and when.

Other columns are read in the plural only by an alias of several words (``Progress
updates``, ``Management responses``, ``Joint monitoring indicators``), and never those
that make an action a work-plan activity or a decision or that group actions: a one-word
plural there is as likely a column of the partner's own (``Offices``, ``Themes``,
``Schedules``, ``Responses``) as the field, and so are ``Reasons for delays`` and
``Deemed consents``; reading one as the field would take it out of ``extra``, or make an
action plan a work plan, so that what govtrack wrote would not read back as written.
"""


_NEVER_PLURAL = frozenset(
    {"scope", "group", "schedule", "schedule_on", "schedule_behind", "delay_reasons",
     "deemed_consent"}
)  # fmt: skip
"""The columns never read in the plural, not even by an alias of several words: they make
an action a work-plan activity or a decision, or name a partner's own grouping
(``Reasons for delays``, ``Deemed consents``, ``Offices``)."""


def _alias_key(folded: str, lookup: Mapping[str, str]) -> str | None:
    """The key of a folded header: as written, else in the singular (``Action points`` is
    ``Action point``) when that is an alias of a :data:`PLURAL_KEYS` column, or an alias
    of several words of another column (``Progress updates``, ``Management responses``,
    ``Joint monitoring indicators``) but those of :data:`_NEVER_PLURAL`."""
    key = lookup.get(folded)
    if key is None:
        one = singular(folded)
        if one != folded:
            key = lookup.get(one)
            if key in PLURAL_KEYS:
                return key
            if key is None or key in _NEVER_PLURAL or " " not in one:
                return None
    return key


def header_part_keys(text: str, lookup: Mapping[str, str]) -> tuple[str, ...]:
    """The distinct keys the ``/``-separated parts of a header name, in order.

    For a reader's message about a combined header that :func:`header_key`
    cannot place.

    Args:
        text: The header as written.
        lookup: Normalised header to key, as :func:`merge_aliases` builds it.

    Returns:
        The keys, each once; empty when no part is an alias.

    >>> header_part_keys("Status / Comments / Remarks", merge_aliases())
    ('status', 'comments')
    """
    keys: dict[str, None] = {}
    for part in normalise_header(strip_hint(text)).split(" / "):
        key = _alias_key(part, lookup)
        if key is not None:
            keys.setdefault(key, None)
    return tuple(keys)
