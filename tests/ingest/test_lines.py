"""`lines_of`: an article's lines split once, the same lines `split_lines` gives."""

from __future__ import annotations

from newsevents.ingest.lines import lines_of, split_lines

TEXT = "Clashes in Aleppo\n\n  Syrian forces shelled Aleppo.  \r\nPhoto: Reuters\n\n\nThe UN said 3,000 fled."


def test_lines_of_a_text_are_its_split_lines_made_once() -> None:
    assert list(lines_of(TEXT)) == split_lines(TEXT)
    assert lines_of(TEXT) is lines_of(TEXT)
    assert [TEXT[line.start : line.end] for line in lines_of(TEXT)] == [line.text for line in lines_of(TEXT)]
