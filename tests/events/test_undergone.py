"""Acts told from the side of whoever undergoes them, through the real pipeline.

"The convoy came under fire from X" is X's attack on the convoy, "the plan met with opposition
from X" X's disapproval of it, and "X faced criticism from Y" Y's criticism: the subject undergoes
the act, "from" names its doer (`source_from: giver`, `parties.received`). Before, the converted
dictionary read "the army came" as military aid (072), and "met with opposition from China" as a
meeting between the plan's owner and a Chinese opposition. With no "from", the subject is the
target of an act by no one named. The sentences are the project's own.
"""

from __future__ import annotations

import pytest
from tests.events.conftest import side_triples

pytestmark = pytest.mark.model


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
    coded = side_triples(text)
    assert expected in coded
    assert not any(code.startswith(("04", "07")) for _, _, code in coded)


def test_with_no_doer_named_the_subject_is_the_target() -> None:
    assert side_triples("A Nigerian army convoy came under fire near Maiduguri on Monday.") == {
        (None, "NGA", "190")
    }


def test_criticism_received_is_one_event_not_also_the_noun() -> None:
    coded = side_triples("The Kenyan plan met with strong criticism from Ugandan officials.")
    assert coded == {("UGA", "KEN", "111")}


def test_a_meeting_is_still_a_meeting() -> None:
    coded = side_triples("The Ethiopian government met with Eritrean officials on Monday.")
    assert ("ETH", "ERI", "040") in coded and ("ERI", "ETH", "040") in coded
