"""The contract's own helpers: the furniture test every stage asks for each candidate word, and
each object's JSON form."""

from __future__ import annotations

import json
import pickle
import random
from importlib import resources

import jsonschema

from newsevents.model import (
    Actor,
    ActorMention,
    Article,
    Event,
    EventLocation,
    Evidence,
    Extraction,
    Place,
    Quantity,
    Quote,
    evolve,
)

SCHEMA = json.loads(resources.files("newsevents").joinpath("schema.json").read_text())


def _valid(data: object, definition: str) -> None:
    """Validate `data` against one definition of the shipped schema."""
    wrapper = {"$schema": SCHEMA["$schema"], "$defs": SCHEMA["$defs"], "$ref": f"#/$defs/{definition}"}
    jsonschema.validate(data, wrapper)

TEXT = "x" * 1000


def test_in_furniture_is_the_overlap_with_any_span_even_unsorted_or_nested() -> None:
    rnd = random.Random(5)
    for _ in range(200):
        spans = []
        for _ in range(rnd.randint(0, 6)):
            start = rnd.randint(0, 990)
            spans.append(Evidence.of(TEXT, start, start + rnd.randint(1, 40)))
        article = Article(id="a", text=TEXT, furniture=tuple(spans))
        for _ in range(40):
            start = rnd.randint(0, 999)
            end = start + rnd.randint(1, 30)
            assert article.in_furniture(start, end) == any(f.start < end and start < f.end for f in spans)


def test_an_article_asked_about_furniture_still_compares_and_pickles_as_before() -> None:
    article = Article(id="a", text=TEXT, furniture=(Evidence.of(TEXT, 10, 20),))
    twin = Article(id="a", text=TEXT, furniture=(Evidence.of(TEXT, 10, 20),))
    assert article.in_furniture(15, 16) and not article.in_furniture(20, 30)
    assert article == twin and pickle.loads(pickle.dumps(article)) == twin


def hand_built() -> Extraction:
    """One hand-built article with one of each contract object, tuples and nesting included."""
    text = "Rebels shelled Aleppo\n\nRebels shelled the city of Aleppo on Monday, killing 12 people."
    ev = Evidence.of
    article = Article(id="0123456789abcdef", text=text, title="Rebels shelled Aleppo", published="2016-02-13",
                      title_span=ev(text, 0, 21), furniture=(ev(text, 0, 6),))  # fmt: skip
    rebels = Actor("Rebels", "rebels", "SYRREB", "SYR", "REB", ev(text, 23, 29))
    where = EventLocation("Aleppo", 36.2, 37.16, "SYR", "city", ev(text, 50, 56))
    event = Event(rebels, None, "195", "19", "ASSAULT", 4, -10.0, ev(text, 23, len(text)), ev(text, 30, 37),
                  date="2016-02-08", date_precision="day", location=where)  # fmt: skip
    figure = Quantity("killed", 12, None, None, "exact", "reported", ev(text, 76, 85), event_index=0)
    quote = Quote(rebels, "Rebels shelled the city", False, "said", ev(text, 23, 46))
    place = Place("Aleppo", 36.2, 37.16, "SYR", "city", (ev(text, 15, 21), ev(text, 50, 56)))
    mention = ActorMention(rebels, 4, 5, 4, "noun")
    return Extraction(article, (event,), (figure,), (quote,), (place,), (mention,))


def test_each_contract_object_is_a_json_ready_dict_in_the_schema_shape() -> None:
    extraction = hand_built()
    event = extraction.events[0]
    data = json.loads(json.dumps(event.to_dict()))
    _valid(data, "event")
    assert data["source"]["code"] == "SYRREB" and data["location"]["evidence"]["text"] == "Aleppo"
    assert data["trigger"] == {"start": 30, "end": 37, "text": "shelled"}
    place = extraction.locations[0].to_dict()
    assert [m["start"] for m in place["mentions"]] == [15, 50]
    _valid(place, "place")
    others = [(extraction.quantities[0], "quantity"), (extraction.quotes[0], "quote"),
              (event.source, "actor"), (extraction.actors[0], "actor_mention")]  # fmt: skip
    for obj, name in others:
        _valid(json.loads(json.dumps(obj.to_dict())), name)


def test_an_extraction_is_made_of_its_objects_dicts_so_the_two_never_disagree() -> None:
    extraction = hand_built()
    data = json.loads(extraction.to_json())
    assert data["events"] == [e.to_dict() for e in extraction.events]
    assert data["quantities"] == [q.to_dict() for q in extraction.quantities]
    assert data["quotes"] == [q.to_dict() for q in extraction.quotes]
    assert data["locations"] == [p.to_dict() for p in extraction.locations]
    assert data["actors"] == [{**extraction.events[0].source.to_dict(), "kind": "noun"}]
    assert data["article"] == extraction.article.to_dict()
    assert data["article"]["furniture"] == [{"start": 0, "end": 6, "text": "Rebels"}]
    assert "text" not in extraction.article.to_dict(include_text=False)


def test_evolve_makes_what_replace_makes_and_refuses_what_it_refuses() -> None:
    """`evolve` copies the fields as one dict: the copy must equal `dataclasses.replace`'s, leave
    the original alone, carry no cached property's value over, and refuse a name that is no field."""
    import dataclasses

    import pytest

    ev = Evidence(0, 4, "xxxx")
    event = Event(Actor("SYR", "Syria", "SYR", None), None, "190", "19", "ASSAULT", 4, -10.0, ev, ev)
    made = evolve(event, date="2024-01-02", negated=True)
    assert made == dataclasses.replace(event, date="2024-01-02", negated=True)
    assert repr(made) == repr(dataclasses.replace(event, date="2024-01-02", negated=True))
    assert type(made) is Event and event.date is None and not event.negated
    assert pickle.loads(pickle.dumps(made)) == made and hash(made) == hash(dataclasses.replace(made))
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.date = "2025"  # type: ignore[misc]
    with pytest.raises(TypeError):
        evolve(event, when="2024")
    article = Article("a", "x" * 10, title="t")
    assert not article.in_furniture(0, 2)  # its furniture index is now cached on it
    copied = evolve(article, furniture=(Evidence(0, 1, "x"),))
    assert copied == dataclasses.replace(article, furniture=(Evidence(0, 1, "x"),))
    assert copied.in_furniture(0, 2)  # worked out for the copy's own furniture, not carried over


def test_evolve_leaves_a_class_with_post_init_to_replace() -> None:
    import dataclasses

    @dataclasses.dataclass(frozen=True)
    class Checked:
        n: int

        def __post_init__(self) -> None:
            if self.n < 0:
                raise ValueError("negative")

    import pytest

    with pytest.raises(ValueError):
        evolve(Checked(1), n=-1)

    @dataclasses.dataclass(frozen=True, slots=True)
    class Slotted:
        n: int

    @dataclasses.dataclass(frozen=True)
    class Wider(Slotted):
        m: int = 0

    assert evolve(Wider(1, 2), m=3) == Wider(1, 3)
