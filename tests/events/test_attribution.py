"""One speaker resolver for the quotes and the events: whoever a quote gives the words to is who an
event told in those words is attributed to, on real articles and on each new kind of speaker."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsevents import extract, pipe
from newsevents.model import Extraction

SHARED = Path(os.environ.get("NEWSEVENTS_SHARED", Path(__file__).resolve().parents[2].parent / "shared"))
SEED = SHARED / "seed" / "000_794fa90fa2d30440.txt"
CORPUS = SHARED / "corpus" / "articles"

pytestmark = pytest.mark.model


def _pairs(x: Extraction) -> list[tuple[str, str | None, str]]:
    """(trigger, quote speaker's name, event's attributed_to name) for every attributed event told
    inside a quote: the innermost quote holding its trigger ("NNA reported that the group said it
    had fired rockets": the group's words hold "fired")."""
    out = []
    for e in x.events:
        holding = [q for q in x.quotes if q.evidence.start <= e.trigger.start < q.evidence.end]
        if e.attributed_to is None or not holding:
            continue
        q = min(holding, key=lambda q: q.evidence.end - q.evidence.start)
        out.append((e.trigger.text, q.speaker.name if q.speaker else None, e.attributed_to.name))
    return out


def test_events_and_quotes_agree_on_the_seed_and_the_corpus() -> None:
    if not SEED.exists() or not CORPUS.exists():
        pytest.fail(f"seed or corpus missing under {SHARED}; set NEWSEVENTS_SHARED to the shared folder")
    paths = [SEED, *sorted(CORPUS.glob("*.txt"))]
    pairs = []
    for path, x in zip(paths, pipe([p.read_text(encoding="utf-8") for p in paths]), strict=True):
        pairs.extend((path.name, *pair) for pair in _pairs(x))
    assert len(pairs) >= 50  # the seed's interview and the corpus's statements give many
    assert [p for p in pairs if p[2] != p[3]] == []


def test_spokesman_for_an_organisation_speaks_for_it_with_the_role_kept() -> None:
    x = extract("A spokesman for the Taliban said the group had attacked a police post in Kunduz on Sunday.")
    (quote,) = x.quotes
    assert quote.speaker is not None
    assert (quote.speaker.text, quote.speaker.name) == ("A spokesman for the Taliban", "Taliban")
    assert quote.speaker.code and quote.speaker.code != "GOV"  # the Taliban's code, not a spokesman's
    attacks = [e for e in x.events if e.trigger.text == "attacked"]
    assert attacks and all(e.attributed_to == quote.speaker for e in attacks)


def test_transcript_label_speaks_for_the_events_of_its_paragraph() -> None:
    x = extract(
        "Syrian President Bashar al-Assad gave an interview to the agency on Thursday.\n\n"
        "Q: Will the Syrian army attack the rebels in Aleppo?\n\n"
        "ASSAD: The Syrian army will attack the terrorists in Aleppo next week."
    )
    answer = x.quotes[-1]
    assert answer.speaker is not None and answer.speaker.name == "Bashar al-Assad"
    told = [e for e in x.events if e.evidence.start >= answer.evidence.start]
    assert told and all(e.attributed_to == answer.speaker and e.modality != "asserted" for e in told)
    asked = [e for e in x.events if e.evidence.end <= answer.evidence.start - len("ASSAD: ")]
    assert all(e.attributed_to is None and e.modality != "asserted" for e in asked)  # the interviewer's


def test_verb_of_saying_the_codebook_lacks_still_attributes() -> None:
    """ "tweeted" is a verb of saying of the speech lists only: the event is still the mission's."""
    x = extract(
        "The African Union mission to Somalia tweeted that AU and government forces had "
        "“taken control” of the hotel after the attack by al-Shabab fighters."
    )
    assert _pairs(x) and all(quoted == attributed for _, quoted, attributed in _pairs(x))


def test_a_place_after_a_role_noun_is_not_whom_it_serves() -> None:
    """ "the military in Mali": a place, not an organisation the military speaks for."""
    x = extract("The military in Mali said that jihadists had attacked an army camp near Gao on Friday.")
    (quote,) = x.quotes
    assert quote.speaker is not None and quote.speaker.text == "military" and quote.speaker.sector == "MIL"
    assert all(e.attributed_to == quote.speaker for e in x.events)


def test_role_at_an_organisation_keeps_the_role_but_not_the_day() -> None:
    x = extract(
        "A spokesman at the Yemeni defence ministry on Sunday said that Houthi rebels had attacked a "
        "base in Marib."
    )
    (quote,) = x.quotes
    assert quote.speaker is not None
    assert quote.speaker.text == "A spokesman at the Yemeni defence ministry"
    assert quote.speaker.country == "YEM"
    assert all(e.attributed_to == quote.speaker for e in x.events)


def test_a_pronoun_quoted_word_for_word_is_not_its_speaker() -> None:
    """ "X said it had expelled": the unresolved "it" is the speaker; a speaker quoted word for
    word calls itself "we", so the quoted "they" of 'Police said: "They shot at our officers"' is
    someone else, never the police."""
    quoted = extract('Police said on Monday: "They shot at our officers."')
    shots = [e for e in quoted.events if e.cameo.startswith("19")]
    assert shots and all(e.source is None or e.source.sector != "COP" for e in shots)
    reported = extract("Switzerland said it had expelled two diplomats.")
    assert any(e.source is not None and e.source.country == "CHE" for e in reported.events)
