"""Nexis exports: the field labels of each interface language, and dates in English.

Part of :mod:`presslens.importers.nexis`.
"""

from __future__ import annotations

import re

from presslens.importers._dates import split_date_line

KEYWORDS = {
    "end": r"^\s*End of Document\s*$",
    "body": r"^\s*(?:Body|Text|Texte|Cuerpo|Corpo|Tekst)\s*$",
    "classification": r"^\s*(?:Classification|Klassifikation|Classement|Clasificación|Classificazione)\s*$",
    "cover_count": r"^\s*(?:Documents?|Dokumente?|Documentos?|Documenti)\s*\((\d+)\)\s*$",
    "txt_separator": r"^\s*(?:\d+\s+(?:of|von|de|sur|di)\s+\d+\s+(?:DOCUMENTS?|DOKUMENTE?N?|DOCUMENTOS?|DOCUMENTI)"
                     r"|(?:Dokument|Document|Documento)\s+\d+\s+(?:von|de|of|di|sur)\s+\d+)\s*$",
}
# field names as they appear in the exports -> column names
FIELD_COLUMNS = {
    "byline": "byline", "author": "byline", "autor": "byline", "auteur": "byline", "section": "section", "rubrik": "section", "rubrique": "section",
    "length": "length", "länge": "length", "longueur": "length", "edition": "edition", "ausgabe": "edition", "headline": "headline_field",
    "titel": "headline_field", "titre": "headline_field", "dateline": "dateline", "highlight": "highlight", "show": "show", "guests": "guests",
    "language": "language", "sprache": "language", "langue": "language", "publication-type": "publication_type", "publikationstyp": "publication_type",
    "journal-code": "journal_code", "journal code": "journal_code", "subject": "subject", "company": "company", "organization": "organization",
    "industry": "industry", "geographic": "geographic", "person": "person", "ticker": "ticker", "city": "city", "state": "state", "country": "country",
    "load-date": "load_date", "update": "load_date", "correction-date": "correction_date", "graphic": "graphic", "notes": "notes",
    "document-type": "document_type", "series": "series", "url": "url", "type": "item_type", "source": "source_field", "copyright": "copyright",
}
UNI_FIELD = re.compile(r"^\s*([A-Z][A-Za-zÄÖÜäöüéè\- ]{1,30}?):[\s\u00a0]*(.*)$")
OLD_FIELD = re.compile(r"^\s*([A-ZÄÖÜÉ][A-ZÄÖÜÉ\- ]{1,30}?):\s*(.*)$")
OLD_HEADER = {"byline", "autor", "auteur", "section", "rubrik", "rubrique", "length", "länge", "longueur", "headline", "titel", "titre", "dateline",
               "highlight", "edition", "ausgabe", "correction-date", "graphic", "series", "type"}
OLD_TAIL = {"load-date", "update", "language", "sprache", "langue", "publication-type", "publikationstyp", "journal-code", "graphic",
             "correction-date", "subject", "organization", "company", "geographic", "person", "industry", "ticker", "city", "state", "country",
             "document-type", "notes", "url"}
COPYRIGHT = re.compile(r"^\s*(?:Copyright\b|©|\(c\)|All Rights Reserved|Alle Rechte vorbehalten|Tous droits réservés)", re.IGNORECASE)
_CORE = {"doc_id", "outlet", "published", "headline", "text", "source_file", "record_no", "source_format"}


def field_column(name: str) -> str:
    """The column a field name goes to (``Publication-Type`` -> ``publication_type``)."""
    key = " ".join(name.lower().split())
    column = FIELD_COLUMNS.get(key) or re.sub(r"[^a-z0-9äöüé]+", "_", key).strip("_")
    return f"nexis_{column}" if column in _CORE else column


def english_date(line: str) -> str:
    """The ISO date (``YYYY-MM-DD``) at the start of a Nexis date line in any of nine
    languages, or ``""``; weekday, edition and time are ignored.

    Example
    -------
    >>> english_date("4. März 2021 Donnerstag"), english_date("March 3, 2019 Sunday, Late Edition - Final")
    ('2021-03-04', '2019-03-03')
    """
    parsed = split_date_line(line)
    return parsed.date if parsed else ""
