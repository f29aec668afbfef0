"""Run-time IDNA2008 checks (RFC 5890-5893) for the hostname formats, copied into generated validators.

The derived property of a code point (RFC 5892 section 3) is computed from the running
Python's ``unicodedata``; what ``unicodedata`` lacks comes as tables below: the scripts the
CONTEXTO rules name and the joining types the ZERO WIDTH NON-JOINER rule needs (from the
Unicode Character Database, as tabulated by the ``idna`` package's ``idnadata.py``, BSD-3).
The source the emitter copies from (see :mod:`generator.validate.formats`).
"""

import bisect
import unicodedata


def _idna_ranges(spec: str) -> tuple[list[int], list[int]]:
    """Starts and ends of the hex code point ranges in ``spec`` (``"41-5A 61"``), merged."""
    pairs = sorted(
        (int(a, 16), int(b or a, 16)) for a, _, b in (i.partition("-") for i in spec.split())
    )
    starts: list[int] = []
    ends: list[int] = []
    for first, last in pairs:
        if ends and first <= ends[-1] + 1:
            ends[-1] = max(ends[-1], last)
        else:
            starts.append(first)
            ends.append(last)
    return starts, ends


def _idna_in(table: tuple[list[int], list[int]], cp: int) -> bool:
    i = bisect.bisect_right(table[0], cp) - 1
    return i >= 0 and cp <= table[1][i]


_IDNA_GREEK = _idna_ranges(
    "370-373 375-377 37A-37D 37F 384 386 388-38A 38C 38E-3A1 3A3-3E1 3F0-3FF "
    "1D26-1D2A 1D5D-1D61 1D66-1D6A 1DBF 1F00-1F15 1F18-1F1D 1F20-1F45 1F48-1F4D "
    "1F50-1F57 1F59 1F5B 1F5D 1F5F-1F7D 1F80-1FB4 1FB6-1FC4 1FC6-1FD3 1FD6-1FDB "
    "1FDD-1FEF 1FF2-1FF4 1FF6-1FFE 2126 AB65 10140-1018E 101A0 1D200-1D245 "
    "1DFF3-1DFF4"
)
_IDNA_HEBREW = _idna_ranges(
    "591-5C9 5D0-5EA 5EF-5F4 FB1D-FB36 FB38-FB3C FB3E FB40-FB41 FB43-FB44 FB46-FB4F"
)
_IDNA_KANA_HAN = _idna_ranges(
    "2E80-2E99 2E9B-2EF3 2F00-2FD5 3005 3007 3021-3029 3038-303B 3041-3096 309D-309F "
    "30A1-30FA 30FD-30FF 31F0-31FF 32D0-32FE 3300-3357 3400-4DBF 4E00-9FFF F900-FA6D "
    "FA70-FAD9 FF66-FF6F FF71-FF9D 16FE2-16FE3 16FF0-16FF6 1AFF0-1AFF3 1AFF5-1AFFB "
    "1AFFD-1AFFE 1B000 1B001-1B11F 1B120-1B122 1B123 1B124-1B128 1B132 1B150-1B152 "
    "1B155 1B164-1B168 1F200 20000-2A6DF 2A700-2B81E 2B820-2CEAD 2CEB0-2EBE0 "
    "2EBF0-2EE5D 2F800-2FA1D 30000-3134A 31350-33479"
)
_IDNA_JOIN_D = _idna_ranges(
    "620 626 628 62A-62E 633-63F 641-647 649-64A 66E-66F 678-687 69A-6BF 6C1-6C2 6CC "
    "6CE 6D0-6D1 6FA-6FC 6FF 712-714 71A-71D 71F-727 729 72B 72D-72E 74E-758 75C-76A "
    "76D-770 772 775-777 77A-77F 7CA-7EA 841-845 848 84A-853 855 860 862-865 868 886 "
    "889-88D 88F 8A0-8A9 8AF-8B0 8B3-8B8 8BA-8C8 1807 1820-1878 1887-18A8 18AA "
    "A840-A871 10AC0-10AC4 10AD3-10AD6 10AD8-10ADC 10ADE-10AE0 10AEB-10AEE 10B80 "
    "10B82 10B86-10B88 10B8A-10B8B 10B8D 10B90 10BAD-10BAE 10D01-10D21 10D23 "
    "10EC3-10EC4 10EC6-10EC7 10F30-10F32 10F34-10F44 10F51-10F53 10F70-10F73 "
    "10F76-10F81 10FB0 10FB2-10FB3 10FB8 10FBB-10FBC 10FBE-10FBF 10FC1 10FC4 10FCA "
    "1E900-1E943"
)
_IDNA_JOIN_R = _idna_ranges(
    "622-625 627 629 62F-632 648 671-673 675-677 688-699 6C0 6C3-6CB 6CD 6CF 6D2-6D3 "
    "6D5 6EE-6EF 710 715-719 71E 728 72A 72C 72F 74D 759-75B 76B-76C 771 773-774 "
    "778-779 840 846-847 849 854 856-858 867 869-86A 870-882 88E 8AA-8AC 8AE 8B1-8B2 "
    "8B9 10AC5 10AC7 10AC9-10ACA 10ACE-10AD2 10ADD 10AE1 10AE4 10AEF 10B81 "
    "10B83-10B85 10B89 10B8C 10B8E-10B8F 10B91 10BA9-10BAC 10D22 10EC2 10F33 10F54 "
    "10F74-10F75 10FB4-10FB6 10FB9-10FBA 10FBD 10FC2-10FC3 10FC9"
)
_IDNA_JOIN_L = _idna_ranges("A872 10ACD 10AD7 10D00 10ED9-10EEE 10FCB")
_IDNA_JOIN_C = _idna_ranges("640 7FA 883-885 180A 200D")
# Always DISALLOWED (RFC 5892 2.6-2.9): Default_Ignorable_Code_Point, White_Space, the
# ignorable blocks (symbols' combining marks, musical notation) and old Hangul jamo.
_IDNA_IGNORED = _idna_ranges(
    "9-D 20 85 A0 AD 34F 61C 1100-11FF 1680 17B4-17B5 180B-180F 2000-200F 2028-202F "
    "205F-206F 20D0-20FF 3000 3164 A960-A97C D7B0-D7C6 D7CB-D7FB FE00-FE0F FEFF FFA0 "
    "FFF0-FFF8 1BCA0-1BCA3 1D100-1D24F E0000-E0FFF"
)
# RFC 5892 2.6 Exceptions: what they are, whatever the Unicode properties say.
_IDNA_EXCEPTIONS = {
    **dict.fromkeys((0xDF, 0x3C2, 0x6FD, 0x6FE, 0xF0B, 0x3007), "PVALID"),
    **dict.fromkeys((0xB7, 0x375, 0x5F3, 0x5F4, 0x30FB, *range(0x660, 0x66A)), "CONTEXTO"),
    **dict.fromkeys(range(0x6F0, 0x6FA), "CONTEXTO"),
    **dict.fromkeys((0x640, 0x7FA, 0x302E, 0x302F, 0x3031, 0x3032, 0x3033), "DISALLOWED"),
    **dict.fromkeys((0x3034, 0x3035, 0x303B), "DISALLOWED"),
}


