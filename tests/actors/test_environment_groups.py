"""Environmental and conservation groups are NGOs (sectors.yml), as aid groups and charities are;
before, "environment groups" was no actor and its accusation had no source. The sentences are the
project's own."""

from __future__ import annotations

import pytest

from newsevents.actors import find_mentions

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Several environment groups accused the company of greenwashing.", "environment groups"),
        ("Conservation groups condemned the hunting quota.", "Conservation groups"),
        ("Environmentalists criticised the pipeline.", "Environmentalists"),
    ],
)
def test_environmental_groups_are_ngos(actor_dictionary, parse, text: str, group: str) -> None:  # type: ignore[no-untyped-def]
    art, doc = parse(text)
    codes = {m.actor.text: m.actor.code for m in find_mentions(doc, art, actor_dictionary)}
    assert codes.get(group) == "NGO"
