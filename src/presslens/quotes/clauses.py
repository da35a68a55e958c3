"""Clause-level readers for the attribution rules (issue 17): whether a phrase can be a speaker
(:func:`who_ok`), the sentence a quote stands in (:func:`last_sentence`), and the speaker of a
clause that ends in a colon or names its speaker only as its subject (:func:`colon_subject`,
:func:`tail_cue_subject`).

Part of step 2 of :mod:`presslens.quotes`; split from :mod:`presslens.quotes.cues` (which
re-exports these) at the 500-line limit.
"""

from __future__ import annotations

import re

from presslens.quotes.vocabulary import (
    NAME,
    OPENERS,
    PRONOUNS,
    RX17,
    RX18,
    TITLES,
    VERB,
)

# A speaker in an absolute clause: "..., with Chief Constable Ann Lee warning that", "with Trump reportedly yelling:".
WITH_DOING = re.compile(rf"\bwith\s+(?P<who>(?:[A-Z][\w.'\u2019-]*\s+)?(?:[a-z][\w-]*\s+){{0,2}}(?:(?:{TITLES}|[A-Z][a-z]+\.)\s+)*{NAME})"
                         r"\s+(?:[a-z]+ly\s+)?[a-z]+ing\b")

_THIS_TIME = frozenset("""week weekend month year morning afternoon evening night time summer spring autumn fall winter season term session
decade century spring one is was""".split())



def who_ok(who: str) -> bool:
    who = who.strip()
    if not who or len(who.split()) > 24:
        return False
    first = who.split()[0].strip(",")
    if re.match(r"(?:--?|[\u2013\u2014])\s*(?:and|but|or)\b", who):
        return False  # '"..." - and vowed to ...', '"..."\u2014and promised ...': the sentence's subject goes on, not a speaker
    if re.fullmatch(r"[-\u2014\u2013\u2015]+", first):  # '"..." - and said', '"..." \u2014 asserting': a dash opens the phrase
        return who_ok(who[len(first):])
    if who.lower() in PRONOUNS:
        return True
    if first.islower() and first.endswith("ing"):  # '"...," claiming that he is ... states': a clause, not a speaker
        return False
    if re.fullmatch(r"[a-z]{3,}(?:al|ent|ant|ate|ous|ar|ed|ive|ful|ic|ible|able|ess|ary)ly", first):  # "particularly in Iowa, ...": an adverb
        return False
    words = who.split()
    if first == "this" and 2 <= len(words) <= 5 and words[1].strip(",").lower() not in _THIS_TIME and "," not in who and not RX18.search(who):
        first = words[1]  # '"...," this reporter was told', '"...," this Trump look-alike declared': a description
    if first.lower() in ("earlier", "later", "last", "yesterday", "today", "tonight", "meanwhile", "separately", "that", "this", "it", "there", "what", "which", "in", "on", "at", "as", "if", "when", "because", "and", "to", "by",
                         "after", "before", "during", "from", "with", "for", "of", "following", "since", "until", "while", "where", "how", "why",
                         "is", "was", "were", "are", "has", "had", "have", "not", "also", "then", "so", "but", "or", "about", "than"):
        return False
    lead = RX17.split(who, maxsplit=1)[0]
    if RX18.search(lead):
        return False
    return True



_AUX = frozenset("""is was are were has had have does did do doesn't didn't don't isn't wasn't hasn't hadn't can could would will may might
must should shall can't couldn't wouldn't won't""".replace("'", "\u2019").split()) | frozenset("""is was are were has had have does did do
doesn't didn't don't isn't wasn't hasn't hadn't can could would will may might must should shall can't couldn't wouldn't won't""".split())

_NOT_VERB_S = frozenset("""his its this us as thus less unless whereas across news series species means politics economics plus yes was
has does is always perhaps sometimes""".split())

_IRREGULAR_VERBS = frozenset("""put shot went took gave made hit struck spoke wrote began kept felt found held led left sent set told thought saw came
became drew threw broke chose rose fought brought bought sought ran won lost stood said let cut got knew meant read grew flew blew spent paid
laid sold sat met fled hid swore wore tore sang rang stuck spun stole sank forgot understood withdrew oversaw quit shut spread cast hurt
upheld built lent bent dealt woke""".split())

_PLURAL_VERBS = frozenset("say tell argue believe think want know warn claim insist agree expect hope fear feel worry contend suggest".split())

TRAILING_WORDS = frozenset("also then still now too again later once often never already even only just first".split())

_RELATIVE = frozenset("that whose which who whom where when there".split())

