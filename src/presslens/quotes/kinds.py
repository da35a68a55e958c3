"""What a quoted run is: speech, a title, a scare quote or a term (the ``kind`` of a span).

Part of :mod:`presslens.quotes`; see its docstring for the pipeline and references.

The attribution rules find a speaker beside a quote; these rules decide whether the
quoted words are speech at all.  Two kinds of error matter for "who gets quoted":
titles, slogans and nicknames counted as someone's words, and short partial quotes
inside reported speech (``Smith dismissed the claims as "nonsense"``) dropped as
terms.  The rules, each with fictional cases in ``tests/data/quote_cases_press_6.yaml``:

* **work or outlet** (:func:`not_speech`): a run of capitalised words (British titles
  keep "in the" in lower case) after an outlet's possessive, a preposition, a work
  noun, ``known as`` or before a byline, an appositive (``"X," a drama about ...``) or
  ``on/for <Outlet>`` is a title even with a cue verb beside it (``told KVTN's "City
  Forum"``, ``said on "Morning Watch."``, ``the author of 'Hunters in the Dark'``, ``a
  play called "..."``, ``"Council votes to close library," by Jane Roe``), and so is
  the next title of a list (``starred in "X" and "Y"``);
* **modifier**: a capitalised run that qualifies the noun after it is a name
  (``the "Back the Blue" rally``, ``a 'Stop the Stings' petition``);
* **inscriptions** (``a placard that read '...'``), **nicknames** between a first name
  and a surname (``Thomas "Tam" Reilly``), **glosses** (``Welsh for "keep safe"``) and
  attributes of leftover markup (``href="..."``) are not speech;
* **partial quote** (:func:`quoted_kind`): a reporting verb earlier in the same
  clause makes a quoted phrase speech (``Ms Patel dismissed the report as "a
  whitewash"``, ``the governors urge families to "wait for the facts"``), and so does
  one later in the sentence of a quote that opens it (``"People were cheering" before
  the arrest, a witness said``), unless the run is title-like or held at arm's length
  (``so-called``).  A naming verb needs a named subject (``what critics call "..."``
  stays a scare quote) and in the passive it is no cue (``has been described as``).
  For a phrase of three words or more that is not title-like, verbs of speaking about
  something (``speaks of``, ``coached X to``, ``called for``) and a statement's noun
  (``Ms Hale's statement on Monday that "..."``, ``his call for "..."``; its speaker is
  the possessor) count too (cases in ``quote_cases_press_12.yaml``).
  :func:`reporting_subject` gives such a quote the subject of its verb;
* **naming with an agent** (:func:`named_by`, cases in ``quote_cases_press_9.yaml``): a
  naming verb with its object before the quote (``calling him "a total stiff"``,
  ``summed up Ms Hale as "hopeless"``) or after ``what``/``which``/``whom`` and an agent
  (``what the minister called "a reset"``) makes it speech, even title-like; a passive
  (``is called``), a bare participle (``a play called``) or a generic agent (``Critics
  have called the videos ...``) does not;
* **headline speaker** (:func:`headline_speaker`; not a rubric: ``Review: 'X'`` is a title): a British headline ``Police chief:
  'Stings put children at risk'`` is the words of the one before the colon.

In a headline set in title case (US style: ``Mayor Says Budget Is 'Dead on Arrival'``)
capitals say nothing, so the title rules stand aside there.
"""

from __future__ import annotations

import re

from presslens.quotes.reporting import (  # noqa: F401 (re-exported: kinds was their home)
    HEADLINE_SPEAKER,
    NAMING_VERBS,
    NOT_SPEAKERS,
    clause_before,
    headline_case,
    headline_speaker,
    named_by,
    reporting_after,
    reporting_cue,
    reporting_subject,
    title_like,
)
from presslens.quotes.vocabulary import (
    RX28,
    RX29,
    SCARE_CUE,
    TITLE_CUE,
    VERB,
)

# Works and outlets before a title: nouns, "titled", "billed as", and prepositions that name a show or a book.
_WORK_NOUN = re.compile(r"\b(?:titled|entitled|headlined|codenamed|code-named|billed as|slogan|hashtag|motto|tagline|operation|Operation|"
                        r"book|memoir|autobiography|biography|novel|film|movie|documentary|programme|program|show|series|podcast|song|"
                        r"album|play|musical|column|article|essay|report|newsletter|blog|website|magazine|newspaper|channel|"
                        r"segment|poem|anthem|ad|advert|advertisement|video|chant|banner|placard|poster|sign|shirt|T-shirt|badge|"
                        r"campaign|scheme|initiative|policy|project|app)(?:\s+(?:called|named|titled|entitled))?\s*,?\s*$")
