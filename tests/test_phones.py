"""phones.analyse as a specification: what each kind of UK number is, costs and how it is refused.

Each row is a number as a curator might write it and what helpfinder must
make of it, checked against Ofcom's numbering plan as ``phonenumbers`` encodes
it: 0800/0808 and 116 are free, 03 costs the same as 01/02, 084/087/09 are
refused as premium or shared-cost, 07700 900xxx is reserved for drama, and
a number is shown exactly as written.
"""

from __future__ import annotations

import pytest

from helpfinder.phones import FREE, GEOGRAPHIC, MOBILE, UK_WIDE, PhoneError, analyse

VALID = [
    # written, kind, digits to dial, free, cost in words
    ("999", "emergency", "999", True, FREE),
    ("112", "emergency", "112", None, None),
    ("101", "short", "101", None, None),
    ("85258", "short", "85258", None, None),
    ("116 123", "short", "116123", True, FREE),
    ("116123", "short", "116123", True, FREE),
    ("18000", "short", "18000", None, None),
    ("18001 101", "relay", "18001101", None, None),
    ("18001 07911 123456", "relay", "1800107911123456", False, MOBILE),
    ("0800 1111", "freephone", "08001111", True, FREE),
    ("0800 555 111", "freephone", "0800555111", True, FREE),
    ("0808 1000 900", "freephone", "08081000900", True, FREE),
    ("08088 01 03 02", "freephone", "08088010302", True, FREE),
    ("0300 123 1111", "uk-wide", "03001231111", False, UK_WIDE),
    ("0345 6000 459", "uk-wide", "03456000459", False, UK_WIDE),
    ("01609 643100", "geographic", "01609643100", False, GEOGRAPHIC),
    ("028 9649 6000", "geographic", "02896496000", False, GEOGRAPHIC),
    ("+44 20 7946 0000", "geographic", "02079460000", False, GEOGRAPHIC),
    ("07911 123456", "mobile", "07911123456", False, MOBILE),
    ("+44 7911 123456", "mobile", "07911123456", False, MOBILE),
]


@pytest.mark.parametrize(("written", "kind", "dial", "free", "cost"), VALID)
def test_valid_numbers(written: str, kind: str, dial: str, free: bool | None, cost: str | None) -> None:
    info = analyse(written)
    assert (info.kind, info.dial, info.free, info.cost) == (kind, dial, free, cost)
    assert info.display == written  # shown exactly as published: regrouped digits read aloud sound like another number


REFUSED = [
    ("0845 456 4545", "phone-premium", "is a premium-rate or 084/087 number; list a number that is cheap to call"),
    ("0870 123 4567", "phone-premium", "is a premium-rate or 084/087 number; list a number that is cheap to call"),
    ("09098 790 000", "phone-premium", "is a premium-rate or 084/087 number; list a number that is cheap to call"),
    ("+44 845 456 4545", "phone-premium", "is a premium-rate or 084/087 number; list a number that is cheap to call"),
    ("18001 0845 456 4545", "phone-premium", "is a premium-rate or 084/087 number; list a number that is cheap to call"),
    ("07700 900000", "phone-invalid", "is not a valid UK phone number"),  # reserved for drama
    ("0800 55511", "phone-invalid", "is not a valid UK phone number"),  # the 2021 article's misprint
    ("0500 123 456", "phone-invalid", "is not a valid UK phone number"),  # withdrawn in 2017
    ("020 7946 000", "phone-invalid", "is not a valid UK phone number"),
    ("12345", "phone-invalid", "is not a valid UK phone number"),
    ("+1 212 555 0100", "phone-invalid", "is not a UK number"),
    (" 999", "phone-invalid", "is not a valid UK phone number (only digits, single spaces and a leading +)"),
    ("0800  1111", "phone-invalid", "is not a valid UK phone number (only digits, single spaces and a leading +)"),
    ("0800-1111", "phone-invalid", "is not a valid UK phone number (only digits, single spaces and a leading +)"),
]


@pytest.mark.parametrize(("written", "rule", "problem"), REFUSED)
def test_refused_numbers_name_what_was_written(written: str, rule: str, problem: str) -> None:
    with pytest.raises(PhoneError) as refused:
        analyse(written)
    assert (refused.value.rule, str(refused.value)) == (rule, f'"{written}" {problem}')


def test_repeated_errors_are_fresh() -> None:
    """A number seen again gives a new error, not a cached one."""
    with pytest.raises(PhoneError) as one:
        analyse("0800 55511")
    with pytest.raises(PhoneError) as two:
        analyse("0800 55511")
    assert one.value is not two.value