def _idna_property(cp: int) -> str:
    """RFC 5892 section 3: PVALID, CONTEXTJ, CONTEXTO, DISALLOWED or UNASSIGNED."""
    special = _IDNA_EXCEPTIONS.get(cp)
    if special is not None:
        return special
    ch = chr(cp)
    category = unicodedata.category(ch)
    noncharacter = 0xFDD0 <= cp <= 0xFDEF or cp & 0xFFFE == 0xFFFE
    if category == "Cn" and not noncharacter:
        return "UNASSIGNED"
    if ch == "-" or "0" <= ch <= "9" or "a" <= ch <= "z":
        return "PVALID"
    if cp in (0x200C, 0x200D):
        return "CONTEXTJ"
    if unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", ch).casefold()) != ch:
        return "DISALLOWED"  # unstable under case folding and normalization
    if noncharacter or _idna_in(_IDNA_IGNORED, cp):
        return "DISALLOWED"
    return "PVALID" if category in ("Ll", "Lo", "Lm", "Mn", "Mc", "Nd") else "DISALLOWED"


def _idna_joining(ch: str) -> str:
    """The Joining_Type of ``ch``: D, R, L, C, T (transparent) or U."""
    cp = ord(ch)
    for kind, table in (
        ("D", _IDNA_JOIN_D),
        ("R", _IDNA_JOIN_R),
        ("L", _IDNA_JOIN_L),
        ("C", _IDNA_JOIN_C),
    ):
        if _idna_in(table, cp):
            return kind
    return "T" if unicodedata.category(ch) in ("Mn", "Me", "Cf") else "U"