_WORK_PLACE = re.compile(r"(?:\b(?:on|in|of|at)\s+(?:(?:the|a|an|his|her|their|its|our|my|your)\s+)?|[\w.)]['\u2019]s\s+)$")
_BYLINE = re.compile(r"^\s*,?\s*by\s+(?:the\s+)?[A-Z]")
_MODIFIED = re.compile(r"^\s+(?P<word>[a-z][a-z-]+)\b")
# Words after a quote that do not make it a modifier of a noun.
_FUNCTION_WORDS = frozenset("""and or but nor by to in on at of for from with without as than then that which who whom whose when while where because
if unless until since after before so yet is was are were be been being has had have will would could should can may might must
did does do not also only even just still again too very""".split())
_GLOSSED = re.compile(r"^\s*(?:--|[,(\u2014\u2013-])\s*(?:[A-Z][a-z]+|slang|code|short)\s+for\s*,?\s*$")
_PASSIVE_NAMING = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:[a-z]+ly\s+)?(?:called|described as|dubbed|branded|labell?ed|termed|"
                             r"known as|referred to as|billed as|hailed as|derided as)\s+(?:(?:a|an|the)\s+)?$")
_GLOSS = re.compile(r"(?:(?:^|[,(\u2014\u2013-]\s*|\b(?:is|was)\s+)(?:[A-Z][a-z]+|slang|code|short)\s+for|\b(?:meaning|translated as|translates as))\s*,?\s*$")
_NAME_BEFORE = re.compile(r"(?:^|\s)[A-Z][\w.'\u2019-]*\s+$")
# An inscription: 'a shirt that read "..."', 'placards saying "..."'
_INSCRIPTION = re.compile(r"\b(?:sign|shirt|T-shirt|banner|placard|poster|hat|cap|badge|sticker|mug|billboard|plaque|slogan|"
                          r"headline|bumper sticker)s?\s+(?:that\s+|which\s+)?(?:read|reads|reading|said|says|saying|proclaimed|proclaiming|"
                          r"declared|declaring|bearing|bore)\s*,?:?\s*$")
_MARKUP = re.compile(r"[\w-]=\s*$")  # an attribute in leftover markup: href="...", tweet-date="..."
_APPOSITIVE = re.compile(r"^\s*,?\s+(?:a|an|the)\s+(?P<what>[^,.;:!?\"\u201c\u201d]{2,60})")
_CUE_WORD = re.compile(rf"\b(?:{VERB})\b")
_OUTLET_AFTER = re.compile(r"^\s+(?:on|for|at)\s+(?:the\s+)?[A-Z]")
_NAMED_AS = re.compile(r"\b(?:known as|also known as|aka|a\.k\.a\.|nicknamed|going by)\s*,?\s*$")
_SURNAME_AFTER = re.compile(r"^\s+[A-Z][a-z]")
_SAYS = re.compile(rf"^\s+(?:{VERB})\b")


def not_speech(words: str, head: str, tail: str, previous: str = "") -> str | None:
    """``title`` or ``term`` for a quoted run that is a name, whatever stands beside it;
    None when the words may be speech.  ``head`` and ``tail`` are the text of the
    paragraph before and after the quote marks (up to the neighbouring quotes);
    ``previous`` is the kind of the quote just before in the paragraph, if any.

    Example
    -------
    >>> not_speech("Breakfast Hour,", "the minister told Radio Kestrel's ", " adding that ...")
    'title'
    >>> not_speech("Tam", "Thomas ", " Reilly, 52, said")
    'term'
    >>> not_speech("We will not be silenced,", "", " said Thomas Reilly.") is None
    True
    """
    stripped = words.strip()
    if not stripped:
        return None
    sentence = clause_before(head)[-100:]  # the rules read the words just before the quote
    if _MARKUP.search(sentence):
        return "term"
    if _INSCRIPTION.search(sentence):
        return "title"  # a slogan on a shirt or a sign
    if _GLOSS.search(sentence) or _GLOSSED.match(tail):
        return "term"  # a translation, or the words translated: "Cadw'n ddiogel" - Welsh for "keep safe"
    if _BYLINE.match(tail) and (title_like(stripped, longest=20)
                                or ((stripped.endswith(",") or tail.lstrip().startswith(",")) and reporting_cue(head) is None)):
        return "title"  # a headline or a book and its byline
    label = HEADLINE_SPEAKER.match(head)
    if label is not None and label.group("who").split()[0].lower() in NOT_SPEAKERS and title_like(stripped, longest=12):
        return "title"  # a headline's rubric before a work: "Review: 'Hunters in the Dark'"
    modified = _MODIFIED.match(tail)
    modifier = modified is not None and modified.group("word") not in _FUNCTION_WORDS and not RX29.search(stripped) and not _SAYS.match(tail)
    if not title_like(stripped) or headline_case(sentence[-60:] + " " + tail[:40]) or (named_by(head) and not _qualifies_noun(stripped, head, tail)):
        return None
    if is_nickname(stripped, sentence, tail):
        return "term"
    if _WORK_PLACE.search(sentence) or _WORK_NOUN.search(sentence) or _NAMED_AS.search(sentence):
        return "title"
    if previous == "title" and head.strip() in ("", ",", "and", "or", "&", ", and", ", or"):
        return "title"  # a list of titles: starred in "X" and "Y"
    if _OUTLET_AFTER.match(tail) and not RX29.search(stripped):
        return "title"  # edits "The Long Read" for the Courier
    appositive = _APPOSITIVE.match(tail) if stripped.endswith(",") or tail.lstrip().startswith(",") else None
    if appositive is not None and not _CUE_WORD.search(appositive.group("what")):
        return "title"  # "Harbour Lights," a drama about ...
    if modifier:
        return "title"  # the "Back the Blue" rally
    return None


