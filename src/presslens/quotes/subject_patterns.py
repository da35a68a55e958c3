"""Step 3 of the quote pipeline, the patterns of the article register: where a name is the subject
of its sentence (at the start of its clause, before its verb, after a description or an
apposition), who is unnamed, and the words written beside a name.  :mod:`presslens.quotes.speakers`
reads the article's people and organisations with them.

Part of :mod:`presslens.quotes`; see its docstring for the pipeline and references.
"""

from __future__ import annotations

import re

from presslens.quotes.coref import ROLE_NOUNS
from presslens.quotes.vocabulary import OPENERS, VERB

# A name as the grammatical subject: at the start of its clause (after "But", "Still," or an opening clause such as
# "Walking to the car,", not inside "As for X," or "According to X,") and before its verb ("Cruz admitted",
# "Christie's been", "Guardian, the mayor, stopped", "Sanders also said"), not before a noun ("Trump supporters").
SUBJECT_BEFORE = re.compile(r"(?:^\s*|[.!?:;]\s+|,\s+|[\"\u201c\u201d]\s*)(?:(?:But|And|Yet|So|Still|Then|Now|Later|Earlier|Meanwhile|However|Instead|"
                             r"Also|Even|Finally|Indeed|Separately|Moreover),?\s+)*$")
SUBJECT_AFTER = re.compile(r"(?:['\u2019]s\s+(?:been|not|also|never|already|got|going)\b|(?:\s*\([^()]{1,30}\))?(?:,[^,.;\"\u201c]{2,120}?,(?:\s+[a-z][^,.;\"\u201c]{2,30}?,)?)?\s+(?:[a-z]+ly\s+|also\s+|then\s+|"
                            r"later\s+|never\s+|still\s+|has\s+|had\s+|have\s+|was\s+|is\s+|will\s+|would\s+|could\s+|did\s+|does\s+)?"
                            r"(?!(?:and|or|of|in|on|at|to|for|with|from|by|as|campaign|supporters|voters|administration|aides|allies|era|team|camp|"
                            r"family|foundation|organization|people|backers|delegates|rally|rallies|and|spokes\w+|aides?|advisers?|advisors?|supporters?|"
                            r"allies|ally|staffers?|loyalists?|consultants?|strategists?|pollsters?|speechwriters?|donors?|fans?|voters?|surrogates?|" + "|".join(w for w in ROLE_NOUNS if w.islower()) + r")\b)[a-z]+\b)")
# A description of capitalised words and a common noun opening its clause before the name, or a possessive: "Club boss Dean
# Pryce hinted", "Local resident Ann Lee, 54, welcomed", "Florida developer Mel Sembler expressed", "Elmford's Tom Kerr said":
# the name is the subject (not after a verb: "Police arrested", "Dane told", "Kerr thanks"; read on the text before the name).
NOUN_SUBJECT_BEFORE = re.compile(
    r"(?:^\s*|[.!?:;]\s+|,\s+|[\"\u201c\u201d]\s*)(?:(?:But|And|Now|Meanwhile|Earlier|Later),?\s+)?(?:(?:[Tt]he|[Aa]n?)\s+)?"
    r"(?:(?!(?:" + "|".join(sorted(OPENERS)) + r"|Neither|Either|More|Less|All|Any|Can|Could|Will|Would|Did|Does|Do|Is|Was|Just|"
    r"Whatever|Whoever|Inside|Under|Friends|Even)\b)[A-Z][\w'\u2019.-]*\s+){1,3}"
    r"(?:(?:(?!(?:and|or|nor|but|of|in|on|at|to|for|with|from|by|as|about|after|before|when|while|that|who|whom|which|than|then|"
    r"also|even|now|the|a|an|his|her|their|its|our|my|your|this|these|those|every|all|most|many|some|any|each|both|next|"
    r"three|four|five|six|has|had|have|was|is|are|were|will|would|could|can|did|does|not|told|met|said|say|says|saw|spoke|show|hit|"
    r"made|gave|took|left|beat|sent|let|put|led|won|lost|brought|thought|felt|kept|became|found|named|backed|joined|replaced|"
    r"against|over|under|into|like|unlike|versus|vs|there|here|more|less|toward|towards|among|another|just|own|only|too|very)\b)"
    r"[a-z][a-z-]{2,}(?<!ed)(?<!ing)(?<![^s]s)(?<!ly)\s+){1,3}|(?<=['\u2019]s\s)|(?<=s['\u2019]\s))$")
