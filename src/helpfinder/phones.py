"""UK phone numbers: validity, display and the cost of calling, from ``phonenumbers``.

Numbers stay the strings the curator wrote; this module only reads them.
Its results are computed once per distinct number when a directory is
validated and then cached, so a lookup never imports ``phonenumbers``.
"""

from __future__ import annotations

import re
from functools import lru_cache

import msgspec

#: Relay UK prefixes: 18000 reaches the emergency services by text relay;
#: 18001 (textphone) and 18002 (voice) go before any other number.
RELAY_EMERGENCY = "18000"
RELAY_PREFIXES = ("18001", "18002")

_ALLOWED = re.compile(r"^\+?[0-9][0-9 ]*[0-9]$|^[0-9]$")


class PhoneInfo(msgspec.Struct, frozen=True, omit_defaults=True):
    """What a number is: how to show it, how to dial it, what it costs."""

    display: str
    dial: str
    kind: str
    free: bool | None = None
    cost: str | None = None


class PhoneError(ValueError):
    """A number that the directory must not list; ``rule`` is the problem's rule code."""

    def __init__(self, rule: str, message: str) -> None:
        super().__init__(message)
        self.rule = rule


FREE = "Free from UK landlines and mobiles"
UK_WIDE = "Costs the same as a call to an 01 or 02 number; included in inclusive minutes"
GEOGRAPHIC = "Charged at the standard rate for a call to an 01 or 02 number"
MOBILE = "Charged at your provider's rate for calling a mobile"
UNKNOWN_COST = None


def analyse(value: str) -> PhoneInfo:
    """Check a UK number or short code and describe it, or raise ``PhoneError``."""
    text = value.strip()
    if text != value or not _ALLOWED.match(text) or "  " in text:
        raise PhoneError("phone-invalid", f'"{value}" is not a valid UK phone number (only digits, single spaces and a leading +)')
    digits = text.replace(" ", "")
    for prefix in (RELAY_EMERGENCY, *RELAY_PREFIXES):
        if digits.startswith(prefix) and len(digits) > len(prefix):
            found = _classify(digits[len(prefix):])
            if not isinstance(found, PhoneInfo):  # the message names the number as written, prefix and all
                raise PhoneError(found[0], f'"{value}" {found[1]}')
            inner = found
            return PhoneInfo(
                display=text,
                dial=prefix + inner.dial,
                kind="relay",
                free=inner.free,
                cost=inner.cost,
            )
    found = _classify(digits)
    if isinstance(found, PhoneInfo):
        # Shown exactly as the curator wrote it (and the source publishes it): regrouped
        # digits read aloud by a screen reader sound like another number.
        return msgspec.structs.replace(found, display=text)
    rule, problem = found
    raise PhoneError(rule, f'"{value}" {problem}')


def tel_uri(dial: str) -> str:
    """The ``tel:`` URI of a number: international (``tel:+44...``) for a UK number.

    A short code (999, 116 123) or a relay call (18001 ...) has no international
    form; it stays the digits to dial. RFC 3966 would add ``;phone-context=+44``,
    but some dialers read ``;`` as a pause, and a 999 link must simply dial 999.
    """
    return f"tel:+44{dial[1:]}" if dial.startswith("0") and len(dial) > 6 else f"tel:{dial}"


@lru_cache(maxsize=4096)
def _classify(digits: str) -> PhoneInfo | tuple[str, str]:
    """What a number (digits and a leading + only) is, or its problem as (rule, what is wrong).

    Cached by digits: a directory lists many numbers both alone and behind a
    relay prefix. Each fact is asked of ``phonenumbers`` once: a parsed
    number is valid exactly when its type for its own region is known (that
    is how ``is_valid_number`` decides), so ``number_type`` answers both,
    and numbers longer than 6 digits are never short codes here.
    """
    import phonenumbers
    from phonenumbers import PhoneNumberType as T
    from phonenumbers import shortnumberinfo

    try:
        number = phonenumbers.parse(digits, "GB")
    except phonenumbers.NumberParseException:
        return "phone-invalid", "is not a valid UK phone number"
    if number.country_code != 44:
        return "phone-invalid", "is not a UK number"
    if digits.startswith(("084", "087", "+4484", "+4487", "09", "+449")):
        return "phone-premium", "is a premium-rate or 084/087 number; list a number that is cheap to call"
    if len(digits) <= 6 and shortnumberinfo.is_valid_short_number(number):
        cost = shortnumberinfo.expected_cost(number)
        free = True if cost == shortnumberinfo.ShortNumberCost.TOLL_FREE or digits.startswith("116") else None
        return PhoneInfo(
            # 116 numbers (harmonised European helplines) are written "116 123".
            display=f"116 {digits[3:]}" if digits.startswith("116") and len(digits) == 6 else digits,
            dial=digits,
            kind="emergency" if shortnumberinfo.is_emergency_number(digits, "GB") else "short",
            free=free,
            cost=FREE if free else UNKNOWN_COST,
        )
    kind = phonenumbers.number_type(number)
    if kind == T.UNKNOWN:
        return "phone-invalid", "is not a valid UK phone number"
    if kind in (T.PREMIUM_RATE, T.SHARED_COST):
        return "phone-premium", "is a premium-rate or shared-cost number; list a number that is cheap to call"
    national = phonenumbers.national_significant_number(number)
    display = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    dial = "0" + national
    if kind == T.TOLL_FREE:
        return PhoneInfo(display, dial, "freephone", True, FREE)
    if kind == T.UAN or national.startswith("3"):
        return PhoneInfo(display, dial, "uk-wide", False, UK_WIDE)
    if kind == T.FIXED_LINE:
        return PhoneInfo(display, dial, "geographic", False, GEOGRAPHIC)
    if kind == T.MOBILE:
        return PhoneInfo(display, dial, "mobile", False, MOBILE)
    return PhoneInfo(display, dial, "other", None, UNKNOWN_COST)
