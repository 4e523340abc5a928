"""Reader of a meeting's record notes (minutes) with a list of decisions.

The shape, markdown-ish, is::

    # Organiser (first heading line)
    #### Record Notes of the … Workshop
    Date and Time:  23 April 2019, 02.00-04.30 PM.
    Venue:          Conference Room 2, Building 1,
                    City.
    Chairperson:    Dr. A. B., Secretary,
                    Some Division.
    Participants:   Appendix 'A'.
    - 1. A numbered paragraph …
    ### 3. A numbered heading
    # 5. Decisions
    - a) The Division will send the draft by email;
    - b) Each ministry will comment by 05 May 2019;
    - c) If no comment is received by 02 May 2019 it will be deemed accepted;

Header fields become the :class:`~govtrack.Meeting`'s date, time span,
venue, chair and participants (unknown ones are kept in ``extra``); numbered
paragraphs become :class:`~govtrack.AgendaItem` records; the lettered list
under a decisions heading becomes :class:`~govtrack.Decision` records whose
responsible party and deadline are read from the sentence. Nothing is
dropped: text the reader cannot place stays in an agenda item.

A decision starts on a line that begins with a letter (``(a)``, ``a)``) or a
Roman numeral from ``i`` to ``xx`` (``(iv)``, ``iv)``, ``iv.``), lower case; its
ref is the letter or numeral and a bracket, whatever the form (``a)``, ``iv)``).
``i``, ``v`` and ``x`` are both letters and numerals: the list decides. Each is
the letter when the decision before it is the letter just before it (``(h)``,
``(i)``); otherwise ``i`` is the numeral one, and ``v`` and ``x`` are numerals
after a numeral (``(iv)``, ``(v)``) and letters after anything else. A line
inside a decision that starts like another list item the reader does not take
as a decision (``(xxi)``, ``(I)``, ``(1)``: a letter, a number or a Roman numeral
in brackets, never a word or an acronym such as ``(MoFEP)``), or a decision whose
line holds the next item of its list (``(i) … (ii) …``), is kept in that
decision's text and reported (GT350), never merged in silence.

Under a bulleted decision, lines that start like a list item but with no bullet (``(a)``,
``b)``, ``(ii)``, ``(A)``, ``(1)``) are its sub-points, colon, indent or blank line before
them or not, when they run from the first (``a``, ``i``, ``A``, ``1``) in order right under
it: a bulleted list is not lettered (``- a) …``, a letter on the bullet's line, starts a
lettered decision). Any other such line is read as with no bullet above it (after a blank
line, ``5) Date of the next meeting`` is no sub-point), and one lettered as the run but
skipping a letter (``(c)`` after ``(a)``) is reported (GT347).

A decision whose line ends with a colon (``b) The Board requested the
Secretariat to:``) keeps the sub-list below it, blank lines between its items
allowed: under a lettered decision, lines numbered in Roman numerals (``i)``,
``(ii)``, ``iii.``); under any decision, bulleted lines (``-``, ``•``) and lines
numbered as the reader never numbers decisions (``(1)``, ``(A)``, ``(IV)``; but
``(xxi)`` under ``(xx)`` stays the list's next item, reported as above). Each
item is a line of the decision's text, the sub-list is not counted in the list of
decisions, and the decision's deadline is the first one its sentence or its items
give; an item's own deadline that differs stays in the text and is reported (GT352). A
decision whose sentence names no party (``1. The Board agreed the following:``) takes the
parties its items name, each read as a decision's sentence (``- The Unit to draft …``);
one whose verb ends with the colon (``a) The Secretariat will:``, ``shall:``, ``to:``)
names its subject, whatever its items name. A line that ends ``the following`` or ``as
follows`` with no colon reads as with its colon.
A numeral that is also the next letter (``i)`` under ``h) … to:``) is an item
when it is indented deeper than the decision or the next list line holds the numeral
after it (``ii)``); otherwise it is the next decision. Only a list numbered
in Roman numerals throughout has ``i)``, ``ii)`` as decisions.

Under a decisions heading (a heading, a numbered title or a line of a few words
that names decisions, action points, agreed actions…, or a line naming them that
ends with ``:``, such as ``The decisions were as follows:``), the list of decisions
may also be bulleted (``-``, ``*``, ``•``, ``–``) or numbered (``1.``, ``1)``,
``(1)``, or ``5.1``, ``5.2`` under a number, from ``.1``); its first item sets its kind.
A bulleted decision has no ref; a numbered one has its number and a bracket (``2)``), or
its numbers as written (``5.2``). It may also be lettered in capitals (``A.``, ``(A)``,
``A)``), numbered in capital Roman numerals (``I.``, ``II.``, ``(IV)``) or lettered in lower
case with a full stop (``a.``, as ``a)``); its ref is the letter or numeral and a bracket
(``B)``, ``II)``). As ``A. Jones will …`` may start with a person's initial, such a list is
read only when it is sure: two spaces or a tab follow the first letter, or the next line
lettered alike holds the next letter (``B.`` after ``A.``, ``II.`` after ``I.``). A line
that is not sure, or whose letter is followed by a name and ``will``, is reported (GT353).
A bullet followed by ``A.`` is a bullet (``- A. Smith will …``). A short lettered line with no
verb over a list numbered from ``1`` (``A.  Finance``) is a section's title: the numbered
lines are its decisions, refs ``A.1``, ``A.2``, ``group`` the title; a title whose letter
skips one (``D.`` after ``B.``) is reported (GT347); numbered lines under a
lettered decision are decisions too.
A numbered list starts at ``1.``; a line
``N.`` is its next decision, except that a title (a few words, no full stop) whose
number is the agenda's next is an agenda item (reported, GT351, when it also
continues the list); a line numbered again from ``1.`` (after a page break) that reads as
a decision (a party and ``will``, ``to``…) goes on with the list, its number reported
(GT347). Under a bulleted or numbered decision, a list item indented
deeper, or after a decision ending with ``:`` an item of another shape
(``i)``, ``a)``, a bullet of another kind, ``(1)`` under ``1.``), is an item of its
sub-list; so is a line numbered ``1.``, ``2.`` under any decision ending with ``:``.
Once a decision has been read under the heading, a line that is neither in a
decision nor a sub-list (a paragraph after a blank line, an item of another shape)
stays in the meeting's text and is reported (GT351); one that reads as a title
ends the section. A ``#`` heading, or a title in bold on a line of its own (``**Next
meeting**``), ends the decision above it, blank line or not.
Bulleted and numbered lists are read only under such a heading; a lettered list is
read anywhere, as above.

A page mark at the end of a line over the header fields (``Page 1 of 2``, ``- 2 -``,
``1/2``) is left out of the organiser or title and reported (GT355); among the decisions,
such a line stays in the meeting's text (GT351) and does not end the list.

Who: after ``It was agreed that``, ``The committee decided that`` (``resolved``…),
the subject of the sentence that follows; ``X decided to`` names X (``It was decided
to`` names no one); else the subject of ``X will …``, ``X shall …``, ``X to <verb> …``.
A subject joined by ``and`` is several parties only when each part names a party of its
own: it starts with a determiner (``the Finance Unit``), ends with an office's noun
(``ICT Unit``, ``… Section``, ``… Committee``) or starts with one and ``of`` (``Ministry
of Health``), starts with an acronym in capitals (``HR``, ``M&E``, ``UNICEF``, ``UN
Women``), or is a party the minutes name alone elsewhere (in another decision, or as a
participant or chair). Otherwise the subject is one name, kept whole: ``Monitoring and
Evaluation``, ``HR and Admin``, ``Ministry of Finance and Planning``, ``Water, Sanitation
and Hygiene``; the reader never guesses. Names listed with ``,`` and a last ``and``
(``UNICEF, UNFPA and UN Women to …``) are each a party by the same rule, and a name may
carry its acronym in brackets (``Ministry of Finance (MoF)``). A supporter set off by
commas (``The Secretariat, with support from UNDP, will …``; ``supported by``, ``in
consultation with``) is not responsible and stays in the text only; so is any clause set off
by commas that starts in lower case (``The Secretariat, having circulated the draft, will
…``, ``UNICEF, as lead agency, to …``), unless it is a second subject (``The Chair, and the
Vice-Chair, will``; ``or``, ``together with``), a party too. A later clause with a subject
of its own (``The Secretariat to circulate the draft by 15 March 2024 and the Unit to
comment by 30 March 2024``) adds its party; a decision has one deadline, the first, and a
later clause's own deadline stays in the text and is reported (GT352). A first clause that
names no party (``The deadline of decision d) is extended: WFP and UNICEF will finalise …``)
takes the parties of the first clause after ``:`` or ``;`` that starts with its subject and
``will``, ``to``…, unless it tells what was noted. Names in the verb's
object are never parties, whatever preposition leads to them: ``The Secretariat to send the
officers from Kenya and Uganda to attend …`` and ``… to send copies to the Board and HR to
comment …`` name the Secretariat alone. As ``HR to comment`` may also be a clause of its
own, a name after a recipient that ``to`` or ``with`` leads to, followed by ``to`` and a verb
(``share the draft with UNICEF and the Finance Unit to prepare the budget``), is reported
(GT354), never taken as a party by a guess, after ``will`` (``The Unit will write to Finance
and HR to confirm …``) as after ``to``. A subject holding
``not`` (``Decisions not objected to within 5 days will be deemed approved``) names no
party. A party named after ``Responsible:``, ``Lead:``, ``Focal point:`` comes first.
The decision's text is the whole sentence.

When: the first line (the sentence, then each sub-item) that names a deadline gives it. In
a line, a date after ``by``, ``before``, ``no later than``… (``before end of May 2024``)
wins over any other; failing one, a span counted from the meeting's date (``within 7
days``, ``within two weeks``, ``within eighteen months``, ``within 30 days of the
meeting``: numbers to ninety-nine, in figures or words), whose due is that day and whose
text is the words as written. A ``within`` span counts only in the decision's verb phrase,
as an ``on`` date does (below): ``having circulated the draft within 5 days, will …`` names
no deadline; a deemed-consent rule's period (``not objected to within 5 working days``)
is its deadline wherever it stands, the day the rule resolves itself. A span counts from
the meeting only when it names no event or the meeting alone (``of the meeting.``);
anything more after ``of``, ``from``… is another event (``within 7 days of the meeting
report being circulated``, ``within 14 days of receipt``). A span that cannot be dated, as
the minutes give no meeting date or one that reads two ways (GT341), it counts working
days or from another event, is kept whole in ``due_text`` and reported (GT349); so is a
date after ``by``… that cannot be, whole and with the reason (``31 June 2023``: June has
30 days).

Failing those, a date right after ``on``, ``in`` or ``during`` (``on 20 April 2023``,
``in Q2 2023``, ``during June 2023``) in the decision's verb phrase: after its verb
(``will``, ``shall``, ``to``…), with no past participle since that ``be`` does not lead
(``the review conducted by OIOS in May 2023``, ``the budget approved by the Board in May
2023`` name no deadline; ``will be completed in June 2023``, ``the revised plan`` do not
stop it) and no word of the past (``as it did in May 2023``, ``which was``); a comma
ends a participle's reach, a sentence's end needs a new verb. The date must end its
clause or be followed by a new phrase (``on 5 May 2023.``, ``on 5 May 2023 to all
members``, ``at the latest``): ``on 5 May 2023 progress`` and ``in 2023 figures`` qualify
a noun and name no deadline. A bare year counts only after ``in`` or ``during`` and at a
clause's end (``will be completed in 2024.``), never after ``on`` (``on the 2023
budget``). A date that ends before the meeting's date tells of the past: it is kept in
``due_text`` and reported (GT349), never taken as the deadline. So is a date after ``by``…
that gives no year (``by end of January``; the report's example year puts it on or after the
meeting's date) and a session named as the deadline (``at its 5th session``, ``by the third
meeting``, ``at the next session``, ``by the next meeting``, ``at its next session``).

Problems this reader records:

=====  ========  ===============================================================
code   severity  meaning
=====  ========  ===============================================================
GT340  warning   no title line before the header fields
GT341  warning   the meeting's date cannot be read (kept in ``when_text``), such as an
                 all-numeric day that reads two ways without ``dayfirst=``
GT342  info      the time span cannot be read (kept in ``when_text``)
GT343  warning   no list of decisions was found
GT344  warning   the text ends mid-sentence: it may be truncated (not when its last line
                 ends with a date that reads and the line before it with ``;``: the last
                 item of such a list often has no full stop)
GT345  warning   a header field with no value
GT346  info      a header field govtrack has no name for (kept in ``extra``)
GT347  warning   the decision letters or numerals skip one (``a)``, ``b)``, ``d)``;
                 ``i)``, ``iii)``), or the letters of section titles do (``A.  Finance``,
                 ``B.  Staff``, ``D.  Closing``), or those of a bullet's sub-points
                 (``(a)``, ``(c)``)
GT348  warning   a header field given twice (the second is kept in ``extra``)
GT349  warning   a decision's deadline that cannot be read (kept in ``due_text``), such
                 as an all-numeric day that reads two ways (``03/04/2023``) without
                 ``dayfirst=``, a day that does not exist (``31 June 2023``),
                 ``within 7 days`` with no meeting date, or a date after ``on``, ``in``
                 that ends before the meeting's; or a span (``within 10 days``) read as
                 no deadline, out of the verb phrase, when the decision has none (kept in
                 its text)
GT350  warning   a decision holds what looks like another list item (a line starting
                 ``(xxi)``, ``(I)``, ``(1)``, or the next item on the same line): it
                 is not split and stays in that decision's text
GT351  warning   a line under a decisions heading, after a decision, that is in no decision
                 (a paragraph, an item of another shape, a numbered title read as an
                 agenda item): it stays in the meeting's text; or a numbered title with a
                 paragraph under it that continues the list (``3. Closing``), read as a
                 decision
GT352  warning   a decision whose sentence gives a second party a deadline of its own (``The
                 Secretariat to circulate the draft by 15 March 2024 and the Unit to comment
                 by 30 March 2024``): both parties are kept, the deadline is the first; the
                 other stays in the text; or an item of its sub-list that gives a deadline of
                 its own (``a) costs by April 2024;``), kept in the text and reported at
                 the item's line
GT353  warning   a line under a decisions heading lettered ``A.``, ``I.``, ``a.`` whose letter
                 may be a person's initial (``A. Jones will …``): read as a decision when the
                 next letter follows on a line of its own, else kept in the meeting's text
GT354  warning   a decision whose sentence may name a second party after a recipient (``The
                 Secretariat to share the draft with UNICEF and the Finance Unit to prepare the
                 budget``): read as one more recipient, so the subject alone is the party
GT355  info      a page mark at the end of a heading line (``WORKING GROUP      Page 1 of
                 2``, ``- 2 -``, ``1/2``): left out of the organiser or title, quoted here
=====  ========  ===============================================================

>>> import govtrack as gt
>>> doc = gt.loads("Minutes of the Board\\nDate and Time: 3 March 2021, 10 am to 12 pm\\n"
...                "Venue: Room 4\\n\\nDecisions:\\na) The secretariat will circulate the "
...                "minutes by 10 March 2021;\\n", format="minutes")
>>> meeting = doc.meetings[0]
>>> meeting.title, str(meeting.date), str(meeting.starts), meeting.venue
('Minutes of the Board', '2021-03-03', '10:00:00', 'Room 4')
>>> decision = meeting.decisions[0]
>>> decision.ref, decision.responsible, decision.due.text
('a)', ('The secretariat',), '10 March 2021')
>>> doc = gt.loads("Minutes of the Board\\nVenue: Room 4\\n\\nDecisions:\\na) The Board asked "
...                "the unit to:\\n   i) hire a clerk by 2024/03;\\n   ii) train the clerk.\\n"
...                "b) The Board approved the budget.\\n", format="minutes")
>>> first, second = doc.meetings[0].decisions
>>> print(first.text)
The Board asked the unit to:
i) hire a clerk by 2024/03;
ii) train the clerk.
>>> first.due.text, second.ref
('2024/03', 'b)')
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator

import attrs

from govtrack._errors import AmbiguousDateError, DueParseError, FormatError
from govtrack.io._prose import (
    BULLET,
    Line,
    deadline_in,
    ends_a_semicolon_list,
    find_day,
    is_deemed_consent,
    lines_of,
    no_party_word,
    responsible_in,
    split_page_mark,
    squash,
    tail,
    time_span,
    unread_day,
    unread_deadline_in,
)
from govtrack.model.dates import MONTHS, Due, Precision, parse_due
from govtrack.model.location import Location
from govtrack.model.records import AgendaItem, Decision, Document, Issue, Meeting
from govtrack.model.status import Severity
from govtrack.validate import with_reading_problems

__all__ = ["loads", "sniff"]

_FIELD = re.compile(
    r"^\s{0,4}(?:\*\*)?(?P<label>[^\W\d_][\w /&'()-]{0,38}?)\s{0,3}(?:\*\*)?:(?:\*\*)?"
    r"(?:[\s\u00a0]{1,40}(?P<value>.*))?$"
)
_LABELS: dict[str, str] = {
    "date and time": "date",
    "date & time": "date",
    "date/time": "date",
    "time and date": "date",
    "date": "date",
    "when": "date",
    "time": "time",
    "venue": "venue",
    "place": "venue",
    "location": "venue",
    "chairperson": "chair",
    "chair": "chair",
    "chaired by": "chair",
    "chairman": "chair",
    "chairwoman": "chair",
    "chairs": "chair",
    "co-chairs": "chair",
    "presided by": "chair",
    "participants": "participants",
    "present": "participants",
    "attendees": "participants",
    "members present": "participants",
}
_NUMBERED = re.compile(
    r"^\s{0,8}(?:[-*•]\s{1,4})?(?P<hashes>#{1,6}\s{0,4})?(?P<bold>\*\*)?"
    r"(?P<ref>\d{1,3})\.(?:\*\*)?(?:\s{1,8}(?P<rest>.*)|$)"
)
_MARKER = re.compile(
    r"^\s{0,8}(?:[-*•]\s{1,4})?(?:\*\*)?"
    r"(?:\((?P<paren>[a-z]{1,5})\)|(?P<closing>[a-z]{1,5})\)|(?P<dotted>[ivx]{1,5})\.)"
    r"(?:\*\*)?(?:\s{1,8}(?P<rest>.*)|$)"
)
_ROMAN = (
    "i",
    "ii",
    "iii",
    "iv",
    "v",
    "vi",
    "vii",
    "viii",
    "ix",
    "x",
    "xi",
    "xii",
    "xiii",
    "xiv",
    "xv",
    "xvi",
    "xvii",
    "xviii",
    "xix",
    "xx",
)
"""The Roman numerals a decision may be numbered with, one to twenty."""
_ROMAN_VALUE = {numeral: value for value, numeral in enumerate(_ROMAN, 1)}
_LOWER_ROMAN = r"(?=[ivxl])(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})"
_ITEM_TOKEN = (
    r"(?:[0-9]{1,3}[A-Za-z]|[A-Za-z][0-9]{1,2}|[A-Za-z]|[0-9]{1,3}|"
    + _LOWER_ROMAN
    + r"|(?=[IVXL])(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))"
)
"""What numbers a list item: one letter, a number of up to three digits, the two together
(``2a``, ``A1``), or a Roman numeral (one to ninety-nine, in one case): never a word or an
acronym such as ``MoFEP``."""
_UNREAD_MARKER = re.compile(
    r"^\s{0,8}(?:[-*•]\s{1,4})?(?:\*\*)?"
    rf"(?P<marker>\({_ITEM_TOKEN}\)|{_ITEM_TOKEN}\)|{_LOWER_ROMAN}\.)"
    r"(?:\*\*)?(?:\s|$)"
)
"""A line that starts like a list item (``(a)``, ``(IV)``, ``1)``, ``xxi.``): what
:func:`_marker` refuses is reported. ``(MoFEP) will lead`` starts with no item."""
_PAST_XX = re.compile(rf"\(?{_LOWER_ROMAN}[.)]")
"""A lowercase Roman numeral as :data:`_UNREAD_MARKER` finds it (``(xxi)``, ``xl.``)."""
_LETTER_ITEM = re.compile(
    r"^\s{0,8}(?:[-*•]\s{1,4}(?=\(?[A-Z]{1,5}\)))?(?:\*\*)?"
    r"(?:\((?P<paren>[A-Z]{1,5})\)|(?P<closing>[A-Z]{1,5})\)|(?P<dotted>[A-Z]{1,5}|[a-z])\.)"
    r"(?:\*\*)?(?P<gap>[ \t]{1,8})(?P<rest>\S.*)$"
)
"""A line lettered in capitals (``A.``, ``(B)``, ``C)``), numbered in capital Roman numerals
(``II.``, ``(IV)``, ``V)``) or lettered in lower case with a full stop (``a.``): what
:func:`_letter_item` reads. A bullet may come before a bracketed letter (``- (B)``, ``• C)``,
as before ``b)``), never before ``A.``: ``- A. Smith will …`` is a bullet whose text starts
with an initial."""
_LETTER_FORMS = frozenset({"A.", "A)", "(A)", "a."})
"""The forms :func:`_letter_item` gives."""
_INITIAL = re.compile(
    r"[A-Z][a-z]{1,20}(?:[-'’][A-Z]?[a-z]{1,20})?\s{1,3}(?:will|shall|must|should|would|to)\b"
)
"""What follows a letter when the letter may be a person's initial: ``A. Jones will …``."""
_LOOKAHEAD = 200
"""The most lines :func:`_run_follows` looks down for the next item of a lettered list."""
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s{0,8}(?P<text>.*?)\s{0,8}#{0,6}\s*$")
_DECISIONS_CUE = re.compile(
    r"\b(?:decisions?|decided|resolutions?|resolved|action points|agreed actions"
    r"|agreed as follows|agreed the following|way forward)\b",
    re.IGNORECASE,
)
_TITLE_CUE = re.compile(r"\b(?:record notes|minutes|notes of|proceedings)\b", re.IGNORECASE)
_BOLD_TITLE = re.compile(r"\s{0,3}(?:\*\*|__)[^*_\n]{1,80}(?:\*\*|__)\s{0,3}:?\s{0,3}")
"""A line that is a title in bold, as a ``#`` heading: ``**Next meeting**``."""
_FOLLOWING = r"\b(?:the\s{1,3}following(?:\s{1,3}[a-z]+){0,3}|as\s{1,3}follows)"
_OPENS_LIST = re.compile(rf"(?::|\s{_FOLLOWING})[\s*_]*$")
"""A decision's line that ends so announces a sub-list (``… the Secretariat to:``), with a
colon or without one after ``the following`` or ``as follows`` (``The Board agreed the
following``), as a colon-less lead-in reads as one with its colon."""


