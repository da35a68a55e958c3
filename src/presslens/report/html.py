"""The report's HTML: the index page and notebooks rendered as pages, every text escaped
and every script forbidden by a Content-Security-Policy."""

from __future__ import annotations

import html

import presslens
from presslens.report.context import ReportContext, Section

_CSS = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; line-height: 1.45; }
h1 { font-size: 1.6rem; } h2 { border-bottom: 1px solid #ccc; padding-bottom: .2rem; margin-top: 2.5rem; }
table { border-collapse: collapse; font-size: .85rem; margin: .5rem 0 1.5rem; }
th, td { border: 1px solid #ddd; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; } img { max-width: 100%; } .note { color: #555; font-size: .9rem; }
nav a { margin-right: 1rem; }
"""


def render_html(sections: list[Section], context: ReportContext, figure_paths: dict[str, str]) -> str:
    """The report's HTML page; all text is escaped.

    Parameters
    ----------
    sections : list of Section
        The sections in order.
    context : ReportContext
        Gives the corpus's name, the engine and whether names were pseudonymised.
    figure_paths : dict
        Each figure block's name mapped to its path relative to the page.

    Examples
    --------
    >>> import pandas as pd
    >>> result = Section("corpus", "The corpus <1>", "Text & more.")
    >>> page = render_html([result], ReportContext(pd.DataFrame(), pd.DataFrame(), "mine.csv"), {})
    >>> "The corpus &lt;1&gt;" in page and "script-src" not in page
    True
    """
    esc = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; img-src \'self\'; style-src \'unsafe-inline\'">',
        f"<title>presslens report: {esc(context.source)}</title><style>{_CSS}</style></head><body>",
        "<h1>presslens report</h1>",
        f'<p class="note">Corpus: <code>{esc(context.source)}</code>. presslens {esc(presslens.__version__)}. '
        "Tables are in <code>tables/</code> as CSV, figures in <code>figures/</code>; <code>manifest.json</code> records the files read and their checksums. "
        + esc(context.analyses.describe_engine()) + " "
        + ("The names of private individuals (people accused or targeted, relatives, bystanders) have been replaced by pseudonyms." if context.cache.get("pseudonymised")
           else "Names have NOT been pseudonymised.") + "</p>",
        "<nav>" + "".join(f'<a href="#{esc(s.slug)}">{esc(s.title)}</a>' for s in sections) + "</nav>",
    ]
    for sec in sections:
        parts.append(f'<section id="{esc(sec.slug)}"><h2>{esc(sec.title)}</h2>')
        if sec.intro:
            parts.append(f"<p>{esc(sec.intro)}</p>")
        for block in sec.blocks:
            if block.kind == "text":
                parts.append(f"<p>{esc(block.text)}</p>")
            elif block.kind == "table":
                parts.append(f"<h3>{esc(block.title)}</h3>")
                parts.append(block.table.to_html(index=False, escape=True, border=0, na_rep=""))
                parts.append(f'<p class="note">Table: <a href="tables/{esc(block.name)}.csv">tables/{esc(block.name)}.csv</a></p>')
            elif block.kind == "links":
                items = "".join(f'<li><a href="{esc(row.html)}">{esc(row.notebook)}</a> ({esc(row.status)})</li>' for row in block.table.itertuples())
                parts.append(f"<h3>{esc(block.title)}</h3><ul>{items}</ul>")
            elif block.kind == "figure":
                parts.append(f'<figure><img src="{esc(figure_paths[block.name])}" alt="{esc(block.title)}"><figcaption class="note">{esc(block.title)}</figcaption></figure>')
        parts.append("</section>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


_NOTEBOOK_CSS = _CSS + """
.prompt { display: none; } .input_area, .highlight { background: #f7f7f7; font-size: .85rem; overflow-x: auto; }
.output_area pre, .output_subarea pre { font-size: .85rem; white-space: pre-wrap; } .output_stderr { background: #fff4f4; }
.output_error pre { background: #fdd; } .rendered_html table { font-size: .8rem; }
"""


def render_notebook_html(notebook_path, title: str, index_href: str = "../index.html") -> str:
    """A notebook as a standalone HTML page: nbconvert's ``basic`` template (no scripts, no
    external resources), images embedded, under a Content-Security-Policy that forbids
    every script, so no text from a corpus can run in the reader's browser.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> import nbformat
    >>> path = Path(tempfile.mkdtemp()) / "01_x.ipynb"
    >>> nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# A <b>title</b>")]), str(path))
    >>> page = render_notebook_html(path, "presslens: 01_x")
    >>> page.startswith("<!DOCTYPE html>"), "default-src 'none'" in page
    (True, True)
    """
    import nbformat
    from nbconvert import HTMLExporter

    notebook = nbformat.read(str(notebook_path), as_version=4)
    body, _ = HTMLExporter(template_name="basic").from_notebook_node(notebook)
    esc = html.escape
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; img-src \'self\' data:; style-src \'unsafe-inline\'">',
        f"<title>{esc(title)}</title><style>{_NOTEBOOK_CSS}</style></head><body>",
        f'<p class="note"><a href="{esc(index_href)}">Back to the report</a></p>',
        body,
        "</body></html>",
    ]) + "\n"
