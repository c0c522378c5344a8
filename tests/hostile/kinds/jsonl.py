"""Kinds made of JSON Lines: broken lines, wrong types, odd ids, huge lines and huge feeds.

Each file ends with one good line, so every kind also checks that the lines after a bad one are
still read ("the file goes on").
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from tests.hostile.kinds import Kind, Made, Outcome, made, sane_dates
from tests.hostile.kinds.prose import body

LAST_WEEK = " The minister said the first meeting had taken place last week."


def _line(tag: str, **fields: object) -> str:
    record: dict[str, object] = {"title": f"Talks stall ({tag})", "text": body(tag)}
    record.update(fields)
    return json.dumps(record)


def _feed(folder: Path, name: str, lines: Sequence[str]) -> Path:
    """The lines, then one good line tagged with the kind's folder (unique in a mixed run)."""
    path = folder / name
    good = _line(f"good line of {folder.name}/{name}")
    path.write_text("\n".join([*lines, good]) + "\n", encoding="utf-8")
    return path


def broken_line(folder: Path) -> Made:
    return made(_feed(folder, "broken.jsonl", ['{"text": "cut off here']), 1, 1, "E104")


def not_object(folder: Path) -> Made:
    return made(_feed(folder, "array.jsonl", ["[1, 2, 3]", '"a string"']), 2, 1, "E104")


def missing_text(folder: Path) -> Made:
    return made(_feed(folder, "notext.jsonl", ['{"title": "No text here"}']), 1, 1, "E108")


def empty_text(folder: Path) -> Made:
    return made(_feed(folder, "emptytext.jsonl", ['{"text": "   "}']), 1, 1, "E108")


def text_not_string(folder: Path) -> Made:
    lines = ['{"text": 42}', '{"text": ["a", "b"]}', '{"text": {"x": 1}}', '{"text": null}']
    return made(_feed(folder, "texttype.jsonl", lines), 4, 1, "E108")


def huge_line(folder: Path) -> Made:
    """One line over the 5 MB limit: that line is refused (path:LINE), the next one is read."""
    text = (body("huge line") + "\n") * (5_500_000 // len(body("huge line")))
    return made(_feed(folder, "hugeline.jsonl", [json.dumps({"text": text})]), 1, 1)


def id_collision(folder: Path) -> Made:
    """Two different articles with the same given id: both are stored (the key is the content)."""
    lines = [_line("first of x1", id="x1"), _line("second of x1", id="x1")]
    return made(_feed(folder, "sameid.jsonl", lines), 0, 3)


def odd_ids(folder: Path) -> Made:
    ids = ["a/b", "%00", "../../etc/passwd", "ünï 🙂", 7, "x" * 5000]
    lines = [_line(f"odd id {i}", id=value) for i, value in enumerate(ids)]
    return made(_feed(folder, "oddids.jsonl", lines), 0, len(ids) + 1)


def field_types(folder: Path) -> Made:
    """Non-string metadata: one warning line per field, the article kept."""
    line = _line("field types", title=5, url=[], source=True, published={"y": 2016})
    return made(_feed(folder, "types.jsonl", [line]), 4, 2)


def _date(value: str) -> Kind:
    def write(folder: Path) -> Made:
        line = json.dumps({"text": body(f"published {value}") + LAST_WEEK, "published": value})
        return made(_feed(folder, "dated.jsonl", [line]), 1, 2, verify=sane_dates)

    return Kind(f"jsonl_date_{value[:4]}", "jsonl", write)


def nul_text(folder: Path) -> Made:
    """A NUL character in the text (valid JSON, "\\u0000"): stored on every backend."""
    line = json.dumps({"text": body("nul char").replace(" the ", " the\u0000", 2)})
    return made(_feed(folder, "nul.jsonl", [line]), 0, 2)


def lone_surrogate(folder: Path) -> Made:
    """"\\ud800" in the text: refused in one line, or replaced by U+FFFD (offsets kept) and
    stored, with or without a line saying so."""
    line = json.dumps({"text": body("lone surrogate").replace("Tuesday", "Tues\ud800day")})
    outcomes = (Outcome(1, 2), Outcome(0, 2), Outcome(1, 1))
    return Made((_feed(folder, "surrogate.jsonl", [line]),), outcomes)


def surrogate_fields(folder: Path) -> Made:
    """Surrogates in the title and source: replaced or dropped, with a line for the record or
    one per field, or silently; or the record refused in one line."""
    line = _line("surrogate fields", title="Bad \udfff title", source="Agency \ud83d")
    outcomes = (Outcome(1, 2), Outcome(2, 2), Outcome(0, 2), Outcome(1, 1))
    return Made((_feed(folder, "surrfields.jsonl", [line]),), outcomes)


def deep_json(folder: Path) -> Made:
    """A value nested 100,000 deep: json.loads raises RecursionError, not JSONDecodeError."""
    deep = '{"text": "' + body("deep json") + '", "x": ' + "[" * 100_000 + "]" * 100_000 + "}"
    return made(_feed(folder, "deep.jsonl", [deep]), 1, 1, "E104")


def feed_6mb(folder: Path) -> Made:
    """A 6 MB feed of six articles, each line about 1 MB with its raw page beside the text: the
    size limit is per article, so all are stored."""
    page = "<p>" + "x" * 1_000_000 + "</p>"
    lines = [_line(f"big feed {i}", html=page) for i in range(6)]
    return made(_feed(folder, "feed.jsonl", lines), 0, 7)


def bom_crlf(folder: Path) -> Made:
    path = folder / "bom.jsonl"
    lines = [_line("bom first line"), _line("crlf second line")]
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode() + b"\r\n")
    return made(path, 0, 2)


def only_blank_lines(folder: Path) -> Made:
    path = folder / "blank.jsonl"
    path.write_text("\n\n  \n", encoding="utf-8")
    return made(path, 1, 0, "E101")


def line_separator(folder: Path) -> Made:
    """U+2028 inside a JSON string is legal JSON and no line break: str.splitlines() splits on it."""
    text = body("line separator").replace(". ", ".\u2028", 1)
    line = json.dumps({"text": text}, ensure_ascii=False)
    return made(_feed(folder, "sep.jsonl", [line]), 0, 2)


KINDS = [
    Kind("jsonl_broken_line", "jsonl", broken_line),
    Kind("jsonl_not_object", "jsonl", not_object),
    Kind("jsonl_missing_text", "jsonl", missing_text),
    Kind("jsonl_empty_text", "jsonl", empty_text),
    Kind("jsonl_text_not_string", "jsonl", text_not_string),
    Kind("jsonl_huge_line", "jsonl", huge_line),
    Kind("jsonl_id_collision", "jsonl", id_collision),
    Kind("jsonl_odd_ids", "jsonl", odd_ids),
    Kind("jsonl_field_types", "jsonl", field_types),
    _date("0001-01-01"),
    _date("9999-12-31"),
    Kind("jsonl_nul_text", "jsonl", nul_text),
    Kind("jsonl_lone_surrogate", "jsonl", lone_surrogate),
    Kind("jsonl_surrogate_fields", "jsonl", surrogate_fields),
    Kind("jsonl_deep_json", "jsonl", deep_json),
    Kind("jsonl_feed_6mb", "jsonl", feed_6mb),
    Kind("jsonl_bom_crlf", "jsonl", bom_crlf),
    Kind("jsonl_only_blank_lines", "jsonl", only_blank_lines),
    Kind("jsonl_line_separator", "jsonl", line_separator),
]
