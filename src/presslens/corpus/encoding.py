"""A corpus file's bytes into text: reading (decompressing ``.gz`` through the shared
guard), refusing binary data, and decoding.

Encodings are detected with charset-normalizer (after byte-order marks and strict
UTF-8) rather than guessed, and a UTF-8 file with a few bad lines stays UTF-8 with those
lines reported for quarantine (:func:`decode_lines`).  The readers of
:mod:`presslens.corpus.formats` and the importers call these; they are re-exported there.
"""

from __future__ import annotations

from pathlib import Path

from presslens.corpus.errors import CorpusError
from presslens.corpus.guard import gunzip


def read_bytes(path: Path) -> bytes:
    """The bytes of a file, decompressed (through the shared guard) when it ends in ``.gz``.

    Examples
    --------
    >>> import gzip, tempfile
    >>> path = Path(tempfile.mkdtemp()) / "a.jsonl.gz"
    >>> _ = path.write_bytes(gzip.compress(b'{"a": 1}\\n'))
    >>> read_bytes(path)
    b'{"a": 1}\\n'
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CorpusError(path, "no such file", "check the path (relative paths start from the working folder)") from None
    except IsADirectoryError:
        raise CorpusError(path, "is a folder without a datapackage.json or articles file", "point at the data file itself") from None
    except OSError as exc:
        raise CorpusError(path, f"cannot be read ({exc.strerror})", "check the file's permissions") from None
    if path.suffix == ".gz":
        raw = gunzip(raw, path)
    return raw


def _looks_binary(sample: bytes) -> bool:
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control / len(sample) > 0.01


def decode(raw: bytes, path: Path | str, encoding: str | None = None) -> tuple[str, str]:
    """Decode the bytes of a text file, returning ``(text, encoding used)``.

    Byte-order marks are honoured, then strict UTF-8 is tried.  A file that is UTF-8
    except for some lines stays UTF-8 (those lines carry replacement characters; the
    readers quarantine them, see :func:`decode_lines`); a file with no UTF-8 in it at all
    is decoded in the encoding charset-normalizer detects.  Binary data raises
    :class:`CorpusError`.

    Examples
    --------
    >>> decode("café £5".encode("utf-8"), "a.txt")
    ('café £5', 'utf-8')
    >>> decode("caf\u00e9".encode("cp1252") + b" and more plain words in the line", "b.txt")[0][:4]
    'café'
    """
    text, used, _ = decode_lines(raw, path, encoding)
    return text, used


def decode_lines(raw: bytes, path: Path | str, encoding: str | None = None, *, utf8: bool = False) -> tuple[str, str, dict[int, str]]:
    """Decode a text file line by line where it must: ``(text, encoding, bad lines)``.

    The whole file is first tried as strict UTF-8.  When that fails but other lines hold
    valid UTF-8 beyond ASCII, the file is UTF-8 and the lines that are not are returned
    in ``bad`` (line number → reason) for quarantine, rather than decoding the whole file
    in a guessed code page (which would garble every other line).  ``utf8=True`` says the
    rest of the file is known to be UTF-8 (a partition of a larger file, see
    :func:`presslens.scale.plan.file_encoding`): lines that are not are then bad even when
    this part holds no other non-ASCII line.

    Examples
    --------
    >>> raw = "a,b\\n1,£5\\n".encode("utf-8") + "2,caf\u00e9\\n".encode("latin-1")
    >>> text, used, bad = decode_lines(raw, "mixed.csv")
    >>> used, bad
    ('utf-8', {3: 'line 3 is not valid UTF-8 (byte 0xe9 at column 6) while the rest of the file is'})
    """
    path = Path(path)
    if encoding is not None:
        try:
            return raw.decode(encoding), encoding, {}
        except (UnicodeDecodeError, LookupError) as exc:
            raise CorpusError(path, f"cannot be decoded as {encoding} ({exc})", "pass the file's real encoding, or encoding=None to detect it",
                              cli_fix="re-export the file as UTF-8") from None
    for bom, name in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(name), name, {}
            except UnicodeDecodeError as exc:
                raise CorpusError(path, f"has a {name} byte-order mark but is not valid {name} ({exc.reason} at byte {exc.start})", "re-export the file as UTF-8") from None
    if _looks_binary(raw[:65536]):
        raise CorpusError(path, "looks like a binary file, not text (it contains NUL or control bytes)", "export the corpus as CSV, JSON Lines or Parquet; a renamed spreadsheet or archive cannot be read as text")
    try:
        return raw.decode("utf-8"), "utf-8", {}
    except UnicodeDecodeError:
        pass
    bad: dict[int, str] = {}
    utf8_seen = False
    for number, line in enumerate(raw.split(b"\n"), start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            utf8_seen = True
        except UnicodeDecodeError as exc:
            bad[number] = f"line {number} is not valid UTF-8 (byte 0x{line[exc.start]:02x} at column {exc.start + 1}) while the rest of the file is"
    if utf8_seen or utf8:
        return raw.decode("utf-8", errors="replace"), "utf-8", bad
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise CorpusError(path, "its encoding cannot be detected and it is not UTF-8", "re-export the file as UTF-8, or pass encoding='...'",
                          cli_fix="re-export the file as UTF-8")
    return str(best), best.encoding, {}
