"""phones.analyse gives exactly what its first, slower implementation gave.

``analyse`` now parses each number once, asks ``phonenumbers`` for its type
once (a number is valid exactly when its type is known), skips the
short-number checks for numbers too long to be short codes and shares the
work for a number written both alone and behind a relay prefix. None of
that may change a verdict, a display form or a cost, so every sample is
compared with ``reference_analyse_before_speedup``, a verbatim copy of the
implementation it replaced.
"""

from __future__ import annotations

import msgspec

import sys
from pathlib import Path

import pytest
import yaml

from helpfinder import model
from helpfinder.phones import FREE, GEOGRAPHIC, MOBILE, RELAY_EMERGENCY, RELAY_PREFIXES, UK_WIDE, UNKNOWN_COST
from helpfinder.phones import PhoneError, PhoneInfo, _ALLOWED, analyse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import numbers as drama_numbers  # noqa: E402


def reference_analyse_before_speedup(value: str) -> PhoneInfo:
    """The implementation before the speed-up, kept verbatim as the reference."""
    import phonenumbers
    from phonenumbers import PhoneNumberType as T
    from phonenumbers import shortnumberinfo

    text = value.strip()
    if text != value or not _ALLOWED.match(text) or "  " in text:
        raise PhoneError("phone-invalid", f'"{value}" is not a valid UK phone number (only digits, single spaces and a leading +)')
    digits = text.replace(" ", "")
    for prefix in (RELAY_EMERGENCY, *RELAY_PREFIXES):
        if digits.startswith(prefix) and len(digits) > len(prefix):
            inner = reference_analyse_before_speedup(digits[len(prefix):])
            return PhoneInfo(
                display=f"{prefix} {inner.display}",
                dial=prefix + inner.dial,
                kind="relay",
                free=inner.free,
                cost=inner.cost,
            )
    try:
        number = phonenumbers.parse(digits, "GB")
    except phonenumbers.NumberParseException:
        raise PhoneError("phone-invalid", f'"{value}" is not a valid UK phone number') from None
    if number.country_code != 44:
        raise PhoneError("phone-invalid", f'"{value}" is not a UK number')
    national = phonenumbers.national_significant_number(number)
    if digits.startswith(("084", "087", "+4484", "+4487", "09", "+449")):
        raise PhoneError("phone-premium", f'"{value}" is a premium-rate or 084/087 number; list a number that is cheap to call')
    if shortnumberinfo.is_valid_short_number(number) and len(digits) <= 6:
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
    if not phonenumbers.is_valid_number(number):
        raise PhoneError("phone-invalid", f'"{value}" is not a valid UK phone number')
    kind = phonenumbers.number_type(number)
    if kind in (T.PREMIUM_RATE, T.SHARED_COST):
        raise PhoneError("phone-premium", f'"{value}" is a premium-rate or shared-cost number; list a number that is cheap to call')
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


def _bundled_numbers() -> list[str]:
    data = yaml.safe_load((ROOT / "data" / "helplines.yaml").read_text(encoding="utf-8"))
    return [
        contact["value"]
        for service in data["services"]
        for contact in service.get("contacts", [])
        if contact.get("channel") in model.NUMBER_CHANNELS
    ]


BUNDLED = _bundled_numbers()
GENERATED = drama_numbers()[::53]  # about 300, across every drama range the generator uses
SHORT = ["999", "112", "101", "111", "105", "119", "116123", "116 123", "116000", "116 000", "116 111", "116117",
         "18000", "18001 101", "18001 999", "18002 111", "1800", "100", "123", "155", "0", "1"]  # fmt: skip
PREMIUM = ["0900 123 4567", "09098 790 000", "0845 456 4545", "0844 800 1234", "0870 123 4567", "0871 234 5678",
           "+44 845 456 4545", "+44 870 123 4567", "+44 909 879 0000", "18001 0845 456 4545"]  # fmt: skip
INVALID = ["0800 55511", "12345", "+1 212 555 0100", "07", "", " 999", "999 ", "0800  1111", "0800-1111",
           "(0800) 1111", "+", "++44 20 7946 0000", "0044 20 7946 0000", "01 2", "18001", "18001 07", "+33 1 23 45 67 89",
           "0800 1111 11111", "020 7946 000", "0300 123 456", "+44", "4420 7946 0000", "00"]  # fmt: skip