def opens_list(text: str) -> bool:
    """Whether a line so ended announces a sub-list (:data:`_OPENS_LIST`), for the meeting
    report's items too.

    >>> opens_list("The Secretariat will:"), opens_list("The Board agreed as follows")
    (True, True)
    >>> opens_list("The Secretariat will revise the plan, including")
    False
    """
    return bool(_OPENS_LIST.search(text))


_ENDS_SENTENCE = re.compile(r"[.;:!?)\]\"'’”*]\s*$")
_NUMBER_ITEM = re.compile(
    r"^\s{0,8}(?:[-*•–]\s{1,4})?(?:\*\*)?(?:\((?P<paren>\d{1,3})\)|(?P<closing>\d{1,3})\))"
    r"(?:\*\*)?(?:\s{1,8}(?P<rest>.*)|$)"
)
"""A line numbered ``(1)`` or ``1)``; ``1.`` is :data:`_NUMBERED`."""
_DECIMAL_ITEM = re.compile(
    r"^\s{0,8}(?:[-*•–]\s{1,4})?(?:\*\*)?(?P<major>\d{1,3})\.(?P<minor>\d{1,3})\.?"
    r"(?:\*\*)?(?:\s{1,8}(?P<rest>.*)|$)"
)
"""A line numbered under a number: ``5.1``, ``5.2.`` (the decisions of a section ``5.``)."""
_DECIMAL_FORM = re.compile(r"\d{1,3}\.1")
"""How :func:`_shape` names the form of a line numbered ``5.2``: ``"5.1"``."""
_BULLET_CHAR = re.compile(r"^\s{0,12}(?P<char>\S)")
_HEAD_NOUN = re.compile(
    r"\b(?:unit|units|division|divisions|department|departments|section|sections|office|offices"
    r"|team|teams|committee|committees|branch|branches|wing|directorate|ministry|ministries"
    r"|programme|program|group|groups|cell|desk|service|services|agency|agencies|secretariat"
    r"|board|council|commission|authority|centre|center)$",
    re.IGNORECASE,
)
"""The last word of a party that names an office (``… Unit``, ``… Division``)."""
_DETERMINER = re.compile(r"(?:the|each|all|every|its|their|both)\s", re.IGNORECASE)
_OFFICE_OF = re.compile(
    r"(?:ministry|department|office|division|directorate|secretariat|bureau|agency|commission"
    r"|board|council|embassy|government|state|republic)\s{1,3}of\b",
    re.IGNORECASE,
)
"""An office's noun and ``of`` that start a party's name: ``Ministry of Health``."""
_ACRONYM = re.compile(r"[A-Z](?:[A-Z0-9]|[&./-](?=[A-Z0-9])){1,11}\.?")
"""A word in capitals that names a party: ``UNICEF``, ``HR``, ``M&E``, ``UN``."""
_LEAD_IN = re.compile(
    r"^(?P<body>it\s{1,3}(?:was|is|has\s{1,3}been)|(?:the\s{1,3})?[^\s,;:()]{1,30}"
    r"(?:\s{1,3}[^\s,;:()]{1,30}){0,4}?)\s{1,3}(?:(?:has|have)\s{1,3})?"
    r"(?:further\s{1,3}|also\s{1,3}|unanimously\s{1,3}|then\s{1,3})?"
    r"(?:agreed|decided|resolved)\s{1,3}that\s{1,3}",
    re.IGNORECASE,
)
"""What introduces the decided sentence: ``It was agreed that``, ``The committee decided that``."""
_DECIDED_TO = re.compile(
    r"^(?P<who>(?:the\s{1,3})?[^\s,;:()]{1,30}(?:\s{1,3}[^\s,;:()]{1,30}){0,4}?)\s{1,3}"
    r"(?:decided|resolved)\s{1,3}to\s{1,3}\w",
    re.IGNORECASE,
)
_MODAL = re.compile(
    r"\b(?:will|shall|would|should|must|to|if|when|unless|once|after)\b", re.IGNORECASE
)
_NOTING_WORDS = (
    r"(?:noted|notes|took\s{1,3}note|takes\s{1,3}note|welcomed|welcomes|acknowledged"
    r"|acknowledges|recogni[sz]ed|appreciated|commended|congratulated|heard|received"
    r"|reviewed|discussed)"
)
_NOTING = re.compile(rf"(?<![\w-]){_NOTING_WORDS}\b")
"""A verb that tells what a body noted, not what it decided: ``The Board noted …``.
Lowercase only: a capitalised word inside a name (``The Recognised Training Providers``,
``Received Documents Unit``) is part of the name."""
_NOTED_OPENING = re.compile(rf"(?i:{_NOTING_WORDS})\b(?!\s{{1,3}}[A-Z])")
"""A noting verb opening a line (``Noted:``, ``Noted that …``, ``Took note of …``), not the
first word of a name (``Received Documents Unit``)."""
_NOTING_LEAD = re.compile(
    rf"(?:^(?i:{_NOTING_WORDS})|\s{_NOTING_WORDS})(?:\s{{1,3}}and\s{{1,3}}{_NOTING_WORDS})*"
    r"(?:\s{1,3}of)?(?:\s{1,3}with\s{1,3}[a-z]+)?"
    r"(?:(?:\s{1,3}(?:that|as\s{1,3}follows|the\s{1,3}following(?:\s{1,3}[a-z]+){0,3}))?"
    r"\s{0,3}:|\s{1,3}(?:as\s{1,3}follows|the\s{1,3}following(?:\s{1,3}[a-z]+){0,3}))[\s*_]*$"
)
"""A lead-in whose colon a noting verb governs: ``The Board noted the following:``, ``The
meeting took note of the following:``, ``Noted:``, or the same with no colon after ``the
following`` or ``as follows``; not ``The Board discussed the findings
and expects the following:``, whose colon another verb governs."""
_NOTED_AND_ACTS = re.compile(
    r"(?!\s{1,3}that\b)(?:[^;:]{0,200}?,?)?\s{1,3}and\s{1,3}"
    r"(?P<link>will|shall|must|should|to)\s{1,3}[a-z]"
)
"""After a noting verb, a verb its subject governs too: ``The Secretariat noted the concerns
and will revise …``, ``… and to revise …``; never after ``that`` (``noted that UNICEF will``)."""
_IN_A_NAME = frozenset(
    ("of", "and", "for", "the", "on", "in", "de", "&", "a", "an", "with", "to", "by", "from", "at")
)
"""Words after which a noting word is part of a name (``The Unit for received goods``)."""
_ENDS_A_NAME = re.compile(r"\s{0,3}(?:$|(?:will|shall|must|should|would|to)\b)", re.IGNORECASE)
"""What follows a noting word that ends a name (``The Unit for goods received will``)."""
_SENTENCE_VERB = re.compile(r"\b(?:will|shall|would|should|must)\b", re.IGNORECASE)
"""A word that makes a line a sentence rather than a title."""
_UNITS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
)  # fmt: skip
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    **{word: value for value, word in enumerate(_UNITS, 1)},
    **{word: 10 * place for place, word in enumerate(_TENS, 2)},
}
"""The number words a ``within`` span may count with; ``twenty-one`` adds its parts."""
_COUNT_WORDS = (
    rf"(?:{'|'.join(_TENS)})(?:(?:-|\s{{1,3}})(?:{'|'.join(_UNITS[:9])}))?"
    rf"|{'|'.join(sorted(_UNITS, key=len, reverse=True))}|an|a"
)
"""One to ninety-nine in words (``eighteen``, ``twenty-one``, ``forty five``), ``a``, ``an``."""
_WITHIN = re.compile(
    r"\bwithin\s{1,3}(?:the\s{1,3}next\s{1,3})?(?P<count>\d{1,3}|"
    + _COUNT_WORDS
    + r")(?:\s{1,3}\(\d{1,3}\))?\s{1,3}(?P<kind>(?:working|business|calendar|clear)\s{1,3})?"
    r"(?P<unit>days?|weeks?|months?)\b"
    r"(?:\s{1,3}(?P<link>of|from|after|following)\s{1,3}(?P<what>[^\s,;.:]{1,30}"
    r"(?:\s{1,3}[^\s,;.:]{1,30}){0,5}))?",
    re.IGNORECASE,
)
"""A deadline counted from the meeting: ``within 7 days``, ``within two weeks``."""
_MEETING_ANCHOR = re.compile(r"(?:(?:the|this)\s{1,3}meeting|today)[)\]'\"’”]{0,3}", re.IGNORECASE)
"""What a ``within`` span counts from when it counts from the meeting, whole (``of the
meeting``): ``of the meeting report being circulated`` is another event."""
_WHEN_CUES = frozenset({"on", "in", "during"})
"""Weaker lead-ins to a deadline (``on 20 April 2023``, ``in Q2 2023``, ``during June
2023``): read only where :func:`decision_deadline` finds no ``by`` and no ``within``, in
the decision's verb phrase (:func:`_phrase_words`)."""
_WORD = re.compile(r"\S+")
_DIGIT = re.compile(r"\d")
_PUNCTUATION = ".,;:!?()[]'\"’”“*_"
_MODALS = frozenset({"will", "shall", "must", "should", "would"})
_PAST_WORDS = frozenset({"did", "was", "were", "had", "having"})
"""Words that tell of the past: ``as it did in March 2019``, ``which was approved``."""
_LEADS = frozenset((
    "be", "the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those",
    "all", "any", "each", "every", "some", "no", "and", "or",
))  # fmt: skip
"""Words after which a past participle leads no phrase of the past: ``will be completed``,
``the revised plan``, ``reviewed and approved``."""
_SHORT_WORD = 4
"""The longest word in ``-ly`` that is no adverb to pass over (``only``, ``July``)."""
_MOST_CUES = 64
"""The most ``on``, ``in``, ``during`` in a decision's line :func:`_when_due` reads a date
after: each costs a parse, and a real sentence has a few."""
_CLAUSE_END = re.compile(r"\s{0,3}(?:$|[.;,:)!?])")
_NEW_PHRASE = frozenset((
    "and", "or", "but", "then", "to", "at", "for", "with", "via", "through", "so", "if",
    "unless", "once", "when", "after", "following", "provided", "subject", "as", "in", "on",
    "during", "from", "under", "upon", "before", "by", "until",
))  # fmt: skip
"""Words after a date that start a new phrase: ``on 5 May 2023 to all members``."""
_OBLIGATION = re.compile(r"\b(?:will|shall|must|should|would|to)\s", re.IGNORECASE)
"""What makes the words after it the decision's verb phrase (``will circulate``, ``to
digitise``)."""
_IRREGULAR_PARTICIPLES = frozenset((
    "made", "held", "taken", "given", "done", "sent", "met", "paid", "set", "put", "begun",
    "written", "seen", "known", "shown", "drawn", "brought", "bought", "built", "found", "told",
    "said", "led", "left", "kept", "spent", "sold", "undertaken", "won", "chosen", "spoken",
    "understood",
))  # fmt: skip
_ED_NO_PARTICIPLE = frozenset((
    "need", "proceed", "exceed", "succeed", "feed", "speed", "heed", "breed", "bleed", "seed",
    "weed", "embed", "shed", "red", "bed", "hundred",
))  # fmt: skip
_UNREAD_WORDS = 4
"""The most words a date that cannot be read takes (``31st of June 2023``); an ambiguous
span takes one fewer (``01/03/2021 to 30/06/2021``)."""


def _refusal_of_no_shape() -> str:
    try:
        parse_due("?!")
    except DueParseError as error:
        return error.reason
    return ""  # pragma: no cover - parse_due reads no such text