def is_nickname(words: str, head: str, tail: str) -> bool:
    """Whether one or two capitalised quoted words stand between a first name and a
    surname (``Thomas "Tam" Reilly``, ``Gary 'Gaz' Pickford``).

    Example
    -------
    >>> is_nickname("Tam", "Thomas ", " Reilly, 52, said"), is_nickname("Tam", "the ", " report")
    (True, False)
    """
    stripped = words.strip()
    return 0 < len(stripped.split()) <= 2 and stripped[:1].isupper() and not RX28.search(stripped) \
        and bool(_NAME_BEFORE.search(clause_before(head))) and bool(_SURNAME_AFTER.match(tail))


def _qualifies_noun(words: str, head: str, tail: str) -> bool:
    """A quoted term of one or two words between an article and the noun it qualifies
    ('which describes itself as a "hunter" group'): a name, not what was called."""
    modified = _MODIFIED.match(tail)
    return len(words.split()) <= 2 and not RX28.search(words) and re.search(r"\b(?:a|an|the)\s*$", head) is not None \
        and modified is not None and modified.group("word") not in _FUNCTION_WORDS and not _SAYS.match(tail)


def quoted_kind(words: str, head: str, attributed: bool, marks: str, tail: str = "") -> str:
    """``speech``, ``title``, ``scare`` or ``term`` for one quoted span; ``head`` is the
    paragraph text before the opening mark.

    Example
    -------
    >>> quoted_kind("a whitewash", "Ms Patel dismissed the report as ", False, "double")
    'speech'
    >>> quoted_kind("hunters", "The so-called ", False, "double")
    'term'
    >>> quoted_kind("a new kind of mob.", "The practice has been described as ", False, "double")
    'scare'
    """
    stripped = words.strip()
    n = len(stripped.split())
    if attributed:
        return "speech"
    before = head[-60:]
    if (named_by(head) and not _qualifies_noun(stripped, head, tail)) or (headline_speaker(words, head) is not None and not tail.strip(" .!?'\u2019\"\u201d")):
        return "speech"  # 'she called the plan "a shambles"', 'what Reed dubbed "the lodger"'
    if TITLE_CUE.search(before):
        return "title" if n > 1 or stripped[:1].isupper() else "term"
    titled = title_like(stripped) and not headline_case(clause_before(head)[-60:])
    cue = None if SCARE_CUE.search(before) or titled else reporting_cue(head, longer=n >= 3) or reporting_after(words, head, tail)
    if cue is not None and (cue.group(0) not in NAMING_VERBS or reporting_subject(head, tail, words) is not None):
        return "speech"  # a partial quote in reported speech ("critics have called it ..." names no one: a scare quote)
    if n <= 2:
        return "term"
    if SCARE_CUE.search(before) or _PASSIVE_NAMING.search(before):
        return "scare"
    capitals = sum(1 for w in stripped.split() if w[:1].isupper())
    if (not RX28.search(stripped) or n >= 3) and capitals / n >= 0.6 and n <= 10:  # a title, also with US style's full stop inside
        return "title"
    if n >= 4 and RX29.search(stripped):
        return "speech"
    if n >= 9 and marks == "double":
        return "speech"
    return "scare"