_AGENT_NOUN = re.compile(r"^(?:spokes\w*|official|officials|aides?|campaign|committee|group|graduate|lawyer|attorney|leaders?|statement|letter|report|"
                         r"paper|study|website|memo|release|ad|poll|survey|columnist|commentator|editor|writer|hosts?|staff|team|allies|plan|proposal|platform|manifesto|book|memoir|\w+(?:ers|ors|ists|ians|ants|ents))$")

_DETERMINERS = frozenset("the a an his her its their one some many most all both each every other others another".split())

_NO_SUBJECT = frozenset("""it this that these those there here what which who whom whose how why when where if whether as so such one
the a an its his her their our my your some many most all both each every other others another nobody anyone someone everyone""".split())

_CLAUSE_OPENERS = frozenset("""in on at for from with without by of to under over after before during since until while when whenever if
although though because as once upon across among amid despite like unlike besides then later earlier today yesterday tonight now meanwhile
instead indeed still yet but and or so however also likewise similarly moreover asked speaking writing more back last next""".split())

# verbs whose object, not subject, is the one who then speaks: 'The timing does not surprise pollster Ann Lee:'
_EXPERIENCER = re.compile(r"^(?:surprise[sd]?|surprising|strike|strikes|struck|puzzle[sd]?|worr(?:y|ies|ied)|bother(?:s|ed)?|impress(?:es|ed)?|"
                          r"amuse[sd]?|alarm(?:s|ed)?|baffle[sd]?|frustrate[sd]?|anger(?:s|ed)?|dismay(?:s|ed)?|shock(?:s|ed)?|lost)$")

_OBJECT_NAME = re.compile(rf"(?:^|\s)(?P<who>(?:[A-Z][\w-]*\s+)?(?:[a-z][\w-]*\s+){{0,3}}(?:(?:{TITLES}|[A-Z][a-z]+\.)\s+)*[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){{1,3}})\s*:\s*$")

_MORE_FROM = re.compile(r"(?:^|[\u2014\u2013-]\s*)(?:More|Much more|Read more) from (?P<who>[A-Z][^:;\"\u201c\u201d]{1,80}?)\s*:\s*$")

_LEAD_CONJUNCTION = re.compile(r"^(?:And|But|Yet|So|Or|Still|Now|Then)\s+(?=\S)")

_OWNER_DOCUMENT = re.compile(rf"^(?P<who>(?:(?:{TITLES}|[A-Z][a-z]+\.)\s+)*[A-Z][\w-]+(?:\s+[A-Z][\w-]+){{0,2}})['\u2019]s\s+(?:[a-z]+\s+)?"
                             r"(?:letter|statement|memo|email|e-mail|tweet|post|blog post|message|op-ed|essay|speech|remarks|reply|response|note)$")

LATE_CUE = re.compile(rf"\b(?:in which|at which|during which|where|when|as)\s+(?P<who>(?:(?:{TITLES}|[A-Z][a-z]+\.)\s+)*{NAME}|he|she|they|"
                       rf"(?:a|an|the)\s+(?:[a-z][\w-]*\s+){{0,2}}[a-z][\w-]*)\s+(?:also\s+|then\s+)?(?P<verb>{VERB})\s*[:,]?\s*$")

# a cue inside a subordinate clause that ends just before the quote: "X tweeted after Ann Lee argued that", "..., hours after
# Lee said he was", "after a woman in Dunmore, Ohio, told him": that clause's subject, not the main clause's
CLAUSE_CUE = re.compile(rf"(?:^|\s)(?:(?:hours|days|weeks|minutes|moments|shortly|just|soon|only|even)\s+)?(?:after|before|until|when|as|while)\s+"
                         rf"(?P<who>(?:[A-Za-z][\w-]*\s+){{0,2}}?(?:(?:{TITLES}|[A-Z][a-z]+\.)\s+)*{NAME}|he|she|they|"
                         rf"(?:a|an|the)\s+(?:[a-z][\w-]*\s+){{0,2}}[a-z][\w-]*\s+(?:in|from|of|at)\s+{NAME}(?:,\s+{NAME},)?)\s+(?:also\s+|then\s+|had\s+|has\s+)?"
                         rf"(?P<verb>{VERB})\b(?P<rest>[^;\"\u201c\u201d\u2014\u2013]{{0,100}}?)\s*(?:\bthat|[,:])?\s*$")

OTHER_CUE = re.compile(rf"(?:[A-Z][\w.'\u2019-]+|\bhe|\bshe|\bthey)\s+(?:[a-z]+\s+)?{VERB}\b")

