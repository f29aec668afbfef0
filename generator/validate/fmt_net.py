"""Run-time checks of the network formats, copied into generated validators.

ipv4 and ipv6 (RFC 2673, RFC 4291; the standard library parses, ASCII only, no zone),
hostname (RFC 1123, with RFC 5890 A-labels), idn-hostname (RFC 5890-5893), email
(RFC 5321 Mailbox) and idn-email (RFC 6531).  The source the emitter copies from (see
:mod:`generator.validate.formats`); standard library only.
"""

import ipaddress
import re
import unicodedata

from generator.validate.fmt_idna import _idna_a_label, _idna_bidi, _idna_label


def _fmt_ipv4(value: str) -> bool:
    """Dotted-quad IPv4: four decimal octets 0-255 without leading zeros."""
    try:
        ipaddress.IPv4Address(value)
    except ValueError:
        return False
    return value.isascii()


def _fmt_ipv6(value: str) -> bool:
    """RFC 4291 textual IPv6 (an embedded dotted quad allowed; no zone id, no brackets)."""
    if not value.isascii() or "%" in value:
        return False
    try:
        ipaddress.IPv6Address(value)
    except ValueError:
        return False
    return True


_HOST_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?").fullmatch


def _fmt_hostname(value: str) -> bool:
    """RFC 1123 host name: dot-separated ASCII labels of 1-63 letters, digits and inner
    hyphens, 253 characters in all; a label ``xn--...`` must be a valid A-label."""
    if len(value) > 253 or not value.isascii():
        return False
    ulabels = []
    for label in value.split("."):
        if _HOST_LABEL(label) is None:
            return False
        if label[:4].lower() == "xn--":
            ulabel = _idna_a_label(label)
            if ulabel is None:
                return False
            label = ulabel
        ulabels.append(label)
    return _idna_bidi(ulabels)


_IDN_DOTS = re.compile("[.\u3002\uff0e\uff61]").split


def _fmt_idn_hostname(value: str) -> bool:
    """RFC 5890 internationalized host name: labels that are ASCII host name labels, valid
    A-labels or valid U-labels (RFC 5891-5893), 253 characters in all in ASCII form."""
    if len(value) > 253:
        return False  # each character takes at least one in the ASCII form
    total = -1
    ulabels = []
    for label in _IDN_DOTS(value):
        if len(label) > 63:
            return False
        if label.isascii():
            if _HOST_LABEL(label) is None:
                return False
            total += len(label) + 1
            if label[:4].lower() == "xn--":
                ulabel = _idna_a_label(label)
                if ulabel is None:
                    return False
                label = ulabel
        else:
            if not _idna_label(label):
                return False
            size = len(label.encode("punycode")) + 4
            if size > 63:
                return False
            total += size + 1
        ulabels.append(label)
    return total <= 253 and _idna_bidi(ulabels)


_EMAIL_LOCAL = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r'|"(?:[ !#-\[\]-~]|\\[ -~])*"'
).fullmatch
_IDN_EMAIL_LOCAL = re.compile(
    "[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\-\u0080-\ud7ff\ue000-\U0010ffff]+"
    "(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\-\u0080-\ud7ff\ue000-\U0010ffff]+)*"
    '|"(?:[ !#-\\[\\]-~\u0080-\ud7ff\ue000-\U0010ffff]|\\\\[ -~])*"'
).fullmatch


def _email(value: str, international: bool) -> bool:
    """RFC 5321 Mailbox (RFC 6531 with ``international``): local part, ``@``, then a host
    name or an address literal (``[192.0.2.1]``, ``[IPv6:...]``)."""
    at = value.rfind("@")
    local, domain = value[:at], value[at + 1 :]
    if at < 1 or len(local.encode("utf-8", "surrogatepass")) > 64:
        return False
    if (_IDN_EMAIL_LOCAL if international else _EMAIL_LOCAL)(local) is None:
        return False
    if domain.startswith("[") and domain.endswith("]"):
        literal = domain[1:-1]
        if literal[:5].lower() == "ipv6:":
            return _fmt_ipv6(literal[5:])
        return _fmt_ipv4(literal)
    if international:
        return _fmt_idn_hostname(unicodedata.normalize("NFC", domain))
    return _fmt_hostname(domain)


def _fmt_email(value: str) -> bool:
    """RFC 5321 Mailbox: ``local@domain``, ASCII only."""
    return _email(value, False)


def _fmt_idn_email(value: str) -> bool:
    """RFC 6531 Mailbox: ``local@domain`` where both may hold non-ASCII characters."""
    return _email(value, True)