_NO_SHAPE = _refusal_of_no_shape()
"""Why parse_due refuses words of no date's shape; any other reason names what is wrong with
a date (``31 June 2023``: June has 30 days)."""
_ASIDE = re.compile(
    r"^(?P<subject>[^,;:()]{2,80}?),\s{0,3}(?:with\s{1,3}(?:the\s{1,3})?(?:[a-z]{1,20}\s{1,3})?"
    r"(?:support|assistance|help|inputs?)\s{1,3}(?:of|from)|(?:supported|assisted)\s{1,3}by"
    r"|in\s{1,3}consultation\s{1,3}with)\s(?:[^,;:]|,\s{0,3}(?=\d{4}\b)){1,80}?,\s{0,3}(?=\w)",
    re.IGNORECASE,
)
"""A supporter set off by commas after the subject: ``The Secretariat, with support from
UNDP, will …``; the supporter is not responsible. A comma before a year (``by May 1, 2024``)
ends no aside."""
_CLAUSE_ASIDE = re.compile(
    r"^(?P<subject>[^,;:()]{2,80}?),\s{0,3}(?=[a-z])(?:[^,;:]|,\s{0,3}(?=\d{4}\b)){1,120}?,\s{0,3}"
    r"(?=(?:will|shall|must|should|would|(?:is|are)\s{1,3}(?:(?:requested|expected|asked"
    r"|invited)\s{1,3})?to|to)\s)"
)
"""A clause set off by commas between the subject and its verb, starting in lower case:
``The Secretariat, having circulated the draft, will …``, ``UNICEF, as lead agency, to …``.
A name's role in capitals (``Ms. Achieng, Programme Officer, will``) is no such clause; a
comma before a year (``having met on May 1, 2024,``) ends none."""
_CO_SUBJECT = re.compile(
    r"^(?P<subject>[^,;:()]{2,80}?),\s{0,3}(?:and|or|together\s{1,3}with|jointly\s{1,3}with"
    r"|along\s{1,3}with|as\s{1,3}well\s{1,3}as)\s{1,3}(?P<other>[^,;:()]{2,80}?),\s{0,3}"
    r"(?=(?:will|shall|must|should|would|(?:is|are)\s{1,3}(?:(?:requested|expected|asked"
    r"|invited)\s{1,3})?to|to)\s)"
)
"""A second subject set off by commas before the verb: ``The Chair, and the Vice-Chair,
will …``, ``The Unit, together with HR, to …``; both act, so both are parties (a supporter
is named otherwise: ``with support from``, :data:`_ASIDE`)."""
_DEADLINE_CLAUSE = re.compile(
    r"(?:(?:no|not)\s{1,3}later\s{1,3}than|(?:on\s{1,3}or\s{1,3})?(?:by|before)|until"
    r"|at\s{1,3}the\s{1,3}latest\s{1,3}(?:by|on))\s{1,3}"
    r"(?P<when>(?:[^,;:]|,\s{0,3}(?=\d{4}\b)){1,60}?)"
    r"(?:\s{1,3}at\s{1,3}the\s{1,3}(?:(?:very\s{1,3})?latest|earliest\s{1,3}possible))?",
    re.IGNORECASE,
)
"""A clause between commas before the verb that may be the decision's deadline: ``by 30
April 2024 at the latest``, ``no later than 30 April 2024``, ``before the end of May 2024``.
It is one only when its ``when`` is a date and nothing more (:func:`_is_a_date`): ``by 1
March 2024 having sent the draft`` tells of something done before, no deadline."""
_NEXT_CLAUSE = re.compile(r"(?:;\s{0,3}(?:and\s{1,3})?|,?\s{1,3}and\s{1,3}|,\s{1,3})(?=\S)")
"""What may start another clause of a decision's sentence: ``; ``, `` and ``, ``, ``."""
_CLAUSE_SUBJECT = re.compile(
    r"(?P<subject>[^\s,;:()]{1,30}(?:\s{1,3}[^\s,;:()]{1,30}){0,5}?)\s{1,3}"
    r"(?P<link>will|shall|must|to)\s{1,3}(?P<verb>[a-z][^\s,;:.]{0,30})"
)
"""A clause with a subject of its own: ``the Unit to comment``, ``HR will hire``."""
_VERB_OPENS_LIST = re.compile(
    r"\s(?P<link>will|shall|must|should|would|(?:(?:is|are)\s{1,3}(?:(?:requested|expected"
    r"|asked|invited)\s{1,3})?)?to)\s{0,3}:[\s*_]*$",
    re.IGNORECASE,
)
"""A sentence whose verb its sub-list's items give: ``The Secretariat will:``, ``HR to:``."""
_MOST_CLAUSES = 16
"""The most places :func:`decision_clauses` tries a new clause at, in a decision's sentence."""
_CALENDAR_WORDS = frozenset((
    *MONTHS, *(month[:3] for month in MONTHS), "sept",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
))  # fmt: skip
"""Words in capitals that end a date, not a name (``by May and HR to …``)."""
_CONTROL_VERBS = frozenset((
    "invite", "invites", "invited", "ask", "asks", "asked", "request", "requests", "requested",
    "urge", "urges", "urged", "encourage", "encourages", "encouraged", "help", "helps",
    "allow", "allows", "enable", "enables", "support", "supports", "remind", "reminds",
    "instruct", "instructs", "direct", "directs", "task", "tasks", "tasked", "require",
    "requires", "expect", "expects", "advise", "advises", "authorise", "authorize", "call",
    "mandate", "assist", "appoint", "nominate", "designate", "want", "need", "get", "tell",
    "inform", "brief", "train", "guide", "persuade", "permit", "oblige", "recommend",
))  # fmt: skip
"""Verbs whose object an infinitive may follow (``invite HR and the Unit to attend``): after
one, ``and X to …`` is no new clause."""
_NO_VERB_AFTER_TO = re.compile(
    r"\s{1,3}to\s{1,3}(?:within|by|before|after|until|in|on|at|from|for|the|a|an|\d)\b",
    re.IGNORECASE,
)
"""A ``to`` that is no infinitive: ``Decisions not objected to within 5 days …``."""
_SUBJECT_LIST = re.compile(
    r"^(?P<subject>(?:[^;:()]|\([^,;:()]{1,40}\)){2,160}?)\s{1,3}"
    r"(?:will|shall|must|should|would|(?:is|are)\s{1,3}to|to"
    r"|(?:is|are)\s{1,3}(?:requested|expected|asked|invited)\s{1,3}to)"
    r"\s{1,3}(?P<verb>[^\s,;:.]+)",
    re.IGNORECASE,
)
"""A subject that may list names (``UNICEF, UNFPA and UN Women to …``) or hold an acronym
in brackets (``The Project Management Unit (PMU) will …``)."""
# A deadline named by the calendar around the meeting, not dated (reported, never guessed).
_VAGUE_DUE = re.compile(
    r"\b(?:by|before|on|until|no\s+later\s+than)\s+(?P<when>(?:the\s+)?(?:"
    r"(?:next|coming|following)\s+(?:week|month|quarter|year|meeting)"
    r"|end\s+of\s+(?:the\s+|this\s+|next\s+)?(?:week|month|quarter|year|fiscal\s+year)"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day|tomorrow|close\s+of\s+business))\b",
    re.IGNORECASE,
)
# An acronym or a role in brackets after a name: (PMU), (Programme Officer).
_BRACKETED = re.compile(r"\([^()]{1,40}\)")
_NAME_JOINS = frozenset({"of", "and", "for", "the", "on", "in", "de", "&"})
_NOT_A_NAME = frozenset((
    "if", "when", "whenever", "unless", "once", "after", "before", "where", "while", "should",
    "there", "it", "this", "these", "that", "those", "as", "for", "with", "on", "in", "no",
    "any", "upon", "until", "following",
))  # fmt: skip
_NOT_A_VERB = frozenset({"be", "been", "being", "the", "a", "an", "all", "each", "this", "its"})
_NAME_WORDS = 6
"""The most words one party's name takes in a list (``The Project Management Unit (PMU)``)."""
_HEADING_WORDS = 8
"""The most words a plain line that is a section's title holds (``Decisions``)."""


@attrs.define
class _Item:
    ref: str
    title: str
    line: int
    texts: list[str] = attrs.Factory(list)


@attrs.frozen
class _Mark:
    """How a line with no bullet under a bulleted decision is lettered or numbered: its
    bracket (``"()"``, ``")"``, ``"."``), kind and place (as :func:`_ordinal` gives them, or
    ``"number"``), and the mark as written (``(c)``)."""

    style: str
    kind: str
    place: int
    written: str

    def follows(self, run: _Mark | None) -> bool:
        """Whether it starts a run of sub-points (first place, none before) or goes on with
        ``run``, the last one (same bracket and kind, the next place)."""
        if run is None:
            return self.place == 1
        return self.alike(run) and self.place == run.place + 1

    def alike(self, other: _Mark) -> bool:
        return (self.style, self.kind) == (other.style, other.kind)


@attrs.define
class _Pending:
    ref: str
    line: int
    texts: list[str]
    kind: tuple[str, int] = ("letter", 1)  # as _ordinal gives it; ("number", n), ("bullet", 0)
    indent: int = 0
    items: list[list[str]] = attrs.Factory(list)  # its sub-list: each item's lines
    item_lines: list[int] = attrs.Factory(list)  # the line each item of its sub-list starts on
    numeral: int = 0  # the Roman numeral of its last sub-item, 0 before one
    shape: str = "marker"  # how its line starts, as _shape gives it
    number: int = 0  # the number of its last sub-item numbered "1.", 0 before one
    group: str = ""  # the title of the lettered section it sits under (`A.  Finance`)
    run: _Mark | None = None  # under a bullet: its last sub-point lettered with no bullet
    run_items: int = 0  # how many of its items are such sub-points

    def opens_list(self) -> bool:
        """Whether lines below may be items of its sub-list: it ends with ``:`` or has some
        (sub-points lettered under a bullet aside: they go on only with their run)."""
        colon = bool(self.texts and _OPENS_LIST.search(self.texts[-1]))
        return len(self.items) > self.run_items or colon


@attrs.define
class _Section:
    """Where a list of decisions may be bulleted or numbered: under a decisions heading."""

    strict: bool = False  # under a heading or line that announces decisions
    family: str | None = None  # "marker", "bullet", "number", "decimal 5.1": its list's kind
    started: bool = False  # whether a decision was read in it
    last: int = 0  # the number of its last numbered decision
    group: tuple[str, str] = ("", "")  # the letter and title of the section it is in, if any

    def reset(self, *, strict: bool) -> None:
        self.strict, self.family, self.started, self.last = strict, None, False, 0
        self.group = ("", "")

    def numbers(self, family: str | None) -> bool:
        """Whether a numbered line may be a decision in a list of ``family``: a numbered
        list, or a lettered one (``A.``), whose items or section titles it goes under."""
        return family in {None, "number"} or (family or "").startswith("letter ")

    def take(self, family: str, number: int) -> None:
        self.family = self.family or family
        self.started = True
        self.last = number

    def takes(self, shape: tuple[str, int, str]) -> bool:
        """Whether a bulleted line or one numbered ``(1)``, ``1)``, ``5.1`` is a decision here.

        A list numbered ``5.1``, ``5.2`` starts at ``.1`` and keeps its first number."""
        if _DECIMAL_FORM.fullmatch(shape[0]):
            first = self.family is None and shape[1] == 1
            return self.strict and (first or self.family == f"decimal {shape[0]}")
        if shape[0] in {"1)", "(1)"}:
            return self.strict and self.numbers(self.family)
        return self.strict and self.family in {None, "bullet"}

    def reports_agenda_item(self, number: int, items: list[_Item]) -> bool:
        """Whether a line numbered ``N.`` read as an agenda item after decisions under the
        heading is worth a report: it is not simply the agenda's next item after a
        lettered or bulleted list (``6.`` after ``# 5. Decisions``)."""
        if not (self.strict and self.started):
            return False
        return self.family == "number" or number != _next_agenda(items)

    def takes_number(self, number: int, rest: str, items: list[_Item], goes_on: bool) -> bool:
        """Whether a line numbered ``1.`` is a decision here rather than an agenda item.

        It starts a list at ``1.``, then follows its list; a number that is also the
        agenda's next, or that skips, is an agenda item when the line reads as a title:
        a few words with no full stop, no ``:``, no ``will``, ``shall``…, and no indented
        line going on with it (``goes_on``).
        """
        if not self.strict or not self.numbers(self.family):
            return False
        agenda = _next_agenda(items)
        title = not rest or (
            _heading_like(rest)
            and not _OPENS_LIST.search(rest)
            and not _SENTENCE_VERB.search(rest)
            and not goes_on
        )
        if self.family is None:
            return number == 1 and not (title and agenda == 1)
        if number == agenda and (title or number != self.last + 1):
            # a list numbered again from `1.` after a page break: a line that reads as a
            # decision (a party and `will`, `to`…) stays one (check_letters reports it, GT347)
            return 0 < number <= self.last and not title and _reads_as_decision(rest)
        return number == self.last + 1 or not title


def _reads_as_decision(text: str) -> bool:
    """Whether a numbered line's text reads as a decision's sentence: it names a party
    that ``will``, ``shall``, ``is to``… act (``The Secretariat will convene …``)."""
    return bool(decision_parties(text))


def _decision_text(entry: _Pending) -> str:
    """A decision's text: its sentence, then each item of its sub-list on a line of its own."""
    parts = [entry.texts, *entry.items]
    segments = [" ".join(part for part in lines if part).strip() for lines in parts]
    text = "\n".join(segment for segment in segments if segment)
    return re.sub(r"(?:[;,]\s{0,3})?(?:\band\b|\bor\b)?\s{0,3}[;,]?$", "", text).strip()


def _goes_on(lines: list[Line], index: int) -> bool:
    """Whether the line after ``lines[index]`` goes on with it: indented deeper, no list item."""
    if index + 1 >= len(lines) or not lines[index + 1].clean:
        return False
    after = lines[index + 1].text
    return _indent(after) > _indent(lines[index].text) and _shape(after) is None


def _heads_group(lines: list[Line], index: int, rest: str) -> bool:
    """Whether a lettered line (``A.  Finance``) is the title of a section of numbered
    decisions: a few words with no verb and no ``:``, and the next line is numbered ``1``.

    >>> lines = [Line(1, "A.  Finance"), Line(2, "1. HR will hire.")]
    >>> _heads_group(lines, 0, "Finance"), _heads_group(lines, 0, "HR will act.")
    (True, False)
    """
    if not _heading_like(rest) or _OPENS_LIST.search(rest) or _OBLIGATION.search(rest + " "):
        return False
    position = index + 1  # the next line with text, read in place (no copy of the rest)
    while position < len(lines) and not lines[position].clean:
        position += 1
    if position >= len(lines):
        return False
    shape = _shape(lines[position].text)
    return shape is not None and shape[0] in {"1.", "1)", "(1)"} and shape[1] == 1


def _title_over_text(lines: list[Line], index: int, rest: str) -> bool:
    """Whether a numbered line reads as a title (a few words, no full stop, no verb) with a
    paragraph right under it (``3. Closing`` then ``The chair closed the meeting.``)."""
    if not _heading_like(rest) or _OPENS_LIST.search(rest) or _SENTENCE_VERB.search(rest):
        return False
    if index + 1 >= len(lines) or not lines[index + 1].clean:
        return False
    after = lines[index + 1].text
    return _shape(after) is None and _indent(after) <= _indent(lines[index].text)


def _next_agenda(items: list[_Item]) -> int:
    """The number the agenda's next item would have: 1 before any numbered one."""
    return next((int(item.ref) for item in reversed(items) if item.ref.isdigit()), 0) + 1


def _closes(text: str) -> bool:
    """Whether a line after a decision heads a new section rather than going on with it: a
    title that announces decisions, or a title in bold (``**Next meeting**``)."""
    stripped = text.strip().strip("*_")
    if _BOLD_TITLE.fullmatch(text) and _heading_like(text):
        return True
    return _announces(text) and _heading_like(text) and stripped[:1].isupper()


def _indent(text: str) -> int:
    expanded = text.expandtabs(4)
    return len(expanded) - len(expanded.lstrip())


def _sub_item(
    parent: _Pending, lines: list[Line], index: int, *, resumed: bool = False
) -> tuple[int, int] | None:
    """Whether ``lines[index]`` is an item of ``parent``'s sub-list: None when it is not,
    else its Roman numeral and its number (0 when it has none); ``resumed`` when a blank
    line comes between them.

    Under a decision that ends with ``:`` (``… requested the Secretariat to:``), a
    bullet or a line that starts like a list item the reader never takes for a decision
    (``(1)``, ``(A)``, ``(IV)``) is an item of its sub-list; so is a Roman numeral under
    a lettered decision. A numeral that is also the parent's next letter (``i)`` under
    ``h)``) is an item when it is indented deeper than the parent or the next list line
    holds the numeral after it (``ii)``); otherwise it is the next decision. Under a
    bulleted or numbered decision, a list item indented deeper is an item, and so is,
    after a ``:``, an item of another shape. Under a bulleted one, a run of lines lettered
    or numbered with no bullet (``(a)``, ``b)``, ``(ii)``, ``(A)``, ``(1)``) are sub-points
    when it starts at the first (``a``, ``i``, ``A``, ``1``) and goes on in order
    (:meth:`_Mark.follows`); after a blank line, only they go on with a bullet that opens
    no list. An item numbered ``1.`` is one when it is indented deeper or numbered next
    (``1.``, then ``2.``), never a heading.
    """
    text = lines[index].text
    shape = _shape(text)
    if shape is None:
        return None
    if parent.kind[0] == "bullet":
        mark = _sub_point_mark(text, parent.run)
        if (
            mark is not None
            and mark.follows(parent.run)
            and not (shape[0] in _LETTER_FORMS and _heads_group(lines, index, shape[2]))
        ):
            return 0, 0  # `(a)`, `(b)` under a bullet: its sub-points
        if resumed and not parent.opens_list():
            return None  # `5) Date of the next meeting` after a blank line: no sub-point
    if shape[0] == "1.":
        numbered = _NUMBERED.match(text)
        if numbered is None or _numbered_heading(numbered):
            return None
        if _indent(text) > parent.indent:
            return 0, shape[1]
        if parent.shape == "1." or not parent.opens_list() or shape[1] != parent.number + 1:
            return None
        return 0, shape[1]
    if parent.kind[0] in {"bullet", "number", "LETTER", "NUMERAL"}:
        if _indent(text) > parent.indent:
            return 0, 0
        if not parent.opens_list() or shape[0] == parent.shape:
            return None
        return 0, 0
    numeral = _marker_sub_item(parent, lines, index)
    return None if numeral is None else (numeral, 0)


_SUB_POINT = re.compile(
    r"^\s{0,8}(?:\*\*)?(?P<mark>\((?P<paren>[A-Za-z]{1,5}|\d{1,3})\)"
    r"|(?P<closing>[A-Za-z]{1,5}|\d{1,3})\)|(?P<dotted>[A-Za-z]{1,5})\.)"
)
"""The mark of a line lettered or numbered with no bullet: ``(a)``, ``b)``, ``iv.``, ``(1)``."""