_SO_THAT = re.compile(r"\b(?:so|such)\s+(?:[a-z]+\s+){1,3}?that\s+(?=\S)")



def verb_like(word: str, following: str) -> bool:
    """Whether a word after a noun phrase reads as its finite verb (or an auxiliary)."""
    bare = word.rstrip(":")
    if bare.strip(",;") != bare or not bare:
        return False
    low = bare.lower()
    if low in _AUX or low in _IRREGULAR_VERBS or low in _PLURAL_VERBS:
        return bare.islower()
    if not bare.isalpha() or not bare.islower() or len(bare) < 4 or low in _NOT_VERB_S:
        return False
    if not (low.endswith("ed") or low.endswith("s")):
        return False
    nxt = following.strip(",;:").lower()
    # 'questioners ranged': a plural noun followed by the verb
    return not (low.endswith("s") and not low.endswith("ss") and (nxt.endswith("ed") or nxt in _AUX or nxt in _IRREGULAR_VERBS))



def colon_subject(sentence: str, cue: str = "colon"):
    """(speaker, "colon") for a clause that ends in a colon after a speaker who is its
    subject, named or described ('The Elmford campaign, in a leaflet, put it bluntly:',
    "Ann Lee's letter makes a case:"), or the object of a verb of being struck ('The timing
    does not surprise pollster Ann Lee:'), or None.

    Example
    -------
    >>> colon_subject("The Elmford campaign, in a leaflet on the plan, worded it carefully:")
    ('The Elmford campaign', 'colon')
    >>> colon_subject("The timing does not surprise Labour pollster Ann Lee:")
    ('Labour pollster Ann Lee', 'colon')
    >>> colon_subject("The reason is simple:") is None
    True
    """
    text = sentence.strip()
    if (cue == "colon" and not text.endswith(":")) or len(text) > 400:
        return None
    cut = list(_SO_THAT.finditer(text))
    if cut:
        text = text[cut[-1].end():]
    withs = list(WITH_DOING.finditer(text))  # '..., with Ann Lee reportedly yelling:'
    if withs and who_ok(withs[-1].group("who")):
        return withs[-1].group("who"), cue
    late = LATE_CUE.search(text)  # '... a fundraiser at which Ann Lee said:', '... when a young boy shouted,'
    if late and who_ok(late.group("who")):
        return late.group("who"), late.group("verb").lower()
    more = _MORE_FROM.search(text)
    if more:  # a digest line: '- More from Ann Lee:'
        return more.group("who"), "colon"
    parts = [text] + [text[m.end():] for m in re.finditer(r",\s+|\s*[\u2014\u2013]{1,2}\s*|\s+-{1,2}\s*", text)]
    for part in parts:
        part = _LEAD_CONJUNCTION.sub("", part)
        words = part.split()
        if len(words) < 2:
            continue
        first = words[0].strip(",")
        if first.lower() in _CLAUSE_OPENERS or first.lower() in ("based", "according", "given", "compared", "including", "following") \
                or first[:1] in "([" or (first.islower() and first.endswith(("ing", "ed"))) or re.split(r"['\u2019]", first.lower())[0] in _NO_SUBJECT - _DETERMINERS:
            continue
        if first.lower() in _NO_SUBJECT - _DETERMINERS:
            continue  # "It gets better:"; "That is, when ... X called them on it:" reads on
        index, noun = 0, []
        while index < len(words) and len(noun) < 13:
            word = words[index]
            following = words[index + 1] if index + 1 < len(words) else ""
            if noun and verb_like(word, following):
                break
            dash = word in ("\u2014", "\u2013", "--") and bool(noun)
            if word.endswith(",") or dash:  # an appositive or an aside between commas or dashes: 'The campaign, in a Q&A on X, worded'
                if not dash:
                    noun.append(word.rstrip(","))
                close = next((j for j in range(index + 1, min(len(words), index + 22))
                              if (words[j] == word if dash else words[j].endswith(","))), None)
                if close is None:
                    noun = []
                    break
                index = close + 1
                while index < len(words) and words[index].endswith("ly") and words[index].islower():
                    index += 1
                if index < len(words) and verb_like(words[index], words[index + 1] if index + 1 < len(words) else ""):
                    break
                noun = []
                break
            noun.append(word)
            index += 1
        while len(noun) > 1 and noun[-1].islower() and (noun[-1].endswith("ly") or noun[-1] in TRAILING_WORDS):  # 'Her campaign quickly blasted out'
            noun.pop()
        if not noun or index >= len(words) or len(noun) > 12:
            continue
        low = [w.lower() for w in noun]
        if (noun[0].islower() and low[0] not in _DETERMINERS and low[0] not in ("he", "she", "they", "we") and len(noun) > 4
                and not any(w[:1].isupper() for w in noun[1:3])) \
                or sum(1 for w in noun if len(w) > 2 and w.isupper()) >= 3:
            continue  # 'appearance during the war and pointedly saying the country', a digest headline in capitals
        head_noun = next((low[j - 1] for j in range(1, len(low)) if low[j] in ("of", "as", "on", "in", "at", "for", "with", "against", "from")), low[-1])
        if (low[0] in ("his", "her", "its", "their") and not _AGENT_NOUN.match(head_noun)) or any(w.endswith(":") for w in noun):
            continue  # 'His first segment as a freelancer', 'His auto bailout fact-check'; not 'Her campaign', 'Its hosts'
        if any(w in _RELATIVE for w in low) or any(w == "to" and j + 1 < len(low) and noun[j + 1].islower() and low[j + 1] not in ("the", "a", "an", "his", "her", "its", "their")
                                                   for j, w in enumerate(low)):
            continue  # 'The fact that X's bill ...', 'There is still time for X to build ...': a clause, not a speaker
        who = " ".join(noun)
        rest = words[index:]
        verb = rest[0].lower() if rest else ""
        if verb in _AUX and len(rest) > 1:
            verb = rest[1].lower().strip(",")
        if _EXPERIENCER.match(verb) or (verb == "not" and len(rest) > 2 and _EXPERIENCER.match(rest[2].lower())):
            match = _OBJECT_NAME.search(" ".join(rest))
            return (match.group("who"), cue) if match else None
        if len(noun) == 1 and (noun[0].lower() in ("he", "she", "they", "we")
                               or (noun[0][:1].isupper() and noun[0] not in OPENERS and not noun[0].endswith("s") and noun[0].isalpha())):
            pass  # 'Reed did not name his rival, but told ...'; not 'Critics', 'Respondents'

        elif not any(w[:1].isupper() and w != "I" for w in noun[1:]) \
                and not _AGENT_NOUN.match(low[-1]):
            continue
        owner = _OWNER_DOCUMENT.match(who)  # "Pike's letter makes a case:": the letter's writer
        who = owner.group("who") if owner else who
        return (who, cue) if who_ok(who) or who in ("he", "she", "they", "we") else None
    return None



