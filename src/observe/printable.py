"""Keeping data text from acting on the streams it is written to.

Names, descriptions and URLs come from data files, and user files are hostile until proven
otherwise: a control character could clear a terminal, set its title, break out of a hyperlink,
or, as a tab or newline, forge a field or a whole record in a one-line format. Validation refuses
them; every writer also passes text through here, so no path from data to a stream carries one.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls, and the Unicode line and paragraph
# separators: anything a terminal could act on or a line-based reader could split at.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_BREAKS = re.compile("[\t\n]")
REPLACEMENT = "\ufffd"


def one_line(text: str) -> str:
    """Text safe as one field of a one-line record: tabs and newlines become spaces (they
    separate fields and records), any other control character becomes U+FFFD."""
    if _CONTROLS.search(text):
        text = _CONTROLS.sub(REPLACEMENT, text.replace("\r\n", " "))
    return _BREAKS.sub(" ", text) if "\t" in text or "\n" in text else text


def block(text: str) -> str:
    """Text that may span lines: newlines kept, tabs spaced, any other control replaced."""
    text = text.replace("\r\n", "\n").replace("\t", " ")
    return _CONTROLS.sub(REPLACEMENT, text) if _CONTROLS.search(text) else text


def has_control(text: str, allow_newlines: bool = False) -> bool:
    """Whether validation must refuse ``text``: any control character, or a tab or newline
    where the field is one line."""
    return bool(_CONTROLS.search(text) or (not allow_newlines and _BREAKS.search(text)))
