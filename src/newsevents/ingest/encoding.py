"""Bytes to text: refusing empty and binary input, and naming the encoding of text that is not UTF-8.

Only UTF-8 is read (a BOM is dropped); anything else is reported, never guessed, because a wrong
guess silently corrupts every offset and name in the article. UTF-16 and UTF-32 are recognised
(by their byte-order mark, or by the zero bytes of mostly-ASCII text) so the report can say what
the file is and how to fix it, instead of calling it binary for its zero bytes.
"""

from __future__ import annotations

from newsevents.errors import Problem, message

UTF8_BOM = b"\xef\xbb\xbf"
CONTROL_SHARE = 0.05  # more control bytes than this (outside tab/newline/CR/FF) means binary
SNIFF_BYTES = 8192
# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32 LE"),
    (b"\x00\x00\xfe\xff", "UTF-32 BE"),
    (b"\xff\xfe", "UTF-16 LE"),
    (b"\xfe\xff", "UTF-16 BE"),
)
WIDE_SHARE = 0.3  # at least this share of code units are zero-padded ASCII in UTF-16/32 text
PRINTABLE = frozenset((9, 10, 13, *range(32, 127)))
# The control bytes that count towards CONTROL_SHARE (every byte below 32 but tab, newline, FF, CR).
CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def problem(origin: str, code: str, detail: str | None = None, fatal: bool = True) -> Problem:
    """The one-line report for `origin`; `detail` fills the message's {detail}."""
    text = message(code, detail=detail) if detail is not None else message(code)
    return Problem(origin, code, text, fatal)


def wide_encoding(head: bytes) -> str | None:
    """ "UTF-16 LE, with a byte-order mark" and the like when `head` is UTF-16 or UTF-32 text.

    Without a mark, text is wide when many code units are a printable ASCII byte padded with
    zeros and none is all zeros (a NUL character, which binary data has and text never does).
    """
    for mark, name in BOMS:
        if head.startswith(mark):
            return f"{name}, with a byte-order mark"
    if b"\x00" not in head:  # no zero-padded unit, so nothing below can count: the usual case
        return None
    for width, name in ((4, "UTF-32"), (2, "UTF-16")):
        sample = head[: len(head) - len(head) % width]
        units = [sample[i : i + width] for i in range(0, len(sample), width)]
        if len(units) < 2 or any(not any(u) for u in units):
            continue
        little = sum(1 for u in units if u[0] in PRINTABLE and not any(u[1:]))
        big = sum(1 for u in units if u[-1] in PRINTABLE and not any(u[:-1]))
        for count, order in ((little, "LE"), (big, "BE")):
            if count >= WIDE_SHARE * len(units):
                return f"{name} {order}, without a byte-order mark"
    return None


def is_blank(data: bytes) -> bool:
    """Nothing but whitespace and a UTF-8 byte-order mark."""
    return not data.removeprefix(UTF8_BOM).strip()


def binary_or_wide(origin: str, head: bytes) -> Problem | None:
    """E105 naming UTF-16/32, or E102 for binary content, judged on the first bytes only."""
    head = head[:SNIFF_BYTES]
    wide = wide_encoding(head)
    if wide is not None:
        return problem(origin, "E105", f"looks like {wide}; save it as UTF-8")
    if not head:
        return None
    if b"\x00" in head:
        return problem(origin, "E102")
    control = len(head) - len(head.translate(None, CONTROL_BYTES))  # a byte-wise loop in C
    if control / len(head) > CONTROL_SHARE:
        return problem(origin, "E102")
    return None


def check_bytes(origin: str, data: bytes) -> Problem | None:
    """E101 for an empty file, E105 for UTF-16/32, E102 for binary; None when it may be text."""
    if is_blank(data):
        return problem(origin, "E101")
    return binary_or_wide(origin, data)


def decode(origin: str, data: bytes) -> str | Problem:
    """UTF-8 only (a BOM is dropped); any other encoding is reported, never guessed."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex().upper()
        return problem(origin, "E105", f"byte 0x{bad} at offset {exc.start}")
