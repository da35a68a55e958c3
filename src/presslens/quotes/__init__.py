"""Direct quotations, their speakers, and the speakers' roles: who gets to speak.

The extractor is a pipeline a reader can audit, in three steps.

1. **Candidate spans.**  Every run of words between quote marks: double and single,
   curly and straight, in the headline and the body.  A single-quoted phrase inside a
   double-quoted one stays part of it (nested quotes).  A paragraph that opens a quote
   and does not close it continues into the next paragraph that opens with a quote mark
   (multi-paragraph quotes; each paragraph is one ``part``).  Copies that lost the
   layout are read back first: hard-wrapped lines (wire archives, ~70-character lines, a
   paragraph marked by an indented line) are joined, and a paragraph break flattened into
   a space shows where a quotation still open at a sentence's end meets an opening mark
   (offsets always refer to the text as given).
2. **Attribution by ordered rules** (a sieve, after Lee et al. 2013 and the quote
   attribution sieve of Muzny et al. 2017): the first rule that finds a speaker wins,
   and the row records it in ``rule``.

   ``same sentence``      a cue verb beside the quote: ``"...," said X``, ``"...," X
                          said``, ``X told the Courier: "..."``, ``According to X,
                          "..."``, ``X said the plan was "a mess"``, ``"..." - X``, a
                          colon after a name (``Smith:``)
   ``adjacent sentence``  the sentence before names the subject (``Judge Crane turned
                          to the defendant. "You knew..."``), or the sentence after is
                          a bare attribution (``"...". Smith said.``)
   ``previous paragraph`` British style: a paragraph ending ``X said:`` (or ``X said
                          the plan had failed.``) followed by a paragraph that opens with
                          a quote mark
   ``conversation turn``  a paragraph that is only a quotation, after a paragraph that
                          quoted someone: the same speaker goes on
   ``continuation``       the second and later parts of one quotation (split around
                          its attribution, or running over paragraphs)
3. **Speakers as entities.**  The attribution phrase (read in :mod:`presslens.quotes.mentions`;
   the article's people are kept in :mod:`presslens.quotes.speakers`, from the names and
   organisations :mod:`presslens.quotes.scan` finds in its text) is split into the ``mention`` as
   written, a ``title`` (``Mr.``, ``Sen.``, ``Det Supt``), a ``description`` (``Labour
   leader``, ``campaign spokesman``, ``founder of Shadow Watch``, ``his sister``) and a
   ``canonical`` name: the full name where the article gives one, found through
   surnames (``Smith``, ``Mr Smith``) and pronouns (``he``, ``she``: the nearest person
   quoted or the grammatical subject, ruled out by a title that tells otherwise; a
   namesake of agreeing gender when a bare surname was read as the other Clinton) and
   definite descriptions (``The Vermont senator declined ...``, ``the congresswoman
   said``: the person named earlier with that role or word), in :mod:`presslens.quotes.coref`.  Organisations speaking (``the force said``,
   ``a spokesperson for X said``, ``Meta said in a statement``) stay organisations
   (``speaker_type`` = ``organisation``); a document speaking (``the statement said``,
   ``said the letter from X``) is its issuer when the article names one.

Quoted material that is not speech gets a ``kind``: ``title`` (works, operations,
slogans), ``scare`` (a phrase held at arm's length: so-called "hunters") or ``term`` (one
or two words), and no speaker; a partial quote governed by a reporting verb (``dismissed
the report as "a whitewash"``) is speech.  The rules are in :mod:`presslens.quotes.kinds`, the
reporting and naming verbs they read in :mod:`presslens.quotes.reporting`.

Where each step lives: spans in :mod:`~presslens.quotes.spans`; the attribution rules in
:mod:`~presslens.quotes.attribution` (the order of the sieve), with the cue readers in
:mod:`~presslens.quotes.cues`, clause-level readers (who can be a speaker, clauses ending in
a colon) in :mod:`~presslens.quotes.clauses` and sentence subjects in
:mod:`~presslens.quotes.subjects`; pronouns and descriptions in :mod:`~presslens.quotes.coref`.
:func:`extract_quotes` returns speech only unless asked.

``attribute`` assigns each speaker a role (police, legal, government, politician,
academic, tech, business, charity, vigilante, media, family, public, other) and an
organisation from the description beside the name and from organisation types in names
(Police, Constabulary, Council, Ministry, University, Trust, Ltd/plc/Inc ...), using the
actors gazetteer ``data/actors.yaml`` (whose teaching-world organisations are an
extension of the generic rules).

References: Becker, H. S. (1967). Whose side are we on? *Social Problems*, 14(3),
239-247. Pareti, S. (2016). PARC 3.0: A corpus of attribution relations. *LREC 2016*.
Newell, E., Margolin, D., & Ruths, D. (2018). An attribution relations corpus for
political news. *LREC 2018* (PolNeAR). Muzny, G., Fang, M., Chang, A., & Jurafsky, D.
(2017). A two-stage sieve approach for quote attribution. *EACL 2017*, 460-470.
"""

from presslens.quotes.attribution import QUOTE_COLUMNS, extract_quotes, quotes_in_text  # noqa: F401
from presslens.quotes.profiles import paraphrases, source_profile  # noqa: F401
from presslens.quotes.roles import WEAK_ROLES, attribute, organisation_role, role_of  # noqa: F401
from presslens.quotes.spans import candidate_spans  # noqa: F401
from presslens.quotes.speakers import Speaker, parse_speaker  # noqa: F401
from presslens.quotes.vocabulary import (  # noqa: F401
    ABBREVIATIONS,
    CLOSE_MARKS,
    CUE_VERBS,
    HONORIFICS_FEMALE,
    HONORIFICS_MALE,
    NAME,
    NOT_NAMES,
    OPEN_MARKS,
    OPENERS,
    ORG_NOUNS,
    ORG_WORDS,
    PARTICLES,
    PRONOUNS,
    SINGLE_CLOSE,
    SINGLE_OPEN,
    TITLE_WORDS,
    TITLES,
    first_name_firm,
    first_name_gender,
    gazetteer,
)
