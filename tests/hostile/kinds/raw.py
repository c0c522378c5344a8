"""Kinds made of bytes and names: encodings, control characters, and file names a shell fears."""

from __future__ import annotations

import os
import random
from pathlib import Path

from tests.hostile.kinds import Kind, Made, Outcome, made
from tests.hostile.kinds.prose import article


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _text(tag: str) -> bytes:
    return article(tag).encode("utf-8")


def empty(folder: Path) -> Made:
    return made(_write(folder, "empty.txt", b""), 1, 0, "E101")


def whitespace(folder: Path) -> Made:
    return made(_write(folder, "blank.txt", b"  \n\t\n \r\n"), 1, 0, "E101")


def bom_only(folder: Path) -> Made:
    return made(_write(folder, "bom.txt", b"\xef\xbb\xbf"), 1, 0, "E101")


def binary(folder: Path) -> Made:
    noise = random.Random(7).randbytes(4096)
    return made(_write(folder, "noise.txt", noise), 1, 0, "E102")


def nul_bytes(folder: Path) -> Made:
    """English text with NUL bytes in it: binary by the documented check, never stored."""
    data = _text("nul bytes").replace(b" the ", b" the\x00", 3)
    return made(_write(folder, "nul.txt", data), 1, 0, "E102")


def _utf(codec: str, bom: bytes, name: str, says: str) -> Kind:
    def write(folder: Path) -> Made:
        data = bom + article(f"{codec} {bool(bom)}").encode(codec)
        return made(_write(folder, name, data), 1, 0, "E105", says=says)

    return Kind(f"{name.removesuffix('.txt')}", "bytes", write)


def latin1(folder: Path) -> Made:
    data = article("Latin-1 café").encode("latin-1")
    return made(_write(folder, "latin1.txt", data), 1, 0, "E105")


def cesu_surrogate(folder: Path) -> Made:
    """A surrogate encoded as UTF-8 bytes (ED A0 80): not valid UTF-8."""
    data = _text("surrogate bytes").replace(b"Tuesday", b"Tues\xed\xa0\x80day", 1)
    return made(_write(folder, "surrogate.txt", data), 1, 0, "E105")


def overlong(folder: Path) -> Made:
    data = _text("overlong").replace(b"/", b"\xc0\xaf") + b"\xc0\xaf"
    return made(_write(folder, "overlong.txt", data), 1, 0, "E105")


def truncated_utf8(folder: Path) -> Made:
    return made(_write(folder, "truncated.txt", _text("truncated") + b"\xe2\x82"), 1, 0, "E105")


def control_few(folder: Path) -> Made:
    """A few terminal escapes and a bell in otherwise good text: kept (under the binary share)."""
    text = article("terminal escapes").replace("Tuesday", "\x1b[31mTuesday\x1b[0m\x07", 1)
    return made(_write(folder, "escapes.txt", text.encode()), 0, 1)


def control_many(folder: Path) -> Made:
    text = article("control flood") + "\x01\x02\x03\x04\x05\x06" * 400
    return made(_write(folder, "controls.txt", text.encode()), 1, 0, "E102")


def crlf(folder: Path) -> Made:
    text = article("windows line endings").replace("\n", "\r\n")
    return made(_write(folder, "crlf.txt", text.encode()), 0, 1)


def name_not_utf8(folder: Path) -> Made:
    """b'caf\\xe9.txt': a name the file system holds but UTF-8 cannot print. Read it or skip it
    with one line; never crash when printing or storing its name."""
    path = Path(os.fsdecode(os.fsencode(folder) + b"/caf\xe9.txt"))
    path.write_bytes(_text("name not utf-8"))
    return Made((path,), (Outcome(0, 1), Outcome(1, 0)))


def name_newline(folder: Path) -> Made:
    """A name with a newline: its line, if any, must still be one line."""
    return made(_write(folder, "two\nlines.txt", _text("name with a newline")), 0, 1)


def name_long(folder: Path) -> Made:
    return made(_write(folder, "n" * 251 + ".txt", _text("long name")), 0, 1)


def name_unicode(folder: Path) -> Made:
    return made(_write(folder, "café 日本 ü  x.txt", _text("unicode name")), 0, 1)


def name_leading_dash(folder: Path) -> Made:
    return made(_write(folder, "-rf --db x.txt", _text("leading dash")), 0, 1)


def name_upper_suffix(folder: Path) -> Made:
    return made(_write(folder, "STORY.TXT", _text("upper-case suffix")), 0, 1)


def name_hidden(folder: Path) -> Made:
    """Hidden entries are skipped silently, as documented for folders."""
    return made(_write(folder, ".hidden.txt", _text("hidden")), 0, 0)


def name_no_suffix(folder: Path) -> Made:
    """Inside a folder only known suffixes are read; anything else is not an article."""
    return made(_write(folder, "README", _text("no suffix")), 0, 0)


KINDS = [
    Kind("empty", "bytes", empty),
    Kind("whitespace", "bytes", whitespace),
    Kind("bom_only", "bytes", bom_only),
    Kind("binary", "bytes", binary),
    Kind("nul_bytes", "bytes", nul_bytes),
    _utf("utf-16-le", b"\xff\xfe", "utf16_le_bom.txt", "UTF-16"),
    _utf("utf-16-be", b"\xfe\xff", "utf16_be_bom.txt", "UTF-16"),
    _utf("utf-16-le", b"", "utf16_le.txt", "UTF-16"),
    _utf("utf-16-be", b"", "utf16_be.txt", "UTF-16"),
    _utf("utf-32-le", b"\xff\xfe\x00\x00", "utf32_le_bom.txt", "UTF-32"),
    Kind("latin1", "bytes", latin1),
    Kind("cesu_surrogate", "bytes", cesu_surrogate),
    Kind("overlong", "bytes", overlong),
    Kind("truncated_utf8", "bytes", truncated_utf8),
    Kind("control_few", "bytes", control_few),
    Kind("control_many", "bytes", control_many),
    Kind("crlf", "bytes", crlf),
    Kind("name_not_utf8", "names", name_not_utf8),
    Kind("name_newline", "names", name_newline),
    Kind("name_long", "names", name_long),
    Kind("name_unicode", "names", name_unicode),
    Kind("name_leading_dash", "names", name_leading_dash),
    Kind("name_upper_suffix", "names", name_upper_suffix),
    Kind("name_hidden", "names", name_hidden),
    Kind("name_no_suffix", "names", name_no_suffix),
]
