"""coding.py: the precision rules (headline, furniture, duplicates) and the seed article."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.events import find_events
from newsevents.model import Article, Evidence

pytestmark = pytest.mark.model

HEADLINE_TEXT = "Turkey blames Russia for attack\n\nTurkey blamed Russia for the attack on Monday.\n"


def _with_title(text: str) -> dict[str, object]:
    end = text.index("\n")
    return {"title": text[:end], "title_span": Evidence.of(text, 0, end)}


def test_headline_dropped_when_body_repeats_it(code) -> None:  # type: ignore[no-untyped-def]
    actors = [("Turkey", "TUR", "name", 0), ("Russia", "RUS", "name", 0),
              ("Turkey", "TUR", "name", 1), ("Russia", "RUS", "name", 1)]  # fmt: skip
    events = code(HEADLINE_TEXT, actors, **_with_title(HEADLINE_TEXT))
    assert [(e.cameo, e.evidence.text) for e in events] == [
        ("112", "Turkey blamed Russia for the attack on Monday.")
    ]


def test_headline_kept_when_body_does_not_repeat_it(code) -> None:  # type: ignore[no-untyped-def]
    text = "Turkey blames Russia for attack\n\nThe talks resumed on Monday.\n"
    events = code(text, [("Turkey", "TUR"), ("Russia", "RUS")], **_with_title(text))
    assert [(e.cameo, e.evidence.text, e.confidence) for e in events] == [
        ("112", "Turkey blames Russia for attack", 0.7)
    ]


def test_furniture_never_coded(code) -> None:  # type: ignore[no-untyped-def]
    text = "Police arrested protesters in Cairo.\nPhoto: Egyptian police arrested a protester, Reuters\n"
    start = text.index("Photo")
    furniture = (Evidence.of(text, start, len(text) - 1),)
    actors = [
        ("Police", "EGYCOP"),
        ("protesters", "EGYOPP"),
        ("Egyptian police", "EGYCOP"),
        ("a protester", "EGYOPP"),
    ]
    events = code(text, actors, furniture=furniture)
    assert len(events) == 1
    assert events[0].evidence.text == "Police arrested protesters in Cairo."
    assert events[0].cameo == "173" and events[0].plover == "COERCE"


def test_duplicates_in_one_sentence_are_merged(code) -> None:  # type: ignore[no-untyped-def]
    # two triggers, same dyad and code, same sentence: one event
    text = "The army attacked the rebels and launched an attack against the rebels."
    events = code(
        text,
        [("The army", "SYRMIL"), ("the rebels", "SYRREB", "name", 0), ("the rebels", "SYRREB", "name", 1)],
    )
    assert len(events) == 1


def test_evidence_offsets_point_into_the_article(code) -> None:  # type: ignore[no-untyped-def]
    text = "Intro line.\n\nIraqi troops shelled ISIS positions near Mosul.   \n"
    events = code(text, [("Iraqi troops", "IRQMIL"), ("ISIS", "IMGREB")])
    ev = events[0]
    assert (
        text[ev.evidence.start : ev.evidence.end]
        == ev.evidence.text
        == "Iraqi troops shelled ISIS positions near Mosul."
    )
    assert text[ev.trigger.start : ev.trigger.end] == "shelled"
    assert ev.date is None and ev.location is None


# the seed article, with hand-built mentions standing in for the actor stage
SEED_ACTORS = [
    ("Assad", "SYRGOV", "name", 0), ("Syrian regime leader Bashar al Assad", "SYRGOV"),
    ("the regime forces", "SYRMIL"), ("Moderate opposition groups", "SYROPP"), ("Turkey", "TUR", "name", 0),
    ("Saudi Arabia", "SAU", "name", 0), ("UN envoy, Staffan de Mistura", "IGOUNO"),
    ("the Syrian regime", "SYRGOV"), ("Russian air strikes", "RUSMIL", "name", 0),
    ("opposition forces", "SYROPP"), ("Syrian regime forces", "SYRMIL"),
    ("Russian air strikes", "RUSMIL", "name", 1), ("opposition-held", "SYROPP", "name", 0),
    ("The regime leader, Assad", "SYRGOV"), ("European countries", "EUR"), ("I", "SYRGOV", "pronoun", 0),
    ("every person who left Syria", "SYRREF"),
]  # fmt: skip


@pytest.fixture(scope="module")
def seed_events(seed_path, nlp):  # type: ignore[no-untyped-def]
    text = Path(seed_path).read_text(encoding="utf-8")
    doc = nlp(text)
    end = text.index("\n")
    photo = text.index("Photo by")
    caption_end = text.index("\n", text.index("A boy carries"))
    art = Article(id="seed", text=text, title=text[:end], title_span=Evidence.of(text, 0, end),
                  furniture=(Evidence.of(text, photo, caption_end),))  # fmt: skip
    return art, doc


def test_seed_key_events(codebook, seed_events, mention) -> None:  # type: ignore[no-untyped-def]
    art, doc = seed_events
    mentions = [mention(doc, *spec) for spec in SEED_ACTORS]
    events = find_events(doc, art, mentions, codebook)
    by = {
        (e.source.code if e.source else None, e.target.code if e.target else None, e.cameo): e for e in events
    }
    offensive = by[("SYRMIL", "SYROPP", "190")]
    assert offensive.plover == "ASSAULT" and "campaign" in offensive.trigger.text
    # the Russian air strikes backing the regime are an assault on the opposition, not cooperation
    assert ("RUSMIL", "SYROPP", "195") in by and ("RUSMIL", "SYRMIL", "062") not in by
    halt = by[("IGOUNO", None, "164")]
    assert halt.trigger.text == "halted the Geneva peace talks"
    blame = by[("SYRGOV", "EUR", "112")]
    assert blame.plover == "ACCUSE" and blame.quad_class == 3
    appeal = by[("SYRGOV", "SYRREF", "020")]
    assert appeal.plover == "REQUEST" and appeal.modality == "reported"
    stop = next(e for e in events if e.trigger.text.startswith("stop"))
    assert stop.negated and stop.attributed_to is not None and stop.attributed_to.code == "SYRGOV"
    assert not any(art.in_furniture(e.evidence.start, e.evidence.end) for e in events)


def test_unattributed_quote_continues_the_last_speaker(code) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“We will not give up,” said the Turkish minister.\n\n"
        "“I would like to ask the Kurdish rebels to lay down arms.”\n"
    )
    events = code(text, [("the Turkish minister", "TURGOV"), ("the Kurdish rebels", "TURREB")])
    assert [(e.source.code, e.target.code, e.cameo) for e in events] == [("TURGOV", "TURREB", "020")]
    assert events[0].attributed_to.code == "TURGOV"


def test_seed_with_real_actor_mentions(  # type: ignore[no-untyped-def]
    actor_dictionary, codebook, seed_path, nlp,
) -> None:
    from newsevents.actors import find_mentions
    from newsevents.ingest import article_from_text

    text = Path(seed_path).read_text(encoding="utf-8")
    art = article_from_text(text)
    doc = nlp(text)
    events = find_events(doc, art, find_mentions(doc, art, actor_dictionary), codebook)
    found = {
        (e.source.code if e.source else None, e.target.code if e.target else None, e.cameo_root, e.plover)
        for e in events
    }
    # the opposition's country is given after the events, by the actor_countries stage
    assert ("SYRMIL", "OPP", "19", "ASSAULT") in found
    assert any(s == "IGOUNO" and root == "16" for s, _, root, _ in found)
    assert any(s == "SYRGOV" and root == "11" and p == "ACCUSE" for s, _, root, p in found)
    assert any(s == "SYRGOV" and root == "02" and p == "REQUEST" for s, _, root, p in found)
    assert any(e.negated for e in events)
    assert not any(art.in_furniture(e.evidence.start, e.evidence.end) for e in events)
    # "a major Russian-backed offensive": by the forces Russia was shown backing
    backed = [e for e in events if e.trigger.text == "offensive" and e.modality == "reported"]
    assert [(e.source.code, e.cameo_root) for e in backed if e.source] == [("SYRMIL", "19")]
