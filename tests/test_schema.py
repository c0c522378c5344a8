"""The shipped JSON Schema and model.py describe the same contract, and real output validates."""

from __future__ import annotations

import json
from dataclasses import fields
from importlib import resources

import jsonschema
import pytest

from newsevents import model

SCHEMA = json.loads(resources.files("newsevents").joinpath("schema.json").read_text())


@pytest.mark.parametrize(
    ("definition", "cls", "json_only", "python_only"),
    [
        ("article", model.Article, set(), {"origin", "title_span", "received"}),
        ("event", model.Event, set(), set()),
        ("quantity", model.Quantity, set(), set()),
        ("quote", model.Quote, set(), set()),
        ("place", model.Place, set(), set()),
        ("actor", model.Actor, set(), set()),
        ("event_location", model.EventLocation, set(), set()),
        ("evidence", model.Evidence, set(), set()),
    ],
)
def test_schema_properties_match_dataclass_fields(definition, cls, json_only, python_only) -> None:
    props = set(SCHEMA["$defs"][definition]["properties"])
    names = {f.name for f in fields(cls)}
    assert props - json_only == names - python_only


def _hand_built() -> model.Extraction:
    text = "Rebels shelled Aleppo\n\nRebels shelled the city of Aleppo on Monday, killing 12 people."
    ev = model.Evidence.of
    art = model.Article(id="0123456789abcdef", text=text, title="Rebels shelled Aleppo",
                        published="2016-02-13", title_span=ev(text, 0, 21))
    rebels = model.Actor("Rebels", "rebels", "SYRREB", "SYR", "REB", ev(text, 23, 29))
    loc = model.EventLocation("Aleppo", 36.2, 37.16, "SYR", "city", ev(text, 50, 56))
    event = model.Event(rebels, None, "195", "19", "ASSAULT", 4, -10.0, ev(text, 23, len(text)),
                        ev(text, 30, 37), plover_mode="aerial", date="2016-02-08", date_precision="day",
                        location=loc, confidence=0.7)
    qty = model.Quantity("killed", 12, None, None, "exact", "reported", ev(text, 76, 85), event_index=0)
    quote = model.Quote(None, "Rebels shelled the city", False, "said", ev(text, 23, 46))
    place = model.Place("Aleppo", 36.2, 37.16, "SYR", "city", (ev(text, 15, 21), ev(text, 50, 56)))
    mention = model.ActorMention(rebels, 4, 5, 4, "noun")
    return model.Extraction(art, (event,), (qty,), (quote,), (place,), (mention,))


def test_hand_built_extraction_validates_and_offsets_hold() -> None:
    data = json.loads(_hand_built().to_json())
    jsonschema.validate(data, SCHEMA)
    text = data["article"]["text"]
    assert text[76:85] == data["quantities"][0]["evidence"]["text"] == "12 people"
    assert data["actors"] == [{**data["events"][0]["source"], "kind": "noun"}]


def test_schema_rejects_a_broken_event() -> None:
    data = json.loads(_hand_built().to_json())
    data["events"][0]["cameo_root"] = "195"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)


def test_no_text_flag_drops_text_but_stays_valid() -> None:
    data = _hand_built().to_dict(include_text=False)
    assert "text" not in data["article"]
    jsonschema.validate(data, SCHEMA)