CUE_AFTER = re.compile(rf"\s*,?\s+(?:also\s+|later\s+|then\s+|(?!only\b)[a-z]{{3,}}ly\s+)?{VERB}\b")  # ("Cruz openly admitted")
PRONOUN_SUBJECT = re.compile(r"^\W*(?:(?:But|And|Yet|So|Still|Then|Later|Now|Instead|However|Though|Although|While|When|After|Before|As|If)\b[^,.;\"\u201c]{0,80},\s+|"
                              r"(?:But|And|Yet|So|Still|Then|Later|Now)\s+|(?:(?:But|And)\s+)?(?:Though|Although|While|When|After|Before|As|If|Once|Because|Since|Until)\s+(?=(?:he|she)\s))?"
                              r"(?P<pronoun>[Hh]e|[Ss]he)\s+[a-z]")  # (also "When he took the stage after Mr. X's introduction, ...": the pronoun opening the clause)
# One capitalised word that is a common noun, a holiday, a party or a compass point, not a surname: "Fundraising was",
# "after Christmas, insisting", "Democrat", "GOP", "Immigration", "Containment", "the Middle East, warned".
NOT_A_NAME = re.compile(r"^(?:[A-Z][a-z]{3,}(?:tion|sion|ment|ism|ity|ness|ing|ship|ance|ence)|Christmas|Easter|Thanksgiving|Halloween|Ramadan|"
                         r"Hanukkah|Democrats?|Republicans?|GOP|Congress|Senate|Parliament|Government|Council|Party|East|West|North|South|"
                         r"Midwest|Europe|America|Washington|Capitol|Internet|Twitter|Facebook|Fox|God|Jesus|Christ|Lord|Bible|Koran|Quran|"
                         r"Obamacare|Brexit|Medicare|Medicaid|Reuters|AP)$")
# A name opening its sentence with an apposition or "of"-phrase closed before its verb: "Paul Porter, a driver from Ava, Mo., who
# backs Mr. Trump, said", "Pollster Whit Ayres -- author of a book on the party -- is skeptical", "Rep. Lee Zeldin of New York, a
# Trump supporter, said".  The name is the subject (the speaker, before a cue verb); names inside the apposition are neither.
APPOSITION_SUBJECT = re.compile(
    r"^\W*(?:(?:But|And|Yet|So|Still|Meanwhile|However|Now|Also|Then),?\s+)?(?!(?:After|Before|When|While|If|As|In|On|At|For|With|From|By|"
    r"Since|Until|Although|Though|Because|According|Despite|During|Like|Unlike|Asked|Speaking|Under|Over|To|Of|Among|"
    r"Meanwhile|However|Still|Instead|Indeed|Moreover|Nevertheless|Nonetheless|Later|Earlier|Separately|Finally|Now|Also|Then|Yet|So)\b)"  # (not a head)
    r"(?P<head>(?:(?!(?:for|of|in|on|at|to|with|from|by|about|over|after|before|than|against|toward|towards)\s)[\w.'\u2019-]+\s+){0,5}?"
    r"[A-Z][\w.'\u2019-]*)(?!,\s+(?:[\w.'\u2019-]+\s+){1,3}(?:said|says|added|noted|argued|wrote|believes|thinks),)(?P<apposition>(?:,\s+(?![A-Z][a-z]+\s+[A-Z][a-z]+)|\s*(?:--|\u2014|\u2013)\s*|\s+of\s+)[^\"\u201c\u201d;]{3,250}?)"
    r"(?:,|\s*(?:--|\u2014|\u2013))\s+(?:[a-z]+ly\s+|also\s+|then\s+|later\s+|has\s+|had\s+|have\s+|was\s+|is\s+|will\s+|would\s+)?"
    r"(?!(?:in|on|at|of|for|and|or|but|nor|who|whom|whose|which|that|the|a|an|to|from|with|by|as|its|his|her|their|where|when|while|"
    r"after|before|including|now|not|both|one|two|three|four|five|than|this|these|those|some|many|most|all|such|into|per|like|if|so|"
    r"although|though|because|since|unless|until|whereas)\b)"
    r"(?P<verb>[a-z]{2,})\b")
