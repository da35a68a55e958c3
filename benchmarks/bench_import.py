"""Benchmark: importing 10,000 articles of each export format (issue 16: under a minute each).

For each format, 100 export files of 100 fictional articles each (the size real exports
come in) are written to a temporary folder, then read ``--repeats`` times with
:func:`presslens.importers.read_corpus`; the median is reported with the median of a
baseline measured in the same run: reading and decoding the same bytes and splitting
them into lines (for DOCX: unzipping ``word/document.xml``), the least any importer must
do.  Formats: Factiva HTML in Article Format and in Full Article/Report plus Indexing,
Factiva RTF, Nexis Uni DOCX and RTF, old Nexis UK HTML, LexisNexis Academic TXT.  Dates
rotate through a year in English, French and German, so the date cache is exercised as
in a real multi-year export.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import warnings
import zipfile
from datetime import date, timedelta
from pathlib import Path

FILES, PER_FILE = 100, 100
MONTHS = {"fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
          "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"]}
BODY = ["Officers in Northmoor urged residents not to take part in online stings after a crowd gathered outside a supermarket on Friday evening.",
        "Detective Inspector Ruth Kellaway said two men had been arrested and that information should be passed to the police.",
        "The force said it had received more than 300 referrals from such groups in the past year, a figure it called unprecedented.",
        "A children's charity said age checks on messaging apps were too weak and called for an independent review of how reports are handled."]


def written_date(n: int, style: str) -> str:
    day = date(2019, 1, 1) + timedelta(days=n % 365)
    if style == "fr":
        return f"{day.day} {MONTHS['fr'][day.month - 1]} {day.year}"
    if style == "de":
        return f"{day.day}. {MONTHS['de'][day.month - 1]} {day.year}"
    if style == "uni":
        return day.strftime("%B %-d, %Y %A") + (", Late Edition - Final" if n % 3 == 0 else " 5:02 PM EST" if n % 3 == 1 else "")
    return day.strftime("%-d %B %Y")


def factiva_articles(offset: int) -> list:
    out = []
    for i in range(PER_FILE):
        n = offset + i
        style = ("en", "fr", "de")[n % 3]
        out.append([("HD", f"Police warn against stings, item {n}"), ("BY", "Jane Holt"), ("WC", "412 words"), ("PD", written_date(n, style)),
                    ("SN", f"The Carrow Courier {n % 7}"), ("SC", "CARCOU"), ("LA", "English"), ("LP", BODY[0] + "|" + BODY[1]),
                    ("TD", BODY[2] + "|" + BODY[3]), ("NS", "gcrim : Crime"), ("AN", f"Document CARCOU00{(date(2019, 1, 1) + timedelta(days=n % 365)):%Y%m%d}e{n:07d}")])
    return out


def nexis_articles(offset: int, style: str) -> list:
    return [{"headline": f"Police warn against stings, item {offset + i}", "outlet": f"The Carrow Courier {i % 7}", "date": written_date(offset + i, style),
             "byline": "Jane Holt", "section": "NEWS; Pg. 12", "length": "312 words", "edition": None, "body": BODY} for i in range(PER_FILE)]


def uk_html(articles: list) -> str:
    parts = ["<HTML><BODY>"]
    for n, a in enumerate(articles, start=1):
        parts += [f'<DIV CLASS="c0"><P>{n} of {len(articles)} DOCUMENTS</P></DIV>', f'<DIV CLASS="c3"><P>{a["outlet"]}</P></DIV>',
                  f'<DIV CLASS="c3"><P>{a["date"]}</P><P>Final Edition</P></DIV>', f'<DIV CLASS="c5"><BR><SPAN>{a["headline"]}</SPAN><BR></DIV>',
                  f'<DIV CLASS="c5"><P>BYLINE: {a["byline"]}</P><P>SECTION: {a["section"]}</P><P>LENGTH: {a["length"]}</P></DIV>',
                  '<DIV CLASS="c5">' + "".join(f"<P>{p}</P>" for p in a["body"]) + "</DIV>",
                  '<DIV CLASS="c5"><P>LOAD-DATE: March 4, 2019</P></DIV><DIV CLASS="c5"><P>LANGUAGE: ENGLISH</P></DIV>',
                  '<DIV CLASS="c3"><P>Copyright 2019 Carrow Media Ltd</P></DIV>']
    return "\n".join(parts + ["</BODY></HTML>"])


def write_format(name: str, folder: Path) -> Path:
    from presslens.importers import examples

    folder.mkdir(parents=True)
    for f in range(FILES):
        offset = f * PER_FILE
        stem = folder / f"export-{f:03d}"
        if name == "factiva-html-article":
            examples.write_factiva_article_html(stem.with_suffix(".html"), factiva_articles(offset))
        elif name == "factiva-html-full":
            examples.write_factiva_html(stem.with_suffix(".html"), factiva_articles(offset))
        elif name == "factiva-rtf":
            examples.write_factiva_rtf(stem.with_suffix(".rtf"), factiva_articles(offset))
        elif name == "nexis-uni-docx":
            examples.write_lines_docx(stem.with_suffix(".docx"), examples.nexis_lines(nexis_articles(offset, "uni")))
        elif name == "nexis-uni-rtf":
            examples.write_lines_rtf(stem.with_suffix(".rtf"), examples.nexis_lines(nexis_articles(offset, "uni")))
        elif name == "nexis-uk-html":
            stem.with_suffix(".html").write_text(uk_html(nexis_articles(offset, "en")), encoding="utf-8")
        elif name == "nexis-academic-txt":
            examples.write_nexis_txt(stem.with_suffix(".txt"), nexis_articles(offset, "en"))
    return folder


def baseline(folder: Path) -> tuple[float, float]:
    from presslens.corpus import decode

    start, cpu = time.perf_counter(), time.process_time()
    for path in sorted(folder.iterdir()):
        if path.suffix == ".docx":
            with zipfile.ZipFile(path) as archive:
                archive.read("word/document.xml").decode("utf-8").split("<w:p>")
        else:
            decode(path.read_bytes(), path)[0].splitlines()
    return time.perf_counter() - start, time.process_time() - cpu


def importer(folder: Path) -> tuple[float, float, object]:
    from presslens.importers import read_corpus

    start, cpu = time.perf_counter(), time.process_time()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = read_corpus(folder)
    return time.perf_counter() - start, time.process_time() - cpu, result


FORMATS = ["factiva-html-article", "factiva-html-full", "factiva-rtf", "nexis-uni-docx", "nexis-uni-rtf", "nexis-uk-html", "nexis-academic-txt"]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--formats", nargs="+", default=FORMATS, choices=FORMATS)
    args = parser.parse_args(argv)
    print(f"{FILES} files x {PER_FILE} articles per format; medians of {args.repeats} runs")
    print("wall = elapsed seconds; cpu = seconds of CPU this process used (robust to other load on a shared machine)")
    print(f"{'format':22} {'MB':>6} {'kept':>6} {'expected':>8} {'wall s':>7} {'cpu s':>7} {'base wall':>9} {'base cpu':>8} {'ratio cpu':>9}")
    failed = False
    with tempfile.TemporaryDirectory() as scratch:
        for name in args.formats:
            folder = write_format(name, Path(scratch) / name)
            size = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
            walls, cpus, base_walls, base_cpus = [], [], [], []
            for _ in range(args.repeats):
                wall, cpu, result = importer(folder)
                walls.append(wall)
                cpus.append(cpu)
                base_wall, base_cpu = baseline(folder)
                base_walls.append(base_wall)
                base_cpus.append(base_cpu)
            kept, expected = len(result.corpus), int(result.report["expected"].sum())
            wall, cpu = statistics.median(walls), statistics.median(cpus)
            base_wall, base_cpu = statistics.median(base_walls), statistics.median(base_cpus)
            failed |= wall >= 60 or kept != FILES * PER_FILE or expected != FILES * PER_FILE
            print(f"{name:22} {size:6.1f} {kept:6,} {expected:8,} {wall:7.2f} {cpu:7.2f} {base_wall:9.3f} {base_cpu:8.3f} {cpu / base_cpu:8.0f}x", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