def _sub_point_mark(text: str, run: _Mark | None) -> _Mark | None:
    """How a line with no bullet is lettered or numbered (``(a)``, ``ii)``, ``(B)``, ``1)``,
    ``A.``) as a sub-point under a bulleted decision whose last one was ``run``; None for
    a bullet, a line numbered ``1.`` or one that starts no list item.

    >>> _sub_point_mark("(i) the annex", None).kind, _sub_point_mark("- (a) text", None)
    ('numeral', None)
    >>> _sub_point_mark("i) the annex", _Mark(")", "letter", 8, "h)")).place
    9
    """
    shape = _shape(text)
    if BULLET.match(text) or shape is None or shape[0] not in _SUB_POINT_SHAPES:
        return None
    m = _SUB_POINT.match(text)
    if m is None:  # pragma: no cover - every such shape starts so
        return None
    token = m["paren"] or m["closing"] or m["dotted"]
    style = "()" if m["paren"] else ")" if m["closing"] else "."
    previous = None if run is None or run.style != style else (run.kind, run.place)
    if token.isdigit():
        kind, place = "number", int(token)
    elif token.islower():
        kind, place = _ordinal(token, previous)
    else:
        kind, place = _letter_kind(token, previous)
    return _Mark(style, kind, place, m["mark"])


_SUB_POINT_SHAPES = frozenset({"marker", "(1)", "1)", *_LETTER_FORMS})
"""The shapes (:func:`_shape`) of a bullet's sub-points lettered or numbered with no bullet."""


def _marker_sub_item(parent: _Pending, lines: list[Line], index: int) -> int | None:
    """As :func:`_sub_item`, under a lettered or Roman-numbered decision."""
    if not parent.opens_list():
        return None
    text = lines[index].text
    mark = _marker(text)
    if mark is None:
        if (letter := _letter_item(text)) is not None and letter[0] != "a.":
            return 0
        if unread := _UNREAD_MARKER.match(text):
            # Past xx, a numeral under a numeral is the list's next item (reported), no sub-item.
            numbered = parent.kind[0] == "numeral"
            return None if numbered and _PAST_XX.fullmatch(unread["marker"]) else 0
        return 0 if BULLET.match(text) else None
    if parent.kind[0] != "letter":
        return None
    kind, numeral = _ordinal(mark[0], ("numeral", parent.numeral) if parent.numeral else None)
    if kind != "numeral":
        return None
    if mark[0] != _next_token(*parent.kind) or _indent(text) > parent.indent:
        return numeral
    for position in range(index + 1, len(lines)):  # no copy of the rest: linear reading
        line = lines[position]
        if _NUMBERED.match(line.text) or line.text.lstrip().startswith("#"):
            break
        if (following := _marker(line.text)) is not None:
            return numeral if following[0] == _next_token("numeral", numeral) else None
    return None


def unused_item_deadlines(
    text: str, used: Due | str, *, dayfirst: bool | None, meeting_date: dt.date | None
) -> list[tuple[str, str]]:
    """The deadlines that the items of a decision's sub-list (the lines of ``text`` after its
    sentence) give and that are not ``used``, the decision's, each with its item: a decision
    has one deadline; these stay in its text. A deadline is another when it ends on another
    day (:func:`_same_deadline`): ``by the end of May 2024`` is ``by 31 May 2024`` in other
    words.

    >>> unused_item_deadlines("The Unit to draft the plan by May 2024:\\na) costs by April "
    ...                       "2024;\\nb) staff by May 2024.", "May 2024",
    ...                       dayfirst=None, meeting_date=None)
    [('a) costs by April 2024;', 'April 2024')]
    """
    return [
        (item, written)
        for _, item, written in _unused_item_deadlines_at(
            text, used, dayfirst=dayfirst, meeting_date=meeting_date
        )
    ]


def _unused_item_deadlines_at(
    text: str, used: Due | str, *, dayfirst: bool | None, meeting_date: dt.date | None
) -> list[tuple[int, str, str]]:
    """:func:`unused_item_deadlines`, each with the item's place in the sub-list (0 first)."""
    found: list[tuple[int, str, str]] = []
    seen: list[Due | str] = [used]
    for index, item in enumerate(text.split("\n")[1:]):
        due, due_text, _ = decision_deadline([item], dayfirst=dayfirst, meeting_date=meeting_date)
        written = due.text if due is not None else due_text
        if written and not any(_same_deadline(due or due_text, other) for other in seen):
            seen.append(due or due_text)
            found.append((index, item, written))
    return found


def _same_deadline(due: Due | str, other: Due | str) -> bool:
    """Whether two deadlines, each read (a :class:`Due`) or kept as written, are one: read,
    they end on the same day (``31 May 2024``, ``the end of May 2024``, ``May 2024``),
    whatever their words; otherwise their words are the same.

    >>> _same_deadline(parse_due("31 May 2024"), parse_due("end of May 2024"))
    True
    >>> _same_deadline(parse_due("30 May 2024"), "30 May 2024"), _same_deadline("a", "b")
    (True, False)
    """
    if isinstance(due, Due) and isinstance(other, Due):
        return due.end == other.end
    first = due.text if isinstance(due, Due) else due
    return first == (other.text if isinstance(other, Due) else other)


_ITEM_MARK = re.compile(r"\s{0,12}(?:[-*\u2022\u2013]|\(?[A-Za-z0-9]{1,5}[.)])\s{1,8}(?=\S)")


def item_parties(text: str, known: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The parties of a decision: those its sentence names (:func:`decision_parties`); when
    it names none (``The Board agreed the following:``), those the items of its sub-list
    name, each as a decision's sentence, its bullet or letter aside, in order.

    >>> item_parties("The Board agreed the following:\\n- The Unit to draft the plan;\\n"
    ...              "- HR to recruit staff.")
    ('The Unit', 'HR')
    >>> item_parties("The Secretariat will do this:\\ni) draft the plan;\\nii) HR to hire.")
    ('The Secretariat',)

    A lead-in that tells what was noted, welcomed or acknowledged and decides nothing
    (``The Board noted the following:``) takes no party from its items: they are what was
    noted, as ``It was noted that WHO will chair`` names no party.

    >>> item_parties("The Board noted the following:\\n- WHO to chair the session.")
    ()
    """
    parties = decision_parties(text, known)
    if parties:
        return parties
    if _NOTING_LEAD.search(squash(text.partition("\n")[0])):
        return ()  # the items are what was noted (`The Board noted the following:`)
    found: dict[str, None] = {}
    for item in text.split("\n")[1:]:
        bare = _ITEM_MARK.sub("", item, count=1)
        found.update(dict.fromkeys(decision_parties(bare, known)))
    return tuple(found)


def _marker(text: str) -> tuple[str, str] | None:
    """The letter or Roman numeral a decision line starts with, and the rest; else None.

    ``(a)``, ``a)``, ``(iv)``, ``iv)`` and ``iv.`` (numerals ``i`` to ``xx`` only).

    >>> _marker("(iii) Finance will pay by 30 April 2024.")
    ('iii', 'Finance will pay by 30 April 2024.')
    >>> _marker("- b) The unit will act;"), _marker("(see) below"), _marker("b. text")
    (('b', 'The unit will act;'), None, None)
    """
    m = _MARKER.match(text)
    if m is None:
        return None
    token = m["paren"] or m["closing"] or m["dotted"]
    if m["dotted"] is None and len(token) == 1:
        return token, (m["rest"] or "").strip()
    if token in _ROMAN_VALUE:
        return token, (m["rest"] or "").strip()
    return None


def _letter_item(text: str) -> tuple[str, str, str, bool] | None:
    """The form, letter (or numeral) and rest of a line lettered ``A.``, ``(A)``, ``A)``,
    ``II.``, ``(IV)`` or ``a.``, and whether two spaces or a tab follow the letter; else None.

    These are decisions only under a decisions heading and only when the list is sure
    (:func:`_run_follows`): ``A. Jones will …`` may be a person's initial.

    >>> _letter_item("B.  The Unit will act."), _letter_item("(IV) HR to hire.")
    (('A.', 'B', 'The Unit will act.', True), ('(A)', 'IV', 'HR to hire.', False))
    >>> _letter_item("a. text"), _letter_item("a.m. text"), _letter_item("UN) text")
    (('a.', 'a', 'text', False), None, None)
    >>> _letter_item("- A. Smith will act.") is None  # a bullet, whose text starts with an initial
    True
    """
    m = _LETTER_ITEM.match(text)
    if m is None:
        return None
    token = m["paren"] or m["closing"] or m["dotted"]
    if len(token) > 1 and token.lower() not in _ROMAN_VALUE:
        return None
    form = "(A)" if m["paren"] else "A)" if m["closing"] else "a." if token.islower() else "A."
    gap = m["gap"]
    return form, token, m["rest"].strip(), "\t" in gap or len(gap) > 1


def _written(form: str, token: str) -> str:
    """How a line lettered in ``form`` writes ``token``: ``_written("(A)", "IV") == "(IV)"``."""
    return form.replace("A", token) if "A" in form else f"{token}."


def _run_follows(
    lines: list[Line], index: int, form: str, token: str | None, *, titles: bool = False
) -> bool:
    """Whether the next line lettered in ``form`` below ``lines[index]`` holds ``token``,
    the letter or numeral after its own (``B.`` after ``A.``, ``II.`` after ``I.``): a run
    that makes the list sure. A heading, a numbered title, or ``_LOOKAHEAD`` lines end the
    search; a line numbered ``1.`` ends it unless it is indented deeper (a sub-list) or the
    lettered lines are ``titles`` of sections of numbered decisions (:func:`_heads_group`)."""
    if token is None:
        return False
    indent = _indent(lines[index].text)
    for position in range(index + 1, min(len(lines), index + 1 + _LOOKAHEAD)):
        text = lines[position].text
        if text.lstrip().startswith("#"):
            return False
        if (m := _NUMBERED.match(text)) and _indent(text) <= indent:
            if not titles or _numbered_heading(m):
                return False
            continue
        if (item := _letter_item(text)) is not None and item[0] == form:
            return item[1] == token
    return False


def _letter_kind(token: str, previous: tuple[str, int] | None) -> tuple[str, int]:
    """As :func:`_ordinal`, for a capital letter or numeral: ``("LETTER", n)`` or
    ``("NUMERAL", n)``.

    >>> _letter_kind("I", None), _letter_kind("I", ("LETTER", 8)), _letter_kind("C", None)
    (('NUMERAL', 1), ('LETTER', 9), ('LETTER', 3))
    """
    lower = None if previous is None else (previous[0].lower(), previous[1])
    kind, place = _ordinal(token.lower(), lower)
    return kind.upper(), place


def _next_letter(kind: str, place: int) -> str | None:
    """The letter or numeral after ``place`` in a list of ``kind``, in its case."""
    token = _next_token(kind.lower(), place)
    return token.upper() if token is not None and kind.isupper() else token


def _ordinal(mark: str, previous: tuple[str, int] | None) -> tuple[str, int]:
    """Whether a decision's ``mark`` is a ``"letter"`` or a ``"numeral"``, and its place.

    ``i``, ``v`` and ``x`` are both: each is the letter when ``previous`` (the kind and
    place of the decision before it) is the letter just before it (``h``, ``u``, ``w``);
    otherwise ``i`` is the numeral one, and ``v`` and ``x`` are numerals after a numeral
    and letters after anything else. Other single letters are letters; ``ii``… ``xx``
    are numerals.

    >>> _ordinal("i", ("letter", 8)), _ordinal("i", None), _ordinal("v", ("numeral", 4))
    (('letter', 9), ('numeral', 1), ('numeral', 5))
    >>> _ordinal("x", ("letter", 23)), _ordinal("x", None), _ordinal("xii", None)
    (('letter', 24), ('letter', 24), ('numeral', 12))
    """
    numeral = _ROMAN_VALUE.get(mark)
    if numeral is None:
        return "letter", ord(mark) - ord("a") + 1
    if len(mark) > 1:
        return "numeral", numeral
    letter = ord(mark) - ord("a") + 1
    if previous == ("letter", letter - 1):
        return "letter", letter
    if mark == "i" or (previous is not None and previous[0] == "numeral"):
        return "numeral", numeral
    return "letter", letter


def _next_token(kind: str, place: int) -> str | None:
    """The letter or numeral that follows ``place`` in a list of its ``kind``."""
    if kind == "numeral":
        return _ROMAN[place] if place < len(_ROMAN) else None
    return chr(ord("a") + place) if place < 26 else None


def _heading_text(text: str) -> str:
    if m := _HEADING.match(text):
        text = m["text"]
    return text.strip().strip("*").strip()


def _field_of(line: Line) -> tuple[str, str] | None:
    """The (key, value) of a header field line; key is the label for unknown ones."""
    if _NUMBERED.match(line.text) or _marker(line.text) or line.text.lstrip().startswith("#"):
        return None
    m = _FIELD.match(line.text)
    if m is None:
        return None
    label = squash(m["label"]).lower()
    return _LABELS.get(label, squash(m["label"])), squash(m["value"] or "")


def _is_known_field(line: Line) -> bool:
    field = _field_of(line)
    return field is not None and field[0] in _LABELS.values()


def _trim(value: str) -> str:
    return value.strip().rstrip(".;,").strip()


def _heading_like(text: str) -> bool:
    """Whether a line reads as a section's title: a few words, no sentence's end."""
    plain = _heading_text(text).strip("*_ ").rstrip(":").strip("*_ ")
    return bool(plain) and not re.search(r"[.;!?]$", plain) and len(plain.split()) <= _HEADING_WORDS


def _announces(text: str) -> bool:
    """Whether a line heads a list of decisions: ``Decisions``, ``Agreed actions:``, ``The
    decisions were as follows:``; never a sentence that only mentions a decision."""
    return bool(_DECISIONS_CUE.search(text)) and (
        _heading_like(text) or bool(_OPENS_LIST.search(text))
    )


def _numbered_heading(m: re.Match[str]) -> bool:
    rest = (m["rest"] or "").strip()
    return bool(m["hashes"]) or (bool(m["bold"]) and rest.endswith("**"))


def _shape(text: str) -> tuple[str, int, str] | None:
    """How a line starts a list item, its number (0 if none) and the rest; None for a line
    that starts no item.

    The shape is ``"1."``, ``"1)"`` or ``"(1)"`` for a number, ``"5.1"`` for a number under
    the number 5 (``5.2``), ``"marker"`` for a letter or Roman numeral the reader numbers
    decisions with, ``"A."``, ``"A)"``, ``"(A)"`` or ``"a."`` for a line lettered so
    (:func:`_letter_item`), ``"other"`` for another item (``(xxi)``, ``(2a)``), or the bullet
    character.

    >>> _shape("- Finance to pay."), _shape("  (2) HR to hire."), _shape("3. Closing")
    (('-', 0, 'Finance to pay.'), ('(1)', 2, 'HR to hire.'), ('1.', 3, 'Closing'))
    >>> _shape("b) text"), _shape("**Decisions**"), _shape("(A) text"), _shape("(xxi) text")
    (('marker', 0, 'text'), None, ('(A)', 0, 'text'), ('other', 0, '(xxi) text'))
    """
    if m := _NUMBERED.match(text):
        return "1.", int(m["ref"]), (m["rest"] or "").strip()
    if mark := _marker(text):
        return "marker", 0, mark[1]
    if letter := _letter_item(text):
        return letter[0], 0, letter[2]
    if m := _NUMBER_ITEM.match(text):
        form = "(1)" if m["paren"] else "1)"
        return form, int(m["paren"] or m["closing"]), (m["rest"] or "").strip()
    if m := _DECIMAL_ITEM.match(text):
        return f"{int(m['major'])}.1", int(m["minor"]), (m["rest"] or "").strip()
    if _UNREAD_MARKER.match(text):
        return "other", 0, text.strip()
    if (bullet := BULLET.match(text)) and (char := _BULLET_CHAR.match(text)):
        return char["char"], 0, bullet["text"].strip()
    return None


def _split_subject(subject: str, known: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The parties a sentence's subject names: split at ``and`` only when each part names a
    party of its own, as :func:`_stands_alone` says; otherwise the subject is one name,
    kept whole (``Monitoring and Evaluation``, ``Ministry of Finance and Planning``).

    >>> _split_subject("HR and M&E"), _split_subject("Both HR and the Finance Unit")
    (('HR', 'M&E'), ('HR', 'the Finance Unit'))
    >>> _split_subject("Monitoring and Evaluation"), _split_subject("HR and Admin")
    (('Monitoring and Evaluation',), ('HR and Admin',))
    >>> _split_subject("Ministry of Health and Labour")
    ('Ministry of Health and Labour',)
    >>> _split_subject("Finance and M&E", frozenset({"finance"}))
    ('Finance', 'M&E')
    """
    body = re.sub(r"^both\s{1,3}", "", subject, flags=re.IGNORECASE)
    if len(ended := re.split(r"(?<=\))\s{1,3}and\s{1,3}", body)) > 1:
        # A name ends at its bracketed acronym or role: `The Ministry of Water and
        # Irrigation (MoWI) and the District Health Office` is two names, each kept whole
        # unless it splits on its own.
        return tuple(party for part in ended for party in _split_subject(part, known))
    parts = [part.strip() for part in re.split(r"\s{1,3}and\s{1,3}", body)]
    if len(parts) < 2 or not all(_stands_alone(part, known) for part in parts):
        return (subject,)
    if _shares_its_noun(parts, known):
        return (subject,)
    return tuple(parts)


def _shares_its_noun(parts: list[str], known: frozenset[str]) -> bool:
    """Whether the office's noun ending the last part may end the others too (``The HIV and
    AIDS Unit``, ``ICT and Innovation Unit``, ``HR and Admin Section``): the last part ends
    with one and starts with no determiner, and another part has no noun of its own (nor is
    a name the minutes give elsewhere). Such a subject is one name, never split by a guess.

    >>> _shares_its_noun(["ICT", "Innovation Unit"], frozenset())
    True
    >>> _shares_its_noun(["The ICT Unit", "the Records Unit"], frozenset())
    False
    """
    last = _BRACKETED.sub("", parts[-1]).strip(" .,")
    if not _HEAD_NOUN.search(last) or _DETERMINER.match(last + " "):
        return False
    return any(
        not _HEAD_NOUN.search(core := _BRACKETED.sub("", part).strip(" .,"))
        and not _OFFICE_OF.match(core)
        and _known(part) not in known
        and _known(core) not in known
        for part in parts[:-1]
    )