# The plural of a nationality, ethnicity, faith or party closing a capitalised phrase: a group, not a surname.
GROUP_PLURAL = re.compile(r"^[A-Z][a-z]+(?:icans|ians|[a-z]{2}eans|inos|inas|anics|olics|icals|ists|ites|crats|nese)$|^(?:Muslims|Jews|Arabs|Blacks|Whites|"
                           r"Latinx|Asians|Europeans|Evangelicals|Independents|Conservatives|Liberals|Progressives|Tories|Brits|Scots|Swiss|Dutch|"
                           r"Irish|Welsh|French|Germans|Greeks|Turks|Kurds|Poles|Serbs|Croats|Russians|Americans|Veterans|Voters|Workers)$")
# The "of" of an office's title before the name it titles: "Secretary of State John Kerry", "Mayor of Elmford Ann Lee".
OFFICE_OF = re.compile(r"\b(?:Secretary|Minister|Director|Chancellor|Attorney|Governor|Mayor|Speaker|Chairman|Chairwoman|Chair|Chief|Head|"
                        r"Leader|Lord|Commissioner|President|Vice President|Secretary-General|Solicitor General|Attorney General)\s+of\s+(?:the\s+)?$")
# A description opening its sentence, then the name it describes, then the verb: "One pastor backing Mr. Cruz, Darran Whiting of
# Liberty Church, said", "The group's chief executive, Kim Fell, said": the name is the subject and speaker (not the person named
# inside the description), also with a first name the name list does not know.
DESCRIBED_NAME_SUBJECT = re.compile(
    r"^\W*(?:(?:But|And|Yet|So|Still|Meanwhile|However|Now|Also|Then),?\s+)?(?:[Tt]he|[Aa]n?|One|Another|[A-Z][\w\u2019'.-]*['\u2019]s)\s+"
    r"[^,\"\u201c\u201d;]{2,80}?,\s+(?P<name>[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){1,3})"
    r"(?:,[^\"\u201c\u201d;]{2,120}?,|\s+of\s+[^,\"\u201c\u201d;]{2,80}?,)?\s+(?:also\s+)?(?:said|says|told|added|argued|noted|wrote)\b")
# "Then there's Lee.", "There is also Ann Lee, who ...": a person introduced as the topic of what follows (a subject for he/she).
THERE_IS_BEFORE = re.compile(r"(?:^|[.!?:;]\s+)(?:(?:But|And|Then|Now|Finally|And then)\s+)?[Tt]here(?:['\u2019]s|\s+is|\s+was)\s+(?:also\s+|always\s+)?$")
THERE_IS_AFTER = re.compile(r"\s*(?:[.!?;:]|,\s+(?:who|a|an|the)\b|$)")
PRONOUN_SAID = re.compile(r"(?P<pronoun>he|she)\s+(?:also\s+)?(?:said|says|added|adds|told|tells|argued|noted)\b")
BEFORE_PRONOUN_SAID = re.compile(r"(?:[,;]\s+|\b(?:which|that|who|what)\s+)$")
TO_INFINITIVE = re.compile(r"\s+to\s+(?!the\b|a\b|an\b|his\b|her\b|their\b|reporters\b|[A-Z])[a-z]+\b")
HE_SHE = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
# after "said X": a verb makes X the subject of the words reported ("said Nunberg was bound"), not the one saying them
CLAUSE_VERB_AFTER = re.compile(r"\s+(?:[a-z]+ly\s+)?(?:is|was|were|are|has|had|have|would|will|could|should|can|did|does|must|might|may|"
                                r"[a-z]{3,}ed|(?!(?:as|this|his|its|us|thus|less|across|was)\b)[a-z]{2,}s)\b")
