"""Which characters are unsafe to print, and the one way to make any text safe to print.

Why one module: ``check`` refuses exactly the characters that every message
makes visible, so a value the validator lets through prints as written and a
value from anywhere else (an argument, a file name, an environment variable,
a planted cache) can never steer the terminal. The set is derived from
Unicode, not listed by hand:

- categories Cc (controls, C0 and C1), Cf (format: bidi overrides, zero-width
  characters, soft hyphen...), Zl and Zp (line and paragraph separators), Co
  (private use), Cn (unassigned) and Cs (lone surrogates: raw bytes that were
  not UTF-8, carried through Python's ``surrogateescape``);
- Unicode's Default_Ignorable_Code_Point property (invisible fillers such as
  U+3164 or U+115F, variation selectors, the tag block), whose ranges are
  copied from DerivedCoreProperties.txt because ``unicodedata`` does not
  expose the property;
- U+2800 BRAILLE PATTERN BLANK, which prints nothing and is used as a filler.
"""

from __future__ import annotations

import re
import unicodedata

_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Co", "Cn", "Cs"})

#: Default_Ignorable_Code_Point (Unicode 15.1 DerivedCoreProperties.txt), plus U+2800.
_IGNORABLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)

# Everything but printable ASCII: only these characters need a closer look.
_NOT_PLAIN = re.compile(r"[^\x20-\x7e]")


def is_unsafe(char: str) -> bool:
    """True for a character that could hide text or control a terminal (see the module doc)."""
    return unicodedata.category(char) in _CATEGORIES or _IGNORABLE.match(char) is not None


def is_control(char: str) -> bool:
    """The subset that ``check`` calls control characters (the rest are invisible ones)."""
    return unicodedata.category(char) in ("Cc", "Zl", "Zp", "Cs")


def first_unsafe(text: str, allowed: str = "") -> str | None:
    """The first unsafe character in ``text`` (ignoring those in ``allowed``), or None."""
    if text.isascii() and text.isprintable():  # most data values: nothing to look at closely
        return None
    for match in _NOT_PLAIN.finditer(text):
        char = match.group()
        if char not in allowed and is_unsafe(char):
            return char
    return None


def visible(char: str) -> str:
    r"""How an unsafe character is shown: ``\u001b``, ``\U0001d173``, or ``\xff`` for a raw byte."""
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def safe(text: str) -> str:
    """``text`` with every unsafe character (newline included, tab excepted) shown visibly instead.

    Every message that prints untrusted text goes through this: data values,
    arguments, file names, environment variables.
    """
    if text.isascii() and text.isprintable():
        return text
    return _NOT_PLAIN.sub(_show, text)


def _show(match: re.Match[str]) -> str:
    char = match.group()
    return visible(char) if char != "\t" and is_unsafe(char) else char


def json_safe(encoded: str) -> str:
    r"""JSON text with every unsafe character written as a ``\uXXXX`` escape (same meaning, inert bytes).

    Unsafe characters in JSON text can only be inside strings, where an
    escape means exactly the same character.
    """
    if encoded.isascii() and encoded.isprintable():
        return encoded
    return _NOT_PLAIN.sub(_json_escape, encoded)


def _json_escape(match: re.Match[str]) -> str:
    char = match.group()
    if not is_unsafe(char):
        return char
    code = ord(char)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
