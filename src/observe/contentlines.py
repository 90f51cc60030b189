"""RFC 5545 content lines: TEXT escaping, folding at 75 octets and CRLF line ends.

Written here rather than through the icalendar library: importing icalendar alone takes about
100 ms, seven times Python's own start-up, and a hundred years of expanded events took it longer
than the export's budget. The tests still read every file back with icalendar and with a second,
independent parser.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from observe.printable import block

LINE_OCTETS = 75


def escape_text(text: str) -> str:
    """A TEXT value with backslash, semicolon, comma and newlines escaped (RFC 5545 §3.3.11).

    Unescaped commas and semicolons cut values short in some servers and clients, and a raw
    newline would end the content line. Any other control character (which RFC 5545 does not
    allow in TEXT, and which could act on a terminal showing the file) is replaced. (Chained
    replaces: ``str.translate`` is several times slower, and escaping is most of a large export.)
    """
    text = block(text).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


_NOT_IN_URI = re.compile(r"[\x00-\x20\x7f-\x9f\u2028\u2029]")


def uri(text: str) -> str:
    """A URI value with spaces and control characters percent-encoded, so no data can end the
    content line or add a property (validation refuses them; this is the writer's guard)."""
    return _NOT_IN_URI.sub(lambda match: "".join(f"%{byte:02X}" for byte in match[0].encode()), text)


def ics_date(day: date) -> str:
    """A DATE value, always eight digits: unpadded years or days make Google refuse the file."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def fold(line: bytes) -> bytes:
    """Split an encoded content line into lines of at most 75 octets, never inside a character.

    Each continuation starts with one space, which counts towards its 75 octets. A line that fits
    is left whole, so no fold ever leaves a continuation holding only the space (iCloud refuses it).
    """
    if len(line) <= LINE_OCTETS:
        return line
    pieces: list[bytes] = []
    start, end = 0, LINE_OCTETS
    while end < len(line):
        while line[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte: cut before its character
            end -= 1
        pieces.append(line[start:end])
        start, end = end, end + LINE_OCTETS - 1
    pieces.append(line[start:])
    return b"\r\n ".join(pieces)


def serialize(lines: Iterable[str]) -> bytes:
    """The calendar file: every line folded and ended by CRLF (the last one too), UTF-8, no BOM."""
    return b"".join(fold(line.encode("utf-8")) + b"\r\n" for line in lines)
