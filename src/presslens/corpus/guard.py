"""One shared guard against hostile input, used by every reader.

Every reader of presslens (the tabular reader :func:`presslens.corpus.load`, the Dask
engine and the importers of press-database exports) checks its input against the same
limits before parsing it:

``MAX_DECOMPRESSED_BYTES``  the bytes a compressed file or archive member may expand to
``MAX_RATIO``               how many times a stream may expand (above ``RATIO_FLOOR`` bytes)
``MAX_LINE_BYTES``          the length of one physical line of a text file
``MAX_DEPTH``               the nesting depth of one JSON record

A file over a limit raises :class:`presslens.corpus.CorpusError` naming the file, the
line where it can, and the fix; nothing is read until memory runs out.
"""

from __future__ import annotations

import zlib

from presslens.corpus.schema import CorpusError

MAX_DECOMPRESSED_BYTES = 1024 * 1024 * 1024   # one compressed file or archive member, uncompressed
MAX_MEMBER_BYTES = 200 * 1024 * 1024          # one member of an archive (DOCX part, ZIP member), uncompressed
MAX_RATIO = 200                               # uncompressed / compressed
RATIO_FLOOR = 10_000_000                      # the ratio is judged once a stream has expanded this far
MAX_LINE_BYTES = 64 * 1024 * 1024             # one physical line of a text file
MAX_DEPTH = 32                                # nesting of one JSON record


class ImportSafetyError(CorpusError):
    """An input refused for safety (zip bomb, path traversal, entity expansion, a line or
    nesting beyond the limits).

    Examples
    --------
    >>> issubclass(ImportSafetyError, CorpusError)
    True
    """


def gunzip(raw: bytes, path, *, limit: int = MAX_DECOMPRESSED_BYTES, max_ratio: int = MAX_RATIO) -> bytes:
    """Decompress gzip bytes in blocks, refusing a stream that expands beyond ``limit``
    bytes or more than ``max_ratio`` times (a decompression bomb).

    Parameters
    ----------
    raw : bytes
        The compressed file (one or several gzip members).
    path : path or str
        Names the file in errors.
    limit, max_ratio : int
        The caps (see the module).

    Examples
    --------
    >>> import gzip
    >>> gunzip(gzip.compress(b"a line\\n"), "a.jsonl.gz")
    b'a line\\n'
    >>> try:
    ...     gunzip(gzip.compress(b"0" * 50_000_000), "bomb.jsonl.gz")
    ... except ImportSafetyError as exc:
    ...     print(exc.problem.split(" (")[0])
    expands more than 200 times
    """
    out = bytearray()
    data = raw
    try:
        while data:
            stream = zlib.decompressobj(wbits=31)
            while data:
                block = stream.decompress(data, 1 << 20)
                out += block
                data = stream.unconsumed_tail
                if len(out) > limit:
                    raise ImportSafetyError(path, f"expands to more than {limit:,} bytes", "split the corpus into smaller files, or decompress it and check it first")
                if len(out) > RATIO_FLOOR and len(out) > max_ratio * len(raw):
                    raise ImportSafetyError(path, f"expands more than {max_ratio} times ({len(out):,} bytes from {len(raw):,} compressed bytes, "
                                                  "a decompression bomb)", "check the file; real corpora are not compressed that much")
                if stream.eof:
                    break
                if not block and not data:
                    break
            if not stream.eof:
                raise CorpusError(path, "the gzip stream is truncated", "download or compress the file again; `gzip -t FILE` checks it")
            data = stream.unused_data.lstrip(b"\x00")
    except zlib.error as exc:
        raise CorpusError(path, f"the gzip stream is corrupt ({exc})", "download or compress the file again; `gzip -t FILE` checks it") from None
    return bytes(out)


def long_lines(raw: bytes, *, limit: int = MAX_LINE_BYTES) -> dict[int, str]:
    """The physical lines longer than ``limit`` bytes (line number → reason), for the
    readers to quarantine (or to refuse the file when the header is one of them).

    Examples
    --------
    >>> long_lines(b"a,b\\n1,2\\n")
    {}
    >>> long_lines(b"a,b\\n" + b"x" * 100, limit=50)
    {2: 'line 2 is 100 bytes long (the limit is 50 bytes)'}
    """
    found: dict[int, str] = {}
    if len(raw) <= limit:
        return found
    start, line = 0, 1
    while start < len(raw):
        end = raw.find(b"\n", start)
        end = len(raw) if end < 0 else end
        if end - start > limit:
            found[line] = f"line {line} is {end - start:,} bytes long (the limit is {limit:,} bytes)"
        start, line = end + 1, line + 1
    return found


def refuse_long_header(found: dict[int, str], path) -> None:
    """Refuse a file whose first line (its header) is over the line limit.

    Examples
    --------
    >>> refuse_long_header({3: "line 3 is long"}, "a.csv")
    >>> try:
    ...     refuse_long_header({1: "line 1 is 200,000,000 bytes long"}, "one-line.csv")
    ... except ImportSafetyError as exc:
    ...     print(exc.problem)
    line 1 is 200,000,000 bytes long
    """
    if 1 in found:
        raise ImportSafetyError(path, found[1], "a corpus has one record per line (or a few lines per CSV record); check the export "
                                "(a file without line breaks, or the wrong delimiter)")


def json_depth(line: str) -> int:
    """The deepest nesting of arrays and objects in one JSON text (brackets inside
    strings are ignored).

    Examples
    --------
    >>> json_depth('{"a": [1, {"b": "[[["}]}')
    3
    """
    depth = deepest = 0
    in_string = escaped = False
    for char in line:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def too_deep(line: str, limit: int = MAX_DEPTH) -> bool:
    """True when a JSON text nests deeper than ``limit`` (checked only when the line holds
    more than ``limit`` opening brackets, so ordinary records cost two counts).

    Examples
    --------
    >>> too_deep("[" * 40 + "]" * 40), too_deep('{"text": "[[[["}', limit=2)
    (True, False)
    """
    if line.count("[") + line.count("{") <= limit:
        return False
    return json_depth(line) > limit


def check_member(path, name: str, size: int, compressed: int) -> None:
    """Refuse an archive member (ZIP or DOCX part) larger than ``MAX_MEMBER_BYTES`` or
    compressed more than ``MAX_RATIO`` times once over ``RATIO_FLOOR`` bytes.

    Examples
    --------
    >>> check_member("export.zip", "a.docx", 1_000, 500)
    >>> try:
    ...     check_member("export.zip", "bomb.xml", 100_000_000, 10_000)
    ... except ImportSafetyError as exc:
    ...     print(exc.problem)
    member 'bomb.xml' expands to 100,000,000 bytes (a zip bomb?)
    """
    if size > MAX_MEMBER_BYTES or (compressed and size / compressed > MAX_RATIO and size > RATIO_FLOOR):
        raise ImportSafetyError(path, f"member '{name}' expands to {size:,} bytes (a zip bomb?)", "check the file; real exports are not compressed that much")