# A cue closing the clause before a quote, after its verb phrase: '... was prompted to say,', '... sent an email
# stating,', '..., but told his supporters,'
_TAIL_CUE = re.compile(r"(?:\b(?:went so far as|went on|had|has|was|were|is|are|decided|chose|wanted|seemed|appeared|used|began|prompted|forced|able|moved|only)\s+"
                       r"to\s+(?P<inf>say|announce|state|add|declare|write|insist|argue|warn|note|explain|ask|tell\s+[\w'\u2019]+(?:\s+[\w'\u2019]+)?|quip|joke|tweet|post)"
                       r"|\b(?P<part>stating|declaring|announcing|proclaiming|warning|asserting)"
                       r"|,\s+(?:and|but)\s+(?:then\s+|later\s+|also\s+|instead\s+)?(?P<verb>told|said|added|wrote|warned|insisted|declared|asked|tweeted)"
                       r"(?:\s+(?:his|her|their|the|a)\s+[\w'\u2019-]+)?)\s*[,:]\s*$")



def tail_cue_subject(sentence: str):
    """(speaker, cue) for a sentence whose cue closes it after the verb phrase of its subject
    ("Mr. Reed was prompted to say,", "Her campaign sent an email stating,", "Ann Lee did not
    name her rival, but told supporters,"), or None.

    Example
    -------
    >>> tail_cue_subject("The hearing was so quiet that Cllr Ann Lee was prompted to say,")
    ('Cllr Ann Lee', 'say')
    >>> tail_cue_subject("Sheriff Tom Reed did not name his rival, but told his deputies,")
    ('Sheriff Tom Reed', 'told')
    """
    match = _TAIL_CUE.search(sentence)
    if not match:
        return None
    cue = (match.group("inf") or match.group("part") or match.group("verb")).split()[0]
    body = sentence[: match.start()].rstrip(" ,")
    if match.group("inf"):  # the verb before "to say" stays: 'Mr. Reed was prompted'
        body = sentence[: match.start("inf")].rstrip()[: -len("to")].rstrip()
    return colon_subject(body, cue) if len(body.split()) >= 2 else None
