"""Media Cloud story-list CSV exports, with text joined from a folder of fetched pages."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from presslens.corpus.encoding import decode
from presslens.corpus.schema import CorpusError
from presslens.importers._common import finish
from presslens.importers.html import extract_page

ID_COLUMNS = ("stories_id", "id", "story_id")


def _plain_name(story: str) -> bool:
    """A story id that can name a file inside the pages folder: no path separators, no
    ``..``, no drive or NUL.

    Examples
    --------
    >>> _plain_name("2349871"), _plain_name("../../secret"), _plain_name("C:evil")
    (True, False, False)
    """
    return bool(story) and story not in (".", "..") and not any(c in story for c in "/\\:\x00")


def read_mediacloud(path, *, pages=None, dayfirst=None):
    """Read a Media Cloud story list (``id``/``stories_id``, ``publish_date``, ``title``,
    ``url``, ``media_name``); with ``pages``, each story's text comes from
    ``<pages>/<id>.html`` (through trafilatura) or ``<pages>/<id>.txt``.  Stories without
    text are quarantined ("no text: page not fetched"), so nothing is lost silently.

    Example
    -------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "stories.csv").write_text("stories_id,publish_date,title,url,media_name\\n"
    ...     "101,2024-03-01,Council backs online safety lessons,https://news.example/101,The Example Gazette\\n"
    ...     "102,2024-03-02,Police warn parents,https://news.example/102,The Example Gazette\\n")
    >>> (folder / "pages").mkdir()
    >>> _ = (folder / "pages" / "101.txt").write_text("Councillors voted to fund online safety lessons in every primary school.")
    >>> result = read_mediacloud(folder / "stories.csv", pages=folder / "pages")
    >>> result.corpus[["doc_id", "outlet", "headline"]].to_dict("records")
    [{'doc_id': 'mc-101', 'outlet': 'The Example Gazette', 'headline': 'Council backs online safety lessons'}]
    >>> result.quarantine[["doc_id", "reason"]].to_dict("records")
    [{'doc_id': 'mc-102', 'reason': 'no text: page not fetched'}]
    """
    path = Path(path)
    text, _ = decode(path.read_bytes(), path)
    import io

    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    id_column = next((c for c in ID_COLUMNS if c in frame.columns), None)
    missing = [c for c in ("publish_date", "title", "url", "media_name") if c not in frame.columns]
    if id_column is None or missing:
        raise CorpusError(path, f"is not a Media Cloud story list (missing {missing or ['id']})", "export the story list CSV from Media Cloud with its default columns")
    folder = Path(pages) if pages is not None else None
    records, bad = [], []
    for record_no, row in enumerate(frame.itertuples(index=False), start=1):
        story = getattr(row, id_column)
        body = ""
        if not _plain_name(story):
            bad.append({"source_file": path.name, "record_no": record_no, "doc_id": f"mc-{story}",
                        "reason": f"story id {story[:40]!r} is not a plain file name (it would read outside the pages folder)"})
            continue
        if folder is not None:
            html_file, text_file = folder / f"{story}.html", folder / f"{story}.txt"
            if html_file.exists():
                body = extract_page(html_file.read_text(encoding="utf-8", errors="replace"), url=row.url).get("text", "")
            elif text_file.exists():
                body = text_file.read_text(encoding="utf-8", errors="replace").strip()
        if not body:
            bad.append({"source_file": path.name, "record_no": record_no, "doc_id": f"mc-{story}", "reason": "no text: page not fetched"})
            continue
        records.append({"doc_id": f"mc-{story}", "outlet": row.media_name, "published": row.publish_date, "headline": row.title, "url": row.url,
                        "text": body, "source_file": path.name, "record_no": record_no})
    return finish(records, bad, "mediacloud", dayfirst=dayfirst, expected={path.name: len(frame)})