MOBILE_NUMBERS = ["07700 900000", "07700 900999", "07911 123456", "07624 123456", "07781 123456", "07797 123456",
                  "07400 123456", "07624 900000", "+44 7700 900123", "18001 07700 900123"]  # fmt: skip
UK_WIDE_NUMBERS = ["0300 123 1111", "0330 223 0362", "0333 123 4567", "0343 123 4567", "0345 600 4000", "0370 123 4567",
                   "0306 999 0000", "+44 300 123 1111", "0500 123 456", "0800 1111", "0800 555 111", "0808 800 5000"]  # fmt: skip
GEOGRAPHIC_NUMBERS = ["020 7946 0000", "0113 496 0000", "0161 496 0999", "01609 643100", "01481 123456", "01534 123456",
                      "01624 123456", "028 9649 6000", "029 2018 0000", "0131 496 0000", "01632 960000", "0191 498 0000",
                      "01946 12345", "016977 3456", "+44 20 7946 0000", "+44 1609 643100", "+442079460000",
                      "0560 123 4567", "055 1234 5678", "0870 000 0000", "070 1234 5678", "076 2345 6789",
                      # libphonenumber's own examples for the Crown dependencies that share +44
                      "0121 234 5678", "01481 256789", "01624 756789", "01534 456789", "07924 123456",
                      "07797 712345", "0808 162 4567", "0800 735 4567", "076 4012 3456", "056 1234 5678"]  # fmt: skip
SAMPLE = list(dict.fromkeys(
    [*BUNDLED, *GENERATED, *(f"18001 {n}" for n in GENERATED[::10]), *SHORT, *PREMIUM, *INVALID,
     *MOBILE_NUMBERS, *UK_WIDE_NUMBERS, *GEOGRAPHIC_NUMBERS]
))  # fmt: skip


def _outcome(function, value: str) -> PhoneInfo | tuple[str, str]:  # type: ignore[no-untyped-def]
    try:
        return function(value)
    except PhoneError as error:
        return error.rule, str(error)


def test_sample_is_broad() -> None:
    """The sample reaches every verdict, so the comparison below can catch a change in any of them."""
    outcomes = [_outcome(reference_analyse_before_speedup, v) for v in SAMPLE]
    kinds = {o.kind for o in outcomes if isinstance(o, PhoneInfo)}
    rules = {o[0] for o in outcomes if isinstance(o, tuple)}
    assert kinds >= {"emergency", "short", "relay", "freephone", "uk-wide", "geographic", "mobile"}
    assert rules == {"phone-invalid", "phone-premium"}
    assert len(BUNDLED) >= 10 and len(GENERATED) >= 250


def test_same_as_reference() -> None:
    """Equal PhoneInfo (but shown as written, issue 10), or an error with the same rule and message, for every sample."""
    differ = {
        value: (new, old)
        for value in SAMPLE
        if (new := _outcome(analyse, value))
        != (old := _as_written(_outcome(reference_analyse_before_speedup, value), value))
    }
    assert differ == {}


def _as_written(outcome: PhoneInfo | tuple[str, str], value: str) -> PhoneInfo | tuple[str, str]:
    return msgspec.structs.replace(outcome, display=value) if isinstance(outcome, PhoneInfo) else outcome


@pytest.mark.parametrize("written", ["0800 555 111", "0808 1000 900", "0800 1111", "08088005000", "+44 20 7946 0000", "18001 0800 1111", "116 123"])
def test_numbers_are_shown_exactly_as_published(written: str) -> None:
    assert analyse(written).display == written


def test_repeated_errors_are_fresh() -> None:
    """A number seen again (alone or behind a relay prefix) gives a new error naming what was written."""
    first = _outcome(analyse, "0845 456 4545")
    relayed = _outcome(analyse, "18001 0845 456 4545")
    assert first == ("phone-premium", '"0845 456 4545" is a premium-rate or 084/087 number; list a number that is cheap to call')
    assert relayed == _outcome(reference_analyse_before_speedup, "18001 0845 456 4545")
    with pytest.raises(PhoneError) as one:
        analyse("0800 55511")
    with pytest.raises(PhoneError) as two:
        analyse("0800 55511")
    assert one.value is not two.value
