"""What some stages work out once per article from the words' strings, instead of once per word or
sentence: the same answers the per-word questions give, on real articles."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from newsevents.actors.recognise import _key_of, _match_keys
from newsevents.events.trigger_keys import CANDIDATES, candidates, in_span, keys_of, kind_by_tags
from newsevents.geo.unlisted import _Taken
from newsevents.nlp import sentences_of
from newsevents.nlp.words import words

SHARED = Path(__import__("os").environ["NEWSEVENTS_SHARED"])


def _texts() -> list[str]:
    paths = sorted((SHARED / "corpus" / "articles").glob("*.txt"))[:20]
    return [p.read_text(encoding="utf-8") for p in paths]


@pytest.mark.model
def test_trigger_candidates_are_the_words_whose_kind_has_an_entry(nlp, codebook) -> None:  # type: ignore[no-untyped-def]
    known, memo = codebook.triggers.known_keys, {}
    for doc in nlp.pipe(_texts()):
        w = words(doc)
        expected = [
            i for i in range(len(doc))
            if (kind := kind_by_tags(w.pos[i], w.dep[i])) is not None
            and not known[kind].isdisjoint(keys_of(w.lemma[i], w.lower[i]))
        ]  # fmt: skip
        found = candidates(doc, known, memo)
        assert found == expected and doc.user_data[CANDIDATES][1] is found  # kept with the Doc
        for sent in sentences_of(doc):
            assert in_span(found, sent.start, sent.end) == [i for i in expected if sent.start <= i < sent.end]
    assert memo  # the answers are kept for the next article


@pytest.mark.model
def test_actor_keys_skip_lone_dashes_and_keep_spaces(nlp) -> None:  # type: ignore[no-untyped-def]
    known: dict[str, str | None] = {}
    docs = [*nlp.pipe(_texts()), nlp("Pro - Russian  separatists \u2014 and Saudi-led forces.")]
    for doc in docs:
        lowers = words(doc).lower
        expected = [(i, _key_of(x)[0]) for i, x in enumerate(lowers) if any(_key_of(x))]
        for _ in range(2):  # words met for the first time, then known
            pos, keys = _match_keys(lowers, known)
            assert list(zip(pos, keys, strict=True)) == expected


def test_taken_ranges_overlap_as_a_scan_of_them_says() -> None:
    rng = random.Random(7)
    for _ in range(200):
        starts = [rng.randint(0, 100) for _ in range(rng.randint(0, 8))]
        ranges = [(a, a + rng.randint(1, 15)) for a in starts]
        taken = _Taken(list(ranges))
        for start in range(0, 110, 3):
            end = start + rng.randint(1, 12)
            assert taken.overlaps(start, end) == any(a < end and start < b for a, b in ranges)


def test_title_tokens_are_the_run_a_scan_finds() -> None:
    from array import array

    from newsevents.model import Article, Evidence
    from newsevents.nlp.parsed import _in_title

    starts, ends = array("q", [0, 4, 5, 10, 11, 17, 18]), [4, 5, 10, 11, 17, 18, 25]
    for title in (None, Evidence(0, 10, ""), Evidence(4, 17, ""), Evidence(2, 9, ""), Evidence(18, 25, "")):
        article = Article(id="a", text="x" * 25, title_span=title)
        pairs = zip(starts, ends, strict=True)
        expected = tuple(title is not None and title.start <= a and b <= title.end for a, b in pairs)
        assert _in_title(article, starts, ends) == expected


def test_demonyms_may_start_only_at_capitalised_first_words(actor_dictionary, gaz) -> None:  # type: ignore[no-untyped-def]
    from newsevents.actors.dictionary import norm_token
    from newsevents.geo.demonyms import DemonymTable

    table = DemonymTable.of(actor_dictionary, gaz)
    texts = ["Syrian", "syrian", "forces", "U.S.-led", "Sudanese", "SYRIAN", "the", "South", "Korean"]
    expected = [i for i, t in enumerate(texts) if t[:1].isupper() and norm_token(t) in table.starts]
    assert expected and table.may_start(texts) == expected == table.may_start(texts)
    assert table.known["Syrian"] is True and table.known["syrian"] is False