CUE_BEFORE = re.compile(r"(?:^|,\s*|[\"\u201d]\s*)(?:said|says|added|adds|wrote|writes|noted|explained|argued|asked)\s+$")
NAME_SAID = re.compile(rf"\b[A-Z][\w'-]+(?:\s+(?:also\s+|(?!only\b)[a-z]{{3,}}ly\s+)?{VERB}\b)")
PREPOSITION_BEFORE = re.compile(r"\b(?:in|of|for|at|from|to|across|throughout|against|into|near|outside|inside|than|like|about|"
                                 r"based in|with|by|on)\s+(?:the\s+)?$")
CAPITAL_WORD = re.compile(r"(?<![\w'\u2019-])[A-Z][\w'\u2019-]+")
TWO_CAPITALS = re.compile(r"[A-Z][\w'\u2019-]*\.? [A-Z]")
NOUN_BEFORE = re.compile(r"(?:^|\s)(?P<noun>[a-z][a-z-]{3,}(?: [a-z][a-z-]{3,})?)\s+$")
NOT_DESCRIPTIONS = frozenset("""said says told tells with from into onto that than when where while about after before against between
during under over with without have has had were been being will would could should also then asked added according""".split())
# the words just before a name, back to a clause boundary ("Welsh forward Rhys Pennant and English defender Tom Hale"), and "aged 41" after one
WORDS_BEFORE_NAME = re.compile(r"(?:^|[,;:(\u2014]\s*|\b(?:and|with|by|to|as|of|for)\s+)(?P<words>(?:(?!(?:and|with|by)\s)[\w'.\u2019-]+\s+){1,4})$")
AGED_AFTER = re.compile(r",?\s+aged\s+(\d{1,3})\b")
# a sentence whose subject is someone unnamed: "A neighbour on Hatherley Road said", "One resident, who ..., added", "Another 72-year-old woman"
CLAUSE_AFTER_NAME = re.compile(rf"^(?:[Tt]he|[Aa]n?)\s+(?:[\w'\u2019-]+\s+){{0,5}}?(?:[a-z]+ly\s+)?(?:{VERB}|stated)\b")
UNNAMED = (r"\W*(?:(?:But|And|Meanwhile|However|Later|Now|Earlier),?\s+)?(?:A|An|One|Another)\s+(?:[\w'-]+\s+){0,3}?(?:neighbou?r|resident|witness|"
            r"man|woman|boy|girl|friend|relative|pensioner|teenager|spokes(?:man|woman|person)|source|official|member|supporter|fan|"
            r"shopper|worker|customer|passenger|driver|student|parent|teacher|nurse|doctor|onlooker|passer-by|local|voter|volunteer|"
            r"colleague|mourner|campaigner|\d{1,3}-year-old)s?\b")
UNNAMED_SUBJECT = re.compile("^" + UNNAMED)
UNNAMED_SUBJECT_ANYWHERE = re.compile(r"(?:^|(?<=[.!?])\s)" + UNNAMED)  # (in a stretch of sentences: at the start of one)
DESCRIPTION_BEFORE = re.compile(r"(?:^|[,;:]\s|\b(?:by|with|and|met|told|to)\s)\s*(?P<description>(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s[\w' -]{2,60}?),\s*$")
