"""The seed article: the headline actors, coreference, furniture, and the cost of finding mentions."""

from __future__ import annotations

import itertools
import re
import time
from pathlib import Path

import pytest

from newsevents.actors import find_mentions
from newsevents.model import Article, Evidence

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def seed(actor_dictionary, seed_path: Path, nlp):  # type: ignore[no-untyped-def]
    text = seed_path.read_text(encoding="utf-8")
    lines = re.finditer(r"^Photo by:.*$", text, re.M)
    furniture = tuple(Evidence.of(text, m.start(), m.end()) for m in lines)
    title = text.split("\n", 1)[0]
    art = Article(id="seed", text=text, published="2016-02-13", furniture=furniture,
                  title_span=Evidence.of(text, 0, len(title)))
    doc = nlp(text)
    return art, doc, find_mentions(doc, art, actor_dictionary)


def test_headline_actors(seed) -> None:  # type: ignore[no-untyped-def]
    _, _, ms = seed
    codes = {(m.actor.text, m.actor.code) for m in ms}
    assert ("Assad", "SYRGOV") in codes  # the headline is coded
    assert ("Syrian regime forces", "SYRMIL") in codes
    assert ("Russian air strikes", "RUSMIL") in codes
    assert ("Turkey", "TUR") in codes
    # the opposition's country is the actor_countries stage's to give, once events are placed
    assert any(m.actor.sector == "OPP" and m.needs_country and m.actor.country is None for m in ms)
    named = [m for m in ms if m.actor.name == "Bashar al-Assad"]
    assert len(named) > 10 and all(m.actor.code == "SYRGOV" for m in named)
    envoy = next(m for m in ms if "Staffan" in m.actor.text)
    assert (envoy.actor.code, envoy.actor.name, envoy.actor.country) == ("IGOUNO", "Staffan de Mistura", None)


def test_he_said_he_would_possibly_is_assad(seed) -> None:  # type: ignore[no-untyped-def]
    art, _, ms = seed
    at = art.text.index("he said that he would possibly")
    hes = [m for m in ms if m.kind == "pronoun" and at <= m.actor.evidence.start < at + 20]
    assert len(hes) == 2
    assert all(m.actor.name == "Bashar al-Assad" for m in hes)


def test_mentions_are_sorted_disjoint_and_outside_furniture(seed) -> None:  # type: ignore[no-untyped-def]
    art, _, ms = seed
    assert art.furniture
    for a, b in itertools.pairwise(ms):
        assert a.token_end <= b.token_start
    for m in ms:
        ev = m.actor.evidence
        assert art.text[ev.start : ev.end] == ev.text == m.actor.text
        assert not art.in_furniture(ev.start, ev.end)
    assert not any(m.actor.name == "Reuters" for m in ms)


def test_finding_mentions_costs_little_next_to_the_parse(  # type: ignore[no-untyped-def]
    actor_dictionary, seed, nlp,
) -> None:
    art, doc, _ = seed
    dictionary = actor_dictionary
    start = time.perf_counter()
    for _ in range(5):
        find_mentions(doc, art, dictionary)
    per_article = (time.perf_counter() - start) / 5
    start = time.perf_counter()
    nlp(art.text)
    parse = time.perf_counter() - start
    assert per_article < parse