def _stands_alone(part: str, known: frozenset[str]) -> bool:
    """Whether words name a party of their own, not a part of a name that ``and`` joins:
    they start with a determiner (``the Finance Unit``), end with an office's noun (``ICT
    Unit``) or start with one and ``of`` (``Ministry of Health``), start with an acronym in
    capitals (``UNICEF``, ``M&E``, ``UN Women``), or name a party the minutes name
    elsewhere (``known``, as :func:`_known` writes them). Never a guess: ``Evaluation``,
    ``Admin``, ``Hygiene`` are not.
    """
    core = _BRACKETED.sub("", part).strip(" .,")
    words = core.split()
    if not words:
        return False
    if _known(part) in known or _known(core) in known:
        return True
    if _DETERMINER.match(core + " ") or _HEAD_NOUN.search(core) or _OFFICE_OF.match(core):
        return True
    return _ACRONYM.fullmatch(words[0]) is not None


def _known(name: str) -> str:
    """How a party's name is compared with the names the minutes give elsewhere."""
    return re.sub(r"^the\s", "", squash(name).lower().strip(" .,;"))


def decision_parties(text: str, known: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The parties a decision names: after ``It was agreed that`` or ``The committee decided
    that``, the subject of the sentence that follows; a subject joined by ``and`` is split
    as :func:`_split_subject` says (``known``: the names the minutes give elsewhere); a
    party named after a label (``Lead:``) as
    :func:`~govtrack.io._prose.responsible_in` reads it.

    A supporter set off by commas (``The Secretariat, with support from UNDP, will …``) is
    not responsible: the subject is, and the supporter stays in the text. A second subject
    set off by commas (``The Chair, and the Vice-Chair, will …``; ``or``, ``together with``,
    ``jointly with``, ``along with``, ``as well as``) is a party too. A subject that
    :func:`~govtrack.io._prose.responsible_in` does not take is read as :func:`_named_list`
    says (``UNICEF, UNFPA and UN Women to …``, ``The Project Management Unit (PMU) will …``).
    A subject holding ``not`` (``Decisions not objected to within 5 days will be deemed
    approved``), or one whose ``to`` is followed by no verb, names no party; nor does ``It
    was decided to …``, nor a subject holding what a body noted (``The Board noted that
    UNICEF will …``, as ``It was noted that UNICEF will …``).

    >>> decision_parties("It was agreed that the Planning Unit would circulate the plan.")
    ('the Planning Unit',)
    >>> decision_parties("HR and M&E to reconcile the figures within 7 days.")
    ('HR', 'M&E')
    >>> decision_parties("Research and Development to draft the note.")
    ('Research and Development',)
    >>> decision_parties("It was decided to act.")
    ()
    >>> decision_parties("The committee decided that the secretariat shall convene a meeting.")
    ('the secretariat',)
    >>> decision_parties("The Secretariat, with support from UNDP, will share the plan.")
    ('The Secretariat',)
    >>> decision_parties("UNICEF, UNFPA and UN Women to brief the donors.")
    ('UNICEF', 'UNFPA', 'UN Women')
    >>> decision_parties("The Chair, together with the Vice-Chair, will meet the donors.")
    ('The Chair', 'the Vice-Chair')
    >>> decision_parties("The Secretariat will:\\n- draft the note;\\n- share it.")
    ('The Secretariat',)
    """
    head = squash(text.partition("\n")[0])
    if (opens := _VERB_OPENS_LIST.search(head)) is not None:
        # `The Secretariat will:` over its sub-list: the verbs are the items', the subject
        # the sentence's (a name: `The Board agreed to:` names none); read `… will act`.
        lead = _LEAD_IN.match(head)
        start = lead.end() if lead is not None and not _MODAL.search(lead["body"]) else 0
        if _is_name(head[start : opens.start()]):
            text = f"{head[: opens.end('link')]} act"
    flat = squash(text)
    lead = _LEAD_IN.match(flat)
    if lead is not None and not _MODAL.search(lead["body"]):
        flat = flat[lead.end() :]
    elif (decided := _DECIDED_TO.match(flat)) is not None and not _MODAL.search(decided["who"]):
        who = decided["who"].split()
        if no_party_word(who[0], who, _NOT_A_NAME):  # "It was decided to …"
            return ()
        return _split_subject(decided["who"], known)
    if aside := _ASIDE.match(flat):
        flat = f"{aside['subject']} {flat[aside.end() :]}"
    elif (
        (joint := _CO_SUBJECT.match(flat))
        and _is_name(joint["subject"])
        and _is_name(joint["other"])
    ):
        flat = f"{joint['subject']} and {joint['other']} {flat[joint.end() :]}"
    elif (clause := _CLAUSE_ASIDE.match(flat)) and _is_name(clause["subject"]):
        flat = f"{clause['subject']} {flat[clause.end() :]}"
    found = responsible_in(flat)
    noting = _noting_verb(flat)
    if (
        noting is not None
        and _NOTED_AND_ACTS.match(flat, noting.end())
        and _is_name(subject := flat[: noting.start()].strip())
    ):
        # `The Secretariat noted the concerns and will revise …`: its subject acts too
        parties = _split_subject(subject, known)
    elif len(found) == 1 and flat.startswith(found[0]):  # the sentence's subject
        # `The Board noted that UNICEF will …`, `Noted that …`: what was noted
        if _noting_verb(found[0]) is not None or _NOTED_OPENING.match(found[0]):
            return ()
        if re.search(r"\bnot\b", found[0], re.IGNORECASE) or _NO_VERB_AFTER_TO.match(
            flat[len(found[0]) :]
        ):
            return ()
        parties = _split_subject(found[0], known)
    elif found:  # named after a label (`Lead:`)
        return found
    else:
        parties = _named_list(flat, known)
    if not parties:
        parties = _later_clause_parties(squash(text.partition("\n")[0]), known)
    later = (
        party
        for _, subject in decision_clauses(text)[1:]
        for party in _split_subject(subject, known)
    )
    return tuple(dict.fromkeys((*parties, *later)))


_CLAUSE_BREAK = re.compile(r"\s{0,3}[:;]\s{1,3}(?=\S)")
"""Where a decision's sentence goes on with a clause of its own: after ``:`` or ``;``."""


def _later_clause_parties(head: str, known: frozenset[str]) -> tuple[str, ...]:
    """The parties of the first clause after ``:`` or ``;`` in a sentence whose first clause
    names none, when that clause starts with its subject and ``will``, ``shall``, ``to``…
    (``The deadline of decision d) is extended: WFP and UNICEF will finalise …``); none
    when the first clause tells what was noted (``The Board noted the delay: …``).

    >>> _later_clause_parties("The deadline is extended; WFP will finalise it.", frozenset())
    ('WFP',)
    >>> _later_clause_parties("The Board noted the delay: WFP will finalise it.", frozenset())
    ()
    """
    pieces = _CLAUSE_BREAK.split(head, maxsplit=_MOST_CLAUSES)
    if len(pieces) < 2 or _noting_verb(pieces[0]) is not None or _NOTED_OPENING.match(head):
        return ()
    for piece in pieces[1:]:
        m = _CLAUSE_SUBJECT.match(piece)
        if m is None or m.start("subject") != 0 or m["verb"].lower() in _NOT_A_VERB:
            continue
        if _is_name(m["subject"]) and (parties := decision_parties(piece, known)):
            return parties
    return ()


def _noting_verb(text: str) -> re.Match[str] | None:
    """The first noting word of ``text`` that is the verb of its subject (``The Board noted
    …``), not a word inside a name before the real verb: one after a preposition, an article
    or ``and`` (``The Unit for received goods``, ``The Office for noted collections``) or
    right before ``will``, ``to`` or the end (``The Unit for goods received``) is the name's.

    >>> _noting_verb("The Board noted that UNICEF")[0]
    'noted'
    >>> _noting_verb("The Unit for received goods") is None
    True
    """
    for found in _NOTING.finditer(text):
        before = text[: found.start()].split()
        if before and before[-1].lower().strip(",") in _IN_A_NAME:
            continue
        if _ENDS_A_NAME.match(text, found.end()):
            continue
        return found
    return None


def decision_clauses(text: str) -> list[tuple[str, str]]:
    """The clauses of a decision's sentence (its first line), each with the subject it names
    when it is not the first: a clause after ``and``, ``;`` or ``,`` whose own subject (a
    name, as :func:`_is_name` says) comes with ``will``, ``shall``, ``must`` or ``to``,
    whatever the first clause's verb (``The Secretariat to circulate the draft and the Unit
    to comment``, ``HR will hire and Finance to pay``). After a verb such as ``invite``,
    ``ask``, ``support``, ``and X to …`` names the verb's object, no new clause; so does a
    plain ``and`` or comma after a name (``contact UNICEF and WHO to agree``), wherever the
    name stands in the verb's object:
    names after a preposition are the object's too, never parties (``send the officers from
    Kenya and Uganda to attend``; ``send copies to the Board and HR to comment`` names the
    Board and HR as recipients, all of them). A sentence of one clause is one item.

    >>> for clause in decision_clauses("The Secretariat to circulate the draft by 15 March "
    ...                                "2024 and the Unit to comment by 30 March 2024."):
    ...     print(clause)
    ('The Secretariat to circulate the draft by 15 March 2024', '')
    ('the Unit to comment by 30 March 2024.', 'the Unit')
    >>> decision_clauses("The Unit to invite HR and the Board to attend.")
    [('The Unit to invite HR and the Board to attend.', '')]
    >>> decision_clauses("The Unit to send copies to the Board and HR to comment.")
    [('The Unit to send copies to the Board and HR to comment.', '')]
    """
    sentence = squash(text.partition("\n")[0])
    starts, _ = _clause_starts(sentence)
    if not starts:
        return [(sentence, "")]
    clauses = [(sentence[: starts[0][1]], "")]
    for index, (start, _, subject) in enumerate(starts):
        end = starts[index + 1][1] if index + 1 < len(starts) else len(sentence)
        clauses.append((sentence[start:end], subject))
    return clauses


def recipient_clauses(text: str) -> list[tuple[str, str]]:
    """The names in a decision's sentence that may be a second clause's subject or one more
    recipient: after a name that ``to`` or ``with`` leads to in the verb's object, ``and`` or
    a comma, a name, then ``to`` and a verb (``share the draft with UNICEF and the Finance
    Unit to prepare the budget``). :func:`decision_clauses` reads them as recipients, never
    parties; each comes with the recipient before it, for a report (never a guess).

    >>> recipient_clauses("HR to share the plan with UNICEF and the Finance Unit to cost it.")
    [('UNICEF', 'the Finance Unit')]
    >>> recipient_clauses("The Unit will write to Finance and HR to confirm the budget.")
    [('Finance', 'HR')]
    >>> recipient_clauses("HR to contact UNICEF and WHO to agree dates.")
    []
    >>> recipient_clauses("HR to send the officers from Kenya and Uganda to attend.")
    []
    """
    return _clause_starts(squash(text.partition("\n")[0]))[1]


def recipient_doubt(text: str) -> str:
    """What to report of the first name :func:`recipient_clauses` finds in a decision's
    sentence, else ``""``; the minutes (GT354) and meeting-report (GT369) readers say it.

    >>> recipient_doubt("The Unit will write to Finance and HR to confirm the budget.")
    "'HR' after the recipient 'Finance' may be a second party (a clause of its own, HR to …) \
or one more recipient; read as a recipient, not a party"
    """
    doubts = recipient_clauses(text)
    if not doubts:
        return ""
    recipient, other = doubts[0]
    return (
        f"{other!r} after the recipient {recipient!r} may be a second party (a clause of its "
        f"own, {other} to …) or one more recipient; read as a recipient, not a party"
    )


def _clause_starts(sentence: str) -> tuple[list[tuple[int, int, str]], list[tuple[str, str]]]:
    """Where :func:`decision_clauses` finds later clauses in ``sentence`` (each clause's start,
    its separator's start and its subject), and the names :func:`recipient_clauses` gives."""
    verb = _OBLIGATION.search(sentence)
    if verb is None:
        return [], []
    starts: list[tuple[int, int, str]] = []  # each later clause: its start, separator, subject
    doubts: list[tuple[str, str]] = []  # a recipient, and a name after it before `to <verb>`
    after = verb.end()  # where the words of the clause so far start
    for tries, separator in enumerate(_NEXT_CLAUSE.finditer(sentence, verb.end())):
        if tries >= _MOST_CLAUSES:
            break
        if separator.start() < after:
            continue
        m = _CLAUSE_SUBJECT.match(sentence[separator.end() : separator.end() + 240])
        if m is None or m["verb"].lower() in _NOT_A_VERB:
            continue
        subject, link = m["subject"], m["link"].lower()
        if not _is_name(subject) or re.search(r"\bnot\b", subject, re.IGNORECASE):
            continue
        so_far = sentence[after : separator.start()].split()
        if link == "to" and any(
            word.strip(_PUNCTUATION).lower() in _CONTROL_VERBS for word in so_far
        ):
            continue
        if link == "to" and _joins_names(separator.group()) and _ends_with_a_name(so_far):
            # `share the draft with UNICEF and HR to …`, after `to` or `will` alike
            if recipient := _recipient(so_far):
                doubts.append((recipient, subject))
            continue
        starts.append((separator.end(), separator.start(), subject))
        after = separator.end() + m.end()
    return starts, doubts


def _joins_names(separator: str) -> bool:
    """Whether a separator :data:`_NEXT_CLAUSE` found may join two names rather than two
    clauses: a plain ``and`` or a comma, not ``;`` nor ``, and``."""
    return ";" not in separator and not ("," in separator and "and" in separator.lower())


def _ends_with_a_name(words: list[str]) -> bool:
    """Whether the words of a clause so far end with a name (``contact UNICEF``, ``write to
    the Board``), which a following ``and X to …`` goes on listing: ``contact UNICEF and WHO
    to agree dates`` names the objects of ``contact``, no second subject. A month, a weekday
    or a figure (``by May``, ``by 2 May 2024``) ends a deadline, no name.

    >>> _ends_with_a_name("contact UNICEF".split()), _ends_with_a_name("send the draft".split())
    (True, False)
    >>> _ends_with_a_name("act by May".split()), _ends_with_a_name([])
    (False, False)
    """
    if not words:
        return False
    last = words[-1].strip(_PUNCTUATION)
    if not last or not last[0].isupper() or _DIGIT.search(last):
        return False
    return last.lower() not in _CALENDAR_WORDS


_PREPOSITIONS = frozenset((
    "to", "with", "from", "of", "in", "for", "at", "by", "on", "into", "among", "between",
    "across", "within", "under", "via", "through", "about", "towards", "toward",
))  # fmt: skip
"""Words that may lead to a name in a verb's object (``to the Board``, ``from Kenya``)."""
_RECIPIENT_WORDS = frozenset(("to", "with"))
"""The prepositions of :data:`_PREPOSITIONS` that lead to a recipient (``send the report
to the Board``, ``share the plan with UNICEF``); ``from Kenya``, ``of Finance``, ``in
Records`` name a place or a kind, never a party."""


def _recipient(words: list[str]) -> str:
    """The name that ends ``words`` (a clause's words so far) when ``to`` or ``with`` leads
    to it (``the draft with UNICEF``, ``the report to the Ministry of Health``), else ``""``:
    the preposition is the first, within a name's length of the end, after which the words
    read as a name (``the report of the Board`` ends with no recipient).

    >>> _recipient("share the draft with UNICEF".split())
    'UNICEF'
    >>> _recipient("send the officers from Kenya".split()), _recipient("contact UNICEF".split())
    ('', '')
    """
    plain = [word.strip(_PUNCTUATION).lower() for word in words]
    for index in range(max(0, len(words) - _NAME_WORDS - 1), len(words) - 1):
        if plain[index] in _PREPOSITIONS and _is_name(name := " ".join(words[index + 1 :])):
            return name.strip(_PUNCTUATION) if plain[index] in _RECIPIENT_WORDS else ""
    return ""


def _named_list(flat: str, known: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The parties a subject names that :func:`~govtrack.io._prose.responsible_in` does not
    take: names separated by ``,`` and a last ``and`` (``UNICEF, UNFPA and UN Women``), a
    name with its acronym in brackets (``Ministry of Finance (MoF)``), or names joined by
    ``and`` too many words long for ``to`` (``The ICT Unit and the Records Unit to …``).
    A list is split only when each name stands alone (:func:`_stands_alone`); otherwise the
    subject is one name, kept whole (``Water, Sanitation and Hygiene``).

    Each party must read as a name: each word capitalised, an acronym in brackets, a word
    such as ``of``, ``and``, ``the``, or an office's name (``unit``); at most six words.

    >>> _named_list("Ministry of Finance (MoF) will share the plan")
    ('Ministry of Finance (MoF)',)
    >>> _named_list("The Board, having read the plan and the budget, will act")
    ()
    """
    m = _SUBJECT_LIST.match(flat)
    if m is None or m["verb"].lower() in _NOT_A_VERB:
        return ()
    pieces = [piece.strip() for piece in m["subject"].strip().rstrip(",").split(",")]
    if len(pieces) > 1:
        last = re.sub(r"^and\s{1,3}", "", pieces[-1], flags=re.IGNORECASE)
        if last == pieces[-1] and not re.search(r"\sand\s", last, re.IGNORECASE):
            # "A, B will": no list. A name and its role (`Ms. Achieng, Programme Officer,`)
            # is one party, kept whole; anything else is an aside (`The Board, having …`).
            whole = m["subject"].strip(" ,")
            if len(pieces) == 2 and all(_is_name(piece) for piece in pieces):
                return (whole,)
            return ()
        oxford = last != pieces[-1]  # "A, B, and C"
        split = (last,) if oxford else _split_subject(last, known)
        parties = (*pieces[:-1], *split)
        if not (oxford or len(split) > 1) or not all(
            _stands_alone(party, known) for party in parties
        ):
            parties = (m["subject"].strip(),)  # one name: "Water, Sanitation and Hygiene"
    else:
        parties = _split_subject(pieces[0], known)
    if all(_is_name(party) for party in parties):
        return tuple(parties)
    return ()


def _is_name(party: str) -> bool:
    """Whether words read as a party's name (``the Records Unit``, ``Ministry of Finance
    (MoF)``), not a clause (``Decisions not objected``, ``having read the plan``)."""
    words = _BRACKETED.sub(" ", party).split()  # (PMU), (Programme Officer) are no words
    if not words or len(words) > _NAME_WORDS or no_party_word(words[0], words, _NOT_A_NAME):
        return False
    for index, word in enumerate(words):
        plain = word.strip(".'’")
        if not plain:
            return False
        if plain[0].isupper() or plain[0].isdigit():
            continue
        if plain.lower() in _NAME_JOINS or (index == 0 and _DETERMINER.match(plain + " ")):
            continue
        if not _HEAD_NOUN.fullmatch(plain):
            return False
    return True


def second_deadlines(
    text: str,
    used: Due | str,
    label: str,
    *,
    dayfirst: bool | None = None,
    meeting_date: dt.date | None = None,
) -> Iterator[str]:
    """What a reader reports of a decision's other deadlines: one a later clause with a party
    of its own gives (``… and the Unit to comment by 30 March 2024``), one an item of its
    sub-list gives (``a) costs by April 2024;``), each not the decision's ``used`` deadline
    (the minutes' GT352, the meeting report's GT367). ``label`` names the decision.

    >>> list(second_deadlines("HR to hire by May 2024 and Finance to pay by June 2024.",
    ...                       "May 2024", "1)"))  # doctest: +NORMALIZE_WHITESPACE
    ["decision 1): 'Finance' has a deadline of its own, 'June 2024'; the decision keeps both
      parties but one deadline, 'May 2024'; the other stays in its text"]
    """
    for message, _ in second_deadlines_at(
        text, used, label, dayfirst=dayfirst, meeting_date=meeting_date
    ):
        yield message


def second_deadlines_at(
    text: str,
    used: Due | str,
    label: str,
    *,
    dayfirst: bool | None = None,
    meeting_date: dt.date | None = None,
) -> Iterator[tuple[str, int | None]]:
    """:func:`second_deadlines`, each message with the place in the sub-list (0 first) of
    the item it is about, or None for a clause of the sentence: a reader reports an item's
    deadline at the item's own line.

    >>> [place for _, place in second_deadlines_at("The Unit to act by May 2024:\\na) costs;"
    ...                                            "\\nb) staff by June 2024.", "May 2024", "1)")]
    [1]
    """
    kept = used.text if isinstance(used, Due) else used
    for subject, written in unused_deadlines(
        text, used, dayfirst=dayfirst, meeting_date=meeting_date
    ):
        yield (
            (
                f"decision {label}: {subject!r} has a deadline of its own, {written!r}; the "
                f"decision keeps both parties but one deadline, {kept!r}; the other stays in "
                "its text"
            ),
            None,
        )
    for index, item, written in _unused_item_deadlines_at(
        text, used, dayfirst=dayfirst, meeting_date=meeting_date
    ):
        yield (
            (
                f"decision {label}: its item {_label(item)} has a deadline of its own, "
                f"{written!r}; the decision keeps one deadline, {kept!r}; the other stays in "
                "its text"
            ),
            index,
        )


def _label(text: str) -> str:
    """How a message names a decision with no ref: its first words, quoted."""
    words = text.split()
    return repr(" ".join(words[:6]) + (" …" if len(words) > 6 else ""))


def _add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later; the month's last day when it has no such day."""
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def _phrase_words(segment: str, *, verb: bool) -> Iterator[tuple[re.Match[str], str, bool]]:
    """Each word of a decision's line, bare and in lower case, and whether a deadline cue
    there (``on``, ``in``, ``during``, ``within``) stands in the decision's verb phrase.

    It does after the decision's verb (``will``, ``shall``, ``to``…; in a sub-item, ``verb``
    says the decision's sentence had one) unless, since that verb, a past participle that
    ``be`` does not lead (``the review conducted by OIOS in …``, ``the budget approved in
    …``; but ``will be completed in …``, ``the revised plan``) or a word that tells of the
    past (``as it did in …``, ``which was``) came first. A comma ends such a word's reach
    and a new ``will``… starts a new phrase; a sentence's end (``.``, ``;``) needs a new verb.
    One pass over the words, each looked at once: linear in the line's length.

    >>> [word for _, word, cued in _phrase_words("The plan adopted in May will be sent "
    ...  "in June, as it did in May.", verb=False) if cued and word == "in"]
    ['in']
    """
    active = verb  # after the decision's verb
    blocked = False  # a participle or a word of the past since the verb
    verb_at = 0 if verb else -1  # the index of the verb's own word
    previous = ""  # the word before, adverbs in -ly passed over
    for index, found in enumerate(_WORD.finditer(segment)):
        raw = found.group()
        word = raw.strip(_PUNCTUATION).lower()
        yield found, word, active and not blocked
        if word in _MODALS or (word == "to" and not active):
            active, blocked, verb_at = True, False, index + 1
        elif (
            active
            and index > verb_at + 1  # right after the verb, it qualifies its object
            and (word in _PAST_WORDS or (_is_participle(word) and previous not in _LEADS))
        ):
            blocked = True
        if not (word.endswith("ly") and len(word) > _SHORT_WORD):
            previous = word
        tail = raw.rstrip(")]'\"’”")
        if tail.endswith((".", ";", "!", "?")):
            active = blocked = False
        elif tail.endswith(","):
            blocked = False


def _when_due(
    segment: str, *, verb: bool, dayfirst: bool | None, meeting: dt.date | None = None
) -> tuple[Due | None, tuple[str, str] | None]:
    """The deadline a decision's line gives after ``on``, ``in`` or ``during``; else the
    first date there that cannot be read, and why; else nothing.

    Only a cue in the decision's verb phrase counts, as :func:`_phrase_words` says, and a
    date only when ``parse_due`` reads it in full right after the word and the clause ends
    there or goes on with a new phrase (``on 5 May 2023.``, ``in June 2023 and …``, ``on 5
    May 2023 to all members``): ``on 5 May 2023 progress`` names no deadline. A bare year
    (``2024``, ``2023-2024``) counts only after ``in`` or ``during`` and at the end of a
    clause (``will be completed in 2024.``): ``on the 2023 budget``, ``in 2023 figures``
    name no deadline. A date that ends before the ``meeting`` is refused, with the reason.
    The first ``_MOST_CUES`` cues are tried, no more: a date costs a parse, and no sentence
    holds that many.

    >>> _when_due("The unit will circulate the paper on 20 April 2023.", verb=False,
    ...           dayfirst=None)[0].text
    '20 April 2023'
    >>> _when_due("The unit will revise the plan adopted in June 2023.", verb=False,
    ...           dayfirst=None)
    (None, None)
    >>> _when_due("The audit will be completed in 2024.", verb=False, dayfirst=None)[0].text
    '2024'
    >>> _when_due("The unit will report on 2023 figures.", verb=False, dayfirst=None)
    (None, None)
    >>> _when_due("The unit will report in May 2019.", verb=False, dayfirst=None,
    ...           meeting=dt.date(2019, 6, 1))[1][1]
    "it ends before the meeting's date (01 June 2019): it tells of the past, not of a deadline"
    """
    refused: tuple[str, str] | None = None
    if _DIGIT.search(segment) is None:  # no date: no need to walk the words
        return None, None
    tries = 0
    for found, word, cued in _phrase_words(segment, verb=verb):
        if not cued or word not in _WHEN_CUES:
            continue
        tries += 1
        if tries > _MOST_CUES:
            break
        due, end, why = _date_at(segment, found.end(), dayfirst)
        if due is None:
            refused = refused or why
            continue
        after = segment[end : end + 40]
        clause_ends = _CLAUSE_END.match(after) is not None
        if _whole_years(due):
            if word == "on" or not clause_ends:
                continue
        elif not clause_ends and not _goes_on_with_a_phrase(after):
            continue
        if meeting is not None and due.end < meeting:
            past = f"it ends before the meeting's date ({meeting:%d %B %Y}): it tells of the past"
            refused = refused or (due.text, past + ", not of a deadline")
            continue
        return due, None
    return None, refused


def _goes_on_with_a_phrase(after: str) -> bool:
    """Whether the words after a date start a new phrase (``and``, ``to``, ``at``…) rather
    than go on with the date as a noun's qualifier (``5 May 2019 progress``)."""
    first = after.split(maxsplit=1)[:1]
    return bool(first) and first[0].strip(_PUNCTUATION).lower() in _NEW_PHRASE


def _within_due(segment: str, *, verb: bool, free: bool) -> re.Match[str] | None:
    """The first ``within …`` span of a decision's line in its verb phrase, as
    :func:`_phrase_words` says (``having circulated the draft within 5 days, will …``
    names none); with ``free`` (a deemed-consent rule, whose period comes before its verb),
    the first anywhere."""
    first = _WITHIN.search(segment)
    if free or first is None:
        return first
    for found, word, cued in _phrase_words(segment, verb=verb):
        if cued and word == "within":
            span = _WITHIN.match(segment, found.start() + found.group().lower().find(word))
            if span is not None:
                return span
    return None


def _is_participle(word: str) -> bool:
    """Whether a word reads as a past participle (``adopted``, ``held``), not ``proceed``."""
    plain = word.strip(".,;:()'\"").lower()
    if plain in _IRREGULAR_PARTICIPLES:
        return True
    return plain.endswith("ed") and plain not in _ED_NO_PARTICIPLE and len(plain) > 3


def _date_at(
    text: str, start: int, dayfirst: bool | None
) -> tuple[Due | None, int, tuple[str, str] | None]:
    """The date ``text`` starts with at ``start`` (the longest run of up to seven words that
    reads) and where it ends; else the date-like words there that cannot be read, and why.

    A refusal counts only when parse_due names what is wrong (``31 June 2023``: June has
    30 days; ``03/04/2023`` reads two ways), never words of no date's shape (``5 districts``).
    Only the next 80 characters are looked at, never a copy of the rest of the line.
    """
    rest = text[start : start + 80]
    tokens = list(re.finditer(r"\S+", rest))[:7]
    refused: tuple[str, str] | None = None
    ambiguous: tuple[str, str] | None = None
    for size in range(len(tokens), 0, -1):
        words = rest[tokens[0].start() : tokens[size - 1].end()].rstrip(".,;:)]'\"")
        if not words or not any(char.isdigit() for char in words):
            continue
        if tokens[size - 1].group().strip(_PUNCTUATION).lower() in _NEW_PHRASE:
            continue  # "20 April 2023 at" is the date and the next phrase's first word
        try:
            due = parse_due(words, dayfirst=dayfirst)
        except AmbiguousDateError as error:
            if ambiguous is None and size <= _UNREAD_WORDS - 1:
                ambiguous = words, error.reason
        except DueParseError as error:
            if refused is None and size <= _UNREAD_WORDS and error.reason != _NO_SHAPE:
                refused = words, error.reason
        else:
            return due, start + tokens[0].start() + len(words), None
    return None, 0, ambiguous or refused


def _whole_years(due: Due) -> bool:
    """Whether a deadline is a bare year or a span of whole years (``2024``, ``2023-2024``)."""
    return due.precision is Precision.YEAR or (
        due.precision is Precision.RANGE
        and (due.start.month, due.start.day, due.end.month, due.end.day) == (1, 1, 12, 31)
    )


def _count(text: str) -> int:
    """The number a ``within`` span counts: digits, or words (``eighteen``, ``twenty-one``)."""
    if text.isdigit():
        return int(text)
    return sum(_NUMBER_WORDS[part] for part in re.split(r"[\s-]+", text.lower()))


def _relative_due(
    found: re.Match[str], meeting: dt.date | None, no_meeting: str = ""
) -> tuple[Due | None, str]:
    """The deadline a ``within …`` phrase gives from the meeting's date, else why not.

    It counts from the meeting when it names no event (``within 7 days``) or names the
    meeting and nothing more (``within 7 days of the meeting.``); anything else after
    ``of``, ``from``… is another event (``of the meeting report being circulated``).
    ``no_meeting`` says why the meeting has no date, when it has none.
    """
    if found["kind"] and found["kind"].strip().lower() in {"working", "business"}:
        return None, "working days depend on the holidays, which the minutes do not give"
    if found["link"] and not _MEETING_ANCHOR.fullmatch(found["what"]):
        return None, f"it counts from {found['what']!r}, whose date the minutes do not give"
    if meeting is None:
        return (
            None,
            no_meeting or "it counts from the meeting's date, which the minutes do not give",
        )
    unit = found["unit"].lower().rstrip("s")
    count = _count(found["count"])
    try:
        if unit == "month":
            day = _add_months(meeting, count)
        else:
            day = meeting + dt.timedelta(days=count * (7 if unit == "week" else 1))
    except (OverflowError, ValueError):
        return None, "it falls outside the calendar"
    return Due.day(day, text=found.group()), ""


def sniff(text: str) -> float:
    """How surely ``text`` is record notes of a meeting, from 0 (surely not) to 1.

    Args:
        text: The text.

    Returns:
        The score: header fields, a "Record Notes"/"Minutes" title and a lettered
        decisions list raise it; a tracking-system export or a pipe table gives 0.

    >>> sniff("# Record Notes of the Board\\nDate and Time: 3 March 2021\\nVenue: Room 4\\n")
    0.8
    >>> sniff("| Action | Responsible |\\n|---|---|\\n")
    0.0
    """
    lines = lines_of(text[:200_000])
    colon_lines = sum(1 for line in lines if line.text.startswith(": ") or line.text == ":")
    pipe_lines = sum(1 for line in lines if line.text.lstrip().startswith("|"))
    if colon_lines >= 2 or "Management Response Category:" in text or pipe_lines >= 3:
        return 0.0
    if "Scheduled Activities" in text and "Schedule" in text:
        return 0.0
    score = 0.0
    keys = set()
    for line in lines[:60]:
        field = _field_of(line)
        if field is not None and field[0] in {"date", "venue", "chair", "participants", "time"}:
            keys.add(field[0])
    if "Date and Time:" in text:
        score += 0.2
    score += 0.15 * len(keys)
    if any(_TITLE_CUE.search(line.text) for line in lines[:12]):
        score += 0.3
    if score == 0.0:
        return 0.0
    lettered = sum(1 for line in lines if _marker(line.text))
    if lettered >= 2:
        score += 0.2
    return round(min(score, 1.0), 3)


def loads(text: str, *, source: str = "", dayfirst: bool | None = None) -> Document:
    """Read record notes of a meeting into a Document with one Meeting.

    Args:
        text: The record notes (a BOM and CRLF line ends are fine).
        source: A file name, recorded in every origin.
        dayfirst: How to read an all-numeric day such as ``03/04/2023``: True for
            3 April, False for March 4; None (the default) reads it only when one
            order is possible (``31/03/2023``) and otherwise keeps it as text and
            reports it (GT341 for the meeting's date, GT349 for a deadline).

    Returns:
        A Document whose ``meetings`` holds the meeting and whose ``problems``
        holds what could not be read (codes GT340–GT355).

    Raises:
        FormatError: The text has neither header fields (``Date and Time:``,
            ``Venue:``, ``Chairperson:``) nor a "Record Notes"/"Minutes" title.

    >>> import govtrack as gt
    >>> doc = loads("Minutes\\nVenue: Hall B\\n\\n1. Opening remarks were made.\\n")
    >>> [(item.ref, item.text) for item in doc.meetings[0].agenda]
    [('1', 'Opening remarks were made.')]
    >>> loads("just some words")
    Traceback (most recent call last):
    ...
    govtrack._errors.FormatError: expected record notes of a meeting: ...
    """
    document = _Reader(lines_of(text), source, dayfirst).read()
    return with_reading_problems(document)  # the words kept as text (GT101, GT104)


def decision_deadline(
    segments: list[str],
    *,
    dayfirst: bool | None,
    meeting_date: dt.date | None,
    no_meeting: str = "",
) -> tuple[Due | None, str, str]:
    """The first deadline of a decision's lines, read one line at a time (a date never
    runs on from one sub-item into the next): a date after "by", "before"…, which wins
    over any other in its line but one in a clause set off by commas before the verb
    (:func:`_without_aside`), unless that clause is itself a deadline (``The Unit, by 30
    April 2024 at the latest, will …``) and the line has none after the verb; else a span
    counted from the meeting (``within 7 days``) in the decision's verb phrase; else a date
    after "on", "in" or "during" there. Else the first deadline that cannot be read, as
    written, and why; else nothing.

    ``meeting_date`` is what a ``within`` span counts from (``no_meeting``: why there is
    none); the meeting-report reader reads its agreed bullets with it too.
    """
    found = _deadline_of(
        segments, dayfirst=dayfirst, meeting_date=meeting_date, no_meeting=no_meeting
    )
    if found[0] is None and found[2].startswith(_NO_YEAR) and meeting_date is not None:
        return None, found[1], _year_hint(found[1], found[2], meeting_date, dayfirst=dayfirst)
    return found


_NO_YEAR = "it gives no year; write one ("
"""How :func:`~govtrack.parse_due` starts its refusal of a date with no year."""
_YEARLESS_CUE = re.compile(
    r"\b(?:by|before|until|till|(?:no|not)\s{1,3}later\s{1,3}than|on\s{1,3}or\s{1,3}before)"
    r"\s{1,3}(?=\S)",
    re.IGNORECASE,
)
_ORDINAL_WORDS = (
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    "|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
)
_EVENT_DUE = re.compile(
    r"\b(?:at|by|before|until|for)\s{1,3}(?P<when>(?:its|the|their|our)\s{1,3}"
    rf"(?:\d{{1,3}}(?:st|nd|rd|th)|{_ORDINAL_WORDS}|next|following)\s{{1,3}}"
    r"(?:(?:plenary|regular|ordinary|annual|general|technical)\s{1,3})?(?:session|meeting))\b",
    re.IGNORECASE,
)
"""A deadline that is an event, not a date: ``at its 5th session``, ``by the third
meeting``, ``at the next session``, ``by the next meeting``, ``at its next session``; kept
in ``due_text`` (GT349), never dated."""


def _yearless_due(segment: str) -> tuple[str, str] | None:
    """The words after ``by``, ``before``… that read as a date but for its year (``by end
    of January``, ``before 15 March``), and why they are not read; None when there are none.

    >>> _yearless_due("The Unit will nominate a focal point by end of January.")[0]
    'end of January'
    >>> _yearless_due("The Unit will report by the Board's next retreat.") is None
    True
    """
    for tries, found in enumerate(_YEARLESS_CUE.finditer(segment)):
        if tries >= _MOST_CUES:  # hostile text: a real line has a few
            break
        tokens = _WORD.findall(segment[found.end() : found.end() + 60])[:5]
        for size in range(len(tokens), 0, -1):
            candidate = " ".join(tokens[:size]).rstrip(_PUNCTUATION)
            if not candidate:
                continue
            try:
                parse_due(candidate)
            except DueParseError as error:
                if error.reason.startswith(_NO_YEAR) and _names_a_part_of_a_year(candidate):
                    return candidate, error.reason
    return None


def _names_a_part_of_a_year(text: str) -> bool:
    """Whether ``text`` with a year after it is a day, a month, a quarter or a half, not the
    year alone (``the 2023``, ``close of 2023`` read as the year: ``the`` names no date)."""
    try:
        due = parse_due(f"{text} 2000")
    except DueParseError:
        return False
    return due.precision not in {Precision.YEAR, Precision.RANGE}


def _year_hint(text: str, reason: str, meeting: dt.date, *, dayfirst: bool | None) -> str:
    """``reason`` (a date with no year) with its example's year the first one that puts the
    date on or after the meeting's day (``15 January 2025`` for a meeting in December 2024)."""
    base = text.strip().rstrip(_PUNCTUATION)
    for year in (meeting.year, meeting.year + 1):
        written = f"{base} {year}"
        try:
            due = parse_due(written, dayfirst=dayfirst)
        except DueParseError:
            return reason
        if due.end >= meeting:
            return f"{_NO_YEAR}{written})"
    return reason


def _deadline_of(
    segments: list[str],
    *,
    dayfirst: bool | None,
    meeting_date: dt.date | None,
    no_meeting: str,
) -> tuple[Due | None, str, str]:
    """:func:`decision_deadline` before its hint of a year is set by the meeting's date."""
    read = [_without_aside(segment) for segment in segments]
    found = _first_deadline(
        read, segments, dayfirst=dayfirst, meeting_date=meeting_date, no_meeting=no_meeting
    )
    if found[0] is None:  # a clause that is itself the deadline (`, by 1 May 2024 at the latest,`)
        kept = [_without_aside(segment, keep_deadline=True) for segment in segments]
        if kept != read:
            whole = _first_deadline(
                kept, segments, dayfirst=dayfirst, meeting_date=meeting_date, no_meeting=no_meeting
            )
            # A clause that is a deadline govtrack cannot read (`, by 01/05/2024,` with no
            # dayfirst) is kept as written and reported, as one after the verb would be.
            if whole[0] is not None or (not found[1] and whole[1]):
                return whole
    return found


def _first_deadline(
    read: list[str],
    segments: list[str],
    *,
    dayfirst: bool | None,
    meeting_date: dt.date | None,
    no_meeting: str,
) -> tuple[Due | None, str, str]:
    """:func:`decision_deadline` on the lines ``read``, the decision's ``segments`` with the
    clauses before the verb that are to be passed over taken out."""
    unread: tuple[str, str] | None = None
    verb = False  # whether the decision's sentence has its verb (the items go on with it)
    free = is_deemed_consent(" ".join(segments))  # a rule's period precedes its verb
    for index, segment in enumerate(read):
        if (due := deadline_in(segment, dayfirst=dayfirst)) is not None:
            return due, "", ""
        unread_by = unread_deadline_in(segment, dayfirst=dayfirst)
        relative = None if unread_by else _within_due(segment, verb=verb, free=free)
        if relative is not None:
            counted, why = _relative_due(relative, meeting_date, no_meeting)
            if counted is not None:
                return counted, "", ""
            unread = unread or (relative.group(), why)
        unread = unread or unread_by
        if unread_by is None and relative is None:  # no other deadline in the line
            when, refused = _when_due(segment, verb=verb, dayfirst=dayfirst, meeting=meeting_date)
            if when is not None:
                return when, "", ""
            unread = unread or refused
        verb = verb or (index == 0 and _OBLIGATION.search(segment) is not None)
    if unread is None:
        unread = next(filter(None, (_yearless_due(segment) for segment in read)), None)
    if unread is None and (event := _EVENT_DUE.search(" ".join(read))) is not None:
        unread = (
            event["when"],
            "a meeting or session is no date: the minutes do not say when it is held",
        )
    if unread is None:
        vague = _VAGUE_DUE.search(" ".join(segments))
        if vague is None:
            return None, "", ""
        return (
            None,
            vague["when"],
            (
                "a time named by the calendar around the meeting (next week, the end of the "
                "quarter, a weekday) is not dated, to guess nothing"
            ),
        )
    return None, unread[0], unread[1]


def _without_aside(segment: str, *, keep_deadline: bool = False) -> str:
    """A decision's line without the clause set off by commas between its subject and its
    verb, whose dates tell of something else than the decision's deadline (``The
    Secretariat, having circulated the draft by 1 March 2024, will finalise it by May
    2024``), after any ``It was agreed that``; a supporter's aside (``, with support from
    UNDP,``) goes too. A subject holding a figure or ``by`` (``By 1 May, the Unit, …``) is
    no subject, and the line stays whole. With ``keep_deadline``, a clause that is itself a
    deadline (``, by 30 April 2024 at the latest,``, ``, no later than 30 April 2024,``)
    stays: :func:`decision_deadline` reads it when the line has no deadline after the verb.

    >>> _without_aside("It was agreed that HR, having hired by May 2024, will train staff.")
    'It was agreed that HR will train staff.'
    >>> _without_aside("By 1 May 2024, the Unit, with its partners, will act.")
    'By 1 May 2024, the Unit, with its partners, will act.'
    >>> _without_aside("HR, by 1 May 2024 at the latest, will hire.", keep_deadline=True)
    'HR, by 1 May 2024 at the latest, will hire.'
    """
    flat = squash(segment)
    lead = _LEAD_IN.match(flat)
    start = lead.end() if lead is not None and not _MODAL.search(lead["body"]) else 0
    rest = flat[start:]
    aside = _ASIDE.match(rest) or _CLAUSE_ASIDE.match(rest)
    if aside is None or re.search(r"\d|\b(?:by|before|until)\b", aside["subject"], re.IGNORECASE):
        return segment
    clause = rest[len(aside["subject"]) : aside.end()].strip(" ,")
    deadline = _DEADLINE_CLAUSE.fullmatch(clause) if keep_deadline else None
    if deadline is not None and _is_a_date(deadline["when"]):
        return segment
    return f"{flat[:start]}{aside['subject']} {rest[aside.end() :]}"


def _is_a_date(words: str) -> bool:
    """Whether words are a date and nothing more, as ``parse_due`` reads it either way round
    (``1 March 2024``, ``the end of May 2024``, ``01/05/2024``), not a date with an event
    (``1 March 2024 having sent the draft``).

    A date in a date's shape that is no day (``31/02/2024``, ``31 February 2024``) is a
    date too: it is the deadline, kept as written and reported, never passed over.

    >>> _is_a_date("30 April 2024"), _is_a_date("1 March 2024 having sent the draft")
    (True, False)
    >>> _is_a_date("31/02/2024"), _is_a_date("31 February 2024")
    (True, True)
    """
    for dayfirst in (True, False):
        try:
            parse_due(words.strip(), dayfirst=dayfirst)
        except DueParseError:
            continue
        return True
    tokens = re.findall(r"[^\W\d_]+", words)
    return bool(re.search(r"\d", words)) and all(
        token.lower() in _CALENDAR_WORDS or token.lower() in {"the", "end", "of"}
        for token in tokens
    )


def unused_span(text: str, due: Due | None, due_text: str) -> str:
    """The ``within`` span of a decision that has no deadline (``due`` and ``due_text``, as
    :func:`decision_deadline` gives them) because the span stands out of its verb phrase
    (``The Unit, having replied within 10 days, will close the file``), as written; else
    ``""``. It stays in the text, and the readers report it rather than pass it over.

    >>> unused_span("HR, having replied within 10 days, will hire.", None, "")
    'within 10 days'
    >>> unused_span("HR will hire within 10 days.", parse_due("May 2024"), "")
    ''
    """
    if due is not None or due_text or (span := _WITHIN.search(text)) is None:
        return ""
    return span.group()


def unused_deadlines(
    text: str, used: Due | str, *, dayfirst: bool | None, meeting_date: dt.date | None
) -> list[tuple[str, str]]:
    """The deadlines that a decision's later clauses with parties of their own give
    (:func:`decision_clauses`) and that are not ``used``, the decision's (read, or as
    written when it does not read), each with the clause's subject: a decision has one
    deadline; these stay in its text. A deadline ending on the decision's day in other
    words (``by the end of May 2024`` after ``by 31 May 2024``) is the decision's.

    >>> unused_deadlines("HR to hire by May 2024 and Finance to pay by June 2024.", "May 2024",
    ...                  dayfirst=None, meeting_date=None)
    [('Finance', 'June 2024')]
    """
    found: list[tuple[str, str]] = []
    for clause, subject in decision_clauses(text)[1:]:
        due, due_text, _ = decision_deadline([clause], dayfirst=dayfirst, meeting_date=meeting_date)
        written = due.text if due is not None else due_text
        if written and not _same_deadline(due or due_text, used):
            found.append((subject, written))
    return found


class _Reader:
    def __init__(self, lines: list[Line], source: str, dayfirst: bool | None = None) -> None:
        self.lines = lines
        self.source = source
        self.dayfirst = dayfirst
        self.problems: list[Issue] = []
        self.meeting_date: dt.date | None = None  # what a deadline `within 7 days` counts from
        self.no_meeting = ""  # why the meeting has no date, when it has none
        self.named: tuple[str, ...] = ()  # the parties the header names (chair, participants)
        self.skips: set[int] = set()  # lines whose skipped letter check_sub_points reported

    def where(self, line: int) -> Location:
        return Location(file=self.source, line=line)

    def problem(self, code: str, message: str, line: int | None, severity: Severity) -> None:
        location = self.where(line) if line is not None else Location(file=self.source)
        self.problems.append(
            Issue(code=code, message=message, location=location, severity=severity)
        )

    # -- the parts ---------------------------------------------------------

    def read(self) -> Document:
        lines = self.lines
        first_field = next((i for i, line in enumerate(lines[:80]) if _is_known_field(line)), None)
        head_end = first_field if first_field is not None else 0
        if first_field is None:
            # No header fields: the title is the leading heading lines, if they say "minutes".
            for index, line in enumerate(lines[:12]):
                plain = line.clean and not line.text.lstrip().startswith("#")
                if plain and (not _TITLE_CUE.search(line.text) or _NUMBERED.match(line.text)):
                    break
                head_end = index + 1
        heads = [line for line in lines[:head_end] if line.clean]
        if first_field is None and not any(_TITLE_CUE.search(line.text) for line in heads):
            raise FormatError(
                "expected record notes of a meeting: a 'Date and Time:', 'Venue:' or "
                "'Chairperson:' line, or a 'Record Notes'/'Minutes' title"
            )
        title, organiser, title_line, other_heads = self.title(heads)
        fields, body_start = self.fields(head_end)
        values: dict[str, tuple[str, int]] = {}
        extra: dict[str, str] = {}
        if other_heads:
            extra["Heading"] = "\n".join(other_heads)
        for key, value, number in fields:
            if key not in _LABELS.values():
                extra[key] = value
                self.problem(
                    "GT346", f"header field {key!r} kept as written", number, Severity.INFO
                )
            elif key in values:
                extra[key.title()] = value
                self.problem("GT348", f"header field {key!r} given twice", number, Severity.WARNING)
            else:
                values[key] = (value, number)
            if not value:
                self.problem(
                    "GT345", f"header field {key!r} has no value", number, Severity.WARNING
                )
        when_text = values.get("date", ("", 0))[0]
        day = find_day(when_text, dayfirst=self.dayfirst) if when_text else None
        self.meeting_date = day.start if day is not None else None
        if day is None and when_text:
            unread = unread_day(when_text, dayfirst=self.dayfirst)
            self.no_meeting = (
                f"it counts from the meeting's date {unread[0]!r}, which cannot be read: "
                f"{unread[1]}"
                if unread is not None
                else f"it counts from the meeting's date, which cannot be read in {when_text!r}"
            )
        self.named = tuple(
            name
            for key in ("chair", "participants")
            for name in re.split(r"[;,]", values.get(key, ("", 0))[0])
            if name.strip()
        )
        agenda, decisions = self.body(body_start)
        meeting = self.meeting(
            title=title,
            organiser=organiser,
            values=values,
            extra=extra,
            agenda=agenda,
            decisions=decisions,
            title_line=title_line,
        )
        self.check_end()
        return Document(meetings=(meeting,), problems=tuple(self.problems), source=self.source)

    def title(self, heads: list[Line]) -> tuple[str, str, int | None, list[str]]:
        if not heads:
            self.problem("GT340", "no title before the header fields", None, Severity.WARNING)
            return "", "", None, []
        kept: list[Line] = []
        texts: list[str] = []
        for line in heads:
            text, mark = split_page_mark(_heading_text(line.text))
            if mark:  # a page header's mark (`Page 1 of 2`) is no part of its title
                self.problem(
                    "GT355",
                    f"the page mark {mark!r} at the end of the heading line is left out "
                    f"of it ({_trim(text)!r})",
                    line.number,
                    Severity.INFO,
                )
            if _trim(text):
                kept.append(line)
                texts.append(_trim(text))
        heads = kept
        if not heads:
            return "", "", None, []
        index = next(
            (i for i, line in enumerate(heads) if _TITLE_CUE.search(line.text)), len(heads) - 1
        )
        organiser = texts[0] if index > 0 else ""
        others = [text for i, text in enumerate(texts) if i not in {0, index}]
        return texts[index], organiser, heads[index].number, others

    def fields(self, start: int) -> tuple[list[tuple[str, str, int]], int]:
        """The header fields from line index ``start``; returns them and where the body starts."""
        found: list[tuple[str, str, int]] = []
        index = start
        lines = self.lines
        while index < len(lines):
            line = lines[index]
            if not line.clean and found:
                after = next((n for n in lines[index:] if n.clean), None)
                if after is not None and _is_known_field(after):
                    index += 1
                    continue
            field = _field_of(line) if line.clean else None
            if field is None or (not found and field[0] not in _LABELS.values()):
                break
            parts = [field[1]] if field[1] else []
            index += 1
            while index < len(lines):
                follow = lines[index]
                if not follow.clean or _field_of(follow) is not None:
                    break
                if _NUMBERED.match(follow.text) or _marker(follow.text):
                    break
                if follow.text.lstrip().startswith("#"):
                    break
                if not follow.text[:1].isspace() and parts and _ENDS_SENTENCE.search(parts[-1]):
                    break
                parts.append(follow.clean)
                index += 1
            found.append((field[0], " ".join(parts), line.number))
        return found, index

    def body(self, start: int) -> tuple[list[AgendaItem], list[Decision]]:
        lines = self.lines[start:]
        in_zone = self.zones(lines)
        use_zone = any(in_zone[i] for i, line in enumerate(lines) if _marker(line.text))
        items: list[_Item] = []
        pending: list[_Pending] = []
        current_decision: _Pending | None = None
        suspended: _Pending | None = None  # a decision whose sub-list a blank line may pause
        previous: tuple[str, int] | None = None  # the kind and place of the last lettered one
        upper: tuple[str, int] | None = None  # the same, of the last one lettered `A.`, `(A)`
        upper_ref = ""  # how a message names that last one: `section B.`, `decision B)`
        zone = False  # in a decisions section, as zones() says (numbered decisions kept in)
        section = _Section()  # the decisions section a bulleted or numbered list may sit in
        for i, line in enumerate(lines):
            if not line.clean:
                if current_decision is not None and (
                    current_decision.opens_list() or current_decision.kind[0] == "bullet"
                ):
                    suspended = current_decision
                current_decision = None
                continue
            resumed = current_decision is None and suspended is not None
            parent, suspended = current_decision or suspended, None
            is_hash = line.text.lstrip().startswith("#")
            if (
                parent is not None
                and not is_hash
                and (sub := _sub_item(parent, lines, i, resumed=resumed))
            ):
                if parent.kind[0] == "bullet" and (
                    (mark := _sub_point_mark(line.text, parent.run)) and mark.follows(parent.run)
                ):
                    parent.run, parent.run_items = mark, parent.run_items + 1
                parent.items.append([line.clean])
                parent.item_lines.append(line.number)
                parent.numeral = sub[0] or parent.numeral
                parent.number = sub[1] or parent.number
                current_decision = parent
                continue
            if parent is not None and not is_hash:
                self.check_sub_points(parent, line)
            shape = _shape(line.text)
            if m := _NUMBERED.match(line.text):
                rest = (m["rest"] or "").strip()
                if not _numbered_heading(m) and section.takes_number(
                    int(m["ref"]), rest, items, _goes_on(lines, i)
                ):
                    if section.family == "number" and _title_over_text(lines, i, rest):
                        self.problem(
                            "GT351",
                            f"{line.clean[:50]!r} reads as a title, not a decision, but it "
                            f"continues the list of decisions: read as decision {m['ref']}), "
                            "with the lines under it",
                            line.number,
                            Severity.WARNING,
                        )
                    current_decision = self.listed(
                        pending, section, line, ("1.", int(m["ref"]), rest)
                    )
                    continue
                current_decision = None
                if section.reports_agenda_item(int(m["ref"]), items) and not _numbered_heading(m):
                    self.problem(
                        "GT351",
                        f"{line.clean[:50]!r} is under the decisions heading but is read as "
                        f"agenda item {m['ref']}, not as a decision; kept in the meeting's text",
                        line.number,
                        Severity.WARNING,
                    )
                zone = bool(_DECISIONS_CUE.search(line.text))
                section.reset(strict=zone and (_numbered_heading(m) or _heading_like(rest)))
                if _numbered_heading(m):
                    items.append(
                        _Item(ref=m["ref"], title=_trim(rest.strip("*# ")), line=line.number)
                    )
                else:
                    items.append(_Item(ref=m["ref"], title="", line=line.number, texts=[rest]))
                continue
            if is_hash:  # a heading ends the decision above it, blank line or not
                current_decision = None
                zone = bool(_DECISIONS_CUE.search(line.text))
                section.reset(strict=zone)
            elif not _marker(line.text) and _DECISIONS_CUE.search(line.text):
                zone = True
            lettered = _marker(line.text)
            letter = None if lettered or is_hash else _letter_item(line.text)
            if letter is not None and (sure := self.letter_sure(section, letter, lines, i)):
                form, token, rest, _ = letter
                if sure == "initial":
                    self.problem(
                        "GT353",
                        f"{_written(form, token)!r} may be a person's "
                        f"initial ({line.clean[:40]!r}), but the next line of its list holds "
                        "the next letter: read as a decision",
                        line.number,
                        Severity.WARNING,
                    )
                if form == "a.":
                    lettered = token, rest  # a lettered decision, as `a)`
                elif _heads_group(lines, i, rest):  # `A.  Finance` over `1.`, `2.`: a title
                    kind, label = _letter_kind(token, upper), f"section {_written(form, token)}"
                    before = None if upper is None else (upper, upper_ref)
                    self.check_section_letter(kind, before, label, line)
                    upper, upper_ref = kind, label
                    section.take(f"letter {form}", 0)
                    section.group = token, _trim(rest)
                    current_decision = None
                    if not items:
                        items.append(_Item(ref="", title="", line=line.number))
                    items[-1].texts.append(line.clean)
                    continue
                else:
                    kind, label = _letter_kind(token, upper), f"decision {token})"
                    if upper is not None and upper_ref.startswith("section "):
                        # a decision after a section's title (check_letters sees no titles)
                        self.check_section_letter(kind, (upper, upper_ref), label, line)
                    upper, upper_ref = kind, label
                    section.group = ("", "")
                    current_decision = _Pending(
                        ref=f"{token})",
                        line=line.number,
                        texts=[rest],
                        kind=upper,
                        indent=_indent(line.text),
                        shape=form,
                    )
                    pending.append(current_decision)
                    section.take(f"letter {form}", 0)
                    continue
            if lettered and (zone or not use_zone or letter is not None):
                previous = _ordinal(lettered[0], previous)
                current_decision = _Pending(
                    ref=f"{lettered[0]})",
                    line=line.number,
                    texts=[lettered[1]],
                    kind=previous,
                    indent=_indent(line.text),
                )
                pending.append(current_decision)
                section.take("marker", 0)
                continue
            if (
                shape is not None
                and shape[0] not in {"marker", "other", *_LETTER_FORMS}
                and section.takes(shape)
            ):
                current_decision = self.listed(pending, section, line, shape)
                continue
            if current_decision is not None and not is_hash and _closes(line.text):
                current_decision = None
            if current_decision is not None and not is_hash:
                if unread := _UNREAD_MARKER.match(line.text):
                    self.problem(
                        "GT350",
                        f"{unread['marker']!r} starts a line inside decision "
                        f"{current_decision.ref or _label(current_decision.texts[0])} but is "
                        "not read as a decision of its own (letters, and Roman numerals i to "
                        "xx, are; under a bullet, a bullet); kept in its text",
                        line.number,
                        Severity.WARNING,
                    )
                if current_decision.items:
                    current_decision.items[-1].append(line.clean)
                else:
                    current_decision.texts.append(line.clean)
                continue
            if not is_hash and _announces(line.text):
                section.reset(strict=True)
            elif letter is not None and section.strict and section.family in {None, "marker"}:
                self.problem(
                    "GT353",
                    f"{line.clean[:50]!r} starts like a lettered list item, but no line of "
                    "the next letter follows it and one space follows its letter: it may be "
                    "a person's initial; kept in the meeting's text",
                    line.number,
                    Severity.WARNING,
                )
            elif section.strict and section.started and not is_hash:
                self.problem(
                    "GT351",
                    f"{line.clean[:50]!r} is under the decisions heading but is no item of its "
                    "list of decisions; kept in the meeting's text",
                    line.number,
                    Severity.WARNING,
                )
                if (
                    _heading_like(line.text)
                    and not BULLET.match(line.text)
                    and not split_page_mark(line.text)[1]  # a page header is no title
                ):
                    section.reset(strict=False)  # (a bullet ending with `:` is no title)
            text = _heading_text(line.text) if is_hash else line.clean
            if bullet := BULLET.match(line.text):
                text = "• " + bullet["text"].strip()
            if not items:
                items.append(_Item(ref="", title="", line=line.number))
            items[-1].texts.append(text)
        agenda = [
            AgendaItem(
                ref=item.ref,
                title=item.title,
                text="\n".join(part for part in item.texts if part),
                origin=self.where(item.line),
            )
            for item in items
        ]
        texts = [_decision_text(entry) for entry in pending]
        known = self.named + tuple(party for text in texts for party in decision_parties(text))
        names = frozenset(_known(name) for name in known)
        decisions = [
            self.decision(entry, text, names) for entry, text in zip(pending, texts, strict=True)
        ]
        self.check_letters(pending)
        return agenda, decisions

    def check_section_letter(
        self,
        kind: tuple[str, int],
        previous: tuple[tuple[str, int], str] | None,
        label: str,
        line: Line,
    ) -> None:
        """Report (GT347) a section's title, or a decision after one, lettered alike whose
        letter does not follow the one before it (``D.  Closing`` after ``B.  Staff``);
        ``previous`` is the kind and place of that one and how a message names it."""
        if previous is None:
            return
        (before, place), name = previous
        if kind[0] != before or kind[1] == place + 1:
            return
        self.problem(
            "GT347",
            f"{label} follows {name}: a {kind[0].lower()} is missing or repeated",
            line.number,
            Severity.WARNING,
        )

    def check_sub_points(self, parent: _Pending, line: Line) -> None:
        """Report (GT347) a line under a bulleted decision lettered as its sub-points are but
        whose letter does not follow the last one (``(c)`` after ``(a)``): it is no sub-point,
        read as it would be with none above it."""
        if parent.run is None:
            return
        mark = _sub_point_mark(line.text, parent.run)
        if mark is None or not mark.alike(parent.run):
            return
        self.skips.add(line.number)
        word = "number" if mark.kind == "number" else mark.kind.lower()
        self.problem(
            "GT347",
            f"{mark.written!r} follows sub-point {parent.run.written!r} of decision "
            f"{parent.ref or _label(parent.texts[0])}: a {word} is missing or repeated; "
            "not read as its sub-point",
            line.number,
            Severity.WARNING,
        )

    @staticmethod
    def letter_sure(
        section: _Section, letter: tuple[str, str, str, bool], lines: list[Line], index: int
    ) -> str:
        """Whether a line lettered ``A.``, ``(A)``, ``A)``, ``II.`` or ``a.`` is a decision:
        ``""`` when it is not, ``"sure"`` when it is, ``"initial"`` when it is but its letter
        may be a person's initial (``A. Jones will …``, reported).

        Only under a decisions heading, in a list of its form (``a.`` goes on a list lettered
        ``a)``). The first item of a list must be sure: two spaces or a tab after its letter,
        or the next line of its form holds the next letter (``B.`` after ``A.``)."""
        form, token, rest, spaced = letter
        family = "marker" if form == "a." else f"letter {form}"
        if not section.strict or section.family not in {None, family}:
            return ""
        if section.family is None and not spaced:
            kind = _ordinal(token, None) if form == "a." else _letter_kind(token, None)
            titles = form != "a." and _heads_group(lines, index, rest)
            if not _run_follows(lines, index, form, _next_letter(*kind), titles=titles):
                return ""
        if not spaced and token.isupper() and len(token) == 1 and _INITIAL.match(rest):
            return "initial"
        return "sure"

    def listed(
        self, pending: list[_Pending], section: _Section, line: Line, shape: tuple[str, int, str]
    ) -> _Pending:
        """A decision that a bulleted or numbered line starts."""
        form, number, rest = shape
        decimal = _DECIMAL_FORM.fullmatch(form) is not None
        numbered = decimal or form in {"1.", "1)", "(1)"}
        ref = f"{number})" if numbered else ""
        letter, group = section.group if numbered and not decimal else ("", "")
        entry = _Pending(
            ref=f"{form[:-1]}{number}" if decimal else f"{letter}.{number}" if letter else ref,
            line=line.number,
            texts=[rest],
            kind=("number", number) if numbered else ("bullet", 0),
            indent=_indent(line.text),
            shape=form,
            group=group,
        )
        pending.append(entry)
        section.take(f"decimal {form}" if decimal else "number" if numbered else "bullet", number)
        return entry

    def zones(self, lines: list[Line]) -> list[bool]:
        """For each body line, whether it sits in a decisions section."""
        flags: list[bool] = []
        active = False
        for line in lines:
            m = _NUMBERED.match(line.text)
            if m or line.text.lstrip().startswith("#"):
                active = bool(_DECISIONS_CUE.search(line.text))
            elif line.clean and not _marker(line.text) and _DECISIONS_CUE.search(line.text):
                active = True
            flags.append(active)
        return flags

    def decision(self, entry: _Pending, text: str, known: frozenset[str]) -> Decision:
        """The decision ``entry`` holds, whose text is ``text`` (:func:`_decision_text`);
        ``known`` are the parties the minutes name elsewhere, as :func:`_known` writes them."""
        # The first deadline, looked for in one line at a time (a date never runs on
        # from one sub-item into the next).
        due, due_text, reason = self.deadline(text.split("\n"))
        if reason:
            label = entry.ref or _label(text)
            # A date that reads but ends before the meeting is no deadline, not unreadable.
            if "before the meeting" in reason:
                what = f"the date {due_text!r} is no deadline"
            else:
                what = f"cannot read its deadline {due_text!r}"
            self.problem(
                "GT349",
                f"decision {label}: {what}: {reason}; kept as text",
                entry.line,
                Severity.WARNING,
            )
        elif span := unused_span(text, due, due_text):
            self.problem(
                "GT349",
                f"decision {entry.ref or _label(text)}: the span {span!r} is not in "
                "the decision's verb phrase and is read as no deadline; kept in its text",
                entry.line,
                Severity.WARNING,
            )
        self.check_clauses(entry, text, due or due_text)
        self.check_recipients(entry, text)
        return Decision(
            ref=entry.ref,
            text=text,
            group=entry.group,
            responsible=item_parties(text, known),
            due=due,
            due_text=due_text,
            deemed_consent=is_deemed_consent(text),
            origin=self.where(entry.line),
        )

    def check_clauses(self, entry: _Pending, text: str, used: Due | str) -> None:
        """Report (GT352) a deadline that a later clause with a party of its own, or an item
        of the decision's sub-list, gives and that is not the decision's: a decision has one
        deadline, the first; the others stay in its text (:func:`second_deadlines`)."""
        label = entry.ref or _label(text)
        items = [
            line
            for part, line in zip(entry.items, entry.item_lines, strict=True)
            if " ".join(part).strip()
        ]
        for message, place in second_deadlines_at(
            text, used, label, dayfirst=self.dayfirst, meeting_date=self.meeting_date
        ):
            line = items[place] if place is not None and place < len(items) else entry.line
            self.problem("GT352", message, line, Severity.WARNING)

    def check_recipients(self, entry: _Pending, text: str) -> None:
        """Report (GT354) a name after a recipient that may be a second clause's subject
        (``… share the draft with UNICEF and the Finance Unit to prepare the budget``): the
        sentence reads two ways, so the decision keeps its subject alone, as a recipient
        never is a party, and says which name it did not take."""
        if doubt := recipient_doubt(text):
            self.problem(
                "GT354",
                f"decision {entry.ref or _label(text)}: {doubt}",
                entry.line,
                Severity.WARNING,
            )

    def deadline(self, segments: list[str]) -> tuple[Due | None, str, str]:
        """The first deadline of a decision's lines: :func:`decision_deadline`."""
        return decision_deadline(
            segments,
            dayfirst=self.dayfirst,
            meeting_date=self.meeting_date,
            no_meeting=self.no_meeting,
        )

    def check_letters(self, pending: list[_Pending]) -> None:
        """Report a list with no decisions, a letter or numeral skipped or repeated (GT347),
        and a decision whose line holds the next item of its list (GT350)."""
        if not pending:
            self.problem(
                "GT343",
                "no list of decisions (a), b), …; i), ii), …; bullets or 1., 2., … under a "
                "decisions heading) was found",
                None,
                Severity.WARNING,
            )
            return
        previous: tuple[str, int] | None = None
        previous_ref = ""
        group = ""
        lettered: dict[str, tuple[str, int]] = {}  # the last decision lettered `A.` or `I.`
        for entry in pending:
            if entry.group != group:  # each lettered section numbers its decisions from 1
                previous, group = None, entry.group
            kind, place = entry.kind
            if previous is not None and previous[0] == "number" and kind in lettered:
                previous = lettered[kind]  # `B.` after `A.` and the numbered decisions under it
            expected = previous[1] + 1 if previous is not None and kind == previous[0] else 1
            reported = entry.line in self.skips  # as a bullet's sub-point: check_sub_points
            if kind != "bullet" and previous is not None and place != expected and not reported:
                self.problem(
                    "GT347",
                    f"decision {entry.ref} follows {previous_ref or 'a bullet'}: "
                    f"a {kind.lower()} is missing or repeated",
                    entry.line,
                    Severity.WARNING,
                )
            if kind in {"letter", "numeral"}:
                self.check_run_together(entry, kind, place)
            if kind in {"LETTER", "NUMERAL"}:
                lettered[kind] = kind, place
            previous, previous_ref = (kind, place), entry.ref

    def check_run_together(self, entry: _Pending, kind: str, place: int) -> None:
        """Report (GT350) a decision whose first line holds the next item of its list."""
        token = _next_token(kind, place)
        if token is None or not entry.texts:
            return
        dotted = rf"|{token}\." if kind == "numeral" else ""
        found = re.search(rf"(?<!\S)(?:\({token}\)|{token}\){dotted})(?=\s)", entry.texts[0])
        if found is not None:
            self.problem(
                "GT350",
                f"decision {entry.ref} holds {found.group()!r}, which looks like the next "
                "item on the same line; not split, kept in its text",
                entry.line,
                Severity.WARNING,
            )

    def meeting(
        self,
        *,
        title: str,
        organiser: str,
        values: dict[str, tuple[str, int]],
        extra: dict[str, str],
        agenda: list[AgendaItem],
        decisions: list[Decision],
        title_line: int | None,
    ) -> Meeting:
        when_text, when_line = values.get("date", ("", None))
        time_text, _ = values.get("time", ("", None))
        date = None
        if when_text:
            day = find_day(when_text, dayfirst=self.dayfirst)
            if day is None:
                unread = unread_day(when_text, dayfirst=self.dayfirst)
                why = f"; {unread[0]!r}: {unread[1]}" if unread is not None else ""
                self.problem(
                    "GT341",
                    f"cannot read the meeting's date in {when_text!r}{why}",
                    when_line,
                    Severity.WARNING,
                )
            else:
                date = day.start
        full_when = " ".join(part for part in (when_text, time_text) if part)
        starts, ends = time_span(full_when)
        if (
            full_when
            and starts is None
            and re.search(r"\d[.:]\d\d|\b[ap]\.?m\b", full_when, re.IGNORECASE)
        ):
            self.problem(
                "GT342", f"cannot read the time span in {full_when!r}", when_line, Severity.INFO
            )
        venue, _ = values.get("venue", ("", None))
        chair, _ = values.get("chair", ("", None))
        participants, _ = values.get("participants", ("", None))
        first = title_line or when_line or (self.lines[0].number if self.lines else 1)
        return Meeting(
            title=title,
            organiser=organiser,
            date=date,
            starts=starts,
            ends=ends,
            when_text=full_when,
            venue=_trim(venue),
            chair=tuple(_trim(part) for part in re.split(r";\s{0,3}", chair) if _trim(part)),
            participants=tuple(
                _trim(part) for part in re.split(r";\s{0,3}", participants) if _trim(part)
            ),
            agenda=tuple(agenda),
            decisions=tuple(decisions),
            extra=extra,
            origin=self.where(first),
        )

    def check_end(self) -> None:
        """Report (GT344) a text whose last line ends mid-sentence, unless it is the last
        item of a list whose items end with ``;`` and it ends with a date that reads (``b)
        The Unit to report by 30 April 2024``): such a list often ends with no full stop."""
        filled = (line for line in reversed(self.lines) if line.clean)
        last = next(filled, None)
        if last is None or _ENDS_SENTENCE.search(last.clean):
            return
        before = next(filled, None)
        if ends_a_semicolon_list(
            last.clean, before.clean if before is not None else None, dayfirst=self.dayfirst
        ):
            return
        self.problem(
            "GT344",
            f"the text ends mid-sentence ({tail(last.clean)!r}): it may be truncated",
            last.number,
            Severity.WARNING,
        )
