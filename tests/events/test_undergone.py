"""Acts told from the side of whoever undergoes them, through the real pipeline.

"The convoy came under fire from X" is X's attack on the convoy, "the plan met with opposition
from X" X's disapproval of it, and "X faced criticism from Y" Y's criticism: the subject undergoes
the act, "from" names its doer (`source_from: giver`, `parties.received`). Before, the converted
dictionary read "the army came" as military aid (072), and "met with opposition from China" as a
meeting between the plan's owner and a Chinese opposition. With no "from", the subject is the
target of an act by no one named. The sentences are the project's own.
"""

from __future__ import annotations

import hashlib

import pytest

import newsevents
from newsevents.model import Actor, Article

pytestmark = pytest.mark.model


def _side(actor: Actor | None) -> str | None:
    return (actor.country or actor.code) if actor else None


def _coded(text: str) -> set[tuple[str | None, str | None, str]]:
    """(source country or code, target country or code, CAMEO code) of each event."""
    article = Article(id=hashlib.sha1(text.encode()).hexdigest()[:16], text=text, published="2024-05-01")
    return {(_side(e.source), _side(e.target), e.cameo) for e in newsevents.extract(article).events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Israeli army came under fire from Hamas fighters.", ("PSE", "ISR", "190")),
        ("Ukrainian troops came under heavy fire from Russian forces.", ("RUS", "UKR", "190")),
        ("The Malaysian proposal met with opposition from China.", ("CHN", "MYS", "110")),
        ("The Pakistani government came under criticism from Indian officials.", ("IND", "PAK", "111")),
        ("The Kenyan government faced criticism from Ugandan officials.", ("UGA", "KEN", "111")),
    ],
)
def test_the_subject_undergoes_what_from_names_its_doer_doing(text: str, expected: tuple) -> None:
    coded = _coded(text)
    assert expected in coded
    assert not any(code.startswith(("04", "07")) for _, _, code in coded)


def test_with_no_doer_named_the_subject_is_the_target() -> None:
    assert _coded("A Nigerian army convoy came under fire near Maiduguri on Monday.") == {
        (None, "NGA", "190")
    }


def test_criticism_received_is_one_event_not_also_the_noun() -> None:
    coded = _coded("The Kenyan plan met with strong criticism from Ugandan officials.")
    assert coded == {("UGA", "KEN", "111")}


def test_a_meeting_is_still_a_meeting() -> None:
    coded = _coded("The Ethiopian government met with Eritrean officials on Monday.")
    assert ("ETH", "ERI", "040") in coded and ("ERI", "ETH", "040") in coded
