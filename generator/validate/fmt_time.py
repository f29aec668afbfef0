"""Run-time checks of the date and time formats (RFC 3339), copied into generated validators.

This module is the source the emitter copies from (see :mod:`generator.validate.formats`):
each top-level definition becomes one helper of the generated module, with the definitions
and imports it names.  Standard library only; every check wants the whole string (ASCII
digits only, no surrounding whitespace).
"""

import datetime
import re

_FROM_ISO = datetime.datetime.fromisoformat
# The form services send, digit for digit (each made a 0): a date, `T`, a time, 0 to 9 fraction
# digits and `Z` or an offset (True: its minutes are to check). A text of one of these shapes is
# a date-time when its offset's minutes are below 60 and fromisoformat (in C) takes it: the other
# ranges are its to judge (a leap second is not: the whole grammar below decides).
_COMMON_SHAPES = {
    f"0000-00-00T00:00:00{fraction}{zone}".encode(): zone != "Z"
    for fraction in ("", *("." + "0" * n for n in range(1, 10)))
    for zone in ("Z", "+00:00", "-00:00")
}
_ZERO_DIGITS = bytes.maketrans(b"123456789", b"000000000")

_DATE_TIME = re.compile(
    r"(?:\d\d\d[1-9]|\d\d[1-9]\d|\d[1-9]\d\d|[1-9]\d\d\d)-"
    r"(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)"
    r"|02-(?:0[1-9]|1\d|2[0-8]))T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?"
    r"(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)",
    re.ASCII,
).fullmatch

_DATE_TIME = re.compile(
    r"([0-9]{4})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt]"
    r"([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9]|60)(?:\.[0-9]+)?"
    r"(?:[Zz]|([+-])([01][0-9]|2[0-3]):([0-5][0-9]))"
).fullmatch


def _fmt_date_time(value: str) -> bool:
    """RFC 3339 date-time (any number of fraction digits; leap seconds at 23:59:60 UTC), from
    year 0001: no datetime holds year 0, and the generated models read what this accepts."""
    try:
        zoned = _COMMON_SHAPES.get(value.encode().translate(_ZERO_DIGITS))
        if zoned is not None and (not zoned or value[-2] < "6"):
            _FROM_ISO(value)
            return True
    except ValueError:  # a lone surrogate, a field out of range, a leap second
        pass
    m = _DATE_TIME(value)
    if m is None or m[1] == "0000":
        return False
    day = m[3]
    if day > "28":
        year, month = int(m[1]), int(m[2])
        if month == 2:
            leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
            last = 29 if leap else 28
        else:
            last = 30 if month in (4, 6, 9, 11) else 31
        if int(day) > last:
            return False
    if m[6] == "60":
        offset = 0
        if m[7] is not None:
            offset = (int(m[8]) * 60 + int(m[9])) * (1 if m[7] == "+" else -1)
        if (int(m[4]) * 60 + int(m[5]) - offset) % 1440 != 23 * 60 + 59:
            return False
    return True


_DATE = re.compile(r"([0-9]{4})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])").fullmatch


def _fmt_date(value: str) -> bool:
    """RFC 3339 full-date: YYYY-MM-DD, a day that exists in that month and year, from year 0001
    as for a date-time (the generated models read what this accepts, with `date`)."""
    m = _DATE(value)
    if m is None or m[1] == "0000":
        return False
    year, month, day = int(m[1]), int(m[2]), int(m[3])
    if month == 2:
        return day <= (29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28)
    return day <= (30 if month in (4, 6, 9, 11) else 31)


_TIME = re.compile(
    r"([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9]|60)(?:\.[0-9]+)?"
    r"(?:[Zz]|([+-])([01][0-9]|2[0-3]):([0-5][0-9]))"
).fullmatch


def _fmt_time(value: str) -> bool:
    """RFC 3339 full-time: an offset is required; second 60 only at 23:59 UTC."""
    m = _TIME(value)
    if m is None:
        return False
    if m[3] == "60":
        offset = 0
        if m[4] is not None:
            offset = (int(m[5]) * 60 + int(m[6])) * (1 if m[4] == "+" else -1)
        return (int(m[1]) * 60 + int(m[2]) - offset) % 1440 == 23 * 60 + 59
    return True


_DURATION = re.compile(
    r"P(?:(?:[0-9]+D|[0-9]+M(?:[0-9]+D)?|[0-9]+Y(?:[0-9]+M(?:[0-9]+D)?)?)"
    r"(?:T(?:[0-9]+H(?:[0-9]+M(?:[0-9]+S)?)?|[0-9]+M(?:[0-9]+S)?|[0-9]+S))?"
    r"|T(?:[0-9]+H(?:[0-9]+M(?:[0-9]+S)?)?|[0-9]+M(?:[0-9]+S)?|[0-9]+S)"
    r"|[0-9]+W)"
).fullmatch


def _fmt_duration(value: str) -> bool:
    """RFC 3339 (Appendix A) duration: P, then date and/or T time elements in order, or weeks."""
    return _DURATION(value) is not None
