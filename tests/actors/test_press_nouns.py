"""A body named by what it publishes is the press (sectors.yml): "newspaper", "magazine",
"broadcasters" make MED, and a "business publication" is a paper about business, not a business;
settlers are civilians, as in PETRARCH's agents. The sentences are the project's own."""

from __future__ import annotations

import pytest

from newsevents.actors import find_mentions

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "word", "code"),
    [
        ("The mayor sued the Harbour Gazette newspaper over the report.", "newspaper", "MED"),
        ("Regulators fined two broadcasters for the broadcast.", "broadcasters", "MED"),
        ("The minister attacked the city's leading business publication.", "business publication", "MED"),
        ("Police evicted settlers from the hilltop outpost.", "settlers", "CVL"),
    ],
)
def test_press_and_settler_nouns(actor_dictionary, parse, text: str, word: str, code: str) -> None:  # type: ignore[no-untyped-def]
    art, doc = parse(text)
    codes = {m.actor.text: m.actor.code for m in find_mentions(doc, art, actor_dictionary)}
    found = {t: c for t, c in codes.items() if word in t}
    assert found, codes
    assert set(found.values()) == {code}