def _idna_contextj(label: str, i: int) -> bool:
    """RFC 5892 A.1/A.2: a joiner after a virama, or a ZWNJ between joining letters."""
    if i > 0 and unicodedata.combining(label[i - 1]) == 9:
        return True
    if label[i] != "\u200c":
        return False
    j = i - 1
    while j >= 0 and _idna_joining(label[j]) == "T":
        j -= 1
    if j < 0 or _idna_joining(label[j]) not in ("L", "D"):
        return False
    j = i + 1
    while j < len(label) and _idna_joining(label[j]) == "T":
        j += 1
    return j < len(label) and _idna_joining(label[j]) in ("R", "D")


def _idna_contexto(label: str, i: int) -> bool:
    """RFC 5892 A.3-A.9: middle dots, keraia, geresh/gershayim and Arabic-Indic digits."""
    cp = ord(label[i])
    if cp == 0xB7:
        return 0 < i < len(label) - 1 and label[i - 1] == "l" and label[i + 1] == "l"
    if cp == 0x375:
        return i + 1 < len(label) and _idna_in(_IDNA_GREEK, ord(label[i + 1]))
    if cp in (0x5F3, 0x5F4):
        return i > 0 and _idna_in(_IDNA_HEBREW, ord(label[i - 1]))
    if cp == 0x30FB:
        return any(_idna_in(_IDNA_KANA_HAN, ord(ch)) for ch in label)
    if 0x660 <= cp <= 0x669:
        return not any("\u06f0" <= ch <= "\u06f9" for ch in label)
    if 0x6F0 <= cp <= 0x6F9:
        return not any("\u0660" <= ch <= "\u0669" for ch in label)
    return False


def _idna_label(label: str) -> bool:
    """RFC 5891 5.4 for a U-label, the Bidi rule aside: NFC, hyphens, no leading mark, and
    every code point PVALID or allowed by its context rule."""
    if not label or not unicodedata.is_normalized("NFC", label):
        return False
    if label[0] == "-" or label[-1] == "-" or label[2:4] == "--":
        return False
    if unicodedata.category(label[0]).startswith("M"):
        return False
    for i, ch in enumerate(label):
        kind = _idna_property(ord(ch))
        if kind == "CONTEXTJ":
            if not _idna_contextj(label, i):
                return False
        elif kind == "CONTEXTO":
            if not _idna_contexto(label, i):
                return False
        elif kind != "PVALID":
            return False
    return True


def _idna_a_label(label: str) -> str | None:
    """The U-label an A-label (``xn--`` and Punycode, RFC 5891 5.3) stands for, if valid."""
    try:
        ulabel = label[4:].encode("ascii").decode("punycode")
    except (UnicodeError, ValueError):
        return None
    if ulabel.isascii() or ulabel.encode("punycode").decode("ascii") != label[4:].lower():
        return None  # ASCII only, or Punycode that does not re-encode to itself
    return ulabel if _idna_label(ulabel) else None


_IDNA_BIDI_RTL: tuple[str, ...] = ("R", "AL", "EN", "AN", "ES", "CS", "ET", "ON", "BN", "NSM")
_IDNA_BIDI_LTR: tuple[str, ...] = ("L", "EN", "ES", "CS", "ET", "ON", "BN", "NSM")


def _idna_bidi(labels: list[str]) -> bool:
    """RFC 5893 section 2: in a name with right-to-left text, every label keeps the Bidi rule."""
    classes = [[unicodedata.bidirectional(ch) for ch in label] for label in labels]
    if not any(c in ("R", "AL", "AN") for label in classes for c in label):
        return True
    for label in classes:
        if not label:
            return False
        if label[0] in ("R", "AL"):
            allowed, ends = _IDNA_BIDI_RTL, _IDNA_BIDI_RTL[:4]
            if "EN" in label and "AN" in label:
                return False
        elif label[0] == "L":
            allowed, ends = _IDNA_BIDI_LTR, _IDNA_BIDI_LTR[:2]
        else:
            return False
        if any(c not in allowed for c in label):
            return False
        last = len(label) - 1
        while last > 0 and label[last] == "NSM":
            last -= 1
        if label[last] not in ends:
            return False
    return True
