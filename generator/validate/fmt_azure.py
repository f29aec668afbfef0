"""Run-time checks of Azure's formats (Swagger 2.0 `format`s as AutoRest reads them), copied into
generated validators and into the generated package's `_runtime`.

This module is the source the emitter copies from (see :mod:`generator.validate.formats`), for
two modules of a generated package: its validators (``_fmt_<name>`` checks format ``<name>``)
and its `_runtime`, whose readers (`read_time`, `read_duration`, ...) call these same
definitions. So a model refuses exactly the wire text its validator refuses, and the two cannot
drift. Standard library only, and no `datetime` names (the two modules import them differently):
calendars are integer arithmetic here.

Names. Where JSON Schema 2020-12 defines a format of the same name with another meaning, the
format gets an ``azure-`` prefix: its ``time`` requires an offset and takes a leap second, its
``duration`` has no sign, fraction, lower case or weeks beside other units. The others keep the
name Swagger gives them (``date-time-rfc1123``; ``unixtime``, ``byte``, ``base64url`` and
``decimal`` as the OpenAPI format registry names them), with the syntax defined here.
"""

import math
import re

_AZURE_TIME = re.compile(
    r"([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9])(?:\.([0-9]+))?"
    r"(?:([Zz])|([+-])([01][0-9]|2[0-3]):([0-5][0-9]))?"
).fullmatch


def _fmt_azure_time(value: str) -> bool:
    """A time of day, AutoRest's ``time``: RFC 3339 partial-time with its offset optional
    (``11:34:56``, ``11:34:56.5``, ``11:34:56+02:00``), no leap second (a time without an offset
    cannot say whether its minute has one)."""
    return _AZURE_TIME(value) is not None


_RFC1123 = re.compile(
    r"(mon|tue|wed|thu|fri|sat|sun), ([0-9]{1,2}) "
    r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec) ([0-9]{4}) "
    r"([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9]) gmt",
    re.IGNORECASE | re.ASCII,
).fullmatch
_RFC1123_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_RFC1123_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_OFFSETS = (0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4)  # Sakamoto's, for the day of the week


def _rfc1123_fields(value: str) -> tuple[int, int, int, int, int, int]:
    """(year, month, day, hour, minute, second) of an RFC 1123 date-time in GMT (letters in either
    case, the day of the month in one or two digits, from year 0001); its day of the week must be
    the date's. ValueError says what is wrong."""
    m = _RFC1123(value)
    if m is None:
        raise ValueError("not an RFC 1123 date-time")
    year, month, day = int(m[4]), _RFC1123_MONTHS.index(m[3].lower()) + 1, int(m[2])
    if month == 2:
        last = 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    else:
        last = 30 if month in (4, 6, 9, 11) else 31
    if year == 0 or not 1 <= day <= last:
        raise ValueError("not an RFC 1123 date-time (no such day)")
    y = year - (month < 3)
    sunday_first = (y + y // 4 - y // 100 + y // 400 + _MONTH_OFFSETS[month - 1] + day) % 7
    if _RFC1123_WEEKDAYS[(sunday_first + 6) % 7] != m[1].lower():
        raise ValueError("not an RFC 1123 date-time (the day of the week is wrong)")
    return year, month, day, int(m[5]), int(m[6]), int(m[7])


def _fmt_date_time_rfc1123(value: str) -> bool:
    """An RFC 1123 date-time, as :func:`_rfc1123_fields` reads it."""
    try:
        _rfc1123_fields(value)
    except ValueError:
        return False
    return True


def _fmt_unixtime(value: float) -> bool:
    """Unix time (of an integer): seconds since 1970-01-01T00:00:00Z, within the years 0001 to
    9999 (the instants a datetime holds)."""
    return -62135596800 <= value <= 253402300799


_AZURE_DURATION = re.compile(
    r"(-)?P(?!\Z)(?:([0-9]+)Y)?(?:([0-9]+)M)?(?:([0-9]+)W)?(?:([0-9]+)D)?"
    r"(?:T(?=[0-9])(?:([0-9]+)H)?(?:([0-9]+)M)?(?:([0-9]+)(?:[.,]([0-9]+))?S)?)?",
    re.IGNORECASE | re.ASCII,
).fullmatch


def _duration_fields(value: str) -> tuple[int, int, int]:
    """(days, seconds, microseconds) of an ISO 8601 duration as .NET's XmlConvert writes it (a
    leading ``-``, a fraction on the seconds, ``.`` or ``,``), weeks too, letters in either case;
    at least one unit, and one after ``T``. Years and months count 365 and 30 days, as XmlConvert
    reads them; fraction digits beyond microseconds are dropped. Normalized as `timedelta`
    normalizes, whose range (999999999 days either way) it must fit. ValueError says what is wrong."""
    m = _AZURE_DURATION(value)
    if m is None:
        raise ValueError("not an ISO 8601 duration")
    # (leading zeros dropped: int() refuses more than 4300 digits; 19 are more seconds than fit)
    numbers = [(n or "0").lstrip("0") or "0" for n in m.group(2, 3, 4, 5, 6, 7, 8)]
    if any(len(n) > 18 for n in numbers):
        raise ValueError("is a duration beyond timedelta's range")
    years, months, weeks, days, hours, minutes, seconds = map(int, numbers)
    total = ((years * 365 + months * 30 + weeks * 7 + days) * 24 + hours) * 60 + minutes
    total = (total * 60 + seconds) * 1_000_000 + (int(m[9][:6].ljust(6, "0")) if m[9] else 0)
    days, rest = divmod(-total if m[1] else total, 86_400_000_000)
    if not -999_999_999 <= days <= 999_999_999:
        raise ValueError("is a duration beyond timedelta's range")
    seconds, micro = divmod(rest, 1_000_000)
    return days, seconds, micro


def _fmt_azure_duration(value: str) -> bool:
    """A duration, as :func:`_duration_fields` reads it."""
    try:
        _duration_fields(value)
    except ValueError:
        return False
    return True


_BASE64 = re.compile(r"(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?").fullmatch


def _fmt_byte(value: str) -> bool:
    """Base64 (RFC 4648 section 4) with its padding, nothing else."""
    return _BASE64(value) is not None


_BASE64URL = re.compile(r"(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2}(?:==)?|[A-Za-z0-9_-]{3}=?)?").fullmatch


def _fmt_base64url(value: str) -> bool:
    """Base64url (RFC 4648 section 5); the padding may be left out."""
    return _BASE64URL(value) is not None


def _fmt_decimal(value: float) -> bool:
    """A decimal (of a number): any finite one. JSON has no NaN or infinity, but Python's json
    module reads them (``NaN``, ``Infinity``)."""
    return value.__class__ is int or math.isfinite(value)
