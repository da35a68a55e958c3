"""A matrix of hostile and messy inputs (issue 19): every case gives a clear CorpusError
naming the file and the fix, or an accounted quarantine with the exact reason.

Every input is FICTIONAL and written by the test itself, so the number of records in it
is known: for every case that loads, records written = kept + quarantined, the parse
report's ``expected`` agrees, and each quarantine reason is asserted.  Each case goes
through the one front door, :func:`presslens.open_corpus` (without pseudonymising, which
is tested elsewhere), as a user's file would.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pytest

from presslens import open_corpus
from presslens.corpus import CorpusError
from presslens.corpus.guard import MAX_LINE_BYTES, ImportSafetyError

HEADER = ["doc_id", "outlet", "published", "headline", "text"]
OUTLET = "The Fenland Examiner"


def row(i: int, **over) -> dict:
    base = {"doc_id": f"fe-{i:03d}", "outlet": OUTLET, "published": f"2021-03-{i % 27 + 1:02d}",
            "headline": f"Council reviews online safety plan {i}",
            "text": f"Councillors in Wisbech met on Tuesday to review item {i} of the plan.\n\nA spokesperson said the review would finish in May."}
    base.update(over)
    return base


def write_csv(path: Path, records: list[dict], header=HEADER, encoding="utf-8", delimiter=",") -> Path:
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, extrasaction="ignore", delimiter=delimiter)
        writer.writeheader()
        writer.writerows(records)
    return path


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def csv_text(records: list[dict], header=HEADER) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)
    return buffer.getvalue()


@dataclass
class Quarantine:
    """Expect ``read`` records, ``kept`` kept, and these reason fragments (one per quarantined row, in order)."""

    read: int
    kept: int
    reasons: list = field(default_factory=list)
    check: object = None  # an extra assertion on the opened corpus


@dataclass
class Error:
    """Expect a CorpusError (or a subclass) whose message holds ``fragment``."""

    fragment: str
    kind: type = CorpusError


CASES: dict[str, tuple] = {}


def case(name: str, expect):
    def register(build):
        CASES[name] = (build, expect)
        return build

    return register


# --------------------------------------------------------------------------- CSV structure

def _unclosed_multiline(tmp: Path) -> Path:
    """Ten records whose texts run over three lines; record 4's headline opens a quote that
    is never closed (it ends where the text's own quote begins)."""
    lines = ["doc_id,outlet,published,headline,text"]
    for i in range(10):
        headline = f'"Council reviews plan {i}' if i == 3 else f"Council reviews plan {i}"
        lines.append(f'fe-{i:03d},{OUTLET},2021-03-{i + 1:02d},{headline},"Councillors met on Tuesday.\n\nA spokesperson said the review of item {i} would finish in May."')
    return _write(tmp / "unclosed.csv", "\n".join(lines) + "\n")


def _write(path: Path, text: str, encoding="utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def _flat(records):
    return [{**r, "text": r["text"].replace("\n\n", " ")} for r in records]


def _unclosed_flat(line: int, n: int = 10, count: int = 1):
    """Ten one-line records; the headline on physical ``line`` (and every third line after,
    ``count`` times) opens a quote that is never closed."""
    def build(tmp: Path) -> Path:
        lines = csv_text(_flat([row(i) for i in range(n)])).split("\n")
        for k in range(count):
            at = line - 1 + 3 * k
            lines[at] = lines[at].replace(f"Council reviews online safety plan {at - 1}", f'"Council reviews online safety plan {at - 1}', 1)
        return _write(tmp / "unclosed.csv", "\n".join(lines))
    return build


case("csv_unclosed_quote_middle", Quarantine(10, 9, ["line 5: CSV cannot be parsed (unexpected end of data"]))(_unclosed_flat(5))
case("csv_unclosed_quote_first_row", Quarantine(10, 9, ["line 2: CSV cannot be parsed (unexpected end of data"]))(_unclosed_flat(2))
case("csv_unclosed_quote_last_row", Quarantine(10, 9, ["line 11: CSV cannot be parsed (unexpected end of data"]))(_unclosed_flat(11))
case("csv_two_unclosed_quotes", Quarantine(10, 8, ["line 3: CSV cannot be parsed (',' expected", "line 6: CSV cannot be parsed (unexpected end"]))(_unclosed_flat(3, count=2))
case("csv_unclosed_quote_multiline_texts", Quarantine(10, 9, ["line 11: CSV cannot be parsed"]))(_unclosed_multiline)
case("csv_extra_field", Quarantine(5, 4, ["line 3: 6 fields where the header has 5"]))(
    lambda tmp: _write(tmp / "extra.csv", csv_text(_flat([row(i) for i in range(5)])).replace(
        "plan 1,", "plan 1,surplus,", 1)))
case("csv_missing_field", Quarantine(5, 4, ["line 4: 3 fields where the header has 5"]))(
    lambda tmp: _write(tmp / "short.csv", "\n".join(
        line if n != 3 else line.rsplit(",", 1)[0].replace(",2021-03-03", "") for n, line in enumerate(csv_text(_flat([row(i) for i in range(5)])).split("\n")))))
case("csv_blank_row_of_commas", Quarantine(4, 3, ["line 3: blank row"]))(
    lambda tmp: _write(tmp / "blank.csv", csv_text(_flat([row(0)])) + ",,,,\n" + csv_text(_flat([row(1), row(2)])).split("\n", 1)[1]))
case("csv_empty_file", Error("is empty"))(lambda tmp: _write(tmp / "empty.csv", ""))
case("csv_whitespace_only", Error("is empty"))(lambda tmp: _write(tmp / "space.csv", "  \n \n"))
case("csv_header_only", Error("has a header but no rows"))(lambda tmp: _write(tmp / "header.csv", ",".join(HEADER) + "\n"))
case("csv_repeated_header", Error("repeats column names ['text']"))(
    lambda tmp: _write(tmp / "repeat.csv", "doc_id,outlet,published,headline,text,text\na,b,2021-01-01,h,t,u\n"))
case("csv_binary_junk", Error("binary file"))(lambda tmp: _write(tmp / "junk.csv", "doc_id\x00\x01\x02" * 50))
case("csv_renamed_zip", Error("no Nexis export inside"))(lambda tmp: (tmp / "sheet.csv").write_bytes(_zip_bytes({"a.txt": b"x" * 100})) and tmp / "sheet.csv")
case("csv_one_line_over_limit", Error("line 1 is", ImportSafetyError))(
    lambda tmp: (tmp / "oneline.csv").write_bytes(b"title,body," + b"x" * (MAX_LINE_BYTES + 10)) and tmp / "oneline.csv")
case("csv_row_over_line_limit", Quarantine(3, 2, ["line 3 is"]))(
    lambda tmp: (tmp / "longrow.csv").write_bytes(csv_text(_flat([row(0)])).encode() + b"fe-x,Paper,2021-01-01,h," + b"y" * (MAX_LINE_BYTES + 10)
                                                     + b"\n" + csv_text(_flat([row(2)])).split("\n", 1)[1].encode()) and tmp / "longrow.csv")


def _zip_bytes(members: dict) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


# --------------------------------------------------------------------------- encodings

def _latin1_line(tmp: Path) -> Path:
    good = csv_text(_flat([row(0, headline="Fund of £5,000 for café safety talks"), row(1)]))
    bad = csv_text(_flat([row(2, headline="Café owner backs scheme")])).split("\n", 1)[1]
    path = tmp / "mixed.csv"
    path.write_bytes(good.encode("utf-8") + bad.encode("latin-1"))
    return path


case("utf8_file_with_one_latin1_line", Quarantine(3, 2, ["line 4 is not valid UTF-8 (byte 0xe9"],
                                                    check=lambda c: c.articles["headline"].iat[0] == "Fund of £5,000 for café safety talks"))(_latin1_line)
case("cp1252_whole_file", Quarantine(2, 2, [], check=lambda c: c.articles["headline"].tolist()[0] == "Café owner backs £5 plan – report"))(
    lambda tmp: write_csv(tmp / "cp1252.csv", _flat([row(0, headline="Café owner backs £5 plan – report"), row(1)]), encoding="cp1252"))
case("utf16_with_bom", Quarantine(2, 2, [], check=lambda c: c.articles["headline"].iat[0] == "Café talks"))(
    lambda tmp: write_csv(tmp / "utf16.csv", _flat([row(0, headline="Café talks"), row(1)]), encoding="utf-16"))
case("utf8_bom_header_recognised", Quarantine(2, 2, [], check=lambda c: c.articles["doc_id"].tolist() == ["fe-000", "fe-001"]))(
    lambda tmp: write_csv(tmp / "bom.csv", _flat([row(0), row(1)]), encoding="utf-8-sig"))
case("jsonl_with_one_latin1_line", Quarantine(3, 2, ["line 2 is not valid UTF-8"]))(
    lambda tmp: (tmp / "mixed.jsonl").write_bytes(json.dumps(row(0, headline="£5 fund"), ensure_ascii=False).encode() + b"\n"
                                                  + json.dumps(row(1, headline="Café"), ensure_ascii=False).encode("latin-1") + b"\n"
                                                  + json.dumps(row(2)).encode() + b"\n") and tmp / "mixed.jsonl")


# --------------------------------------------------------------------------- dates

def _dated(value, name="dates.csv"):
    return lambda tmp: write_csv(tmp / name, _flat([row(0), row(1, published=value), row(2)]))


for _word in ("now", "today", "Yesterday", "3 days ago", "last week", "tomorrow"):
    case(f"date_relative_{_word.replace(' ', '_').lower()}", Quarantine(3, 2, [f"relative date '{_word}' (not a calendar date)"]))(_dated(_word))
for _value in ("1066-10-14", "3000-01-01", "1799-12-31", "2101-01-01", "14 October 1066", "0001-01-01"):
    case(f"date_outside_range_{_value.replace(' ', '_')}", Quarantine(3, 2, [f"date '{_value}' outside 1800–2100"]))(_dated(_value))
case("date_unparsable", Quarantine(3, 2, ["unparsable date 'the week after Easter'"]))(_dated("the week after Easter"))
case("date_missing", Quarantine(3, 2, ["missing date"]))(_dated(""))
case("date_ambiguous_slashes", Error("dayfirst"))(
    lambda tmp: write_csv(tmp / "slashed.csv", _flat([row(0, published="03/04/2021"), row(1, published="05/06/2021")])))
case("date_edges_kept", Quarantine(2, 2, []))(
    lambda tmp: write_csv(tmp / "edges.csv", _flat([row(0, published="1800-01-01"), row(1, published="2100-12-31")])))


# --------------------------------------------------------------------------- rows

case("row_empty_text", Quarantine(3, 2, ["empty text"]))(lambda tmp: write_csv(tmp / "t.csv", _flat([row(0), row(1, text="  "), row(2)])))
case("row_missing_outlet", Quarantine(3, 2, ["missing outlet"]))(lambda tmp: write_csv(tmp / "o.csv", _flat([row(0), row(1, outlet=""), row(2)])))
case("row_missing_id", Quarantine(3, 2, ["missing doc_id"]))(lambda tmp: write_csv(tmp / "i.csv", _flat([row(0), row(1, doc_id=""), row(2)])))
case("row_duplicate_id", Quarantine(3, 2, ["duplicate doc_id (first seen in row 1)"]))(
    lambda tmp: write_csv(tmp / "d.csv", _flat([row(0), row(1, doc_id="fe-000"), row(2)])))
case("row_control_characters", Quarantine(2, 1, ["text is not text"]))(
    lambda tmp: write_jsonl(tmp / "ctl.jsonl", [row(0), row(1, text="\x01\x02\x03\x04" * 40)]))
case("row_formula_headline_kept", Quarantine(2, 2, [], check=lambda c: c.articles["headline"].iat[0] == '=HYPERLINK("http://x.example","y")'))(
    lambda tmp: write_csv(tmp / "f.csv", _flat([row(0, headline='=HYPERLINK("http://x.example","y")'), row(1)])))
case("exact_duplicate_rows_without_ids", Quarantine(3, 2, ["duplicate doc_id"]))(
    lambda tmp: write_csv(tmp / "dups.csv", _flat([row(0), row(0), row(1)]), header=["title", "body", "date", "source"]) if False else
    _write(tmp / "dups.csv", "title,body,date,source\n" + "".join(f"{h},{b},2021-03-01,{OUTLET}\n" for h, b in (("A", "Same text."), ("A", "Same text."), ("B", "Other.")))))


# --------------------------------------------------------------------------- columns

case("columns_ambiguous", Error("two columns could be the headline: 'title' and 'heading'"))(
    lambda tmp: _write(tmp / "amb.csv", "title,heading,body,date,source\nA,B,Text.,2021-03-01,Paper\n"))
case("columns_no_date", Error("required column(s) ['published'] missing"))(
    lambda tmp: _write(tmp / "nodate.csv", "title,body,source\nA,Text.,Paper\n"))
case("columns_no_text", Error("required column(s) ['text'] missing"))(
    lambda tmp: _write(tmp / "notext.csv", "title,date,source\nA,2021-03-01,Paper\n"))
case("columns_spreadsheet_names", Quarantine(2, 2, [], check=lambda c: c.articles["doc_id"].str.startswith("id-").all()))(
    lambda tmp: _write(tmp / "sheet.csv", "Title , Full Text,Publication Date,Media_Name,Extra\nA,Text one.,2021-03-01,Paper,x\nB,Text two.,2021-03-02,Paper,y\n"))
case("columns_no_outlet_takes_file_name", Quarantine(1, 1, [], check=lambda c: c.articles["outlet"].tolist() == ["examiner"]))(
    lambda tmp: _write(tmp / "examiner.csv", "headline,text,date\nA,Text.,2021-03-01\n"))


# --------------------------------------------------------------------------- ids always strings

case("ids_csv_leading_zeros", Quarantine(2, 2, [], check=lambda c: c.articles["doc_id"].tolist() == ["007", "1e3"]))(
    lambda tmp: write_csv(tmp / "z.csv", _flat([row(0, doc_id="007"), row(1, doc_id="1e3")])))
case("ids_jsonl_exponent", Quarantine(2, 2, [], check=lambda c: c.articles["doc_id"].tolist() == ["1e3", "1.0"]))(
    lambda tmp: _write(tmp / "e.jsonl", "\n".join(json.dumps({**row(i), "doc_id": 0}).replace('"doc_id": 0', f'"doc_id": {v}') for i, v in ((0, "1e3"), (1, "1.0"))) + "\n"))
case("ids_jsonl_integers", Quarantine(2, 2, [], check=lambda c: c.articles["doc_id"].tolist() == ["42", "43"]))(
    lambda tmp: write_jsonl(tmp / "n.jsonl", [{**row(0), "doc_id": 42}, {**row(1), "doc_id": 43}]))


def _parquet_ids(tmp: Path) -> Path:
    frame = pd.DataFrame(_flat([row(0), row(1), row(2)]))
    frame["doc_id"] = pd.array([1, None, 3], dtype="Int64")
    frame.to_parquet(tmp / "ids.parquet", index=False)
    return tmp / "ids.parquet"


case("ids_parquet_integers_with_null", Quarantine(3, 2, ["missing doc_id"], check=lambda c: c.articles["doc_id"].tolist() == ["1", "3"]))(_parquet_ids)


def _excel(tmp: Path, ids=(1, None, 3), header=("ID", "Title", "Body", "Date", "Source")) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(list(header))
    for n, value in enumerate(ids):
        sheet.append([value, f"Council reviews plan {n}", f"Councillors met to review item {n}.", f"2021-03-0{n + 1}", OUTLET])
    book.save(tmp / "sheet.xlsx")
    return tmp / "sheet.xlsx"


case("ids_excel_integers_with_blank", Quarantine(3, 2, ["missing doc_id"], check=lambda c: c.articles["doc_id"].tolist() == ["1", "3"]))(_excel)
case("excel_without_ids", Quarantine(2, 2, [], check=lambda c: c.articles["doc_id"].str.startswith("id-").all()))(
    lambda tmp: _excel(tmp, ids=(None, None), header=("Notes", "Title", "Body", "Date", "Source")))
case("excel_corrupt", Error("not a recognised export"))(lambda tmp: _write(tmp / "broken.xlsx", "not a workbook"))


# --------------------------------------------------------------------------- JSON Lines

case("jsonl_truncated_last_line", Error("line 3 is truncated"))(
    lambda tmp: _write(tmp / "trunc.jsonl", json.dumps(row(0)) + "\n" + json.dumps(row(1)) + "\n" + json.dumps(row(2))[:40]))
case("jsonl_invalid_line", Error("line 2 is not valid JSON"))(
    lambda tmp: _write(tmp / "bad.jsonl", json.dumps(row(0)) + "\n{not json}\n" + json.dumps(row(2)) + "\n"))
case("jsonl_array_line", Quarantine(3, 2, ["line 2: a JSON list, not an object"]))(
    lambda tmp: _write(tmp / "arr.jsonl", json.dumps(row(0)) + "\n[1, 2]\n" + json.dumps(row(2)) + "\n"))
case("jsonl_deep_nesting", Error("line 2 is nested deeper than 32 levels", ImportSafetyError))(
    lambda tmp: _write(tmp / "deep.jsonl", json.dumps(row(0)) + "\n" + '{"a": ' + "[" * 200_000 + "]" * 200_000 + "}\n"))
case("jsonl_brackets_inside_strings", Quarantine(1, 1, []))(
    lambda tmp: write_jsonl(tmp / "str.jsonl", [row(0, text="Figures [" * 50 + " were read out in court.")]))
case("jsonl_empty", Error("is empty"))(lambda tmp: _write(tmp / "empty.jsonl", "\n\n"))


def _gz(name: str, data: bytes) -> object:
    def build(tmp: Path) -> Path:
        (tmp / name).write_bytes(data)
        return tmp / name
    return build


case("gzip_bomb", Error("a decompression bomb", ImportSafetyError))(
    lambda tmp: _gz("bomb.jsonl.gz", gzip.compress(b" " * 300_000_000, compresslevel=9, mtime=0))(tmp))
case("gzip_truncated", Error("truncated"))(
    lambda tmp: _gz("cut.jsonl.gz", gzip.compress(("".join(json.dumps(row(i)) + "\n" for i in range(50))).encode(), mtime=0)[:200])(tmp))
case("gzip_corrupt", Error("corrupt"))(lambda tmp: _gz("junk.jsonl.gz", b"\x1f\x8b\x08\x00" + b"\xff" * 64)(tmp))
case("gzip_good", Quarantine(3, 3, []))(lambda tmp: _gz("ok.jsonl.gz", gzip.compress(("".join(json.dumps(row(i)) + "\n" for i in range(3))).encode(), mtime=0))(tmp))


# --------------------------------------------------------------------------- Parquet, data packages, paths

def _parquet_1066(tmp: Path) -> Path:
    import datetime

    import pyarrow as pa
    import pyarrow.parquet as pq

    frame = pd.DataFrame(_flat([row(0), row(1)]))
    table = pa.table({**{c: frame[c].tolist() for c in ("doc_id", "outlet", "headline", "text")},
                      "published": pa.array([datetime.date(2021, 3, 1), datetime.date(1066, 10, 14)], pa.date32())})
    pq.write_table(table, tmp / "old.parquet")
    return tmp / "old.parquet"


case("parquet_date_1066", Quarantine(2, 1, ["date '1066-10-14' outside 1800–2100"]))(_parquet_1066)
case("parquet_corrupt", Error("not a readable Parquet file"))(lambda tmp: _write(tmp / "bad.parquet", "PAR1 not really"))
case("datapackage_escapes_folder", Error("leaves the package folder"))(
    lambda tmp: _write(tmp / "datapackage.json", json.dumps({"resources": [{"name": "articles", "path": "../../secret.csv"}]})))
case("path_missing", Error("does not exist"))(lambda tmp: tmp / "nowhere.csv")
case("unknown_suffix", Error("not a recognised export"))(lambda tmp: _write(tmp / "notes.odt", "text"))


# --------------------------------------------------------------------------- exports: web pages, Media Cloud, Nexis

def _page(title="Council reviews online safety plan", charset_meta='<meta charset="windows-1252">') -> str:
    from presslens.importers.examples import WEB_PAGE

    return WEB_PAGE.format(title=title, date="2021-03-04", n=1).replace("<head>", "<head>" + charset_meta, 1)


case("html_windows1252_declared", Quarantine(1, 1, [], check=lambda c: c.articles["headline"].iat[0] == "Café – council reviews plan"
                                                       and "\ufffd" not in c.articles["text"].iat[0]))(
    lambda tmp: (tmp / "page.html").write_bytes(_page(title="Café – council reviews plan").encode("cp1252")) and tmp / "page.html")
case("html_literal_file_name", Quarantine(1, 1, [], check=lambda c: c.articles["source_file"].tolist() == ["article[1].html"]))(
    lambda tmp: _write(tmp / "article[1].html", _page(charset_meta="")))


def _mediacloud_escape(tmp: Path) -> Path:
    (tmp / "secret.txt").write_text("A private note that must never be read as an article.", encoding="utf-8")
    export = tmp / "export"
    (export / "pages").mkdir(parents=True)
    (export / "pages" / "101.txt").write_text("The council said the review of the plan would finish in May.", encoding="utf-8")
    pd.DataFrame({"stories_id": ["101", "../../secret"], "publish_date": ["2021-03-04 10:00:00"] * 2, "title": ["Plan reviewed", "Escape"],
                  "url": ["https://fenland.example/1", "https://fenland.example/2"], "media_name": [OUTLET] * 2}).to_csv(export / "stories.csv", index=False)
    return export / "stories.csv"


case("mediacloud_story_id_escapes_folder", Quarantine(2, 1, ["story id '../../secret' is not a plain file name"],
                                                      check=lambda c: not c.articles["text"].str.contains("private note").any()))(_mediacloud_escape)


def _nexis_zip(members: dict) -> object:
    def build(tmp: Path) -> Path:
        (tmp / "export.zip").write_bytes(_zip_bytes(members))
        return tmp / "export.zip"
    return build


def _nexis_txt_bytes(articles) -> bytes:
    import tempfile

    from presslens.importers.examples import write_nexis_txt

    with tempfile.TemporaryDirectory() as folder:
        return write_nexis_txt(Path(folder) / "x.txt", articles).read_bytes()


def _same_names(tmp: Path) -> Path:
    from presslens.importers.examples import NEXIS_ARTICLES

    return _nexis_zip({"week1/results.txt": _nexis_txt_bytes(NEXIS_ARTICLES[:1]), "week2/results.txt": _nexis_txt_bytes(NEXIS_ARTICLES[1:2])})(tmp)


case("nexis_zip_same_file_name_in_two_folders", Quarantine(2, 2, [], check=lambda c: sorted(c.articles["source_file"]) == ["export.zip/week1/results.txt", "export.zip/week2/results.txt"]))(_same_names)


def _bad_crc(tmp: Path) -> Path:
    data = bytearray(_zip_bytes({"results.txt": b"1 of 1 DOCUMENTS " * 200}))
    local = data.index(b"PK\x03\x04")
    data[local + 14] ^= 0xFF  # the CRC-32 in the local header
    central = data.index(b"PK\x01\x02")
    data[central + 16] ^= 0xFF  # and in the central directory
    (tmp / "crc.zip").write_bytes(bytes(data))
    return tmp / "crc.zip"


case("zip_bad_crc", Error("is corrupt (Bad CRC-32"))(_bad_crc)
case("zip_parent_path", Error("outside the destination", ImportSafetyError))(_nexis_zip({"../evil.txt": b"x"}))
case("zip_not_a_zip", Error("not a recognised export"))(lambda tmp: _write(tmp / "fake.zip", "PK but not really"))
case("docx_without_content_types", Error("no [Content_Types].xml"))(
    lambda tmp: (tmp / "export.docx").write_bytes(_zip_bytes({"word/document.xml": b"<w:document/>"})) and tmp / "export.docx")
case("docx_not_a_zip", Error("not a recognised export"))(lambda tmp: _write(tmp / "export.docx", "plain text saved as docx"))


# --------------------------------------------------------------------------- the matrix

def test_matrix_is_large_enough():
    assert len(CASES) >= 60, len(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_input(tmp_path, name):
    build, expect = CASES[name]
    path = build(tmp_path)
    if isinstance(expect, Error):
        with pytest.raises(expect.kind) as info:
            open_corpus(path, pseudonymise=False)
        message = str(info.value)
        assert expect.fragment in message, message
        assert Path(info.value.path).name == Path(path).name or str(path) in message, "the error names the file"
        assert "Fix: " in message and info.value.fix, "the error says how to fix it"
        return
    opened = open_corpus(path, pseudonymise=False)
    quarantine = opened.quarantine
    assert len(opened.articles) + len(quarantine) == expect.read == int(opened.parse_report["expected"].sum()), "records written = kept + quarantined"
    assert len(opened.articles) == expect.kept
    reasons = quarantine["reason"].tolist()
    assert len(reasons) == len(expect.reasons), reasons
    for reason, fragment in zip(reasons, expect.reasons, strict=True):
        assert fragment in reason, (fragment, reasons)
    assert opened.articles["doc_id"].map(type).eq(str).all(), "ids are strings"
    if expect.check is not None:
        assert expect.check(opened), opened.articles.head().to_dict("records")
